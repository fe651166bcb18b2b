#include "core/lifecycle.h"

namespace cm {

LifeStage lifeStageAt(const Projects& p, size_t row, int32_t day) {
  if (day < p.signed_day[row]) return LifeStage::NotYetSigned;
  const int32_t producing = row < p.producing_day.size() ? p.producing_day[row] : Projects::kNoDay;
  int32_t started = row < p.started_day.size() ? p.started_day[row] : Projects::kNoDay;
  if (started == Projects::kNoDay) started = producing;  // started at production
  if (started == Projects::kNoDay || day < started) return LifeStage::Signed;
  if (producing == Projects::kNoDay || day < producing) return LifeStage::UnderConstruction;
  return LifeStage::Producing;
}

LifeStageCounts lifeStageCounts(const Model& m, const Filter& f, int32_t day) {
  LifeStageCounts c;
  const Projects& p = m.projects;
  for (size_t i = 0; i < p.size(); ++i) {
    if (!passes(p, i, f)) continue;
    const LifeStage s = lifeStageAt(p, i, day);
    if (s == LifeStage::NotYetSigned) continue;
    const int k = static_cast<int>(s) - 1;
    (k == 0 ? c.signed_only : k == 1 ? c.under_construction : c.producing)++;
    c.investment_yi[k] += p.investment_yi[i];
  }
  return c;
}

}  // namespace cm
