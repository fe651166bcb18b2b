#include "geo/stairs.h"

#include <cmath>
#include <map>

namespace cm {

namespace {

bool closedRing(const Ring& r) { return r.size() > 3 && r.front() == r.back(); }

// The ring's vertices without the closing repeat.
size_t openSize(const Ring& r) { return closedRing(r) ? r.size() - 1 : r.size(); }

}  // namespace

double stairCellSize(const MultiPolygon& ll) {
  std::map<long long, int> lengths;  // in 1e-7 units
  size_t edges = 0, axis = 0;
  for (const Polygon& p : ll)
    for (const Ring& r : p.rings) {
      const size_t n = openSize(r);
      for (size_t i = 0; n >= 3 && i < n; ++i) {
        const Vec2 a = r[i], b = r[(i + 1) % n];
        const double dx = std::abs(b.x - a.x), dy = std::abs(b.y - a.y);
        ++edges;
        if ((dx == 0) == (dy == 0)) continue;  // diagonal, or a repeated point
        ++axis;
        ++lengths[std::llround((dx + dy) * 1e7)];
      }
    }
  if (edges == 0 || axis * 3 < edges) return 0;
  // The cell: the shortest length that is common (a step of one cell), not a stray short edge.
  int most = 0;
  for (const auto& [len, count] : lengths) most = std::max(most, count);
  for (const auto& [len, count] : lengths)
    if (count * 4 >= most) return len * 1e-7;
  return 0;
}

void smoothStairs(MultiPolygon& ll, MultiPolygon& xy, double cell) {
  if (!(cell > 0) || ll.size() != xy.size()) return;
  const double long_edge = 6.5 * cell;  // steps of up to six cells (shallow banks); longer is a straight stretch
  for (size_t p = 0; p < ll.size(); ++p) {
    if (ll[p].rings.size() != xy[p].rings.size()) continue;
    for (size_t k = 0; k < ll[p].rings.size(); ++k) {
      Ring& a = ll[p].rings[k];
      Ring& b = xy[p].rings[k];
      const size_t n = openSize(a);
      if (n < 4 || b.size() != a.size()) continue;
      const bool closed = closedRing(a);
      Ring na, nb;
      na.reserve(n + n / 4 + 1), nb.reserve(n + n / 4 + 1);
      auto at = [](const Vec2& u, const Vec2& v, double t) { return Vec2{u.x + (v.x - u.x) * t, u.y + (v.y - u.y) * t}; };
      for (size_t i = 0; i < n; ++i) {
        const size_t j = (i + 1) % n;
        const double len = std::hypot(a[j].x - a[i].x, a[j].y - a[i].y);
        if (len <= 0) continue;
        if (len <= long_edge) {
          na.push_back(at(a[i], a[j], 0.5)), nb.push_back(at(b[i], b[j], 0.5));
        } else {  // straight on, half a cell in from each end
          const double t = 0.5 * cell / len;
          na.push_back(at(a[i], a[j], t)), nb.push_back(at(b[i], b[j], t));
          na.push_back(at(a[i], a[j], 1 - t)), nb.push_back(at(b[i], b[j], 1 - t));
        }
      }
      if (na.size() < 3) continue;
      if (closed) na.push_back(na.front()), nb.push_back(nb.front());
      a = std::move(na);
      b = std::move(nb);
    }
  }
}

}  // namespace cm
