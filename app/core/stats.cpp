#include "core/stats.h"

#include <algorithm>
#include <cmath>

namespace cm {
namespace {

// Fixed point for the engine's prefix sums: exact differences, no drift over a million rows.
constexpr double kInvUnit = 1e4;  // 1 unit = 0.0001 亿元 = 10,000 yuan
constexpr double kFdiUnit = 1e3;  // 1 unit = 1,000 USD

// Slot layout of one prefix row: 5 scalars, then (count, investment) pairs per group member.
enum Scalar { kCount, kInv, kInParks, kParkMatch, kFdi, kScalars };
constexpr size_t kEco0 = kScalars, kSize0 = kEco0 + 2 * kEcosystemCount, kChannel0 = kSize0 + 2 * 4,
                 kGroups0 = kChannel0 + 2 * kChannelCount;

bool matchesPark(const Model& m, size_t i) {
  const Projects& p = m.projects;
  const int k = p.park_index[i];
  return p.in_park[i] && k >= 0 && k < static_cast<int>(m.parks.size()) && m.parks[k].main_ecosystem == p.ecosystem[i];
}

void add(Tally& t, double inv) {
  ++t.count;
  t.investment_yi += inv;
}

Stats emptyStats(const Model& m) {
  Stats s;
  s.by_chain.resize(m.projects.chain_names.size());
  s.by_district.resize(m.districts.size());
  s.by_park.resize(m.parks.size());
  return s;
}

}  // namespace

Stats computeStats(const Model& m, const Filter& f) {
  const Projects& p = m.projects;
  Stats s = emptyStats(m);
  std::vector<std::pair<int, Tally>> months;
  std::vector<std::pair<int, std::array<int64_t, kEcosystemCount>>> month_eco;
  for (size_t i = 0; i < p.size(); ++i) {
    if (!passes(p, i, f)) continue;
    const double inv = p.investment_yi[i];
    add(s.total, inv);
    s.in_parks += p.in_park[i];
    s.park_match += matchesPark(m, i);
    s.fdi_musd += p.fdi_musd[i];
    add(s.by_ecosystem[static_cast<int>(p.ecosystem[i])], inv);
    for (size_t k = 0; k < kSizeClassesYi.size(); ++k)
      if (p.investment_yi[i] >= kSizeClassesYi[k]) add(s.by_size[k], inv);
    add(s.by_channel[static_cast<int>(p.channel[i])], inv);
    if (p.chain[i] < s.by_chain.size()) add(s.by_chain[p.chain[i]], inv);
    if (p.district_index[i] >= 0 && static_cast<size_t>(p.district_index[i]) < s.by_district.size())
      add(s.by_district[p.district_index[i]], inv);
    if (p.park_index[i] >= 0 && static_cast<size_t>(p.park_index[i]) < s.by_park.size()) add(s.by_park[p.park_index[i]], inv);
    const int month = projectMonth(p, i);
    auto it = std::find_if(months.begin(), months.end(), [&](const auto& x) { return x.first == month; });
    if (it == months.end()) months.push_back({month, Tally{}}), it = months.end() - 1;
    add(it->second, inv);
    auto jt = std::find_if(month_eco.begin(), month_eco.end(), [&](const auto& x) { return x.first == month; });
    if (jt == month_eco.end()) month_eco.push_back({month, {}}), jt = month_eco.end() - 1;
    ++jt->second[static_cast<int>(p.ecosystem[i])];
  }
  std::sort(months.begin(), months.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::sort(month_eco.begin(), month_eco.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  s.by_month = std::move(months);
  for (const auto& me : month_eco) s.by_month_ecosystem.push_back(me.second);
  return s;
}

StatsEngine::StatsEngine(const Model& m) : m_(m) {
  const Projects& p = m.projects;
  order_.resize(p.size());
  for (size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<uint32_t>(i);
  std::stable_sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) { return p.signed_day[a] < p.signed_day[b]; });
  for (uint32_t i : order_) {
    const int month = projectMonth(p, i);
    if (bin_month_.empty() || bin_month_.back() != month) bin_month_.push_back(month);
  }
  chain0_ = kGroups0;
  district0_ = chain0_ + 2 * p.chain_names.size();
  park0_ = district0_ + 2 * m.districts.size();
  slots_ = park0_ + 2 * m.parks.size();
}

void StatsEngine::setAttributeFilter(const Filter& f) {
  const Filter a = f.attributes();  // the months do not matter here
  if (built_ && a == attr_) return;
  attr_ = a;
  built_ = true;
  const Projects& p = m_.projects;
  const size_t bins = bin_month_.size();
  prefix_.assign((bins + 1) * slots_, 0);
  size_t pos = 0;
  for (size_t b = 0; b < bins; ++b) {
    int64_t* row = &prefix_[(b + 1) * slots_];
    std::copy_n(&prefix_[b * slots_], slots_, row);
    for (; pos < order_.size() && projectMonth(p, order_[pos]) == bin_month_[b]; ++pos) {
      const uint32_t i = order_[pos];
      if (!passesAttributes(p, i, attr_)) continue;
      const int64_t inv = std::llround(static_cast<double>(p.investment_yi[i]) * kInvUnit);
      auto tally = [&](size_t slot) {
        row[slot] += 1;
        row[slot + 1] += inv;
      };
      tally(kCount);
      row[kInParks] += p.in_park[i];
      row[kParkMatch] += matchesPark(m_, i);
      row[kFdi] += std::llround(static_cast<double>(p.fdi_musd[i]) * kFdiUnit);
      tally(kEco0 + 2 * static_cast<size_t>(p.ecosystem[i]));
      for (size_t k = 0; k < kSizeClassesYi.size(); ++k)
        if (p.investment_yi[i] >= kSizeClassesYi[k]) tally(kSize0 + 2 * k);
      tally(kChannel0 + 2 * static_cast<size_t>(p.channel[i]));
      if (p.chain[i] < p.chain_names.size()) tally(chain0_ + 2 * p.chain[i]);
      if (p.district_index[i] >= 0 && static_cast<size_t>(p.district_index[i]) < m_.districts.size())
        tally(district0_ + 2 * static_cast<size_t>(p.district_index[i]));
      if (p.park_index[i] >= 0 && static_cast<size_t>(p.park_index[i]) < m_.parks.size())
        tally(park0_ + 2 * static_cast<size_t>(p.park_index[i]));
    }
  }
}

Stats StatsEngine::query(int month_from, int month_to) const {
  Stats s = emptyStats(m_);
  if (!built_ || month_from > month_to) return s;
  const size_t lo = std::lower_bound(bin_month_.begin(), bin_month_.end(), month_from) - bin_month_.begin();
  const size_t hi = std::upper_bound(bin_month_.begin(), bin_month_.end(), month_to) - bin_month_.begin();
  if (lo >= hi) return s;
  const int64_t* a = &prefix_[lo * slots_];
  const int64_t* b = &prefix_[hi * slots_];
  auto tally = [&](size_t slot) { return Tally{b[slot] - a[slot], (b[slot + 1] - a[slot + 1]) / kInvUnit}; };
  s.total = tally(kCount);
  s.in_parks = b[kInParks] - a[kInParks];
  s.park_match = b[kParkMatch] - a[kParkMatch];
  s.fdi_musd = (b[kFdi] - a[kFdi]) / kFdiUnit;
  for (int e = 0; e < kEcosystemCount; ++e) s.by_ecosystem[e] = tally(kEco0 + 2 * e);
  for (size_t k = 0; k < s.by_size.size(); ++k) s.by_size[k] = tally(kSize0 + 2 * k);
  for (int c = 0; c < kChannelCount; ++c) s.by_channel[c] = tally(kChannel0 + 2 * c);
  for (size_t c = 0; c < s.by_chain.size(); ++c) s.by_chain[c] = tally(chain0_ + 2 * c);
  for (size_t d = 0; d < s.by_district.size(); ++d) s.by_district[d] = tally(district0_ + 2 * d);
  for (size_t k = 0; k < s.by_park.size(); ++k) s.by_park[k] = tally(park0_ + 2 * k);
  for (size_t bin = lo; bin < hi; ++bin) {
    const int64_t* x = &prefix_[bin * slots_];
    const int64_t* y = &prefix_[(bin + 1) * slots_];
    if (y[kCount] <= x[kCount]) continue;
    s.by_month.push_back({bin_month_[bin], Tally{y[kCount] - x[kCount], (y[kInv] - x[kInv]) / kInvUnit}});
    std::array<int64_t, kEcosystemCount> eco{};
    for (int e = 0; e < kEcosystemCount; ++e) eco[e] = y[kEco0 + 2 * e] - x[kEco0 + 2 * e];
    s.by_month_ecosystem.push_back(eco);
  }
  return s;
}

}  // namespace cm
