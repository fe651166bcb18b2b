#include "core/stats_report.h"

#include <cmath>

#include "core/dates.h"

namespace cm {

static double round2(double v) { return std::round(v * 100) / 100; }

nlohmann::json statsReport(const Model& m, const Filter& f, const Targets* targets) {
  if (!targets) return statsReport(m, computeStats(m, f), nullptr);
  // Two counts from one light pass over the rows (the window keeps a cube for them; building one
  // here cost a command line 200 ms at 1M rows, a whole computeStats 25–30 ms).
  const auto [first, last] = signingSpan(m.projects);
  const TargetProgress t = targetProgressOfRows(m, *targets, f.month_to, first, last);
  return statsReport(m, computeStats(m, f), &t);
}

nlohmann::json statsReport(const Model& m, const Stats& s, const TargetProgress* targets) {
  using nlohmann::json;
  json j;
  if (m.projects_synthetic) {
    j["synthetic"] = true;
    j["data"] = "synthetic sample";
  }
  j["count"] = s.total.count;
  j["investment_yi"] = round2(s.total.investment_yi);
  j["in_parks"] = s.in_parks;
  j["fdi_musd"] = round2(s.fdi_musd);
  if (s.undated.count) j["undated"] = s.undated.count;                      // counted, no signing date
  if (s.investment_unknown) j["investment_unknown"] = s.investment_unknown;  // counted, amount unknown (summed as 0)
  j["park_match"] = std::round(s.parkMatchShare() * 1000) / 1000;
  json eco = json::object();
  for (int e = 0; e < kEcosystemCount; ++e) eco[std::string(kEcosystems[e].id)] = s.by_ecosystem[e].count;
  j["by_ecosystem"] = eco;
  json dist = json::object();
  for (size_t d = 0; d < s.by_district.size() && d < m.districts.size(); ++d)
    dist[std::to_string(m.districts[d].adcode)] = s.by_district[d].count;
  j["by_district"] = dist;
  json size = json::object();
  for (size_t k = 0; k < kSizeClassesYi.size(); ++k) size[std::to_string(static_cast<int>(kSizeClassesYi[k]))] = s.by_size[k].count;
  j["by_size"] = size;
  json chain = json::object();
  for (size_t c = 0; c < s.by_chain.size() && c < m.projects.chain_names.size(); ++c)
    if (s.by_chain[c].count) chain[m.projects.chain_names[c]] = s.by_chain[c].count;
  j["by_chain"] = chain;
  json park = json::object();
  for (size_t k = 0; k < s.by_park.size() && k < m.parks.size(); ++k)
    if (s.by_park[k].count) park[m.parks[k].id] = s.by_park[k].count;
  j["by_park"] = park;
  json month = json::object();
  for (const auto& [mi, t] : s.by_month) month[formatMonth(mi)] = t.count;
  j["by_month"] = month;
  static const char* channels[] = {"task_force", "overseas_mission", "soe_invest", "other"};
  json ch = json::object();
  for (int c = 0; c < kChannelCount; ++c) ch[channels[c]] = s.by_channel[c].count;
  j["by_channel"] = ch;
  json sector = json::object();  // the sector as stated; "unknown": the source states none
  for (int k = 0; k < kSectorCount; ++k)
    sector[k == static_cast<int>(Sector::Unknown) ? "unknown" : sectorId(static_cast<Sector>(k))] = s.by_sector[k].count;
  j["by_sector"] = sector;
  if (targets && targets->has_target) {
    auto progress = [](int64_t actual, int target) {
      return json{{"target", target}, {"actual", actual},
                  {"progress_pct", target > 0 ? std::round(1000.0 * actual / target) / 10 : 0.0}};
    };
    j["targets"] = {{"year", targets->year},
                    {"through", formatMonth(targets->through_month)},
                    {"counts", "manufacturing, city-wide"},
                    {"projects_1yi", progress(targets->n1, targets->targets.projects_1yi)},
                    {"projects_10yi", progress(targets->n10, targets->targets.projects_10yi)}};
  } else if (targets) {
    j["targets"] = {{"year", targets->targets.year}, {"applies", false}};
  }
  return j;
}

}  // namespace cm
