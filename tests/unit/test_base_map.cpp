// The base map's load and its cache (data/base_map.h), against the real Hangzhou files: what a
// reopen reads from the cache is what the files give, and any change of a file, a broken cache or
// a load with something to say reads the files again.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "data/base_map.h"
#include "geo/projection.h"
#include "platform/data_paths.h"
#include "temp_dir.h"
#include "test_paths.h"

using namespace cm;
namespace fs = std::filesystem;
using cm::test::kData;
using cm::test::TempDir;

namespace {

BaseMapFiles realFiles(const std::string& dir = kData) {
  // The parks as the viewer picks them (the data folder's parks.csv lacks chainmap's columns: the
  // assets' copy), or a copied folder's (copyLayers).
  const std::string parks = dir == kData ? resolveDataPaths(kData).parks : dir + "/parks.csv";
  return {dir + "/districts.shp", dir + "/water_polygons.shp", dir + "/rivers.shp", parks};
}

// The data folder's layers copied (a test may change them).
void copyLayers(const fs::path& to) {
  for (const auto& e : fs::directory_iterator(kData)) {
    const std::string n = e.path().filename().string();
    if (n.rfind("districts.", 0) == 0 || n.rfind("water_polygons.", 0) == 0 || n.rfind("rivers.", 0) == 0)
      fs::copy_file(e.path(), to / n, fs::copy_options::overwrite_existing);
  }
  fs::copy_file(resolveDataPaths(kData).parks, to / "parks.csv", fs::copy_options::overwrite_existing);
}

std::vector<fs::path> baseMapCacheFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind("basemap-", 0) == 0) out.push_back(e.path());
  return out;
}

double triangleArea(const std::vector<Vec2>& t) {
  double a = 0;
  for (size_t i = 0; i + 2 < t.size(); i += 3)
    a += std::fabs((t[i + 1].x - t[i].x) * (t[i + 2].y - t[i].y) - (t[i + 2].x - t[i].x) * (t[i + 1].y - t[i].y)) / 2;
  return a;
}

void expectSame(const BaseMap& a, const BaseMap& b) {
  ASSERT_EQ(a.districts.size(), b.districts.size());
  for (size_t i = 0; i < a.districts.size(); ++i) {
    const District &x = a.districts[i], &y = b.districts[i];
    EXPECT_EQ(x.adcode, y.adcode);
    EXPECT_EQ(x.name_zh, y.name_zh);
    EXPECT_EQ(x.name_en, y.name_en);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.area_km2, y.area_km2);
    EXPECT_EQ(x.label_xy, y.label_xy);
    EXPECT_EQ(x.fill, y.fill);
    ASSERT_EQ(x.xy.size(), y.xy.size());
    ASSERT_EQ(x.ll.size(), y.ll.size());
    for (size_t p = 0; p < x.xy.size(); ++p) {
      ASSERT_EQ(x.xy[p].rings.size(), y.xy[p].rings.size());
      for (size_t r = 0; r < x.xy[p].rings.size(); ++r) EXPECT_EQ(x.xy[p].rings[r], y.xy[p].rings[r]);
    }
  }
  // The parks, every field (a cached load never makes a transform: PROJ is not needed for them).
  ASSERT_EQ(a.parks.size(), b.parks.size());
  for (size_t i = 0; i < a.parks.size(); ++i) {
    const Park &x = a.parks[i], &y = b.parks[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name_zh, y.name_zh);
    EXPECT_EQ(x.name_en, y.name_en);
    EXPECT_EQ(x.level, y.level);
    EXPECT_EQ(x.focus, y.focus);
    EXPECT_EQ(x.district_adcode, y.district_adcode);
    EXPECT_EQ(x.lon, y.lon);
    EXPECT_EQ(x.lat, y.lat);
    EXPECT_EQ(x.xy, y.xy);
    EXPECT_EQ(x.main_ecosystem, y.main_ecosystem);
    EXPECT_EQ(x.radius_km, y.radius_km);
  }
  ASSERT_EQ(a.water.size(), b.water.size());
  for (size_t i = 0; i < a.water.size(); ++i) {
    EXPECT_EQ(a.water[i].name_zh, b.water[i].name_zh);
    EXPECT_EQ(a.water[i].fill, b.water[i].fill);
    EXPECT_EQ(a.water[i].xy.size(), b.water[i].xy.size());
  }
  ASSERT_EQ(a.rivers.size(), b.rivers.size());
  for (size_t i = 0; i < a.rivers.size(); ++i) {
    EXPECT_EQ(a.rivers[i].level, b.rivers[i].level);
    EXPECT_EQ(a.rivers[i].xy, b.rivers[i].xy);
    EXPECT_EQ(a.rivers[i].ll, b.rivers[i].ll);
  }
  EXPECT_EQ(a.city_outline, b.city_outline);
}

}  // namespace

TEST(BaseMap, TheLoadMakesLabelPointsTrianglesAndTheCityOutline) {
  const BaseMap b = loadBaseMap(realFiles(), kDefaultDisplayCrs, "");
  ASSERT_TRUE(b.errors.empty()) << b.errors.front();
  EXPECT_TRUE(b.warnings.empty());
  EXPECT_FALSE(b.from_cache);
  ASSERT_EQ(b.districts.size(), 13u);
  Extent districts, outline;
  for (const District& d : b.districts) {
    ASSERT_EQ(d.fill.size() % 3, 0u) << d.name_en;
    // The triangles cover the district: planar area within 0.5 % of the geodesic one.
    EXPECT_NEAR(triangleArea(d.fill) / 1e6, d.area_km2, 0.005 * d.area_km2) << d.name_en;
    EXPECT_NE(d.label_xy, Vec2{}) << d.name_en;
    for (const Polygon& p : d.xy)
      for (const Vec2& v : p.rings[0]) districts.add(v);
  }
  ASSERT_FALSE(b.water.empty());
  for (const WaterBody& w : b.water) EXPECT_GT(triangleArea(w.fill), 0) << w.name_en;
  EXPECT_FALSE(b.rivers.empty());
  // The outline runs round the whole city: its extent is the districts'.
  ASSERT_FALSE(b.city_outline.empty());
  for (const LineString& l : b.city_outline)
    for (const Vec2& v : l) outline.add(v);
  EXPECT_NEAR(outline.minx, districts.minx, 1.0);
  EXPECT_NEAR(outline.maxx, districts.maxx, 1.0);
  EXPECT_NEAR(outline.miny, districts.miny, 1.0);
  EXPECT_NEAR(outline.maxy, districts.maxy, 1.0);
}

TEST(BaseMap, ASecondLoadComesFromTheCacheAndIsTheSame) {
  TempDir cache("chainmap_basemap_cache");
  const BaseMap first = loadBaseMap(realFiles(), kDefaultDisplayCrs, cache.path.string());
  EXPECT_FALSE(first.from_cache);
  ASSERT_EQ(baseMapCacheFiles(cache.path).size(), 1u);
  const BaseMap second = loadBaseMap(realFiles(), kDefaultDisplayCrs, cache.path.string());
  EXPECT_TRUE(second.from_cache);
  ASSERT_GE(first.parks.size(), 15u);  // the data folder's parks (FACTS.md's named zones)
  EXPECT_TRUE(first.errors.empty() && first.warnings.empty());
  expectSame(first, second);
  // Another display CRS is another cache.
  const BaseMap mercator = loadBaseMap(realFiles(), "EPSG:3857", cache.path.string());
  EXPECT_FALSE(mercator.from_cache);
  EXPECT_EQ(baseMapCacheFiles(cache.path).size(), 2u);
  ASSERT_EQ(mercator.districts.size(), 13u);
  EXPECT_NE(mercator.districts[0].label_xy, first.districts[0].label_xy);
}

TEST(BaseMap, AChangedFileOrSidecarMissesTheCache) {
  TempDir data("chainmap_basemap_data"), cache("chainmap_basemap_cache2");
  copyLayers(data.path);
  const BaseMapFiles files = realFiles(data.path.string());
  EXPECT_FALSE(loadBaseMap(files, kDefaultDisplayCrs, cache.path.string()).from_cache);
  EXPECT_TRUE(loadBaseMap(files, kDefaultDisplayCrs, cache.path.string()).from_cache);
  for (const char* changed : {"districts.dbf", "water_polygons.prj", "rivers.shp", "parks.csv"}) {
    const fs::path f = data.path / changed;
    fs::last_write_time(f, fs::last_write_time(f) + std::chrono::seconds(5));
    EXPECT_FALSE(loadBaseMap(files, kDefaultDisplayCrs, cache.path.string()).from_cache) << changed;
    EXPECT_TRUE(loadBaseMap(files, kDefaultDisplayCrs, cache.path.string()).from_cache) << changed;
  }
  EXPECT_EQ(baseMapCacheFiles(cache.path).size(), 1u);  // one file for the four paths, replaced each time
}

TEST(BaseMap, ABrokenCacheIsReadAgainFromTheFilesAndRewritten) {
  TempDir cache("chainmap_basemap_cache3");
  const BaseMap good = loadBaseMap(realFiles(), kDefaultDisplayCrs, cache.path.string());
  const fs::path file = baseMapCacheFiles(cache.path).at(0);
  const auto size = fs::file_size(file);
  auto corrupt = [&](auto&& change) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    change(f);
    f.close();
    const BaseMap b = loadBaseMap(realFiles(), kDefaultDisplayCrs, cache.path.string());
    EXPECT_FALSE(b.from_cache);
    expectSame(good, b);
    EXPECT_TRUE(loadBaseMap(realFiles(), kDefaultDisplayCrs, cache.path.string()).from_cache);  // rewritten
  };
  corrupt([&](std::fstream& f) {  // one byte in the middle of the coordinates
    f.seekp(static_cast<std::streamoff>(size / 2));
    f.put('\x5A');
  });
  fs::resize_file(file, size / 3);  // cut short
  const BaseMap b = loadBaseMap(realFiles(), kDefaultDisplayCrs, cache.path.string());
  EXPECT_FALSE(b.from_cache);
  expectSame(good, b);
  EXPECT_FALSE(readBaseMapCache(file.string(), "another key").has_value());
  EXPECT_FALSE(readBaseMapCache((cache.path / "none.cmcache").string(), baseMapCacheKeyText(realFiles(), kDefaultDisplayCrs)).has_value());
}

TEST(BaseMap, ALoadWithSomethingToSayIsNeverCached) {
  TempDir data("chainmap_basemap_data4"), cache("chainmap_basemap_cache4");
  copyLayers(data.path);
  fs::remove(data.path / "rivers.shp");
  const BaseMapFiles files = realFiles(data.path.string());
  for (int i = 0; i < 2; ++i) {  // the warning is said on every load
    const BaseMap b = loadBaseMap(files, kDefaultDisplayCrs, cache.path.string());
    EXPECT_FALSE(b.from_cache);
    ASSERT_EQ(b.warnings.size(), 1u);
    EXPECT_NE(b.warnings[0].find("rivers.shp"), std::string::npos) << b.warnings[0];
    EXPECT_EQ(b.districts.size(), 13u);
  }
  EXPECT_TRUE(baseMapCacheFiles(cache.path).empty());
  fs::remove(data.path / "districts.dbf");  // and an error: the districts are not read
  const BaseMap broken = loadBaseMap(files, kDefaultDisplayCrs, cache.path.string());
  ASSERT_EQ(broken.errors.size(), 1u);
  EXPECT_NE(broken.errors[0].find("districts"), std::string::npos) << broken.errors[0];
  EXPECT_TRUE(baseMapCacheFiles(cache.path).empty());
}

// Found by fuzz_base_map: an empty list's data() is null (a memcpy from it is undefined even for
// no bytes), and a file whose layers hold a NaN must be refused, not drawn.
TEST(BaseMap, EmptyListsRoundTripAndANaNIsRefused) {
  TempDir dir("chainmap_basemap_edge");
  const std::string file = (dir.path / "edge.cmcache").string();
  BaseMap b;
  b.districts.resize(1);  // no name, no polygon, no triangles
  b.rivers.resize(1);
  b.city_outline.resize(1);
  ASSERT_TRUE(writeBaseMapCache(file, "k", b));
  auto back = readBaseMapCache(file, "k");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->districts.size(), 1u);
  EXPECT_TRUE(back->districts[0].xy.empty());
  EXPECT_EQ(back->rivers.size(), 1u);
  b.districts[0].fill = {{0, 0}, {1, 0}, {0, std::nan("")}};
  ASSERT_TRUE(writeBaseMapCache(file, "k", b));
  EXPECT_FALSE(readBaseMapCache(file, "k").has_value());
  b.districts[0].fill = {{0, 0}, {1, 0}};  // not a whole triangle
  ASSERT_TRUE(writeBaseMapCache(file, "k", b));
  EXPECT_FALSE(readBaseMapCache(file, "k").has_value());
}

TEST(BaseMap, AParkWithABadNumberIsRefused) {
  TempDir dir("chainmap_basemap_parks");
  const std::string file = (dir.path / "parks.cmcache").string();
  BaseMap b;
  b.parks.resize(1);  // empty strings: the least a park takes
  b.parks[0].lon = 120.2, b.parks[0].lat = 30.2, b.parks[0].xy = {520000, 3343000};
  ASSERT_TRUE(writeBaseMapCache(file, "k", b));
  auto back = readBaseMapCache(file, "k");
  ASSERT_TRUE(back.has_value());
  ASSERT_EQ(back->parks.size(), 1u);
  EXPECT_EQ(back->parks[0].xy, b.parks[0].xy);
  for (int bad = 0; bad < 3; ++bad) {
    BaseMap w = b;
    if (bad == 0) w.parks[0].xy.y = std::nan("");
    if (bad == 1) w.parks[0].radius_km = std::numeric_limits<double>::infinity();
    if (bad == 2) w.parks[0].main_ecosystem = static_cast<Ecosystem>(200);  // indexes a table of six
    ASSERT_TRUE(writeBaseMapCache(file, "k", w));
    EXPECT_FALSE(readBaseMapCache(file, "k").has_value()) << bad;
  }
}
