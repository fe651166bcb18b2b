// The statistics engine: counts and investment sums by ecosystem, chain, size class, district,
// park, month, channel, in/out of parks and park-industry match, for a filter and time window.
//
//   StatsEngine engine(model);          // one-off: rows sorted by signing day, grouped by month
//   engine.setAttributeFilter(filter);  // O(n) prefix sums, only when the non-time part changes
//   Stats s = engine.query(from, to);   // O(log n): two binary searches and differences
//
// computeStats() is the plain reference (one pass over all rows) the tests check the engine with.
#pragma once
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/filter.h"
#include "core/model.h"

namespace cm {

struct Tally {
  int64_t count = 0;
  double investment_yi = 0;
};

inline constexpr std::array<float, 4> kSizeClassesYi{1.f, 10.f, 50.f, 100.f};
inline constexpr int kChannelCount = 4;

struct Stats {
  Tally total;
  int64_t in_parks = 0;    // park set and the point in its catchment
  int64_t park_match = 0;  // in a park whose main ecosystem is the project's own
  double fdi_musd = 0;
  std::array<Tally, kEcosystemCount> by_ecosystem{};
  std::array<Tally, 4> by_size{};  // investment >= 1, 10, 50, 100 亿 (cumulative classes)
  std::array<Tally, kChannelCount> by_channel{};
  std::vector<Tally> by_chain;     // indexed like Projects::chain_names
  std::vector<Tally> by_district;  // indexed like Model::districts
  std::vector<Tally> by_park;      // indexed like Model::parks
  std::vector<std::pair<int, Tally>> by_month;  // (month index, tally), months with projects, ascending
  std::vector<std::array<int64_t, kEcosystemCount>> by_month_ecosystem;  // counts per ecosystem, parallel to by_month
  double parkMatchShare() const { return in_parks ? static_cast<double>(park_match) / in_parks : 0.0; }
};

// Reference implementation: every row through passes().
Stats computeStats(const Model& m, const Filter& f);

class StatsEngine {
 public:
  explicit StatsEngine(const Model& m);  // keeps a reference: the model must outlive the engine
  // Rebuilds the prefix sums when the attribute part of f (everything but the months) changed.
  void setAttributeFilter(const Filter& f);
  // Inclusive month indices (year*12 + month-1), like Filter::month_from/month_to.
  Stats query(int month_from, int month_to) const;
  Stats query(const Filter& f) {
    setAttributeFilter(f);
    return query(f.month_from, f.month_to);
  }

 private:
  const Model& m_;
  std::vector<uint32_t> order_;     // rows sorted by signing day
  std::vector<int> bin_month_;      // distinct months, ascending
  std::vector<int64_t> prefix_;     // (bins + 1) x slots_, fixed-point sums up to each bin
  size_t slots_ = 0, chain0_ = 0, district0_ = 0, park0_ = 0;
  Filter attr_;
  bool built_ = false;
};

}  // namespace cm
