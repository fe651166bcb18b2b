#include "data/analysis_records.h"

#include "geo/geodesic.h"
#include "geo/projection.h"

namespace cm {

Polygon catchmentPolygon(const Model& m, int park, double radius_km, int segments) {
  Polygon out;
  if (park < 0 || static_cast<size_t>(park) >= m.parks.size() || segments < 3) return out;
  const Park& p = m.parks[static_cast<size_t>(park)];
  auto tr = sharedTransform(kWgs84, displayCrsOf(m.display_crs));
  if (!tr) return out;
  Ring ring;
  for (int i = 0; i <= segments; ++i) {
    Vec2 v = geodesicDirect(p.lon, p.lat, 360.0 * (i % segments) / segments, radius_km * 1000.0);
    if (!(*tr)->apply(v.x, v.y)) return Polygon{};
    ring.push_back(v);
  }
  out.rings.push_back(std::move(ring));
  return out;
}

ClusterRecords clusterRecords(const ClusterResult& c) {
  ClusterRecords out;
  for (size_t k = 0; k < c.result.clusters.size(); ++k) {
    const DbscanCluster& cl = c.result.clusters[k];
    ClusterHullRecord h{cl.id, cl.count, cl.investment_yi, cl.ecosystem, -1, 0, false, k < c.hulls.size() ? c.hulls[k] : MultiPolygon{}};
    if (k < c.parks.size()) h.matched_park = c.parks[k].park, h.overlap_share = c.parks[k].overlap_share, h.same_industry = c.parks[k].same_industry;
    out.hulls.push_back(std::move(h));
  }
  for (uint32_t i = 0; i < c.result.label.size(); ++i)
    if (c.result.label[i] != DbscanResult::kNotIncluded) out.labels.push_back({i, c.result.label[i]});
  return out;
}

}  // namespace cm
