// The planner's five-row project list (the import issue's example) in every form a Hangzhou
// office produces it, made with chainmap's own tested transforms: GCJ-02 as copied from Amap,
// BD-09 from Baidu, WGS 84, CGCS2000 x/y, swapped columns, missing coordinates, mixed units and
// dates; UTF-8, UTF-8 with BOM, GBK, semicolons, tabs; XLSX with a title row or typed cells; a
// GeoPackage with its own CRS. writeImportFixtures(DIR) writes them; tests/fixtures/import holds
// the committed copy (CHAINMAP_WRITE_FIXTURES=1 ctest -R ImportFixtures rewrites it).
#pragma once
#include <cpl_conv.h>
#include <cpl_string.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <functional>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/dates.h"
#include "data/gdal/gdal_util.h"
#include "geo/gcj02.h"
#include "geo/projection.h"

namespace cm::test {

struct TruthRow {
  const char* id;
  const char* name;
  const char* ecosystem;  // as the office writes it
  const char* chain;
  double invest_wan;      // 总投资(万元)
  const char* date;       // as written in the main fixture
  int y, m;               // signing month
  const char* district;   // as written
  int adcode;
  const char* park;       // "" none
  double lon, lat;        // WGS 84, where the project really is
};

// Points chosen a few hundred metres inside their district's south-east edge, where projects of
// these zones really sit: read in the wrong coordinate system, some of them leave their district.
inline const std::vector<TruthRow>& truthRows() {
  static const std::vector<TruthRow> rows{
      {"HZ2024-001", "海康威视视觉智能产业基地", "智能物联", "视觉智能", 500000, "2024年3月5日", 2024, 3, "滨江区", 330108, "", 120.22598, 30.20454},
      {"HZ2024-002", "集成电路设计创新中心", "智能物联", "集成电路", 120000, "2024/4/18", 2024, 4, "拱墅区", 330105, "", 120.18014, 30.28394},
      {"HZ2024-003", "生物药研发总部", "生物医药", "生物药", 80000, "2024.06.30", 2024, 6, "西湖", 330106, "", 120.15064, 30.22399},
      {"HZ2024-004", "智能机器人整机项目", "高端装备", "智能机器人", 300000, "20240715", 2024, 7, "萧山区", 330109, "萧山经济技术开发区", 120.32858, 30.06116},
      {"HZ2024-005", "半导体材料生产基地", "新材料", "半导体材料", 150000, "2024年3月", 2024, 3, "上城区", 330102, "", 120.28800, 30.29481},
  };
  return rows;
}

inline std::string fmt(double v, int decimals) {
  char b[64];
  std::snprintf(b, sizeof b, "%.*f", decimals, v);
  return b;
}

// The rows as text cells under the office's headers; `coords` gives each row's two coordinate cells.
inline std::vector<std::vector<std::string>> officeTable(const std::vector<std::string>& coord_headers,
                                                         const std::function<std::pair<std::string, std::string>(const TruthRow&)>& coords) {
  std::vector<std::vector<std::string>> t{{"项目编号", "项目名称", "所属生态圈", "产业链", "总投资(万元)", "签约日期", "所在区县", coord_headers[0], coord_headers[1]}};
  for (const TruthRow& r : truthRows()) {
    const auto [a, b] = coords(r);
    t.push_back({r.id, r.name, r.ecosystem, r.chain, fmt(r.invest_wan, 0), r.date, r.district, a, b});
  }
  return t;
}

inline std::string csvText(const std::vector<std::vector<std::string>>& t, char sep) {
  std::string s;
  for (const auto& row : t) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) s += sep;
      const bool quote = row[i].find(sep) != std::string::npos || row[i].find('"') != std::string::npos;
      s += quote ? "\"" + row[i] + "\"" : row[i];
    }
    s += "\r\n";
  }
  return s;
}

inline void writeFile(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

inline std::string toGbk(const std::string& utf8) {
  char* g = CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "GB18030");
  std::string out = g ? g : "";
  CPLFree(g);
  return out;
}

// XLSX/GPKG through GDAL: a layer of string columns (or typed ones), one feature a row.
inline bool writeOgr(const std::filesystem::path& path, const char* driver, const char* layer_name,
                     const std::vector<std::string>& names, const std::vector<OGRFieldType>& types,
                     const std::vector<std::vector<std::string>>& rows, const char* epsg = nullptr,
                     const std::vector<std::pair<double, double>>* points = nullptr,
                     std::vector<const char*> layer_options = {}) {
  ensureGdalRegistered();
  std::filesystem::remove(path);
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
  if (!drv) return false;
  std::unique_ptr<GDALDataset> ds(drv->Create(path.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) return false;
  OGRSpatialReference srs;
  if (epsg) {
    srs.SetFromUserInput(epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  }
  layer_options.push_back(nullptr);
  OGRLayer* layer = ds->CreateLayer(layer_name, epsg ? &srs : nullptr, points ? wkbPoint : wkbNone,
                                    const_cast<char**>(layer_options.data()));
  if (!layer) return false;
  for (size_t i = 0; i < names.size(); ++i) {
    OGRFieldDefn d(names[i].c_str(), types[i]);
    layer->CreateField(&d);
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    OGRFeature f(layer->GetLayerDefn());
    for (size_t i = 0; i < rows[r].size(); ++i)
      if (!rows[r][i].empty()) f.SetField(static_cast<int>(i), rows[r][i].c_str());
    if (points) {
      OGRPoint p((*points)[r].first, (*points)[r].second);
      f.SetGeometry(&p);
    }
    if (layer->CreateFeature(&f) != OGRERR_NONE) return false;
  }
  return true;
}

// Writes every form into `dir`; returns the file names written.
inline std::vector<std::string> writeImportFixtures(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  fs::create_directories(dir);
  std::vector<std::string> files;
  auto gcj = [](const TruthRow& r) {
    const Vec2 g = wgs84ToGcj02({r.lon, r.lat});
    return std::pair{fmt(g.x, 6), fmt(g.y, 6)};
  };
  const std::vector<std::string> lonlat{"经度", "纬度"};
  const auto amap = officeTable(lonlat, gcj);
  auto text = [&](const char* name, const std::string& bytes) {
    writeFile(dir / name, bytes);
    files.push_back(name);
  };
  text("five_utf8.csv", csvText(amap, ','));
  text("five_bom.csv", "\xEF\xBB\xBF" + csvText(amap, ','));
  text("five_gbk.csv", toGbk(csvText(amap, ',')));
  text("five_semicolon.csv", csvText(amap, ';'));
  text("five_tab.txt", csvText(amap, '\t'));
  text("five_pipe.txt", csvText(amap, '|'));
  text("five_wgs84.csv", csvText(officeTable(lonlat, [](const TruthRow& r) { return std::pair{fmt(r.lon, 6), fmt(r.lat, 6)}; }), ','));
  text("five_bd09.csv", csvText(officeTable(lonlat, [](const TruthRow& r) {
         const Vec2 b = wgs84ToBd09({r.lon, r.lat});
         return std::pair{fmt(b.x, 6), fmt(b.y, 6)};
       }), ','));
  text("five_swapped.csv", csvText(officeTable(lonlat, [&](const TruthRow& r) {
         const auto [a, b] = gcj(r);
         return std::pair{b, a};  // latitude under 经度, longitude under 纬度
       }), ','));
  auto to4549 = Transform::create(kWgs84, "EPSG:4549");
  text("five_projected.csv", csvText(officeTable({"X坐标", "Y坐标"}, [&](const TruthRow& r) {
         double x = r.lon, y = r.lat;
         to4549->apply(x, y);
         return std::pair{fmt(x, 2), fmt(y, 2)};
       }), ','));
  {  // Two rows without coordinates: one names its park, one only its district.
    auto t = amap;
    t[0].push_back("所在园区");
    for (size_t i = 1; i < t.size(); ++i) t[i].push_back(truthRows()[i - 1].park);
    t[4][7] = t[4][8] = "";  // HZ2024-004: at its park
    t[5][7] = t[5][8] = "";  // HZ2024-005: somewhere in 上城区
    text("five_missing.csv", csvText(t, ','));
  }
  {  // Units written with the values, and every date form.
    auto t = amap;
    t[0][4] = "投资额";
    const char* amounts[] = {"50亿", "120,000万元", "8亿元", "3,000,000,000元", "150000万"};
    const char* dates[] = {"2024-03-05", "2024/4/18", "2024年6月30日", "2024-07-15 09:30:00", "2024.03.01"};
    for (size_t i = 1; i < t.size(); ++i) t[i][4] = amounts[i - 1], t[i][5] = dates[i - 1];
    text("five_mixed.csv", csvText(t, ','));
  }
  {  // XLSX: a title row above the header (as offices print them), every cell text.
    std::vector<std::vector<std::string>> rows = amap;
    writeOgr(dir / "five_titled.xlsx", "XLSX", "项目清单", {"杭州市2024年重大招商项目清单", " ", "  ", "   ", "    ", "     ", "      ", "       ", "        "},
             std::vector<OGRFieldType>(9, OFTString), rows);
    files.push_back("five_titled.xlsx");
  }
  {  // XLSX with typed cells: investment and coordinates numbers, the date an Excel serial.
    std::vector<std::vector<std::string>> rows;
    for (const TruthRow& r : truthRows()) {
      const auto [a, b] = gcj(r);
      const int32_t day = daysFromCivil(r.y, r.m, 10);
      rows.push_back({r.id, r.name, r.ecosystem, r.chain, fmt(r.invest_wan, 0), std::to_string(day - daysFromCivil(1899, 12, 30)), r.district, a, b});
    }
    writeOgr(dir / "five_typed.xlsx", "XLSX", "Sheet1", amap[0],
             {OFTString, OFTString, OFTString, OFTString, OFTReal, OFTInteger, OFTString, OFTReal, OFTReal}, rows);
    files.push_back("five_typed.xlsx");
  }
  {  // GeoPackage: points in its own CRS (CGCS2000 / 3-degree GK CM 120E), Chinese field names.
    std::vector<std::vector<std::string>> rows;
    std::vector<std::pair<double, double>> pts;
    for (const TruthRow& r : truthRows()) {
      rows.push_back({r.id, r.name, r.ecosystem, r.chain, fmt(r.invest_wan, 0), r.date, r.district});
      double x = r.lon, y = r.lat;
      to4549->apply(x, y);
      pts.push_back({x, y});
    }
    std::vector<std::string> names(amap[0].begin(), amap[0].begin() + 7);
    writeOgr(dir / "five.gpkg", "GPKG", "projects", names, std::vector<OGRFieldType>(7, OFTString), rows, "EPSG:4549", &pts);
    files.push_back("five.gpkg");
    // A Shapefile as Chinese GIS software writes one (GBK, with a .cpg; the DBF's 10-byte names cut
    // 总投资(万元) to 总投资(万) and lose the unit) and FlatGeobuf in the same CRS (rows in file
    // order); GeoJSON in lon/lat as Amap gives them (GCJ-02, labelled WGS 84).
    writeOgr(dir / "five.shp", "ESRI Shapefile", "five", names, std::vector<OGRFieldType>(7, OFTString), rows, "EPSG:4549", &pts,
             {"ENCODING=GBK"});
    files.push_back("five.shp");
    writeOgr(dir / "five.fgb", "FlatGeobuf", "five", names, std::vector<OGRFieldType>(7, OFTString), rows, "EPSG:4549", &pts,
             {"SPATIAL_INDEX=NO"});
    files.push_back("five.fgb");
    std::vector<std::pair<double, double>> amap_pts;
    for (const TruthRow& r : truthRows()) {
      const Vec2 g = wgs84ToGcj02({r.lon, r.lat});
      amap_pts.push_back({g.x, g.y});
    }
    writeOgr(dir / "five.geojson", "GeoJSON", "five", names, std::vector<OGRFieldType>(7, OFTString), rows, "EPSG:4326", &amap_pts);
    files.push_back("five.geojson");
  }
  return files;
}

// The five rows as a PostGIS table with a point geometry (GCJ-02 lon/lat in EPSG:4326, the way
// Amap coordinates end up in databases), for a throwaway server (pg_server.h).
inline std::string registrySql() {
  std::string sql =
      "CREATE TABLE projects (项目编号 text PRIMARY KEY, 项目名称 text, 所属生态圈 text, 产业链 text, "
      "\"总投资(万元)\" numeric, 签约日期 date, 所在区县 text, geom geometry(Point,4326));\n";
  for (const TruthRow& r : truthRows()) {
    const Vec2 g = wgs84ToGcj02({r.lon, r.lat});
    char row[512];
    std::snprintf(row, sizeof row,
                  "INSERT INTO projects VALUES ('%s','%s','%s','%s',%.0f,'%d-%02d-10','%s',ST_SetSRID(ST_MakePoint(%.6f,%.6f),4326));\n",
                  r.id, r.name, r.ecosystem, r.chain, r.invest_wan, r.y, r.m, r.district, g.x, g.y);
    sql += row;
  }
  return sql;
}

}  // namespace cm::test
