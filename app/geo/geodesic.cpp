#include "geo/geodesic.h"

#include <geodesic.h>

#include <cmath>

namespace cm {

static const geod_geodesic& wgs84() {
  static const geod_geodesic g = [] {
    geod_geodesic x;
    geod_init(&x, 6378137.0, 1 / 298.257223563);
    return x;
  }();
  return g;
}

static double ringAreaM2(const Ring& r) {
  geod_polygon poly;
  geod_polygon_init(&poly, 0);
  for (const Vec2& p : r) geod_polygon_addpoint(&wgs84(), &poly, p.y, p.x);
  double area = 0, perimeter = 0;
  geod_polygon_compute(&wgs84(), &poly, 0, 1, &area, &perimeter);
  return std::fabs(area);
}

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
  double s12 = 0;
  geod_inverse(&wgs84(), lat1, lon1, lat2, lon2, &s12, nullptr, nullptr);
  return s12;
}

double geodesicLengthKm(const LineString& ll) {
  double m = 0;
  for (size_t i = 1; i < ll.size(); ++i) m += geodesicDistanceM(ll[i - 1].x, ll[i - 1].y, ll[i].x, ll[i].y);
  return m / 1000;
}

}  // namespace cm
