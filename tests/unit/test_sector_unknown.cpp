// A project whose source states no sector is Sector::Unknown end to end (issue 17, "one truth for
// every figure"): never manufacturing — not in the annual targets (Derived::targets(), --stats
// with targets), an empty cell in an export that reads back as unknown, and what the importer and
// the canonical CSV give when no column (or no industry) says.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/derived.h"
#include "core/stats_report.h"
#include "data/csv_chunks.h"
#include "data/gdal/export_projects.h"
#include "data/import/import_projects.h"
#include "data/model_loader.h"
#include "platform/data_paths.h"
#include "sample_model.h"
#include "file_text.h"

using namespace cm;
namespace fs = std::filesystem;

namespace {

constexpr int kUnknown = static_cast<int>(Sector::Unknown);

fs::path tempDir(const std::string& name) {
  const fs::path d = fs::path(::testing::TempDir()) / ("chainmap_sector_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

using cm::test::writeText;

// The sample with every fourth manufacturing project that counts toward the 2024 targets (signed
// January–July 2024, at least 1 亿) turned into one that states no sector.
struct Unstated {
  std::shared_ptr<Model> model;
  int64_t n1 = 0, n10 = 0;  // how many of them are ≥ 1 亿 and ≥ 10 亿
  std::vector<std::string> ids;
};
Unstated sampleWithUnstated() {
  Unstated u;
  u.model = std::make_shared<Model>();
  EXPECT_TRUE(test::loadModel(*u.model, defaultProjectsFile()));
  Projects& p = u.model->projects;
  int seen = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.sector[i] != Sector::Manufacturing || !p.dated(i) || p.investment_yi[i] < 1.f) continue;
    const int month = projectMonth(p, i);
    if (month < monthIndex(2024, 1) || month > monthIndex(2024, 7) || seen++ % 4 != 0) continue;
    p.sector[i] = Sector::Unknown;
    ++u.n1;
    u.n10 += p.investment_yi[i] >= 10.f;
    u.ids.emplace_back(p.id[i]);
  }
  return u;
}

DerivedInputs windowInputs(const std::shared_ptr<Model>& m, uint64_t rev) {
  DerivedInputs in;
  in.model = m;
  in.model_rev = rev;
  in.filter.month_from = monthIndex(2024, 1);
  in.filter.month_to = monthIndex(2024, 7);
  in.first_month = monthIndex(2023, 1);
  in.last_month = monthIndex(2024, 12);
  in.units_per_px = 300;
  return in;
}

// The cells of a CSV text (the exporter's: BOM, quoted fields), by the loader's own tokenizer.
std::vector<std::vector<std::string>> csvCells(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  const CsvHeader h = readCsvHeader(text.data(), text.size());
  rows.push_back(h.columns);
  CsvTokenizer t(text.data() + h.data_begin, text.data() + text.size());
  std::vector<std::string_view> f;
  while (t.next(f)) rows.emplace_back(f.begin(), f.end());
  return rows;
}

// A table as an office writes it, without an industry column; `sector` ("" none) adds a sector
// column with `values`, one a row.
RawTable officeTable(const std::string& sector, const std::vector<std::string>& values) {
  RawTable t;
  t.source = t.display_source = "office.csv";
  t.format = "CSV";
  t.columns = {"项目名称", "总投资(万元)", "签约日期", "所在区县", "经度", "纬度"};
  if (!sector.empty()) t.columns.push_back(sector);
  const std::vector<std::vector<std::string>> rows{
      {"甲项目", "50000", "2024-03-05", "滨江区", "120.22598", "30.20454"},
      {"乙项目", "120000", "2024-04-18", "拱墅区", "120.18014", "30.28394"},
      {"丙项目", "80000", "2024-06-30", "西湖区", "120.15064", "30.22399"},
      {"丁项目", "30000", "2024-07-15", "萧山区", "120.32858", "30.06116"},
  };
  for (size_t r = 0; r < rows.size(); ++r) {
    t.rows.push_back(rows[r]);
    if (!sector.empty()) t.rows.back().push_back(r < values.size() ? values[r] : "");
    t.row_numbers.push_back(static_cast<long>(r + 2));
  }
  return t;
}

bool hasDecision(const ImportReport& r, const std::string& key) {
  for (const Msg& m : r.decisions)
    if (m.key == key) return true;
  return false;
}

}  // namespace

TEST(SectorUnknown, TheAnnualTargetsDoNotCountProjectsThatStateNoSector) {
  const auto targets = loadTargets(assetDir() + "/targets.json");  // 2024: 300 and 55
  ASSERT_TRUE(targets) << targets.error();
  const Unstated u = sampleWithUnstated();
  ASSERT_GT(u.n1, 10) << "enough of them to tell";
  ASSERT_GT(u.n10, 0);
  // The window's targets (every sector shown by the filter): the unstated ones are not counted.
  Derived d;
  d.setTargets(*targets);
  d.update(windowInputs(u.model, 1));
  ASSERT_NE(d.targets(), nullptr);
  EXPECT_TRUE(d.targets()->has_target);
  EXPECT_EQ(d.targets()->n1, 220 - u.n1) << "the sample's 220 (FACTS.md) less the projects that state no sector";
  EXPECT_EQ(d.targets()->n10, 38 - u.n10);
  EXPECT_EQ(d.stats().by_sector[kUnknown].count, u.n1) << "yet they are in the window's figures, as not stated";
  // --stats with the targets' filter (--sector manufacturing): the same numbers.
  Filter f = windowInputs(u.model, 1).filter;
  f.sectors = 1u << static_cast<int>(Sector::Manufacturing);
  f.min_investment_yi = 1;
  const nlohmann::json j = statsReport(*u.model, f, &*targets);
  EXPECT_EQ(j["targets"]["projects_1yi"]["actual"].get<int64_t>(), 220 - u.n1) << j.dump(1);
  EXPECT_EQ(j["targets"]["projects_10yi"]["actual"].get<int64_t>(), 38 - u.n10);
  EXPECT_EQ(j["by_sector"]["unknown"].get<int64_t>(), 0);
  EXPECT_EQ(j["by_sector"]["manufacturing"].get<int64_t>(), 220 - u.n1);
  // Every sector: by_sector says how many state none.
  Filter every = windowInputs(u.model, 1).filter;
  every.min_investment_yi = 1;
  const nlohmann::json all = statsReport(*u.model, every, nullptr);
  // Whatever else the filter says, --stats reports the window's targets (one rule, core/targets.h).
  const nlohmann::json with_targets = statsReport(*u.model, every, &*targets);
  EXPECT_EQ(with_targets["targets"]["projects_1yi"]["actual"].get<int64_t>(), 220 - u.n1) << with_targets["targets"].dump();
  EXPECT_EQ(all["by_sector"]["unknown"].get<int64_t>(), u.n1);
  EXPECT_EQ(all["by_sector"]["manufacturing"].get<int64_t>() + all["by_sector"]["service"].get<int64_t>() + u.n1,
            all["count"].get<int64_t>());
}

TEST(SectorUnknown, AnExportWritesAnEmptySectorThatReadsBackAsUnknown) {
  const Unstated u = sampleWithUnstated();
  ASSERT_FALSE(u.ids.empty());
  const fs::path dir = tempDir("export");
  const fs::path out = dir / "export.csv";
  auto n = exportProjects(*u.model, Filter{}, out.string());
  ASSERT_TRUE(n) << n.error();
  EXPECT_EQ(*n, u.model->projects.size());
  // The cell is empty — never "manufacturing".
  std::ifstream in(out, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const auto cells = csvCells(text.str());
  ASSERT_GT(cells.size(), 1u);
  const auto col = [&](const std::string& name) { return std::find(cells[0].begin(), cells[0].end(), name) - cells[0].begin(); };
  const size_t id = col("id"), sector = col("sector");
  ASSERT_LT(sector, cells[0].size());
  size_t empty = 0;
  for (size_t r = 1; r < cells.size(); ++r) {
    const bool unstated = std::find(u.ids.begin(), u.ids.end(), cells[r][id]) != u.ids.end();
    EXPECT_EQ(cells[r][sector].empty(), unstated) << cells[r][id] << ": '" << cells[r][sector] << "'";
    empty += cells[r][sector].empty();
  }
  EXPECT_EQ(empty, u.ids.size());
  // Read back, by the canonical loader and by the window's own path (loadModel): the same sectors.
  Model back;
  ASSERT_TRUE(test::loadModel(back, out.string()));
  EXPECT_EQ(back.projects.sector, u.model->projects.sector);
  LoadOptions lo;
  lo.data_dir = CHAINMAP_TEST_DATA;
  lo.projects_file = out.string();
  lo.use_cache = false;
  LoadReport rep;
  const Model loaded = loadModel(lo, rep);
  ASSERT_FALSE(rep.fatal());
  EXPECT_EQ(loaded.projects.sector, u.model->projects.sector);
  fs::remove_all(dir);
}

TEST(SectorUnknown, TheCanonicalCsvReadsAnEmptySectorAsUnknownAndRejectsAnotherValue) {
  const fs::path dir = tempDir("csv");
  const std::string head = "id,name_zh,ecosystem,sector,investment_yi,signed_date,lon,lat\n";
  writeText(dir / "with.csv", head +
                                  "A,甲,iot,manufacturing,5,2024-03-05,120.22598,30.20454\n"
                                  "B,乙,iot,service,5,2024-03-05,120.22598,30.20454\n"
                                  "C,丙,iot,,5,2024-03-05,120.22598,30.20454\n"
                                  "D,丁,iot,mining,5,2024-03-05,120.22598,30.20454\n");
  Model m;
  std::vector<std::string> w;
  ASSERT_TRUE(test::loadModel(m, (dir / "with.csv").string(), &w));
  ASSERT_EQ(m.projects.size(), 3u);
  EXPECT_EQ(m.projects.sector, (std::vector<Sector>{Sector::Manufacturing, Sector::Service, Sector::Unknown}));
  ASSERT_FALSE(w.empty());
  EXPECT_NE(w.front().find("unknown sector 'mining'"), std::string::npos) << w.front();
  // No sector column at all: every project states none.
  writeText(dir / "without.csv", "id,name_zh,ecosystem,investment_yi,signed_date,lon,lat\n"
                                 "A,甲,iot,5,2024-03-05,120.22598,30.20454\n");
  Model n;
  ASSERT_TRUE(test::loadModel(n, (dir / "without.csv").string()));
  ASSERT_EQ(n.projects.size(), 1u);
  EXPECT_EQ(n.projects.sector[0], Sector::Unknown);
  fs::remove_all(dir);
}

TEST(SectorUnknown, TheImporterGivesUnknownWhenNothingSaysTheSector) {
  Model map;
  ASSERT_TRUE(test::loadMap(map));
  auto to_xy = Transform::create(kWgs84, kDefaultDisplayCrs);
  ASSERT_TRUE(to_xy);
  // No sector column and no industry to infer it from.
  {
    const RawTable t = officeTable("", {});
    const FieldMapping fm = guessMapping(t);
    ASSERT_LT(fm.column(Field::Sector), 0);
    ASSERT_LT(fm.column(Field::Industry), 0);
    auto r = importProjects(t, fm, map.districts, map.parks, *to_xy);
    ASSERT_TRUE(r) << r.error();
    ASSERT_EQ(r->projects.size(), 4u) << r->report.summary(Lang::En);
    for (Sector s : r->projects.sector) EXPECT_EQ(s, Sector::Unknown);
    EXPECT_TRUE(hasDecision(r->report, "import.d_sector_default"));
    for (const std::string& line : r->report.decisionLines(Lang::En))
      EXPECT_EQ(line.find("read as manufacturing"), std::string::npos) << line;
  }
  // A sector column: what it says, and a value that is neither is unknown — and reported.
  {
    const RawTable t = officeTable("行业类别", {"制造业", "服务业", "其他", ""});
    FieldMapping fm = guessMapping(t);
    if (fm.column(Field::Sector) < 0) fm[Field::Sector].column = 6;
    auto r = importProjects(t, fm, map.districts, map.parks, *to_xy);
    ASSERT_TRUE(r) << r.error();
    ASSERT_EQ(r->projects.size(), 4u) << r->report.summary(Lang::En);
    EXPECT_EQ(r->projects.sector,
              (std::vector<Sector>{Sector::Manufacturing, Sector::Service, Sector::Unknown, Sector::Unknown}));
    EXPECT_EQ(r->report.count("import.sector_unknown"), 1) << "the value that is neither; an empty cell is simply not stated";
    bool said = false;
    for (const std::string& line : r->report.lines(Lang::En)) {
      EXPECT_EQ(line.find("read as manufacturing"), std::string::npos) << line;
      said |= line.find("read as unknown") != std::string::npos;
    }
    EXPECT_TRUE(said);
  }
}
