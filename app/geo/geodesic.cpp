#include "geo/geodesic.h"

#include <cmath>
#include <limits>

#include "geo/proj_api.h"

namespace cm {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// PROJ's table and the WGS 84 ellipsoid; null where PROJ cannot be loaded.
struct Geod {
  const ProjApi* api = nullptr;
  geod_geodesic g{};
};
const Geod& geod() {
  static const Geod w = [] {
    Geod x;
    if (const auto& api = projApi()) {
      x.api = *api;
      x.api->geod_init(&x.g, 6378137.0, 1 / 298.257223563);
    }
    return x;
  }();
  return w;
}

double ringAreaM2(const Ring& r) {
  const Geod& w = geod();
  if (!w.api) return kNaN;
  geod_polygon poly;
  w.api->geod_polygon_init(&poly, 0);
  for (const Vec2& p : r) w.api->geod_polygon_addpoint(&w.g, &poly, p.y, p.x);
  double area = 0, perimeter = 0;
  w.api->geod_polygon_compute(&w.g, &poly, 0, 1, &area, &perimeter);
  return std::fabs(area);
}
}  // namespace

double geodesicAreaKm2(const Polygon& ll) {
  double a = 0;
  for (size_t i = 0; i < ll.rings.size(); ++i) a += (i == 0 ? 1 : -1) * ringAreaM2(ll.rings[i]);
  return a / 1e6;
}

double geodesicAreaKm2(const MultiPolygon& ll) {
  double a = 0;
  for (const Polygon& p : ll) a += geodesicAreaKm2(p);
  return a;
}

double geodesicDistanceM(double lon1, double lat1, double lon2, double lat2) {
  const Geod& w = geod();
  if (!w.api) return kNaN;
  double s12 = 0;
  w.api->geod_inverse(&w.g, lat1, lon1, lat2, lon2, &s12, nullptr, nullptr);
  return s12;
}

Vec2 geodesicDirect(double lon, double lat, double azimuth_deg, double distance_m) {
  const Geod& w = geod();
  if (!w.api) return {kNaN, kNaN};
  Vec2 out;
  w.api->geod_direct(&w.g, lat, lon, azimuth_deg, distance_m, &out.y, &out.x, nullptr);
  return out;
}

double geodesicLengthKm(const LineString& ll) {
  double m = 0;
  for (size_t i = 1; i < ll.size(); ++i) m += geodesicDistanceM(ll[i - 1].x, ll[i - 1].y, ll[i].x, ll[i].y);
  return m / 1000;
}

bool withinGeodesicM(double lon1, double lat1, double lon2, double lat2, double radius_m) {
  // An equirectangular estimate on a sphere is within 0.5 % of the ellipsoid's geodesic for points
  // under a few hundred kilometres apart away from the poles; 3 % leaves room to spare.
  constexpr double kDegToM = 6371008.8 * 3.14159265358979323846 / 180;
  if (std::fabs(lat1) < 80 && std::fabs(lat2) < 80 && std::fabs(lon1 - lon2) < 5 && std::fabs(lat1 - lat2) < 5) {
    const double dx = (lon1 - lon2) * std::cos((lat1 + lat2) * (3.14159265358979323846 / 360)) * kDegToM;
    const double dy = (lat1 - lat2) * kDegToM;
    const double d2 = dx * dx + dy * dy;
    if (d2 < 0.97 * 0.97 * radius_m * radius_m) return true;
    if (d2 > 1.03 * 1.03 * radius_m * radius_m) return false;
  }
  return geodesicDistanceM(lon1, lat1, lon2, lat2) <= radius_m;
}

}  // namespace cm
