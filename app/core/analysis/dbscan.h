// DBSCAN (Ester, Kriegel, Sander, Xu 1996) over the filtered projects, eps in metres on the
// ground (core/analysis/ground.h: 3-D ECEF chords from lon/lat, equal to the geodesic distance
// to ~10⁻⁹ at 1.5 km — whatever the display CRS).
//
// Semantics:
//   - the eps-neighbourhood of p is every filtered project q (of p's ecosystem when
//     by_ecosystem) with distance(p, q) ≤ eps, p itself included;
//   - p is a CORE point when its neighbourhood holds ≥ min_pts projects;
//   - clusters are the connected components of core points (two core points within eps are in
//     the same cluster): this partition depends only on the points, never on their order;
//   - a non-core point within eps of at least one core point is a BORDER point; it joins the
//     cluster of its NEAREST core point (ties: the core point with the lower model row), so the
//     whole labelling is order-independent too;
//   - everything else is noise (kNoise).
// by_ecosystem: each ecosystem is clustered on its own (a cluster never mixes ecosystems, and
// projects of other ecosystems neither count towards min_pts nor bridge clusters).
//
// Rows that pass the filter but have no finite lon/lat are noise.
//
// Implementation (O(n log n), allocation-free queries): positions in a local east–north–up
// frame (a rotation of ECEF: same chords), bucketed into cubes of side eps/√3 — two points in
// one cube are always within eps. A cube holding ≥ min_pts points makes them all core at once;
// the points of the other cubes count their neighbours with an early-stopping nanoflann k-d tree
// radius search. Union-find over core points: the core points of a cube are one set; two
// neighbouring cubes (offsets −2..2) are joined when some pair of their core points is within
// eps (box-distance pruning, early exit). Border points find their nearest core point with a
// k-d tree radius search. Cancellable through TaskControl (checked every 1024 steps), with
// progress.
#pragma once
#include <cstdint>
#include <vector>

#include "core/cached.h"
#include "core/ecosystem.h"
#include "core/filter.h"
#include "core/model.h"

namespace cm {

struct DbscanParams {
  double eps_m = 1500;
  int min_pts = 4;
  bool by_ecosystem = false;
};

struct DbscanCluster {
  int id = 0;
  // by_ecosystem: the cluster's ecosystem; else its dominant one: most members, ties by more
  // investment, then the lower ecosystem id.
  Ecosystem ecosystem = Ecosystem::Other;
  std::vector<uint32_t> rows;  // model rows (core and border members), ascending
  int64_t count = 0;           // rows.size()
  double investment_yi = 0;    // sum over the members, 亿元
  Vec2 centroid;               // mean of the members' display-CRS positions
};

struct DbscanResult {
  static constexpr int32_t kNoise = -1;
  static constexpr int32_t kNotIncluded = -2;
  // Per MODEL row: cluster id >= 0, kNoise, or kNotIncluded when the row fails the filter.
  std::vector<int32_t> label;
  std::vector<uint8_t> core;  // per model row: 1 for core points
  // Ids 0..n-1, sorted by count descending (ties: more investment, then the lower first row);
  // clusters[i].id == i and label uses these ids.
  std::vector<DbscanCluster> clusters;
  int64_t included = 0;  // rows that passed the filter
  int64_t noise = 0;     // of those, noise
  bool cancelled = false;  // when set, label/core/clusters are empty
};

DbscanResult dbscan(const Model& m, const Filter& f, const DbscanParams& p, TaskControl* ctl = nullptr);

}  // namespace cm
