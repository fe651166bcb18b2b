// Is a layer where Hangzhou is? A wrong .prj (or none) does not fail: the coordinates transform
// fine and the layer lands somewhere else on Earth — near (0,0) for lon/lat numbers labelled as
// metres — and the map silently shows nothing. After reprojection each map layer's lon/lat extent
// is checked against the city's box grown by a margin, and a layer that misses it is reported with
// the CRS it was read as and where it landed.
#pragma once
#include <limits>
#include <string>

namespace cm {

struct LonLatBox {
  double lon0 = std::numeric_limits<double>::infinity(), lat0 = lon0;
  double lon1 = -std::numeric_limits<double>::infinity(), lat1 = lon1;
  void add(double lon, double lat) {
    lon0 = lon < lon0 ? lon : lon0, lon1 = lon > lon1 ? lon : lon1;
    lat0 = lat < lat0 ? lat : lat0, lat1 = lat > lat1 ? lat : lat1;
  }
  bool empty() const { return !(lon0 <= lon1 && lat0 <= lat1); }
};

// Hangzhou's 13 districts lie within about [118.3, 29.1]–[120.8, 30.6]; a layer counts as near
// when its extent meets that box grown by this many degrees (about 100 km) each way.
inline constexpr double kHangzhouMarginDeg = 1.0;

// "" when `box` meets Hangzhou's grown box (or is empty); else where it landed, e.g. "read as
// EPSG:3857 (WGS 84 / Pseudo-Mercator) it lands at 0.0°E 0.0°N, 13,400 km from Hangzhou".
std::string farFromHangzhou(const LonLatBox& box, const std::string& read_as);

// "2.1°E 0.3°N" (W and S for negative values).
std::string formatLonLat(double lon, double lat);

}  // namespace cm
