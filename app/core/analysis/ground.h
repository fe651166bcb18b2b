// Distances and scales "on the ground" for the spatial statistics (core/analysis/).
//
// Distances between projects are 3-D chords between their WGS 84 positions in Earth-centred,
// Earth-fixed (ECEF) coordinates, computed from Projects::lon/lat, not from the display CRS. For
// two points s metres apart along the geodesic the chord is c ≈ s − s³/(24·R²): at 1.5 km the
// two differ by ~2·10⁻⁹ (relative), at 50 km by ~3·10⁻⁶, so a chord radius IS a geodesic radius
// for every distance these statistics use — whatever the display CRS is (Gauss–Krüger, Web
// Mercator, a user's --crs). Heights are taken as 0 (on the ellipsoid).
//
// Grids and hulls live in the display CRS (that is what is drawn). groundScale() says how many
// metres on the ground one display unit is near the data: ≈ 1 for the default EPSG:4549
// (Gauss–Krüger CM 120°E, scale error < 0.05 % over Hangzhou), ≈ cos φ ≈ 0.87 for Web Mercator.
#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/filter.h"
#include "core/model.h"

namespace cm {

struct Ecef {
  double x = 0, y = 0, z = 0;
};

// WGS 84 (a = 6378137 m, f = 1/298.257223563), height 0.
Ecef toEcef(double lon_deg, double lat_deg);

inline double chordSquaredM2(const Ecef& a, const Ecef& b) {
  const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return dx * dx + dy * dy + dz * dz;
}
inline double chordM(const Ecef& a, const Ecef& b) { return std::sqrt(chordSquaredM2(a, b)); }

// A local east–north–up frame at (lon0, lat0): ECEF translated and rotated, so chord lengths are
// unchanged, with small coordinates (better precision) and a nearly flat "up" axis.
struct Enu {
  double e = 0, n = 0, u = 0;
};
inline double dist2(const Enu& a, const Enu& b) {
  const double de = a.e - b.e, dn = a.n - b.n, du = a.u - b.u;
  return de * de + dn * dn + du * du;
}
class EnuFrame {
 public:
  EnuFrame(double lon0_deg, double lat0_deg);
  Enu operator()(const Ecef& q) const {
    const double x = q.x - o_.x, y = q.y - o_.y, z = q.z - o_.z;
    return {-sl_ * x + cl_ * y, -sp_ * cl_ * x - sp_ * sl_ * y + cp_ * z, cp_ * cl_ * x + cp_ * sl_ * y + sp_ * z};
  }
  Enu operator()(double lon_deg, double lat_deg) const { return (*this)(toEcef(lon_deg, lat_deg)); }

 private:
  Ecef o_;
  double sl_, cl_, sp_, cp_;  // sin/cos of lon0 and lat0
};

// Ground metres per display-CRS unit near the model's data: the median, over pairs of district
// outline vertices (or, without districts, of projects), of geodesic distance / planar distance.
// 1 when the model has neither or its lon/lat and x/y disagree wildly (ratio outside 0.2..5).
double groundScale(const Model& m);

// Planar point-in-polygon, even–odd over every ring of every part (holes are holes; a point
// exactly on an edge may go either way).
bool pointInMultiPolygon(const MultiPolygon& mp, double x, double y);

// core/filter.h `passes` (time window included), decided without a calendar conversion per row:
// the month window becomes a window of days once. Same answer as passes() for every row.
class RowFilter {
 public:
  explicit RowFilter(const Filter& f);
  bool operator()(const Projects& p, size_t i) const {
    if (!passesAttributes(p, i, f_)) return false;
    const int32_t d = p.signed_day[i];
    if (d == Projects::kNoDay) return f_.undated;
    if (!windowed_) return true;
    if (!days_) return passes(p, i, f_);
    return d >= day_from_ && d <= day_to_;
  }

 private:
  Filter f_;
  bool windowed_ = false, days_ = false;
  int32_t day_from_ = 0, day_to_ = 0;
};

// Reorders rows along a Z-order curve of their lon/lat (ties by row), so that rows near each
// other on the ground are near each other in memory (k-d tree queries then hit the cache).
void sortSpatially(std::vector<uint32_t>& rows, const Projects& p);

// The model rows that pass the filter (RowFilter, i.e. `passes`), ascending.
std::vector<uint32_t> filteredRows(const Projects& p, const Filter& f);

}  // namespace cm
