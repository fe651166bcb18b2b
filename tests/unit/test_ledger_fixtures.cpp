// Messy 招商 office ledgers (tests/fixtures/ledgers, made by tests/common/ledger_fixtures.h from the
// synthetic sample) and their truth (truth.json):
//   LedgerFixtures.*  the committed copy is what the generator writes; the ledgers really have the
//                     messy properties they are meant to have (so they cannot silently become
//                     tidy); the truth adds up and places every project inside its district.
//   LedgerImport.*    acceptance tests: each ledger loaded as the command line loads it (loadModel
//                     with the Hangzhou data) must give the truth's count, Σ亿元 (±0.01), unknown-
//                     investment count, Σ FDI (±0.01 million USD), per-district counts, at most 5 %
//                     of projects in "other" (and at most 5 % in a wrong ecosystem) where the truth
//                     is not other, every project with truth coordinates within 50 m of its WGS 84
//                     position, signing months (dated ledgers), no invented dates (undated ones),
//                     and each dirty row handled as truth.json says. A project with unknown
//                     investment is flagged (Projects::investmentKnown false) and summed as 0.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/dates.h"
#include "data/gdal/gdal_util.h"
#include "data/model_loader.h"
#include "file_text.h"
#include "geo/geodesic.h"
#include "geo/geos_ops.h"
#include "ledger_fixtures.h"
#include "sample_model.h"
#include "temp_dir.h"

using namespace cm;
using namespace cm::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path committedDir() { return fs::path(CHAINMAP_FIXTURES) / "ledgers"; }

json readTruth(const fs::path& dir) { return json::parse(slurp(dir / "truth.json"), nullptr, false); }

const json& ledgerOf(const json& truth, const std::string& file) {
  static const json none;
  if (truth.is_object() && truth.contains("ledgers"))
    for (const json& l : truth["ledgers"])
      if (l["file"] == file) return l;
  return none;
}

// A sheet's cells as GDAL reads them with no header and every cell text: grid[excel row - 1][column].
std::vector<std::vector<std::string>> sheetGrid(const fs::path& xlsx, std::string* sheet_name = nullptr) {
  ensureGdalRegistered();
  CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", "DISABLE");
  CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", "STRING");
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(GDALOpenEx(xlsx.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", nullptr);
  CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", nullptr);
  std::vector<std::vector<std::string>> grid;
  if (!ds || ds->GetLayerCount() < 1) return grid;
  OGRLayer* l = ds->GetLayer(0);
  if (sheet_name) *sheet_name = l->GetName();
  for (auto& f : *l) {
    std::vector<std::string> row;
    for (int i = 0; i < f->GetFieldCount(); ++i) row.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
    grid.push_back(row);
  }
  return grid;
}

std::string recodeFromGbk(const std::string& bytes) {
  char* u = CPLRecode(bytes.c_str(), "GB18030", CPL_ENC_UTF8);
  std::string s = u ? u : "";
  CPLFree(u);
  return s;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

// ---- the fixtures ----------------------------------------------------------------------------

TEST(LedgerFixtures, CommittedCopyMatchesTheGenerator) {
  TempDir tmp("chainmap-ledgers");
  const std::vector<std::string> files = writeLedgerFixtures(tmp.path);
  ASSERT_EQ(files.size(), 8u) << "the generator could not read the sample";
  if (std::getenv("CHAINMAP_WRITE_FIXTURES")) writeLedgerFixtures(committedDir());
  for (const std::string& f : files) {
    ASSERT_TRUE(fs::exists(committedDir() / f))
        << f << " is missing: CHAINMAP_WRITE_FIXTURES=1 chainmap_unit_tests --gtest_filter=LedgerFixtures.CommittedCopyMatchesTheGenerator";
    if (f.ends_with(".xlsx")) {  // the cells (GDAL's own XML may differ between its versions)
      EXPECT_EQ(sheetGrid(committedDir() / f), sheetGrid(tmp.path / f)) << f << " differs from what the generator writes";
    } else if (f.ends_with(".prj")) {  // the CRS (PROJ's WKT text may differ between its versions)
      OGRSpatialReference a, b;
      a.importFromWkt(slurp(committedDir() / f).c_str());
      b.importFromWkt(slurp(tmp.path / f).c_str());
      EXPECT_TRUE(a.IsSame(&b)) << f << " differs from what the generator writes";
    } else {
      EXPECT_EQ(slurp(committedDir() / f), slurp(tmp.path / f)) << f << " differs from what the generator writes";
    }
  }
  EXPECT_FALSE(fs::exists(committedDir() / "gis_export_gbk.cpg"));
}

TEST(LedgerFixtures, TheOfficeSheetIsDrawnAsOfficesDrawThem) {
  std::string sheet;
  const auto g = sheetGrid(committedDir() / "office_2024h1.xlsx", &sheet);
  ASSERT_GT(g.size(), 150u);
  EXPECT_EQ(sheet, "2024年1-7月签约项目");
  auto onlyNonEmpty = [&](size_t row) {
    std::vector<size_t> cols;
    for (size_t c = 0; c < g[row].size(); ++c)
      if (!g[row][c].empty()) cols.push_back(c);
    return cols;
  };
  // Row 1: the title in its first cell only (a merged cell reads so); row 2: 填报单位 and the units.
  EXPECT_EQ(onlyNonEmpty(0), std::vector<size_t>{0});
  EXPECT_TRUE(contains(g[0][0], "签约情况表")) << g[0][0];
  EXPECT_TRUE(contains(g[1][0], "填报单位")) << g[1][0];
  // Rows 3-4: the two-row header; 总投资（万元） over a blank, the FDI sub-header alone on row 4.
  EXPECT_EQ(g[2][0], "序号");
  EXPECT_EQ(g[2][4], "总投资（万元）");
  EXPECT_EQ(g[2][5], "");
  EXPECT_EQ(g[2][9], "经纬度");
  EXPECT_EQ(onlyNonEmpty(3), std::vector<size_t>{5});
  EXPECT_EQ(g[3][5], "其中：外资（万美元）");
  int subtotals = 0, thousands = 0, tbd = 0, fullwidth = 0, swapped = 0, bare = 0, city = 0, province = 0, ymd = 0, slash = 0, month = 0;
  for (size_t r = 4; r < g.size(); ++r) {
    subtotals += g[r][1].ends_with("小计");
    thousands += contains(g[r][4], ",");
    tbd += g[r][4] == "待定";
    fullwidth += contains(g[r][9], "，");
    swapped += g[r][9].rfind("30.", 0) == 0 || g[r][9].rfind("29.", 0) == 0;
    if (!g[r][2].empty()) {
      province += g[r][2].rfind("浙江省杭州市", 0) == 0;
      city += g[r][2].rfind("杭州市", 0) == 0;
      bare += g[r][2].rfind("杭州市", 0) != 0 && g[r][2].rfind("浙江省", 0) != 0;
    }
    ymd += contains(g[r][6], "年");
    slash += contains(g[r][6], "/");
    month += g[r][6].size() == 7 && g[r][6][4] == '.';
  }
  EXPECT_GE(subtotals, 10) << "XX区小计 rows after each district";
  EXPECT_EQ(g.back()[1], "合计") << "a 合计 row at the end";
  EXPECT_GT(thousands, 100) << "万元 with thousands separators";
  EXPECT_EQ(tbd, 1);
  EXPECT_GT(fullwidth, 0) << "经纬度 with '，'";
  EXPECT_EQ(swapped, 2) << "two lat,lon cells";
  EXPECT_GT(bare, 0);
  EXPECT_GT(city, 0);
  EXPECT_GT(province, 0);
  EXPECT_GT(ymd, 0);
  EXPECT_GT(slash, 0);
  EXPECT_GT(month, 0) << "dates such as 2024.03";
}

TEST(LedgerFixtures, ThePipelineIsGbkWithoutASigningDate) {
  const std::string bytes = slurp(committedDir() / "pipeline_gbk.csv");
  ASSERT_FALSE(bytes.empty());
  EXPECT_FALSE(isValidUtf8(bytes)) << "GBK bytes, not UTF-8";
  const std::string text = recodeFromGbk(bytes);
  ASSERT_TRUE(isValidUtf8(text));
  std::istringstream in(text);
  std::string title, header;
  std::getline(in, title);
  std::getline(in, header);
  EXPECT_TRUE(contains(title, "在谈清单")) << title;
  EXPECT_EQ(header, "序号,项目名称,行业,所属区域,计划总投资（亿元）,项目进展,高德经度,高德纬度\r");
  EXPECT_FALSE(contains(header, "签约") || contains(header, "日期") || contains(header, "时间")) << "no signing-date column";
  EXPECT_TRUE(contains(text, ",待定,"));
  EXPECT_TRUE(contains(text, ",浙江省杭州市"));
}

TEST(LedgerFixtures, TheGisExportIsGbkWithoutACodePage) {
  const fs::path dir = committedDir();
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj"}) EXPECT_TRUE(fs::exists(dir / ("gis_export_gbk" + std::string(ext)))) << ext;
  EXPECT_FALSE(fs::exists(dir / "gis_export_gbk.cpg")) << "an office GIS export with no .cpg";
  const std::string dbf = slurp(dir / "gis_export_gbk.dbf");
  ASSERT_GT(dbf.size(), 32u);
  EXPECT_EQ(dbf[29], '\0') << "language driver byte unmarked";
  EXPECT_TRUE(contains(dbf, toGbk("项目名称"))) << "field names in GBK";
  EXPECT_TRUE(contains(dbf, toGbk("签约日期")));
  EXPECT_FALSE(isValidUtf8(dbf.substr(32)));
  EXPECT_FALSE(contains(dbf, "项目名称")) << "no UTF-8 text";
  const std::string prj = slurp(dir / "gis_export_gbk.prj");
  EXPECT_TRUE(contains(prj, "CGCS2000") || contains(prj, "China_Geodetic")) << prj;
  EXPECT_TRUE(contains(prj, "120")) << prj;
  // Told the encoding, GDAL reads the Chinese names; left alone it does not.
  ensureGdalRegistered();
  auto firstFieldName = [&](const char* encoding) {
    CPLSetThreadLocalConfigOption("SHAPE_ENCODING", encoding);
    std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
        GDALOpenEx((dir / "gis_export_gbk.shp").string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    CPLSetThreadLocalConfigOption("SHAPE_ENCODING", nullptr);
    if (!ds || ds->GetLayerCount() < 1 || ds->GetLayer(0)->GetLayerDefn()->GetFieldCount() < 1) return std::string("(unreadable)");
    return std::string(ds->GetLayer(0)->GetLayerDefn()->GetFieldDefn(0)->GetNameRef());
  };
  EXPECT_EQ(firstFieldName("CP936"), "项目名称");
  EXPECT_NE(firstFieldName(nullptr), "项目名称") << "GDAL alone must not read it right, or the fixture is no longer messy";
}

TEST(LedgerFixtures, TheDmsLedgerWritesDegreesMinutesSecondsAndUnits) {
  const std::string text = slurp(committedDir() / "dms_ledger.csv");
  ASSERT_TRUE(isValidUtf8(text));
  EXPECT_EQ(text.rfind("序号,项目名称,所在区县,产业链,签约日期,投资额,外商投资,经度,纬度\r\n", 0), 0u);
  for (const char* s : {"°", "′", "″", "度", "分", "秒", "\"\"", "亿元,", "万元,", "亿美元,"}) EXPECT_TRUE(contains(text, s)) << s;
}

// The truth adds up, and every project it places lies in the district it gives.
TEST(LedgerFixtures, TheTruthIsConsistent) {
  const json truth = readTruth(committedDir());
  ASSERT_TRUE(truth.is_object() && truth.contains("ledgers"));
  ASSERT_EQ(truth["ledgers"].size(), 4u);
  Model map;
  ASSERT_TRUE(loadMap(map));
  std::vector<const MultiPolygon*> polys;
  std::map<int, size_t> index;
  for (size_t i = 0; i < map.districts.size(); ++i) polys.push_back(&map.districts[i].ll), index[map.districts[i].adcode] = i;
  const PolygonSet set(polys);
  for (const json& ledger : truth["ledgers"]) {
    SCOPED_TRACE(ledger["file"].get<std::string>());
    const json& ps = ledger["projects"];
    EXPECT_EQ(ps.size(), ledger["project_count"].get<size_t>());
    double yi = 0, fdi = 0;
    int unknown = 0, undated = 0;
    std::map<std::string, int> per_district, per_eco;
    std::set<std::string> names;
    std::set<long> rows;
    for (const json& p : ps) {
      if (p["investment_yi"].is_null()) ++unknown;
      else yi += p["investment_yi"].get<double>();
      fdi += p["fdi_musd"].get<double>();
      undated += p["undated"].get<bool>();
      ++per_district[std::to_string(p["district"].get<int>())];
      ++per_eco[p["ecosystem"].get<std::string>()];
      EXPECT_TRUE(names.insert(p["name"].get<std::string>()).second) << "names are unique in a ledger: " << p["name"];
      rows.insert(p["row"].get<long>());
      EXPECT_TRUE(chainFromId(p["chain"].get<std::string>())) << p["chain"];
      EXPECT_TRUE(ecosystemFromId(p["ecosystem"].get<std::string>())) << p["ecosystem"];
      if (!p["lon"].is_null()) {
        ASSERT_TRUE(index.count(p["district"].get<int>()));
        EXPECT_TRUE(set.contains(index[p["district"].get<int>()], p["lon"].get<double>(), p["lat"].get<double>()))
            << p["name"] << " does not lie in " << p["district"];
      }
    }
    EXPECT_NEAR(yi, ledger["investment_yi_sum"].get<double>(), 1e-6);
    EXPECT_NEAR(fdi, ledger["fdi_musd_sum"].get<double>(), 1e-6);
    EXPECT_EQ(unknown, ledger["investment_unknown_count"].get<int>());
    EXPECT_EQ(undated, ledger["undated_count"].get<int>());
    for (const auto& [k, v] : ledger["per_district"].items()) EXPECT_EQ(per_district[k], v.get<int>()) << k;
    for (const auto& [k, v] : ledger["per_ecosystem"].items()) EXPECT_EQ(per_eco[k], v.get<int>()) << k;
    for (const json& n : ledger["not_projects"]) EXPECT_TRUE(rows.insert(n["row"].get<long>()).second) << "row " << n["row"] << " twice";
    for (const json& d : ledger["dirty_rows"])
      for (const json& r : d["rows"]) EXPECT_TRUE(rows.count(r.get<long>())) << d["case"] << ": row " << r;
  }
  // The office ledger has every dirty case of the issue.
  std::set<std::string> cases;
  for (const json& d : ledgerOf(truth, "office_2024h1.xlsx")["dirty_rows"]) cases.insert(d["case"].get<std::string>());
  EXPECT_EQ(cases, (std::set<std::string>{"a_duplicate_id", "b_investment_blank", "b_investment_tbd", "c_resigned_duplicate", "d_lonlat_swapped",
                                          "e_coordinates_in_shanghai", "f_zero_investment", "g_coordinates_zero", "h_old_district_name"}));
}

// The truth's row numbers are where a user sees each row: the Excel row, the CSV line, the
// shapefile's feature id.
TEST(LedgerFixtures, TruthRowsAreWhereAUserSeesThem) {
  const json truth = readTruth(committedDir());
  ASSERT_TRUE(truth.is_object());
  auto lines = [](const std::string& text) {
    std::vector<std::string> out;
    size_t a = 0;
    for (size_t b; (b = text.find("\r\n", a)) != std::string::npos; a = b + 2) out.push_back(text.substr(a, b - a));
    return out;
  };
  {
    const json& ledger = ledgerOf(truth, "office_2024h1.xlsx");
    const auto g = sheetGrid(committedDir() / "office_2024h1.xlsx");
    auto cellB = [&](long row) { return row >= 1 && row <= static_cast<long>(g.size()) ? g[row - 1][1] : std::string("(no row)"); };
    for (const json& p : ledger["projects"]) {
      EXPECT_EQ(cellB(p["row"].get<long>()), p["name"].get<std::string>()) << "office row " << p["row"];
      EXPECT_EQ(g[p["row"].get<long>() - 1][0], p["ledger_id"].get<std::string>()) << "office row " << p["row"];
    }
    for (const json& n : ledger["not_projects"])
      if (n["kind"] == "subtotal" || n["kind"] == "total") EXPECT_EQ(cellB(n["row"].get<long>()), n["text"].get<std::string>());
    for (const json& d : ledger["dirty_rows"])
      if (d["case"] == "c_resigned_duplicate") EXPECT_EQ(cellB(d["rows"][0].get<long>()), cellB(d["rows"][1].get<long>()));
    EXPECT_EQ(ledger["not_projects"].back()["row"].get<long>(), static_cast<long>(g.size())) << "the 合计 row is the last";
  }
  for (const char* file : {"pipeline_gbk.csv", "dms_ledger.csv"}) {
    const json& ledger = ledgerOf(truth, file);
    std::string text = slurp(committedDir() / file);
    if (!isValidUtf8(text)) text = recodeFromGbk(text);
    const auto ls = lines(text);
    for (const json& p : ledger["projects"]) {
      const long row = p["row"].get<long>();
      ASSERT_LE(row, static_cast<long>(ls.size())) << file;
      EXPECT_EQ(ls[row - 1].rfind(p["ledger_id"].get<std::string>() + "," + p["name"].get<std::string>() + ",", 0), 0u) << file << " line " << row;
    }
  }
  {
    const json& ledger = ledgerOf(truth, "gis_export_gbk.shp");
    CPLSetThreadLocalConfigOption("SHAPE_ENCODING", "CP936");
    std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(GDALOpenEx((committedDir() / "gis_export_gbk.shp").string().c_str(),
                                                                         GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    CPLSetThreadLocalConfigOption("SHAPE_ENCODING", nullptr);
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    EXPECT_EQ(layer->GetFeatureCount(), static_cast<GIntBig>(ledger["projects"].size()));
    for (const json& p : ledger["projects"]) {
      std::unique_ptr<OGRFeature> f(layer->GetFeature(p["row"].get<long>()));
      ASSERT_TRUE(f) << "feature " << p["row"];
      EXPECT_EQ(std::string(f->GetFieldAsString(0)), p["name"].get<std::string>());
    }
  }
}

// ---- importing them --------------------------------------------------------------------------

namespace {

class LedgerImport : public ::testing::Test {
 protected:
  struct Loaded {
    Model model;
    LoadReport report;
  };
  static void SetUpTestSuite() {
    // A copy: the import writes its report beside the source.
    dir_ = new TempDir("chainmap-ledger-import");
    for (const auto& e : fs::directory_iterator(committedDir()))
      if (e.is_regular_file()) fs::copy_file(e.path(), dir_->path / e.path().filename());
    truth_ = new json(readTruth(dir_->path));
    loaded_ = new std::map<std::string, Loaded>;
  }
  static void TearDownTestSuite() {
    delete loaded_;
    delete truth_;
    delete dir_;
  }
  void SetUp() override { ASSERT_TRUE(truth_->is_object()) << "truth.json unreadable"; }

  // As `chainmap --data DATA --projects FILE` loads it (no cache, no saved mapping).
  static const Loaded& load(const std::string& file) {
    auto it = loaded_->find(file);
    if (it != loaded_->end()) return it->second;
    Loaded& l = (*loaded_)[file];
    LoadOptions o;
    o.data_dir = CHAINMAP_TEST_DATA;
    o.projects_file = (dir_->path / file).string();
    o.use_cache = false;
    l.model = loadModel(o, l.report);
    return l;
  }
  static std::string errors(const LoadReport& r) {
    std::string s;
    for (const std::string& e : r.errors) s += "\n  " + e;
    return s;
  }
  static bool unknownInvestment(const Projects& p, size_t i) { return !p.investmentKnown(i); }
  // The loaded projects of this name (names are unique in a ledger's truth).
  static std::vector<size_t> byName(const Projects& p, const std::string& name) {
    std::vector<size_t> out;
    for (size_t i = 0; i < p.size(); ++i)
      if (p.name_zh[i] == name) out.push_back(i);
    return out;
  }
  // The one loaded project for a truth project: by name, preferring the truth's district.
  static long match(const Projects& p, const json& t) {
    const auto hits = byName(p, t["name"].get<std::string>());
    for (size_t i : hits)
      if (p.district_adcode[i] == t["district"].get<int>()) return static_cast<long>(i);
    return hits.empty() ? -1 : static_cast<long>(hits[0]);
  }
  static bool reported(const LoadReport& r, long row) {
    if (!r.import) return false;
    for (const ImportReport::Problem& pr : r.import->report.problems)
      if (std::find(pr.rows.begin(), pr.rows.end(), row) != pr.rows.end()) return true;
    return false;
  }

  // Every check of the truth for one ledger; failures name the ledger and what differs.
  static void expectTruth(const std::string& file) {
    SCOPED_TRACE(file);
    const json& T = ledgerOf(*truth_, file);
    ASSERT_TRUE(T.is_object()) << file << " not in truth.json";
    const Loaded& l = load(file);
    ASSERT_FALSE(l.report.fatal()) << file << " does not load:" << errors(l.report);
    const Projects& p = l.model.projects;
    const std::string summary = l.report.import ? l.report.import->report.summary(Lang::En) : "(not through the importer)";
    EXPECT_EQ(p.size(), T["project_count"].get<size_t>()) << "project count; import: " << summary;
    double yi = 0, fdi = 0;
    int unknown = 0;
    std::map<int, int> per_district;
    for (size_t i = 0; i < p.size(); ++i) {
      if (unknownInvestment(p, i)) ++unknown;
      else yi += p.investment_yi[i];
      if (std::isfinite(p.fdi_musd[i])) fdi += p.fdi_musd[i];
      ++per_district[p.district_adcode[i]];
    }
    EXPECT_NEAR(yi, T["investment_yi_sum"].get<double>(), 0.01) << "Σ investment (亿元) of projects with a known amount";
    EXPECT_EQ(unknown, T["investment_unknown_count"].get<int>()) << "projects with unknown investment";
    EXPECT_NEAR(fdi, T["fdi_musd_sum"].get<double>(), 0.01) << "Σ FDI (million USD)";
    std::string district_diff;
    std::map<int, int> want;
    for (const auto& [k, v] : T["per_district"].items()) want[std::stoi(k)] = v.get<int>();
    std::set<int> keys;
    for (const auto& [k, v] : want) keys.insert(k);
    for (const auto& [k, v] : per_district) keys.insert(k);
    for (int k : keys)
      if (want[k] != per_district[k]) district_diff += " " + std::to_string(k) + ": " + std::to_string(per_district[k]) + " (truth " + std::to_string(want[k]) + ")";
    EXPECT_TRUE(district_diff.empty()) << "projects per district differ:" << district_diff;

    int matched = 0, not_other = 0, as_other = 0, wrong_eco = 0, placed_far = 0, month_wrong = 0, dated = 0, undated = 0, dated_wrongly = 0;
    std::string missing, far, eco_examples, month_examples, invented;
    auto note = [](std::string& list, int n, const std::string& what) {
      if (n <= 5) list += "\n  " + what;
    };
    int missing_n = 0;
    for (const json& t : T["projects"]) {
      const std::string name = t["name"].get<std::string>();
      const long i = match(p, t);
      if (i < 0) {
        note(missing, ++missing_n, "row " + std::to_string(t["row"].get<long>()) + " " + name);
        continue;
      }
      ++matched;
      const std::string eco = t["ecosystem"].get<std::string>();
      if (eco != "other") {
        ++not_other;
        const std::string got(info(p.ecosystem[i]).id);
        if (got == "other") note(eco_examples, ++as_other + wrong_eco, "'" + t["written"]["industry"].get<std::string>() + "' → other (truth " + eco + ")");
        else if (got != eco) note(eco_examples, as_other + ++wrong_eco, "'" + t["written"]["industry"].get<std::string>() + "' → " + got + " (truth " + eco + ")");
      }
      if (!t["lon"].is_null()) {
        const double d = geodesicDistanceM(p.lon[i], p.lat[i], t["lon"].get<double>(), t["lat"].get<double>());
        if (!(d <= 50)) note(far, ++placed_far, "row " + std::to_string(t["row"].get<long>()) + " " + name + ": " + std::to_string(std::lround(d)) + " m");
      }
      if (t["undated"].get<bool>()) {
        ++undated;
        if (p.signed_day[i] != Projects::kNoDay) note(invented, ++dated_wrongly, name + ": " + formatDate(p.signed_day[i]));
      } else {
        ++dated;
        const int32_t want_day = *parseDate(t["signed"].get<std::string>());
        if (p.signed_day[i] == Projects::kNoDay || monthOfDay(p.signed_day[i]) != monthOfDay(want_day))
          note(month_examples, ++month_wrong, name + ": '" + t["written"]["date"].get<std::string>() + "'");
      }
    }
    const int n = static_cast<int>(T["projects"].size());
    EXPECT_EQ(matched, n) << (n - matched) << " of " << n << " truth projects not found by name:" << missing;
    EXPECT_LE(as_other, not_other / 20) << as_other << " of " << not_other << " projects read as ecosystem other:" << eco_examples;
    EXPECT_LE(wrong_eco, not_other / 20) << wrong_eco << " of " << not_other << " projects in a wrong ecosystem:" << eco_examples;
    EXPECT_EQ(placed_far, 0) << placed_far << " projects more than 50 m from where they are:" << far;
    EXPECT_EQ(month_wrong, 0) << month_wrong << " of " << dated << " signing months wrong:" << month_examples;
    EXPECT_EQ(dated_wrongly, 0) << dated_wrongly << " of " << undated
                                << " projects got a signing date (Projects::kNoDay expected) though the ledger gives none:" << invented;
  }

  static inline TempDir* dir_ = nullptr;
  static inline json* truth_ = nullptr;
  static inline std::map<std::string, Loaded>* loaded_ = nullptr;
};

}  // namespace

TEST_F(LedgerImport, OfficeSigningLedgerXlsx) { expectTruth("office_2024h1.xlsx"); }
TEST_F(LedgerImport, PipelineGbkCsvWithoutDates) { expectTruth("pipeline_gbk.csv"); }
TEST_F(LedgerImport, GisExportShapefileInGbk) { expectTruth("gis_export_gbk.shp"); }
TEST_F(LedgerImport, DegreesMinutesSecondsCsv) { expectTruth("dms_ledger.csv"); }

// Each dirty row of the ledgers handled as truth.json says.
TEST_F(LedgerImport, DirtyRowsAreHandledAsTheTruthSays) {
  for (const json& ledger : (*truth_)["ledgers"]) {
    const std::string file = ledger["file"].get<std::string>();
    if (ledger["dirty_rows"].empty()) continue;
    SCOPED_TRACE(file);
    const Loaded& l = load(file);
    if (l.report.fatal()) {
      ADD_FAILURE() << file << " does not load:" << errors(l.report);
      continue;
    }
    const Projects& p = l.model.projects;
    std::map<std::string, const json*> by_sample;
    for (const json& t : ledger["projects"]) by_sample[t["sample_id"].get<std::string>()] = &t;
    for (const json& d : ledger["dirty_rows"]) {
      const std::string c = d["case"].get<std::string>();
      const long row = d["rows"].back().get<long>();
      SCOPED_TRACE(c + " (row " + std::to_string(row) + "): " + d["written"].get<std::string>() + " — expect: " + d["expect"].get<std::string>());
      std::vector<const json*> ts;
      for (const json& id : d["sample_ids"]) ts.push_back(by_sample.at(id.get<std::string>()));
      const json& t = *ts[0];
      const long i = match(p, t);
      if (c == "a_duplicate_id") {
        for (const json* u : ts) EXPECT_GE(match(p, *u), 0) << (*u)["name"] << " missing";
        continue;
      }
      if (i < 0) {
        ADD_FAILURE() << t["name"] << " missing";
        continue;
      }
      if (c == "b_investment_tbd" || c == "b_investment_blank") {
        EXPECT_TRUE(unknownInvestment(p, i)) << "investment " << p.investment_yi[i];
      } else if (c == "c_resigned_duplicate") {
        EXPECT_EQ(byName(p, t["name"].get<std::string>()).size(), 1u) << "counted once";
        EXPECT_NEAR(p.investment_yi[i], t["investment_yi"].get<double>(), 1e-4);
        EXPECT_EQ(formatDate(p.signed_day[i]).substr(0, 7), t["signed"].get<std::string>().substr(0, 7)) << "the first signing";
      } else if (c == "d_lonlat_swapped") {
        EXPECT_LE(geodesicDistanceM(p.lon[i], p.lat[i], t["lon"].get<double>(), t["lat"].get<double>()), 50.0);
      } else if (c == "e_coordinates_in_shanghai" || c == "g_coordinates_zero") {
        EXPECT_EQ(p.district_adcode[i], t["district"].get<int>()) << "kept in its district";
        EXPECT_NE(p.approx[i], 0) << "placed approximately (park or district), not at the written point";
        EXPECT_TRUE(reported(l.report, row)) << "the load report names row " << row;
      } else if (c == "f_zero_investment") {
        EXPECT_EQ(p.investment_yi[i], 0.f) << "kept with 0";
        EXPECT_TRUE(reported(l.report, row)) << "the load report names row " << row;
      } else if (c == "h_old_district_name") {
        EXPECT_EQ(p.district_adcode[i], 330113) << "临平区 by its point";
      } else {
        ADD_FAILURE() << "unknown case";
      }
    }
  }
}
