// The JSON that `chainmap --stats` prints, and the annual targets it measures progress against
// (assets/targets.json: {"year": 2024, "projects_1yi": 300, "projects_10yi": 55}).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "core/filter.h"
#include "core/model.h"
#include "platform/result.h"
#include "core/stats.h"

namespace cm {

struct Targets {
  int year = 0;
  int projects_1yi = 0;   // projects >= 1亿 in the year
  int projects_10yi = 0;  // projects >= 10亿 in the year
};

// Errors: "FILE: file not found", "FILE: not valid JSON (...)", "FILE: missing or bad 'year'".
Result<Targets> loadTargets(const std::string& path);

// Keys: count, investment_yi, in_parks, by_ecosystem {id: n}, by_district {adcode: n},
// by_size {"1","10","50","100"}, by_chain, by_park, by_month {"YYYY-MM": n}, by_channel,
// by_sector {manufacturing, service, unknown (no sector stated)},
// fdi_musd, park_match (share of in-park projects in a park of their own ecosystem),
// targets (when given: target, actual and progress_pct for >= 1亿 and >= 10亿), and
// "synthetic": true, "data": "synthetic sample" when the projects are synthetic.
nlohmann::json statsReport(const Model& m, const Filter& f, const Targets* targets);
// The same from already computed stats (e.g. the engine's).
nlohmann::json statsReport(const Model& m, const Stats& s, const Targets* targets);

}  // namespace cm
