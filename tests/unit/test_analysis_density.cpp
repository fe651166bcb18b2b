// Kernel density on a grid (core/analysis/density.h): mass conserved, peak where the points
// are, the Gaussian's height, class breaks, cancel.
#include <gtest/gtest.h>

#include <random>

#include "core/analysis/density.h"
#include "geo/projection.h"
#include "point_model.h"

using namespace cm;

namespace {

using cm::test::kX0;
using cm::test::kY0;

struct DensityPt {
  double x, y;
  float inv = 1;
};

Model makeDensityModel(const std::vector<DensityPt>& pts) {
  Model m;
  m.display_crs = kDefaultDisplayCrs;
  auto tr = sharedTransform(kWgs84, kDefaultDisplayCrs);  // built once per thread
  Projects& p = m.projects;
  for (const DensityPt& q : pts) {
    p.id.push_back("p" + std::to_string(p.id.size()));
    p.ecosystem.push_back(Ecosystem::Equip);
    p.chain.push_back(0);
    p.sector.push_back(Sector::Manufacturing);
    p.investment_yi.push_back(q.inv);
    p.signed_day.push_back(19800);
    p.district_index.push_back(0);
    p.park_index.push_back(-1);
    p.in_park.push_back(0);
    double lon = q.x, lat = q.y;
    (*tr)->inverse(lon, lat);
    p.lon.push_back(lon);
    p.lat.push_back(lat);
    p.x.push_back(q.x);
    p.y.push_back(q.y);
  }
  return m;
}

Extent box(double w, double h) {
  Extent e;
  e.add({kX0, kY0});
  e.add({kX0 + w, kY0 + h});
  return e;
}

double integral(const DensityGrid& g) {
  double s = 0;
  for (float v : g.value) s += v;
  return s * g.cellAreaKm2();
}

}  // namespace

TEST(AnalysisDensity, MassIsConservedForCountsAndInvestment) {
  std::mt19937 rng(1);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<DensityPt> pts;
  double inv_total = 0;
  for (int i = 0; i < 3000; ++i) {
    // Many right at the area's edge and corners, where the kernel reaches past the area.
    const double x = i % 3 == 0 ? (i % 2 ? 0 : 30000) : 30000 * u(rng);
    const double y = i % 5 == 0 ? (i % 2 ? 0 : 20000) : 20000 * u(rng);
    const float inv = static_cast<float>(0.5 + 60 * u(rng) * u(rng));
    inv_total += inv;
    pts.push_back({kX0 + x, kY0 + y, inv});
  }
  const Model m = makeDensityModel(pts);
  for (double bw : {500.0, 2000.0, 5000.0}) {
    DensityParams p;
    p.bandwidth_m = bw;
    const DensityGrid g = kernelDensity(m, Filter{}, p, box(30000, 20000));
    ASSERT_FALSE(g.cancelled);
    EXPECT_EQ(g.points, 3000);
    EXPECT_DOUBLE_EQ(g.total_weight, 3000);
    EXPECT_EQ(g.outside_weight, 0);
    EXPECT_NEAR(integral(g), 3000, 3000 * 0.01) << bw;
    EXPECT_NEAR(integral(g), 3000, 3000 * 1e-4) << bw;  // in fact exact up to float sums
    EXPECT_LE(std::max(g.w, g.h), 1003);
    EXPECT_NEAR(g.ground_scale, 1.0, 1e-3);
    // The grid reaches 3σ past the area on every side.
    EXPECT_LE(g.x0, kX0 - 3 * bw);
    EXPECT_GE(g.x0 + g.w * g.cell_m, kX0 + 30000 + 3 * bw);
    p.weight_investment = true;
    const DensityGrid gi = kernelDensity(m, Filter{}, p, box(30000, 20000));
    EXPECT_NEAR(gi.total_weight, inv_total, inv_total * 1e-6);
    EXPECT_NEAR(integral(gi), inv_total, inv_total * 0.01) << bw;
  }
  // Points far outside the grid are counted apart; an explicit cell size is honoured.
  std::vector<DensityPt> with_far = pts;
  with_far.push_back({kX0 + 500000, kY0, 7});
  DensityParams p;
  p.cell_m = 250;
  const DensityGrid g = kernelDensity(makeDensityModel(with_far), Filter{}, p, box(30000, 20000));
  EXPECT_DOUBLE_EQ(g.outside_weight, 1);
  EXPECT_NEAR(g.cell_m, 250, 1);
  EXPECT_NEAR(integral(g), 3000, 3000 * 1e-4);
}

TEST(AnalysisDensity, PeakWhereThePointsAreWithTheGaussiansHeight) {
  // One point: the peak is the Gaussian's height, 1 / (2πσ²) per m² (σ = bandwidth).
  {
    const Model m = makeDensityModel({{kX0 + 10000, kY0 + 8000}});
    DensityParams p;
    p.bandwidth_m = 2000;
    const DensityGrid g = kernelDensity(m, Filter{}, p, box(20000, 16000));
    const double expected = 1e6 / (2 * M_PI * 2000.0 * 2000.0);  // per km²
    EXPECT_NEAR(g.max_value, expected, expected * 0.03);
    EXPECT_NEAR(integral(g), 1, 1e-4);
  }
  // A tight group at (25 km, 5 km) and a loose one: the maximum cell is at the tight group.
  std::mt19937 rng(2);
  std::normal_distribution<double> tight(0, 200), loose(0, 3000);
  std::vector<DensityPt> pts;
  for (int i = 0; i < 300; ++i) pts.push_back({kX0 + 25000 + tight(rng), kY0 + 5000 + tight(rng)});
  for (int i = 0; i < 300; ++i) pts.push_back({kX0 + 10000 + loose(rng), kY0 + 12000 + loose(rng)});
  const Model m = makeDensityModel(pts);
  DensityParams p;
  p.bandwidth_m = 1000;
  const DensityGrid g = kernelDensity(m, Filter{}, p, box(40000, 20000));
  int best = 0;
  for (int i = 1; i < g.w * g.h; ++i)
    if (g.value[i] > g.value[best]) best = i;
  const Vec2 c = g.cellCenter(best % g.w, best / g.w);
  EXPECT_LT(std::hypot(c.x - (kX0 + 25000), c.y - (kY0 + 5000)), 400);
  EXPECT_FLOAT_EQ(g.max_value, g.value[best]);

  // Class breaks: ascending, the last is the maximum.
  const std::vector<float> br = densityBreaks(g, 5);
  ASSERT_EQ(br.size(), 5u);
  for (size_t i = 1; i < br.size(); ++i) EXPECT_LT(br[i - 1], br[i]);
  EXPECT_FLOAT_EQ(br.back(), g.max_value);
  EXPECT_GT(br.front(), g.max_value * 1e-3f);
  EXPECT_TRUE(densityBreaks(DensityGrid{}, 5).empty());
}

TEST(AnalysisDensity, FilterAndCancel) {
  std::vector<DensityPt> pts{{kX0 + 1000, kY0 + 1000, 5}, {kX0 + 2000, kY0 + 1000, 50}};
  const Model m = makeDensityModel(pts);
  Filter f;
  f.min_investment_yi = 10;
  const DensityGrid g = kernelDensity(m, f, DensityParams{}, box(5000, 5000));
  EXPECT_EQ(g.points, 1);
  EXPECT_NEAR(integral(g), 1, 1e-4);
  TaskControl ctl;
  ctl.cancel = true;
  EXPECT_TRUE(kernelDensity(m, f, DensityParams{}, box(5000, 5000), &ctl).cancelled);
}
