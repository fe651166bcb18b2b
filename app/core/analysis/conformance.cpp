#include "core/analysis/conformance.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>

#include "core/analysis/ground.h"
#include "core/dates.h"
#include "geo/geodesic.h"

namespace cm {
namespace {

constexpr double kA = 6378137.0, kF = 1 / 298.257223563, kE2 = kF * (2 - kF);
constexpr double kDeg = 0.017453292519943295;

struct Xyz {
  double x, y, z;
  double sl = 0, cl = 1;  // sine and cosine of the latitude (for the arc correction)
};

// sin and cos of (a + d) from sin a, cos a, for |d| <= 0.1 rad (Taylor series in d to d^9:
// error below 1e-18), else from the library.
inline void sinCosNear(double sa, double ca, double a, double d, double& s, double& c) {
  if (!(std::fabs(d) <= 0.1)) {
    s = std::sin(a + d);
    c = std::cos(a + d);
    return;
  }
  const double d2 = d * d;
  const double sd = d * (1 - d2 / 6 * (1 - d2 / 20 * (1 - d2 / 42 * (1 - d2 / 72))));
  const double cd = 1 - d2 / 2 * (1 - d2 / 12 * (1 - d2 / 30 * (1 - d2 / 56)));
  s = sa * cd + ca * sd;
  c = ca * cd - sa * sd;
}

// WGS 84 ECEF positions, height 0. Angles are taken relative to a reference point near the data
// (the parks' mean), which saves the trigonometric calls for every point within ~5.7° of it.
class EcefFrame {
 public:
  explicit EcefFrame(double lon0 = 120, double lat0 = 30) : lon0_(lon0 * kDeg), lat0_(lat0 * kDeg) {
    slon0_ = std::sin(lon0_), clon0_ = std::cos(lon0_), slat0_ = std::sin(lat0_), clat0_ = std::cos(lat0_);
  }
  Xyz operator()(double lon, double lat) const {
    double sl, cl, so, co;
    sinCosNear(slat0_, clat0_, lat0_, lat * kDeg - lat0_, sl, cl);
    sinCosNear(slon0_, clon0_, lon0_, lon * kDeg - lon0_, so, co);
    const double n = kA / std::sqrt(1 - kE2 * sl * sl);
    return {n * cl * co, n * cl * so, n * (1 - kE2) * sl, sl, cl};
  }

 private:
  double lon0_, lat0_, slon0_, clon0_, slat0_, clat0_;
};

double chord2(const Xyz& a, const Xyz& b) {
  const double dx = a.x - b.x, dy = a.y - b.y, dz = a.z - b.z;
  return dx * dx + dy * dy + dz * dz;
}

// Arc length from the chord: s = c + c³/(24 R²), R the Euler radius of curvature in the line's
// direction (radii of curvature at the first point's latitude: sl, cl).
double arcFromChord(double c, double dlon_deg, double dlat_deg, double sl, double cl) {
  const double w2 = 1 - kE2 * sl * sl, w = std::sqrt(w2);
  const double mer = kA * (1 - kE2) / (w2 * w), pv = kA / w;
  const double dn = dlat_deg * kDeg * mer, de = dlon_deg * kDeg * pv * cl;
  const double d2 = dn * dn + de * de;
  const double r = d2 > 0 ? d2 / (dn * dn / mer + de * de / pv) : pv;
  return c + c * c * c / (24 * r * r);
}

struct ParkGeo {
  Xyz p{};
  double lon = 0, lat = 0;
  double r_m = 0;          // circle radius
  bool own_radius = true;  // the park's own radius: Projects::in_park decides (declared membership)
  bool polygon = false;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // polygon bbox (display CRS)
  Ecosystem main = Ecosystem::Other;
};

}  // namespace

double groundDistanceM(double lon1, double lat1, double lon2, double lat2) {
  const EcefFrame frame(lon1, lat1);
  const Xyz a = frame(lon1, lat1);
  const double c = std::sqrt(chord2(a, frame(lon2, lat2)));
  return arcFromChord(c, lon2 - lon1, lat2 - lat1, a.sl, a.cl);
}

Conformance parkConformance(const Model& m, const Filter& f, const ParkShapes& shapes, ParkMembership membership) {
  const Projects& p = m.projects;
  const size_t np = m.parks.size(), nd = m.districts.size();
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  double lon0 = 120, lat0 = 30;  // the parks' mean: the ECEF frame's reference
  if (np > 0) {
    lon0 = lat0 = 0;
    for (const Park& park : m.parks) lon0 += park.lon / static_cast<double>(np), lat0 += park.lat / static_cast<double>(np);
  }
  const EcefFrame ecef(lon0, lat0);
  const RowFilter pass(f);
  std::vector<ParkGeo> g(np);
  std::vector<double> px(np), py(np), pz(np), c2s(np);  // SoA for the nearest-park loops
  std::vector<uint8_t> pmain(np);
  for (size_t k = 0; k < np; ++k) {
    const Park& park = m.parks[k];
    ParkGeo& q = g[k];
    q.lon = park.lon;
    q.lat = park.lat;
    q.p = ecef(park.lon, park.lat);
    px[k] = q.p.x, py[k] = q.p.y, pz[k] = q.p.z;
    q.main = park.main_ecosystem;
    pmain[k] = static_cast<uint8_t>(park.main_ecosystem);
    const double what_if = k < shapes.radius_km.size() ? shapes.radius_km[k] : 0.0;
    q.own_radius = !(what_if > 0) || what_if == park.radius_km;
    q.r_m = 1000.0 * (what_if > 0 ? what_if : park.radius_km);
    if (k < shapes.polygons.size() && !shapes.polygons[k].empty()) {
      q.polygon = true;
      q.x0 = q.y0 = std::numeric_limits<double>::infinity();
      q.x1 = q.y1 = -std::numeric_limits<double>::infinity();
      for (const Polygon& poly : shapes.polygons[k])
        for (const Ring& ring : poly.rings)
          for (const Vec2& v : ring) {
            q.x0 = std::min(q.x0, v.x), q.x1 = std::max(q.x1, v.x);
            q.y0 = std::min(q.y0, v.y), q.y1 = std::max(q.y1, v.y);
          }
    }
  }

  // Is row i (ECEF e) in park k by its shape alone?
  auto inCircle = [&](size_t i, const Xyz& e, const ParkGeo& q) {
    const double c2 = chord2(e, q.p);
    const double hi = q.r_m + 1.0;
    if (c2 > hi * hi) return false;  // the chord is shorter than the arc: surely out
    const double s = arcFromChord(std::sqrt(c2), q.lon - p.lon[i], q.lat - p.lat[i], e.sl, e.cl);
    if (s < q.r_m - 1.0) return true;
    if (s > q.r_m + 1.0) return false;
    return geodesicDistanceM(p.lon[i], p.lat[i], q.lon, q.lat) <= q.r_m;
  };
  auto inShape = [&](size_t i, int k, const Xyz* e) {
    const ParkGeo& q = g[static_cast<size_t>(k)];
    if (q.polygon) {
      if (p.x[i] < q.x0 || p.x[i] > q.x1 || p.y[i] < q.y0 || p.y[i] > q.y1) return false;
      return insidePark(m, shapes, k, p.x[i], p.y[i]);
    }
    const Xyz ee = e ? *e : ecef(p.lon[i], p.lat[i]);
    return inCircle(i, ee, q);
  };

  Conformance out;
  out.parks.resize(np);
  for (size_t k = 0; k < np; ++k) out.parks[k].park = static_cast<int>(k);
  out.districts.resize(nd);
  for (size_t d = 0; d < nd; ++d) out.districts[d].district = static_cast<int>(d);
  std::vector<std::array<int64_t, kEcosystemCount>> park_eco(np);
  std::array<int64_t, kEcosystemCount> outside_eco{};
  std::vector<int64_t> district_match(nd, 0);
  int64_t outside_n = 0;

  for (size_t i = 0; i < p.size(); ++i) {
    if (!pass(p, i)) continue;
    const int eco = static_cast<int>(p.ecosystem[i]);
    const double inv = p.investment_yi[i];
    ++out.total;
    ++out.city_by_ecosystem[eco];
    const int d = p.district_index[i];
    AreaFigures* area = d >= 0 && static_cast<size_t>(d) < nd ? &out.districts[static_cast<size_t>(d)] : nullptr;
    if (area) ++area->count, area->investment_yi += inv;

    int park = -1;
    Xyz e{};
    bool have_e = false;
    if (membership == ParkMembership::Declared) {
      const int k = p.park_index[i];
      if (k >= 0 && static_cast<size_t>(k) < np) {
        const ParkGeo& q = g[static_cast<size_t>(k)];
        const bool in = q.polygon ? inShape(i, k, nullptr) : q.own_radius ? p.in_park[i] != 0 : inShape(i, k, nullptr);
        if (in) park = k;
      }
    } else {
      e = ecef(p.lon[i], p.lat[i]);
      have_e = true;
      double best = std::numeric_limits<double>::infinity();
      for (size_t k = 0; k < np; ++k) {
        if (!inShape(i, static_cast<int>(k), &e)) continue;
        const double c2 = chord2(e, g[k].p);
        if (c2 < best) best = c2, park = static_cast<int>(k);
      }
    }

    if (park >= 0) {
      ParkFigures& pf = out.parks[static_cast<size_t>(park)];
      ++pf.count;
      pf.investment_yi += inv;
      ++park_eco[static_cast<size_t>(park)][eco];
      const bool match = p.ecosystem[i] == g[static_cast<size_t>(park)].main;
      if (match) ++pf.matching, ++out.matching;
      else pf.mismatched.push_back(static_cast<uint32_t>(i));
      ++out.in_parks;
      if (area) ++area->in_parks, district_match[static_cast<size_t>(d)] += match;
      continue;
    }
    ++outside_n;
    ++outside_eco[eco];
    OutsideProject o;
    o.row = static_cast<uint32_t>(i);
    o.suggested_m = kNaN;
    if (np > 0) {
      if (!have_e) e = ecef(p.lon[i], p.lat[i]);
      double best = std::numeric_limits<double>::infinity(), best_match = best;
      int nearest = -1, suggested = -1;
      for (size_t k = 0; k < np; ++k) {  // vectorised
        const double dx = e.x - px[k], dy = e.y - py[k], dz = e.z - pz[k];
        c2s[k] = dx * dx + dy * dy + dz * dz;
      }
      const uint8_t eco_i = static_cast<uint8_t>(p.ecosystem[i]);
      for (size_t k = 0; k < np; ++k) {
        const double c2 = c2s[k];
        if (c2 < best) best = c2, nearest = static_cast<int>(k);
        if (pmain[k] == eco_i && c2 < best_match) best_match = c2, suggested = static_cast<int>(k);
      }
      o.nearest_park = nearest;
      const ParkGeo& qn = g[static_cast<size_t>(nearest)];
      o.nearest_m = arcFromChord(std::sqrt(best), qn.lon - p.lon[i], qn.lat - p.lat[i], e.sl, e.cl);
      o.suggested_park = suggested;
      if (suggested >= 0) {
        const ParkGeo& qs = g[static_cast<size_t>(suggested)];
        o.suggested_m = suggested == nearest ? o.nearest_m : arcFromChord(std::sqrt(best_match), qs.lon - p.lon[i], qs.lat - p.lat[i], e.sl, e.cl);
      }
    } else {
      o.nearest_m = kNaN;
    }
    out.outside.push_back(o);
  }

  const double N = static_cast<double>(out.total);
  auto lqs = [&](const std::array<int64_t, kEcosystemCount>& n_e, int64_t n, std::array<double, kEcosystemCount>& lq) {
    for (int e = 0; e < kEcosystemCount; ++e) {
      const int64_t city = out.city_by_ecosystem[e];
      lq[e] = n > 0 && city > 0 ? (static_cast<double>(n_e[e]) / static_cast<double>(n)) / (static_cast<double>(city) / N) : 0.0;
    }
  };
  for (size_t k = 0; k < np; ++k) {
    ParkFigures& pf = out.parks[k];
    pf.match_share = pf.count ? static_cast<double>(pf.matching) / static_cast<double>(pf.count) : 0.0;
    lqs(park_eco[k], pf.count, pf.lq);
    double h = 0;
    if (pf.count)
      for (int e = 0; e < kEcosystemCount; ++e) {
        const double s = static_cast<double>(park_eco[k][e]) / static_cast<double>(pf.count);
        h += s * s;
      }
    pf.hhi = h;
  }
  lqs(outside_eco, outside_n, out.outside_lq);
  for (size_t d = 0; d < nd; ++d) {
    AreaFigures& a = out.districts[d];
    a.match_share = a.in_parks ? static_cast<double>(district_match[d]) / static_cast<double>(a.in_parks) : 0.0;
    const double km2 = m.districts[d].area_km2;
    a.per_km2_count = km2 > 0 ? static_cast<double>(a.count) / km2 : 0.0;
    a.per_km2_investment = km2 > 0 ? a.investment_yi / km2 : 0.0;
  }
  out.in_parks_share = out.total ? static_cast<double>(out.in_parks) / N : 0.0;
  out.match_share = out.in_parks ? static_cast<double>(out.matching) / static_cast<double>(out.in_parks) : 0.0;
  return out;
}

}  // namespace cm
