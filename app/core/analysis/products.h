// The planner's analyses as derived products (the viewer's side of core/analysis/): each is
// computed from (model revision, filter, its own parameters) only while something shows it, kept
// until its key changes, and computed on a worker above kAsyncRows projects (the last result stays
// on screen meanwhile, pending() and progress() tell the UI). GL-free; the frame driver updates
// it after the panels have edited the state, like core/derived.h.
#pragma once
#include <memory>
#include <tuple>

#include "core/analysis/conformance.h"
#include "core/analysis/dbscan.h"
#include "core/analysis/density.h"
#include "core/analysis/hulls.h"
#include "core/analysis/nni.h"
#include "core/analysis/park_shapes.h"
#include "core/cached.h"

namespace cm {

struct AnalysisRequest {
  bool clusters = false;
  DbscanParams dbscan;
  bool concave = false;
  bool density = false;
  DensityParams density_params;
  bool conformance = false;
  bool nni = false;
  std::shared_ptr<const ParkShapes> shapes;  // null: every park its catchment circle
  uint64_t shapes_rev = 0;                   // changes whenever `shapes` does
  bool allow_async = true;                   // false: computed before update() returns (screenshots)
};

struct ClusterProduct {
  DbscanResult result;
  std::vector<MultiPolygon> hulls;         // per cluster, display CRS
  std::vector<ClusterPark> parks;          // per cluster: the park it sits in (-1: emerging)
  std::vector<int> parks_without_cluster;  // parks with no cluster of their main industry
};

struct DensityProduct {
  DensityGrid grid;
  std::vector<float> breaks;  // colour classes (per km²)
  bool weight_investment = false;
};

class AnalysisProducts {
 public:
  static constexpr size_t kAsyncRows = 50'000;
  void update(const std::shared_ptr<const Model>& m, uint64_t model_rev, const Filter& f, const AnalysisRequest& r);
  // Null until a first result is in (or when not requested).
  const ClusterProduct* clusters() const { return want_clusters_ && clusters_.key() ? &clusters_.get() : nullptr; }
  const DensityProduct* density() const { return want_density_ && density_.key() ? &density_.get() : nullptr; }
  const Conformance* conformance() const { return want_conformance_ && conformance_.has() ? &conformance_.get() : nullptr; }
  const NniResult* nni() const { return want_nni_ && nni_.key() ? &nni_.get() : nullptr; }
  uint64_t clustersRevision() const { return clusters_.revision(); }
  uint64_t densityRevision() const { return density_.revision(); }
  uint64_t conformanceRevision() const { return conformance_.revision(); }
  bool pending() const { return clusters_.pending() || density_.pending() || nni_.pending(); }
  float progress() const;
  void wait();  // every requested product in (screenshots, tests)
  const ParkShapes& shapes() const { return shapes_ ? *shapes_ : default_shapes_; }

 private:
  using ClusterKey = std::tuple<uint64_t, Filter, double, int, bool, bool, uint64_t>;
  using DensityKey = std::tuple<uint64_t, Filter, double, bool, double>;
  using FilterKey = std::tuple<uint64_t, Filter>;
  using ConformanceKey = std::tuple<uint64_t, Filter, uint64_t>;
  AsyncCached<ClusterKey, ClusterProduct> clusters_;
  AsyncCached<DensityKey, DensityProduct> density_;
  AsyncCached<FilterKey, NniResult> nni_;
  Cached<ConformanceKey, Conformance> conformance_;
  bool want_clusters_ = false, want_density_ = false, want_conformance_ = false, want_nni_ = false;
  std::shared_ptr<const ParkShapes> shapes_;
  ParkShapes default_shapes_;
};

}  // namespace cm
