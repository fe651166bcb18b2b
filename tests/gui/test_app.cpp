// The App in-process (needs a display: Xvfb in CI): fixed-step frames, captures at any size,
// the frame driver re-running a frame whose panels changed the state, the model replaced at run
// time, and shutdown with GL objects alive.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>

#include "core/stats.h"
#include "data/model_loader.h"
#include "ui/app.h"
#include "ui/startup.h"

using namespace cm;

namespace {

const std::string kFixture = std::string(CHAINMAP_FIXTURES) + "/render_projects.csv";

// An App on `projects` at w×h, started as main.cpp starts it.
struct Started {
  App app;
  std::shared_ptr<Model> model;
  bool ok = false;
  Started(const std::string& projects, int w = 900, int h = 600) {
    if (!std::getenv("DISPLAY")) {
      ADD_FAILURE() << "GUI tests need a display: run them under xvfb-run (scripts/test.sh does)";
      return;
    }
    StartupLoader load({CHAINMAP_TEST_DATA, projects, ""}, true);
    auto window = app.openWindow(w, h);
    load.join();
    EXPECT_TRUE(window) << window.error();
    EXPECT_FALSE(load.report.fatal());
    if (!window || !*load.fonts) return;
    model = load.model;
    AppState st = defaultState(*model);
    st.view.width = w;
    st.view.height = h;
    fitHome(st);
    auto started = app.start(model, st, load.fonts->take());
    EXPECT_TRUE(started) << started.error();
    ok = bool(started);
  }
};

}  // namespace

TEST(App, FixedTimeStepPlaysTheTimelineFrameExactly) {
  Started s(kFixture);
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
  Started s(kFixture);
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

TEST(App, TheModelCanBeReplacedAndTheOldOneIsReleased) {
  Started s(kFixture);
  ASSERT_TRUE(s.ok);
  s.app.advance(0);
  std::weak_ptr<Model> old = s.model;
  s.model.reset();
  // Open the sample in its place, off the UI thread, as a file dropped on the window is.
  s.app.openProjects("");
  EXPECT_TRUE(s.app.loading());
  for (int i = 0; i < 600 && s.app.loading(); ++i) s.app.advance(0.01);
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
  Started s(kFixture);
  ASSERT_TRUE(s.ok);
  s.app.advance(0);
  const std::string empty = ::testing::TempDir() + "chainmap_empty_projects.csv";
  std::ofstream(empty).close();
  s.app.openProjects(empty);
  for (int i = 0; i < 600 && s.app.loading(); ++i) s.app.advance(0.01);
  s.app.advance(0);
  EXPECT_EQ(s.app.model().projects.size(), 6u) << "the fixture must stay on screen";
  ASSERT_FALSE(s.app.state().errors.empty());
  EXPECT_NE(s.app.state().errors.back().find("chainmap_empty_projects.csv"), std::string::npos);
}

TEST(App, ShutsDownWithEveryGlObjectAlive) {
  // Destroyed right after a frame drew every layer: no crash, no GL call without a context.
  auto s = std::make_unique<Started>(kFixture);
  ASSERT_TRUE(s->ok);
  s->app.advance(0);
  ASSERT_TRUE(s->app.capture(640, 400));
  s.reset();
  // And an App whose start never ran (a load error in a headless mode) goes quietly too.
  App bare;
  ASSERT_TRUE(bare.openWindow(200, 100));
}
