// Geometry operations delegated to GEOS (C API, re-entrant handle): triangulation for filling,
// label points, validity, point-in-polygon.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "geo/types.h"

namespace cm {

// Constrained Delaunay triangulation of a (multi)polygon; three vertices per triangle,
// holes respected. Empty on failure.
std::vector<Vec2> triangulate(const MultiPolygon& mp);

// A good interior point for a label: centre of the maximum inscribed circle of the largest part
// (always inside, even for a concave county), tolerance in the polygon's units.
Vec2 labelPoint(const MultiPolygon& mp, double tolerance);

// Outline of the union of several polygons (e.g. the city boundary around all districts).
std::vector<LineString> unionOutline(const std::vector<const MultiPolygon*>& polys);

// "" when valid, else GEOS's reason (e.g. "Self-intersection[x y]").
std::string validityProblem(const MultiPolygon& mp);

// The polygonal part of GEOS MakeValid: a bow-tie becomes its two triangles, a self-touching ring
// its pieces; what collapses to lines or points is dropped. Empty when nothing polygonal remains.
MultiPolygon makeValidPolygons(const MultiPolygon& mp);

// Point-in-polygon over a set of multipolygons, with prepared geometries.
class PolygonSet {
 public:
  explicit PolygonSet(const std::vector<const MultiPolygon*>& polys);
  ~PolygonSet();
  PolygonSet(const PolygonSet&) = delete;
  PolygonSet& operator=(const PolygonSet&) = delete;
  bool contains(size_t index, double x, double y) const;
  int indexAt(double x, double y) const;  // first polygon containing the point, -1 none
  double distance(size_t index, double x, double y) const;  // 0 inside; in the polygons' units
  size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cm
