// The water layer's banks (geo/stairs.h): the shipped polygons were traced from a 0.0005° raster
// mask, so zoomed in their banks stair-stepped. Loaded, a bank's steps are cut to the diagonal
// they approximate; long straight stretches stay straight.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "data/gdal/vector_layers.h"
#include "geo/projection.h"
#include "geo/stairs.h"

using namespace cm;

namespace {

// The share of a ring set's edges that are short axis-parallel steps (one or two cells).
double stepShare(const MultiPolygon& ll, double cell) {
  size_t steps = 0, edges = 0;
  for (const Polygon& p : ll)
    for (const Ring& r : p.rings)
      for (size_t i = 0; i + 1 < r.size(); ++i) {
        const double dx = std::abs(r[i + 1].x - r[i].x), dy = std::abs(r[i + 1].y - r[i].y);
        ++edges;
        if ((dx < 1e-12) != (dy < 1e-12) && dx + dy <= 2.5 * cell) ++steps;
      }
  return edges ? static_cast<double>(steps) / edges : 0;
}

// A staircase bank from (0,0) to (10,10) in cells of 1, closed by a long straight edge back.
MultiPolygon staircase() {
  Ring r;
  for (int i = 0; i < 10; ++i) r.push_back({double(i), double(i)}), r.push_back({double(i + 1), double(i)});
  r.push_back({10, 10});
  r.push_back({0, 10});
  r.push_back(r.front());
  return {Polygon{{r}}};
}

}  // namespace

TEST(Stairs, ATracedStaircaseBecomesItsDiagonal) {
  MultiPolygon ll = staircase(), xy = staircase();
  for (Vec2& v : xy[0].rings[0]) v = {v.x * 50, v.y * 50};  // the same rings in metres
  const double cell = stairCellSize(ll);
  EXPECT_DOUBLE_EQ(cell, 1);
  smoothStairs(ll, xy, cell);
  const Ring& r = ll[0].rings[0];
  ASSERT_EQ(r.front(), r.back());
  EXPECT_EQ(stepShare(ll, cell), 0) << "steps left";
  for (const Vec2& v : r) {  // on the diagonal (within the bank's cells), or on the long edges
    if (v.y < 9.9 && v.x > 0.1) {
      EXPECT_LE(std::abs(v.x - v.y), 0.5 + 1e-9) << v.x << "," << v.y;
    }
  }
  for (size_t i = 0; i < r.size(); ++i) {  // xy follows at the same fractions
    EXPECT_NEAR(xy[0].rings[0][i].x, r[i].x * 50, 1e-9);
    EXPECT_NEAR(xy[0].rings[0][i].y, r[i].y * 50, 1e-9);
  }
  bool top_straight = false;  // the long top edge (y = 10) is still there, cut by half a cell at most
  for (size_t i = 0; i + 1 < r.size(); ++i)
    if (r[i].y == 10 && r[i + 1].y == 10 && std::abs(r[i + 1].x - r[i].x) >= 9) top_straight = true;
  EXPECT_TRUE(top_straight);
}

TEST(Stairs, SmoothOutlinesAreLeftAlone) {
  Ring circle;
  for (int i = 0; i <= 64; ++i) circle.push_back({std::cos(i * M_PI / 32), std::sin(i * M_PI / 32)});
  circle.back() = circle.front();
  EXPECT_EQ(stairCellSize({Polygon{{circle}}}), 0);
}

TEST(Stairs, TheShippedWaterLayerHasNoStepsOnceLoaded) {
  const std::string data = CHAINMAP_TEST_DATA;
  auto w = loadWater(data + "/water_polygons.shp", kDefaultDisplayCrs);
  ASSERT_TRUE(w) << w.error();
  ASSERT_FALSE(w->empty());
  for (const WaterBody& b : *w) {
    EXPECT_LT(stepShare(b.ll, 0.0005), 0.02) << b.name_en << ": the banks still stair-step";
    for (const Polygon& p : b.xy)  // the display coordinates are finite and follow the lon/lat ones
      for (const Ring& r : p.rings)
        for (const Vec2& v : r) ASSERT_TRUE(std::isfinite(v.x) && std::isfinite(v.y));
  }
}
