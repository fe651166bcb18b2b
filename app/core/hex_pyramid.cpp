#include "core/hex_pyramid.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include "core/cached.h"

namespace cm {

namespace {
constexpr double kSqrt3 = 1.7320508075688772;

// Open addressing from a hexagon to its index: the table holds only the indices (4 bytes a slot);
// the hexagons themselves are a list in the order they were found, which the level keeps using.
// (A std::unordered_map cost about three times as much at a million rows; keys beside the slots
// took three times the memory at the finest level, where most hexagons hold one project.)
class BinTable {
 public:
  // `most`: the most hexagons there can be (the list is reserved at it: mapped lazily, only the
  // hexagons found take memory, and it is never copied to grow).
  BinTable(size_t expect, size_t most) {
    hexes_.reserve(most);
    rehash(std::max<size_t>(64, expect * 2));
  }
  // The hexagon's index; `added` says whether it is new (then it is the next index).
  int32_t find(HexCoord h, bool& added) {
    size_t s = slot(h);
    added = false;
    while (slots_[s] >= 0) {
      if (hexes_[slots_[s]] == h) return slots_[s];
      s = (s + 1) & mask_;
    }
    added = true;
    slots_[s] = static_cast<int32_t>(hexes_.size());
    hexes_.push_back(h);
    if (hexes_.size() * 2 > slots_.size()) rehash(slots_.size() * 2);
    return static_cast<int32_t>(hexes_.size() - 1);
  }
  const std::vector<HexCoord>& hexes() const { return hexes_; }
  void dropSlots() { std::vector<int32_t>().swap(slots_); }  // the index is done with; the hexagons stay

 private:
  size_t slot(HexCoord h) const {
    const uint64_t key = (uint64_t(uint32_t(h.q)) << 32) | uint32_t(h.r);
    return (key * 0x9E3779B97F4A7C15ull) >> shift_;
  }
  void rehash(size_t n) {
    size_t cap = 64;
    int bits = 6;
    while (cap < n) cap *= 2, ++bits;
    slots_.assign(cap, -1);
    mask_ = cap - 1;
    shift_ = 64 - bits;
    for (size_t i = 0; i < hexes_.size(); ++i) {
      size_t s = slot(hexes_[i]);
      while (slots_[s] >= 0) s = (s + 1) & mask_;
      slots_[s] = static_cast<int32_t>(i);
    }
  }
  std::vector<int32_t> slots_;
  std::vector<HexCoord> hexes_;
  size_t mask_ = 0;
  int shift_ = 58;
};

// std::round, without the libm call (a truncating conversion is one instruction); |x| < 2^62.
inline double roundHalfAway(double x) { return static_cast<double>(static_cast<int64_t>(x + (x >= 0 ? 0.5 : -0.5))); }

// hexOf for a point already divided by the size (inlined into the build's inner loop).
inline HexCoord hexOfScaled(double x, double y) {
  const double qf = kSqrt3 / 3 * x - y / 3, rf = 2.0 / 3 * y;
  const double sf = -qf - rf;
  double q = roundHalfAway(qf), r = roundHalfAway(rf), s = roundHalfAway(sf);
  const double dq = std::abs(q - qf), dr = std::abs(r - rf), ds = std::abs(s - sf);
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  return {static_cast<int32_t>(q), static_cast<int32_t>(r)};
}

// A project that passes the filter, gathered once so every level streams through memory: 24
// bytes (the ecosystem rides in the row's top bits), 24 MB at 1M rows.
struct Pt {
  double x, y;
  float inv;  // the investment column's own precision
  uint32_t row_eco;
  static constexpr int kEcoShift = 29;  // rows below 2^29, ecosystems below 8
  uint32_t row() const { return row_eco & ((1u << kEcoShift) - 1); }
  int eco() const { return static_cast<int>(row_eco >> kEcoShift); }
};
static_assert(sizeof(Pt) == 24);
static_assert(kEcosystemCount <= 8);

// Row starts of items sorted by (hex.r, hex.q): starts[r - r0] is the first of hex row r.
template <class T>
void indexRows(const std::vector<T>& items, int& r0, std::vector<uint32_t>& starts) {
  starts.clear();
  if (items.empty()) return;
  r0 = items.front().hex.r;
  const int rows_n = items.back().hex.r - r0 + 1;
  starts.assign(rows_n + 1, 0);
  size_t k = 0;
  for (int r = 0; r <= rows_n; ++r) {
    while (k < items.size() && items[k].hex.r - r0 < r) ++k;
    starts[r] = static_cast<uint32_t>(k);
  }
}

template <class T>
bool byRowThenQ(const T& a, const T& b) { return a.hex.r != b.hex.r ? a.hex.r < b.hex.r : a.hex.q < b.hex.q; }

// Calls f(index) for the items (sorted by hex row, then q) whose hexagon intersects the rectangle.
template <class T, class F>
void forVisible(const std::vector<T>& items, int r0, const std::vector<uint32_t>& starts, double size, double minx, double miny,
                double maxx, double maxy, F&& f) {
  if (items.empty() || !(maxx >= minx) || !(maxy >= miny)) return;
  const double w = size * kSqrt3;
  const int rows_n = static_cast<int>(starts.size()) - 1;
  const int ra = std::max(0, static_cast<int>(std::floor((miny - size) / (1.5 * size))) - r0);
  const int rb = std::min(rows_n - 1, static_cast<int>(std::ceil((maxy + size) / (1.5 * size))) - r0);
  for (int k = ra; k <= rb; ++k) {
    const int r = k + r0;
    const double qa = (minx - w) / w - r * 0.5, qb = (maxx + w) / w - r * 0.5;
    auto first = items.begin() + starts[k], last = items.begin() + starts[k + 1];
    auto it = std::lower_bound(first, last, qa, [](const T& b, double q) { return b.hex.q < q; });
    for (; it != last && it->hex.q <= qb; ++it)
      if (hexIntersectsRect(it->hex, size, minx, miny, maxx, maxy)) f(static_cast<uint32_t>(it - items.begin()));
  }
}

// Bins `active` at `size`: hexagons of two or more projects become bins, a project alone is a
// single (settled); the rest go on to the next finer level, in the same order (none after the
// finest). Two passes: the first only counts each hexagon's projects (4 bytes a hexagon), so the
// level's bins are made at their final number and place in the second — at the finest levels
// most hexagons hold one project, and a bin record for each (56 bytes) was the window's peak.
HexLevel buildLevel(std::vector<Pt>& active, double size, bool finest, TaskControl* control) {
  HexLevel level;
  level.size = size;
  BinTable table(std::max<size_t>(64, active.size() / 8), active.size());
  std::vector<int32_t> bin_of(active.size());
  std::vector<int32_t> slot;  // per hexagon: its project count, then its bin's index (-1: a single)
  slot.reserve(active.size());  // mapped lazily: only the hexagons made take memory
  HexCoord last{INT32_MIN, INT32_MIN};
  int32_t last_id = -1;
  const double inv_size = 1 / size;
  for (size_t i = 0; i < active.size(); ++i) {
    // A newer filter waits for this one to stop (BackgroundTask joins): answer within ~1 ms.
    if ((i & 0x3FFF) == 0 && control && control->cancel) {
      active.clear();
      return level;
    }
    const Pt& p = active[i];
    const HexCoord h = hexOfScaled(p.x * inv_size, p.y * inv_size);
    if (!(h == last)) {
      bool added;
      last_id = table.find(h, added);
      if (added) slot.push_back(0);
      last = h;
    }
    bin_of[i] = last_id;
    ++slot[last_id];
  }
  table.dropSlots();  // its memory goes before the bins are made
  const std::vector<HexCoord>& hexes = table.hexes();
  size_t bins_n = 0;
  for (int32_t& k : slot) k = k >= 2 ? static_cast<int32_t>(bins_n++) : -1;
  level.bins.resize(bins_n);
  for (size_t h = 0; h < slot.size(); ++h)
    if (slot[h] >= 0) level.bins[slot[h]].hex = hexes[h];
  level.singles.reserve(active.size() - [&] {  // the members of the bins are the rest
    size_t in_bins = 0;
    for (size_t i = 0; i < active.size(); ++i) in_bins += slot[bin_of[i]] >= 0;
    return in_bins;
  }());
  size_t kept = 0;
  for (size_t i = 0; i < active.size(); ++i) {
    const Pt p = active[i];
    const int32_t k = slot[bin_of[i]];
    if (k < 0) {
      level.singles.push_back({hexes[bin_of[i]], p.row()});
      continue;
    }
    Bin& b = level.bins[k];
    b.xy.x += p.x;
    b.xy.y += p.y;
    b.investment_yi += p.inv;
    ++b.by_ecosystem[p.eco()];
    if (!finest) active[kept++] = p;  // on to the finer levels, in order
  }
  for (size_t k = 0; k < bins_n; ++k) {
    Bin& b = level.bins[k];
    const double n = b.count();
    b.xy = {b.xy.x / n, b.xy.y / n};
    level.max_investment_yi = std::max(level.max_investment_yi, b.investment_yi);
  }
  active.resize(kept);
  std::sort(level.bins.begin(), level.bins.end(), byRowThenQ<Bin>);
  std::sort(level.singles.begin(), level.singles.end(), byRowThenQ<HexLevel::Single>);
  indexRows(level.bins, level.r0, level.row_start);
  indexRows(level.singles, level.s_r0, level.s_row_start);
  if (!level.bins.empty()) {
    std::vector<double> inv(level.bins.size());
    for (size_t k = 0; k < inv.size(); ++k) inv[k] = level.bins[k].investment_yi;
    auto q = inv.begin() + static_cast<std::ptrdiff_t>(0.9 * (inv.size() - 1));
    std::nth_element(inv.begin(), q, inv.end());
    level.ref_investment_yi = *q;
  }
  return level;
}
}  // namespace

HexCoord hexOf(Vec2 p, double size) {
  const double inv_size = 1 / size;  // as the build computes it, to the last bit
  return hexOfScaled(p.x * inv_size, p.y * inv_size);
}

Vec2 hexCentre(HexCoord h, double size) { return {size * kSqrt3 * (h.q + h.r * 0.5), size * 1.5 * h.r}; }

bool hexIntersectsRect(HexCoord h, double size, double minx, double miny, double maxx, double maxy) {
  const Vec2 c = hexCentre(h, size);
  const double apothem = size * kSqrt3 / 2;
  // The rectangle's axes: the hexagon spans ±apothem in x and ±size in y.
  if (c.x + apothem < minx || c.x - apothem > maxx || c.y + size < miny || c.y - size > maxy) return false;
  // The hexagon's slanted edge normals (±60°): it spans ±apothem along each.
  for (const double sx : {0.5, -0.5}) {
    const double ny = kSqrt3 / 2;
    const double a = sx * (minx - c.x), b = sx * (maxx - c.x), lo_y = ny * (miny - c.y), hi_y = ny * (maxy - c.y);
    const double lo = std::min(a, b) + lo_y, hi = std::max(a, b) + hi_y;
    if (hi < -apothem || lo > apothem) return false;
  }
  return true;
}

int Bin::count() const {
  int n = 0;
  for (const int k : by_ecosystem) n += k;
  return n;
}

Ecosystem Bin::dominant() const {
  int best = 0;
  for (int e = 1; e < kEcosystemCount; ++e)
    if (by_ecosystem[e] > by_ecosystem[best]) best = e;
  return static_cast<Ecosystem>(best);
}

double HexLevel::spacing() const { return size * kSqrt3; }

void HexLevel::visible(double minx, double miny, double maxx, double maxy, std::vector<uint32_t>& out) const {
  out.clear();
  forVisible(bins, r0, row_start, size, minx, miny, maxx, maxy, [&](uint32_t k) { out.push_back(k); });
}

void HexLevel::singlesIn(const Projects& p, double minx, double miny, double maxx, double maxy, std::vector<uint32_t>& rows) const {
  forVisible(singles, s_r0, s_row_start, size, minx, miny, maxx, maxy, [&](uint32_t k) {
    const uint32_t i = singles[k].row;
    if (p.x[i] >= minx && p.x[i] <= maxx && p.y[i] >= miny && p.y[i] <= maxy) rows.push_back(i);
  });
}

LevelBlend HexPyramid::blendFor(double cell_units) const {
  LevelBlend b;
  if (levels.empty()) return b;
  const int n = static_cast<int>(levels.size());
  if (!(cell_units > levels[0].spacing())) {
    b.fine = b.coarse = 0;
    b.below_finest = cell_units < levels[0].spacing() * 0.999;
    return b;
  }
  if (cell_units >= levels[n - 1].spacing()) {
    b.fine = b.coarse = n - 1;
    return b;
  }
  int k = 0;
  while (k + 1 < n && levels[k + 1].spacing() <= cell_units) ++k;
  const double f = std::log2(cell_units / levels[k].spacing()) / std::log2(levels[k + 1].spacing() / levels[k].spacing());
  // Most of the zoom range shows one level; the fade takes the middle 30 % of each octave (two
  // translucent levels over each other read poorly, so not longer than a smooth zoom needs).
  const double t = std::clamp((f - 0.35) / 0.3, 0.0, 1.0);
  b.fine = k;
  b.coarse = k + 1;
  b.coarse_weight = static_cast<float>(t * t * (3 - 2 * t));
  if (b.coarse_weight <= 0.f) b.coarse = k;
  if (b.coarse_weight >= 1.f) b.fine = k + 1, b.coarse_weight = 1.f;
  return b;
}

void HexPyramid::settledIn(int level, const Projects& p, double minx, double miny, double maxx, double maxy,
                           std::vector<uint32_t>& rows) const {
  rows.clear();
  for (int j = std::max(level, 0); j < static_cast<int>(levels.size()); ++j) levels[j].singlesIn(p, minx, miny, maxx, maxy, rows);
}

HexPyramid trimmedPyramid(const HexPyramid& p, int fine, int coarse, double minx, double miny, double maxx, double maxy) {
  HexPyramid out;
  out.members = p.members;
  out.investment_yi = p.investment_yi;
  out.by_ecosystem = p.by_ecosystem;
  out.levels.resize(p.levels.size());
  const int lo = std::max(0, std::min(fine, coarse));
  const int hi = std::max(fine, coarse);
  for (int k = 0; k < static_cast<int>(p.levels.size()); ++k) {
    const HexLevel& from = p.levels[k];
    HexLevel& to = out.levels[k];
    to.size = from.size;
    to.max_investment_yi = from.max_investment_yi;
    to.ref_investment_yi = from.ref_investment_yi;
    if (k < lo) continue;
    if (k <= hi)
      forVisible(from.bins, from.r0, from.row_start, from.size, minx, miny, maxx, maxy,
                 [&](uint32_t i) { to.bins.push_back(from.bins[i]); });
    forVisible(from.singles, from.s_r0, from.s_row_start, from.size, minx, miny, maxx, maxy,
               [&](uint32_t i) { to.singles.push_back(from.singles[i]); });
    indexRows(to.bins, to.r0, to.row_start);  // forVisible yields them in (row, q) order
    indexRows(to.singles, to.s_r0, to.s_row_start);
  }
  return out;
}

std::vector<uint32_t> spatialOrder(const Projects& p) {
  double minx = INFINITY, miny = INFINITY, maxx = -INFINITY, maxy = -INFINITY;
  for (size_t i = 0; i < p.size(); ++i) {
    minx = std::min(minx, p.x[i]), maxx = std::max(maxx, p.x[i]);
    miny = std::min(miny, p.y[i]), maxy = std::max(maxy, p.y[i]);
  }
  const double span = std::max({maxx - minx, maxy - miny, 1e-9});
  auto spread = [](uint64_t v) {  // 21 bits → every third... here: 32 bits → every other bit
    v &= 0xFFFFFFFFull;
    v = (v | (v << 16)) & 0x0000FFFF0000FFFFull;
    v = (v | (v << 8)) & 0x00FF00FF00FF00FFull;
    v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0Full;
    v = (v | (v << 2)) & 0x3333333333333333ull;
    v = (v | (v << 1)) & 0x5555555555555555ull;
    return v;
  };
  std::vector<std::pair<uint64_t, uint32_t>> keys(p.size());
  for (size_t i = 0; i < p.size(); ++i) {
    const uint64_t gx = static_cast<uint64_t>((p.x[i] - minx) / span * 65535.0);
    const uint64_t gy = static_cast<uint64_t>((p.y[i] - miny) / span * 65535.0);
    keys[i] = {spread(gx) | spread(gy) << 1, static_cast<uint32_t>(i)};
  }
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> out(p.size());
  for (size_t i = 0; i < p.size(); ++i) out[i] = keys[i].second;
  return out;
}

HexPyramid buildHexPyramid(const Projects& p, const Filter& f, const std::vector<uint32_t>* order, TaskControl* control) {
  HexPyramid out;
  std::vector<Pt> active;
  const size_t n = p.size();
  if (n >= size_t{1} << Pt::kEcoShift) return out;  // over 536 million rows: no bubbles
  // Counted first, so the list is allocated once at its size (growing it by doubling held 1.5
  // times its 24 MB at 1M rows for a moment: the peak of a 1M screenshot).
  size_t passing = 0;
  for (size_t i = 0; i < n; ++i) passing += passes(p, i, f);
  active.reserve(passing);
  for (size_t k = 0; k < n; ++k) {
    if ((k & 0x3FFF) == 0 && control && control->cancel) return {};
    const size_t i = order && order->size() == n ? (*order)[k] : k;
    if (!passes(p, i, f)) continue;
    active.push_back({p.x[i], p.y[i], p.investment_yi[i], static_cast<uint32_t>(i) | static_cast<uint32_t>(p.ecosystem[i]) << Pt::kEcoShift});
    out.investment_yi += p.investment_yi[i];
    ++out.by_ecosystem[static_cast<int>(p.ecosystem[i])];
  }
  out.members = static_cast<int>(active.size());
  // Coarse to fine, each level over the projects still in dense bins.
  for (int k = kHexLevels - 1; k >= 0 && !active.empty(); --k) {
    if (control && control->cancel) return {};
    const double size = kHexSpacing0 * std::ldexp(1.0, k) / kSqrt3;
    out.levels.push_back(buildLevel(active, size, k == 0, control));
    // Most projects settle in the fine levels: once the list is half empty it is copied to its
    // size, so the finest levels (the build's peak) do not hold the whole table's list.
    if (active.capacity() > 2 * active.size()) active.shrink_to_fit();
    if (control) control->progress = float(kHexLevels - k) / kHexLevels;
  }
  if (control && control->cancel) return {};  // stopped inside a level: not a whole pyramid
  std::reverse(out.levels.begin(), out.levels.end());
  return out;
}

}  // namespace cm
