// Cluster hulls and cluster ↔ park matching (core/analysis/hulls.h, park_shapes.h).
#include <gtest/gtest.h>

#include <random>

#include "core/analysis/hulls.h"
#include "core/analysis/park_shapes.h"
#include "geo/geodesic.h"
#include "geo/geos_ops.h"
#include "geo/projection.h"
#include "point_model.h"

using namespace cm;

namespace {

using test::en;
using test::offset;
using test::project;
using test::Pt;
using test::pointModel;

Park makePark(const std::string& id, const Pt& at, Ecosystem main, double radius_km) {
  Park k;
  k.id = id;
  k.name_en = id;
  k.lon = at.lon;
  k.lat = at.lat;
  k.xy = project(at.lon, at.lat);
  k.main_ecosystem = main;
  k.radius_km = radius_km;
  return k;
}

// Every member inside or on the hull (distance 0 up to rounding).
void expectContainsAll(const Model& m, const MultiPolygon& hull, const std::vector<uint32_t>& rows) {
  ASSERT_FALSE(hull.empty());
  PolygonSet set({&hull});
  for (uint32_t r : rows) EXPECT_LE(set.distance(0, m.projects.x[r], m.projects.y[r]), 1e-6) << "row " << r;
}

double area(const MultiPolygon& mp) {
  double a = 0;
  for (const Polygon& p : mp)
    for (size_t k = 0; k < p.rings.size(); ++k) {
      double s = 0;
      const Ring& r = p.rings[k];
      for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) s += (r[j].x + r[i].x) * (r[j].y - r[i].y);
      a += (k == 0 ? 1 : -1) * std::fabs(s) / 2;
    }
  return a;
}

std::vector<uint32_t> allRows(const Model& m) {
  std::vector<uint32_t> rows(m.projects.size());
  for (uint32_t i = 0; i < rows.size(); ++i) rows[i] = i;
  return rows;
}

}  // namespace

TEST(AnalysisHulls, ConvexAndConcaveHullsContainEveryMember) {
  std::mt19937 rng(1);
  std::normal_distribution<double> nd(0, 800);
  std::vector<Pt> pts;
  for (int i = 0; i < 300; ++i) pts.push_back(en(nd(rng) + (i % 2 ? 2500 : 0), nd(rng)));  // two lobes
  const Model m = pointModel(pts);
  const std::vector<uint32_t> rows = allRows(m);
  const MultiPolygon convex = clusterHull(m, rows, false);
  const MultiPolygon concave = clusterHull(m, rows, true, 0.2);
  expectContainsAll(m, convex, rows);
  expectContainsAll(m, concave, rows);
  EXPECT_LT(area(concave), area(convex));
  EXPECT_EQ(validityProblem(convex), "");
  EXPECT_EQ(validityProblem(concave), "");
}

TEST(AnalysisHulls, LargeClustersAreThinnedButStillContainEveryMember) {
  std::mt19937 rng(2);
  std::normal_distribution<double> nd(0, 1500);
  std::vector<Pt> pts;
  for (int i = 0; i < 6000; ++i) pts.push_back(en(nd(rng), nd(rng) * 0.5));
  const Model m = pointModel(pts);
  const std::vector<uint32_t> rows = allRows(m);
  expectContainsAll(m, clusterHull(m, rows, true), rows);
  expectContainsAll(m, clusterHull(m, rows, false), rows);
}

TEST(AnalysisHulls, DegenerateClustersGetASmallBufferedShape) {
  const Model m = pointModel({en(0, 0), en(400, 0), en(800, 0), en(1200, 0), en(0, 0)});
  for (bool concave : {false, true}) {
    const std::vector<std::vector<uint32_t>> sets{{0}, {0, 1}, {0, 1, 2, 3}, {0, 4}};
    for (const auto& rows : sets) {
      const MultiPolygon hull = clusterHull(m, rows, concave);
      expectContainsAll(m, hull, rows);
      const double a = area(hull);
      // About the buffer's size: a disc of 100 m (≈31,000 m²) up to a 1.2 km × 200 m capsule.
      EXPECT_GT(a, 2.5e4);
      EXPECT_LT(a, 3.0e5);
    }
  }
  EXPECT_TRUE(clusterHull(m, {}, false).empty());
}

TEST(AnalysisHulls, InsideParkCirclePolygonAndRadiusOverride) {
  Model m = pointModel({});
  const Pt centre = en(0, 0);
  m.parks.push_back(makePark("a", centre, Ecosystem::Iot, 3.0));
  ParkShapes s;
  auto at = [&](double az, double d) {
    const Pt p = offset(centre.lon, centre.lat, az, d);
    return project(p.lon, p.lat);
  };
  for (double az : {0.0, 70.0, 180.0, 300.0}) {
    const Vec2 in = at(az, 2990), out = at(az, 3010);
    EXPECT_TRUE(insidePark(m, s, 0, in.x, in.y)) << az;
    EXPECT_FALSE(insidePark(m, s, 0, out.x, out.y)) << az;
  }
  // A radius override (per park), then a polygon (a 1 km square around the centre) instead.
  s.radius_km = {4.0};
  const Vec2 p35 = at(45, 3500);
  EXPECT_TRUE(insidePark(m, s, 0, p35.x, p35.y));
  const Vec2 c = m.parks[0].xy;
  s.polygons = {MultiPolygon{Polygon{{Ring{{c.x - 500, c.y - 500}, {c.x + 500, c.y - 500}, {c.x + 500, c.y + 500},
                                           {c.x - 500, c.y + 500}, {c.x - 500, c.y - 500}}}}}};
  EXPECT_TRUE(insidePark(m, s, 0, c.x + 400, c.y - 400));
  EXPECT_FALSE(insidePark(m, s, 0, c.x + 600, c.y));
  EXPECT_FALSE(insidePark(m, s, 0, p35.x, p35.y));
  EXPECT_FALSE(insidePark(m, s, 1, c.x, c.y));   // no such park
  EXPECT_FALSE(insidePark(m, s, -1, c.x, c.y));
}

TEST(AnalysisHulls, MatchingParksEmergingClustersAndEmptyParks) {
  // Park 0: IoT, 3 km circle at the origin. Park 1: biomedicine, 10 km east, 3 km. Park 2:
  // equipment, 10 km west, 2 km.
  std::vector<Pt> pts;
  // Cluster of IoT projects around park 0 (within 1 km).
  for (int k = 0; k < 8; ++k) pts.push_back(en(250 * (k % 4) - 400, 300 * (k / 4) - 150, Ecosystem::Iot));
  // IoT projects inside park 1 (a biomedicine park): an IoT cluster in the wrong park.
  for (int k = 0; k < 6; ++k) pts.push_back(en(10000 + 200 * k - 500, 200, Ecosystem::Iot));
  // Far away: an emerging cluster (25 km north).
  for (int k = 0; k < 5; ++k) pts.push_back(en(300 * k, 25000, Ecosystem::Mat));
  // Equipment projects inside park 2's circle, forming a cluster that lies half outside.
  for (int k = 0; k < 6; ++k) pts.push_back(en(-10000 + 700 * k, 0, Ecosystem::Equip));
  Model m = pointModel(pts);
  m.parks.push_back(makePark("iot", en(0, 0), Ecosystem::Iot, 3));
  m.parks.push_back(makePark("bio", en(10000, 0), Ecosystem::Bio, 3));
  m.parks.push_back(makePark("equip", en(-10000, 0), Ecosystem::Equip, 2));

  const DbscanResult r = dbscan(m, Filter{}, DbscanParams{1500, 4, true});
  ASSERT_EQ(r.clusters.size(), 4u);
  const std::vector<MultiPolygon> hulls = clusterHulls(m, r, false);
  ASSERT_EQ(hulls.size(), 4u);
  for (size_t c = 0; c < hulls.size(); ++c) expectContainsAll(m, hulls[c], r.clusters[c].rows);

  const std::vector<ClusterPark> match = matchClustersToParks(m, r, hulls, ParkShapes{});
  ASSERT_EQ(match.size(), 4u);
  auto clusterOf = [&](uint32_t row) { return r.label[row]; };
  const ClusterPark& iot = match[clusterOf(0)];
  EXPECT_EQ(iot.park, 0);
  EXPECT_DOUBLE_EQ(iot.overlap_share, 1.0);
  EXPECT_TRUE(iot.same_industry);
  const ClusterPark& wrong = match[clusterOf(8)];
  EXPECT_EQ(wrong.park, 1);
  EXPECT_FALSE(wrong.same_industry);
  const ClusterPark& far = match[clusterOf(14)];
  EXPECT_EQ(far.park, -1);  // emerging
  EXPECT_EQ(far.overlap_share, 0);
  const ClusterPark& equip = match[clusterOf(19)];
  EXPECT_EQ(equip.park, 2);  // members at 0, 700, 1400 m of 6 → half inside
  EXPECT_NEAR(equip.overlap_share, 0.5, 1e-9);
  EXPECT_TRUE(equip.same_industry);
  for (size_t c = 0; c < match.size(); ++c) EXPECT_EQ(match[c].cluster, static_cast<int>(c));

  // The biomedicine park has no biomedicine cluster: "empty".
  EXPECT_EQ(parksWithoutTheirCluster(m, match), std::vector<int>{1});

  // A smaller catchment for park 2 (1 km: only the member at 700 m and the one at 0): 2/6 is
  // still over a quarter; with min_share 0.5 it is an emerging cluster, and park 2 is empty too.
  ParkShapes small;
  small.radius_km = {0, 0, 1.0};
  const std::vector<ClusterPark> m2 = matchClustersToParks(m, r, {}, small, 0.5);
  EXPECT_EQ(m2[clusterOf(19)].park, -1);
  EXPECT_NEAR(m2[clusterOf(19)].overlap_share, 2.0 / 6, 1e-9);
  EXPECT_EQ(parksWithoutTheirCluster(m, m2), (std::vector<int>{1, 2}));
  EXPECT_EQ(matchClustersToParks(m, r, {}, small)[clusterOf(19)].park, 2);

  TaskControl ctl;
  EXPECT_EQ(clusterHulls(m, r, true, 0.3, &ctl).size(), 4u);
  EXPECT_FLOAT_EQ(ctl.progress.load(), 1.f);
  ctl.cancel = true;
  EXPECT_TRUE(clusterHulls(m, r, true, 0.3, &ctl).empty());
}

// Issue 18: a district "only" filter left every park elsewhere without projects in view — because
// of the filter — and they were all ringed as "no cluster of their main industry" (6 → 18 rings).
// Only the parks the filter can show are judged; the window's product, --analyze clusters and the
// export all read clusterAnalysis.
#include "core/analysis/products.h"
#include "sample_model.h"

class ParksJudged : public test::SampleSuite {};

TEST_F(ParksJudged, AFilterJudgesOnlyTheParksItCanShow) {
  const Model& model = m();
  auto districtOf = [&](int k) {
    for (size_t d = 0; d < model.districts.size(); ++d)
      if (model.districts[d].adcode == model.parks[static_cast<size_t>(k)].district_adcode) return static_cast<int>(d);
    return -1;
  };
  const ClusterSettings s;
  const ClusterResult all = clusterAnalysis(model, Filter{}, s, ParkShapes{});
  int district = -1;  // the district with the most parks
  std::vector<int> parks_in(model.districts.size(), 0);
  for (size_t k = 0; k < model.parks.size(); ++k)
    if (int d = districtOf(static_cast<int>(k)); d >= 0 && ++parks_in[static_cast<size_t>(d)] > (district >= 0 ? parks_in[static_cast<size_t>(district)] : 0))
      district = d;
  ASSERT_GE(district, 0);
  ASSERT_LT(parks_in[static_cast<size_t>(district)], static_cast<int>(model.parks.size()));
  Filter f;
  f.districts = IdSet::only(district);
  const ClusterResult one = clusterAnalysis(model, f, s, ParkShapes{});
  EXPECT_LE(one.parks_without_cluster.size(), static_cast<size_t>(parks_in[static_cast<size_t>(district)]));
  for (int k : one.parks_without_cluster) {
    EXPECT_EQ(districtOf(k), district) << model.parks[static_cast<size_t>(k)].id << " lies outside the filtered district";
    EXPECT_TRUE(parkJudged(model, f, k));
  }
  // Every judged park of the district is still judged as before: no cluster of its industry there.
  for (int k : all.parks_without_cluster)
    if (districtOf(k) == district) EXPECT_TRUE(parkJudged(model, f, k));

  // An ecosystem filter: parks of another main industry are not judged either.
  Filter g;
  g.ecosystems = 1u << static_cast<int>(Ecosystem::Bio);
  for (int k : clusterAnalysis(model, g, s, ParkShapes{}).parks_without_cluster)
    EXPECT_EQ(model.parks[static_cast<size_t>(k)].main_ecosystem, Ecosystem::Bio);
  Filter outside;
  outside.park = ParkMode::OutsidePark;
  EXPECT_TRUE(clusterAnalysis(model, outside, s, ParkShapes{}).parks_without_cluster.empty());
}
