#include "data/extent_check.h"

#include <cmath>
#include <cstdio>

#include "geo/geodesic.h"

namespace cm {

namespace {
constexpr double kLon0 = 118.3, kLat0 = 29.1, kLon1 = 120.8, kLat1 = 30.6;
constexpr double kCentreLon = 120.16, kCentreLat = 30.27;  // the city centre (Wulin Square)

// 1,300 (thousands separated by commas).
std::string withCommas(long v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}
}  // namespace

std::string formatLonLat(double lon, double lat) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f°%c %.1f°%c", std::fabs(lon), lon < 0 ? 'W' : 'E', std::fabs(lat), lat < 0 ? 'S' : 'N');
  return buf;
}

std::string farFromHangzhou(const LonLatBox& b, const std::string& read_as) {
  if (b.empty()) return "";
  const double m = kHangzhouMarginDeg;
  const bool meets = b.lon1 >= kLon0 - m && b.lon0 <= kLon1 + m && b.lat1 >= kLat0 - m && b.lat0 <= kLat1 + m;
  if (meets) return "";
  const double lon = (b.lon0 + b.lon1) / 2, lat = (b.lat0 + b.lat1) / 2;
  const double km = geodesicDistanceM(lon, lat, kCentreLon, kCentreLat) / 1000;
  const long rounded = km < 100 ? std::lround(km) : std::lround(km / 10) * 10;
  return "read as " + read_as + " it lands at " + formatLonLat(lon, lat) + ", " + withCommas(rounded) + " km from Hangzhou";
}

}  // namespace cm
