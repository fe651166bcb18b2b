// Projection: known points through cm::Transform against PROJ's own cs2cs command-line tool.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>
#include <thread>

#include "geo/geodesic.h"
#include "geo/projection.h"

using namespace cm;

namespace {
// cs2cs reads and writes in each CRS's authority axis order: EPSG:4326 is lat,lon; EPSG:4549 is
// northing,easting; EPSG:32650 is easting,northing.
std::pair<double, double> cs2cs(const std::string& dst, double lat, double lon) {
  const std::string cmd = "echo '" + std::to_string(lat) + " " + std::to_string(lon) + "' | cs2cs -d 6 EPSG:4326 " + dst;
  FILE* p = popen(cmd.c_str(), "r");
  EXPECT_NE(p, nullptr);
  char buf[256] = {0};
  if (p) {
    if (!fgets(buf, sizeof buf, p)) buf[0] = 0;
    pclose(p);
  }
  std::istringstream in(buf);
  double a = NAN, b = NAN;
  in >> a >> b;
  return {a, b};
}
}  // namespace

TEST(Projection, MatchesCs2csForHangzhouPoints) {
  const std::vector<std::pair<double, double>> pts{{120.15, 30.25}, {119.04, 29.61}, {120.49, 30.33}, {118.5, 29.3}};
  for (const std::string crs : {"EPSG:4549", "EPSG:32650", "EPSG:32651"}) {
    auto t = Transform::create(kWgs84, crs);
    ASSERT_TRUE(t) << t.error();
    for (auto [lon, lat] : pts) {
      auto [a, b] = cs2cs(crs, lat, lon);
      ASSERT_FALSE(std::isnan(a)) << "cs2cs (Debian proj-bin) gave no output";
      const double east = crs == "EPSG:4549" ? b : a, north = crs == "EPSG:4549" ? a : b;
      double x = lon, y = lat;
      ASSERT_TRUE(t->apply(x, y));
      EXPECT_NEAR(x, east, 0.01) << crs << " " << lon << "," << lat;
      EXPECT_NEAR(y, north, 0.01) << crs << " " << lon << "," << lat;
      ASSERT_TRUE(t->inverse(x, y));
      EXPECT_NEAR(x, lon, 1e-8);
      EXPECT_NEAR(y, lat, 1e-8);
    }
  }
}

TEST(Projection, UnknownCrsIsAClearError) {
  auto v = validateCrs("EPSG:999999");
  ASSERT_FALSE(v);
  EXPECT_NE(v.error().find("EPSG:999999"), std::string::npos);
}

TEST(Geodesic, DistanceHangzhouToShanghai) {
  // West Lake to the Bund: about 165 km (great-circle on the ellipsoid).
  const double d = geodesicDistanceM(120.15, 30.25, 121.49, 31.24);
  EXPECT_NEAR(d / 1000, 168.0, 4.0);
}

TEST(Projection, TransformsOnOtherThreadsAndBackwardsComeFromTheFirstLookUpAndAgree) {
  // The first transform of a pair asks PROJ's database; the same pair on another thread, and the
  // reverse pair, are built from the pipeline found then (geo/projection.cpp) and must agree.
  const std::string crs = "EPSG:32651";
  auto there = Transform::create(kWgs84, crs);
  ASSERT_TRUE(there) << there.error();
  std::optional<Result<Transform>> back;
  std::thread other([&] { back.emplace(Transform::create(crs, kWgs84)); });
  other.join();
  ASSERT_TRUE(*back) << back->error();
  // A WKT definition that PROJ finds to be WGS 84 stands for it (the data folder's .prj files).
  const std::string wkt =
      "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
      "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
  auto same = Transform::create(wkt, kWgs84);
  ASSERT_TRUE(same) << same.error();
  auto via = Transform::create(wkt, crs);
  ASSERT_TRUE(via) << via.error();
  for (auto [lon, lat] : std::vector<std::pair<double, double>>{{120.15, 30.25}, {119.04, 29.61}, {118.5, 29.3}}) {
    double x = lon, y = lat;
    ASSERT_TRUE(there->apply(x, y));
    double u = lon, v = lat;
    ASSERT_TRUE(via->apply(u, v));
    EXPECT_NEAR(u, x, 1e-6);
    EXPECT_NEAR(v, y, 1e-6);
    double a = x, b = y;
    ASSERT_TRUE((**back).apply(a, b)) << "the reverse pair runs the pipeline backwards";
    EXPECT_NEAR(a, lon, 1e-9);
    EXPECT_NEAR(b, lat, 1e-9);
    ASSERT_TRUE((**back).inverse(a, b));
    EXPECT_NEAR(a, x, 1e-6);
    EXPECT_NEAR(b, y, 1e-6);
    double p = lon, q = lat;
    ASSERT_TRUE(same->apply(p, q));
    EXPECT_NEAR(p, lon, 1e-12);
    EXPECT_NEAR(q, lat, 1e-12);
  }
  EXPECT_FALSE(Transform::create("EPSG:999999", crs)) << "an unknown CRS still fails";
}
