// A window resized to a tiny size and back (ui/map_input.cpp refitAfterResize): the map area
// degenerates at the tiny size, and the view must come back to the same centre and width.
#include <gtest/gtest.h>

#include "ui/app_impl.h"
#include "ui/app_state.h"
#include "ui/layout.h"

using namespace cm;

namespace {

AppState stateAt(int w, int h) {
  AppState st;
  st.view.width = w;
  st.view.height = h;
  st.view.center = {-12345.6, 3344556.7};  // somewhere over Hangzhou in the display CRS
  st.view.units_per_px = 37.5;
  return st;
}

// The world centre and width of the map area (what the user sees).
struct Shown {
  Vec2 centre;
  double width;
};
Shown shown(const AppState& st) {
  const layout::Rect r = layout::computeLayout(st.view.width, st.view.height, st.ui_scale, st.present, st.chrome).map;
  const Vec2 a = st.view.toWorld({r.x0, r.y0}), b = st.view.toWorld({r.x1, r.y1});
  return {{(a.x + b.x) / 2, (a.y + b.y) / 2}, b.x - a.x};
}

}  // namespace

TEST(Resize, TinyWindowAndBackKeepsTheView) {
  for (const auto& [w, h] : {std::pair{1920, 1080}, std::pair{1280, 720}}) {
    AppState st = stateAt(w, h);
    const Shown before = shown(st);
    for (const auto& [tw, th] : {std::pair{40, 30}, std::pair{1, 1}, std::pair{120, 90}}) {
      refitAfterResize(st, tw, th);
      refitAfterResize(st, w, h);
      const Shown after = shown(st);
      EXPECT_NEAR(after.centre.x, before.centre.x, 1e-6 * before.width) << tw << "x" << th;
      EXPECT_NEAR(after.centre.y, before.centre.y, 1e-6 * before.width) << tw << "x" << th;
      EXPECT_NEAR(after.width, before.width, 1e-6 * before.width) << tw << "x" << th;
    }
  }
}

TEST(Resize, ARoundOfSizesThroughATinyOneKeepsTheView) {
  AppState st = stateAt(1600, 900);
  const Shown before = shown(st);
  for (const auto& [w, h] : {std::pair{900, 900}, std::pair{300, 200}, std::pair{20, 20}, std::pair{700, 400}, std::pair{1600, 900}})
    refitAfterResize(st, w, h);
  const Shown after = shown(st);
  EXPECT_NEAR(after.centre.x, before.centre.x, 1e-6 * before.width);
  EXPECT_NEAR(after.centre.y, before.centre.y, 1e-6 * before.width);
  EXPECT_NEAR(after.width, before.width, 1e-6 * before.width);
}

TEST(Resize, APanBetweenResizesIsKept) {
  AppState st = stateAt(1600, 900);
  refitAfterResize(st, 800, 600);
  st.view.panPixels(100, 0);  // the user moves the map at the new size
  const Shown moved = shown(st);
  refitAfterResize(st, 20, 20);
  refitAfterResize(st, 800, 600);
  const Shown after = shown(st);
  EXPECT_NEAR(after.centre.x, moved.centre.x, 1e-6 * moved.width);
  EXPECT_NEAR(after.width, moved.width, 1e-6 * moved.width);
}
