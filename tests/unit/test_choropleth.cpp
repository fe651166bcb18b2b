// The district choropleth's numbers and classes (core/choropleth.h), on the real districts and
// the shipped sample.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/choropleth.h"
#include "core/stats.h"
#include "platform/data_paths.h"
#include "sample_model.h"

namespace cm {
namespace {

TEST(NaturalBreaks, SeparatesObviousGroups) {
  const ChoroplethClasses c = naturalBreaks({1, 1.1, 1.2, 5, 5.2, 9.8, 10, 0, 0}, 3);
  ASSERT_EQ(c.upper.size(), 3u);
  EXPECT_DOUBLE_EQ(c.upper[0], 1.2);
  EXPECT_DOUBLE_EQ(c.upper[1], 5.2);
  EXPECT_DOUBLE_EQ(c.upper[2], 10);
  EXPECT_EQ(c.classOf(0), -1);  // zero is "no projects", not the lowest class
  EXPECT_EQ(c.classOf(1.1), 0);
  EXPECT_EQ(c.classOf(5), 1);
  EXPECT_EQ(c.classOf(9.9), 2);
}

TEST(NaturalBreaks, FewerDistinctValuesThanClasses) {
  const ChoroplethClasses c = naturalBreaks({2, 2, 7}, 5);
  EXPECT_EQ(c.upper, (std::vector<double>{2, 7}));
  EXPECT_TRUE(naturalBreaks({0, 0}, 5).upper.empty());
  EXPECT_TRUE(naturalBreaks({}, 5).upper.empty());
}

TEST(NaturalBreaks, EqualValuesShareAClass) {
  const ChoroplethClasses c = naturalBreaks({1, 3, 3, 3, 3, 4, 9}, 3);
  for (double v : {3.0}) EXPECT_EQ(c.classOf(v), c.classOf(3.0));
  EXPECT_EQ(c.classOf(9), static_cast<int>(c.upper.size()) - 1);
}

TEST(Choropleth, MetricIdsRoundTrip) {
  for (ChoroplethMetric m : kChoroplethMetrics) {
    ChoroplethMetric back = ChoroplethMetric::Investment;
    ASSERT_TRUE(parseChoroplethMetric(choroplethId(m), back));
    EXPECT_EQ(back, m);
  }
  ChoroplethMetric x;
  EXPECT_FALSE(parseChoroplethMetric("density", x));
}

TEST(Choropleth, ValuesFollowTheStatisticsAndTheDistrictAreas) {
  Model m;
  ASSERT_TRUE(test::loadModel(m, defaultProjectsFile()));
  const Stats s = computeStats(m, Filter{});
  const auto inv = choroplethValues(m, s, ChoroplethMetric::Investment);
  const auto cnt = choroplethValues(m, s, ChoroplethMetric::Projects);
  const auto dens = choroplethValues(m, s, ChoroplethMetric::InvestmentPerKm2);
  ASSERT_EQ(inv.size(), 13u);
  double sum = 0;
  int64_t n = 0;
  for (size_t d = 0; d < 13; ++d) {
    sum += inv[d];
    n += static_cast<int64_t>(cnt[d]);
    ASSERT_GT(m.districts[d].area_km2, 0);
    EXPECT_NEAR(dens[d], inv[d] / m.districts[d].area_km2, 1e-9);
  }
  // Every project lies in one of the 13 districts: the choropleth adds up to the totals.
  EXPECT_EQ(n, s.total.count);
  EXPECT_NEAR(sum, s.total.investment_yi, 1e-6);
  // Chun'an (4,400 km², mostly lake and hills) is among the least dense; the small urban
  // districts are the densest.
  auto idx = [&](int adcode) {
    for (size_t d = 0; d < m.districts.size(); ++d)
      if (m.districts[d].adcode == adcode) return d;
    return size_t(0);
  };
  const size_t chunan = idx(330127), binjiang = idx(330108);
  EXPECT_LT(dens[chunan], dens[binjiang] / 10);
  const ChoroplethClasses c = naturalBreaks(dens);
  EXPECT_EQ(c.upper.size(), 5u);
  EXPECT_EQ(c.classOf(dens[chunan]), 0);
  EXPECT_GE(c.classOf(dens[binjiang]), 3);
  // A filter that leaves one district out shades it "no projects".
  Filter only;
  only.districts = IdSet::only(static_cast<int>(binjiang));
  const auto one = choroplethValues(m, computeStats(m, only), ChoroplethMetric::Projects);
  EXPECT_EQ(one[chunan], 0);
  EXPECT_GT(one[binjiang], 0);
}

TEST(Choropleth, ColoursRunLightToDark) {
  EXPECT_EQ(choroplethColor(-1, 5), kChoroplethNone);
  EXPECT_EQ(choroplethColor(0, 5), kChoroplethRamp[0]);
  EXPECT_EQ(choroplethColor(4, 5), kChoroplethRamp[4]);
  EXPECT_EQ(choroplethColor(0, 2), kChoroplethRamp[0]);
  EXPECT_EQ(choroplethColor(1, 2), kChoroplethRamp[4]);
}

}  // namespace
}  // namespace cm
