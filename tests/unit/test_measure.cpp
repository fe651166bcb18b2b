// The measuring tool's numbers (geo/measure.h) against geodesic references.
#include <gtest/gtest.h>

#include "geo/geodesic.h"
#include "geo/measure.h"
#include "geo/projection.h"

namespace cm {
namespace {

std::vector<Vec2> toDisplay(const std::vector<Vec2>& ll) {
  auto tr = sharedTransform(kWgs84, kDefaultDisplayCrs);
  EXPECT_TRUE(tr);
  std::vector<Vec2> out;
  for (Vec2 p : ll) {
    (*tr)->apply(p.x, p.y);
    out.push_back(p);
  }
  return out;
}

TEST(Measure, LegsAreGeodesic) {
  const std::vector<Vec2> ll{{120.0, 30.0}, {120.0, 30.1}, {120.2, 30.1}};
  const Measurement r = measurePath(toDisplay(ll), kDefaultDisplayCrs, false);
  ASSERT_TRUE(r.ok);
  ASSERT_EQ(r.legs_m.size(), 2u);
  EXPECT_NEAR(r.legs_m[0], geodesicDistanceM(120.0, 30.0, 120.0, 30.1), 0.01);  // ~11.09 km
  EXPECT_NEAR(r.legs_m[1], geodesicDistanceM(120.0, 30.1, 120.2, 30.1), 0.01);  // ~19.26 km
  EXPECT_NEAR(r.total_m, r.legs_m[0] + r.legs_m[1], 1e-6);
  EXPECT_EQ(r.area_km2, 0);
}

TEST(Measure, AClosedPathHasItsGeodesicArea) {
  const std::vector<Vec2> ll{{120.0, 30.0}, {120.1, 30.0}, {120.1, 30.1}, {120.0, 30.1}};
  const Measurement r = measurePath(toDisplay(ll), kDefaultDisplayCrs, true);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.legs_m.size(), 4u) << "the closing leg counts";
  Polygon poly;
  poly.rings.push_back({ll[0], ll[1], ll[2], ll[3], ll[0]});
  EXPECT_NEAR(r.area_km2, std::abs(geodesicAreaKm2(poly)), 1e-6);
  EXPECT_NEAR(r.area_km2, 107.0, 1.5) << "0.1° × 0.1° at 30°N is about 9.65 km × 11.09 km";
}

TEST(Measure, Formats) {
  EXPECT_EQ(formatDistance(850.4), "850 m");
  EXPECT_EQ(formatDistance(12400), "12.40 km");
  EXPECT_EQ(formatDistance(230000), "230.0 km");
  EXPECT_EQ(formatArea(0.52), "520000 m²");
  EXPECT_EQ(formatArea(12.345), "12.35 km²");
  EXPECT_EQ(formatArea(4452.3), "4452 km²");
}

}  // namespace
}  // namespace cm
