// The broken-input corpus's leftovers, GL-free: a layer that lands far from Hangzhou (a wrong or
// missing .prj), a self-crossing district repaired by GEOS MakeValid (it still contains its
// projects), one line instead of one per project when the districts are missing, and files
// renamed .xlsx that say what they are. The corpus itself (tests/fixtures/broken/) is run through
// the real binary in tests/render/test_broken_corpus.cpp.
#include <gtest/gtest.h>

#include <filesystem>

#include "data/extent_check.h"
#include "data/gdal/file_sniff.h"
#include "data/model_loader.h"
#include "data/gdal/vector_layers.h"
#include "geo/geos_ops.h"
#include "geo/projection.h"

using namespace cm;

namespace {
const std::string kBroken = std::string(CHAINMAP_FIXTURES) + "/broken";

bool anyHas(const std::vector<std::string>& v, const std::string& needle) {
  for (const std::string& s : v)
    if (s.find(needle) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST(ExtentCheck, NearHangzhouIsQuietElsewhereSaysWhere) {
  LonLatBox city;
  city.add(118.35, 29.19), city.add(120.72, 30.57);
  EXPECT_EQ(farFromHangzhou(city, "EPSG:4326"), "");
  LonLatBox china;  // a layer much larger than the city, over it: near
  china.add(73, 18), china.add(135, 53);
  EXPECT_EQ(farFromHangzhou(china, "EPSG:4326"), "");
  LonLatBox nearby;  // within the margin (Shanghai's edge)
  nearby.add(121.5, 31.0), nearby.add(121.7, 31.2);
  EXPECT_EQ(farFromHangzhou(nearby, "EPSG:4326"), "");
  LonLatBox origin;
  origin.add(0.0010, 0.0002), origin.add(0.0011, 0.0003);
  const std::string m = farFromHangzhou(origin, "EPSG:3857 (WGS 84 / Pseudo-Mercator)");
  EXPECT_EQ(m, "read as EPSG:3857 (WGS 84 / Pseudo-Mercator) it lands at 0.0°E 0.0°N, 12,880 km from Hangzhou");
  EXPECT_EQ(farFromHangzhou(LonLatBox{}, "x"), "") << "an empty layer has no place to be wrong about";
  EXPECT_EQ(formatLonLat(-73.95, -40.5), "74.0°W 40.5°S");
}

TEST(ExtentCheck, WrongPrjFailsTheDistrictsAndLeavesWaterOut) {
  auto d = loadDistricts(kBroken + "/prj_wrong/districts.shp", kDefaultDisplayCrs);
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().find("districts.shp: read as EPSG:3857"), std::string::npos) << d.error();
  EXPECT_NE(d.error().find("its .prj is probably wrong"), std::string::npos) << d.error();
  auto w = loadWater(kBroken + "/water_far/water_polygons.shp", kDefaultDisplayCrs);
  ASSERT_FALSE(w);
  EXPECT_NE(w.error().find("the layer is left out"), std::string::npos) << w.error();
  // The same folder as a model: the map loads, water is left out with a warning.
  LoadReport report;
  const Model m = loadModel(LoadOptions{kBroken + "/water_far", kBroken + "/tables/ok.csv", "", "", "", false}, report);
  EXPECT_TRUE(report.errors.empty()) << report.errors[0];
  EXPECT_EQ(m.districts.size(), 13u);
  EXPECT_TRUE(m.water.empty());
  EXPECT_TRUE(anyHas(report.warnings, "water_polygons.shp: read as EPSG:3857"));
}

TEST(ExtentCheck, MissingPrjIsReadAsLonLatAndSaid) {
  std::vector<std::string> warnings;
  auto d = loadDistricts(kBroken + "/prj_missing/districts.shp", kDefaultDisplayCrs, &warnings);
  ASSERT_TRUE(d) << d.error();
  EXPECT_EQ(d->size(), 13u);
  EXPECT_TRUE(anyHas(warnings, "no .prj file: read as WGS 84 lon/lat (EPSG:4326), which puts it in Hangzhou"));
  auto utm = loadDistricts(kBroken + "/prj_missing_utm/districts.shp", kDefaultDisplayCrs);
  ASSERT_FALSE(utm);
  EXPECT_NE(utm.error().find("are not degrees; add the .prj that came with it"), std::string::npos) << utm.error();
}

// A bow-tie district (its ring crosses itself at the square's centre) is repaired into its two
// triangles: valid, said in a warning that names the district, and a point in either lobe is in it.
TEST(BrokenGeometry, RepairedBowtieStillContainsItsProjects) {
  std::vector<std::string> warnings;
  auto d = loadDistricts(kBroken + "/geom_bowtie/districts.shp", kDefaultDisplayCrs, &warnings);
  ASSERT_TRUE(d) << d.error();
  ASSERT_EQ(d->size(), 13u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("district 余杭区 (Yuhang), adcode 330110, feature 6: its outline is not a valid polygon (Self-intersection"),
            std::string::npos)
      << warnings[0];
  EXPECT_NE(warnings[0].find("repaired with GEOS MakeValid into 2 part(s)"), std::string::npos) << warnings[0];
  const District* yuhang = nullptr;
  for (const District& x : *d)
    if (x.adcode == 330110) yuhang = &x;
  ASSERT_NE(yuhang, nullptr);
  EXPECT_EQ(validityProblem(yuhang->ll), "");
  EXPECT_EQ(validityProblem(yuhang->xy), "");
  EXPECT_EQ(yuhang->ll.size(), 2u);
  EXPECT_FALSE(triangulate(yuhang->xy).empty()) << "the district must still draw";
  EXPECT_GT(yuhang->area_km2, 100);  // two triangles, half the 0.43° x 0.38° square (~1,650 km²)
  std::vector<const MultiPolygon*> polys;
  for (const District& x : *d) polys.push_back(&x.ll);
  const PolygonSet set(polys);
  const int at = static_cast<int>(yuhang - d->data());
  // The square is [118.4, 118.83] x [29.8, 30.18]; the lobes are above and below its centre.
  EXPECT_EQ(set.indexAt(118.615, 30.15), at) << "upper lobe";
  EXPECT_EQ(set.indexAt(118.615, 29.83), at) << "lower lobe";
  EXPECT_EQ(set.indexAt(118.43, 29.99), -1) << "the notch at the left is outside";
}

// A self-crossing lake is repaired the same way, and named.
TEST(BrokenGeometry, RepairedBowtieLake) {
  std::vector<std::string> warnings;
  auto w = loadWater(kBroken + "/water_bowtie/water_polygons.shp", kDefaultDisplayCrs, &warnings);
  ASSERT_TRUE(w) << w.error();
  ASSERT_EQ(w->size(), 1u);
  EXPECT_EQ((*w)[0].ll.size(), 2u);
  EXPECT_EQ(validityProblem((*w)[0].xy), "");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("water_polygons.shp: feature 1 (西湖): its outline is not a valid polygon (Self-intersection"),
            std::string::npos)
      << warnings[0];
}

// When the districts did not load, the projects get one line, not one "unknown district" each.
TEST(BrokenDistricts, OneLineInsteadOfAnUnknownDistrictPerProject) {
  for (const char* dir : {"shp_cut_mid", "prj_wrong", "geom_null"}) {
    SCOPED_TRACE(dir);
    LoadReport report;
    const Model m = loadModel(LoadOptions{kBroken + "/" + dir, kBroken + "/tables/ok.csv", "", "", "", false}, report);
    ASSERT_EQ(report.errors.size(), 1u);
    EXPECT_EQ(m.projects.size(), 12u);
    EXPECT_FALSE(anyHas(report.warnings, "unknown district"));
    EXPECT_TRUE(anyHas(report.warnings, "12 projects read; their districts are not checked"));
    EXPECT_LE(report.warnings.size(), 2u);
  }
}

TEST(FileSniff, RenamedFilesSayWhatTheyAre) {
  const std::string t = kBroken + "/tables/";
  EXPECT_EQ(spreadsheetMismatch(t + "ok.xlsx", "xlsx"), "");
  EXPECT_EQ(spreadsheetMismatch(t + "ok.csv", "csv"), "") << "only spreadsheets are checked";
  EXPECT_EQ(spreadsheetMismatch(t + "text_renamed.xlsx", "xlsx"), "not an Excel workbook (it is plain text); if it is a CSV table, name it .csv");
  EXPECT_EQ(spreadsheetMismatch(t + "png_renamed.xlsx", "xlsx"), "not an Excel workbook (it is a PNG image)");
  EXPECT_EQ(spreadsheetMismatch(t + "zip_not_ooxml.xlsx", "xlsx"), "not an Excel workbook (it is a ZIP without xl/workbook.xml)");
  EXPECT_EQ(spreadsheetMismatch(t + "empty.xlsx", "xlsx"), "not an Excel workbook (it is an empty file)");
  EXPECT_EQ(spreadsheetMismatch(t + "not_a_zip.xlsx", "xlsx"), "not an Excel workbook (it is a damaged ZIP archive)");
  EXPECT_NE(spreadsheetMismatch(t + "xls_renamed.xlsx", "xlsx").find("old Excel 97-2003 workbook (.xls)"), std::string::npos);
  EXPECT_EQ(spreadsheetMismatch(t + "text_renamed.ods", "ods"), "not an OpenDocument spreadsheet (it is plain text); if it is a CSV table, name it .csv");
  EXPECT_EQ(spreadsheetMismatch(t + "ok.xlsx", "ods"), "not an OpenDocument spreadsheet (it is an Excel workbook); name it .xlsx");
}
