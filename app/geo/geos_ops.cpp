#include "geo/geos_ops.h"

#include <cmath>

#include <geos_c.h>

#include "geo/geos_handle.h"


namespace cm {
namespace {

GEOSContextHandle_t ctx() { return geosContext(); }  // geo/geos_handle.h
using GeomDeleter = GeosDeleter;
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

GEOSGeometry* makeRing(const Ring& r) {
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx(), static_cast<unsigned>(r.size()), 2);
  for (size_t i = 0; i < r.size(); ++i) GEOSCoordSeq_setXY_r(ctx(), seq, static_cast<unsigned>(i), r[i].x, r[i].y);
  return GEOSGeom_createLinearRing_r(ctx(), seq);
}

GEOSGeometry* makePolygon(const Polygon& p) {
  if (p.rings.empty()) return GEOSGeom_createEmptyPolygon_r(ctx());
  std::vector<GEOSGeometry*> holes;
  for (size_t i = 1; i < p.rings.size(); ++i) holes.push_back(makeRing(p.rings[i]));
  return GEOSGeom_createPolygon_r(ctx(), makeRing(p.rings[0]), holes.data(), static_cast<unsigned>(holes.size()));
}

GeomPtr makeMulti(const MultiPolygon& mp) {
  std::vector<GEOSGeometry*> parts;
  for (const Polygon& p : mp) parts.push_back(makePolygon(p));
  return GeomPtr(GEOSGeom_createCollection_r(ctx(), GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size())));
}

void collectTriangles(const GEOSGeometry* g, std::vector<Vec2>& out) {
  const int n = GEOSGetNumGeometries_r(ctx(), g);
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* tri = GEOSGetGeometryN_r(ctx(), g, i);
    const GEOSGeometry* ring = GEOSGetExteriorRing_r(ctx(), tri);
    if (!ring) continue;
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx(), ring);
    unsigned sz = 0;
    GEOSCoordSeq_getSize_r(ctx(), seq, &sz);
    if (sz < 4) continue;
    for (unsigned k = 0; k < 3; ++k) {
      Vec2 v;
      GEOSCoordSeq_getXY_r(ctx(), seq, k, &v.x, &v.y);
      out.push_back(v);
    }
  }
}

}  // namespace

std::vector<Vec2> triangulate(const MultiPolygon& mp) {
  std::vector<Vec2> out;
  for (const Polygon& p : mp) {
    GeomPtr poly(makePolygon(p));
    GeomPtr tris(GEOSConstrainedDelaunayTriangulation_r(ctx(), poly.get()));
    if (tris) collectTriangles(tris.get(), out);
  }
  return out;
}

Vec2 labelPoint(const MultiPolygon& mp, double tolerance) {
  // Largest part by planar area.
  const Polygon* best = nullptr;
  double best_area = -1;
  for (const Polygon& p : mp) {
    GeomPtr g(makePolygon(p));
    double a = 0;
    GEOSArea_r(ctx(), g.get(), &a);
    if (a > best_area) { best_area = a; best = &p; }
  }
  if (!best) return {};
  GeomPtr g(makePolygon(*best));
  GeomPtr mic(GEOSMaximumInscribedCircle_r(ctx(), g.get(), tolerance));
  Vec2 c;
  if (mic) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx(), mic.get());
    if (seq && GEOSCoordSeq_getXY_r(ctx(), seq, 0, &c.x, &c.y)) return c;
  }
  GeomPtr pt(GEOSPointOnSurface_r(ctx(), g.get()));
  if (pt) { GEOSGeomGetX_r(ctx(), pt.get(), &c.x); GEOSGeomGetY_r(ctx(), pt.get(), &c.y); }
  return c;
}

static void collectLines(const GEOSGeometry* g, std::vector<LineString>& out) {
  const int type = GEOSGeomTypeId_r(ctx(), g);
  if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx(), g);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx(), seq, &n);
    LineString ls(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(ctx(), seq, i, &ls[i].x, &ls[i].y);
    out.push_back(std::move(ls));
    return;
  }
  const int n = GEOSGetNumGeometries_r(ctx(), g);
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(ctx(), g, i);
    if (part != g) collectLines(part, out);
  }
}

std::vector<LineString> unionOutline(const std::vector<const MultiPolygon*>& polys) {
  std::vector<GEOSGeometry*> parts;
  for (const MultiPolygon* mp : polys)
    for (const Polygon& p : *mp) parts.push_back(makePolygon(p));
  GeomPtr coll(GEOSGeom_createCollection_r(ctx(), GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())));
  GeomPtr uni(GEOSUnaryUnion_r(ctx(), coll.get()));
  std::vector<LineString> out;
  if (!uni) return out;
  GeomPtr boundary(GEOSBoundary_r(ctx(), uni.get()));
  if (boundary) collectLines(boundary.get(), out);
  return out;
}

std::string validityProblem(const MultiPolygon& mp) {
  GeomPtr g = makeMulti(mp);
  if (GEOSisValid_r(ctx(), g.get()) == 1) return "";
  char* reason = GEOSisValidReason_r(ctx(), g.get());
  std::string r = reason ? reason : "invalid geometry";
  GEOSFree_r(ctx(), reason);
  return r;
}

namespace {
Ring ringOf(const GEOSGeometry* ring) {
  Ring r;
  const GEOSCoordSequence* seq = ring ? GEOSGeom_getCoordSeq_r(ctx(), ring) : nullptr;
  unsigned n = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(ctx(), seq, &n)) return r;
  r.resize(n);
  for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(ctx(), seq, i, &r[i].x, &r[i].y);
  return r;
}
}  // namespace

void collectPolygons(const GEOSGeometry* g, MultiPolygon& out) {
  const int type = GEOSGeomTypeId_r(ctx(), g);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(ctx(), g) == 1) return;
    Polygon p;
    p.rings.push_back(ringOf(GEOSGetExteriorRing_r(ctx(), g)));
    const int holes = GEOSGetNumInteriorRings_r(ctx(), g);
    for (int i = 0; i < holes; ++i) p.rings.push_back(ringOf(GEOSGetInteriorRingN_r(ctx(), g, i)));
    if (p.rings[0].size() >= 4) out.push_back(std::move(p));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(ctx(), g);
    for (int i = 0; i < n; ++i) collectPolygons(GEOSGetGeometryN_r(ctx(), g, i), out);
  }
}

MultiPolygon makeValidPolygons(const MultiPolygon& mp) {
  MultiPolygon out;
  GeomPtr g = makeMulti(mp);
  if (!g) return out;
  GeomPtr valid(GEOSMakeValid_r(ctx(), g.get()));
  if (valid) collectPolygons(valid.get(), out);
  return out;
}

struct PolygonSet::Impl {
  std::vector<GeomPtr> geoms;
  std::vector<const GEOSPreparedGeometry*> prepared;
  ~Impl() {
    for (auto* p : prepared) GEOSPreparedGeom_destroy_r(ctx(), p);
  }
};

PolygonSet::PolygonSet(const std::vector<const MultiPolygon*>& polys) : impl_(std::make_unique<Impl>()) {
  for (const MultiPolygon* mp : polys) {
    impl_->geoms.push_back(makeMulti(*mp));
    impl_->prepared.push_back(GEOSPrepare_r(ctx(), impl_->geoms.back().get()));
  }
}
PolygonSet::~PolygonSet() = default;

size_t PolygonSet::size() const { return impl_->prepared.size(); }

bool PolygonSet::contains(size_t i, double x, double y) const {
  if (i >= impl_->prepared.size()) return false;
  GeomPtr pt(GEOSGeom_createPointFromXY_r(ctx(), x, y));
  return GEOSPreparedContains_r(ctx(), impl_->prepared[i], pt.get()) == 1;
}

double PolygonSet::distance(size_t i, double x, double y) const {
  if (i >= impl_->prepared.size()) return INFINITY;
  GeomPtr pt(GEOSGeom_createPointFromXY_r(ctx(), x, y));
  double d = INFINITY;
  if (!GEOSPreparedDistance_r(ctx(), impl_->prepared[i], pt.get(), &d)) return INFINITY;
  return d;
}

int PolygonSet::indexAt(double x, double y) const {
  for (size_t i = 0; i < impl_->prepared.size(); ++i)
    if (contains(i, x, y)) return static_cast<int>(i);
  return -1;
}

}  // namespace cm
