// Hand-made project sets for the analysis tests: points placed in metres around the West Lake on
// the WGS 84 ellipsoid (geodesic direct problem), turned into a Model in the display CRS with
// everything but position, ecosystem and investment fixed (one chain, manufacturing, 2024-03-18,
// district 0, no park).
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/model.h"
#include "geo/geodesic.h"
#include "geo/projection.h"

namespace cm::test {

constexpr double kLon0 = 120.15, kLat0 = 30.25;  // Hangzhou, West Lake
constexpr double kX0 = 514000, kY0 = 3347000;     // near the West Lake in EPSG:4549 metres (the display CRS)

struct Pt {
  double lon, lat;
  Ecosystem eco = Ecosystem::Iot;
  float inv = 1;
};

// A point `dist_m` from (lon, lat) along azimuth `az_deg`.
inline Pt offset(double lon, double lat, double az_deg, double dist_m, Ecosystem e = Ecosystem::Iot) {
  const Vec2 p = geodesicDirect(lon, lat, az_deg, dist_m);
  return {p.x, p.y, e};
}

// East/north offsets in metres from the West Lake origin.
inline Pt en(double east_m, double north_m, Ecosystem e = Ecosystem::Iot) {
  const Pt p = offset(kLon0, kLat0, 90, east_m, e);
  return offset(p.lon, p.lat, 0, north_m, e);
}

// WGS 84 lon/lat → display CRS.
inline Vec2 project(double lon, double lat) {
  auto tr = sharedTransform(kWgs84, kDefaultDisplayCrs);  // built once per thread
  EXPECT_TRUE(tr) << tr.error();
  double x = lon, y = lat;
  EXPECT_TRUE((*tr)->apply(x, y));
  return {x, y};
}

// Appends one project at lon/lat (display position xy) with the fixed attributes above.
inline void addProject(Projects& p, double lon, double lat, Vec2 xy, Ecosystem eco, float inv) {
  p.id.push_back("p" + std::to_string(p.id.size()));
  p.ecosystem.push_back(eco);
  p.chain.push_back(0);
  p.sector.push_back(Sector::Manufacturing);
  p.investment_yi.push_back(inv);
  p.signed_day.push_back(19800);  // 2024-03-18
  p.district_index.push_back(0);
  p.park_index.push_back(-1);
  p.in_park.push_back(0);
  p.lon.push_back(lon);
  p.lat.push_back(lat);
  p.x.push_back(xy.x);
  p.y.push_back(xy.y);
}

inline Model pointModel(const std::vector<Pt>& pts) {
  Model m;
  m.display_crs = kDefaultDisplayCrs;
  for (const Pt& q : pts) addProject(m.projects, q.lon, q.lat, project(q.lon, q.lat), q.eco, q.inv);
  return m;
}

}  // namespace cm::test
