// `--analyze park_distance`: how far the filtered projects lie from the centre of the park each
// names (core/analysis/park_distance.h; the project table's column).
//   {analysis, parks: [{id, name_zh, name_en, radius_km, count, median_m, p90_m, max_m,
//    beyond_radius, farthest (project id or null)}], projects: [{id, park, distance_m}]}
// Parks no filtered project names are left out.
#pragma once
#include "data/analysis_reports/analysis_command.h"

namespace cm {

AnalysisCommand parkDistanceCommand();

}  // namespace cm
