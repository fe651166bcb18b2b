// The project filter: the same state the panels edit, the CLI flags set, the statistics engine
// applies on the CPU and the points shader mirrors on the GPU (core/filter_bits.h says how).
#pragma once
#include <climits>
#include <cstdint>

#include "core/ecosystem.h"
#include "core/idset.h"
#include "core/model.h"

namespace cm {

enum class ParkMode : uint8_t { Any = 0, InPark = 1, OutsidePark = 2 };

struct Filter {
  uint32_t ecosystems = kAllEcosystems;  // bit per Ecosystem
  IdSet chains;                          // Projects::chain_names indices
  uint32_t sectors = kAllSectors;        // bit per Sector: 0 manufacturing, 1 service, 2 not stated
  float min_investment_yi = 0.f;         // 亿元, inclusive
  IdSet districts;                       // Model::districts indices (-1, unknown, passes only "all")
  ParkMode park = ParkMode::Any;
  bool foreign_only = false;             // only foreign-invested projects (foreignInvested: an FDI amount)
  int month_from = INT_MIN;              // inclusive month index (year*12 + month-1)
  int month_to = INT_MAX;                // inclusive
  bool undated = true;                   // projects without a signing date pass the time window
                                         // (set by syncUndated: whole window, or "include undated")

  bool operator==(const Filter&) const = default;
  bool operator!=(const Filter& o) const { return !(*this == o); }
  // The same filter without its time window (what the attribute-only caches key on).
  Filter attributes() const {
    Filter a = *this;
    a.month_from = INT_MIN;
    a.month_to = INT_MAX;
    a.undated = true;
    return a;
  }
};

// A foreign-invested project: one with a foreign direct investment amount (Projects::fdi_musd > 0).
// The one rule the filter, its GPU bit (FOREIGN) and the statistics' cube use.
inline bool foreignInvested(const Projects& p, size_t i) { return i < p.fdi_musd.size() && p.fdi_musd[i] > 0; }

// Whether project i passes every criterion except the time window. The one CPU predicate:
// shaders/points.vert mirrors it branch for branch.
inline bool passesAttributes(const Projects& p, size_t i, const Filter& f) {
  if (!(f.ecosystems >> static_cast<int>(p.ecosystem[i]) & 1u)) return false;
  if (!f.chains.contains(p.chain[i])) return false;
  if (!(f.sectors >> static_cast<int>(p.sector[i]) & 1u)) return false;
  if (p.investment_yi[i] < f.min_investment_yi) return false;
  if (!f.districts.contains(p.district_index[i])) return false;
  if (f.park == ParkMode::InPark && !p.in_park[i]) return false;
  if (f.park == ParkMode::OutsidePark && p.in_park[i]) return false;
  if (f.foreign_only && !foreignInvested(p, i)) return false;
  return true;
}

// The month of an undated project (no signing date): after every real month, in no window.
inline constexpr int kUndatedMonth = INT_MAX;
int projectMonth(const Projects& p, size_t i);  // month index of signed_day, kUndatedMonth when undated

inline bool passesTime(int month, const Filter& f) {
  if (month == kUndatedMonth) return f.undated;
  return month >= f.month_from && month <= f.month_to;
}

inline bool passes(const Projects& p, size_t i, const Filter& f) {
  return passesAttributes(p, i, f) && passesTime(projectMonth(p, i), f);
}

// Undated projects are in a time window that covers the whole timeline [first, last] (nothing is
// filtered by time), and in a narrower one only when the user asks ("include undated").
inline void syncUndated(Filter& f, int first_month, int last_month, bool include_undated) {
  f.undated = include_undated || (f.month_from <= first_month && f.month_to >= last_month);
}

}  // namespace cm
