// Loader tests against the real Hangzhou files in ../shared/data/hangzhou.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include "data/gdal/vector_layers.h"
#include "geo/geos_ops.h"
#include "geo/projection.h"
#include "test_paths.h"

using namespace cm;
namespace fs = std::filesystem;

using cm::test::kData;

TEST(Districts, ThirteenUnitsWithAdcodesAndNames) {
  auto d = loadDistricts(kData + "/districts.shp", kDefaultDisplayCrs);
  ASSERT_TRUE(d) << d.error();
  ASSERT_EQ(d->size(), 13u);
  const std::map<int, std::pair<std::string, std::string>> expected{
      {330102, {"上城区", "Shangcheng District"}}, {330105, {"拱墅区", "Gongshu District"}},
      {330106, {"西湖区", "Xihu District"}},       {330108, {"滨江区", "Binjiang District"}},
      {330109, {"萧山区", "Xiaoshan District"}},   {330110, {"余杭区", "Yuhang District"}},
      {330111, {"富阳区", "Fuyang District"}},     {330112, {"临安区", "Lin'an District"}},
      {330113, {"临平区", "Linping District"}},    {330114, {"钱塘区", "Qiantang District"}},
      {330122, {"桐庐县", "Tonglu County"}},       {330127, {"淳安县", "Chun'an County"}},
      {330182, {"建德市", "Jiande City"}}};
  for (const District& x : *d) {
    auto it = expected.find(x.adcode);
    ASSERT_NE(it, expected.end()) << x.adcode;
    EXPECT_EQ(x.name_zh, it->second.first);
    EXPECT_EQ(x.name_en, it->second.second);
    EXPECT_FALSE(x.kind.empty());
  }
}

TEST(Districts, GeodesicAreasMatchSourcesTable) {
  // Geodesic km² from SOURCES.md's table; a 2 % tolerance.
  const std::map<int, double> area{{330102, 120.5}, {330105, 98.8},   {330106, 311.4}, {330108, 71.2},
                                   {330109, 999.1}, {330110, 948.4},  {330111, 1827.3}, {330112, 3110.5},
                                   {330113, 282.8}, {330114, 522.5},  {330122, 1837.6}, {330127, 4420.9},
                                   {330182, 2325.8}};
  auto d = loadDistricts(kData + "/districts.shp", kDefaultDisplayCrs);
  ASSERT_TRUE(d) << d.error();
  double total = 0;
  for (const District& x : *d) {
    EXPECT_NEAR(x.area_km2, area.at(x.adcode), 0.02 * area.at(x.adcode)) << x.name_en;
    total += x.area_km2;
  }
  EXPECT_NEAR(total, 16876.9, 0.02 * 16876.9);
}

TEST(Districts, MissingShxIsAClearError) {
  const fs::path tmp = fs::temp_directory_path() / "chainmap_noshx";
  fs::create_directories(tmp);
  for (const char* ext : {".shp", ".dbf", ".prj"})
    fs::copy_file(kData + "/districts" + ext, tmp / (std::string("districts") + ext), fs::copy_options::overwrite_existing);
  fs::remove(tmp / "districts.shx");
  auto d = loadDistricts((tmp / "districts.shp").string(), kDefaultDisplayCrs);
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().find("districts.shp"), std::string::npos) << d.error();
  EXPECT_NE(d.error().find(".shx"), std::string::npos) << d.error();
  fs::remove_all(tmp);
}

TEST(Districts, WrongPathIsAClearError) {
  auto d = loadDistricts("/nonexistent/districts.shp", kDefaultDisplayCrs);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error(), "/nonexistent/districts.shp: file not found");
}

TEST(Districts, BrokenShpIsAClearError) {
  const fs::path tmp = fs::temp_directory_path() / "chainmap_broken";
  fs::create_directories(tmp);
  for (const char* ext : {".shx", ".dbf"})
    fs::copy_file(kData + "/districts" + ext, tmp / (std::string("districts") + ext), fs::copy_options::overwrite_existing);
  std::ofstream(tmp / "districts.shp") << "this is not a shapefile";
  auto d = loadDistricts((tmp / "districts.shp").string(), kDefaultDisplayCrs);
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().find("districts.shp"), std::string::npos) << d.error();
  fs::remove_all(tmp);
}

TEST(Districts, LabelPointsLieInsideTheirDistrict) {
  auto d = loadDistricts(kData + "/districts.shp", kDefaultDisplayCrs);
  ASSERT_TRUE(d) << d.error();
  std::vector<const MultiPolygon*> polys;
  for (const District& x : *d) polys.push_back(&x.xy);
  PolygonSet set(polys);
  for (size_t i = 0; i < d->size(); ++i) {
    const Vec2 p = labelPoint((*d)[i].xy, 50.0);
    EXPECT_TRUE(set.contains(i, p.x, p.y)) << (*d)[i].name_en;
  }
}

TEST(Districts, TriangulationCoversTheArea) {
  auto d = loadDistricts(kData + "/districts.shp", kDefaultDisplayCrs);
  ASSERT_TRUE(d) << d.error();
  for (const District& x : *d) {
    EXPECT_EQ(validityProblem(x.xy), "") << x.name_en;
    const auto tris = triangulate(x.xy);
    ASSERT_EQ(tris.size() % 3, 0u);
    double a = 0;
    for (size_t i = 0; i < tris.size(); i += 3)
      a += std::fabs((tris[i + 1].x - tris[i].x) * (tris[i + 2].y - tris[i].y) -
                     (tris[i + 2].x - tris[i].x) * (tris[i + 1].y - tris[i].y)) / 2;
    // Planar area in the Gauss-Krüger display CRS is within 0.5 % of the geodesic one.
    EXPECT_NEAR(a / 1e6, x.area_km2, 0.005 * x.area_km2) << x.name_en;
  }
}

TEST(WaterAndRivers, LoadFromRealFiles) {
  auto w = loadWater(kData + "/water_polygons.shp", kDefaultDisplayCrs);
  ASSERT_TRUE(w) << w.error();
  EXPECT_EQ(w->size(), 2u);
  auto r = loadRivers(kData + "/rivers.shp", kDefaultDisplayCrs);
  ASSERT_TRUE(r) << r.error();
  EXPECT_GT(r->size(), 5u);
}
