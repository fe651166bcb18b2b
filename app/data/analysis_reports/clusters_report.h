// `--analyze clusters`: DBSCAN clusters of the filtered projects with their hulls and the parks
// they sit in (core/analysis/products.h clusterAnalysis, the window's clusters layer's figures;
// the same defaults as the window: eps 1500 m, 4 points, each ecosystem on its own, convex hulls).
//   {analysis, crs, eps_m, min_pts, by_ecosystem, concave, included, noise,
//    labels {project id: cluster, -1 noise}, clusters: [{id, count, investment_yi, ecosystem,
//    centroid [x, y], hull {type: "MultiPolygon", coordinates}, matched_park (null),
//    overlap_share, same_industry}], parks_without_their_cluster: [ids]}
#pragma once
#include "data/analysis_reports/analysis_command.h"

namespace cm {

AnalysisCommand clustersCommand();

}  // namespace cm
