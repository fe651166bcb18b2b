// The JSON that `chainmap --stats` prints: the figures of the filtered projects, and the progress
// towards the annual targets (core/targets.h: the window's own computation, whatever the filter).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "core/filter.h"
#include "core/model.h"
#include "platform/result.h"
#include "core/stats.h"
#include "core/targets.h"

namespace cm {

// Keys: count, investment_yi, in_parks, by_ecosystem {id: n}, by_district {adcode: n},
// by_size {"1","10","50","100"}, by_chain, by_park, by_month {"YYYY-MM": n}, by_channel,
// by_sector {manufacturing, service, unknown (no sector stated)},
// fdi_musd, park_match (share of in-park projects in a park of their own ecosystem),
// targets (when given: {year, through "YYYY-MM", counts "manufacturing, city-wide",
// projects_1yi and projects_10yi {target, actual, progress_pct}}, or {year, applies: false} when
// the window ends in another year), and "synthetic": true, "data": "synthetic sample" when the
// projects are synthetic.
nlohmann::json statsReport(const Model& m, const Filter& f, const Targets* targets);
// The same from already computed figures (the engine's, PostGIS's).
nlohmann::json statsReport(const Model& m, const Stats& s, const TargetProgress* targets);

}  // namespace cm
