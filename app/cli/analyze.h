// `chainmap --analyze parks|clusters|density|nni|chains [--json]`: the planner's spatial analyses
// of the filtered projects (the --stats filter flags, no window), printed as JSON (--json) or a
// short summary, and with --analyze-out written for QGIS (data/analysis_export.h).
// Exit codes as --stats: 0 ok, 1 data not loaded (or a file could not be read or written),
// 2 a bad flag.
//
// JSON (every distance in geodesic metres, coordinates in the display CRS named by "crs"; a
// synthetic sample adds "synthetic": true, "data": "synthetic sample"):
//   parks    {analysis, crs, membership, shapes: {radius_km: {id: km}, polygons: [ids]}, total,
//             in_parks, in_parks_share, matching, match_share, outside_lq {eco: lq},
//             parks: [{id, name_zh, name_en, main_ecosystem, radius_km, boundary ("circle" |
//                      "polygon"), count, investment_yi, matching, match_share, hhi, lq {eco: lq},
//                      mismatched: [project ids]}],
//             districts: [{adcode, name_zh, name_en, area_km2, count, investment_yi, in_parks,
//                          match_share, per_km2_count, per_km2_investment}],
//             outside: [{id, ecosystem, investment_yi, nearest_park, nearest_m, suggested_park
//                        (null), suggested_m (null)}]}
//   chains   {analysis, leader (when --leader: {id, name_zh, chain, followers}), arcs: [{leader,
//             follower, chain, role, distance_m}], arcs_by_role {upstream, midstream, downstream,
//             unknown}, chains: [{chain, main_park (null), count, leaders, followers,
//             median_to_leader_m, median_to_main_park_m, members (when the chain was asked for by
//             --chain or --leader): [{id, role, leader (null), to_leader_m, to_main_park_m}]}]}
//   clusters {analysis, crs, eps_m, min_pts, by_ecosystem, included, noise,
//             labels {project id: cluster, -1 noise}, clusters: [{id, count, investment_yi,
//             ecosystem, centroid [x, y], hull {type: "MultiPolygon", coordinates}, matched_park
//             (null), overlap_share, same_industry}], parks_without_their_cluster: [ids]}
//   density  {analysis, crs, bandwidth_m, weight, unit, x0, y0, cell, w, h, ground_scale,
//             total_weight, outside_weight, points, max_value, peak {x, y, value}, breaks}
//   nni      {analysis, area_km2, perimeter_km, groups: [{group ("all" | ecosystem id), n,
//             observed_mean_m, expected_mean_m, se_m, R, z, p, pattern, sentence_en, sentence_zh}]}
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/options.h"
#include "core/analysis/chains.h"
#include "core/analysis/conformance.h"
#include "core/analysis/park_shapes.h"
#include "core/filter.h"
#include "core/model.h"
#include "platform/result.h"

namespace cm {

// Runs the analysis the options name and returns the exit code (messages on stderr, the result on
// stdout).
int runAnalysis(const Options& o, const Model& m, const Filter& f);

// --park-radius ID=KM,... and --park-boundaries FILE → the shapes. A bad --park-radius fails with
// `bad_flag` set (exit 2); a boundary file that cannot be used fails without (exit 1). Notes
// (the boundary layer's match report) go to `notes`.
Result<ParkShapes> parkShapesFromOptions(const Options& o, const Model& m, std::vector<std::string>& notes, bool& bad_flag);

nlohmann::json conformanceJson(const Model& m, const Conformance& c, const ParkShapes& shapes, ParkMembership membership);
nlohmann::json chainsJson(const Model& m, const std::vector<ChainArc>& arcs, const std::vector<ChainView>& views,
                          bool members, int leader_row);

}  // namespace cm
