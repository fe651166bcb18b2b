// The derived-data pipeline and what it rests on: id sets without size limits, the one bit
// layout CPU and GPU share, cached and background products, targets that follow the window.
#include <gtest/gtest.h>

#include <thread>

#include "core/cached.h"
#include "core/dates.h"
#include "core/derived.h"
#include "core/filter_bits.h"
#include "core/idset.h"
#include "core/stats_report.h"
#include "platform/data_paths.h"
#include "sample_model.h"

using namespace cm;

TEST(IdSet, NarrowsFromAllOneIdAtATimeAndHasNoSizeLimit) {
  IdSet s;
  EXPECT_TRUE(s.isAll());
  EXPECT_TRUE(s.contains(-1)) << "'all' admits unknown ids";
  s.set(3, false, 13);  // unticking one of 13 keeps the other 12
  EXPECT_FALSE(s.isAll());
  EXPECT_EQ(s.count(13), 12);
  EXPECT_FALSE(s.contains(3));
  EXPECT_FALSE(s.contains(-1));
  s.set(3, true, 13);  // all 13 again: back to "all"
  EXPECT_TRUE(s.isAll());
  // 300 chains: ids past 64 work, and only() isolates one.
  IdSet big = IdSet::only(257);
  EXPECT_TRUE(big.contains(257));
  EXPECT_FALSE(big.contains(256));
  EXPECT_FALSE(big.contains(1));
  big.set(70, true, 300);
  EXPECT_EQ(big.count(300), 2);
  EXPECT_TRUE(IdSet::only(5) == [] {
    IdSet t = IdSet::none();
    t.set(5, true, 10);
    return t;
  }());
  EXPECT_FALSE(IdSet::none() == IdSet::all());
}

TEST(FilterBits, PackedWordsDecodeToTheRowAndTheShaderGetsTheSameTable) {
  Projects p;
  p.ecosystem = {Ecosystem::Mat};
  p.sector = {Sector::Service};
  p.in_park = {1};
  p.district_index = {-1};
  p.chain = {300};
  p.signed_day = {daysFromCivil(2024, 7, 31)};
  const FilterWords w = packFilterWords(p, 0);
  auto field = [&](std::string_view name) {
    for (const BitField& f : kFilterBits)
      if (f.name == name) return unpackField(w, f);
    ADD_FAILURE() << "no field " << name;
    return 0u;
  };
  EXPECT_EQ(field("ECO"), static_cast<uint32_t>(Ecosystem::Mat));
  EXPECT_EQ(field("SECTOR"), 1u);
  EXPECT_EQ(field("INPARK"), 1u);
  EXPECT_EQ(field("MONTH"), static_cast<uint32_t>(monthIndex(2024, 7)));
  EXPECT_EQ(field("DISTRICT"), kNoId) << "an unknown district packs as NO_ID";
  EXPECT_EQ(field("CHAIN"), 300u) << "chains past 64 keep their index";
  const std::string defs = shaderDefines();
  for (const BitField& f : kFilterBits) {
    EXPECT_NE(defs.find(std::string("#define ") + f.name + "_SHIFT " + std::to_string(f.shift) + "u"), std::string::npos) << f.name;
    EXPECT_NE(defs.find(std::string("#define ") + f.name + "_WORD " + std::to_string(f.word)), std::string::npos) << f.name;
  }
  // No two fields overlap within a word.
  for (size_t a = 0; a < kFilterBits.size(); ++a)
    for (size_t b = a + 1; b < kFilterBits.size(); ++b)
      if (kFilterBits[a].word == kFilterBits[b].word)
        EXPECT_TRUE(kFilterBits[a].shift + kFilterBits[a].width <= kFilterBits[b].shift ||
                    kFilterBits[b].shift + kFilterBits[b].width <= kFilterBits[a].shift)
            << kFilterBits[a].name << " / " << kFilterBits[b].name;
}

TEST(FilterBits, AnUnstatedSectorPacksAsTwoAndLeavesItsNeighboursAlone) {
  // Sector::Unknown (2) needs the SECTOR field's second bit; INPARK and APPROX sit above it.
  Projects p;
  p.ecosystem = {Ecosystem::Other, Ecosystem::Iot};
  p.sector = {Sector::Unknown, Sector::Service};
  p.investment_yi = {1.f, 2.f};
  p.in_park = {0, 1};
  p.approx = {1, 0};
  p.district_index = {2, -1};
  p.chain = {7, 8};
  p.signed_day = {Projects::kNoDay, daysFromCivil(2024, 1, 5)};
  auto field = [](const FilterWords& w, std::string_view name) {
    for (const BitField& f : kFilterBits)
      if (f.name == name) return unpackField(w, f);
    ADD_FAILURE() << "no field " << name;
    return 0u;
  };
  const FilterWords a = packFilterWords(p, 0), b = packFilterWords(p, 1);
  EXPECT_EQ(field(a, "SECTOR"), static_cast<uint32_t>(Sector::Unknown));
  EXPECT_EQ(field(a, "ECO"), static_cast<uint32_t>(Ecosystem::Other)) << "the sector does not spill into its neighbours";
  EXPECT_EQ(field(a, "INPARK"), 0u);
  EXPECT_EQ(field(a, "APPROX"), 1u);
  EXPECT_EQ(field(a, "MONTH"), kNoMonth);
  EXPECT_EQ(field(b, "SECTOR"), static_cast<uint32_t>(Sector::Service));
  EXPECT_EQ(field(b, "INPARK"), 1u);
  EXPECT_EQ(field(b, "APPROX"), 0u);
  // The shader's mask test, (u_sector_mask >> SECTOR) & 1, is the CPU's for every mask.
  const std::string defs = shaderDefines();
  EXPECT_NE(defs.find("#define SECTOR_MASK 3u"), std::string::npos) << defs;
  for (uint32_t mask = 0; mask <= kAllSectors; ++mask) {
    Filter f;
    f.sectors = mask;
    for (size_t i = 0; i < p.size(); ++i)
      EXPECT_EQ(passesAttributes(p, i, f), ((mask >> field(packFilterWords(p, i), "SECTOR")) & 1u) != 0) << "mask " << mask << " row " << i;
  }
  EXPECT_EQ(Filter{}.sectors, kAllSectors) << "by default every sector, not stated included";
  EXPECT_TRUE(passesAttributes(p, 0, Filter{}));
}

TEST(Cached, RecomputesOnlyWhenTheKeyChanges) {
  Cached<int, int> c;
  int calls = 0;
  EXPECT_TRUE(c.update(1, [&] { return ++calls * 10; }));
  EXPECT_FALSE(c.update(1, [&] { return ++calls * 10; }));
  EXPECT_EQ(c.get(), 10);
  EXPECT_TRUE(c.update(2, [&] { return ++calls * 10; }));
  EXPECT_EQ(c.get(), 20);
  EXPECT_EQ(c.revision(), 2u);
}

TEST(Cached, AsyncKeepsTheLastValueUntilTheNewOneArrives) {
  AsyncCached<int, int> c;
  c.update(1, [](TaskControl&) { return 1; }, false);
  EXPECT_EQ(c.get(), 1);
  std::atomic<bool> release{false};
  c.update(2, [&release](TaskControl& t) {
    while (!release && !t.cancel) std::this_thread::yield();
    return 2;
  }, true);
  EXPECT_TRUE(c.pending());
  EXPECT_FALSE(c.poll());
  EXPECT_EQ(c.get(), 1) << "the old value stays readable meanwhile";
  release = true;
  c.wait();
  EXPECT_FALSE(c.pending());
  EXPECT_EQ(c.get(), 2);
  EXPECT_EQ(*c.key(), 2);
  // A newer key cancels a computation still running.
  c.update(3, [](TaskControl& t) {
    while (!t.cancel) std::this_thread::yield();
    return -1;
  }, true);
  c.update(4, [](TaskControl&) { return 4; }, true);
  c.wait();
  EXPECT_EQ(c.get(), 4);
}

namespace {
std::shared_ptr<Model> sample() {
  static std::shared_ptr<Model> m = [] {
    auto p = std::make_shared<Model>();
    EXPECT_TRUE(test::loadModel(*p, defaultProjectsFile()));
    return p;
  }();
  return m;
}
DerivedInputs inputsFor(const std::shared_ptr<Model>& m, Filter f) {
  DerivedInputs in;
  in.model = m;
  in.model_rev = 1;
  in.filter = f;
  in.first_month = monthIndex(2023, 1);
  in.last_month = monthIndex(2024, 12);
  in.units_per_px = 300;
  return in;
}
}  // namespace

TEST(Derived, TargetsFollowTheWindowsYear) {
  auto m = sample();
  Derived d;
  d.setTargets(*loadTargets(assetDir() + "/targets.json"));  // 2024: 300 and 55
  Filter f;
  f.month_from = monthIndex(2024, 1);
  f.month_to = monthIndex(2024, 7);
  d.update(inputsFor(m, f));
  ASSERT_NE(d.targets(), nullptr);
  EXPECT_EQ(d.targets()->year, 2024);
  EXPECT_TRUE(d.targets()->has_target);
  EXPECT_EQ(d.targets()->n1, 220);  // FACTS.md: 220 = 73.3 % of 300
  EXPECT_EQ(d.targets()->n10, 38);  // 38 = 69.1 % of 55
  // A window that ends in 2023 counts 2023, which has no target: none is claimed.
  f.month_from = monthIndex(2023, 1);
  f.month_to = monthIndex(2023, 12);
  d.update(inputsFor(m, f));
  EXPECT_EQ(d.targets()->year, 2023);
  EXPECT_FALSE(d.targets()->has_target);
  EXPECT_EQ(d.targets()->through_month, monthIndex(2023, 12));
}

TEST(Derived, StatsAreKeyedByFilterAndModelRevision) {
  auto m = sample();
  Derived d;
  Filter f;
  d.update(inputsFor(m, f));
  EXPECT_EQ(d.stats().total.count, static_cast<int64_t>(m->projects.size()));
  f.ecosystems = 1;
  d.update(inputsFor(m, f));
  EXPECT_EQ(d.stats().total.count, computeStats(*m, f).total.count);
  ASSERT_NE(d.statsFilter(), nullptr);
  EXPECT_EQ(*d.statsFilter(), f);
  // Another model under a new revision: every product follows it.
  auto small = std::make_shared<Model>();
  ASSERT_TRUE(test::loadModel(*small, std::string(CHAINMAP_FIXTURES) + "/render_projects.csv"));
  DerivedInputs in = inputsFor(small, Filter{});
  in.model_rev = 2;
  d.update(in);
  EXPECT_EQ(d.stats().total.count, 6);
  ASSERT_NE(d.index(), nullptr);
}

TEST(Derived, ThePyramidOnAWorkerEqualsThePyramidBuiltInline) {
  auto m = sample();
  Derived sync, async;
  DerivedInputs in = inputsFor(m, Filter{});
  in.aggregate = Aggregate::On;
  in.allow_async = false;
  sync.update(in);
  in.allow_async = true;
  in.async_rows = 0;  // the sample is small: send it to the worker anyway
  async.update(in);
  EXPECT_TRUE(async.pending());
  EXPECT_TRUE(async.aggregated()) << "nothing drawn one by one while the first pyramid is computed";
  async.wait();
  EXPECT_FALSE(async.pending());
  ASSERT_EQ(sync.pyramid().levels.size(), async.pyramid().levels.size());
  for (size_t k = 0; k < sync.pyramid().levels.size(); ++k)
    EXPECT_EQ(sync.pyramid().levels[k].bins.size(), async.pyramid().levels[k].bins.size());
  EXPECT_EQ(sync.pyramid().members, async.pyramid().members);
  EXPECT_EQ(sync.pyramid().members, static_cast<int>(m->projects.size()));
  EXPECT_TRUE(sync.aggregated());
  EXPECT_TRUE(async.aggregated());
  // Panning and zooming pick levels; they never rebuild the pyramid.
  const uint64_t rev = sync.pyramidRevision();
  const int level = sync.blend().main();
  in.allow_async = false;
  in.units_per_px *= 4;
  sync.update(in);
  EXPECT_EQ(sync.pyramidRevision(), rev);
  EXPECT_GT(sync.blend().main(), level) << "zoomed out: a coarser level";
  in.view.center.x += 5000;
  sync.update(in);
  EXPECT_EQ(sync.pyramidRevision(), rev);
  // A filter change does.
  in.filter.min_investment_yi = 10;
  sync.update(in);
  EXPECT_NE(sync.pyramidRevision(), rev);
  EXPECT_LT(sync.pyramid().members, static_cast<int>(m->projects.size()));
  in.aggregate = Aggregate::Off;
  sync.update(in);
  EXPECT_FALSE(sync.aggregated());
  // Auto: the sample (fewer than 4,000 projects) is drawn one by one.
  in.aggregate = Aggregate::Auto;
  sync.update(in);
  EXPECT_FALSE(sync.aggregated());
}
