#include "core/analysis/dbscan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>

#include <nanoflann.hpp>

#include "core/analysis/enu_cloud.h"
#include "core/analysis/ground.h"

namespace cm {

namespace {

int32_t cellOf(double v, double side) {
  return static_cast<int32_t>(std::clamp(std::floor(v / side), -1e9, 1e9));
}

struct CellPoint {
  int32_t ix, iy, iz;
  uint32_t row;
  Enu p;
};

// A cube of the grid: its points are [begin, end) of the sorted arrays; lo/hi their box.
struct Cell {
  int32_t ix, iy, iz;
  uint32_t begin, end;
  Enu lo{INFINITY, INFINITY, INFINITY}, hi{-INFINITY, -INFINITY, -INFINITY};
};

inline double gap(double lo_a, double hi_a, double lo_b, double hi_b) {
  return std::max({0.0, lo_b - hi_a, lo_a - hi_b});
}
inline double boxGap2(const Cell& a, const Cell& b) {
  const double e = gap(a.lo.e, a.hi.e, b.lo.e, b.hi.e), n = gap(a.lo.n, a.hi.n, b.lo.n, b.hi.n),
               u = gap(a.lo.u, a.hi.u, b.lo.u, b.hi.u);
  return e * e + n * n + u * u;
}
inline double pointBoxGap2(const Enu& p, const Cell& b) {
  const double e = gap(p.e, p.e, b.lo.e, b.hi.e), n = gap(p.n, p.n, b.lo.n, b.hi.n), u = gap(p.u, p.u, b.lo.u, b.hi.u);
  return e * e + n * n + u * u;
}

// Cell coordinates → cell index: open addressing, linear probing.
class CellTable {
 public:
  explicit CellTable(const std::vector<Cell>& cells) : cells_(cells) {
    size_t cap = 16;
    while (cap < cells.size() * 2) cap <<= 1;
    slots_.assign(cap, kEmpty);
    mask_ = cap - 1;
    for (uint32_t c = 0; c < cells.size(); ++c) {
      size_t h = hash(cells[c].ix, cells[c].iy, cells[c].iz) & mask_;
      while (slots_[h] != kEmpty) h = (h + 1) & mask_;
      slots_[h] = c;
    }
  }
  uint32_t find(int32_t x, int32_t y, int32_t z) const {
    size_t h = hash(x, y, z) & mask_;
    while (slots_[h] != kEmpty) {
      const Cell& c = cells_[slots_[h]];
      if (c.ix == x && c.iy == y && c.iz == z) return slots_[h];
      h = (h + 1) & mask_;
    }
    return kEmpty;
  }

 private:
  static constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  static size_t hash(int32_t x, int32_t y, int32_t z) {
    uint64_t h = uint64_t(uint32_t(x)) * 0x9E3779B97F4A7C15ull ^ uint64_t(uint32_t(y)) * 0xC2B2AE3D27D4EB4Full ^
                 uint64_t(uint32_t(z)) * 0x165667B19E3779F9ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  const std::vector<Cell>& cells_;
  std::vector<uint32_t> slots_;
  size_t mask_ = 0;
};

// Counts neighbours within the radius and stops the search as soon as `need` are found.
struct CountUpTo {
  double r2;
  uint32_t need;
  uint32_t count = 0;
  bool full() const { return true; }
  size_t size() const { return count; }
  double worstDist() const { return r2; }
  bool addPoint(double, uint32_t) { return ++count < need; }
};

// Calls visit(squared distance, index) for every point within the radius.
template <class F>
struct VisitAll {
  double r2;
  F& visit;
  bool full() const { return true; }
  size_t size() const { return 0; }
  double worstDist() const { return r2; }
  bool addPoint(double d2, uint32_t j) {
    visit(d2, j);
    return true;
  }
};

// Union-find over local indices, path halving; the lower index becomes the root.
struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t find(uint32_t a) {
    while (parent[a] != a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  }
  void unite(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (a < b) parent[b] = a;
    else parent[a] = b;
  }
};

// Progress over all groups, and the cancel check (every 1024 steps).
struct Progress {
  TaskControl* ctl;
  size_t total;
  size_t done = 0;  // points of the groups finished
  uint32_t calls = 0;
  // `fraction`: how far through the current group of `n` points. False when cancelled.
  bool step(double fraction, size_t n) {
    if (!ctl || (calls++ & 1023) != 0) return true;  // checks on the first call too
    if (ctl->cancel.load(std::memory_order_relaxed)) return false;
    const double f = total ? (double(done) + fraction * double(n)) / double(total) : 0.0;
    ctl->progress.store(static_cast<float>(std::clamp(f, 0.0, 1.0)));
    return true;
  }
};

struct TempCluster {
  Ecosystem group_eco;
  bool by_eco;
  std::vector<uint32_t> rows;
};

}  // namespace

DbscanResult dbscan(const Model& m, const Filter& f, const DbscanParams& prm, TaskControl* ctl) {
  const Projects& P = m.projects;
  const size_t N = P.size();
  DbscanResult res;
  res.label.assign(N, DbscanResult::kNotIncluded);
  res.core.assign(N, 0);
  auto cancelled = [&] {
    DbscanResult c;
    c.cancelled = true;
    return c;
  };
  if (ctl && ctl->cancel.load(std::memory_order_relaxed)) return cancelled();

  // The groups: all filtered rows, or one per ecosystem.
  std::array<std::vector<uint32_t>, kEcosystemCount> by_eco;
  std::vector<uint32_t> all_rows;
  const RowFilter pass(f);
  for (size_t i = 0; i < N; ++i) {
    if (!pass(P, i)) continue;
    ++res.included;
    if (!std::isfinite(P.lon[i]) || !std::isfinite(P.lat[i])) {
      res.label[i] = DbscanResult::kNoise;  // cannot be placed: never a neighbour
      continue;
    }
    if (prm.by_ecosystem) by_eco[static_cast<int>(P.ecosystem[i])].push_back(static_cast<uint32_t>(i));
    else all_rows.push_back(static_cast<uint32_t>(i));
  }
  std::vector<std::pair<Ecosystem, std::vector<uint32_t>*>> groups;
  if (prm.by_ecosystem) {
    for (int e = 0; e < kEcosystemCount; ++e)
      if (!by_eco[e].empty()) groups.push_back({static_cast<Ecosystem>(e), &by_eco[e]});
  } else if (!all_rows.empty()) {
    groups.push_back({Ecosystem::Other, &all_rows});
  }

  const double eps = std::max(1e-3, prm.eps_m);  // at least 1 mm (the grid needs a size)
  // "Within eps" includes eps itself; nanoflann keeps d² < worstDist().
  const double r2 = std::nextafter(eps * eps, std::numeric_limits<double>::infinity());
  const uint32_t need = static_cast<uint32_t>(std::max(1, prm.min_pts));
  Progress prog{ctl, 0};
  for (auto& g : groups) prog.total += g.second->size();

  std::vector<TempCluster> temp;
  std::vector<Enu> pts;
  std::vector<uint32_t> rows, best_core, comp, first_core;
  std::vector<CellPoint> keyed;
  std::vector<uint8_t> core;
  std::vector<double> best_d2;
  std::vector<Cell> cells;
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  // Cubes of side eps/√3: any two points in one cube are within eps of each other; a point's
  // eps-neighbours lie in its own cube or the 124 around it (offsets −2..2 on each axis).
  const double side = eps / std::sqrt(3.0) * (1 - 1e-12);

  for (auto& [eco, grp] : groups) {
    const size_t n = grp->size();
    // A local east–north–up frame at the group's mean position: a rotation of ECEF, so chords
    // are unchanged, with small coordinates (precision) and the "up" axis nearly flat.
    double mlon = 0, mlat = 0;
    for (uint32_t r : *grp) { mlon += P.lon[r]; mlat += P.lat[r]; }
    const EnuFrame frame(mlon / n, mlat / n);
    keyed.resize(n);
    for (size_t k = 0; k < n; ++k) {
      const uint32_t r = (*grp)[k];
      const Enu e = frame(toEcef(P.lon[r], P.lat[r]));
      keyed[k] = {cellOf(e.e, side), cellOf(e.n, side), cellOf(e.u, side), r, e};
    }
    // Points of a cell contiguous, cells in (x, y, z) order, rows ascending inside a cell.
    std::sort(keyed.begin(), keyed.end(), [](const CellPoint& a, const CellPoint& b) {
      if (a.ix != b.ix) return a.ix < b.ix;
      if (a.iy != b.iy) return a.iy < b.iy;
      if (a.iz != b.iz) return a.iz < b.iz;
      return a.row < b.row;
    });
    rows.resize(n);
    pts.resize(n);
    cells.clear();
    for (size_t k = 0; k < n; ++k) {
      rows[k] = keyed[k].row;
      pts[k] = keyed[k].p;
      if (k == 0 || keyed[k].ix != keyed[k - 1].ix || keyed[k].iy != keyed[k - 1].iy || keyed[k].iz != keyed[k - 1].iz)
        cells.push_back({keyed[k].ix, keyed[k].iy, keyed[k].iz, static_cast<uint32_t>(k), static_cast<uint32_t>(k)});
      Cell& c = cells.back();
      c.end = static_cast<uint32_t>(k + 1);
      c.lo = {std::min(c.lo.e, pts[k].e), std::min(c.lo.n, pts[k].n), std::min(c.lo.u, pts[k].u)};
      c.hi = {std::max(c.hi.e, pts[k].e), std::max(c.hi.n, pts[k].n), std::max(c.hi.u, pts[k].u)};
    }
    const CellTable table(cells);

    EnuCloud cloud{&pts};
    EnuTree tree(3, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(16));
    tree.buildIndex();
    const nanoflann::SearchParams sp(32, 0.f, false);

    // Pass 1: core points. A cube with ≥ min_pts points makes all of them core at once; the
    // others count their neighbours with an early-stopping k-d tree radius search.
    core.assign(n, 0);
    for (size_t c = 0; c < cells.size(); ++c) {
      const Cell& cell = cells[c];
      if (!prog.step(0.3 * double(c) / double(cells.size()), n)) return cancelled();
      if (cell.end - cell.begin >= need) {
        std::fill(core.begin() + cell.begin, core.begin() + cell.end, 1);
        continue;
      }
      for (uint32_t k = cell.begin; k < cell.end; ++k) {
        CountUpTo cnt{r2, need};
        const double q[3] = {pts[k].e, pts[k].n, pts[k].u};
        tree.findNeighbors(cnt, q, sp);
        core[k] = cnt.count >= need;
      }
    }

    // Pass 2: union-find over core points. Core points of one cube are one component; two
    // cubes' components join when some pair of their core points is within eps.
    UnionFind uf(n);
    first_core.assign(cells.size(), kNone);
    for (size_t c = 0; c < cells.size(); ++c)
      for (uint32_t k = cells[c].begin; k < cells[c].end; ++k)
        if (core[k]) {
          if (first_core[c] == kNone) first_core[c] = k;
          else uf.parent[k] = first_core[c];
        }
    for (size_t c = 0; c < cells.size(); ++c) {
      if (!prog.step(0.3 + 0.4 * double(c) / double(cells.size()), n)) return cancelled();
      if (first_core[c] == kNone) continue;
      const Cell& a = cells[c];
      for (int dx = -2; dx <= 2; ++dx)
        for (int dy = -2; dy <= 2; ++dy)
          for (int dz = -2; dz <= 2; ++dz) {
            const uint32_t d = table.find(a.ix + dx, a.iy + dy, a.iz + dz);
            if (d == kNone || d <= c || first_core[d] == kNone) continue;  // each pair once
            if (uf.find(first_core[c]) == uf.find(first_core[d])) continue;
            const Cell& b = cells[d];
            if (boxGap2(a, b) > r2) continue;
            bool joined = false;
            for (uint32_t i = a.begin; i < a.end && !joined; ++i) {
              if (!core[i] || pointBoxGap2(pts[i], b) > r2) continue;
              for (uint32_t j = b.begin; j < b.end; ++j)
                if (core[j] && dist2(pts[i], pts[j]) < r2) {
                  uf.unite(i, j);
                  joined = true;
                  break;
                }
            }
          }
    }

    // Border points: the nearest core point within eps (ties: the lower model row).
    best_core.assign(n, kNone);
    best_d2.assign(n, INFINITY);
    for (size_t k = 0; k < n; ++k) {
      if (!prog.step(0.7 + 0.3 * double(k) / double(n), n)) return cancelled();
      if (core[k]) continue;
      auto visit = [&](double d2, uint32_t j) {
        if (!core[j]) return;
        if (d2 < best_d2[k] || (d2 == best_d2[k] && rows[j] < rows[best_core[k]])) {
          best_d2[k] = d2;
          best_core[k] = j;
        }
      };
      VisitAll<decltype(visit)> all{r2, visit};
      const double q[3] = {pts[k].e, pts[k].n, pts[k].u};
      tree.findNeighbors(all, q, sp);
    }

    // Components → temporary clusters.
    comp.assign(n, kNone);
    for (size_t k = 0; k < n; ++k) {
      const uint32_t row = rows[k];
      const uint32_t anchor = core[k] ? static_cast<uint32_t>(k) : best_core[k];
      if (anchor == kNone) {
        res.label[row] = DbscanResult::kNoise;
        continue;
      }
      const uint32_t root = uf.find(anchor);
      if (comp[root] == kNone) {
        comp[root] = static_cast<uint32_t>(temp.size());
        temp.push_back({eco, prm.by_ecosystem, {}});
      }
      temp[comp[root]].rows.push_back(row);
      res.core[row] = core[k];
    }
    prog.done += n;
  }

  // Clusters: members ascending, statistics, sort, renumber.
  res.clusters.reserve(temp.size());
  for (TempCluster& t : temp) {
    DbscanCluster c;
    std::sort(t.rows.begin(), t.rows.end());
    std::array<int64_t, kEcosystemCount> cnt{};
    std::array<double, kEcosystemCount> inv{};
    double sx = 0, sy = 0;
    for (uint32_t r : t.rows) {
      const int e = static_cast<int>(P.ecosystem[r]);
      ++cnt[e];
      inv[e] += P.investment_yi[r];
      c.investment_yi += P.investment_yi[r];
      sx += P.x[r];
      sy += P.y[r];
    }
    c.count = static_cast<int64_t>(t.rows.size());
    c.centroid = {sx / c.count, sy / c.count};
    if (t.by_eco) {
      c.ecosystem = t.group_eco;
    } else {
      int best = 0;
      for (int e = 1; e < kEcosystemCount; ++e)
        if (cnt[e] > cnt[best] || (cnt[e] == cnt[best] && inv[e] > inv[best])) best = e;
      c.ecosystem = static_cast<Ecosystem>(best);
    }
    c.rows = std::move(t.rows);
    res.clusters.push_back(std::move(c));
  }
  std::sort(res.clusters.begin(), res.clusters.end(), [](const DbscanCluster& a, const DbscanCluster& b) {
    if (a.count != b.count) return a.count > b.count;
    if (a.investment_yi != b.investment_yi) return a.investment_yi > b.investment_yi;
    return a.rows.front() < b.rows.front();
  });
  for (size_t c = 0; c < res.clusters.size(); ++c) {
    res.clusters[c].id = static_cast<int>(c);
    for (uint32_t r : res.clusters[c].rows) res.label[r] = static_cast<int32_t>(c);
  }
  for (size_t i = 0; i < N; ++i) res.noise += res.label[i] == DbscanResult::kNoise;
  if (ctl) ctl->progress.store(1.f);
  return res;
}

}  // namespace cm
