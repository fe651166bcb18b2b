// A moving view shows the last map moved (MapRenderer::render's may_move, as the window's frames
// ask), and the map is drawn again as soon as the view rests, strays past 2× or a filter changes.
#include <gtest/gtest.h>

#include "core/view.h"
#include "started_app.h"

using namespace cm;

namespace {

// Share of the pixels inside [x0, x1) × [y0, y1) that are the same in both images.
double sameShare(const Image& a, const Image& b, int x0, int y0, int x1, int y1) {
  long same = 0, all = 0;
  for (int y = std::max(0, y0); y < std::min(a.h, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(a.w, x1); ++x, ++all) {
      const size_t i = (static_cast<size_t>(y) * a.w + x) * 4;
      same += a.rgba[i] == b.rgba[i] && a.rgba[i + 1] == b.rgba[i + 1] && a.rgba[i + 2] == b.rgba[i + 2];
    }
  return all ? double(same) / all : 0;
}

}  // namespace

TEST(MovingMap, APanShowsTheLastMapMovedThenTheMapIsDrawnAtRest) {
  test::Started s("", 800, 500);
  ASSERT_TRUE(s.ok);
  App& app = s.app;
  View& view = app.state().view;
  for (int i = 0; i < 3; ++i) app.benchFrame(true);  // settled, at rest
  const View drawn = view;
  view.panPixels(60, 0);
  const FrameStats moved = app.benchFrame(true);
  EXPECT_FALSE(moved.map_redrawn);
  EXPECT_TRUE(moved.presented);
  const Image preview = app.benchImage();
  const FrameStats rest = app.benchFrame(true);  // the same view again: at rest
  EXPECT_TRUE(rest.map_redrawn);
  const Image exact = app.benchImage();
  // Where the moved picture lies, the preview is the map as drawn for the new view; the strip it
  // left uncovered is not (the map's edge, then the background).
  const MovedPicture m = movedPicture(drawn, view);
  EXPECT_NEAR(m.x0, 60, 1e-6);
  EXPECT_GT(sameShare(preview, exact, int(m.x0), 0, preview.w, preview.h), 0.97);
  // A view moved again by the same amount: without may_move (captures, tiles) the map is drawn.
  view.panPixels(20, 0);
  EXPECT_TRUE(app.benchFrame(false).map_redrawn);
}

TEST(MovingMap, AZoomPastTwiceOrAFilterChangeIsDrawnAtOnce) {
  test::Started s("", 800, 500);
  ASSERT_TRUE(s.ok);
  App& app = s.app;
  AppState& st = app.state();
  for (int i = 0; i < 3; ++i) app.benchFrame(true);
  st.view.zoomAt({400, 250}, 1.5);
  EXPECT_FALSE(app.benchFrame(true).map_redrawn);  // within 2×: moved
  st.view.zoomAt({400, 250}, 1.5);                  // 2.25× the picture's scale
  EXPECT_TRUE(app.benchFrame(true).map_redrawn);
  st.view.panPixels(10, 0);
  EXPECT_FALSE(app.benchFrame(true).map_redrawn);
  st.view.panPixels(10, 0);
  st.filter.ecosystems = 1u;  // one ecosystem, while moving
  EXPECT_TRUE(app.benchFrame(true).map_redrawn);
  st.view.panPixels(250, 0);  // a third of the screen uncovered
  EXPECT_TRUE(app.benchFrame(true).map_redrawn);
}
