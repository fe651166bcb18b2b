#include "render/mesh_build.h"

#include <cmath>

#include "geo/geos_ops.h"

namespace cm {

void appendFill(std::vector<FillVertex>& out, const MultiPolygon& xy, Vec2 origin, uint32_t rgba) {
  appendFill(out, xy, {}, origin, rgba);
}

void appendFill(std::vector<FillVertex>& out, const MultiPolygon& xy, const std::vector<Vec2>& made, Vec2 origin, uint32_t rgba) {
  const std::vector<Vec2> now = made.empty() ? triangulate(xy) : std::vector<Vec2>();
  for (const Vec2& v : made.empty() ? now : made)
    out.push_back({static_cast<float>(v.x - origin.x), static_cast<float>(v.y - origin.y), rgba});
}

// Two triangles per segment; the vertex shader pushes each vertex side * half-width pixels along
// the normal, and the fragment shader fades the last pixel for anti-aliasing. Round-enough joins
// come from the overlap of neighbouring quads at the widths a map uses (≤ 3 px).
void appendLine(std::vector<LineVertex>& out, const std::vector<Vec2>& pts, Vec2 origin, bool closed) {
  const size_t n = pts.size();
  if (n < 2) return;
  const size_t segs = closed ? n : n - 1;
  for (size_t i = 0; i < segs; ++i) {
    const Vec2 a = pts[i], b = pts[(i + 1) % n];
    double dx = b.x - a.x, dy = b.y - a.y;
    const double len = std::hypot(dx, dy);
    if (len <= 0) continue;
    // Extend each segment by a tiny bit in the shader-independent way: none needed, joins overlap.
    const float nx = static_cast<float>(-dy / len), ny = static_cast<float>(dx / len);
    const float ax = static_cast<float>(a.x - origin.x), ay = static_cast<float>(a.y - origin.y);
    const float bx = static_cast<float>(b.x - origin.x), by = static_cast<float>(b.y - origin.y);
    const LineVertex q[6] = {{ax, ay, nx, ny, -1}, {bx, by, nx, ny, -1}, {bx, by, nx, ny, 1},
                             {ax, ay, nx, ny, -1}, {bx, by, nx, ny, 1},  {ax, ay, nx, ny, 1}};
    out.insert(out.end(), q, q + 6);
  }
}

void appendOutlines(std::vector<LineVertex>& out, const MultiPolygon& xy, Vec2 origin) {
  for (const Polygon& p : xy)
    for (const Ring& r : p.rings) appendLine(out, r, origin, false);  // rings are already closed
}

}  // namespace cm
