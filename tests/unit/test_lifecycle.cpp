// Life-cycle stages by date (core/lifecycle.h) for life-cycle playback: the rules, the counts on
// the shipped sample against an independent count from the CSV text, their monotonicity; the
// producing_date column in the generator (consistent with the stage, the sample's other columns
// untouched), the CSV loader, the importer's header synonyms and the export.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/catalog.h"
#include "core/dates.h"
#include "core/lifecycle.h"
#include "data/generator.h"
#include "data/gdal/export_projects.h"
#include "data/import/import_projects.h"
#include "import_fixtures.h"
#include "sample_model.h"
#include "temp_dir.h"
#include "file_text.h"

using namespace cm;
namespace fs = std::filesystem;

namespace {

constexpr int32_t kNo = Projects::kNoDay;
using cm::test::slurp;


int32_t day(int y, int m, int d) { return daysFromCivil(y, m, d); }

// ---------------------------------------------------------------------------------------------
// The rules

Projects rowsWithDates(const std::vector<std::array<int32_t, 3>>& dates) {
  Projects p;
  for (const auto& [s, st, pr] : dates) {
    p.id.push_back("P" + std::to_string(p.id.size()));
    p.signed_day.push_back(s);
    p.started_day.push_back(st);
    p.producing_day.push_back(pr);
  }
  return p;
}

TEST(LifeStage, RulesByTheThreeDates) {
  const int32_t s = day(2023, 3, 1), st = day(2023, 6, 1), pr = day(2024, 6, 1);
  const Projects p = rowsWithDates({{s, st, pr}, {s, kNo, kNo}, {s, st, kNo}, {s, kNo, pr}});
  // All three dates: signed → under construction → producing, each from its day on.
  EXPECT_EQ(lifeStageAt(p, 0, s - 1), LifeStage::NotYetSigned);
  EXPECT_EQ(lifeStageAt(p, 0, s), LifeStage::Signed);
  EXPECT_EQ(lifeStageAt(p, 0, st - 1), LifeStage::Signed);
  EXPECT_EQ(lifeStageAt(p, 0, st), LifeStage::UnderConstruction);
  EXPECT_EQ(lifeStageAt(p, 0, pr - 1), LifeStage::UnderConstruction);
  EXPECT_EQ(lifeStageAt(p, 0, pr), LifeStage::Producing);
  EXPECT_EQ(lifeStageAt(p, 0, day(2030, 1, 1)), LifeStage::Producing);
  // Never started: signed for ever.
  EXPECT_EQ(lifeStageAt(p, 1, s - 1), LifeStage::NotYetSigned);
  EXPECT_EQ(lifeStageAt(p, 1, day(2030, 1, 1)), LifeStage::Signed);
  // Started, no producing date: under construction for ever.
  EXPECT_EQ(lifeStageAt(p, 2, st - 1), LifeStage::Signed);
  EXPECT_EQ(lifeStageAt(p, 2, day(2030, 1, 1)), LifeStage::UnderConstruction);
  // A producing date without a start date: started at production.
  EXPECT_EQ(lifeStageAt(p, 3, st), LifeStage::Signed);
  EXPECT_EQ(lifeStageAt(p, 3, pr - 1), LifeStage::Signed);
  EXPECT_EQ(lifeStageAt(p, 3, pr), LifeStage::Producing);
}

TEST(LifeStage, OutOfOrderDatesAndShortColumns) {
  const int32_t s = day(2023, 3, 1);
  // Producing before the start (a source's error): producing from the start on.
  Projects p = rowsWithDates({{s, day(2023, 9, 1), day(2023, 5, 1)}});
  EXPECT_EQ(lifeStageAt(p, 0, day(2023, 6, 1)), LifeStage::Signed);
  EXPECT_EQ(lifeStageAt(p, 0, day(2023, 9, 1)), LifeStage::Producing);
  // Started before signing: nothing before the signing day.
  p = rowsWithDates({{s, day(2023, 1, 1), kNo}});
  EXPECT_EQ(lifeStageAt(p, 0, day(2023, 2, 1)), LifeStage::NotYetSigned);
  EXPECT_EQ(lifeStageAt(p, 0, s), LifeStage::UnderConstruction);
  // Hand-built rows without the date columns (as some tests build them) read as no dates.
  Projects q;
  q.signed_day = {s};
  EXPECT_EQ(lifeStageAt(q, 0, s), LifeStage::Signed);
}

TEST(Dates, FirstAndLastDayOfMonth) {
  EXPECT_EQ(lastDayOfMonth(monthIndex(2024, 2)), day(2024, 2, 29));
  EXPECT_EQ(lastDayOfMonth(monthIndex(2023, 2)), day(2023, 2, 28));
  EXPECT_EQ(lastDayOfMonth(monthIndex(2023, 12)), day(2023, 12, 31));
  EXPECT_EQ(lastDayOfMonth(monthIndex(2024, 6)), day(2024, 6, 30));
  EXPECT_EQ(firstDayOfMonth(monthIndex(2024, 1)), day(2024, 1, 1));
  for (int m = monthIndex(2022, 1); m <= monthIndex(2026, 12); ++m) {
    EXPECT_EQ(monthOfDay(firstDayOfMonth(m)), m);
    EXPECT_EQ(monthOfDay(lastDayOfMonth(m)), m);
    EXPECT_EQ(lastDayOfMonth(m) + 1, firstDayOfMonth(m + 1));
  }
}

// ---------------------------------------------------------------------------------------------
// The shipped sample

class LifeSample : public test::SampleSuite {};

// The sample's rows as text, by column name: nothing of the loader or the model.
struct CsvRows {
  std::map<std::string, size_t> col;
  std::vector<std::vector<std::string>> rows;
  const std::string& at(size_t r, const char* name) const { return rows[r][col.at(name)]; }
};
CsvRows readPlainCsv(const std::string& path) {  // the sample has no quoted fields
  CsvRows out;
  std::istringstream in(slurp(path));
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::string cell;
    std::istringstream ls(line);
    while (std::getline(ls, cell, ',')) f.push_back(cell);
    if (!line.empty() && line.back() == ',') f.push_back("");
    if (header) {
      for (size_t i = 0; i < f.size(); ++i) out.col[f[i]] = i;
      header = false;
    } else if (!f.empty()) {
      out.rows.push_back(f);
    }
  }
  return out;
}

// "YYYY-MM-DD" compares as text; "" is no date.
std::array<int64_t, 3> independentCount(const CsvRows& csv, const std::string& on, bool (*keep)(const CsvRows&, size_t)) {
  std::array<int64_t, 3> n{};
  for (size_t r = 0; r < csv.rows.size(); ++r) {
    if (!keep(csv, r)) continue;
    const std::string& s = csv.at(r, "signed_date");
    std::string st = csv.at(r, "started_date");
    const std::string& pr = csv.at(r, "producing_date");
    if (on < s) continue;
    if (st.empty()) st = pr;
    if (st.empty() || on < st) ++n[0];
    else if (pr.empty() || on < pr) ++n[1];
    else ++n[2];
  }
  return n;
}

const char* const kDays[] = {"2023-06-30", "2023-12-31", "2024-06-30", "2024-12-31"};

int32_t parsed(const char* d) { return *parseDate(d); }

TEST_F(LifeSample, CountsOnFourDatesMatchAnIndependentCount) {
  const CsvRows csv = readPlainCsv(defaultProjectsFile());
  ASSERT_EQ(csv.rows.size(), m().projects.size());
  ASSERT_TRUE(csv.col.count("producing_date"));
  std::array<LifeStageCounts, 4> c;
  for (int k = 0; k < 4; ++k) {
    c[k] = lifeStageCounts(m(), Filter{}, parsed(kDays[k]));
    const auto want = independentCount(csv, kDays[k], [](const CsvRows&, size_t) { return true; });
    EXPECT_EQ(c[k].signed_only, want[0]) << kDays[k];
    EXPECT_EQ(c[k].under_construction, want[1]) << kDays[k];
    EXPECT_EQ(c[k].producing, want[2]) << kDays[k];
    std::printf("%s  signed %lld (%.1f 亿)  under construction %lld (%.1f 亿)  producing %lld (%.1f 亿)\n", kDays[k],
                static_cast<long long>(c[k].signed_only), c[k].investment_yi[0], static_cast<long long>(c[k].under_construction),
                c[k].investment_yi[1], static_cast<long long>(c[k].producing), c[k].investment_yi[2]);
  }
  // Playing 2023 → 2024 shows all three stages in visible numbers.
  EXPECT_GT(c[0].signed_only, 100);
  EXPECT_GT(c[1].under_construction, 100);
  EXPECT_GT(c[2].producing, 20);
  EXPECT_GT(c[3].producing, 100);
  EXPECT_EQ(c[0].producing, 0) << "nothing signed in 2023 produces within half a year";
  // Everything signed by the end of 2024 is counted once on 2024-12-31.
  EXPECT_EQ(c[3].signed_only + c[3].under_construction + c[3].producing, static_cast<int64_t>(m().projects.size()));
  double inv = 0;
  for (float v : m().projects.investment_yi) inv += v;
  EXPECT_NEAR(c[3].investment_yi[0] + c[3].investment_yi[1] + c[3].investment_yi[2], inv, 1e-3);
}

TEST_F(LifeSample, TheFilterAndItsWindowApply) {
  // The report's projects: manufacturing >= 1亿 signed January–July 2024.
  Filter f;
  f.sectors = 1;
  f.min_investment_yi = 1.f;
  f.month_from = monthIndex(2024, 1);
  f.month_to = monthIndex(2024, 7);
  const CsvRows csv = readPlainCsv(defaultProjectsFile());
  auto keep = [](const CsvRows& c, size_t r) {
    const std::string& s = c.at(r, "signed_date");
    return c.at(r, "sector") == "manufacturing" && std::stod(c.at(r, "investment_yi")) >= 1.0 && s >= "2024-01-01" && s <= "2024-07-31";
  };
  for (const char* d : kDays) {
    const LifeStageCounts c = lifeStageCounts(m(), f, parsed(d));
    const auto want = independentCount(csv, d, keep);
    EXPECT_EQ(c.signed_only, want[0]) << d;
    EXPECT_EQ(c.under_construction, want[1]) << d;
    EXPECT_EQ(c.producing, want[2]) << d;
  }
  // After July 2024 all 220 are signed; before 2024 none is.
  const LifeStageCounts end = lifeStageCounts(m(), f, day(2024, 12, 31));
  EXPECT_EQ(end.signed_only + end.under_construction + end.producing, 220);
  const LifeStageCounts before = lifeStageCounts(m(), f, day(2023, 12, 31));
  EXPECT_EQ(before.signed_only + before.under_construction + before.producing, 0);
  // The end of the window's last month is the helper's.
  const LifeStageCounts at_end = lifeStageCounts(m(), f, lastDayOfMonth(f.month_to));
  EXPECT_EQ(at_end.signed_only + at_end.under_construction + at_end.producing, 220);
}

TEST_F(LifeSample, CountsAreMonotoneOverTime) {
  std::vector<Filter> filters(3);
  filters[1].month_from = monthIndex(2023, 1), filters[1].month_to = monthIndex(2023, 12);
  filters[2].sectors = 2;  // service
  filters[2].month_from = monthIndex(2024, 1), filters[2].month_to = monthIndex(2024, 7);
  for (size_t k = 0; k < filters.size(); ++k) {
    LifeStageCounts prev;
    for (int32_t d = day(2022, 12, 1); d <= day(2025, 6, 30); d += 5) {
      const LifeStageCounts c = lifeStageCounts(m(), filters[k], d);
      EXPECT_GE(c.producing, prev.producing) << k << " " << formatDate(d);
      EXPECT_GE(c.under_construction + c.producing, prev.under_construction + prev.producing) << k << " " << formatDate(d);
      EXPECT_GE(c.total(), prev.total()) << k << " " << formatDate(d);
      EXPECT_GE(c.investment_yi[2], prev.investment_yi[2] - 1e-9) << k << " " << formatDate(d);
      prev = c;
    }
  }
}

// Producing dates agree with the stage as of the sample's date (2024-12-31) and take plausible times.
void expectProducingConsistent(const Projects& p, int32_t as_of) {
  int producing = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    SCOPED_TRACE(p.id[i]);
    const bool in_operation = p.stage[i] >= kStageInOperation;
    ASSERT_EQ(p.producing_day[i] != kNo, in_operation) << "stage " << kStages[p.stage[i]].id;
    if (!in_operation) continue;
    ++producing;
    ASSERT_NE(p.started_day[i], kNo) << "never started, yet producing";
    EXPECT_LE(p.producing_day[i], as_of);
    const int32_t lag = p.producing_day[i] - p.started_day[i];
    const bool service = p.sector[i] == Sector::Service;
    EXPECT_GE(lag, service ? 90 : 180);
    EXPECT_LE(lag, service ? 450 : p.investment_yi[i] >= 50 ? 1080 : 730);
    if (p.stage[i] == kStageCount - 1) EXPECT_LE(p.producing_day[i], as_of - 90) << "full production some months after 投产";
  }
  EXPECT_GT(producing, 0);
}

TEST_F(LifeSample, ProducingDatesAgreeWithTheStage) { expectProducingConsistent(m().projects, day(2024, 12, 31)); }

TEST_F(LifeSample, ScaleSetsCarryConsistentProducingDates) {
  test::TempDir dir("chainmap-life");
  const std::string path = (dir.path / "scale.csv").string();
  ASSERT_TRUE(generateProjects(path, GeneratorOptions{3, 3000}, m().districts, m().parks));
  Model big;
  std::vector<std::string> warnings;
  ASSERT_TRUE(test::loadModel(big, path, &warnings));
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  expectProducingConsistent(big.projects, day(2024, 12, 31));
}

// The producing_date column (and later the chain_role column) was added without moving any other
// draw: with them removed, the sample is byte for byte the file it was before (FNV-1a 64 of that file).
TEST_F(LifeSample, TheSamplesOtherColumnsAreUnchanged) {
  const std::string text = slurp(defaultProjectsFile());
  std::string stripped;
  size_t k = std::string::npos, role = std::string::npos;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    size_t a = 0;
    for (size_t b; (b = line.find(',', a)) != std::string::npos; a = b + 1) f.push_back(line.substr(a, b - a));
    f.push_back(line.substr(a));
    if (k == std::string::npos) {
      for (size_t i = 0; i < f.size(); ++i) {
        if (f[i] == "producing_date") k = i;
        if (f[i] == "chain_role") role = i;
      }
      ASSERT_NE(k, std::string::npos) << "the sample has a producing_date column";
    }
    ASSERT_GT(f.size(), k);
    if (role != std::string::npos) {  // after producing_date: erase it first
      ASSERT_GT(f.size(), role);
      ASSERT_GT(role, k);
      f.erase(f.begin() + static_cast<std::ptrdiff_t>(role));
    }
    f.erase(f.begin() + static_cast<std::ptrdiff_t>(k));
    for (size_t i = 0; i < f.size(); ++i) stripped += (i ? "," : "") + f[i];
    stripped += '\n';
  }
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : stripped) h = (h ^ c) * 0x100000001b3ull;
  EXPECT_EQ(stripped.size(), 356061u);
  EXPECT_EQ(h, 0xf8a49b4852cfb984ull) << "a column other than producing_date changed";
}

// ---------------------------------------------------------------------------------------------
// Loaders and the export

TEST(LifeCsv, TheLoaderReadsProducingDateAndToleratesItsAbsence) {
  // Without the column (the fixtures predate it): loads as before, no producing dates.
  Model old;
  std::vector<std::string> w;
  ASSERT_TRUE(test::loadModel(old, std::string(CHAINMAP_FIXTURES) + "/projects_small.csv", &w));
  EXPECT_TRUE(w.empty());
  ASSERT_EQ(old.projects.producing_day.size(), old.projects.size());
  for (int32_t d : old.projects.producing_day) EXPECT_EQ(d, kNo);
  EXPECT_EQ(lifeStageAt(old.projects, 0, day(2024, 1, 1)), LifeStage::UnderConstruction);  // T1 started 2023-09-01

  test::TempDir dir("chainmap-life");
  const fs::path f = dir.path / "life.csv";
  test::writeFile(f,
                  "id,name_zh,ecosystem,investment_yi,signed_date,started_date,producing_date,stage,lon,lat\n"
                  "A,甲,iot,2,2023-02-01,2023-05-01,2024-05-20,in_operation,120.2,30.2\n"
                  "B,乙,bio,3,2023-02-01,,2024-03-01,,120.2,30.2\n"            // producing, no start, no stage
                  "C,丙,mat,4,2023-02-01,2023-05-01,,,120.2,30.2\n"            // under construction
                  "D,丁,mat,4,2023-02-01,2023-05-01,2024-13-01,,120.2,30.2\n"  // not a date: skipped
                  "E,戊,mat,4,2023-02-01,2023-05-01,2023-04-01,,120.2,30.2\n"); // before the start: kept, warned
  Model m;
  ASSERT_TRUE(test::loadModel(m, f.string(), &w));
  const Projects& p = m.projects;
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p.producing_day[0], day(2024, 5, 20));
  EXPECT_EQ(p.producing_day[1], day(2024, 3, 1));
  EXPECT_EQ(p.stage[1], kStageInOperation) << "stage from the dates";
  EXPECT_EQ(p.producing_day[2], kNo);
  EXPECT_EQ(p.stage[2], kStageConstructionStarted);
  EXPECT_EQ(lifeStageAt(p, 1, day(2024, 2, 1)), LifeStage::Signed);
  EXPECT_EQ(lifeStageAt(p, 1, day(2024, 3, 1)), LifeStage::Producing);
  std::string all;
  for (const std::string& s : w) all += s + "\n";
  EXPECT_NE(all.find("producing_date '2024-13-01' is not a date"), std::string::npos) << all;
  EXPECT_NE(all.find("before the start date"), std::string::npos) << all;
}

class LifeImport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    map_ = new Model;
    ok_ = test::loadMap(*map_);
  }
  static void TearDownTestSuite() { delete map_; }
  void SetUp() override { ASSERT_TRUE(ok_); }
  static inline Model* map_ = nullptr;
  static inline bool ok_ = false;
};

TEST_F(LifeImport, StartAndProducingHeadersAreMapped) {
  // Each header alone beside the required columns maps to its field.
  const std::pair<const char*, Field> headers[] = {
      {"投产日期", Field::ProducingDate},   {"投产时间", Field::ProducingDate}, {"竣工投产", Field::ProducingDate},
      {"达产日期", Field::ProducingDate},   {"production_date", Field::ProducingDate}, {"producing_date", Field::ProducingDate},
      {"Operation date", Field::ProducingDate}, {"计划投产日期", Field::ProducingDate},
      {"开工日期", Field::StartedDate},     {"开工时间", Field::StartedDate},   {"动工日期", Field::StartedDate},
      {"started_date", Field::StartedDate}, {"Construction start", Field::StartedDate}, {"实际开工时间", Field::StartedDate}};
  for (const auto& [h, field] : headers) {
    RawTable t;
    t.columns = {"项目名称", "总投资(亿元)", "签约日期", h, "所在区县"};
    t.rows = {{"甲", "2", "2024-01-05", "2024-09-30", "西湖区"}};
    const FieldMapping m = guessMapping(t);
    EXPECT_EQ(m.column(field), 3) << h;
    EXPECT_EQ(m.column(Field::SignedDate), 2) << h;
    EXPECT_GE(m[field].confidence, Confidence::Medium) << h;
  }
  // Words about production that are not its date stay with their own fields.
  RawTable t;
  t.columns = {"项目名称", "总投资(亿元)", "签约日期", "投产状态", "是否投产", "所在区县"};
  t.rows = {{"甲", "2", "2024-01-05", "已投产", "是", "西湖区"}};
  const FieldMapping m = guessMapping(t);
  EXPECT_EQ(m.column(Field::ProducingDate), -1);
  EXPECT_EQ(m.column(Field::Stage), 3);
}

TEST_F(LifeImport, DatesAreReadAsSigningDatesAreAndExportedBack) {
  test::TempDir dir("chainmap-life");
  const fs::path f = dir.path / "life.csv";
  test::writeFile(f,
                  "项目编号,项目名称,总投资(万元),签约日期,开工日期,投产日期,所在区县\n"
                  "L1,甲,150000,2023年3月5日,2023/6/18,2024.09.30,西湖区\n"
                  "L2,乙,20000,2023-04-01,20230801,,滨江区\n"
                  "L3,丙,30000,2023-04-01,,2024年5月,萧山区\n"
                  "L4,丁,30000,2023-04-01,明年,待定,萧山区\n");
  auto t = readTable(f.string(), ReadOptions{});
  ASSERT_TRUE(t) << t.error();
  const FieldMapping mapping = guessMapping(*t);
  ASSERT_EQ(mapping.column(Field::StartedDate), 4);
  ASSERT_EQ(mapping.column(Field::ProducingDate), 5);
  EXPECT_EQ(std::string(fieldId(Field::ProducingDate)), "producing_date");
  EXPECT_EQ(fieldFromId("producing_date"), Field::ProducingDate);
  auto to_xy = Transform::create(kWgs84, kDefaultDisplayCrs);
  auto r = importProjects(*t, mapping, map_->districts, map_->parks, *to_xy);
  ASSERT_TRUE(r) << r.error();
  const Projects& p = r->projects;
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p.started_day[0], day(2023, 6, 18));
  EXPECT_EQ(p.producing_day[0], day(2024, 9, 30));
  EXPECT_EQ(p.started_day[1], day(2023, 8, 1));
  EXPECT_EQ(p.producing_day[1], kNo);
  EXPECT_EQ(p.started_day[2], kNo);
  EXPECT_EQ(p.producing_day[2], day(2024, 5, 1));
  EXPECT_EQ(p.stage[0], kStageInOperation);
  EXPECT_EQ(p.stage[1], kStageConstructionStarted);
  EXPECT_EQ(p.started_day[3], kNo);
  EXPECT_EQ(p.producing_day[3], kNo);
  const auto lines = r->report.lines(Lang::En);
  const std::string all = ::testing::PrintToString(lines);
  EXPECT_NE(all.find("投产日期 is not a date: left empty"), std::string::npos) << all;
  EXPECT_NE(all.find("开工日期 is not a date: left empty"), std::string::npos) << all;
  EXPECT_EQ(r->report.skipped, 0);

  // A saved mapping keeps the field by name.
  const auto j = mappingToJson(mapping, *t);
  EXPECT_EQ(j["fields"]["producing_date"], "投产日期");
  auto back_mapping = mappingFromJson(j, *t, "x.json");
  ASSERT_TRUE(back_mapping) << back_mapping.error();
  EXPECT_EQ(back_mapping->column(Field::ProducingDate), 5);

  // Exported, the column is there and reads back to the same dates.
  Model m = *map_;
  m.projects = p;
  for (const char* ext : {".csv", ".xlsx", ".gpkg"}) {
    SCOPED_TRACE(ext);
    const fs::path out = dir.path / (std::string("export") + ext);
    ASSERT_TRUE(exportProjects(m, Filter{}, out.string()));
    auto bt = readTable(out.string(), ReadOptions{});
    ASSERT_TRUE(bt) << bt.error();
    EXPECT_NE(std::find(bt->columns.begin(), bt->columns.end(), "producing_date"), bt->columns.end());
    const FieldMapping bm = guessMapping(*bt);
    EXPECT_EQ(bt->columns[bm.column(Field::ProducingDate)], "producing_date");
    auto back = importProjects(*bt, bm, map_->districts, map_->parks, *to_xy);
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(back->projects.producing_day, p.producing_day);
    EXPECT_EQ(back->projects.started_day, p.started_day);
  }
}

}  // namespace
