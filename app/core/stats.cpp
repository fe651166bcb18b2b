#include "core/stats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "platform/parallel.h"

namespace cm {
namespace {

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

// The rows [from, to).
Stats statsOfRows(const Model& m, const Filter& f, size_t from, size_t to) {
  const Projects& p = m.projects;
  Stats s = emptyStats(m);
  std::vector<std::pair<int, Tally>> months;
  std::vector<std::pair<int, std::array<int64_t, kEcosystemCount>>> month_eco;
  // A month's slot in both lists: by its offset from 1970-01 where it has one (the dates' table's
  // range, 1970–2149), else found in the lists.
  constexpr int kBase = 1970 * 12, kSpan = 180 * 12;
  std::vector<int32_t> slot_of(kSpan, -1);
  for (size_t i = from; i < to; ++i) {
    const int month = projectMonth(p, i);
    if (!passesAttributes(p, i, f) || !passesTime(month, f)) continue;  // passes(), the month found once
    const double inv = p.investment_yi[i];
    add(s.total, inv);
    s.investment_unknown += !p.investmentKnown(i);
    s.in_parks += p.in_park[i];
    s.park_match += matchesPark(m, i);
    s.fdi_musd += p.fdi_musd[i];
    add(s.by_ecosystem[static_cast<int>(p.ecosystem[i])], inv);
    for (size_t k = 0; k < kSizeClassesYi.size(); ++k)
      if (p.investment_yi[i] >= kSizeClassesYi[k]) add(s.by_size[k], inv);
    add(s.by_channel[static_cast<int>(p.channel[i])], inv);
    add(s.by_sector[static_cast<int>(p.sector[i])], inv);
    if (p.chain[i] < s.by_chain.size()) add(s.by_chain[p.chain[i]], inv);
    if (p.district_index[i] >= 0 && static_cast<size_t>(p.district_index[i]) < s.by_district.size())
      add(s.by_district[p.district_index[i]], inv);
    if (p.park_index[i] >= 0 && static_cast<size_t>(p.park_index[i]) < s.by_park.size()) add(s.by_park[p.park_index[i]], inv);
    if (month == kUndatedMonth) {
      add(s.undated, inv);
      ++s.undated_ecosystem[static_cast<int>(p.ecosystem[i])];
      continue;
    }
    const bool indexed = month >= kBase && month < kBase + kSpan;
    int slot = indexed ? slot_of[month - kBase] : -1;
    if (slot < 0) {
      const auto it = std::find_if(months.begin(), months.end(), [&](const auto& x) { return x.first == month; });
      slot = static_cast<int>(it - months.begin());
      if (it == months.end()) months.push_back({month, Tally{}}), month_eco.push_back({month, {}});
      if (indexed) slot_of[month - kBase] = slot;
    }
    add(months[slot].second, inv);
    ++month_eco[slot].second[static_cast<int>(p.ecosystem[i])];
  }
  std::sort(months.begin(), months.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::sort(month_eco.begin(), month_eco.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  s.by_month = std::move(months);
  for (const auto& me : month_eco) s.by_month_ecosystem.push_back(me.second);
  return s;
}

void addTo(Tally& a, const Tally& b) {
  a.count += b.count;
  a.investment_yi += b.investment_yi;
}
template <class C>
void addAll(C& a, const C& b) {
  for (size_t k = 0; k < a.size(); ++k) addTo(a[k], b[k]);
}

// `b` (rows after a's) added to `a`.
void merge(Stats& a, const Stats& b) {
  addTo(a.total, b.total);
  a.in_parks += b.in_parks;
  a.park_match += b.park_match;
  a.investment_unknown += b.investment_unknown;
  a.fdi_musd += b.fdi_musd;
  addAll(a.by_ecosystem, b.by_ecosystem);
  addAll(a.by_size, b.by_size);
  addAll(a.by_channel, b.by_channel);
  addAll(a.by_sector, b.by_sector);
  addAll(a.by_chain, b.by_chain);
  addAll(a.by_district, b.by_district);
  addAll(a.by_park, b.by_park);
  addTo(a.undated, b.undated);
  for (int e = 0; e < kEcosystemCount; ++e) a.undated_ecosystem[e] += b.undated_ecosystem[e];
  std::vector<std::pair<int, Tally>> months;
  std::vector<std::array<int64_t, kEcosystemCount>> month_eco;
  for (size_t i = 0, j = 0; i < a.by_month.size() || j < b.by_month.size();) {
    const bool from_a = j == b.by_month.size() || (i < a.by_month.size() && a.by_month[i].first <= b.by_month[j].first);
    const bool both = from_a && j < b.by_month.size() && a.by_month[i].first == b.by_month[j].first;
    months.push_back(from_a ? a.by_month[i] : b.by_month[j]);
    month_eco.push_back(from_a ? a.by_month_ecosystem[i] : b.by_month_ecosystem[j]);
    if (both) {
      addTo(months.back().second, b.by_month[j].second);
      for (int e = 0; e < kEcosystemCount; ++e) month_eco.back()[e] += b.by_month_ecosystem[j][e];
    }
    from_a ? ++i : ++j;
    if (both) ++j;
  }
  a.by_month = std::move(months);
  a.by_month_ecosystem = std::move(month_eco);
}

}  // namespace

std::array<Tally, 4> sizeClassTallies(const Model& m, const Filter& f) {
  static_assert(kSizeClassesYi.size() == 4);
  const Projects& p = m.projects;
  const size_t n = p.size();
  std::array<Tally, 4> half[2]{};
  parallelFor(n < 200000 ? 1 : 2, std::thread::hardware_concurrency(), [&](size_t k) {
    for (size_t i = k * n / 2, end = n < 200000 ? n : (k + 1) * n / 2; i < end; ++i) {
      if (!passes(p, i, f)) continue;
      const double inv = p.investment_yi[i];
      for (size_t c = 0; c < kSizeClassesYi.size(); ++c)
        if (p.investment_yi[i] >= kSizeClassesYi[c]) add(half[k][c], inv);
    }
  });
  for (size_t c = 0; c < 4; ++c) addTo(half[0][c], half[1][c]);
  return half[0];
}

Stats computeStats(const Model& m, const Filter& f) {
  // A large table in two halves at once (the command line's --stats makes two such passes).
  const size_t n = m.projects.size();
  if (n < 200000) return statsOfRows(m, f, 0, n);
  Stats half[2];
  parallelFor(2, std::thread::hardware_concurrency(), [&](size_t k) { half[k] = statsOfRows(m, f, k * n / 2, (k + 1) * n / 2); });
  merge(half[0], half[1]);
  return std::move(half[0]);
}

namespace {

// Size classes of the cube: 0 below 0, 1 [0,1), 2 [1,10), 3 [10,50), 4 [50,100), 5 from 100,
// 6 not a number (passes every minimum, counts in no size class, as passesAttributes does).
constexpr int kClasses = 7, kNanClass = 6;
constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr std::array<float, kClasses - 1> kClassLo{-kInf, 0.f, kSizeClassesYi[0], kSizeClassesYi[1], kSizeClassesYi[2],
                                                   kSizeClassesYi[3]};
int sizeClass(float v) {
  if (std::isnan(v)) return kNanClass;
  int c = 0;
  while (c + 1 < kClasses - 1 && v >= kClassLo[c + 1]) ++c;
  return c;
}
int sizeClassesReached(int c) { return c == kNanClass ? 0 : std::max(0, c - 1); }  // by_size entries it adds to

enum State : uint8_t { kFail = 0, kPass = 1, kStraddle = 2 };
State classState(int c, float min) {
  if (c == kNanClass || std::isnan(min)) return kPass;
  const float hi = c + 1 < kClasses - 1 ? kClassLo[c + 1] : kInf;
  if (min <= kClassLo[c]) return kPass;
  if (min >= hi && c < kClasses - 2) return kFail;
  return kStraddle;  // (the top class also when min is +inf: its rows decide)
}

// Code bits: ecosystem 0-2, in park 3, size class 4-6, park match 7, sector 8-9, amount unknown 10,
// foreign-invested 11. The low 8 bits are what the per-month fold needs (by_code_); the sector and
// the amount flag are tallied per cell, the foreign flag only filters.
constexpr unsigned kSectorShift = 8, kUnknownShift = 10, kForeignShift = 11;
constexpr unsigned kCodes = 1u << (kForeignShift + 1);  // 4096
static_assert(kSectorCount <= 4, "the cell code keeps the sector in 2 bits");
unsigned codeSector(unsigned code) { return code >> kSectorShift & 3u; }
bool codeAmountUnknown(unsigned code) { return code >> kUnknownShift & 1u; }
uint16_t cellCode(const Model& m, size_t i) {
  const Projects& p = m.projects;
  return static_cast<uint16_t>(static_cast<unsigned>(p.ecosystem[i]) | (p.in_park[i] ? 1u : 0u) << 3 |
                               static_cast<unsigned>(sizeClass(p.investment_yi[i])) << 4 |
                               (matchesPark(m, i) ? 1u : 0u) << 7 | static_cast<unsigned>(p.sector[i]) << kSectorShift |
                               (p.investmentKnown(i) ? 0u : 1u) << kUnknownShift |
                               (foreignInvested(p, i) ? 1u : 0u) << kForeignShift);
}

// Slots of a month's sums: 4 scalars, then the groups.
enum Slot { kTotal, kInParks, kMatch, kUnknownAmount, kEco0 };
constexpr size_t kSize0 = kEco0 + kEcosystemCount, kChannel0 = kSize0 + 4, kSector0 = kChannel0 + kChannelCount,
                 kGroups0 = kSector0 + kSectorCount;

}  // namespace

struct StatsEngine::Cube {
  std::vector<int> bin_month;  // distinct months, ascending
  std::vector<Cell> cells;
  std::vector<Payload> payload;
  std::mutex rows_mutex;                        // class_rows is filled on first use, by either engine
  std::vector<std::vector<RowRec>> class_rows;  // per size class, by investment descending (lazy)
  std::vector<uint32_t> row_cell;               // cell of each row (kept for class_rows)
  std::vector<int16_t> district_values;         // the district indices the cells hold
};

StatsEngine::StatsEngine(const StatsEngine& o, SameCube)
    : m_(o.m_), cube_(o.cube_), slots_(o.slots_), chain0_(o.chain0_), district0_(o.district0_), park0_(o.park0_) {
  chain_ok_.assign(o.chain_ok_.size(), 0);
  district_ok_.assign(1 << 16, 0);
}

size_t StatsEngine::cellCount() const { return cube_->cells.size(); }

StatsEngine::StatsEngine(const Model& m) : m_(m), cube_(std::make_shared<Cube>()) {
  const Projects& p = m.projects;
  const size_t n = p.size();
  static_assert(kEcosystemCount <= 8, "the cell code keeps the ecosystem in 3 bits");
  std::vector<int> month(n);
  for (size_t i = 0; i < n; ++i) month[i] = projectMonth(p, i);
  cube_->bin_month = month;
  std::sort(cube_->bin_month.begin(), cube_->bin_month.end());
  cube_->bin_month.erase(std::unique(cube_->bin_month.begin(), cube_->bin_month.end()), cube_->bin_month.end());
  // Rows grouped by bin (counting sort), then cells by key within each bin.
  std::vector<uint32_t> bin(n), start(cube_->bin_month.size() + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    bin[i] = static_cast<uint32_t>(std::lower_bound(cube_->bin_month.begin(), cube_->bin_month.end(), month[i]) - cube_->bin_month.begin());
    ++start[bin[i] + 1];
  }
  std::vector<int>().swap(month);
  for (size_t b = 0; b < cube_->bin_month.size(); ++b) start[b + 1] += start[b];
  std::vector<uint32_t> order(n), fill(start.begin(), start.end() - 1);
  for (size_t i = 0; i < n; ++i) order[fill[bin[i]]++] = static_cast<uint32_t>(i);
  cube_->row_cell.resize(n);
  std::unordered_map<uint64_t, uint32_t> index;
  for (size_t b = 0; b < cube_->bin_month.size(); ++b) {
    index.clear();
    for (uint32_t k = start[b]; k < start[b + 1]; ++k) {
      const uint32_t i = order[k];
      const Cell c{static_cast<uint32_t>(b), p.chain[i], p.district_index[i], p.park_index[i], cellCode(m, i)};
      const uint64_t key = c.chain | uint64_t{static_cast<uint16_t>(c.district)} << 16 |
                           uint64_t{static_cast<uint16_t>(c.park)} << 32 | uint64_t{c.code} << 48;
      auto [it, fresh] = index.try_emplace(key, static_cast<uint32_t>(cube_->cells.size()));
      if (fresh) cube_->cells.push_back(c), cube_->payload.emplace_back();
      cube_->row_cell[i] = it->second;
      Payload& pl = cube_->payload[it->second];
      const double inv = p.investment_yi[i];
      ++pl.all.n, pl.all.v += inv;
      pl.fdi += p.fdi_musd[i];
      Acc& ch = pl.channel[static_cast<int>(p.channel[i]) & (kChannelCount - 1)];
      ++ch.n, ch.v += inv;
    }
  }
  cube_->cells.shrink_to_fit();
  cube_->payload.shrink_to_fit();
  cube_->class_rows.resize(kClasses);
  uint16_t chain_max = 0;
  district_ok_.assign(1 << 16, 0);
  for (const Cell& c : cube_->cells) {
    chain_max = std::max(chain_max, c.chain);
    if (!district_ok_[static_cast<uint16_t>(c.district)]) district_ok_[static_cast<uint16_t>(c.district)] = 1, cube_->district_values.push_back(c.district);
  }
  chain_ok_.assign(cube_->cells.empty() ? 0 : size_t{chain_max} + 1, 0);
  chain0_ = kGroups0;
  district0_ = chain0_ + p.chain_names.size();
  park0_ = district0_ + m.districts.size();
  slots_ = park0_ + m.parks.size();
}

size_t StatsEngine::memoryBytes() const {
  size_t b = cube_->cells.capacity() * sizeof(Cell) + cube_->payload.capacity() * sizeof(Payload) +
             cube_->row_cell.capacity() * sizeof(uint32_t) + sums_.capacity() * sizeof(Acc) +
             by_code_.capacity() * sizeof(by_code_[0]) + cube_->bin_month.capacity() * sizeof(int);
  for (const auto& r : cube_->class_rows) b += r.capacity() * sizeof(RowRec);
  return b;
}

const std::vector<StatsEngine::RowRec>& StatsEngine::classRows(int size_class) {
  std::lock_guard lock(cube_->rows_mutex);
  std::vector<RowRec>& rows = cube_->class_rows[size_class];
  if (!rows.empty()) return rows;
  const Projects& p = m_.projects;
  for (size_t i = 0; i < p.size(); ++i)
    if (sizeClass(p.investment_yi[i]) == size_class)
      rows.push_back({cube_->row_cell[i], p.investment_yi[i], p.fdi_musd[i], static_cast<uint8_t>(p.channel[i])});
  std::sort(rows.begin(), rows.end(), [](const RowRec& a, const RowRec& b) { return a.inv > b.inv; });
  return rows;
}

void StatsEngine::setAttributeFilter(const Filter& f) {
  const Filter a = f.attributes();  // the months do not matter here
  if (built_ && a == attr_) return;
  attr_ = a;
  built_ = true;
  const size_t bins = cube_->bin_month.size();
  // Look-up tables: what the filter says of each code, chain and district.
  std::array<uint8_t, kCodes> code_state{};
  for (unsigned c = 0; c < kCodes; ++c) {
    const unsigned eco = c & 7, in_park = c >> 3 & 1, cls = c >> 4 & 7, sector = codeSector(c);
    if (cls >= kClasses || !(a.ecosystems >> eco & 1u) || !(a.sectors >> sector & 1u)) continue;
    if ((a.park == ParkMode::InPark && !in_park) || (a.park == ParkMode::OutsidePark && in_park)) continue;
    if (a.foreign_only && !(c >> kForeignShift & 1u)) continue;
    code_state[c] = classState(static_cast<int>(cls), a.min_investment_yi);
  }
  for (size_t c = 0; c < chain_ok_.size(); ++c) chain_ok_[c] = a.chains.contains(static_cast<int>(c)) ? 0xff : 0;
  for (int16_t d : cube_->district_values) district_ok_[static_cast<uint16_t>(d)] = a.districts.contains(d) ? 0xff : 0;
  const uint8_t* chain_ok = chain_ok_.data();
  const uint8_t* district_ok = district_ok_.data();

  sums_.assign(bins * slots_, Acc{});
  by_code_.assign(bins, {});
  fdi_by_bin_.assign(bins, 0.0);
  const int nc = static_cast<int>(m_.projects.chain_names.size()), nd = static_cast<int>(m_.districts.size()),
            np = static_cast<int>(m_.parks.size());
  auto add = [&](const Cell& c, const Acc& all, double fdi, const Acc* channels, int one_channel) {
    by_code_[c.bin][c.code & 0xff].n += all.n;
    by_code_[c.bin][c.code & 0xff].v += all.v;
    fdi_by_bin_[c.bin] += fdi;
    Acc* row = &sums_[c.bin * slots_];
    auto put = [](Acc& x, const Acc& y) { x.n += y.n, x.v += y.v; };
    if (channels)
      for (int k = 0; k < kChannelCount; ++k) put(row[kChannel0 + k], channels[k]);
    else
      put(row[kChannel0 + one_channel], all);
    if (c.chain < nc) put(row[chain0_ + c.chain], all);
    if (c.district >= 0 && c.district < nd) put(row[district0_ + c.district], all);
    if (c.park >= 0 && c.park < np) put(row[park0_ + c.park], all);
    put(row[kSector0 + codeSector(c.code)], all);
    if (codeAmountUnknown(c.code)) row[kUnknownAmount].n += all.n;
  };
  int straddle = -1;
  for (size_t k = 0; k < cube_->cells.size(); ++k) {
    const Cell& c = cube_->cells[k];
    const uint8_t s = code_state[c.code] & chain_ok[c.chain] & district_ok[static_cast<uint16_t>(c.district)];
    if (s == kPass) add(c, cube_->payload[k].all, cube_->payload[k].fdi, cube_->payload[k].channel.data(), 0);
    else if (s == kStraddle) straddle = c.code >> 4 & 7;
  }
  if (straddle >= 0)  // one class holds the threshold: its rows at or above it, one by one
    for (const RowRec& r : classRows(straddle)) {
      if (!(r.inv >= a.min_investment_yi)) break;
      const Cell& c = cube_->cells[r.cell];
      if (code_state[c.code] & chain_ok[c.chain] & district_ok[static_cast<uint16_t>(c.district)])
        add(c, Acc{1, r.inv}, r.fdi, nullptr, r.channel & (kChannelCount - 1));
    }
  // Fold the codes into the month's totals, ecosystems, size classes, in-park and match counts.
  for (size_t b = 0; b < bins; ++b) {
    Acc* row = &sums_[b * slots_];
    for (unsigned code = 0; code < 256; ++code) {
      const Acc& x = by_code_[b][code];
      if (!x.n) continue;
      auto put = [&](size_t slot) { row[slot].n += x.n, row[slot].v += x.v; };
      put(kTotal);
      put(kEco0 + (code & 7));
      for (int k = 0; k < sizeClassesReached(code >> 4 & 7); ++k) put(kSize0 + k);
      if (code >> 3 & 1) row[kInParks].n += x.n;
      if (code >> 7 & 1) row[kMatch].n += x.n;
    }
  }
}

Stats StatsEngine::query(int month_from, int month_to, bool undated) const {
  Stats s = emptyStats(m_);
  if (!built_) return s;
  // The undated projects' bin is the last one (kUndatedMonth sorts after every month).
  const size_t dated = !cube_->bin_month.empty() && cube_->bin_month.back() == kUndatedMonth ? cube_->bin_month.size() - 1 : cube_->bin_month.size();
  std::vector<size_t> bins;
  if (month_from <= month_to) {
    const size_t lo = std::lower_bound(cube_->bin_month.begin(), cube_->bin_month.begin() + dated, month_from) - cube_->bin_month.begin();
    const size_t hi = std::upper_bound(cube_->bin_month.begin(), cube_->bin_month.begin() + dated, month_to) - cube_->bin_month.begin();
    for (size_t b = lo; b < hi; ++b) bins.push_back(b);
  }
  if (undated && dated < cube_->bin_month.size()) bins.push_back(dated);
  auto tally = [](Tally& t, const Acc& a) { t.count += a.n, t.investment_yi += a.v; };
  for (size_t bin : bins) {
    const Acc* row = &sums_[bin * slots_];
    if (!row[kTotal].n) continue;
    tally(s.total, row[kTotal]);
    s.in_parks += row[kInParks].n;
    s.park_match += row[kMatch].n;
    s.investment_unknown += row[kUnknownAmount].n;
    s.fdi_musd += fdi_by_bin_[bin];
    for (int e = 0; e < kEcosystemCount; ++e) tally(s.by_ecosystem[e], row[kEco0 + e]);
    for (size_t k = 0; k < s.by_size.size(); ++k) tally(s.by_size[k], row[kSize0 + k]);
    for (int c = 0; c < kChannelCount; ++c) tally(s.by_channel[c], row[kChannel0 + c]);
    for (int k = 0; k < kSectorCount; ++k) tally(s.by_sector[k], row[kSector0 + k]);
    for (size_t c = 0; c < s.by_chain.size(); ++c) tally(s.by_chain[c], row[chain0_ + c]);
    for (size_t d = 0; d < s.by_district.size(); ++d) tally(s.by_district[d], row[district0_ + d]);
    for (size_t k = 0; k < s.by_park.size(); ++k) tally(s.by_park[k], row[park0_ + k]);
    std::array<int64_t, kEcosystemCount> eco{};
    for (int e = 0; e < kEcosystemCount; ++e) eco[e] = row[kEco0 + e].n;
    if (cube_->bin_month[bin] == kUndatedMonth) {
      s.undated = Tally{row[kTotal].n, row[kTotal].v};
      s.undated_ecosystem = eco;
      continue;
    }
    s.by_month.push_back({cube_->bin_month[bin], Tally{row[kTotal].n, row[kTotal].v}});
    s.by_month_ecosystem.push_back(eco);
  }
  return s;
}

}  // namespace cm
