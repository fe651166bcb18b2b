// A long day at the viewer, compressed: random UI events fed to the App in-process, as a window
// would deliver them (App::feed: pointer moves, presses, drags, wheel, keys — including Ctrl+Q,
// Ctrl+T, F11, F5, M, L), mixed with window resizes, language switches, filter changes and
// timeline moves, a few events a frame. Nothing may crash or trip an assertion, the state must
// stay sane, and the resident memory after the warm-up must not keep growing.
//
// CI feeds CHAINMAP_LONG_RUN_EVENTS events (default 4,000; the sanitizer pass 50,000 under ASan);
// the 100,000: CHAINMAP_LONG_RUN_EVENTS=100000 build/tests/chainmap_gui_tests --gtest_filter='LongRun.*'
#define GLFW_INCLUDE_NONE  // GLFW without the GL header (glad provides it)
#include <GLFW/glfw3.h>  // key codes only
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "memory_use.h"
#include "started_app.h"

using namespace cm;

namespace {

int eventCount() {
  const char* e = std::getenv("CHAINMAP_LONG_RUN_EVENTS");
  const long n = e ? std::strtol(e, nullptr, 10) : 0;
  return n > 0 ? static_cast<int>(n) : 4000;
}

}  // namespace

TEST(LongRun, RandomEventsNeverCrashAndMemoryStaysFlat) {
  test::Started s("", 800, 500);
  ASSERT_TRUE(s.ok);
  App& app = s.app;
  std::mt19937 rng(11);
  auto uni = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); };
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  const int keys[][2] = {{GLFW_KEY_LEFT, 0},   {GLFW_KEY_RIGHT, 0}, {GLFW_KEY_UP, 0},     {GLFW_KEY_DOWN, 0},
                         {GLFW_KEY_EQUAL, 0},  {GLFW_KEY_MINUS, 0}, {GLFW_KEY_F, 0},      {GLFW_KEY_L, 0},
                         {GLFW_KEY_ESCAPE, 0}, {GLFW_KEY_M, 0},     {GLFW_KEY_ENTER, 0},  {GLFW_KEY_BACKSPACE, 0},
                         {GLFW_KEY_COMMA, 0},  {GLFW_KEY_PERIOD, 0}, {GLFW_KEY_SPACE, 0}, {GLFW_KEY_F11, 0},
                         {GLFW_KEY_F5, 0},     {GLFW_KEY_T, GLFW_MOD_CONTROL}, {GLFW_KEY_Q, GLFW_MOD_CONTROL},
                         {GLFW_KEY_EQUAL, GLFW_MOD_CONTROL}, {GLFW_KEY_MINUS, GLFW_MOD_CONTROL}, {GLFW_KEY_0, GLFW_MOD_CONTROL},
                         {GLFW_KEY_PAGE_UP, 0}, {GLFW_KEY_PAGE_DOWN, 0}, {GLFW_KEY_HOME, 0}};
  const int n = eventCount(), warm = std::min(n / 4, 1000);
  App::Input in;
  double warm_mb = 0, peak_after_warm = 0;
  for (int e = 0; e < n; ++e) {
    AppState& st = app.state();
    const int w = st.view.width, h = st.view.height;
    switch (pick(12)) {
      case 0: case 1: case 2:  // the pointer moves (a drag when a button is held)
        in.x = static_cast<float>(uni(-20, w + 20)), in.y = static_cast<float>(uni(-20, h + 20));
        break;
      case 3: in.buttons = pick(2) ? (in.buttons | 1) : (in.buttons & ~1); break;  // left press / release
      case 4: in.buttons = pick(4) == 0 ? (in.buttons ^ 2) : in.buttons; break;  // right, now and then
      case 5: in.wheel = static_cast<float>(uni(-3, 3)); break;
      case 6: case 7: in.key = keys[pick(static_cast<int>(std::size(keys)))][0]; in.mods = 0;
        for (const auto& k : keys) if (k[0] == in.key && k[1] && pick(2)) in.mods = k[1];
        break;
      case 8:  // the window is resized (a frame size change, as a resize delivers it)
        if (pick(6) == 0) st.view.width = 320 + pick(1300), st.view.height = 240 + pick(800);
        break;
      case 9: st.lang = st.lang == Lang::Zh ? Lang::En : Lang::Zh; break;
      case 10: {  // a filter change
        st.filter.ecosystems = pick(2) ? kAllEcosystems : (1u << pick(kEcosystemCount));
        st.filter.min_investment_yi = pick(3) == 0 ? static_cast<float>(uni(0, 60)) : 0.f;
        break;
      }
      case 11: {  // the timeline window moves
        const int span = std::max(1, st.timeline.last_month - st.timeline.first_month);
        const int a = st.timeline.first_month + pick(span + 1), b = st.timeline.first_month + pick(span + 1);
        st.filter.month_from = std::min(a, b), st.filter.month_to = std::max(a, b);
        break;
      }
    }
    app.feed(in);
    in.wheel = 0, in.key = 0;
    if (e % 4 == 3) app.advance(1.0 / 30);  // a few events a frame, as a busy user makes them
    if (e == warm) warm_mb = test::memoryInUseMb();
    if (e > warm) peak_after_warm = std::max(peak_after_warm, test::memoryInUseMb());
    // The state stays sane whatever was pressed.
    ASSERT_GT(app.state().view.units_per_px, 0) << "event " << e;
    ASSERT_TRUE(std::isfinite(app.state().view.center.x) && std::isfinite(app.state().view.center.y)) << "event " << e;
    ASSERT_LE(app.state().filter.month_from, app.state().filter.month_to) << "event " << e;
  }
  app.advance(1.0 / 30);
  // Memory flat: past the warm-up (atlases for a few UI scales, caches filled) the memory in use
  // (resident; under ASan the live heap, see memory_use.h) grows by less than 40 MB over the rest
  // of the run (a leak per frame or per event would not).
  EXPECT_LT(peak_after_warm - warm_mb, 40.0) << test::memoryMeasure() << " " << warm_mb << " MB after " << warm << " events, " << peak_after_warm
                                              << " MB at most after";
}
