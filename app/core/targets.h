// Progress towards the annual targets (assets/targets.json), one computation for the window,
// `--stats` and the exports: manufacturing projects of ≥ 1亿 and ≥ 10亿 signed from January of the
// year the time window ends in through the window's end — whatever else the filter says (a
// target is the city's, not the selection's; the panels call it "city-wide"). Projects with no
// stated sector, an unknown amount or no signing date never count.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/filter.h"
#include "core/model.h"
#include "core/stats.h"
#include "platform/result.h"

namespace cm {

// The annual targets (assets/targets.json: {"year": 2024, "projects_1yi": 300, "projects_10yi": 55}).
struct Targets {
  int year = 0;
  int projects_1yi = 0;   // projects >= 1亿 in the year
  int projects_10yi = 0;  // projects >= 10亿 in the year
};
// Errors: "FILE: file not found", "FILE: not valid JSON (...)", "FILE: missing or bad 'year'".
Result<Targets> loadTargets(const std::string& path);

struct TargetProgress {
  Targets targets;          // as loaded (one year)
  int year = 0;             // the year the window ends in
  bool has_target = false;  // targets.year == year
  int through_month = 0;    // last month counted
  int64_t n1 = 0, n10 = 0;
};

// What targets count, before the months: every manufacturing project, no other attribute narrowed.
Filter targetFilter();
std::shared_ptr<StatsEngine> targetEngine(const Model& m);  // an engine set to it
// `window_end`: the filter's last month (clamped into the data's signing months [first, last]).
TargetProgress targetProgress(const StatsEngine& manufacturing, const Targets& t, int window_end, int first_month, int last_month);
// The same for a model, building the engine (the command line).
TargetProgress targetProgress(const Model& m, const Targets& t, int window_end);
// The same in one light pass over the rows, no cube (core/stats.h sizeClassTallies): a screenshot,
// --stats. `first_month`, `last_month`: signingSpan's.
TargetProgress targetProgressOfRows(const Model& m, const Targets& t, int window_end, int first_month, int last_month);
// The same from any source of statistics (PostGIS): `query` gives the figures of a filter.
TargetProgress targetProgress(const std::function<Stats(const Filter&)>& query, const Targets& t, int window_end, int first_month,
                              int last_month);
// The data's signing months (dated projects); {0, 0} when none is dated.
std::pair<int, int> signingSpan(const Projects& p);

}  // namespace cm
