// Projection: known points through cm::Transform against PROJ's own cs2cs command-line tool.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <thread>

#include "geo/geodesic.h"
#include "geo/projection.h"
#include "platform/command.h"

using namespace cm;

namespace {
// cs2cs reads and writes in each CRS's authority axis order: EPSG:4326 is lat,lon; EPSG:4549 is
// northing,easting; EPSG:32650 is easting,northing.
std::pair<double, double> cs2cs(const std::string& dst, double lat, double lon) {
  const std::string cmd = "echo '" + std::to_string(lat) + " " + std::to_string(lon) + "' | cs2cs -d 6 EPSG:4326 " + dst;
  std::istringstream in(commandLine(cmd));
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

TEST(Projection, OnThisThreadIsTheSameTransformMadeForTheCallingThread) {
  // The CSV loader's workers put their chunks' points through their own copy (a PJ object is
  // used by one thread at a time).
  auto made = Transform::create(kWgs84, "EPSG:32651");
  ASSERT_TRUE(made) << made.error();
  const Transform* here = made->onThisThread();
  ASSERT_NE(here, nullptr);
  EXPECT_EQ(here, made->onThisThread()) << "kept for the thread";
  const Transform* there = nullptr;
  double x = 120.15, y = 30.25, u = x, v = y;
  bool ok = false;
  std::thread other([&] {
    there = made->onThisThread();
    ok = there && there->apply(u, v);
  });
  other.join();
  ASSERT_TRUE(ok);
  EXPECT_NE(there, here) << "another thread, another object";
  ASSERT_TRUE(made->apply(x, y));
  EXPECT_EQ(u, x);
  EXPECT_EQ(v, y);
}

// The pipelines PROJ's database chose are remembered in a file (the cache folder's
// transforms.json) and a later process builds its transforms from it: an entry is used exactly
// when its PROJ stamp is this PROJ's, and a broken file is only a look-up more.
TEST(Projection, RememberedPipelinesAreUsedOnlyUnderTheSamePreviousProj) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / ("chainmap_transforms_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const auto read = [](const fs::path& p) {
    std::ifstream in(p);
    return nlohmann::json::parse(in, nullptr, false);
  };
  const auto write = [](const fs::path& p, const nlohmann::json& j) { std::ofstream(p) << j.dump(); };
  // A pair looked up in the database is written down, with the stamp of the PROJ that chose it.
  rememberTransformsIn((dir / "a.json").string());
  ASSERT_TRUE(Transform::create(kWgs84, "EPSG:32650"));
  const nlohmann::json a = read(dir / "a.json");
  ASSERT_TRUE(a.is_object()) << "the store was not written";
  ASSERT_EQ(a["pipelines"].size(), 1u);
  EXPECT_EQ(a["pipelines"][0][1], "EPSG:32650");
  EXPECT_NE(a["pipelines"][0][2].get<std::string>().find("+proj=utm"), std::string::npos) << a.dump();
  const std::string stamp = a["proj"];
  // A store under this PROJ is believed: a pipeline shifted 100 km east shows it was used.
  const std::string shifted = "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=tmerc +lat_0=0 +lon_0=111 +k=0.9996 +x_0=600000 +y_0=0 +ellps=WGS84";
  write(dir / "b.json", {{"chainmap_transforms", 1}, {"proj", stamp}, {"pipelines", {{kWgs84, "EPSG:32649", shifted}}}});
  rememberTransformsIn((dir / "b.json").string());
  EXPECT_TRUE(validateCrs("EPSG:32649"));
  auto b = Transform::create(kWgs84, "EPSG:32649");
  ASSERT_TRUE(b);
  const auto [east, north] = cs2cs("EPSG:32649", 30.25, 120.15);
  double x = 120.15, y = 30.25;
  ASSERT_TRUE(b->apply(x, y));
  EXPECT_NEAR(x, east + 100000, 0.01) << "the remembered pipeline was not used";
  EXPECT_NEAR(y, north, 0.01);
  // Another PROJ's store is not: the database decides, and the file is rewritten with its answer.
  write(dir / "c.json", {{"chainmap_transforms", 1}, {"proj", stamp + " (another)"}, {"pipelines", {{kWgs84, "EPSG:32648", shifted}}}});
  rememberTransformsIn((dir / "c.json").string());
  auto c = Transform::create(kWgs84, "EPSG:32648");
  ASSERT_TRUE(c);
  const auto [east48, north48] = cs2cs("EPSG:32648", 30.25, 120.15);
  x = 120.15, y = 30.25;
  ASSERT_TRUE(c->apply(x, y));
  EXPECT_NEAR(x, east48, 0.01) << "a store from another PROJ was believed";
  EXPECT_NEAR(y, north48, 0.01);
  const nlohmann::json c2 = read(dir / "c.json");
  EXPECT_EQ(c2["proj"], stamp);
  ASSERT_EQ(c2["pipelines"].size(), 1u);
  EXPECT_EQ(c2["pipelines"][0][1], "EPSG:32648");
  // A remembered pipeline PROJ cannot build: the database answers instead.
  write(dir / "e.json", {{"chainmap_transforms", 1}, {"proj", stamp}, {"pipelines", {{kWgs84, "EPSG:32646", "+proj=pipeline +step +proj=nonexistent"}}}});
  rememberTransformsIn((dir / "e.json").string());
  auto e = Transform::create(kWgs84, "EPSG:32646");
  ASSERT_TRUE(e) << "an unbuildable remembered pipeline";
  const auto [east46, north46] = cs2cs("EPSG:32646", 30.25, 120.15);
  x = 120.15, y = 30.25;
  ASSERT_TRUE(e->apply(x, y));
  EXPECT_NEAR(x, east46, 0.01);
  EXPECT_NEAR(y, north46, 0.01);
  // Garbage, a wrong shape, an empty pipeline: ignored.
  for (const std::string& text : std::vector<std::string>{"not json", "[1,2]", "{\"chainmap_transforms\":1,\"proj\":\"" + stamp + "\",\"pipelines\":[[1,2,3],[\"EPSG:4326\",\"EPSG:32647\",\"\"]]}"}) {
    std::ofstream(dir / "d.json") << text;
    rememberTransformsIn((dir / "d.json").string());
    auto d = Transform::create(kWgs84, "EPSG:32647");
    ASSERT_TRUE(d) << text;
    rememberTransformsIn("");
  }
  fs::remove_all(dir);
}

// The in-park test's shortcut answers exactly as the geodesic does, near the circle's edge too.
TEST(Geodesic, WithinGivesTheGeodesicsAnswerEverywhere) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> lon(118.0, 121.0), lat(29.0, 31.0), radius(100, 30000), unit(-1, 1);
  int near_edge = 0;
  for (int i = 0; i < 200000; ++i) {
    const double lon1 = lon(rng), lat1 = lat(rng), r = radius(rng);
    // Half the points within 10 % of the radius of the edge, the rest anywhere in the city.
    double lon2 = lon(rng), lat2 = lat(rng);
    if (i % 2) {
      const double angle = 3.14159265358979 * unit(rng), d = r * (1 + 0.1 * unit(rng));
      lon2 = lon1 + d * std::cos(angle) / (111320 * std::cos(lat1 * 3.14159265358979 / 180));
      lat2 = lat1 + d * std::sin(angle) / 110574;
      near_edge += std::fabs(geodesicDistanceM(lon1, lat1, lon2, lat2) / r - 1) < 0.03;
    }
    ASSERT_EQ(withinGeodesicM(lon1, lat1, lon2, lat2, r), geodesicDistanceM(lon1, lat1, lon2, lat2) <= r)
        << lon1 << "," << lat1 << " " << lon2 << "," << lat2 << " r " << r;
  }
  EXPECT_GT(near_edge, 10000) << "the points near the edge, where the geodesic decides";
  EXPECT_TRUE(withinGeodesicM(120, 30, 120, 30, 0));
  EXPECT_FALSE(withinGeodesicM(120, 30, 120.001, 30, 0));
}
