// One truth for every figure (issue 17): for random filters, the window's figures (the statistics
// engine, the annual targets, park conformance, the clusters — what the panels and windows show),
// the command line's (`--stats`, `--analyze parks|clusters`, `--export`) and the window's analysis
// export (the GeoPackage QGIS opens) are the same numbers. Each comes from one function; this test
// is what keeps it so.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/analysis/products.h"
#include "data/gdal/gdal_util.h"
#include "run_cli.h"
#include "started_app.h"
#include "temp_dir.h"
#include "ui/feature.h"

using namespace cm;
using nlohmann::json;

namespace {

std::string runCli(const std::string& args, int& code) {
  const test::CliRun r = test::runChainmap(CHAINMAP_EXE, args);
  code = r.code;
  return r.out;
}

json cliJson(const std::string& args) {
  int code = -1;
  const std::string out = runCli(args, code);
  EXPECT_EQ(code, 0) << args;
  json j = json::parse(out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << args << "\n" << out.substr(0, 300);
  return j;
}

// A random filter, and the same as command-line flags.
struct RandomFilter {
  Filter filter;
  std::string flags;
};

RandomFilter randomFilter(std::mt19937& rng, const Model& m) {
  RandomFilter r;
  Filter& f = r.filter;
  std::ostringstream flags;
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const int from = 2023 * 12 + pick(14), to = std::min(2024 * 12 + 11, from + 5 + pick(18));
  f.month_from = from;
  f.month_to = to;
  f.undated = false;  // --time without --include-undated
  char months[32];
  std::snprintf(months, sizeof months, "%04d-%02d..%04d-%02d", from / 12, from % 12 + 1, to / 12, to % 12 + 1);
  flags << " --time " << months;
  if (pick(3)) {  // some ecosystems
    uint32_t mask = 0;
    while (__builtin_popcount(mask) < 2) mask = static_cast<uint32_t>(rng() % 64);
    f.ecosystems = mask;
    std::string ids;
    for (int e = 0; e < kEcosystemCount; ++e)
      if (mask & (1u << e)) ids += (ids.empty() ? "" : ",") + std::string(info(static_cast<Ecosystem>(e)).id);
    flags << " --ecosystem " << ids;
  }
  if (const int s = pick(3); s > 0) {
    f.sectors = 1u << static_cast<int>(s == 1 ? Sector::Manufacturing : Sector::Service);
    flags << " --sector " << (s == 1 ? "manufacturing" : "service");
  }
  if (const int k = pick(3); k > 0) {
    f.min_investment_yi = k == 1 ? 1.f : 5.f;
    flags << " --min-investment " << (k == 1 ? 1 : 5);
  }
  if (const int k = pick(3); k > 0) {
    f.park = k == 1 ? ParkMode::InPark : ParkMode::OutsidePark;
    flags << " --park " << (k == 1 ? "in" : "out");
  }
  if (!pick(4)) {  // a few districts
    const int n = static_cast<int>(m.districts.size());
    f.districts = IdSet::none();
    std::string codes;
    for (int d = 0; d < n; ++d)
      if (pick(2)) {
        f.districts.set(d, true, n);
        codes += (codes.empty() ? "" : ",") + std::to_string(m.districts[static_cast<size_t>(d)].adcode);
      }
    if (codes.empty()) {
      f.districts.set(0, true, n);
      codes = std::to_string(m.districts[0].adcode);
    }
    flags << " --district " << codes;
  }
  r.flags = flags.str();
  return r;
}

class NoServices : public AppServices {
 public:
  void openProjects(const std::string&) override {}
  void reloadProjects() override {}
  void saveImage(const std::string&) override {}
  void quit() override {}
};

struct GpkgFigures {
  int64_t in_parks = 0;  // park_conformance: Σ count
  int64_t clusters = 0;  // cluster_hulls: features
  int64_t outside = 0;   // outside_projects: features
};

GpkgFigures readGpkg(const std::string& path) {
  ensureGdalRegistered();
  GpkgFigures g;
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  EXPECT_TRUE(ds) << path;
  if (!ds) return g;
  if (OGRLayer* l = ds->GetLayerByName("park_conformance")) {
    l->ResetReading();
    while (OGRFeature* f = l->GetNextFeature()) {
      g.in_parks += f->GetFieldAsInteger64("count");
      OGRFeature::DestroyFeature(f);
    }
  }
  if (OGRLayer* l = ds->GetLayerByName("cluster_hulls")) g.clusters = l->GetFeatureCount();
  if (OGRLayer* l = ds->GetLayerByName("outside_projects")) g.outside = l->GetFeatureCount();
  return g;
}

struct CsvFigures {
  int64_t rows = 0;
  double investment_yi = 0;
};

CsvFigures readCsv(const std::string& path) {
  ensureGdalRegistered();
  CsvFigures c;
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  EXPECT_TRUE(ds) << path;
  if (!ds) return c;
  OGRLayer* l = ds->GetLayer(0);
  l->ResetReading();
  while (OGRFeature* f = l->GetNextFeature()) {
    ++c.rows;
    c.investment_yi += f->GetFieldAsDouble("investment_yi");
    OGRFeature::DestroyFeature(f);
  }
  return c;
}

}  // namespace

TEST(OneTruth, WindowCommandLineAndExportsAgreeForRandomFilters) {
  test::Started s("", 960, 600);
  ASSERT_TRUE(s.ok);
  const Model& m = *s.model;
  AppState& st = s.app.state();
  st.features.get<ParkSettings>(ids::kConformance).window_open = true;  // the window's conformance figures
  st.layers.set(ids::kClusters, true);                                    // and its clusters
  test::TempDir dir("chainmap-truth");
  std::mt19937 rng(17);
  const std::vector<UiFeature> features = makeFeatures();
  const FileAction* analysis_export = findFileAction(features, "export_analysis");
  ASSERT_NE(analysis_export, nullptr);
  NoServices services;
  int with_projects = 0, with_clusters = 0;  // the filters must leave something to compare
  for (int round = 0; round < 6; ++round) {
    const RandomFilter rf = randomFilter(rng, m);
    SCOPED_TRACE("filter:" + rf.flags);
    st.filter = rf.filter;
    ASSERT_TRUE(s.app.capture(480, 300));  // every product settled
    const Derived& d = s.app.derived();
    const Stats& w = d.stats();
    const TargetProgress* wt = d.targets();
    const auto* wc = d.product<ConformanceProduct>(ids::kConformance);
    const auto* wk = d.product<ClusterProduct>(ids::kClusters);
    ASSERT_TRUE(wt && wc && wc->get() && wk && wk->get());
    with_projects += w.total.count > 0;
    with_clusters += !wk->get()->result.clusters.empty();

    // --stats: the totals and the annual targets.
    const json cs = cliJson("--stats" + rf.flags);
    EXPECT_EQ(cs["count"].get<int64_t>(), w.total.count);
    EXPECT_NEAR(cs["investment_yi"].get<double>(), w.total.investment_yi, 0.006);
    EXPECT_EQ(cs["in_parks"].get<int64_t>(), w.in_parks);
    ASSERT_TRUE(cs.contains("targets"));
    if (wt->has_target) {
      EXPECT_EQ(cs["targets"]["projects_1yi"]["actual"].get<int64_t>(), wt->n1);
      EXPECT_EQ(cs["targets"]["projects_10yi"]["actual"].get<int64_t>(), wt->n10);
    } else {
      EXPECT_EQ(cs["targets"]["applies"], false);
    }

    // --analyze parks: the conformance window's figures.
    const Conformance& c = *wc->get();
    EXPECT_EQ(c.total, w.total.count);
    EXPECT_EQ(c.in_parks, w.in_parks);
    const json cp = cliJson("--analyze parks --json" + rf.flags);
    EXPECT_EQ(cp["total"].get<int64_t>(), c.total);
    EXPECT_EQ(cp["in_parks"].get<int64_t>(), c.in_parks);
    EXPECT_EQ(cp["matching"].get<int64_t>(), c.matching);
    EXPECT_EQ(static_cast<int64_t>(cp["outside"].size()), static_cast<int64_t>(c.outside.size()));

    // --analyze clusters: the clusters layer's.
    const ClusterResult& k = *wk->get();
    const json ck = cliJson("--analyze clusters --json" + rf.flags);
    EXPECT_EQ(ck["clusters"].size(), k.result.clusters.size());
    EXPECT_EQ(ck["noise"].get<int64_t>(), k.result.noise);
    EXPECT_EQ(ck["parks_without_their_cluster"].size(), k.parks_without_cluster.size());

    // --export: the filtered rows themselves.
    const std::string csv = (dir.path / ("rows" + std::to_string(round) + ".csv")).string();
    int code = -1;
    runCli("--export " + csv + rf.flags, code);
    ASSERT_EQ(code, 0);
    const CsvFigures rows = readCsv(csv);
    EXPECT_EQ(rows.rows, w.total.count);
    EXPECT_NEAR(rows.investment_yi, w.total.investment_yi, 0.01 * static_cast<double>(rows.rows) + 0.01);

    // The window's analysis export: the same conformance and clusters in the GeoPackage.
    const std::string gpkg = (dir.path / ("analysis" + std::to_string(round) + ".gpkg")).string();
    FeatureContext ctx{st, m, d, services};
    analysis_export->chosen(ctx, gpkg);
    const GpkgFigures g = readGpkg(gpkg);
    EXPECT_EQ(g.in_parks, c.in_parks);
    EXPECT_EQ(g.outside, static_cast<int64_t>(c.outside.size()));
    EXPECT_EQ(g.clusters, static_cast<int64_t>(k.result.clusters.size()));
  }
  EXPECT_GE(with_projects, 5);
  EXPECT_GE(with_clusters, 3);
}
