// The project filter: the same state the panels edit, the CLI flags set, the shaders read as
// uniforms and the statistics engine applies on the CPU.
#pragma once
#include <climits>
#include <cstdint>

#include "core/ecosystem.h"
#include "core/model.h"

namespace cm {

enum class ParkMode : uint8_t { Any = 0, InPark = 1, OutsidePark = 2 };

struct Filter {
  uint32_t ecosystems = kAllEcosystems;  // bit per Ecosystem
  uint64_t chains = ~0ull;               // bit per chain index (up to 64 chains)
  uint32_t sectors = 3;                  // bit 0 manufacturing, bit 1 service
  float min_investment_yi = 0.f;         // 亿元, inclusive
  uint32_t districts = ~0u;              // bit per Model::districts index
  ParkMode park = ParkMode::Any;
  int month_from = INT_MIN;              // inclusive month index (year*12 + month-1)
  int month_to = INT_MAX;                // inclusive

  bool operator==(const Filter&) const = default;
  bool operator!=(const Filter& o) const { return !(*this == o); }
};

// Whether project i passes every criterion except the time window.
inline bool passesAttributes(const Projects& p, size_t i, const Filter& f) {
  if (!(f.ecosystems >> static_cast<int>(p.ecosystem[i]) & 1u)) return false;
  if (p.chain[i] < 64 && !(f.chains >> p.chain[i] & 1ull)) return false;
  if (!(f.sectors >> static_cast<int>(p.sector[i]) & 1u)) return false;
  if (p.investment_yi[i] < f.min_investment_yi) return false;
  const int d = p.district_index[i];
  if (f.districts != ~0u && (d < 0 || d >= 32 || !(f.districts >> d & 1u))) return false;
  if (f.park == ParkMode::InPark && !p.in_park[i]) return false;
  if (f.park == ParkMode::OutsidePark && p.in_park[i]) return false;
  return true;
}

int projectMonth(const Projects& p, size_t i);  // month index of signed_day

inline bool passes(const Projects& p, size_t i, const Filter& f) {
  if (!passesAttributes(p, i, f)) return false;
  const int m = projectMonth(p, i);
  return m >= f.month_from && m <= f.month_to;
}

}  // namespace cm
