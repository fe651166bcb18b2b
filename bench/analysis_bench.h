// chainmap-bench: the planner's spatial statistics (core/analysis/) on project tables of any
// size — DBSCAN, kernel density, nearest-neighbour index, hulls and park matching — timed on the
// CPU, GL-free.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cm {

// For each file (a projects table loadModel opens; "" = the shipped sample): load the model with
// the districts and parks of `data_dir` ("" = the usual search), then time
//   dbscan        eps 1500 m, min_pts 4, all ecosystems together (the partition the peer checks), median of 5;
//   clusters      the clusters product as the window, --analyze and the export compute it
//                 (clusterAnalysis: DBSCAN per ecosystem, convex hulls, park matching), median of 3;
//   density       densityAnalysis, bandwidth 2 km, ~1000 cells across the districts' extent
//                 (about 1000×600 plus the 3σ margin), median of 5;
//   nni           nearestNeighbourIndex, all + per ecosystem (study area included), median of 3;
//   conformance   conformanceAnalysis with the parks as loaded, median of 7.
// Returns {"files": [{file, projects, load_ms, dbscan_ms, clusters, noise, clusters_ms,
// clusters_by_ecosystem, emerging, empty_parks, density_ms, density_w, density_h, density_integral,
// density_total_weight, nni_ms, nni_R, nni_z, conformance_ms, outside}, ...], "threads": hardware
// threads}; an entry with "error" when the file could not be loaded.
// `peer`: also run scikit-learn's DBSCAN on each file (bench/sklearn_dbscan.py) and compare.
nlohmann::json runAnalysisBench(const std::string& data_dir, const std::vector<std::string>& project_files, bool peer = false);
void printAnalysisTable(const nlohmann::json& r);

}  // namespace cm
