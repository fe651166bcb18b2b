// Real office ledgers opened in the window (the App in-process, headless): the office's signing
// ledger counts every real project once and asks, in the category dialog, for the industries it
// could not place; the decisions saved beside the table are used the next time; a pipeline ledger
// without dates shows its projects, counted, with a bar of their own; undated projects leave a
// narrowed time window unless "include undated" is ticked.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/catalog.h"
#include "data/model_loader.h"
#include "started_app.h"
#include "temp_dir.h"

using namespace cm;
using namespace cm::test;
namespace fs = std::filesystem;

namespace {


std::string copyLedger(const TempDir& dir, const std::string& name) {
  const fs::path src = fs::path(CHAINMAP_FIXTURES) / "ledgers" / name;
  for (const char* ext : {"", ".shx", ".dbf", ".prj"}) {
    fs::path from = src;
    if (*ext) from.replace_extension(ext);
    if (fs::exists(from)) fs::copy_file(from, dir.path / from.filename());
  }
  return (dir.path / name).string();
}

}  // namespace

TEST(LedgerApp, TheOfficeLedgerCountsOnceAndAsksForTheIndustriesItCannotPlace) {
  Started s("", 1280, 720);
  ASSERT_TRUE(s.ok);
  TempDir dir("chainmap-ledger-app");
  const std::string xlsx = copyLedger(dir, "office_2024h1.xlsx");
  s.app.openProjects(xlsx);
  waitLoaded(s.app);
  const Projects& p = s.app.model().projects;
  EXPECT_EQ(p.size(), 143u) << "143 real projects: subtotals left out, the re-signing counted once, both of a shared 序号 kept";
  // The two texts below confidence wait in the category dialog, read as other meanwhile.
  auto pending = s.app.pendingCategories();
  ASSERT_TRUE(pending) << "the category dialog should be open";
  EXPECT_EQ(pending->undecidedRows(), 2);
  ASSERT_TRUE(s.app.capture(1280, 720)) << "a frame with the dialog and the report draws";
  EXPECT_TRUE(s.app.state().import) << "the report is in the window";
  // What a person picks and saves: 食品饮料 → water beverages, 新型纤维材料 → fibres.
  FieldMapping m = pending->mapping;
  m.categories["食品饮料"] = {Ecosystem::Other, "water_beverages"};
  m.categories["新型纤维材料"] = {Ecosystem::Mat, "advanced_fibres"};
  s.app.applyMapping(pending, m, true);
  waitLoaded(s.app);
  EXPECT_FALSE(s.app.pendingCategories()) << "nothing left to decide";
  ASSERT_EQ(s.app.model().projects.size(), 143u);
  const Projects& q = s.app.model().projects;
  int fibres = 0, water = 0;
  for (size_t i = 0; i < q.size(); ++i) {
    const std::string& chain = q.chain_names[q.chain[i]];
    fibres += chain == "advanced_fibres";
    water += chain == "water_beverages";
  }
  EXPECT_GE(fibres, 1);
  EXPECT_GE(water, 1);
  // Saved beside the table: the next open asks nothing.
  std::ifstream in(xlsx + ".chainmap.json");
  const std::string saved((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(saved.find("\"categories\""), std::string::npos) << saved;
  EXPECT_NE(saved.find("食品饮料"), std::string::npos) << saved;
  s.app.openProjects(xlsx);
  waitLoaded(s.app);
  EXPECT_FALSE(s.app.pendingCategories()) << "the saved decisions were used";
  EXPECT_EQ(s.app.model().projects.size(), 143u);
}

TEST(LedgerApp, APipelineWithoutDatesIsCountedAndDrawn) {
  Started s("", 1280, 720);
  ASSERT_TRUE(s.ok);
  TempDir dir("chainmap-ledger-app");
  s.app.openProjects(copyLedger(dir, "pipeline_gbk.csv"));
  waitLoaded(s.app);
  ASSERT_EQ(s.app.model().projects.size(), 54u);
  const AppState& st = s.app.state();
  EXPECT_FALSE(st.timeline.dated) << "no project has a signing date";
  EXPECT_TRUE(st.filter.undated);
  auto img = s.app.capture(1280, 720);
  ASSERT_TRUE(img) << img.error();
  for (size_t i = 0; i < s.app.model().projects.size(); ++i) EXPECT_FALSE(s.app.model().projects.dated(i));
}

TEST(LedgerApp, UndatedProjectsLeaveANarrowedWindowUnlessIncluded) {
  TempDir dir("chainmap-ledger-app");
  const std::string csv = (dir.path / "mixed.csv").string();
  std::ofstream(csv) << "项目名称,所在区县,签约日期,总投资（亿元）,产业类别\n"
                        "甲,滨江区,2024-01-05,3,集成电路设计\n"
                        "乙,西湖区,2024-03-01,2,创新药研发\n"
                        "丙,余杭区,2024-06-10,5,工业机器人\n"
                        "丁,萧山区,,1,新能源汽车零部件\n"
                        "戊,临安区,,待定,光伏组件\n";
  Started s(csv, 1280, 720);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  s.app.advance(0);
  EXPECT_TRUE(st.timeline.dated);
  EXPECT_EQ(s.app.derived().stats().total.count, 5) << "the whole timeline counts the undated too";
  EXPECT_EQ(s.app.derived().stats().undated.count, 2);
  EXPECT_EQ(s.app.derived().stats().investment_unknown, 1);
  EXPECT_NEAR(s.app.derived().stats().total.investment_yi, 11.0, 1e-4) << "the unknown amount is left out of the sum";
  st.filter.month_from = monthIndex(2024, 1);
  st.filter.month_to = monthIndex(2024, 3);
  s.app.advance(0);
  EXPECT_FALSE(st.filter.undated);
  EXPECT_EQ(s.app.derived().stats().total.count, 2) << "a narrowed window: the dated ones in it";
  st.timeline.include_undated = true;
  s.app.advance(0);
  EXPECT_EQ(s.app.derived().stats().total.count, 4) << "ticked: the undated ones too";
  ASSERT_TRUE(s.app.capture(1280, 720));
}
