// The measuring tool's numbers: a line of points in the display CRS measured on the WGS 84
// ellipsoid (each leg geodesic, Karney via PROJ), and, when closed, the polygon's geodesic area.
#pragma once
#include <string>
#include <vector>

#include "geo/types.h"

namespace cm {

struct Measurement {
  std::vector<double> legs_m;  // one per segment (closing segment included when closed)
  double total_m = 0;
  double area_km2 = 0;         // closed with 3+ points
  bool ok = true;              // false: the CRS could not be transformed
};

Measurement measurePath(const std::vector<Vec2>& xy, const std::string& display_crs, bool closed);

// "850 m", "12.4 km", "0.52 km²", "1,234 km²".
std::string formatDistance(double m);
std::string formatArea(double km2);

}  // namespace cm
