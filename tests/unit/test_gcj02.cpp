// GCJ-02 / BD-09 transforms against published reference values, and round trips.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "geo/gcj02.h"

using namespace cm;

namespace {
struct Pair {
  Vec2 wgs, gcj;  // (lon, lat)
};
// Published test vectors of the public formula:
//  - wandergis/coordtransform README: wgs84togcj02(116.404, 39.915);
//  - googollee/eviltransform test suites (Shanghai, Shenzhen, Beijing).
const Pair kVectors[] = {
    {{116.404, 39.915}, {116.41024449916938, 39.91640428150164}},
    {{121.5272106, 31.1774276}, {121.531541859215, 31.17530398364597}},
    {{113.912316, 22.543847}, {113.9171764808363, 22.540796131694766}},
    {{116.377817, 39.911954}, {116.38404722455657, 39.91334545536069}},
};
}  // namespace

TEST(Gcj02, ForwardMatchesPublishedVectors) {
  for (const Pair& p : kVectors) {
    const Vec2 g = wgs84ToGcj02(p.wgs);
    EXPECT_NEAR(g.x, p.gcj.x, 1e-9) << p.wgs.x << "," << p.wgs.y;
    EXPECT_NEAR(g.y, p.gcj.y, 1e-9) << p.wgs.x << "," << p.wgs.y;
  }
}

TEST(Gcj02, InverseMatchesPublishedVectors) {
  for (const Pair& p : kVectors) {
    const Vec2 w = gcj02ToWgs84(p.gcj);
    EXPECT_NEAR(w.x, p.wgs.x, 1e-8);
    EXPECT_NEAR(w.y, p.wgs.y, 1e-8);
  }
  // coordtransform's README, gcj02towgs84(116.404, 39.915), uses the one-step approximation
  // (about 1e-5 degrees off); the iterative inverse is within that of it.
  const Vec2 w = gcj02ToWgs84({116.404, 39.915});
  EXPECT_NEAR(w.x, 116.39775550083061, 2e-5);
  EXPECT_NEAR(w.y, 39.91359571849836, 2e-5);
}

TEST(Gcj02, ShiftInHangzhouHasTheDocumentedSize) {
  // SOURCES.md: in Hangzhou GCJ-02 lies about 420-460 m east and 250-300 m south of WGS 84.
  const Vec2 w{120.16, 30.27};
  const Vec2 g = wgs84ToGcj02(w);
  const double east_m = (g.x - w.x) * 111320.0 * std::cos(w.y * std::numbers::pi / 180);
  const double north_m = (g.y - w.y) * 110900.0;
  EXPECT_GT(east_m, 400);
  EXPECT_LT(east_m, 480);
  EXPECT_LT(north_m, -230);
  EXPECT_GT(north_m, -320);
}

TEST(Gcj02, RoundTripOverHangzhouIsBelow1e7Degrees) {
  double worst = 0;
  for (double lon = 118.3; lon <= 120.8; lon += 0.05)
    for (double lat = 29.1; lat <= 30.6; lat += 0.05) {
      const Vec2 w{lon, lat};
      const Vec2 back = gcj02ToWgs84(wgs84ToGcj02(w));
      worst = std::max({worst, std::fabs(back.x - lon), std::fabs(back.y - lat)});
    }
  EXPECT_LT(worst, 1e-7);
  EXPECT_LT(worst, 1e-9);  // the iteration stops below 1e-9 degrees of residual
}

TEST(Gcj02, OutsideChinaPassesThrough) {
  for (Vec2 p : {Vec2{-0.1246, 51.5007}, Vec2{-104.9903, 39.7392}, Vec2{153.0251, -27.4698}}) {
    EXPECT_TRUE(gcj02OutOfChina(p.x, p.y));
    const Vec2 g = wgs84ToGcj02(p), w = gcj02ToWgs84(p);
    EXPECT_EQ(g.x, p.x);
    EXPECT_EQ(g.y, p.y);
    EXPECT_EQ(w.x, p.x);
    EXPECT_EQ(w.y, p.y);
  }
  EXPECT_FALSE(gcj02OutOfChina(120.16, 30.27));
}

TEST(Bd09, ForwardMatchesPublishedVectorAndInverts) {
  // coordtransform README: gcj02tobd09(116.404, 39.915), wgs84tobd09(116.404, 39.915).
  const Vec2 b = gcj02ToBd09({116.404, 39.915});
  EXPECT_NEAR(b.x, 116.41036949371029, 1e-9);
  EXPECT_NEAR(b.y, 39.92133699351021, 1e-9);
  const Vec2 b2 = wgs84ToBd09({116.404, 39.915});
  EXPECT_NEAR(b2.x, 116.41662724378733, 1e-9);
  EXPECT_NEAR(b2.y, 39.922699552216216, 1e-9);
  // bd09togcj02(116.404, 39.915) is published from the closed-form approximation; the exact
  // inverse is within 1e-5 degrees of it and round-trips to 1e-9.
  const Vec2 g = bd09ToGcj02({116.404, 39.915});
  EXPECT_NEAR(g.x, 116.39762729119315, 1e-5);
  EXPECT_NEAR(g.y, 39.90865673957631, 1e-5);
  const Vec2 back = gcj02ToBd09(g);
  EXPECT_NEAR(back.x, 116.404, 1e-9);
  EXPECT_NEAR(back.y, 39.915, 1e-9);
  const Vec2 w = bd09ToWgs84(b2);
  EXPECT_NEAR(w.x, 116.404, 1e-8);
  EXPECT_NEAR(w.y, 39.915, 1e-8);
}
