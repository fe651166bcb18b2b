#include "core/analysis/park_shapes.h"

#include <cmath>

#include "core/analysis/ground.h"
#include "geo/geodesic.h"
#include "geo/projection.h"

namespace cm {

bool insidePark(const Model& m, const ParkShapes& s, int park, double x, double y) {
  if (park < 0 || static_cast<size_t>(park) >= m.parks.size()) return false;
  const size_t k = static_cast<size_t>(park);
  if (k < s.polygons.size() && !s.polygons[k].empty()) return pointInMultiPolygon(s.polygons[k], x, y);
  const Park& p = m.parks[k];
  const double r_m = 1000.0 * (k < s.radius_km.size() && s.radius_km[k] > 0 ? s.radius_km[k] : p.radius_km);
  auto tr = sharedTransform(kWgs84, displayCrsOf(m.display_crs));
  double lon = x, lat = y;
  if (tr && (*tr)->inverse(lon, lat) && std::isfinite(lon) && std::isfinite(lat))
    return geodesicDistanceM(lon, lat, p.lon, p.lat) <= r_m;
  // No transform back: the planar distance to the park's display position, on the ground.
  return std::hypot(x - p.xy.x, y - p.xy.y) * groundScale(m) <= r_m;
}

}  // namespace cm
