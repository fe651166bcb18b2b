// chainmap-bench: timings of the spatial statistics (bench/analysis_bench.h).
#include "analysis_bench.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <thread>

#include "core/analysis/conformance.h"
#include "core/analysis/dbscan.h"
#include "core/analysis/density.h"
#include "core/analysis/hulls.h"
#include "core/analysis/nni.h"
#include "core/analysis/products.h"
#include "data/model_loader.h"
#include "bench_util.h"

namespace cm {

namespace {

using Clock = std::chrono::steady_clock;

// Median wall time of `runs` calls of fn().
template <class F>
double medianMs(int runs, F&& fn) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    fn();
    t.push_back(msSince(t0));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// scikit-learn on the same file (bench/sklearn_dbscan.py): its times, and whether its partition
// of the core points equals chainmap's (same core points; two core points share a cluster in one
// exactly when they do in the other). Border points may join either neighbouring cluster in
// standard DBSCAN, so they are counted, not required to agree.
nlohmann::json peerDbscan(const Model& m, const std::string& file, const DbscanResult& ours, double eps_m, int min_pts) {
  nlohmann::json r;
  const std::string cmd = std::string("/usr/bin/python3 ") + CHAINMAP_BENCH_DIR + "/sklearn_dbscan.py '" + file + "' " + std::to_string(eps_m) +
                          " " + std::to_string(min_pts) + " 2>/dev/null";
  const std::string out = runCommand(cmd).out;
  const nlohmann::json peer = nlohmann::json::parse(out, nullptr, false);
  if (peer.is_discarded() || !peer.contains("labels")) {
    r["error"] = "scikit-learn did not run (install the Debian package python3-sklearn)";
    return r;
  }
  r["sklearn_haversine_s"] = peer["haversine_s"];
  r["sklearn_ecef_s"] = peer["ecef_s"];
  const std::vector<int> labels = peer["labels"].get<std::vector<int>>();
  const std::vector<int> core = peer["core"].get<std::vector<int>>();
  if (labels.size() != m.projects.size()) {
    r["error"] = "row counts differ";
    return r;
  }
  std::vector<uint8_t> peer_core(labels.size(), 0);
  for (int i : core) peer_core[i] = 1;
  size_t core_same = 0, core_total = 0, border_same = 0, border_total = 0;
  std::map<int, int> ours_to_peer, peer_to_ours;
  bool bijection = true;
  for (size_t i = 0; i < labels.size(); ++i) {
    const bool oc = ours.core[i] != 0;
    core_same += oc == (peer_core[i] != 0);
    core_total += oc || peer_core[i];
    if (!oc || !peer_core[i]) continue;
    const int a = ours.label[i], b = labels[i];
    auto [it, fresh] = ours_to_peer.emplace(a, b);
    auto [jt, fresh2] = peer_to_ours.emplace(b, a);
    bijection = bijection && it->second == b && jt->second == a;
  }
  for (size_t i = 0; i < labels.size(); ++i) {
    if (ours.core[i] || peer_core[i] || (ours.label[i] < 0 && labels[i] < 0)) continue;
    ++border_total;
    border_same += ours.label[i] >= 0 && labels[i] >= 0 && ours_to_peer.count(ours.label[i]) && ours_to_peer[ours.label[i]] == labels[i];
  }
  r["core_points_equal"] = core_same == labels.size();
  r["core_partition_equal"] = bijection && core_same == labels.size();
  r["core_points"] = core.size();
  r["border_points"] = border_total;
  r["border_same_cluster"] = border_same;
  return r;
}

nlohmann::json benchOne(const std::string& data_dir, const std::string& file, bool peer) {
  nlohmann::json j;
  j["file"] = file.empty() ? std::string("(sample)") : std::filesystem::path(file).filename().string();
  LoadReport rep;
  const auto t0 = Clock::now();
  const Model m = loadModel({data_dir, file, "", "", ""}, rep);
  j["load_ms"] = msSince(t0);
  j["projects"] = m.projects.size();
  if (rep.fatal()) {
    j["error"] = rep.errors.front();
    return j;
  }
  const Filter all;

  DbscanResult db;
  j["dbscan_ms"] = medianMs(5, [&] { db = dbscan(m, all, DbscanParams{1500, 4, false}); });
  j["clusters"] = db.clusters.size();
  j["noise"] = db.noise;
  if (peer && !file.empty()) j["peer"] = peerDbscan(m, file, db, 1500, 4);
  // The products as the window, --analyze and the export compute them (core/analysis/products.h).
  ClusterSettings cs;  // the window's defaults: each ecosystem on its own, convex hulls
  ClusterResult clusters;
  j["clusters_ms"] = medianMs(3, [&] { clusters = clusterAnalysis(m, all, cs, ParkShapes{}); });
  j["clusters_by_ecosystem"] = clusters.result.clusters.size();
  j["emerging"] = std::count_if(clusters.parks.begin(), clusters.parks.end(), [](const ClusterPark& c) { return c.park < 0; });
  j["empty_parks"] = clusters.parks_without_cluster.size();

  DensityParams dp;
  dp.bandwidth_m = 2000;
  const Extent area = districtsExtent(m);
  if (area.valid()) dp.cell_m = (area.maxx - area.minx) / 1000;  // display units ≈ metres (EPSG:4549)
  DensityResult d;
  j["density_ms"] = medianMs(5, [&] { d = densityAnalysis(m, all, dp); });
  const DensityGrid& g = d.grid;
  j["density_w"] = g.w;
  j["density_h"] = g.h;
  double sum = 0;
  for (float v : g.value) sum += v;
  j["density_integral"] = sum * g.cellAreaKm2();
  j["density_total_weight"] = g.total_weight;

  NniResult nni;
  j["nni_ms"] = medianMs(3, [&] { nni = nearestNeighbourIndex(m, all); });
  if (!nni.groups.empty()) {
    j["nni_R"] = nni.groups[0].R;
    j["nni_z"] = nni.groups[0].z;
    j["nni_sentence_en"] = nni.groups[0].sentence_en;
  }

  Conformance conf;
  j["conformance_ms"] = medianMs(7, [&] { conf = conformanceAnalysis(m, all, ParkShapes{}); });
  j["outside"] = conf.outside.size();
  return j;
}

}  // namespace

nlohmann::json runAnalysisBench(const std::string& data_dir, const std::vector<std::string>& project_files, bool peer) {
  nlohmann::json r;
  r["threads"] = std::thread::hardware_concurrency();
  r["files"] = nlohmann::json::array();
  for (const std::string& f : project_files) {
    std::fprintf(stderr, "chainmap-bench: spatial statistics on %s ...\n", f.empty() ? "the sample" : f.c_str());
    r["files"].push_back(benchOne(data_dir, f, peer));
  }
  return r;
}

void printAnalysisTable(const nlohmann::json& r) {
  std::printf("\nSpatial statistics (core/analysis, one thread; ms, median of 5 — clusters and nni of 3)\n");
  std::printf("%-22s %9s %9s %9s %11s %15s %9s %9s %12s\n", "file", "projects", "load", "dbscan", "clusters*",
              "density", "nni", "clusters", "conformance");
  for (const nlohmann::json& e : r.value("files", nlohmann::json::array())) {
    const std::string file = e.value("file", std::string());
    if (e.contains("error")) {
      std::printf("%-22s %s\n", file.c_str(), e["error"].get<std::string>().c_str());
      continue;
    }
    char grid[32];
    std::snprintf(grid, sizeof grid, "%.1f (%dx%d)", e.value("density_ms", 0.0), e.value("density_w", 0), e.value("density_h", 0));
    std::printf("%-22s %9zu %9.0f %9.1f %11.1f %15s %9.1f %9zu %12.2f\n", file.c_str(), e.value("projects", size_t{0}),
                e.value("load_ms", 0.0), e.value("dbscan_ms", 0.0), e.value("clusters_ms", 0.0), grid, e.value("nni_ms", 0.0),
                e.value("clusters", size_t{0}), e.value("conformance_ms", 0.0));
  }
  std::printf("(* the clusters product: DBSCAN per ecosystem, hulls, park matching — clusterAnalysis)\n");
  bool any = false;
  for (const nlohmann::json& e : r.value("files", nlohmann::json::array())) {
    if (!e.contains("peer")) continue;
    if (!any) std::printf("\nDBSCAN eps 1.5 km, minPts 4: chainmap vs scikit-learn 1.2 (bench/sklearn_dbscan.py)\n%-22s %12s %18s %16s %10s %16s\n", "file",
                          "chainmap ms", "sklearn haversine", "sklearn ECEF", "same core", "border agree");
    any = true;
    const nlohmann::json& p = e["peer"];
    if (p.contains("error")) {
      std::printf("%-22s %s\n", e.value("file", std::string()).c_str(), p["error"].get<std::string>().c_str());
      continue;
    }
    std::printf("%-22s %12.1f %16.2f s %14.2f s %10s %8zu / %zu\n", e.value("file", std::string()).c_str(), e.value("dbscan_ms", 0.0),
                p.value("sklearn_haversine_s", 0.0), p.value("sklearn_ecef_s", 0.0), p.value("core_partition_equal", false) ? "yes" : "NO",
                p.value("border_same_cluster", size_t{0}), p.value("border_points", size_t{0}));
  }
}

}  // namespace cm
