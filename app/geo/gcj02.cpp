#include "geo/gcj02.h"

#include <cmath>
#include <numbers>

namespace cm {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kA = 6378245.0;                  // Krasovsky 1940 semi-major axis
constexpr double kEe = 0.00669342162296594323;    // Krasovsky 1940 first eccentricity squared
constexpr double kXPi = kPi * 3000.0 / 180.0;     // BD-09's constant
constexpr double kTolDeg = 1e-9;
constexpr int kMaxIter = 20;

double shiftLat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return r;
}

double shiftLon(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return r;
}

// Fixed-point inversion of `forward`: finds w with forward(w) == target.
template <class F>
Vec2 invert(F forward, Vec2 target, Vec2 start) {
  Vec2 w = start;
  for (int i = 0; i < kMaxIter; ++i) {
    const Vec2 f = forward(w);
    const double dx = f.x - target.x, dy = f.y - target.y;
    if (std::fabs(dx) < kTolDeg && std::fabs(dy) < kTolDeg) break;
    w.x -= dx;
    w.y -= dy;
  }
  return w;
}

}  // namespace

bool gcj02OutOfChina(double lon, double lat) {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

Vec2 wgs84ToGcj02(Vec2 p) {
  if (gcj02OutOfChina(p.x, p.y)) return p;
  double dlat = shiftLat(p.x - 105.0, p.y - 35.0);
  double dlon = shiftLon(p.x - 105.0, p.y - 35.0);
  const double radlat = p.y / 180.0 * kPi;
  double magic = std::sin(radlat);
  magic = 1.0 - kEe * magic * magic;
  const double sqrtmagic = std::sqrt(magic);
  dlat = (dlat * 180.0) / ((kA * (1.0 - kEe)) / (magic * sqrtmagic) * kPi);
  dlon = (dlon * 180.0) / (kA / sqrtmagic * std::cos(radlat) * kPi);
  return {p.x + dlon, p.y + dlat};
}

Vec2 gcj02ToWgs84(Vec2 g) {
  if (gcj02OutOfChina(g.x, g.y)) return g;
  return invert(wgs84ToGcj02, g, g);
}

Vec2 gcj02ToBd09(Vec2 p) {
  const double z = std::sqrt(p.x * p.x + p.y * p.y) + 0.00002 * std::sin(p.y * kXPi);
  const double theta = std::atan2(p.y, p.x) + 0.000003 * std::cos(p.x * kXPi);
  return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

Vec2 bd09ToGcj02(Vec2 b) {
  // Baidu's published closed-form approximation as the starting point...
  const double x = b.x - 0.0065, y = b.y - 0.006;
  const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * kXPi);
  const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * kXPi);
  // ...refined into the exact inverse of gcj02ToBd09.
  return invert(gcj02ToBd09, b, Vec2{z * std::cos(theta), z * std::sin(theta)});
}

Vec2 wgs84ToBd09(Vec2 p) { return gcj02ToBd09(wgs84ToGcj02(p)); }
Vec2 bd09ToWgs84(Vec2 b) { return gcj02ToWgs84(bd09ToGcj02(b)); }

}  // namespace cm
