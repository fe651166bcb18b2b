// Exports: a frame larger than the GL draws at once is rendered in tiles and must equal the frame
// drawn whole; the poster and map-only frames show what they promise (no controls, no timeline),
// and the map furniture is in every frame; the presenter console is written beside the audience.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "render_probe.h"
#include "test_paths.h"

namespace cm::test {
namespace {

using cm::test::kTour;

// Fraction of pixels in a box that are the panels' near-white background.
double whiteShare(const Image& img, int x0, int y0, int x1, int y1) {
  int n = 0, white = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x, ++n) {
      const Image::Px p = img.at(x, y);
      white += p.r >= 245 && p.g >= 245 && p.b >= 245;
    }
  return n ? static_cast<double>(white) / n : 0;
}

TEST(Export, TiledFrameEqualsTheFrameDrawnWhole) {
  const Image whole = renderShot("tiles_whole", "--present --size 1280x720");
  setenv("CHAINMAP_MAX_TILE", "300", 1);  // 5 × 3 tiles, seams through map, labels and panels
  const Image tiled = renderShot("tiles_300", "--present --size 1280x720");
  unsetenv("CHAINMAP_MAX_TILE");
  ASSERT_EQ(whole.w, 1280);
  ASSERT_EQ(tiled.w, whole.w);
  ASSERT_EQ(tiled.h, whole.h);
  size_t differ = 0;
  int worst = 0;
  for (size_t i = 0; i < whole.rgba.size(); ++i) {
    const int d = std::abs(int(whole.rgba[i]) - int(tiled.rgba[i]));
    differ += d > 0;
    worst = std::max(worst, d);
  }
  EXPECT_LE(worst, 4) << "a tile seam or an offset draw shows";
  // Presentation at 720p draws at UI scale 2/3: edges at fractional positions, which llvmpipe
  // antialiases a level or two apart depending on the tile's origin (the worst stays ≤ 4 above).
  EXPECT_LT(differ, whole.rgba.size() / 200) << "tiles differ from the whole frame in " << differ << " channels";
}

TEST(Export, An8kPosterRendersInTilesWithTitleLegendAndFurniture) {
  setenv("CHAINMAP_MAX_TILE", "4096", 1);  // as a GPU with a 4096-px limit would
  const Image img = renderShot("poster8k", "--layout poster --size 7680x4320 --lang en");
  unsetenv("CHAINMAP_MAX_TILE");
  ASSERT_EQ(img.w, 7680);
  ASSERT_EQ(img.h, 4320);
  // Scale 4: the title card top left, the legend bottom right, no timeline along the bottom.
  EXPECT_GT(whiteShare(img, 60, 60, 1400, 220), 0.6) << "no title card";
  EXPECT_GT(whiteShare(img, 6700, 3200, 7600, 4200), 0.5) << "no legend";
  EXPECT_LT(whiteShare(img, 2000, 4200, 5500, 4300), 0.2) << "a timeline in the poster";
  // The scale bar's black half (bottom left of the map, above nothing).
  int dark = 0;
  for (int y = 4000; y < 4300; ++y)
    for (int x = 60; x < 900; ++x) dark += Image::luma(img.at(x, y)) < 70;
  EXPECT_GT(dark, 2000) << "no scale bar";
}

TEST(Export, MapLayoutHasNoPanels) {
  const Image img = renderShot("map_only", "--layout map --size 1280x720");
  ASSERT_EQ(img.w, 1280);
  EXPECT_LT(whiteShare(img, 10, 10, 320, 700), 0.2) << "a sidebar in the map-only frame";
  EXPECT_LT(whiteShare(img, 340, 600, 1270, 710), 0.2) << "a timeline in the map-only frame";
  EXPECT_LT(whiteShare(img, 1000, 10, 1270, 250), 0.3) << "totals in the map-only frame";
}

TEST(SmallWindow, TheSidebarFoldsIntoARailAndTheMapKeepsTheLargerPart) {
  const Image img = renderShot("small_rail", "--size 800x500 --lang en");
  ASSERT_EQ(img.w, 800);
  // The rail: a narrow white column on the left, its menu icon's dark strokes at the top.
  EXPECT_GT(whiteShare(img, 14, 150, 60, 450), 0.9) << "no rail";
  int ink = 0;
  for (int y = 20; y < 60; ++y)
    for (int x = 20; x < 60; ++x) ink += Image::luma(img.at(x, y)) < 110;
  EXPECT_GT(ink, 40) << "no icons on the rail";
  // Right of the rail is map (not a sidebar): land, water and sprites, few panel-white pixels.
  EXPECT_LT(whiteShare(img, 80, 40, 400, 300), 0.15) << "the sidebar covers the map";
  // Panels (their near-white) cover well under half the window: the map keeps the larger part.
  EXPECT_LT(whiteShare(img, 0, 0, 800, 500), 0.45);
}

TEST(Export, PresenterConsoleIsWrittenBesideTheAudienceView) {
  const std::string base = ::testing::TempDir() + "chainmap_presenter";
  std::filesystem::remove(base + "-console.png");
  const std::string cmd = std::string(CHAINMAP_EXE) + " --data " CHAINMAP_TEST_DATA " --presenter --tour " + kTour +
                          " --step 3 --lang en --size 1280x720 --screenshot " + base + ".png 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load((base + "-console.png").c_str(), &w, &h, &n, 4);
  ASSERT_NE(px, nullptr) << "no console image";
  Image console{w, h, std::vector<unsigned char>(px, px + static_cast<size_t>(w) * h * 4)};
  stbi_image_free(px);
  EXPECT_EQ(w, 1280);
  EXPECT_EQ(h, 800);
  // The audience's map on the left (its land colour, cream), the step's text on the right (dark
  // glyphs on the white console).
  int cream = 0, ink = 0;
  for (int y = 80; y < 440; ++y)
    for (int x = 20; x < 700; ++x) {
      const Image::Px p = console.at(x, y);
      cream += p.r > 240 && p.g > 235 && p.b > 220 && p.b < 240;
    }
  for (int y = 60; y < 260; ++y)
    for (int x = 730; x < 1260; ++x) ink += Image::luma(console.at(x, y)) < 90;
  EXPECT_GT(cream, 20000) << "no map thumbnail in the console";
  EXPECT_GT(ink, 1500) << "no step text in the console";
}

}  // namespace
}  // namespace cm::test
