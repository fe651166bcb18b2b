// Clark–Evans nearest-neighbour index with Donnelly's edge correction (core/analysis/nni.h).
#include <gtest/gtest.h>

#include <random>

#include "core/analysis/nni.h"
#include "data/gdal/vector_layers.h"
#include "geo/geodesic.h"
#include "geo/projection.h"
#include "point_model.h"

using namespace cm;

namespace {

// Hangzhou-ish: Gauss–Krüger (EPSG:4549) metres around the West Lake.
using cm::test::kX0;
using cm::test::kY0;

struct NniPt {
  double x, y;  // display CRS
  Ecosystem eco = Ecosystem::Iot;
};

Model makeNniModel(const std::vector<NniPt>& pts) {
  Model m;
  m.display_crs = kDefaultDisplayCrs;
  auto tr = sharedTransform(kWgs84, kDefaultDisplayCrs);  // built once per thread
  for (const NniPt& q : pts) {
    double lon = q.x, lat = q.y;
    EXPECT_TRUE((*tr)->inverse(lon, lat));
    test::addProject(m.projects, lon, lat, {q.x, q.y}, q.eco, 1);
  }
  return m;
}

// A rectangle district w × h metres at (kX0, kY0), its outline densified (every 100 m) so the
// lon/lat outline follows the display-CRS rectangle.
District rectangleDistrict(double w, double h) {
  District d;
  d.adcode = 1;
  auto tr = sharedTransform(kWgs84, kDefaultDisplayCrs);  // built once per thread
  Ring xy;
  auto edge = [&](Vec2 a, Vec2 b) {
    const int n = std::max(1, static_cast<int>(std::hypot(b.x - a.x, b.y - a.y) / 100));
    for (int i = 0; i < n; ++i) xy.push_back({a.x + (b.x - a.x) * i / n, a.y + (b.y - a.y) * i / n});
  };
  edge({kX0, kY0}, {kX0 + w, kY0});
  edge({kX0 + w, kY0}, {kX0 + w, kY0 + h});
  edge({kX0 + w, kY0 + h}, {kX0, kY0 + h});
  edge({kX0, kY0 + h}, {kX0, kY0});
  xy.push_back(xy.front());
  Ring ll = xy;
  for (Vec2& v : ll) (*tr)->inverse(v.x, v.y);
  d.xy = {Polygon{{xy}}};
  d.ll = {Polygon{{ll}}};
  d.area_km2 = geodesicAreaKm2(d.ll);
  return d;
}

std::vector<NniPt> uniform(uint32_t seed, int n, double w, double h) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> ux(0, w), uy(0, h);
  std::vector<NniPt> pts;
  for (int i = 0; i < n; ++i) pts.push_back({kX0 + ux(rng), kY0 + uy(rng)});
  return pts;
}

}  // namespace

TEST(AnalysisNni, RegularGridIsDispersed) {
  // A 20 × 20 lattice, 500 m apart, in a 10 km square.
  std::vector<NniPt> pts;
  for (int i = 0; i < 20; ++i)
    for (int j = 0; j < 20; ++j) pts.push_back({kX0 + 250 + 500 * i, kY0 + 250 + 500 * j});
  Model m = makeNniModel(pts);
  m.districts.push_back(rectangleDistrict(10000, 10000));
  const NniResult r = nearestNeighbourIndex(m, Filter{});
  ASSERT_FALSE(r.groups.empty());
  const NniGroup& all = r.groups[0];
  EXPECT_TRUE(all.all);
  EXPECT_EQ(all.n, 400);
  EXPECT_NEAR(r.area.area_m2, 1e8, 1e8 * 2e-3);       // GK scale ≈ 1.0000 at 120.15°E
  EXPECT_NEAR(r.area.perimeter_m, 4e4, 4e4 * 2e-3);
  EXPECT_NEAR(all.observed_mean_m, 500, 1);
  EXPECT_GT(all.R, 1.5);
  EXPECT_GT(all.z, 10);
  EXPECT_LT(all.p, 1e-6);
  EXPECT_EQ(all.pattern, NniPattern::StronglyDispersed);
  EXPECT_EQ(all.sentence_en.rfind("The filtered projects are strongly dispersed: R = ", 0), 0u) << all.sentence_en;
  EXPECT_EQ(all.sentence_zh.rfind("全部筛选项目高度分散：R = ", 0), 0u) << all.sentence_zh;
}

TEST(AnalysisNni, ClusteredPatternIsClustered) {
  std::mt19937 rng(4);
  std::normal_distribution<double> nd(0, 150);
  std::uniform_real_distribution<double> u(1000, 9000);
  std::vector<NniPt> pts;
  for (int c = 0; c < 6; ++c) {
    const double cx = kX0 + u(rng), cy = kY0 + u(rng);
    for (int i = 0; i < 40; ++i) pts.push_back({cx + nd(rng), cy + nd(rng), Ecosystem::Bio});
  }
  Model m = makeNniModel(pts);
  m.districts.push_back(rectangleDistrict(10000, 10000));
  const NniResult r = nearestNeighbourIndex(m, Filter{});
  const NniGroup& all = r.groups[0];
  EXPECT_LT(all.R, 0.5);
  EXPECT_LT(all.z, -10);
  EXPECT_EQ(all.pattern, NniPattern::StronglyClustered);
  // The biomedicine group reads as in the brief: "Biomedicine is strongly clustered: R = 0.xx, z = −yy.y".
  const NniGroup* bio = nullptr;
  for (const NniGroup& g : r.groups)
    if (!g.all && g.ecosystem == Ecosystem::Bio) bio = &g;
  ASSERT_NE(bio, nullptr);
  EXPECT_EQ(bio->n, 240);
  EXPECT_EQ(bio->sentence_en.rfind("Biomedicine is strongly clustered: R = 0.", 0), 0u) << bio->sentence_en;
  EXPECT_NE(bio->sentence_en.find(", z = \u2212"), std::string::npos) << bio->sentence_en;
  EXPECT_EQ(bio->sentence_zh.rfind("生物医药高度集聚：R = 0.", 0), 0u) << bio->sentence_zh;
  EXPECT_NE(bio->sentence_zh.find("，z = \u2212"), std::string::npos) << bio->sentence_zh;
}

TEST(AnalysisNni, UniformRandomPointsAreRandom) {
  // Complete spatial randomness in a 12 × 8 km rectangle: Donnelly's correction keeps |z| small.
  double zsum = 0;
  const int seeds = 12;
  for (uint32_t seed = 1; seed <= seeds; ++seed) {
    Model m = makeNniModel(uniform(seed, 500, 12000, 8000));
    m.districts.push_back(rectangleDistrict(12000, 8000));
    const NniResult r = nearestNeighbourIndex(m, Filter{});
    const NniGroup& all = r.groups[0];
    EXPECT_LT(std::fabs(all.z), 2.5) << "seed " << seed;
    EXPECT_NEAR(all.R, 1.0, 0.1) << "seed " << seed;
    zsum += all.z;
    // The explicit study area gives the same.
    const NniResult e = nearestNeighbourIndex(m, Filter{}, StudyArea{12000.0 * 8000.0, 40000.0});
    EXPECT_NEAR(e.groups[0].z, all.z, 0.05);
  }
  EXPECT_LT(std::fabs(zsum / seeds), 1.0);  // no bias
}

TEST(AnalysisNni, SmallGroupsSaySoAndGroupsFollowTheFilter) {
  std::vector<NniPt> pts = uniform(3, 50, 5000, 5000);
  pts[0].eco = pts[1].eco = Ecosystem::Mat;  // two new-materials projects
  Model m = makeNniModel(pts);
  m.districts.push_back(rectangleDistrict(5000, 5000));
  Filter f;
  f.ecosystems = (1u << static_cast<int>(Ecosystem::Iot)) | (1u << static_cast<int>(Ecosystem::Mat)) |
                 (1u << static_cast<int>(Ecosystem::Energy));
  const NniResult r = nearestNeighbourIndex(m, f);
  ASSERT_EQ(r.groups.size(), 4u);  // all, IoT, materials, energy
  EXPECT_EQ(r.groups[0].n, 50);
  EXPECT_EQ(r.groups[1].ecosystem, Ecosystem::Iot);
  EXPECT_EQ(r.groups[1].n, 48);
  const NniGroup& mat = r.groups[2];
  EXPECT_EQ(mat.ecosystem, Ecosystem::Mat);
  EXPECT_EQ(mat.n, 2);
  EXPECT_EQ(mat.pattern, NniPattern::TooFew);
  EXPECT_TRUE(std::isnan(mat.R));
  EXPECT_EQ(mat.sentence_en, "New Materials: too few projects (2) for a nearest-neighbour index (at least 3)");
  EXPECT_EQ(mat.sentence_zh, "新材料：项目过少（2个），至少需要3个才能计算最近邻指数");
  EXPECT_EQ(r.groups[3].n, 0);
  EXPECT_EQ(r.groups[3].pattern, NniPattern::TooFew);

  // A district filter that admits no district: no study area.
  Filter none;
  none.districts = IdSet::only(5);
  const NniResult n = nearestNeighbourIndex(m, none);
  EXPECT_EQ(n.groups[0].n, 0);

  TaskControl ctl;
  ctl.cancel = true;
  EXPECT_TRUE(nearestNeighbourIndex(m, Filter{}, &ctl).cancelled);
}

TEST(AnalysisNni, ClassificationThresholds) {
  EXPECT_EQ(classifyNni(0.4, 0.001), NniPattern::StronglyClustered);
  EXPECT_EQ(classifyNni(0.8, 0.01), NniPattern::Clustered);
  EXPECT_EQ(classifyNni(0.8, 0.2), NniPattern::Random);
  EXPECT_EQ(classifyNni(1.2, 0.04), NniPattern::Dispersed);
  EXPECT_EQ(classifyNni(1.8, 0.0), NniPattern::StronglyDispersed);
  // Donnelly by hand: n = 100, A = 1 km², P = 4 km.
  NniGroup g;
  g.n = 100;
  g.observed_mean_m = 40;
  donnellyStatistics(g, StudyArea{1e6, 4000});
  const double e = 0.5 * std::sqrt(1e4) + (0.0514 + 0.041 / 10) * 4000 / 100;
  const double se = std::sqrt(0.0703 * 1e6 / 1e4 + 0.037 * 4000 * std::sqrt(1e6 / 1e10));
  EXPECT_NEAR(g.expected_mean_m, e, 1e-9);
  EXPECT_NEAR(g.se_m, se, 1e-9);
  EXPECT_NEAR(g.R, 40 / e, 1e-12);
  EXPECT_NEAR(g.z, (40 - e) / se, 1e-9);
  EXPECT_NEAR(g.p, std::erfc(std::fabs(g.z) / std::sqrt(2.0)), 1e-12);
}

TEST(AnalysisNni, StudyAreaOfTheRealDistricts) {
  auto d = loadDistricts(std::string(CHAINMAP_TEST_DATA) + "/districts.shp", kDefaultDisplayCrs);
  ASSERT_TRUE(d) << d.error();
  Model m;
  m.districts = d.take();
  m.display_crs = kDefaultDisplayCrs;
  const StudyArea all = studyArea(m, Filter{});
  double sum_area = 0, sum_perimeter = 0;
  for (const District& x : m.districts) {
    sum_area += x.area_km2;
    for (const Polygon& p : x.ll)
      for (const Ring& ring : p.rings) sum_perimeter += geodesicLengthKm(ring);
  }
  EXPECT_NEAR(all.area_m2 / 1e6, sum_area, 1e-6);
  EXPECT_NEAR(all.area_m2 / 1e6, 16850, 16850 * 0.02);  // Hangzhou: 16,850 km²
  // The city's outline: shorter than all districts' outlines together (shared borders drop out).
  EXPECT_GT(all.perimeter_m / 1e3, 500);
  EXPECT_LT(all.perimeter_m / 1e3, 0.75 * sum_perimeter);
  // One district alone: its own outline.
  Filter one;
  one.districts = IdSet::only(0);
  const StudyArea a0 = studyArea(m, one);
  double p0 = 0;
  for (const Polygon& p : m.districts[0].ll)
    for (const Ring& ring : p.rings) p0 += geodesicLengthKm(ring);
  EXPECT_NEAR(a0.area_m2 / 1e6, m.districts[0].area_km2, 1e-6);
  EXPECT_NEAR(a0.perimeter_m / 1e3, p0, p0 * 1e-3);
}
