// The "foreign-invested only" filter (Filter::foreign_only, core/filter.h foreignInvested: a
// project with an FDI amount): the CPU predicate, the statistics' cube, the GPU bit and --stats
// --foreign count the same projects; and the choropleth leaves a district the district filter
// excludes out of its classes ("not selected", core/choropleth.h).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/choropleth.h"
#include "core/filter_bits.h"
#include "core/stats.h"
#include "run_cli.h"
#include "sample_model.h"

namespace cm {
namespace {

class ForeignFilter : public test::SampleSuite {};

TEST_F(ForeignFilter, CountsTheProjectsWithAnFdiAmountInCoreCubeAndGpuBits) {
  const Projects& p = m().projects;
  int64_t foreign = 0;
  double fdi = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    foreign += p.fdi_musd[i] > 0;
    fdi += p.fdi_musd[i];
    EXPECT_EQ(unpackField(packFilterWords(p, i), kFilterBits[9]), p.fdi_musd[i] > 0 ? 1u : 0u) << "row " << i;
  }
  ASSERT_STREQ(kFilterBits[9].name, "FOREIGN");
  ASSERT_GT(foreign, 0) << "the sample has foreign-invested projects";
  ASSERT_LT(foreign, static_cast<int64_t>(p.size()));
  Filter f;
  f.foreign_only = true;
  const Stats ref = computeStats(m(), f);
  EXPECT_EQ(ref.total.count, foreign);
  EXPECT_NEAR(ref.fdi_musd, fdi, 1e-6 * fdi) << "every FDI dollar is in a foreign-invested project";
  StatsEngine cube(m());
  const Stats got = cube.query(f);
  EXPECT_EQ(got.total.count, ref.total.count);
  EXPECT_NEAR(got.total.investment_yi, ref.total.investment_yi, 1e-6 * ref.total.investment_yi);
  EXPECT_EQ(got.in_parks, ref.in_parks);
  // With a window and a threshold that cuts through a size class too.
  f.month_from = monthIndex(2024, 1);
  f.month_to = monthIndex(2024, 7);
  f.min_investment_yi = 3.7f;
  syncUndated(f, INT_MIN, INT_MAX, false);
  const Stats ref2 = computeStats(m(), f), got2 = cube.query(f);
  EXPECT_GT(ref2.total.count, 0);
  EXPECT_EQ(got2.total.count, ref2.total.count);
  EXPECT_NEAR(got2.fdi_musd, ref2.fdi_musd, 1e-6 * std::max(1.0, ref2.fdi_musd));
}

TEST_F(ForeignFilter, StatsWithForeignEqualsTheCore) {
  const test::CliRun r = test::runChainmap(std::string(CHAINMAP_BIN_DIR) + "/chainmap", "--stats --foreign --time 2024-01..2024-07");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  Filter f;
  f.foreign_only = true;
  f.month_from = monthIndex(2024, 1);
  f.month_to = monthIndex(2024, 7);
  f.undated = false;
  const Stats s = computeStats(m(), f);
  EXPECT_GT(s.total.count, 0);
  EXPECT_EQ(j["count"].get<int64_t>(), s.total.count);
  EXPECT_NEAR(j["fdi_musd"].get<double>(), s.fdi_musd, 0.011);
}

TEST_F(ForeignFilter, ADistrictTheFilterExcludesIsNotSelectedNotAClass) {
  // The four western counties (the story's step 7), shaded by investment per km².
  Filter f;
  f.districts = IdSet::none();
  const int n = static_cast<int>(m().districts.size());
  int core = -1;
  for (int d = 0; d < n; ++d) {
    const int code = m().districts[d].adcode;
    if (code == 330112 || code == 330122 || code == 330127 || code == 330182) f.districts.set(d, true, n);
    else if (core < 0) core = d;
  }
  ASSERT_GE(core, 0);
  const Stats s = computeStats(m(), f);
  const auto values = choroplethValues(m(), s, ChoroplethMetric::InvestmentPerKm2);
  const ChoroplethClasses classes = selectedBreaks(values, f.districts);
  const std::vector<int> cls = choroplethDistrictClasses(classes, values, f.districts);
  ASSERT_EQ(cls.size(), m().districts.size());
  for (int d = 0; d < n; ++d) {
    if (!f.districts.contains(d)) EXPECT_EQ(cls[d], kChoroplethNotSelected) << m().districts[d].name_en;
    else EXPECT_GE(cls[d], 0) << m().districts[d].name_en << " has projects";
  }
  // A selected district without projects is "no projects" (-1); the same one left out is not.
  std::vector<double> v(values.size(), 0.0);
  const IdSet only_core = IdSet::only(core);
  EXPECT_EQ(choroplethDistrictClasses(naturalBreaks(v), v, only_core)[core], -1);
  EXPECT_EQ(choroplethDistrictClasses(naturalBreaks(v), v, only_core)[(core + 1) % n], kChoroplethNotSelected);
  // The breaks are those of the selected districts only.
  v = values;
  v[core] = 1e9;  // whatever a left-out district would hold does not move the breaks
  EXPECT_EQ(selectedBreaks(v, f.districts).upper, classes.upper);
}

}  // namespace
}  // namespace cm
