// The statistics engine's counts cube — and the targets' light pass, sizeClassTallies — against
// the plain one-pass reference (computeStats): every
// field of Stats for many random filters (ecosystems, sectors, chains, districts, park mode, any
// minimum investment, time window), on the sample, a generated 20k set, rows with odd values, and
// undated rows, unknown amounts and rows that state no sector.
// Counts exact; investment and FDI sums to 1e-9 relative.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
#include <random>

#include "core/stats.h"
#include "data/generator.h"
#include "sample_model.h"

using namespace cm;

namespace {

bool closeEnough(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::abs(a - b) <= 1e-9 * std::max(std::abs(b), 1e-300);
}

void expectTally(const Tally& a, const Tally& b, const std::string& what) {
  EXPECT_EQ(a.count, b.count) << what;
  EXPECT_TRUE(closeEnough(a.investment_yi, b.investment_yi)) << what << ": " << a.investment_yi << " vs " << b.investment_yi;
}

template <class C>
void expectTallies(const C& a, const C& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (size_t i = 0; i < a.size(); ++i) expectTally(a[i], b[i], what + "[" + std::to_string(i) + "]");
}

void expectSame(const Stats& a, const Stats& ref, const std::string& what) {
  expectTally(a.total, ref.total, what + " total");
  EXPECT_EQ(a.in_parks, ref.in_parks) << what;
  EXPECT_EQ(a.park_match, ref.park_match) << what;
  EXPECT_EQ(a.investment_unknown, ref.investment_unknown) << what;
  EXPECT_TRUE(closeEnough(a.fdi_musd, ref.fdi_musd)) << what << ": fdi " << a.fdi_musd << " vs " << ref.fdi_musd;
  expectTallies(a.by_ecosystem, ref.by_ecosystem, what + " ecosystem");
  expectTallies(a.by_size, ref.by_size, what + " size");
  expectTallies(a.by_channel, ref.by_channel, what + " channel");
  expectTallies(a.by_sector, ref.by_sector, what + " sector");
  expectTallies(a.by_chain, ref.by_chain, what + " chain");
  expectTallies(a.by_district, ref.by_district, what + " district");
  expectTallies(a.by_park, ref.by_park, what + " park");
  ASSERT_EQ(a.by_month.size(), ref.by_month.size()) << what;
  for (size_t i = 0; i < a.by_month.size(); ++i) {
    EXPECT_EQ(a.by_month[i].first, ref.by_month[i].first) << what;
    expectTally(a.by_month[i].second, ref.by_month[i].second, what + " month");
  }
  EXPECT_EQ(a.by_month_ecosystem, ref.by_month_ecosystem) << what;
  expectTally(a.undated, ref.undated, what + " undated");
  EXPECT_EQ(a.undated_ecosystem, ref.undated_ecosystem) << what;
}

std::string describe(const Filter& f) {
  return "eco=" + std::to_string(f.ecosystems) + " sectors=" + std::to_string(f.sectors) +
         " chains=" + (f.chains.isAll() ? "all" : "some") + " districts=" + (f.districts.isAll() ? "all" : "some") +
         " park=" + std::to_string(static_cast<int>(f.park)) + " min=" + std::to_string(f.min_investment_yi) +
         " months=" + std::to_string(f.month_from) + ".." + std::to_string(f.month_to) + (f.undated ? " +undated" : "");
}

// A random filter; thresholds on and off the size-class boundaries, windows inside, across and
// outside the data's months, narrowed id sets that also name ids no row has.
Filter randomFilter(std::mt19937& rng, const Model& m, int first_month, int last_month) {
  auto coin = [&](int in) { return std::uniform_int_distribution<int>(0, in - 1)(rng) == 0; };
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Filter f;
  if (!coin(3)) f.ecosystems = static_cast<uint32_t>(pick(0, static_cast<int>(kAllEcosystems)));
  if (coin(3)) f.sectors = static_cast<uint32_t>(pick(0, static_cast<int>(kAllSectors)));  // not stated too
  if (coin(3)) {
    f.chains = IdSet::none();
    const int nc = static_cast<int>(m.projects.chain_names.size());
    for (int c = 0; c < nc + 2; ++c)
      if (coin(2)) f.chains.set(c, true, nc + 2);
  }
  if (coin(3)) {
    f.districts = IdSet::none();
    const int nd = static_cast<int>(m.districts.size());
    for (int d = 0; d < nd + 1; ++d)
      if (coin(2)) f.districts.set(d, true, nd + 1);
  }
  f.park = static_cast<ParkMode>(pick(0, 2));
  static const float kMins[] = {0.f, 0.f, 1.f, 10.f, 50.f, 100.f, 0.05f, 0.5f, 2.5f, 3.f, 7.f, 9.99f, 25.f, 75.f,
                                120.f, 1e6f, -1.f};
  f.min_investment_yi = coin(4) ? std::uniform_real_distribution<float>(0.f, 150.f)(rng)
                                : kMins[pick(0, static_cast<int>(std::size(kMins)) - 1)];
  if (!coin(4)) {
    f.month_from = pick(first_month - 3, last_month + 1);
    f.month_to = coin(5) ? f.month_from - 1 : pick(f.month_from, last_month + 3);
  }
  f.undated = !coin(3);
  return f;
}

void checkRandomFilters(const Model& m, int runs, unsigned seed) {
  StatsEngine engine(m);
  const Stats all = computeStats(m, Filter{});
  ASSERT_FALSE(all.by_month.empty());
  const int first = all.by_month.front().first, last = all.by_month.back().first;
  std::mt19937 rng(seed);
  for (int i = 0; i < runs; ++i) {
    const Filter f = randomFilter(rng, m, first, last);
    const Stats ref = computeStats(m, f);
    expectSame(engine.query(f), ref, "#" + std::to_string(i) + " " + describe(f));
    // The targets' light pass (--stats, screenshots): the same size classes as the reference.
    expectTallies(sizeClassTallies(m, f), ref.by_size, "#" + std::to_string(i) + " sizeClassTallies " + describe(f));
    // The whole timeline under the same attributes (the histogram's query): no rebuild.
    Filter whole = f;
    whole.month_from = first;
    whole.month_to = last;
    whole.undated = true;
    expectSame(engine.query(first, last, true), computeStats(m, whole), "#" + std::to_string(i) + " timeline");
    if (::testing::Test::HasFailure()) return;
  }
}

class Cube : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sample_ = new Model;
    ok_ = test::loadModel(*sample_, defaultProjectsFile());
  }
  static void TearDownTestSuite() { delete sample_; }
  void SetUp() override { ASSERT_TRUE(ok_); }
  static inline Model* sample_ = nullptr;
  static inline bool ok_ = false;
};

}  // namespace

TEST_F(Cube, SampleMatchesTheReferenceForRandomFilters) {
  checkRandomFilters(*sample_, 400, 1);
  StatsEngine engine(*sample_);
  EXPECT_GT(engine.cellCount(), 0u);
  EXPECT_LT(engine.cellCount(), sample_->projects.size());  // rows share cells
}

TEST_F(Cube, UndatedProjectsUnknownAmountsAndUnstatedSectorsMatchTheReference) {
  // Every seventh project of the sample without a signing date (a pipeline ledger's rows).
  Model m = *sample_;
  int64_t undated = 0;
  for (size_t i = 0; i < m.projects.size(); i += 7) m.projects.signed_day[i] = Projects::kNoDay, ++undated;
  // and every eleventh without an amount (待定): counted, summed as 0, in no size class above 0
  m.projects.investment_unknown.assign(m.projects.size(), 0);
  for (size_t i = 3; i < m.projects.size(); i += 11) m.projects.investment_unknown[i] = 1, m.projects.investment_yi[i] = 0.f;
  // and every fifth states no sector (some of them undated or of unknown amount too)
  int64_t unstated = 0;
  for (size_t i = 1; i < m.projects.size(); i += 5) m.projects.sector[i] = Sector::Unknown, ++unstated;
  checkRandomFilters(m, 300, 3);
  StatsEngine engine(m);
  Filter all;
  EXPECT_EQ(engine.query(all).undated.count, undated);
  EXPECT_EQ(engine.query(all).total.count, static_cast<int64_t>(m.projects.size()));
  EXPECT_EQ(engine.query(all).by_sector[static_cast<int>(Sector::Unknown)].count, unstated);
  for (uint32_t bits = 0; bits <= kAllSectors; ++bits) {  // each sector box on and off, the whole timeline
    Filter f;
    f.sectors = bits;
    const Stats s = engine.query(f);
    expectSame(s, computeStats(m, f), "sectors=" + std::to_string(bits));
    int64_t want = 0;
    for (size_t i = 0; i < m.projects.size(); ++i) want += bits >> static_cast<int>(m.projects.sector[i]) & 1u;
    EXPECT_EQ(s.total.count, want) << "sectors=" << bits;
  }
  Filter manufacturing;  // what the annual targets count: the unstated ones are not manufacturing
  manufacturing.sectors = 1;
  EXPECT_EQ(engine.query(manufacturing).by_sector[static_cast<int>(Sector::Unknown)].count, 0);
  EXPECT_EQ(engine.query(manufacturing).total.count, engine.query(all).by_sector[static_cast<int>(Sector::Manufacturing)].count);
  Filter window;
  window.month_from = monthIndex(2024, 1);
  window.month_to = monthIndex(2024, 7);
  window.undated = false;
  const Stats narrow = engine.query(window);
  EXPECT_EQ(narrow.undated.count, 0);
  window.undated = true;
  EXPECT_EQ(engine.query(window).total.count, narrow.total.count + undated);
  // The rule the window and the command line apply: the whole timeline admits them, a narrower
  // window only when asked.
  Filter f;
  f.month_from = monthIndex(2023, 1), f.month_to = monthIndex(2024, 12);
  syncUndated(f, monthIndex(2023, 1), monthIndex(2024, 12), false);
  EXPECT_TRUE(f.undated);
  f.month_to = monthIndex(2024, 7);
  syncUndated(f, monthIndex(2023, 1), monthIndex(2024, 12), false);
  EXPECT_FALSE(f.undated);
  syncUndated(f, monthIndex(2023, 1), monthIndex(2024, 12), true);
  EXPECT_TRUE(f.undated);
}

// A generated table of `rows` projects against the reference for `runs` random filters.
void checkGenerated(const Model& sample, uint64_t seed, size_t rows, int runs, unsigned filter_seed) {
  const std::string path = (std::filesystem::path(::testing::TempDir()) / ("chainmap_cube_" + std::to_string(rows) + ".csv")).string();
  ASSERT_TRUE(generateProjects(path, GeneratorOptions{seed, rows}, sample.districts, sample.parks));
  Model m;
  ASSERT_TRUE(test::loadModel(m, path));
  std::filesystem::remove(path);
  ASSERT_EQ(m.projects.size(), rows);
  checkRandomFilters(m, runs, filter_seed);
}

TEST_F(Cube, Generated20kMatchesTheReferenceForRandomFilters) { checkGenerated(*sample_, 11, 20000, 150, 2); }

TEST_F(Cube, OddRowsMatchTheReference) {
  // Values the loader may not produce but the engine must not misfile: negative, zero, huge and
  // not-a-number investments, thresholds exactly on a row's value, unknown districts, parks and
  // chains beyond the model's lists.
  Model m = *sample_;
  Projects& p = m.projects;
  const float odd[] = {-2.f, 0.f, 1e7f, std::numeric_limits<float>::quiet_NaN(), 3.f, 10.f, 100.f, 0.999f};
  for (size_t i = 0; i < p.size(); i += 7) p.investment_yi[i] = odd[(i / 7) % std::size(odd)];
  for (size_t i = 3; i < p.size(); i += 29) p.district_index[i] = -1;
  for (size_t i = 5; i < p.size(); i += 31) p.park_index[i] = static_cast<int16_t>(m.parks.size() + 2);
  for (size_t i = 11; i < p.size(); i += 37) p.chain[i] = static_cast<uint16_t>(p.chain_names.size() + 1);
  StatsEngine engine(m);
  for (const float min : {-5.f, -2.f, -1.f, 0.f, 0.999f, 1.f, 3.f, 10.f, 99.f, 100.f, 1e7f, 2e7f,
                          std::numeric_limits<float>::infinity(), std::numeric_limits<float>::quiet_NaN()}) {
    for (const ParkMode park : {ParkMode::Any, ParkMode::InPark, ParkMode::OutsidePark}) {
      Filter f;
      f.min_investment_yi = min;
      f.park = park;
      expectSame(engine.query(f), computeStats(m, f), describe(f));
      f.districts = IdSet::only(0);
      expectSame(engine.query(f), computeStats(m, f), describe(f) + " district 0");
    }
  }
  checkRandomFilters(m, 200, 3);
}

// Two engines over one cube (the panels' and the targets'): each answers for its own filter, a
// filter set on one never shows in the other, and the second files no row again.
TEST_F(Cube, TwoEnginesShareACubeAndKeepTheirOwnFilters) {
  const Model& m = *sample_;
  auto first = std::make_unique<StatsEngine>(m);
  StatsEngine second(*first, StatsEngine::SameCube{});
  EXPECT_EQ(second.cellCount(), first->cellCount());
  const Stats all = computeStats(m, Filter{});
  const int from = all.by_month.front().first, to = all.by_month.back().first;
  std::mt19937 rng(5);
  for (int i = 0; i < 200; ++i) {
    const Filter a = randomFilter(rng, m, from, to), b = randomFilter(rng, m, from, to);
    // Interleaved, with thresholds inside a size class (the lazily built row lists, shared).
    const Stats sa = first->query(a), sb = second.query(b);
    expectSame(sa, computeStats(m, a), "first #" + std::to_string(i) + " " + describe(a));
    expectSame(sb, computeStats(m, b), "second #" + std::to_string(i) + " " + describe(b));
    expectSame(first->query(a.month_from, a.month_to, a.undated), sa, "first again #" + std::to_string(i));
    if (::testing::Test::HasFailure()) return;
  }
  first.reset();  // the cube outlives the engine that built it
  Filter f;
  f.min_investment_yi = 3;
  expectSame(second.query(f), computeStats(m, f), "after the first engine went");
}

TEST_F(Cube, AReferenceInTwoHalvesMatchesTheCubeAt250k) {
  // From 200k rows computeStats counts two halves at once and merges them (months from either or
  // both halves, in order): the cube, counted another way, must agree with it.
  checkGenerated(*sample_, 12, 250000, 12, 3);
}
