#include "core/catalog.h"
#include "core/dates.h"
#include "ui/panels.h"

namespace cm {

Summary summarize(const Model& m, const Filter& f, const Timeline& t) {
  Summary s;
  const Projects& p = m.projects;
  const int months = std::max(0, t.last_month - t.first_month + 1);
  s.by_month.assign(months, 0);
  for (size_t i = 0; i < p.size(); ++i) {
    if (!passesAttributes(p, i, f)) continue;
    const int mi = projectMonth(p, i);
    if (mi >= t.first_month && mi <= t.last_month) ++s.by_month[mi - t.first_month];
    if (mi < f.month_from || mi > f.month_to) continue;
    ++s.count;
    s.investment_yi += p.investment_yi[i];
    s.in_parks += p.in_park[i];
    ++s.by_ecosystem[static_cast<int>(p.ecosystem[i])];
    const float v = p.investment_yi[i];
    s.by_size[0] += v >= 1;
    s.by_size[1] += v >= 10;
    s.by_size[2] += v >= 50;
    s.by_size[3] += v >= 100;
  }
  return s;
}

const char* ecosystemName(Lang l, Ecosystem e) {
  const auto& i = info(e);
  return l == Lang::Zh ? i.zh.data() : i.en.data();
}

std::string districtName(const Model& m, Lang l, int d) {
  if (d < 0 || d >= static_cast<int>(m.districts.size())) return "—";
  return l == Lang::Zh ? m.districts[d].name_zh : m.districts[d].name_en;
}

std::string chainName(const Model& m, Lang l, int c) {
  if (c < 0 || c >= static_cast<int>(m.projects.chain_names.size())) return "—";
  const std::string& id = m.projects.chain_names[c];
  if (auto k = chainFromId(id)) return std::string(l == Lang::Zh ? kChains[*k].zh : kChains[*k].en);
  return id;  // a chain the catalogue does not know: show its id as written in the file
}

}  // namespace cm
