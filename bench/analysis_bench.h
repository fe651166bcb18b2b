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
//   dbscan        eps 1500 m, min_pts 4 (all ecosystems together, and by_ecosystem), median of 5;
//   density       kernelDensity, bandwidth 2 km, ~1000 cells across the districts' extent
//                 (about 1000×600 plus the 3σ margin), median of 5;
//   nni           nearestNeighbourIndex, all + per ecosystem (study area included), median of 3;
//   hulls, match  concave hulls of the by-ecosystem clusters and their matching to the parks, once.
// Returns {"files": [{file, projects, load_ms, dbscan_ms, dbscan_by_ecosystem_ms, clusters, noise,
// density_ms, density_w, density_h, density_integral, nni_ms, nni_R, nni_z, hulls_ms, match_ms,
// emerging, empty_parks}, ...], "threads": hardware threads}; an entry with "error" when the file
// could not be loaded.
// `peer`: also run scikit-learn's DBSCAN on each file (bench/sklearn_dbscan.py) and compare.
nlohmann::json runAnalysisBench(const std::string& data_dir, const std::vector<std::string>& project_files, bool peer = false);
void printAnalysisTable(const nlohmann::json& r);

}  // namespace cm
