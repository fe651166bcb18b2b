// Chains on the map: a chain leader (链主, Projects::chain_leader) and the projects that followed
// it (Projects::leader_index), with where each sits along the chain (Projects::chain_role:
// 上游/中游/下游); and one chain across the city — how far its members are from the leader they
// followed and from the chain's main park. Distances are geodesic metres on WGS 84
// (geo/geodesic.h) between the projects' lon/lat (and the park's point).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/filter.h"
#include "core/model.h"
#include "core/strings.h"

namespace cm {

struct ChainArc {
  uint32_t leader = 0, follower = 0;  // model rows
  double distance_m = 0;              // geodesic
  ChainRole role = ChainRole::Unknown;  // the follower's
};

// Arcs leader → follower. leader_row >= 0: that project's followers that pass the filter (the
// leader itself need not pass it; no arcs when the row is out of range). leader_row == -1: every
// project that passes the filter and is a chain leader (chain_leader set, or followed by some
// project), to its followers that pass the filter. Ordered by leader row, then follower row.
std::vector<ChainArc> leaderArcs(const Model& m, const Filter& f, int leader_row);

struct ChainView {
  int chain = -1;      // Projects::chain_names index
  int main_park = -1;  // park holding most of the chain's filtered projects (Projects::in_park with
                       // park_index, the statistics engine's rule; ties: more investment, then the
                       // lower park index), -1 when none is in a park
  std::vector<uint32_t> rows;  // the chain's projects passing the filter (its chain criterion aside), ascending
  std::vector<double> to_leader_m, to_main_park_m;  // per row; NaN when it followed no leader / no main park
  double median_to_leader_m = 0, median_to_main_park_m = 0;  // over the rows that have one; NaN when none
  uint32_t leaders = 0;    // rows that are chain leaders
  uint32_t followers = 0;  // rows that followed a leader
};

// The chain's rows are those that pass `f` with its chain criterion set aside (the chain asked
// for is the selection). An out-of-range chain gives an empty view with NaN medians.
ChainView chainView(const Model& m, const Filter& f, int chain);

// What the chain view says, in a language: its projects and leaders, the median distance to the
// leader they followed — or that none followed a leader (a chain without a leader, such as the
// sample's largest, 视觉智能, which showed a bare "—") — and to the main park (named), or that
// none is in a park. Never a bare dash.
std::string chainViewSummary(const Model& m, Lang L, const ChainView& v);

}  // namespace cm
