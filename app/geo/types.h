// Geometry types, the bottom of the stack: points, rings, polygons, lines and a bounding box in
// whatever CRS the caller works in. Nothing here knows of districts, parks or projects.
#pragma once
#include <algorithm>
#include <cmath>
#include <vector>

namespace cm {

struct Vec2 {
  double x = 0, y = 0;
  bool operator==(const Vec2&) const = default;
};
using Ring = std::vector<Vec2>;
struct Polygon {
  std::vector<Ring> rings;  // rings[0] is the outer ring, the rest are holes
};
using MultiPolygon = std::vector<Polygon>;
using LineString = std::vector<Vec2>;

struct Extent {
  double minx = INFINITY, miny = INFINITY, maxx = -INFINITY, maxy = -INFINITY;  // empty
  bool valid() const { return maxx > minx && maxy > miny; }
  void add(Vec2 p) {
    minx = std::min(minx, p.x); maxx = std::max(maxx, p.x);
    miny = std::min(miny, p.y); maxy = std::max(maxy, p.y);
  }
};

}  // namespace cm
