#include "core/analysis/ground.h"

#include <algorithm>

#include "core/dates.h"
#include "geo/geodesic.h"

namespace cm {

Ecef toEcef(double lon_deg, double lat_deg) {
  constexpr double a = 6378137.0, f = 1 / 298.257223563, e2 = f * (2 - f);
  constexpr double deg = M_PI / 180.0;
  const double lon = lon_deg * deg, lat = lat_deg * deg;
  const double s = std::sin(lat), c = std::cos(lat);
  const double n = a / std::sqrt(1 - e2 * s * s);  // prime vertical radius of curvature
  return {n * c * std::cos(lon), n * c * std::sin(lon), n * (1 - e2) * s};
}

EnuFrame::EnuFrame(double lon0, double lat0) : o_(toEcef(lon0, lat0)) {
  const double l = lon0 * M_PI / 180, p = lat0 * M_PI / 180;
  sl_ = std::sin(l);
  cl_ = std::cos(l);
  sp_ = std::sin(p);
  cp_ = std::cos(p);
}

namespace {

// Geodesic / planar distance for one pair, or 0 when the pair says nothing.
double ratio(Vec2 ll0, Vec2 ll1, Vec2 xy0, Vec2 xy1) {
  const double planar = std::hypot(xy1.x - xy0.x, xy1.y - xy0.y);
  if (!(planar > 100) || !std::isfinite(planar)) return 0;
  if (std::fabs(ll0.y) > 89 || std::fabs(ll1.y) > 89) return 0;
  const double g = geodesicDistanceM(ll0.x, ll0.y, ll1.x, ll1.y);
  return std::isfinite(g) ? g / planar : 0;
}

}  // namespace

double groundScale(const Model& m) {
  std::vector<double> r;
  for (const District& d : m.districts) {
    if (d.ll.empty() || d.xy.empty() || d.ll[0].rings.empty() || d.xy[0].rings.empty()) continue;
    const Ring& a = d.ll[0].rings[0];
    const Ring& b = d.xy[0].rings[0];
    if (a.size() != b.size() || a.size() < 4) continue;
    const size_t h = a.size() / 2, q = a.size() / 4;
    if (double v = ratio(a[0], a[h], b[0], b[h]); v > 0) r.push_back(v);
    if (double v = ratio(a[q], a[h + q], b[q], b[h + q]); v > 0) r.push_back(v);
  }
  if (r.empty()) {
    const Projects& p = m.projects;
    const size_t n = std::min({p.size(), p.lon.size(), p.lat.size(), p.x.size(), p.y.size()});
    const size_t step = std::max<size_t>(1, n / 128);
    for (size_t i = 0; i + n / 2 < n && r.size() < 64; i += step) {
      const size_t j = i + n / 2;
      if (double v = ratio({p.lon[i], p.lat[i]}, {p.lon[j], p.lat[j]}, {p.x[i], p.y[i]}, {p.x[j], p.y[j]}); v > 0) r.push_back(v);
    }
  }
  if (r.empty()) return 1.0;
  std::nth_element(r.begin(), r.begin() + r.size() / 2, r.end());
  const double s = r[r.size() / 2];
  return s > 0.2 && s < 5 ? s : 1.0;
}

bool pointInMultiPolygon(const MultiPolygon& mp, double x, double y) {
  bool in = false;
  for (const Polygon& poly : mp)
    for (const Ring& r : poly.rings) {
      const size_t n = r.size();
      for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const Vec2 &a = r[i], &b = r[j];
        if ((a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) in = !in;
      }
    }
  return in;
}

RowFilter::RowFilter(const Filter& f) : f_(f) {
  windowed_ = f.month_from != INT_MIN || f.month_to != INT_MAX;
  constexpr int kSane = 12 * 9999;  // month indices of years 0..9999: days fit in int32
  const bool from_ok = f.month_from == INT_MIN || (f.month_from >= 0 && f.month_from < kSane);
  const bool to_ok = f.month_to == INT_MAX || (f.month_to >= 0 && f.month_to < kSane);
  days_ = windowed_ && from_ok && to_ok;
  if (days_) {
    day_from_ = f.month_from == INT_MIN ? INT32_MIN : firstDayOfMonth(f.month_from);
    day_to_ = f.month_to == INT_MAX ? INT32_MAX : lastDayOfMonth(f.month_to);
  }
}

void sortSpatially(std::vector<uint32_t>& rows, const Projects& p) {
  if (rows.size() < 2) return;
  double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
  for (uint32_t r : rows) {
    if (!std::isfinite(p.lon[r]) || !std::isfinite(p.lat[r])) continue;
    x0 = std::min(x0, p.lon[r]); x1 = std::max(x1, p.lon[r]);
    y0 = std::min(y0, p.lat[r]); y1 = std::max(y1, p.lat[r]);
  }
  const double sx = x1 > x0 ? 65535.0 / (x1 - x0) : 0, sy = y1 > y0 ? 65535.0 / (y1 - y0) : 0;
  auto spread = [](uint32_t v) {
    v &= 0xFFFF;
    v = (v | (v << 8)) & 0x00FF00FF;
    v = (v | (v << 4)) & 0x0F0F0F0F;
    v = (v | (v << 2)) & 0x33333333;
    v = (v | (v << 1)) & 0x55555555;
    return v;
  };
  std::vector<uint64_t> keys(rows.size());
  for (size_t k = 0; k < rows.size(); ++k) {
    const uint32_t r = rows[k];
    const double fx = std::clamp((p.lon[r] - x0) * sx, 0.0, 65535.0), fy = std::clamp((p.lat[r] - y0) * sy, 0.0, 65535.0);
    const uint32_t code = std::isfinite(fx) && std::isfinite(fy)
                              ? spread(static_cast<uint32_t>(fx)) | spread(static_cast<uint32_t>(fy)) << 1
                              : 0xFFFFFFFFu;
    keys[k] = uint64_t(code) << 32 | r;
  }
  std::sort(keys.begin(), keys.end());
  for (size_t k = 0; k < rows.size(); ++k) rows[k] = static_cast<uint32_t>(keys[k]);
}

std::vector<uint32_t> filteredRows(const Projects& p, const Filter& f) {
  std::vector<uint32_t> rows;
  const size_t n = p.size();
  rows.reserve(n);
  const RowFilter pass(f);
  for (size_t i = 0; i < n; ++i)
    if (pass(p, i)) rows.push_back(static_cast<uint32_t>(i));
  return rows;
}

}  // namespace cm
