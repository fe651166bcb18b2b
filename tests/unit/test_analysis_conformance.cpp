// Park conformance (core/analysis/conformance.h) on the shipped sample — agreement with the
// statistics engine, the location-quotient identity, nearest and suggested parks, what-if radii,
// location membership, polygons — and park boundary layers (data/park_boundaries.h).
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/analysis/conformance.h"
#include "core/analysis/products.h"
#include "core/stats.h"
#include "data/gdal/gdal_util.h"
#include "data/generator.h"
#include "data/gdal/park_boundaries.h"
#include "geo/geodesic.h"
#include "geo/projection.h"
#include "sample_model.h"
#include "temp_dir.h"

using namespace cm;

namespace {

class Conf : public test::SampleSuite {
 protected:
  // --time 2024-01..2024-07 --sector manufacturing --min-investment 1 (the report's 220).
  static Filter window() {
    Filter f;
    f.month_from = monthIndex(2024, 1);
    f.month_to = monthIndex(2024, 7);
    f.sectors = 1;
    f.min_investment_yi = 1.f;
    return f;
  }
  static std::vector<Filter> filters() {
    std::vector<Filter> out{Filter{}, window()};
    Filter bio;
    bio.ecosystems = 1u << static_cast<int>(Ecosystem::Bio);
    out.push_back(bio);
    Filter y23;
    y23.month_from = monthIndex(2023, 1);
    y23.month_to = monthIndex(2023, 12);
    y23.sectors = 2;
    out.push_back(y23);
    Filter out_only = window();
    out_only.park = ParkMode::OutsidePark;
    out.push_back(out_only);
    return out;
  }
};

void expectAgreesWithStats(const Model& m, const Filter& f, const Conformance& c) {
  const Stats s = computeStats(m, f);
  Filter in = f;
  if (in.park != ParkMode::OutsidePark) in.park = ParkMode::InPark;
  const Stats si = computeStats(m, in);
  EXPECT_EQ(c.total, s.total.count);
  EXPECT_EQ(c.in_parks, s.in_parks);
  EXPECT_EQ(c.matching, s.park_match);
  EXPECT_DOUBLE_EQ(c.match_share, s.parkMatchShare());
  ASSERT_EQ(c.parks.size(), m.parks.size());
  for (size_t k = 0; k < m.parks.size(); ++k) {
    SCOPED_TRACE(m.parks[k].id);
    EXPECT_EQ(c.parks[k].park, static_cast<int>(k));
    EXPECT_EQ(c.parks[k].count, f.park == ParkMode::OutsidePark ? 0 : si.by_park[k].count);
    if (f.park != ParkMode::OutsidePark) EXPECT_NEAR(c.parks[k].investment_yi, si.by_park[k].investment_yi, 1e-9);
  }
  ASSERT_EQ(c.districts.size(), m.districts.size());
  for (size_t d = 0; d < m.districts.size(); ++d) {
    EXPECT_EQ(c.districts[d].count, s.by_district[d].count);
    EXPECT_NEAR(c.districts[d].investment_yi, s.by_district[d].investment_yi, 1e-9);
    EXPECT_NEAR(c.districts[d].per_km2_count, s.by_district[d].count / m.districts[d].area_km2, 1e-12);
  }
  EXPECT_EQ(static_cast<int64_t>(c.outside.size()), c.total - c.in_parks);
}

TEST_F(Conf, JanuaryToJulyIs186Of220InParks) {
  const Conformance c = parkConformance(m(), window(), ParkShapes{});
  EXPECT_EQ(c.total, 220);
  EXPECT_EQ(c.in_parks, 186);
  EXPECT_NEAR(c.in_parks_share, 186.0 / 220.0, 1e-12);
  EXPECT_EQ(std::round(c.in_parks_share * 1000) / 10, 84.5);
  expectAgreesWithStats(m(), window(), c);
  // Every in-park project is in its own (declared) park.
  int64_t sum = 0;
  for (const ParkFigures& pf : c.parks) sum += pf.count;
  EXPECT_EQ(sum, 186);
}

TEST_F(Conf, AgreesWithTheStatisticsEngineForOtherFilters) {
  for (const Filter& f : filters()) expectAgreesWithStats(m(), f, parkConformance(m(), f, ParkShapes{}));
  // Explicit radii equal to the parks' own are the default.
  ParkShapes same;
  for (const Park& p : m().parks) same.radius_km.push_back(p.radius_km);
  expectAgreesWithStats(m(), window(), parkConformance(m(), window(), same));
}

// The parks plus "outside every park" partition the filtered projects, so for every ecosystem e
// with N_e > 0:  ( Σ_k n_k · lq_e(k) + n_out · outside_lq_e ) / N = 1.
TEST_F(Conf, LocationQuotientsAverageToOneOverAPartitionOfTheCity) {
  for (const Filter& f : filters()) {
    for (ParkMembership mem : {ParkMembership::Declared, ParkMembership::Location}) {
      const Conformance c = parkConformance(m(), f, ParkShapes{}, mem);
      ASSERT_GT(c.total, 0);
      const int64_t n_out = c.total - c.in_parks;
      for (int e = 0; e < kEcosystemCount; ++e) {
        if (c.city_by_ecosystem[e] == 0) continue;
        double sum = n_out * c.outside_lq[e];
        for (const ParkFigures& pf : c.parks) sum += pf.count * pf.lq[e];
        EXPECT_NEAR(sum / c.total, 1.0, 1e-12) << "ecosystem " << e;
      }
    }
  }
}

TEST_F(Conf, ShareHhiAndMismatches) {
  const Conformance c = parkConformance(m(), window(), ParkShapes{});
  const Projects& p = m().projects;
  for (const ParkFigures& pf : c.parks) {
    const Park& park = m().parks[pf.park];
    SCOPED_TRACE(park.id);
    EXPECT_EQ(pf.count - pf.matching, static_cast<int64_t>(pf.mismatched.size()));
    for (uint32_t i : pf.mismatched) {
      EXPECT_NE(p.ecosystem[i], park.main_ecosystem);
      EXPECT_EQ(p.park_index[i], pf.park);
    }
    EXPECT_TRUE(std::is_sorted(pf.mismatched.begin(), pf.mismatched.end()));
    if (pf.count == 0) {
      EXPECT_EQ(pf.hhi, 0);
      continue;
    }
    EXPECT_NEAR(pf.match_share, static_cast<double>(pf.matching) / pf.count, 1e-15);
    EXPECT_GE(pf.hhi, 1.0 / kEcosystemCount - 1e-12);
    EXPECT_LE(pf.hhi, 1.0 + 1e-12);
    if (pf.matching == pf.count) EXPECT_DOUBLE_EQ(pf.hhi, 1.0);  // one ecosystem: HHI 1
    // lq of the main ecosystem > 1 when the park holds more of it than the city does.
    const int e = static_cast<int>(park.main_ecosystem);
    const double city_share = static_cast<double>(c.city_by_ecosystem[e]) / c.total;
    EXPECT_NEAR(pf.lq[e], pf.match_share / city_share, 1e-12);
  }
  // Chun'an's zone holds only water beverages in the window (ecosystem other, its main industry).
  const ParkFigures& ca = c.parks[park("ca_edz_qiandaohu")];
  EXPECT_EQ(ca.count, 3);
  EXPECT_DOUBLE_EQ(ca.hhi, 1.0);
  EXPECT_DOUBLE_EQ(ca.match_share, 1.0);
}

TEST_F(Conf, OutsideProjectsKnowTheirNearestAndSuggestedParks) {
  const Conformance c = parkConformance(m(), Filter{}, ParkShapes{});
  const Projects& p = m().projects;
  ASSERT_FALSE(c.outside.empty());
  int energy = 0;
  for (const OutsideProject& o : c.outside) {
    SCOPED_TRACE(p.id[o.row]);
    EXPECT_FALSE(p.in_park[o.row]);
    double best = INFINITY, best_match = INFINITY;
    int nearest = -1, suggested = -1;
    for (size_t k = 0; k < m().parks.size(); ++k) {
      const double d = geodesicDistanceM(p.lon[o.row], p.lat[o.row], m().parks[k].lon, m().parks[k].lat);
      if (d < best) best = d, nearest = static_cast<int>(k);
      if (m().parks[k].main_ecosystem == p.ecosystem[o.row] && d < best_match) best_match = d, suggested = static_cast<int>(k);
    }
    EXPECT_EQ(o.nearest_park, nearest);
    EXPECT_NEAR(o.nearest_m, best, 0.01);
    EXPECT_EQ(o.suggested_park, suggested);
    if (suggested < 0) {
      EXPECT_TRUE(std::isnan(o.suggested_m));
      ++energy;  // no park has green energy as its main industry
      EXPECT_EQ(p.ecosystem[o.row], Ecosystem::Energy);
    } else {
      EXPECT_NEAR(o.suggested_m, best_match, 0.01);
      EXPECT_GE(o.suggested_m, o.nearest_m);
    }
  }
  EXPECT_GT(energy, 0);
  EXPECT_TRUE(std::is_sorted(c.outside.begin(), c.outside.end(), [](const OutsideProject& a, const OutsideProject& b) { return a.row < b.row; }));
}

TEST_F(Conf, GroundDistanceIsTheGeodesicToWithinACentimetre) {
  std::mt19937 g(7);
  std::uniform_real_distribution<double> lon(118.3, 120.75), lat(29.2, 30.6);
  double worst = 0;
  for (int i = 0; i < 20000; ++i) {
    const double a = lon(g), b = lat(g), c = lon(g), d = lat(g);
    worst = std::max(worst, std::fabs(groundDistanceM(a, b, c, d) - geodesicDistanceM(a, b, c, d)));
  }
  EXPECT_LT(worst, 0.01);
  EXPECT_EQ(groundDistanceM(120, 30, 120, 30), 0);
}

TEST_F(Conf, WhatIfRadiiMoveTheEdge) {
  const int la = park("la_qingshanhu");
  const Projects& p = m().projects;
  ParkShapes s;
  s.radius_km.assign(m().parks.size(), 0.0);
  s.radius_km[la] = 1.0;
  const Conformance c = parkConformance(m(), Filter{}, s);
  int64_t expect = 0;
  for (size_t i = 0; i < p.size(); ++i)
    expect += p.park_index[i] == la && geodesicDistanceM(p.lon[i], p.lat[i], m().parks[la].lon, m().parks[la].lat) <= 1000.0;
  EXPECT_EQ(c.parks[la].count, expect);
  const Conformance base = parkConformance(m(), Filter{}, ParkShapes{});
  EXPECT_LT(c.parks[la].count, base.parks[la].count);
  EXPECT_EQ(c.in_parks, base.in_parks - (base.parks[la].count - c.parks[la].count));
  for (size_t k = 0; k < m().parks.size(); ++k)
    if (static_cast<int>(k) != la) EXPECT_EQ(c.parks[k].count, base.parks[k].count);
  // A larger radius takes in no one more by declaration (the sample's declared projects all lie
  // in their park), but does by location.
  s.radius_km[la] = 12.0;
  EXPECT_EQ(parkConformance(m(), Filter{}, s).parks[la].count, base.parks[la].count);
  const Conformance loc_small = parkConformance(m(), Filter{}, ParkShapes{}, ParkMembership::Location);
  const Conformance loc_big = parkConformance(m(), Filter{}, s, ParkMembership::Location);
  EXPECT_GT(loc_big.parks[la].count, loc_small.parks[la].count);
}

// Location membership: every park whose circle holds the point (exact geodesic), nearest wins.
TEST_F(Conf, LocationMembershipCountsForTheNearestContainingPark) {
  const Projects& p = m().projects;
  const Conformance c = parkConformance(m(), Filter{}, ParkShapes{}, ParkMembership::Location);
  std::vector<int64_t> count(m().parks.size(), 0);
  int64_t in = 0, multi = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    int best = -1, n = 0;
    double bd = INFINITY;
    for (size_t k = 0; k < m().parks.size(); ++k) {
      const double d = geodesicDistanceM(p.lon[i], p.lat[i], m().parks[k].lon, m().parks[k].lat);
      if (d <= m().parks[k].radius_km * 1000) {
        ++n;
        if (d < bd) bd = d, best = static_cast<int>(k);
      }
    }
    if (best >= 0) ++count[best], ++in;
    multi += n > 1;
  }
  EXPECT_GT(multi, 0) << "the sample has points inside two parks' circles";
  EXPECT_EQ(c.in_parks, in);
  EXPECT_GT(c.in_parks, parkConformance(m(), Filter{}, ParkShapes{}).in_parks) << "undeclared projects inside circles";
  for (size_t k = 0; k < m().parks.size(); ++k) EXPECT_EQ(c.parks[k].count, count[k]) << m().parks[k].id;
}

TEST_F(Conf, APolygonReplacesTheCircle) {
  const int la = park("la_qingshanhu");
  const Vec2 c0 = m().parks[la].xy;
  ParkShapes s;
  s.polygons.resize(m().parks.size());
  // A 4 km x 2 km box east of the park's point, with a 500 m hole.
  Polygon box;
  box.rings.push_back({{c0.x, c0.y - 1000}, {c0.x + 4000, c0.y - 1000}, {c0.x + 4000, c0.y + 1000}, {c0.x, c0.y + 1000}, {c0.x, c0.y - 1000}});
  box.rings.push_back({{c0.x + 1000, c0.y - 250}, {c0.x + 1500, c0.y - 250}, {c0.x + 1500, c0.y + 250}, {c0.x + 1000, c0.y + 250}, {c0.x + 1000, c0.y - 250}});
  s.polygons[la].push_back(box);
  const Conformance c = parkConformance(m(), Filter{}, s);
  const Projects& p = m().projects;
  int64_t expect = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.park_index[i] != la) continue;
    const double x = p.x[i] - c0.x, y = p.y[i] - c0.y;
    const bool in_box = x > 0 && x < 4000 && y > -1000 && y < 1000;
    const bool in_hole = x > 1000 && x < 1500 && y > -250 && y < 250;
    expect += in_box && !in_hole;
  }
  EXPECT_GT(expect, 0);
  EXPECT_EQ(c.parks[la].count, expect);
}

// At scale (the time it takes is the benchmark's: chainmap-bench --analysis).
TEST_F(Conf, AgreesWithTheStatisticsAt100kProjects) {
  test::TempDir dir("chainmap-conf");
  const std::string path = (dir.path / "p100k.csv").string();
  ASSERT_TRUE(generateProjects(path, GeneratorOptions{kSampleSeed, 100000}, m().districts, m().parks));
  Model big;
  ASSERT_TRUE(test::loadModel(big, path));
  ASSERT_EQ(big.projects.size(), 100000u);
  const Conformance c = parkConformance(big, Filter{}, ParkShapes{});
  const Stats s = computeStats(big, Filter{});
  EXPECT_EQ(c.in_parks, s.in_parks);
  EXPECT_EQ(c.matching, s.park_match);
  EXPECT_GT(c.outside.size(), 10000u);
}

// ---------------------------------------------------------------------------------------------
// Park boundary layers

// Writes a GeoPackage in WGS 84 with the given polygons (lon/lat rings) and fields.
struct Feat {
  std::string id, name;
  std::vector<Vec2> ring;  // lon/lat
};
void writeBoundaries(const std::string& path, const std::vector<Feat>& feats, bool points = false) {
  ensureGdalRegistered();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
  ASSERT_NE(drv, nullptr);
  std::unique_ptr<GDALDataset> ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(ds);
  OGRSpatialReference wgs;
  wgs.SetWellKnownGeogCS("WGS84");
  wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* l = ds->CreateLayer("park_areas", &wgs, points ? wkbPoint : wkbPolygon, nullptr);
  ASSERT_TRUE(l);
  OGRFieldDefn fid("code", OFTString), fname("名称", OFTString);
  ASSERT_EQ(l->CreateField(&fid), OGRERR_NONE);
  ASSERT_EQ(l->CreateField(&fname), OGRERR_NONE);
  for (const Feat& f : feats) {
    OGRFeature feat(l->GetLayerDefn());
    if (!f.id.empty()) feat.SetField("code", f.id.c_str());
    if (!f.name.empty()) feat.SetField("名称", f.name.c_str());
    if (points) {
      OGRPoint pt(f.ring[0].x, f.ring[0].y);
      feat.SetGeometry(&pt);
    } else {
      OGRPolygon poly;
      OGRLinearRing ring;
      for (const Vec2& v : f.ring) ring.addPoint(v.x, v.y);
      poly.addRing(&ring);
      feat.SetGeometry(&poly);
    }
    ASSERT_EQ(l->CreateFeature(&feat), OGRERR_NONE);
  }
}

std::vector<Vec2> square(double lon, double lat, double half_deg) {
  return {{lon - half_deg, lat - half_deg}, {lon + half_deg, lat - half_deg}, {lon + half_deg, lat + half_deg},
          {lon - half_deg, lat + half_deg}, {lon - half_deg, lat - half_deg}};
}

TEST_F(Conf, BoundariesFromAGeoPackageMatchByIdNameAndLocation) {
  test::TempDir dir("chainmap-bounds");
  const std::string path = (dir.path / "parks.gpkg").string();
  const int la = park("la_qingshanhu"), jd = park("jd_edz"), ca = park("ca_edz_qiandaohu");
  const Park &pla = m().parks[la], &pjd = m().parks[jd], &pca = m().parks[ca];
  writeBoundaries(path, {{"", "临安经开区", square(pla.lon, pla.lat, 0.02)},          // by name (short form)
                         {"jd_edz", "", square(pjd.lon, pjd.lat, 0.03)},             // by id
                         {"", "", square(pca.lon, pca.lat, 0.01)},                   // by containing the park's point
                         {"", "不存在的产业园", square(119.60, 30.45, 0.01)}});     // matches nothing
  auto r = loadParkBoundaries(path, m());
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->layer, "park_areas");
  EXPECT_EQ(r->features, 4);
  ASSERT_EQ(r->polygons.size(), m().parks.size());
  EXPECT_FALSE(r->polygons[la].empty());
  EXPECT_FALSE(r->polygons[jd].empty());
  EXPECT_FALSE(r->polygons[ca].empty());
  EXPECT_NE(r->matched_by[la].find("name"), std::string::npos) << r->matched_by[la];
  EXPECT_NE(r->matched_by[jd].find("id"), std::string::npos) << r->matched_by[jd];
  EXPECT_NE(r->matched_by[ca].find("contains"), std::string::npos) << r->matched_by[ca];
  ASSERT_EQ(r->unmatched.size(), 1u);
  EXPECT_EQ(r->unmatched[0].feature, 4);
  EXPECT_EQ(r->unmatched[0].label, "不存在的产业园");
  EXPECT_EQ(r->parks_without.size(), m().parks.size() - 3);
  EXPECT_FALSE(r->report().empty());
  // Reprojected to the display CRS: the park's display point is inside its polygon.
  ParkShapes s;
  s.polygons = r->polygons;
  EXPECT_TRUE(insidePark(m(), s, la, pla.xy.x, pla.xy.y));
  EXPECT_FALSE(insidePark(m(), s, la, pla.xy.x + 5000, pla.xy.y));
  // Conformance with the polygons: Lin'an's declared projects inside the square.
  const Conformance c = parkConformance(m(), Filter{}, s);
  const Projects& p = m().projects;
  int64_t expect = 0;
  for (size_t i = 0; i < p.size(); ++i)
    expect += p.park_index[i] == la && std::fabs(p.lon[i] - pla.lon) < 0.02 && std::fabs(p.lat[i] - pla.lat) < 0.02;
  EXPECT_NEAR(static_cast<double>(c.parks[la].count), static_cast<double>(expect), 1.0);  // the square's edges bend a little in the display CRS
  EXPECT_GT(c.parks[la].count, 0);
}

TEST_F(Conf, BoundaryErrorsNameTheFileAndTheProblem) {
  test::TempDir dir("chainmap-bounds");
  auto missing = loadParkBoundaries((dir.path / "nope.gpkg").string(), m());
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("nope.gpkg"), std::string::npos);
  EXPECT_NE(missing.error().find("not found"), std::string::npos);

  const std::string pts = (dir.path / "points.gpkg").string();
  writeBoundaries(pts, {{"jd_edz", "", {{119.285, 29.47}}}}, true);
  auto no_poly = loadParkBoundaries(pts, m());
  ASSERT_FALSE(no_poly);
  EXPECT_NE(no_poly.error().find("no polygon layer"), std::string::npos) << no_poly.error();

  const std::string one = (dir.path / "one.gpkg").string();
  writeBoundaries(one, {{"", "不存在的产业园", square(119.60, 30.45, 0.01)}});
  auto none = loadParkBoundaries(one, m());
  ASSERT_FALSE(none);
  EXPECT_NE(none.error().find("matches a park"), std::string::npos) << none.error();
  auto layer = loadParkBoundaries(one, m(), "no_such_layer");
  ASSERT_FALSE(layer);
  EXPECT_NE(layer.error().find("no_such_layer"), std::string::npos) << layer.error();
  EXPECT_NE(layer.error().find("park_areas"), std::string::npos) << layer.error();

  const std::string junk = (dir.path / "junk.gpkg").string();
  std::ofstream(junk) << "not a geopackage";
  auto bad = loadParkBoundaries(junk, m());
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("junk.gpkg"), std::string::npos);
}

}  // namespace

// Issue 18: a project inside a park's drawn circle was "not in a park" with no word why. Its card
// now says why, by the window's rule (membershipFor): the ledger names no park, or another one, or
// the point lies outside the named park's circle; after a what-if radius, location decides.
TEST_F(Conf, AProjectsParkStatusSaysWhyItIsNotInAPark) {
  const Model& model = m();
  const Projects& p = model.projects;
  for (const ParkShapes& shapes : {ParkShapes{}, [&] {
         ParkShapes s;
         s.radius_km.assign(model.parks.size(), 0.0);
         s.radius_km[0] = model.parks[0].radius_km * 2;  // a what-if: location decides
         return s;
       }()}) {
    const ParkMembership rule = membershipFor(shapes);
    const Conformance c = conformanceAnalysis(model, Filter{}, shapes);
    std::vector<uint8_t> outside(p.size(), 0);
    for (const OutsideProject& o : c.outside) outside[o.row] = 1;
    int undeclared_inside = -1;
    for (size_t i = 0; i < p.size(); ++i) {
      const ProjectParkStatus st = projectParkStatus(model, shapes, static_cast<int>(i));
      ASSERT_EQ(st.rule, rule);
      ASSERT_EQ(st.counted < 0, outside[i] != 0) << "row " << i << ": the card and the conformance window disagree";
      if (st.declared < 0 && st.containing >= 0 && undeclared_inside < 0) undeclared_inside = static_cast<int>(i);
    }
    ASSERT_GE(undeclared_inside, 0) << "the sample has projects inside a circle that name no park";
    const ProjectParkStatus st = projectParkStatus(model, shapes, undeclared_inside);
    const std::string name_zh = model.parks[static_cast<size_t>(st.containing)].name_zh;
    if (rule == ParkMembership::Declared) {
      EXPECT_EQ(st.counted, -1);
      const std::string zh = parkStatusText(model, Lang::Zh, st), en = parkStatusText(model, Lang::En, st);
      EXPECT_NE(zh.find("台账未登记园区"), std::string::npos) << zh;
      EXPECT_NE(zh.find(name_zh), std::string::npos) << zh;
      EXPECT_NE(zh.find("圈"), std::string::npos) << zh;
      EXPECT_NE(en.find("but the ledger names no park"), std::string::npos) << en;
      EXPECT_NE(en.find("circle"), std::string::npos) << en;
    } else {
      EXPECT_EQ(st.counted, st.containing) << "by location it counts where it lies";
      EXPECT_NE(parkStatusText(model, Lang::Zh, st).find(name_zh), std::string::npos);
    }
  }
  // A project counted in the park it names: "园区：X" / "Park: X".
  for (size_t i = 0; i < p.size(); ++i)
    if (p.in_park[i] && p.park_index[i] >= 0) {
      const ProjectParkStatus st = projectParkStatus(model, ParkShapes{}, static_cast<int>(i));
      EXPECT_EQ(st.counted, p.park_index[i]);
      EXPECT_EQ(parkStatusText(model, Lang::En, st), "Park: " + model.parks[static_cast<size_t>(st.counted)].name_en);
      break;
    }
  // The ledger names a park the point lies outside of.
  ProjectParkStatus named;
  named.declared = 0;
  EXPECT_NE(parkStatusText(model, Lang::En, named).find("the ledger names " + model.parks[0].name_en + ", but the point lies outside its circle"),
            std::string::npos);
}
