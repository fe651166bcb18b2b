#include "core/targets.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <fstream>

#include "core/dates.h"

namespace cm {

namespace {
int floorDiv(int a, int b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }
}  // namespace

Filter targetFilter() {
  Filter manufacturing;
  manufacturing.sectors = 1u << static_cast<int>(Sector::Manufacturing);
  return manufacturing;
}

std::shared_ptr<StatsEngine> targetEngine(const Model& m) {
  auto e = std::make_shared<StatsEngine>(m);
  e->setAttributeFilter(targetFilter());
  return e;
}

namespace {
// The one rule: from January of the year the window ends in through its end, signed projects only.
template <class Query>
TargetProgress progressOf(const Query& signed_between, const Targets& targets, int window_end, int first_month, int last_month) {
  const int to = std::clamp(window_end, first_month, std::max(first_month, last_month));
  TargetProgress t;
  t.targets = targets;
  t.year = floorDiv(to, 12);
  t.through_month = to;
  t.has_target = t.year == t.targets.year;
  if (t.has_target) {
    const Stats s = signed_between(t.year * 12, to);
    t.n1 = s.by_size[0].count;
    t.n10 = s.by_size[1].count;
  }
  return t;
}
}  // namespace

TargetProgress targetProgress(const StatsEngine& manufacturing, const Targets& targets, int window_end, int first_month,
                              int last_month) {
  return progressOf([&](int from, int to) { return manufacturing.query(from, to, false); }, targets, window_end, first_month, last_month);
}

TargetProgress targetProgress(const std::function<Stats(const Filter&)>& query, const Targets& targets, int window_end, int first_month,
                              int last_month) {
  return progressOf(
      [&](int from, int to) {
        Filter f = targetFilter();
        f.month_from = from;
        f.month_to = to;
        f.undated = false;
        return query(f);
      },
      targets, window_end, first_month, last_month);
}

TargetProgress targetProgressOfRows(const Model& m, const Targets& targets, int window_end, int first_month, int last_month) {
  const auto by_size_only = [&m](const Filter& f) {
    Stats s;
    s.by_size = sizeClassTallies(m, f);
    return s;
  };
  return targetProgress(by_size_only, targets, window_end, first_month, last_month);
}

TargetProgress targetProgress(const Model& m, const Targets& t, int window_end) {
  const auto [first, last] = signingSpan(m.projects);
  return targetProgress(*targetEngine(m), t, window_end, first, last);
}

Result<Targets> loadTargets(const std::string& path) {
  using R = Result<Targets>;
  std::ifstream in(path);
  if (!in) return R::fail(fileError(path, "file not found"));
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return R::fail(fileError(path, "not valid JSON (expected {\"year\": 2024, \"projects_1yi\": 300, \"projects_10yi\": 55})"));
  Targets t;
  for (auto [key, field] : {std::pair{"year", &t.year}, {"projects_1yi", &t.projects_1yi}, {"projects_10yi", &t.projects_10yi}}) {
    if (!j.contains(key) || !j[key].is_number_integer() || j[key].get<int>() <= 0)
      return R::fail(fileError(path, std::string("missing or bad '") + key + "' (a positive whole number)"));
    *field = j[key].get<int>();
  }
  return t;
}

std::pair<int, int> signingSpan(const Projects& p) {
  int lo = INT_MAX, hi = INT_MIN;
  for (int32_t d : p.signed_day) {
    if (d == Projects::kNoDay) continue;
    lo = std::min(lo, monthOfDay(d));
    hi = std::max(hi, monthOfDay(d));
  }
  return lo <= hi ? std::pair{lo, hi} : std::pair{0, 0};
}

}  // namespace cm
