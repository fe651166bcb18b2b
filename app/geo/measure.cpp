#include "geo/measure.h"

#include <cmath>
#include <cstdio>

#include "geo/geodesic.h"
#include "geo/projection.h"

namespace cm {

Measurement measurePath(const std::vector<Vec2>& xy, const std::string& display_crs, bool closed) {
  Measurement r;
  auto tr = sharedTransform(display_crs, kWgs84);
  if (!tr) {
    r.ok = false;
    return r;
  }
  std::vector<Vec2> ll;
  for (Vec2 p : xy) {
    if (!(*tr)->apply(p.x, p.y)) {
      r.ok = false;
      return r;
    }
    ll.push_back(p);
  }
  const size_t n = ll.size();
  const size_t legs = closed && n >= 3 ? n : (n ? n - 1 : 0);
  for (size_t i = 0; i < legs; ++i) {
    const Vec2 a = ll[i], b = ll[(i + 1) % n];
    r.legs_m.push_back(geodesicDistanceM(a.x, a.y, b.x, b.y));
    r.total_m += r.legs_m.back();
  }
  if (closed && n >= 3) {
    Polygon poly;
    Ring ring = ll;
    ring.push_back(ll.front());
    poly.rings.push_back(ring);
    r.area_km2 = std::abs(geodesicAreaKm2(poly));
  }
  return r;
}

std::string formatDistance(double m) {
  char b[32];
  if (m < 1000) std::snprintf(b, sizeof b, "%.0f m", m);
  else if (m < 100000) std::snprintf(b, sizeof b, "%.2f km", m / 1000);
  else std::snprintf(b, sizeof b, "%.1f km", m / 1000);
  return b;
}

std::string formatArea(double km2) {
  char b[32];
  if (km2 < 1) std::snprintf(b, sizeof b, "%.0f m²", km2 * 1e6);
  else if (km2 < 100) std::snprintf(b, sizeof b, "%.2f km²", km2);
  else std::snprintf(b, sizeof b, "%.0f km²", km2);
  return b;
}

}  // namespace cm
