// Cluster outlines (GEOS convex / concave hulls in the display CRS) and the matching of DBSCAN
// clusters to parks: which park a cluster sits in, whether it is the park's main industry, and
// which parks have no cluster of their main industry.
#pragma once
#include <cstdint>
#include <vector>

#include "core/analysis/dbscan.h"
#include "core/analysis/park_shapes.h"
#include "core/cached.h"
#include "core/filter.h"
#include "core/model.h"

namespace cm {

// The outline of the given model rows in the display CRS: GEOSConvexHull_r, or with `concave`
// GEOSConcaveHull_r (GEOS ≥ 3.11; concave_ratio 0..1: 0 the tightest, 1 the convex hull; no
// holes). Every member lies inside or on the outline. Degenerate sets — one point, two points,
// collinear points, or a sliver of a hull whose mean width (area / diagonal) is under half the buffer — become the points or the segment buffered
// by kDegenerateHullBufferM metres on the ground (round), so they can be drawn and still contain
// their members. Empty rows: an empty MultiPolygon.
inline constexpr double kDegenerateHullBufferM = 100;
MultiPolygon clusterHull(const Model& m, const std::vector<uint32_t>& rows, bool concave, double concave_ratio = 0.3);

// The hull of every cluster of a DBSCAN result, in cluster order. With `ctl`: progress per
// cluster, and an empty vector when cancelled.
std::vector<MultiPolygon> clusterHulls(const Model& m, const DbscanResult& r, bool concave, double concave_ratio = 0.3,
                                       TaskControl* ctl = nullptr);

struct ClusterPark {
  int cluster = 0;
  int park = -1;               // -1 none: an emerging cluster
  double overlap_share = 0;    // of the cluster's members inside that park (0..1)
  bool same_industry = false;  // park.main_ecosystem == cluster.ecosystem
};

// One entry per cluster, in cluster order. The park is the one holding the largest share of the
// cluster's members (insidePark rules: polygon, or catchment circle by geodesic distance from
// each member's lon/lat); ties: the park of the cluster's own industry, then the lower park
// index. A cluster is matched only when that share is at least `min_share` (default a quarter:
// a cluster much larger than a park still belongs to it when a good part of it lies inside);
// otherwise park = -1 (emerging) and overlap_share is the best share found. `cluster_hulls`
// (optional, per cluster, e.g. from clusterHulls) only speed things up: parks whose shape's box
// misses the hull's box are not examined. Empty or missing hulls: the members' box is used.
std::vector<ClusterPark> matchClustersToParks(const Model& m, const DbscanResult& r,
                                              const std::vector<MultiPolygon>& cluster_hulls, const ParkShapes& shapes,
                                              double min_share = 0.25);

// Parks with no cluster of their main industry: no match with park == p and same_industry
// (one park, one main industry, and no cluster of it: "empty"). Best run on a DBSCAN with
// by_ecosystem (otherwise a cluster's industry is only its dominant one). Ascending park indices.
// Only parks the filter lets be judged (parkJudged): a park in a district the filter leaves out,
// or whose main industry it leaves out, has none of its projects in view because of the filter,
// not because it lacks a cluster.
std::vector<int> parksWithoutTheirCluster(const Model& m, const std::vector<ClusterPark>& matches, const Filter& f = {});

// Whether the filter can show park k's main-industry projects at all: its district (by the park's
// adcode; a park of no known district only under "all districts"), its main ecosystem, and not
// "outside parks" only.
bool parkJudged(const Model& m, const Filter& f, int k);

}  // namespace cm
