// No display at all: `chainmap --screenshot` with DISPLAY and WAYLAND_DISPLAY unset renders
// through EGL on Mesa's surfaceless platform (ui/gl_context.h) and writes the same map a window
// would (district fill, legend). The GLFW fallback without a display ends with a message, never
// a signal; with one (Xvfb) it still renders.
#include "render_probe.h"

#include <sys/wait.h>

#include <filesystem>
#include <fstream>

#include "core/view.h"
#include "data/gdal/vector_layers.h"
#include "geo/geos_ops.h"
#include "geo/projection.h"
#include "ui/layout.h"
#include "test_paths.h"

using namespace cm;
using namespace cm::test;

namespace {

using cm::test::usual_shot::W;
using cm::test::usual_shot::H;
using cm::test::kFixture;

struct ShotRun {
  int status = -1;
  std::string err;
  Image img;
};

// chainmap with `env` before it (e.g. "env -u DISPLAY"), its stderr, and the PNG it wrote.
ShotRun shot(const std::string& name, const std::string& env, const std::string& args) {
  namespace fs = std::filesystem;
  const std::string png = ::testing::TempDir() + "chainmap_headless_" + name + ".png";
  const std::string log = ::testing::TempDir() + "chainmap_headless_" + name + ".log";
  fs::remove(png);
  const std::string cmd = env + " " + CHAINMAP_EXE + " --data " CHAINMAP_TEST_DATA " " + args + " --screenshot " + png + " 2>" + log;
  ShotRun r;
  r.status = std::system(cmd.c_str());
  std::ifstream in(log);
  r.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  int w = 0, h = 0, n = 0;
  if (unsigned char* data = stbi_load(png.c_str(), &w, &h, &n, 4)) {
    r.img.w = w;
    r.img.h = h;
    r.img.rgba.assign(data, data + static_cast<size_t>(w) * h * 4);
    stbi_image_free(data);
  }
  return r;
}

const std::string kNoDisplay = "env -u DISPLAY -u WAYLAND_DISPLAY CHAINMAP_TRACE=1";

}  // namespace

TEST(Headless, AScreenshotWithNoDisplayDrawsTheMapAndTheLegendThroughEgl) {
  // No labels layer: Chun'an's name would sit on the point probed for its fill.
  const ShotRun r = shot("egl", kNoDisplay, "--projects " + kFixture + " --layers districts,projects --size " + std::to_string(W) + "x" +
                                             std::to_string(H));
  ASSERT_TRUE(WIFEXITED(r.status)) << "killed by a signal: " << r.err;
  ASSERT_EQ(WEXITSTATUS(r.status), 0) << r.err;
  EXPECT_NE(r.err.find("gl: EGL surfaceless"), std::string::npos) << "not rendered through EGL: " << r.err;
  ASSERT_EQ(r.img.w, W);
  ASSERT_EQ(r.img.h, H);

  // The district fill where the default view puts the inside of Chun'an (its label point).
  auto districts = loadDistricts(std::string(CHAINMAP_TEST_DATA) + "/districts.shp", kDefaultDisplayCrs);
  ASSERT_TRUE(districts) << districts.error();
  Extent home;
  const District* chunan = nullptr;
  for (const District& d : *districts) {
    for (const Polygon& p : d.xy)
      for (const Vec2& v : p.rings[0]) home.add(v);
    if (d.adcode == 330127) chunan = &d;
  }
  ASSERT_TRUE(chunan);
  const layout::Layout lay = layout::computeLayout(W, H, layout::autoScale(W, H));
  View view;
  view.width = W;
  view.height = H;
  view.fitInto(home, lay.map.x0, lay.map.y0, lay.map.x1, lay.map.y1);
  const Vec2 c = view.toScreen(labelPoint(chunan->xy, 100));
  const Image::Px fill = r.img.at(static_cast<int>(c.x), static_cast<int>(c.y));
  EXPECT_GT(fill.r, 238);
  EXPECT_GT(fill.g, 232);
  EXPECT_GT(fill.r, fill.b + 4) << "cream district fill, not the bluish background: " << fill.r << "," << fill.g << "," << fill.b;

  // The legend, bottom right above the timeline: a light panel with dark text in it.
  const int x0 = static_cast<int>(W - lay.right_w - lay.margin) + 8, x1 = static_cast<int>(W - lay.margin) - 8;
  const int y1 = static_cast<int>(H - lay.timeline_h - 2 * lay.margin) - 4, y0 = y1 - 60;
  int light = 0, dark = 0, all = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x, ++all) {
      const int l = Image::luma(r.img.at(x, y));
      light += l > 235;
      dark += l < 120;
    }
  EXPECT_GT(light, all / 2) << "no legend panel at the bottom right";
  EXPECT_GT(dark, 30) << "no text in the legend";
}

TEST(Headless, WithoutEglAndWithoutADisplayItEndsWithAMessageNotASignal) {
  // CHAINMAP_GL=glfw skips EGL: the hidden GLFW window needs a display, and there is none.
  const ShotRun r = shot("noegl", "CHAINMAP_GL=glfw " + kNoDisplay, "--projects " + kFixture + " --size 400x300");
  ASSERT_TRUE(WIFEXITED(r.status)) << "killed by a signal: " << r.err;
  EXPECT_EQ(WEXITSTATUS(r.status), 1);
  EXPECT_NE(r.err.find("error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("CHAINMAP_GL=glfw"), std::string::npos) << "the message says why EGL was not used: " << r.err;
  EXPECT_EQ(r.img.w, 0) << "no PNG without a context";
}

TEST(Headless, TheGlfwFallbackStillRendersWhereThereIsADisplay) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no display here (the fallback is a hidden GLX window)";
  const ShotRun r = shot("glx", "CHAINMAP_GL=glfw CHAINMAP_TRACE=1", "--projects " + kFixture + " --size 400x300");
  ASSERT_TRUE(WIFEXITED(r.status)) << r.err;
  ASSERT_EQ(WEXITSTATUS(r.status), 0) << r.err;
  EXPECT_NE(r.err.find("a hidden GLFW window instead"), std::string::npos) << r.err;
  EXPECT_EQ(r.img.w, 400);
  EXPECT_EQ(r.img.h, 300);
}
