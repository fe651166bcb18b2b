#include "core/hex_pyramid.h"

#include <algorithm>
#include <cmath>

#include "core/cached.h"

namespace cm {

namespace {
constexpr double kSqrt3 = 1.7320508075688772;

// Open addressing from a hexagon's packed (q, r) to its bin: the per-level accumulator (a
// std::unordered_map cost about three times as much at a million rows).
class BinTable {
 public:
  explicit BinTable(size_t expect) { rehash(std::max<size_t>(64, expect * 2)); }
  Bin& at(HexCoord h) {
    const uint64_t key = (uint64_t(uint32_t(h.q)) << 32) | uint32_t(h.r);
    size_t s = slot(key);
    while (slots_[s] >= 0) {
      if (keys_[s] == key) return bins_[slots_[s]];
      s = (s + 1) & mask_;
    }
    keys_[s] = key;
    slots_[s] = static_cast<int32_t>(bins_.size());
    bins_.emplace_back().hex = h;
    if (bins_.size() * 2 > slots_.size()) {
      rehash(slots_.size() * 2);
      return bins_.back();
    }
    return bins_.back();
  }
  std::vector<Bin> take() { return std::move(bins_); }

 private:
  size_t slot(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> shift_; }
  void rehash(size_t n) {
    size_t cap = 64;
    int bits = 6;
    while (cap < n) cap *= 2, ++bits;
    keys_.assign(cap, 0);
    slots_.assign(cap, -1);
    mask_ = cap - 1;
    shift_ = 64 - bits;
    for (size_t i = 0; i < bins_.size(); ++i) {
      const uint64_t key = (uint64_t(uint32_t(bins_[i].hex.q)) << 32) | uint32_t(bins_[i].hex.r);
      size_t s = slot(key);
      while (slots_[s] >= 0) s = (s + 1) & mask_;
      keys_[s] = key;
      slots_[s] = static_cast<int32_t>(i);
    }
  }
  std::vector<uint64_t> keys_;
  std::vector<int32_t> slots_;
  std::vector<Bin> bins_;
  size_t mask_ = 0;
  int shift_ = 58;
};

HexLevel buildLevel(const Projects& p, const std::vector<uint32_t>& rows, double size, size_t expect) {
  BinTable table(expect);
  for (uint32_t i : rows) {
    Bin& b = table.at(hexOf({p.x[i], p.y[i]}, size));
    b.xy.x += p.x[i];
    b.xy.y += p.y[i];
    b.investment_yi += p.investment_yi[i];
    if (b.example < 0 || p.investment_yi[i] > p.investment_yi[b.example]) b.example = static_cast<int>(i);
    ++b.count;
    ++b.by_ecosystem[static_cast<int>(p.ecosystem[i])];
  }
  HexLevel L;
  L.size = size;
  L.bins = table.take();
  for (Bin& b : L.bins) {
    b.xy = {b.xy.x / b.count, b.xy.y / b.count};
    L.max_investment_yi = std::max(L.max_investment_yi, b.investment_yi);
  }
  std::sort(L.bins.begin(), L.bins.end(),
            [](const Bin& a, const Bin& b) { return a.hex.r != b.hex.r ? a.hex.r < b.hex.r : a.hex.q < b.hex.q; });
  if (!L.bins.empty()) {
    L.r0 = L.bins.front().hex.r;
    const int rows_n = L.bins.back().hex.r - L.r0 + 1;
    L.row_start.assign(rows_n + 1, 0);
    size_t k = 0;
    for (int r = 0; r <= rows_n; ++r) {
      while (k < L.bins.size() && L.bins[k].hex.r - L.r0 < r) ++k;
      L.row_start[r] = static_cast<uint32_t>(k);
    }
  }
  return L;
}
}  // namespace

HexCoord hexOf(Vec2 p, double size) {
  const double qf = (kSqrt3 / 3 * p.x - p.y / 3) / size, rf = (2.0 / 3 * p.y) / size;
  const double sf = -qf - rf;
  double q = std::round(qf), r = std::round(rf), s = std::round(sf);
  const double dq = std::abs(q - qf), dr = std::abs(r - rf), ds = std::abs(s - sf);
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  return {static_cast<int32_t>(q), static_cast<int32_t>(r)};
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

Ecosystem Bin::dominant() const {
  int best = 0;
  for (int e = 1; e < kEcosystemCount; ++e)
    if (by_ecosystem[e] > by_ecosystem[best]) best = e;
  return static_cast<Ecosystem>(best);
}

double HexLevel::spacing() const { return size * kSqrt3; }

void HexLevel::visible(double minx, double miny, double maxx, double maxy, std::vector<uint32_t>& out) const {
  out.clear();
  if (bins.empty() || !(maxx >= minx) || !(maxy >= miny)) return;
  const double w = spacing();
  const int rows_n = static_cast<int>(row_start.size()) - 1;
  const int ra = std::max(0, static_cast<int>(std::floor((miny - size) / (1.5 * size))) - r0);
  const int rb = std::min(rows_n - 1, static_cast<int>(std::ceil((maxy + size) / (1.5 * size))) - r0);
  for (int k = ra; k <= rb; ++k) {
    const int r = k + r0;
    const double qa = (minx - w) / w - r * 0.5, qb = (maxx + w) / w - r * 0.5;
    auto first = bins.begin() + row_start[k], last = bins.begin() + row_start[k + 1];
    auto it = std::lower_bound(first, last, qa, [](const Bin& b, double q) { return b.hex.q < q; });
    for (; it != last && it->hex.q <= qb; ++it)
      if (hexIntersectsRect(it->hex, size, minx, miny, maxx, maxy)) out.push_back(static_cast<uint32_t>(it - bins.begin()));
  }
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
  // Most of the zoom range shows one level; the fade takes the middle 40 % of each octave.
  const double t = std::clamp((f - 0.3) / 0.4, 0.0, 1.0);
  b.fine = k;
  b.coarse = k + 1;
  b.coarse_weight = static_cast<float>(t * t * (3 - 2 * t));
  if (b.coarse_weight <= 0.f) b.coarse = k;
  if (b.coarse_weight >= 1.f) b.fine = k + 1, b.coarse_weight = 1.f;
  return b;
}

HexPyramid buildHexPyramid(const Projects& p, const Filter& f, TaskControl* control) {
  HexPyramid out;
  std::vector<uint32_t> rows;
  for (size_t i = 0; i < p.size(); ++i) {
    if ((i & 0xFFFF) == 0 && control && control->cancel) return {};
    if (!passes(p, i, f)) continue;
    rows.push_back(static_cast<uint32_t>(i));
    out.investment_yi += p.investment_yi[i];
    ++out.by_ecosystem[static_cast<int>(p.ecosystem[i])];
  }
  out.members = static_cast<int>(rows.size());
  if (rows.empty()) return out;
  // Coarse to fine; the finest level kept is the first where most bins hold one or two projects.
  size_t expect = 64;
  for (int k = kHexLevels - 1; k >= 0; --k) {
    if (control && control->cancel) return {};
    const double size = kHexSpacing0 * std::ldexp(1.0, k) / kSqrt3;
    out.levels.push_back(buildLevel(p, rows, size, expect * 4));
    expect = out.levels.back().bins.size();
    if (control) control->progress = float(kHexLevels - k) / kHexLevels;
    if (2 * out.levels.back().bins.size() >= rows.size()) break;
  }
  std::reverse(out.levels.begin(), out.levels.end());
  return out;
}

}  // namespace cm
