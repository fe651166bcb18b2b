// The features' derived products live in the one pipeline (core/derived.h): above
// kAsyncProductRows projects a slow one (the clusters) runs on a worker, and Derived::pending()
// says so until its result is in — the idle check of the window (ui/app.cpp) and every capture
// wait on exactly that, so a slow analysis appears without the user touching anything. The
// result is the analysis function's, computed once for the window, the command line and exports.
#include <gtest/gtest.h>

#include "core/analysis/products.h"
#include "core/derived.h"
#include "data/generator.h"
#include "sample_model.h"
#include "temp_dir.h"

using namespace cm;

TEST(DerivedProducts, ASlowProductIsPendingUntilItsResultIsIn) {
  test::TempDir dir("chainmap-products");
  const std::string path = (dir.path / "p60k.csv").string();
  auto model = std::make_shared<Model>();
  ASSERT_TRUE(test::loadMap(*model));
  const size_t n = kAsyncProductRows + 10'000;
  ASSERT_TRUE(generateProjects(path, GeneratorOptions{kSampleSeed, n}, model->districts, model->parks));
  ASSERT_TRUE(test::loadModel(*model, path));
  ASSERT_EQ(model->projects.size(), n);

  Derived d;
  d.addProduct(ids::kParkShapes, std::make_unique<ParkShapesProduct>());
  d.addProduct(ids::kClusters, std::make_unique<ClusterProduct>());
  FeatureStates features;
  features.get<ClusterSettings>(ids::kClusters).dbscan.eps_m = 800;
  DerivedInputs in;
  in.model = model;
  in.model_rev = 1;
  in.features = &features;
  in.allow_async = true;
  d.update(in);  // nothing shows the clusters: not computed
  d.wait();      // (the bubbles' order and pyramid may take a worker of their own)
  EXPECT_FALSE(d.pending());
  EXPECT_EQ(d.product<ClusterProduct>(ids::kClusters)->get(), nullptr);

  in.demanded = {ids::kClusters};
  d.update(in);
  EXPECT_TRUE(d.pending()) << "a product on a worker must keep the window awake";
  EXPECT_LT(d.productsProgress(), 1.f);
  d.wait();
  EXPECT_FALSE(d.pending());
  const ClusterResult* got = d.product<ClusterProduct>(ids::kClusters)->get();
  ASSERT_NE(got, nullptr);
  const ClusterResult direct = clusterAnalysis(*model, Filter{}, features.get<ClusterSettings>(ids::kClusters), ParkShapes{});
  EXPECT_EQ(got->result.clusters.size(), direct.result.clusters.size());
  EXPECT_EQ(got->result.noise, direct.result.noise);
  EXPECT_EQ(got->parks_without_cluster, direct.parks_without_cluster);

  // A new setting: pending again, the old result stays on screen meanwhile.
  features.get<ClusterSettings>(ids::kClusters).dbscan.eps_m = 1500;
  d.update(in);
  EXPECT_TRUE(d.pending());
  EXPECT_NE(d.product<ClusterProduct>(ids::kClusters)->get(), nullptr) << "the last result stays until the new one is in";
  d.wait();
  EXPECT_FALSE(d.pending());
}
