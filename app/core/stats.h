// The statistics engine: counts and investment sums by ecosystem, chain, size class, district,
// park, month, channel, in/out of parks and park-industry match, for a filter and time window.
//
//   StatsEngine engine(model);          // one-off: the counts cube (below), O(n)
//   engine.setAttributeFilter(filter);  // one pass over the cube's cells, not the rows
//   Stats s = engine.query(from, to, undated);  // sums the months of the window: O(months x groups)
//
// The cube: every row falls in one cell keyed by everything the filter tests and the panel groups
// by (month, ecosystem, sector, chain, district, park, in-park, size class, amount unknown); a
// cell holds its count, investment, FDI and per-channel tallies. A million rows make ~90k cells, so a filter
// change costs a pass over the cells. A minimum investment that is not a size-class boundary
// (1, 10, 50, 100 亿; the panel offers only those) cuts through one class: that class's cells are
// skipped and its rows at or above the threshold (kept sorted by investment, built on first
// need) are added one by one.
//
// computeStats() is the plain reference (every row through passes(); a large table in two halves
// at once) the tests check the engine with.
#pragma once
#include <array>
#include <memory>
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
  int64_t investment_unknown = 0;  // counted, their amount unknown (summed as 0)
  double fdi_musd = 0;
  std::array<Tally, kEcosystemCount> by_ecosystem{};
  std::array<Tally, 4> by_size{};  // investment >= 1, 10, 50, 100 亿 (cumulative classes)
  std::array<Tally, kChannelCount> by_channel{};
  std::array<Tally, kSectorCount> by_sector{};  // indexed by Sector (manufacturing, service, not stated)
  std::vector<Tally> by_chain;     // indexed like Projects::chain_names
  std::vector<Tally> by_district;  // indexed like Model::districts
  std::vector<Tally> by_park;      // indexed like Model::parks
  std::vector<std::pair<int, Tally>> by_month;  // (month index, tally), months with projects, ascending (dated only)
  Tally undated;                                // projects without a signing date, when the filter admits them
  std::array<int64_t, kEcosystemCount> undated_ecosystem{};  // their counts per ecosystem
  std::vector<std::array<int64_t, kEcosystemCount>> by_month_ecosystem;  // counts per ecosystem, parallel to by_month
  double parkMatchShare() const { return in_parks ? static_cast<double>(park_match) / in_parks : 0.0; }
};

// Reference implementation: every row through passes().
Stats computeStats(const Model& m, const Filter& f);
// computeStats(m, f).by_size alone, in a light pass over the rows (the same passes()): what the
// annual targets count (core/targets.h) when no counts cube is at hand (--stats).
std::array<Tally, 4> sizeClassTallies(const Model& m, const Filter& f);

class StatsEngine {
 public:
  explicit StatsEngine(const Model& m);  // keeps a reference: the model must outlive the engine
  // A second engine over `cells_of`'s cube (the rows filed into cells), with a filter of its own:
  // no second pass over the rows, no second cube in memory (the targets' manufacturing filter
  // beside the panels' filter). The cube lives as long as either engine.
  struct SameCube {};
  StatsEngine(const StatsEngine& cells_of, SameCube);
  // Rebuilds the prefix sums when the attribute part of f (everything but the months) changed.
  void setAttributeFilter(const Filter& f);
  // Inclusive month indices (year*12 + month-1), like Filter::month_from/month_to; `undated`: the
  // projects without a signing date too (Filter::undated).
  Stats query(int month_from, int month_to, bool undated) const;
  Stats query(const Filter& f) {
    setAttributeFilter(f);
    return query(f.month_from, f.month_to, f.undated);
  }

  size_t cellCount() const;
  size_t memoryBytes() const;  // the cube, the per-month sums and any row lists built so far

  struct Acc {
    int64_t n = 0;
    double v = 0;
  };
  struct Cell {  // the key; cells are grouped by bin (month), ascending
    uint32_t bin;
    uint16_t chain;
    int16_t district, park;  // raw indices as in Projects (-1: none)
    uint16_t code;           // ecosystem | in_park << 3 | size class << 4 | park match << 7 | sector << 8 (2 bits) | unknown amount << 10 | foreign << 11
  };
  struct Payload {
    Acc all;
    double fdi = 0;
    std::array<Acc, kChannelCount> channel{};
  };
  struct RowRec {  // a row of a size class, for thresholds inside the class
    uint32_t cell;
    float inv, fdi;
    uint8_t channel;
  };

 private:
  const std::vector<RowRec>& classRows(int size_class);

  const Model& m_;
  // The months, cells, their payloads, each row's cell and the size classes' row lists (lazy).
  struct Cube;
  std::shared_ptr<Cube> cube_;
  std::vector<Acc> sums_;                        // bins x slots_, the filter's sums per month
  size_t slots_ = 0, chain0_ = 0, district0_ = 0, park0_ = 0;
  std::vector<std::array<Acc, 256>> by_code_;  // scratch: per bin, sums by code & 0xff
  std::vector<double> fdi_by_bin_;                // per bin, the filter's FDI sum
  std::vector<uint8_t> chain_ok_, district_ok_;    // per filter: 0xff for an id it admits
  Filter attr_;
  bool built_ = false;
};

}  // namespace cm
