// `--analyze parks`: park conformance of the filtered projects (core/analysis/products.h
// conformanceAnalysis, the window's conformance window's figures).
//   {analysis, crs, membership, shapes: {radius_km: {id: km}, polygons: [ids]}, total, in_parks,
//    in_parks_share, matching, match_share, outside_lq {eco: lq},
//    parks: [{id, name_zh, name_en, main_ecosystem, radius_km, boundary ("circle" | "polygon"),
//             count, investment_yi, matching, match_share, hhi, lq {eco: lq}, mismatched: [ids]}],
//    districts: [{adcode, name_zh, name_en, area_km2, count, investment_yi, in_parks, match_share,
//                 per_km2_count, per_km2_investment}],
//    outside: [{id, ecosystem, investment_yi, nearest_park, nearest_m, suggested_park (null),
//               suggested_m (null)}]}
// Membership follows the window's rule (membershipFor: declared until a shape is changed by
// --park-radius or --park-boundaries, then by location) unless --park-membership says otherwise.
#pragma once
#include <nlohmann/json.hpp>

#include "core/analysis/conformance.h"
#include "core/analysis/park_shapes.h"
#include "data/analysis_reports/analysis_command.h"

namespace cm {

AnalysisCommand parksCommand();
nlohmann::json conformanceJson(const Model& m, const Conformance& c, const ParkShapes& shapes, ParkMembership membership);

}  // namespace cm
