#include <gtest/gtest.h>

#include "core/binning.h"

using namespace cm;

static Projects threeProjects() {
  Projects p;
  auto add = [&](double x, double y, Ecosystem e, float inv) {
    p.id.push_back("p" + std::to_string(p.id.size()));
    p.x.push_back(x);
    p.y.push_back(y);
    p.ecosystem.push_back(e);
    p.investment_yi.push_back(inv);
    p.chain.push_back(0);
    p.sector.push_back(Sector::Manufacturing);
    p.signed_day.push_back(19800);
    p.district_index.push_back(0);
    p.in_park.push_back(0);
  };
  add(100, 100, Ecosystem::Iot, 5);
  add(900, 900, Ecosystem::Bio, 50);   // same 1000-unit cell as the first
  add(1500, 100, Ecosystem::Bio, 1);   // next cell
  return p;
}

TEST(Binning, GathersByCellWithCentroidAndDominantEcosystem) {
  const Projects p = threeProjects();
  Binning b = binProjects(p, Filter{}, 1000);
  ASSERT_EQ(b.bins.size(), 2u);
  EXPECT_EQ(b.members, 3);
  const Bin& big = b.bins[0].count == 2 ? b.bins[0] : b.bins[1];
  EXPECT_EQ(big.count, 2);
  EXPECT_DOUBLE_EQ(big.xy.x, 500);
  EXPECT_DOUBLE_EQ(big.investment_yi, 55);
  EXPECT_EQ(big.dominant, Ecosystem::Bio);  // by investment, not by count
  EXPECT_EQ(big.example, 1);
  EXPECT_DOUBLE_EQ(b.meanOccupancy(), 1.5);
  EXPECT_DOUBLE_EQ(b.max_investment_yi, 55);
  // Area ∝ investment: 55 亿 at 2 px/√亿 → 2·√55 px; capped under half a cell; a floor.
  EXPECT_FLOAT_EQ(Binning::radiusPx(big, 40, 2.0), static_cast<float>(2 * std::sqrt(55.0)));
  EXPECT_NEAR(Binning::radiusPx(big, 20, 2.0), 0.47 * 20, 1e-5);
  const Bin& small = b.bins[0].count == 2 ? b.bins[1] : b.bins[0];
  EXPECT_FLOAT_EQ(Binning::radiusPx(small, 40), 4.f);  // 1 亿 → 1 px, raised to the minimum
}

TEST(Binning, RespectsTheFilter) {
  const Projects p = threeProjects();
  Filter f;
  f.ecosystems = 1u << static_cast<int>(Ecosystem::Iot);
  Binning b = binProjects(p, f, 1000);
  ASSERT_EQ(b.bins.size(), 1u);
  EXPECT_EQ(b.bins[0].count, 1);
  EXPECT_EQ(b.bins[0].dominant, Ecosystem::Iot);
  EXPECT_TRUE(binProjects(p, f, 0).bins.empty());
}
