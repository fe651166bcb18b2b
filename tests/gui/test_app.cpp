// The App in-process (no display needed: EGL surfaceless): fixed-step frames, captures at any size,
// the frame driver re-running a frame whose panels changed the state, the model replaced at run
// time, and shutdown with GL objects alive.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <filesystem>
#include <fstream>
#include <memory>

#include "started_app.h"
#include "temp_dir.h"
#include "core/stats.h"
#include "data/model_loader.h"
#include "ui/app.h"
#include "ui/startup.h"
#include "ui_support/recent_files.h"
#include "import_fixtures.h"
#include "pg_server.h"
#include "test_paths.h"

using namespace cm;

using cm::test::waitLoaded;

namespace {

using cm::test::kFixture;

using test::Started;

// Frames until a load started on the worker is in (up to 60 s of wall time, whatever the load
// on the machine), then one more so its result is shown.

}  // namespace

TEST(App, FixedTimeStepPlaysTheTimelineFrameExactly) {
  Started s(kFixture, 900, 600);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  st.filter.month_to = st.filter.month_from;
  st.timeline.playing = true;
  st.timeline.step_seconds = 0.5;
  // 2.9 s in frames of 1/30 s: five whole steps, whatever the wall clock did meanwhile.
  for (int i = 0; i < 87; ++i) s.app.advance(1.0 / 30);
  EXPECT_EQ(st.filter.month_to, st.filter.month_from + 5);
  // The totals follow within the same frame.
  const Stats ref = computeStats(*s.model, st.filter);
  EXPECT_EQ(s.app.derived().stats().total.count, ref.total.count);
  ASSERT_NE(s.app.derived().statsFilter(), nullptr);
  EXPECT_EQ(*s.app.derived().statsFilter(), st.filter);
}

TEST(App, APanelThatChangesTheStateGetsTheFrameBuiltAgain) {
  Started s(kFixture, 900, 600);
  ASSERT_TRUE(s.ok);
  s.app.advance(0);
  int calls = 0;
  s.app.addPanel({"test", Dock::RightTop, false, [&calls](UiContext& ui) {
                    if (calls++ == 0) ui.st.filter.ecosystems = 1u << static_cast<int>(Ecosystem::Bio);
                  }});
  const FrameStats fs = s.app.advance(0);
  EXPECT_EQ(fs.passes, 2) << "the frame was not rebuilt after a panel changed the filter";
  ASSERT_NE(s.app.derived().statsFilter(), nullptr);
  EXPECT_EQ(*s.app.derived().statsFilter(), s.app.state().filter) << "totals lag the map by a frame";
  EXPECT_EQ(s.app.derived().stats().total.count, 2);  // R2 and R6 are the fixture's bio projects
  EXPECT_EQ(s.app.advance(0).passes, 1);
}

// A section (a feature's part of another panel: the Analysis header's, the toolbar's) is drawn by
// the panel that holds it, never docked on its own: with the Analysis header folded (as it starts)
// an analysis section is not drawn at all; a toolbar section is drawn once a frame.
TEST(App, SectionsAreDrawnByTheirPanelOnly) {
  Started s(kFixture, 1280, 720);  // the sidebar open (not the compact layout's rail)
  ASSERT_TRUE(s.ok);
  int analysis = 0, toolbar = 0;
  s.app.addPanel({"test_analysis", Dock::Left, false, [&analysis](UiContext&) { ++analysis; }, {}, "analysis", 99});
  s.app.addPanel({"test_toolbar", Dock::Left, false, [&toolbar](UiContext&) { ++toolbar; }, {}, "toolbar", 99});
  const FrameStats fs = s.app.advance(0);
  EXPECT_EQ(analysis, 0) << "an analysis section was drawn with its header folded";
  EXPECT_EQ(toolbar, fs.passes) << "a toolbar section was drawn other than once a pass";
}

TEST(App, CapturesAtAnySizeUpToTheGlLimit) {
  Started s(kFixture, 800, 500);
  ASSERT_TRUE(s.ok);
  const View before = s.app.state().view;
  auto same = s.app.capture();
  ASSERT_TRUE(same) << same.error();
  EXPECT_EQ(same->w, 800);
  EXPECT_EQ(same->h, 500);
  auto big = s.app.capture(3200, 2000);
  ASSERT_TRUE(big) << big.error();
  EXPECT_EQ(big->w, 3200);
  EXPECT_EQ(big->h, 2000);
  EXPECT_EQ(big->rgba.size(), size_t(3200) * 2000 * 4);
  EXPECT_TRUE(s.app.state().view == before) << "a capture must not move the view";
  // The map fills the larger image: its centre is a district fill in both.
  auto at = [](const Image& img, int x, int y) { return &img.rgba[(size_t(y) * img.w + x) * 4]; };
  const unsigned char* c = at(*big, 1600, 1000);
  EXPECT_GT(c[0], 200);
  auto huge = s.app.capture(100000, 100);
  ASSERT_FALSE(huge);
  EXPECT_NE(huge.error().find("at most"), std::string::npos) << huge.error();
}

// The choropleth is not recoloured while switched off (MapLayer::prepareWhileHidden: a filter
// change would cost it milliseconds for nothing). Switched on after filter changes, it must show
// the current filter's classes: the same frame as when it was on all along.
TEST(App, AChoroplethSwitchedOnLateShowsTheCurrentFilter) {
  Started s("", 800, 500);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  auto differing = [](const Image& a, const Image& b) {
    size_t n = 0;
    for (size_t k = 0; k < a.rgba.size() && k < b.rgba.size(); ++k) n += a.rgba[k] != b.rgba[k];
    return n;
  };
  const Filter all = st.filter;
  Filter bio = all;
  bio.ecosystems = 1u << static_cast<int>(Ecosystem::Bio);
  bio.min_investment_yi = 5.f;
  st.layers.set("choropleth", true);
  st.filter = bio;
  auto on_all_along = s.app.capture();  // the reference: on, with the final filter
  st.filter = all;
  auto on_unfiltered = s.app.capture();  // prepared for another filter, then hidden
  ASSERT_TRUE(on_all_along && on_unfiltered);
  ASSERT_GT(differing(*on_all_along, *on_unfiltered), 10000u) << "the two filters must colour the districts apart";
  st.layers.set("choropleth", false);
  auto off = s.app.capture();
  ASSERT_TRUE(off);
  EXPECT_GT(differing(*off, *on_unfiltered), 10000u) << "switching the choropleth off changed almost nothing";
  st.filter.ecosystems = 1u << static_cast<int>(Ecosystem::Iot);  // changes while hidden
  s.app.advance(0);
  st.filter = bio;
  s.app.advance(0);
  st.layers.set("choropleth", true);
  auto late = s.app.capture();
  ASSERT_TRUE(late);
  EXPECT_EQ(differing(*late, *on_all_along), 0u) << "switched on late, the choropleth does not show the current filter";
}

TEST(App, TheModelCanBeReplacedAndTheOldOneIsReleased) {
  Started s(kFixture, 900, 600);
  ASSERT_TRUE(s.ok);
  s.app.advance(0);
  std::weak_ptr<Model> old = s.model;
  s.model.reset();
  // Open the sample in its place, off the UI thread, as a file dropped on the window is.
  s.app.openProjects("");
  EXPECT_TRUE(s.app.loading());
  waitLoaded(s.app);
  ASSERT_FALSE(s.app.loading());
  s.app.advance(0);
  EXPECT_GT(s.app.model().projects.size(), 1000u);
  EXPECT_EQ(s.app.modelRevision(), 2u);
  EXPECT_TRUE(old.expired()) << "something still holds the old model";
  EXPECT_EQ(s.app.derived().stats().total.count, static_cast<int64_t>(s.app.model().projects.size()));
  auto img = s.app.capture();
  ASSERT_TRUE(img);
}

TEST(App, ABrokenFileKeepsTheCurrentModelAndSaysWhy) {
  Started s(kFixture, 900, 600);
  ASSERT_TRUE(s.ok);
  s.app.advance(0);
  const std::string empty = ::testing::TempDir() + "chainmap_empty_projects.csv";
  std::ofstream(empty).close();
  s.app.openProjects(empty);
  waitLoaded(s.app);
  EXPECT_EQ(s.app.model().projects.size(), 6u) << "the fixture must stay on screen";
  ASSERT_FALSE(s.app.state().errors.empty());
  EXPECT_NE(s.app.state().errors.back().find("chainmap_empty_projects.csv"), std::string::npos);
}

// A file that fails to open leaves the recent list (the browser would offer it again, to fail
// again); the others stay. The list lives under a temporary XDG_DATA_HOME.
TEST(App, AFileThatFailsToOpenLeavesTheRecentList) {
  const std::string data_home = ::testing::TempDir() + "chainmap_recent_home";
  std::filesystem::remove_all(data_home);
  const char* old = std::getenv("XDG_DATA_HOME");
  const std::string old_value = old ? old : "";
  ::setenv("XDG_DATA_HOME", data_home.c_str(), 1);
  const std::string broken = ::testing::TempDir() + "chainmap_recent_broken.csv";
  std::ofstream(broken).close();  // empty: fails to open
  {
    RecentFiles seeded;
    seeded.add(kFixture);
    seeded.add(broken);  // most recent first: broken, then the fixture
    ASSERT_EQ(seeded.save(recentFilesPath()), "");
  }
  {
    Started s(kFixture, 900, 600);  // reads the list when it starts
    ASSERT_TRUE(s.ok);
    s.app.advance(0);
    s.app.openProjects(broken);  // as a click on the recent entry does
    waitLoaded(s.app);
    ASSERT_FALSE(s.app.state().errors.empty()) << "the file was meant to fail";
  }
  RecentFiles after;
  EXPECT_EQ(after.load(recentFilesPath()), "");
  EXPECT_EQ(after.items(), std::vector<std::string>{RecentFiles::normalise(kFixture)});
  if (old) ::setenv("XDG_DATA_HOME", old_value.c_str(), 1);
  else ::unsetenv("XDG_DATA_HOME");
}

TEST(App, ShutsDownWithEveryGlObjectAlive) {
  // Destroyed right after a frame drew every layer: no crash, no GL call without a context.
  auto s = std::make_unique<Started>(kFixture, 900, 600);
  ASSERT_TRUE(s->ok);
  s->app.advance(0);
  ASSERT_TRUE(s->app.capture(640, 400));
  s.reset();
  // And an App whose start never ran (a load error in a headless mode) goes quietly too.
  App bare;
  ASSERT_TRUE(bare.openHeadless(200, 100));
}

TEST(App, ALiveDatabaseReloadsInPlaceKeepingViewFiltersAndSelection) {
  test::PgServer pg;
  ASSERT_TRUE(pg.ok()) << pg.error();
  ASSERT_TRUE(pg.exec(test::registrySql())) << pg.execError();
  Started s(pg.gdal(), 900, 600, "projects");
  ASSERT_TRUE(s.ok);
  ASSERT_EQ(s.app.model().projects.size(), 5u);
  AppState& st = s.app.state();
  st.filter.ecosystems = 1u << static_cast<int>(Ecosystem::Iot);
  st.view.panPixels(40, -25);
  st.view.zoomAt({450, 300}, 1.7);
  const auto& ids = s.app.model().projects.id;
  st.selected = static_cast<int>(std::find(ids.begin(), ids.end(), "HZ2024-001") - ids.begin());
  s.app.advance(0);
  const View view = st.view;
  const Filter filter = st.filter;
  ASSERT_EQ(s.app.derived().stats().total.count, 2);  // the two iot rows
  // Rows change in the database; F5 reads it again in place.
  ASSERT_TRUE(pg.exec("INSERT INTO projects VALUES ('HZ2024-009','视觉终端','智能物联','视觉智能',90000,'2024-05-01','滨江区',"
                      "ST_SetSRID(ST_MakePoint(120.2100,30.2000),4326)); DELETE FROM projects WHERE 项目编号='HZ2024-002';"))
      << pg.execError();
  s.app.reload();
  EXPECT_TRUE(s.app.loading());
  waitLoaded(s.app);
  ASSERT_EQ(s.app.modelRevision(), 2u) << ::testing::PrintToString(st.errors);
  EXPECT_EQ(s.app.model().projects.size(), 5u);
  EXPECT_TRUE(st.view == view) << "the view stays";
  EXPECT_EQ(st.filter.ecosystems, filter.ecosystems) << "the filters stay";
  ASSERT_GE(st.selected, 0);
  EXPECT_EQ(s.app.model().projects.id[st.selected], "HZ2024-001") << "the selection follows its id";
  EXPECT_EQ(s.app.derived().stats().total.count, 2);  // HZ2024-001 and the new HZ2024-009
  // --watch: with a fixed step, a reload every 0.5 s of frames.
  s.app.setWatch(0.5);
  ASSERT_TRUE(pg.exec("DELETE FROM projects WHERE 项目编号='HZ2024-009';")) << pg.execError();
  for (int i = 0; i < 30; ++i) s.app.advance(0.02);  // 0.6 s: one reload started
  waitLoaded(s.app);
  EXPECT_EQ(s.app.model().projects.size(), 4u);
  EXPECT_EQ(s.app.modelRevision(), 3u);
}

TEST(App, ATableThatNeedsItsMappingOpensTheDialogAndAppliesIt) {
  Started s(kFixture, 900, 600);
  ASSERT_TRUE(s.ok);
  test::TempDir dir("chainmap-unclear");  // fresh: no mapping saved by an earlier run beside it
  const std::string csv = (dir.path / "chainmap_unclear.csv").string();
  std::ofstream(csv) << "序号,企业,金额（万元）,时间,地点\n1,杭州某智能制造项目,50000,2024年3月5日,滨江区\n2,某生物医药研发中心,12000,2024/4/18,西湖区\n";
  s.app.openProjects(csv);
  waitLoaded(s.app);
  auto pending = s.app.pendingMapping();
  ASSERT_TRUE(pending) << "the mapping dialog should be open";
  EXPECT_EQ(s.app.model().projects.size(), 6u) << "the map keeps the current data meanwhile";
  // What a user picks in the dialog: the name, the amount (its unit from the header), the place.
  FieldMapping m = pending->mapping;
  m[Field::NameZh] = {1, Confidence::High, Msg("ChosenByHand"), {}};
  m[Field::Investment] = {2, Confidence::High, Msg("ChosenByHand"), {}};
  m.investment_unit = unitFromHeader(pending->table.columns[2]);
  m[Field::District] = {4, Confidence::High, Msg("ChosenByHand"), {}};
  s.app.applyMapping(pending, m, true);
  waitLoaded(s.app);
  ASSERT_EQ(s.app.model().projects.size(), 2u);
  EXPECT_NEAR(s.app.model().projects.investment_yi[0], 5.0, 1e-6);  // 50000 万元
  EXPECT_EQ(s.app.model().projects.approx[0], 2) << "no coordinates: placed in its district";
  EXPECT_TRUE(s.app.state().errors.empty());
  // Saved beside the table, and used the next time it opens.
  ASSERT_TRUE(std::filesystem::exists(csv + ".chainmap.json"));
  LoadReport rep;
  loadModel({CHAINMAP_TEST_DATA, csv, "", "", ""}, rep);
  EXPECT_FALSE(rep.needs_mapping);
  EXPECT_FALSE(rep.fatal());
  std::filesystem::remove(csv + ".chainmap.json");
}
