#include "core/analysis/hulls.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <geos_c.h>

#include "geo/geos_handle.h"

#include "core/analysis/ground.h"
#include "core/view.h"
#include "geo/geodesic.h"

namespace cm {
namespace {

GEOSContextHandle_t ctx() { return geosContext(); }  // geo/geos_handle.h
using GeomDeleter = GeosDeleter;
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

bool isAreal(const GEOSGeometry* g) {
  const int type = GEOSGeomTypeId_r(ctx(), g);
  return type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON;
}

Extent extentOf(const MultiPolygon& mp) {
  Extent e;
  for (const Polygon& p : mp)
    for (const Ring& r : p.rings)
      for (const Vec2& v : r) e.add(v);
  return e;
}

bool overlaps(const Extent& a, const Extent& b) {
  return a.minx <= b.maxx && b.minx <= a.maxx && a.miny <= b.maxy && b.miny <= a.maxy;
}

}  // namespace

MultiPolygon clusterHull(const Model& m, const std::vector<uint32_t>& rows, bool concave, double concave_ratio) {
  const Projects& p = m.projects;
  Extent box;
  size_t valid = 0;
  for (uint32_t r : rows)
    if (r < p.size() && std::isfinite(p.x[r]) && std::isfinite(p.y[r])) {
      box.add({p.x[r], p.y[r]});
      ++valid;
    }
  if (valid == 0) return {};
  const double diag = std::hypot(box.maxx - box.minx, box.maxy - box.miny);
  // A concave hull of many points (a Delaunay triangulation) is costly: above kConcaveDirect
  // members it is computed over one member per cell of a fine grid (diagonal/400) and then
  // buffered by the cell's diagonal, which brings every member left out back inside.
  constexpr size_t kConcaveDirect = 4096;
  double thin_cell = 0;
  if (concave && valid > kConcaveDirect && diag > 0) thin_cell = diag / 400;
  std::vector<GEOSGeometry*> points;
  points.reserve(valid);
  {
    std::vector<uint8_t> seen;
    int gw = 0, gh = 0;
    if (thin_cell > 0) {
      gw = static_cast<int>((box.maxx - box.minx) / thin_cell) + 1;
      gh = static_cast<int>((box.maxy - box.miny) / thin_cell) + 1;
      seen.assign(static_cast<size_t>(gw) * gh, 0);
    }
    for (uint32_t r : rows) {
      if (r >= p.size() || !std::isfinite(p.x[r]) || !std::isfinite(p.y[r])) continue;
      if (thin_cell > 0) {
        const int cx = std::min(gw - 1, static_cast<int>((p.x[r] - box.minx) / thin_cell));
        const int cy = std::min(gh - 1, static_cast<int>((p.y[r] - box.miny) / thin_cell));
        uint8_t& s = seen[static_cast<size_t>(cy) * gw + cx];
        if (s) continue;
        s = 1;
      }
      points.push_back(GEOSGeom_createPointFromXY_r(ctx(), p.x[r], p.y[r]));
    }
  }
  GeomPtr multi(GEOSGeom_createCollection_r(ctx(), GEOS_MULTIPOINT, points.data(), static_cast<unsigned>(points.size())));
  if (!multi) return {};
  GeomPtr hull;
  if (concave) hull.reset(GEOSConcaveHull_r(ctx(), multi.get(), std::clamp(concave_ratio, 0.0, 1.0), 0));
  if (!hull) hull.reset(GEOSConvexHull_r(ctx(), multi.get()));
  if (!hull) return {};

  // Degenerate: not areal, or a sliver whose mean width (area / diagonal) is under half the
  // buffer — nobody could see it.
  const double buffer = kDegenerateHullBufferM / groundScale(m);
  double area = 0;
  const bool degenerate = !isAreal(hull.get()) || !GEOSArea_r(ctx(), hull.get(), &area) || area < 0.5 * buffer * diag;
  if (degenerate) {
    // The convex hull of a degenerate set is the point or the segment itself.
    GeomPtr base(GEOSConvexHull_r(ctx(), multi.get()));
    GeomPtr buffered(GEOSBuffer_r(ctx(), base ? base.get() : multi.get(), buffer, 8));
    if (buffered) hull = std::move(buffered);
  } else if (thin_cell > 0) {
    GeomPtr buffered(GEOSBuffer_r(ctx(), hull.get(), thin_cell * std::sqrt(2.0) * 1.001, 4));
    if (buffered) hull = std::move(buffered);
  }
  MultiPolygon out;
  collectPolygons(hull.get(), out);
  return out;
}

std::vector<MultiPolygon> clusterHulls(const Model& m, const DbscanResult& r, bool concave, double concave_ratio,
                                       TaskControl* ctl) {
  std::vector<MultiPolygon> out;
  out.reserve(r.clusters.size());
  int64_t total = 0, done = 0;
  for (const DbscanCluster& c : r.clusters) total += c.count;
  for (const DbscanCluster& c : r.clusters) {
    if (ctl) {
      if (ctl->cancel.load(std::memory_order_relaxed)) return {};
      ctl->progress.store(total ? static_cast<float>(double(done) / double(total)) : 0.f);
    }
    out.push_back(clusterHull(m, c.rows, concave, concave_ratio));
    done += c.count;
  }
  if (ctl) ctl->progress.store(1.f);
  return out;
}

std::vector<ClusterPark> matchClustersToParks(const Model& m, const DbscanResult& r,
                                              const std::vector<MultiPolygon>& cluster_hulls, const ParkShapes& shapes,
                                              double min_share) {
  const Projects& P = m.projects;
  const size_t np = m.parks.size();
  const double scale = groundScale(m);
  // Each park's shape: polygon, or circle (radius in metres on the ground), and its box.
  std::vector<const MultiPolygon*> poly(np, nullptr);
  std::vector<double> radius_m(np, 0);
  std::vector<Extent> box(np);
  for (size_t k = 0; k < np; ++k) {
    const Park& park = m.parks[k];
    if (k < shapes.polygons.size() && !shapes.polygons[k].empty()) {
      poly[k] = &shapes.polygons[k];
      box[k] = extentOf(*poly[k]);
    } else {
      radius_m[k] = 1000.0 * (k < shapes.radius_km.size() && shapes.radius_km[k] > 0 ? shapes.radius_km[k] : park.radius_km);
      const double ru = radius_m[k] / scale * 1.01 + 1;  // display units, a little slack
      box[k].add({park.xy.x - ru, park.xy.y - ru});
      box[k].add({park.xy.x + ru, park.xy.y + ru});
    }
  }
  std::vector<Ecef> centre(np);
  for (size_t k = 0; k < np; ++k) centre[k] = toEcef(m.parks[k].lon, m.parks[k].lat);
  // The circle test is the loaders' (geodesic distance ≤ radius); the ECEF chord decides it
  // cheaply (chord ≤ geodesic ≤ chord·(1 + 10⁻⁷) at these distances) except within 10⁻⁶ of the
  // edge, where the geodesic itself does.
  auto inside = [&](size_t k, uint32_t row) {
    const double x = P.x[row], y = P.y[row];
    if (x < box[k].minx || x > box[k].maxx || y < box[k].miny || y > box[k].maxy) return false;
    if (poly[k]) return pointInMultiPolygon(*poly[k], x, y);
    const double c = chordM(toEcef(P.lon[row], P.lat[row]), centre[k]), rm = radius_m[k];
    if (c > rm * (1 + 1e-6)) return false;
    if (c < rm * (1 - 1e-6)) return true;
    return geodesicDistanceM(P.lon[row], P.lat[row], m.parks[k].lon, m.parks[k].lat) <= rm;
  };

  std::vector<ClusterPark> out;
  out.reserve(r.clusters.size());
  for (size_t c = 0; c < r.clusters.size(); ++c) {
    const DbscanCluster& cl = r.clusters[c];
    ClusterPark cp;
    cp.cluster = static_cast<int>(c);
    Extent cbox;
    if (c < cluster_hulls.size() && !cluster_hulls[c].empty()) cbox = extentOf(cluster_hulls[c]);
    else
      for (uint32_t row : cl.rows) cbox.add({P.x[row], P.y[row]});
    int best = -1;
    int64_t best_in = 0;
    for (size_t k = 0; k < np; ++k) {
      if (!overlaps(cbox, box[k])) continue;
      int64_t in = 0;
      for (uint32_t row : cl.rows) in += inside(k, row);
      if (in == 0) continue;
      const bool own = m.parks[k].main_ecosystem == cl.ecosystem;
      const bool best_own = best >= 0 && m.parks[best].main_ecosystem == cl.ecosystem;
      if (in > best_in || (in == best_in && own && !best_own)) {
        best = static_cast<int>(k);
        best_in = in;
      }
    }
    cp.overlap_share = cl.rows.empty() ? 0 : double(best_in) / double(cl.rows.size());
    if (best >= 0 && cp.overlap_share >= min_share) {
      cp.park = best;
      cp.same_industry = m.parks[best].main_ecosystem == cl.ecosystem;
    }
    out.push_back(cp);
  }
  return out;
}

bool parkJudged(const Model& m, const Filter& f, int k) {
  if (k < 0 || static_cast<size_t>(k) >= m.parks.size()) return false;
  const Park& park = m.parks[static_cast<size_t>(k)];
  if (f.park == ParkMode::OutsidePark) return false;
  if (!(f.ecosystems >> static_cast<int>(park.main_ecosystem) & 1u)) return false;
  int district = -1;
  for (size_t d = 0; d < m.districts.size(); ++d)
    if (m.districts[d].adcode == park.district_adcode) district = static_cast<int>(d);
  return f.districts.contains(district);
}

std::vector<int> parksWithoutTheirCluster(const Model& m, const std::vector<ClusterPark>& matches, const Filter& f) {
  std::vector<uint8_t> has(m.parks.size(), 0);
  for (const ClusterPark& cp : matches)
    if (cp.park >= 0 && static_cast<size_t>(cp.park) < has.size() && cp.same_industry) has[cp.park] = 1;
  std::vector<int> out;
  for (size_t k = 0; k < has.size(); ++k)
    if (!has[k] && parkJudged(m, f, static_cast<int>(k))) out.push_back(static_cast<int>(k));
  return out;
}

}  // namespace cm
