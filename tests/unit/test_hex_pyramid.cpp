// The bubbles' hex pyramid (core/hex_pyramid.h): hexagon assignment at the edges, every filtered
// project counted exactly once per level (in a bin of it, or a single of it or a coarser level), sums equal
// to the filter's totals, the visible query against a brute-force hexagon/rectangle test, and the
// zoom's level choice.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>

#include "core/hex_pyramid.h"

using namespace cm;

namespace {

constexpr double kSqrt3 = 1.7320508075688772;

struct Builder {
  Projects p;
  void add(double x, double y, Ecosystem e, float inv, int month = 0) {
    p.id.push_back("p" + std::to_string(p.id.size()));
    p.x.push_back(x);
    p.y.push_back(y);
    p.ecosystem.push_back(e);
    p.investment_yi.push_back(inv);
    p.chain.push_back(0);
    p.sector.push_back(Sector::Manufacturing);
    p.signed_day.push_back(19000 + month * 31);
    p.district_index.push_back(0);
    p.in_park.push_back(p.id.size() % 3 == 0);
  }
};

// Dense clusters (down to the finest level) on a sparse background, in metres like the display CRS.
Projects clustered(int n, unsigned seed) {
  Builder b;
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::normal_distribution<double> g(0, 1);
  const Vec2 centres[3] = {{500'000, 3'300'000}, {520'000, 3'310'000}, {480'000, 3'280'000}};
  for (int i = 0; i < n; ++i) {
    const int kind = i % 4;
    double x, y;
    if (kind == 3) x = 430'000 + u(rng) * 120'000, y = 3'250'000 + u(rng) * 100'000;  // background
    else x = centres[kind].x + g(rng) * (kind == 0 ? 30 : 800), y = centres[kind].y + g(rng) * (kind == 0 ? 30 : 800);
    b.add(x, y, static_cast<Ecosystem>(i % kEcosystemCount), static_cast<float>(0.1 + 20 * u(rng)), i % 24);
  }
  return b.p;
}

std::array<Vec2, 6> corners(HexCoord h, double size) {
  const Vec2 c = hexCentre(h, size);
  std::array<Vec2, 6> v;
  for (int i = 0; i < 6; ++i) {
    const double a = (30.0 + 60.0 * i) * M_PI / 180;
    v[i] = {c.x + size * std::cos(a), c.y + size * std::sin(a)};
  }
  return v;
}

// Independent of hexIntersectsRect: a corner of either inside the other, or two edges crossing.
bool bruteIntersects(HexCoord h, double size, double x0, double y0, double x1, double y1) {
  const auto hex = corners(h, size);
  const Vec2 rect[4] = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
  for (const Vec2& v : hex)
    if (v.x >= x0 && v.x <= x1 && v.y >= y0 && v.y <= y1) return true;
  auto cross = [](Vec2 o, Vec2 a, Vec2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); };
  for (const Vec2& r : rect) {
    bool inside = true;
    for (int i = 0; i < 6; ++i) inside = inside && cross(hex[i], hex[(i + 1) % 6], r) >= 0;  // counter-clockwise
    if (inside) return true;
  }
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 4; ++j) {
      const Vec2 a = hex[i], b = hex[(i + 1) % 6], c = rect[j], d = rect[(j + 1) % 4];
      const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
      if (((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0))) return true;
    }
  return false;
}

}  // namespace

TEST(HexPyramid, HexOfIsTheNearestCentreAndEdgesSplitBetweenNeighbours) {
  const double size = 100, apothem = size * kSqrt3 / 2;
  const HexCoord h{7, -3};
  const Vec2 c = hexCentre(h, size);
  EXPECT_EQ(hexOf(c, size), h);
  // Across the vertical edge to the east: (q + 1, r).
  EXPECT_EQ(hexOf({c.x + apothem - 0.01, c.y}, size), h);
  EXPECT_EQ(hexOf({c.x + apothem + 0.01, c.y}, size), (HexCoord{8, -3}));
  // Across the slanted edge to the north-east (normal at 60°): (q, r + 1).
  const Vec2 ne{0.5, kSqrt3 / 2};
  EXPECT_EQ(hexOf({c.x + ne.x * (apothem - 0.01), c.y + ne.y * (apothem - 0.01)}, size), h);
  EXPECT_EQ(hexOf({c.x + ne.x * (apothem + 0.01), c.y + ne.y * (apothem + 0.01)}, size), (HexCoord{7, -2}));
  // Just inside a corner (top), and past it into the hexagon above-left or above-right.
  EXPECT_EQ(hexOf({c.x, c.y + size - 0.01}, size), h);
  const HexCoord above = hexOf({c.x, c.y + size + 0.01}, size);
  EXPECT_TRUE(above == (HexCoord{6, -2}) || above == (HexCoord{7, -2}));
  // Everywhere: the nearest centre (a hexagon is the Voronoi cell of its centre).
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(-5000, 5000);
  for (int i = 0; i < 20000; ++i) {
    const Vec2 p{u(rng), u(rng)};
    const HexCoord got = hexOf(p, size);
    const Vec2 gc = hexCentre(got, size);
    const double dg = std::hypot(p.x - gc.x, p.y - gc.y);
    for (int dq = -1; dq <= 1; ++dq)
      for (int dr = -1; dr <= 1; ++dr) {
        const Vec2 o = hexCentre({got.q + dq, got.r + dr}, size);
        ASSERT_LE(dg, std::hypot(p.x - o.x, p.y - o.y) + 1e-9) << p.x << "," << p.y;
      }
  }
}

TEST(HexPyramid, EveryFilteredProjectIsCountedOncePerLevelAndSumsMatchTheFilter) {
  const Projects p = clustered(20000, 11);
  Filter f;
  f.ecosystems = kAllEcosystems & ~(1u << static_cast<int>(Ecosystem::Bio));
  f.min_investment_yi = 2;
  const int m0 = projectMonth(p, 0);
  f.month_from = m0 + 2;
  f.month_to = m0 + 20;
  const std::vector<uint32_t> order = spatialOrder(p);
  ASSERT_EQ(order.size(), p.size());
  const HexPyramid P = buildHexPyramid(p, f, &order);

  int want = 0;
  double want_inv = 0;
  std::array<int, kEcosystemCount> want_eco{};
  for (size_t i = 0; i < p.size(); ++i)
    if (passes(p, i, f)) ++want, want_inv += p.investment_yi[i], ++want_eco[static_cast<int>(p.ecosystem[i])];
  ASSERT_GT(want, 1000);
  EXPECT_EQ(P.members, want);
  ASSERT_GE(P.levels.size(), 8u);
  EXPECT_NEAR(P.levels[0].spacing(), kHexSpacing0, 1e-9) << "the dense cluster reaches the finest level";

  // The level each row is a single of (alone in its hexagon; it goes no finer): at most one.
  std::vector<int> settled(p.size(), -1);
  for (size_t k = 0; k < P.levels.size(); ++k) {
    const HexLevel& level = P.levels[k];
    if (k + 1 < P.levels.size()) EXPECT_NEAR(P.levels[k + 1].spacing(), 2 * level.spacing(), 1e-6);
    for (const HexLevel::Single& one : level.singles) {
      ASSERT_TRUE(passes(p, one.row, f));
      ASSERT_EQ(settled[one.row], -1) << "row " << one.row << " a single twice";
      settled[one.row] = static_cast<int>(k);
      EXPECT_EQ(hexOf({p.x[one.row], p.y[one.row]}, level.size), one.hex) << "a single outside its hexagon";
    }
    for (size_t j = 1; j < level.singles.size(); ++j)
      ASSERT_TRUE(level.singles[j - 1].hex.r < level.singles[j].hex.r ||
                  (level.singles[j - 1].hex.r == level.singles[j].hex.r && level.singles[j - 1].hex.q < level.singles[j].hex.q));
  }

  // Per level: the rows that are not singles of a coarser level are, hexagon by hexagon, a bin
  // (two or more) or a single (one) of it; the bins' counts, investment and ecosystem mix plus
  // the singles' at this level and above are the filter's totals.
  for (size_t k = 0; k < P.levels.size(); ++k) {
    const HexLevel& level = P.levels[k];
    std::map<std::pair<int, int>, std::pair<int, double>> expect;  // hex → count, investment
    int above = 0;
    double above_inv = 0;
    std::array<int, kEcosystemCount> eco{};
    for (size_t i = 0; i < p.size(); ++i) {
      if (!passes(p, i, f)) continue;
      if (settled[i] > static_cast<int>(k)) {
        ++above, above_inv += p.investment_yi[i], ++eco[static_cast<int>(p.ecosystem[i])];
        continue;
      }
      const HexCoord h = hexOf({p.x[i], p.y[i]}, level.size);
      auto& e = expect[{h.q, h.r}];
      ++e.first;
      e.second += p.investment_yi[i];
    }
    size_t singles = 0;
    for (const auto& [hex, e] : expect) singles += e.first == 1;
    EXPECT_EQ(level.singles.size(), singles) << "level " << k;
    for (const HexLevel::Single& one : level.singles) {
      const int alone = expect[std::pair{one.hex.q, one.hex.r}].first;
      EXPECT_EQ(alone, 1) << "a single that is not alone";
      ++above, above_inv += p.investment_yi[one.row], ++eco[static_cast<int>(p.ecosystem[one.row])];
    }
    ASSERT_EQ(level.bins.size() + singles, expect.size()) << "level " << k;
    int count = 0;
    double inv = 0;
    for (const Bin& b : level.bins) {
      const auto it = expect.find({b.hex.q, b.hex.r});
      ASSERT_NE(it, expect.end());
      EXPECT_GE(b.count(), 2);
      EXPECT_EQ(b.count(), it->second.first);
      EXPECT_NEAR(b.investment_yi, it->second.second, 1e-6 * (1 + it->second.second));
      // The members' centroid lies in their (convex) hexagon.
      const double eps = 1e-9 * level.size;
      EXPECT_TRUE(hexIntersectsRect(b.hex, level.size, b.xy.x - eps, b.xy.y - eps, b.xy.x + eps, b.xy.y + eps));
      for (int e = 0; e < kEcosystemCount; ++e) eco[e] += b.by_ecosystem[e];
      count += b.count();
      inv += b.investment_yi;
    }
    EXPECT_EQ(count + above, want) << "level " << k;
    EXPECT_NEAR(inv + above_inv, want_inv, 1e-6 * want_inv) << "level " << k;
    EXPECT_EQ(eco, want_eco) << "level " << k;
  }
  // The finest level: nothing goes finer (every project is a single somewhere or in a bin of it).
  if (!P.levels.empty() && P.levels[0].bins.empty()) {
    for (size_t i = 0; i < p.size(); ++i) EXPECT_EQ(settled[i] >= 0, passes(p, i, f));
  }
  // Bins are in (r, q) order, as the visible query needs.
  for (const HexLevel& level : P.levels)
    for (size_t b = 1; b < level.bins.size(); ++b)
      ASSERT_TRUE(level.bins[b - 1].hex.r < level.bins[b].hex.r ||
                  (level.bins[b - 1].hex.r == level.bins[b].hex.r && level.bins[b - 1].hex.q < level.bins[b].hex.q));
  // Row order or spatial order: the same pyramid.
  const HexPyramid Q = buildHexPyramid(p, f);
  ASSERT_EQ(Q.levels.size(), P.levels.size());
  for (size_t k = 0; k < P.levels.size(); ++k) EXPECT_EQ(Q.levels[k].bins.size(), P.levels[k].bins.size());
}

TEST(HexPyramid, VisibleReturnsExactlyTheBinsIntersectingARectangle) {
  const Projects p = clustered(8000, 5);
  const HexPyramid P = buildHexPyramid(p, Filter{});
  std::mt19937 rng(9);
  std::uniform_real_distribution<double> ux(420'000, 560'000), uy(3'240'000, 3'360'000), ext(10, 40'000);
  std::vector<uint32_t> got;
  int nonempty = 0;
  for (size_t k = 0; k < P.levels.size(); ++k) {
    const HexLevel& level = P.levels[k];
    for (int t = 0; t < 40; ++t) {
      double x0 = ux(rng), y0 = uy(rng);
      const double w = t % 5 == 0 ? level.spacing() * 0.3 : ext(rng), h = t % 7 == 0 ? level.spacing() * 0.2 : ext(rng);
      if (t % 3 == 0 && !level.bins.empty()) {  // a rectangle with an edge right next to a bin's hexagon
        const Vec2 c = hexCentre(level.bins[t % level.bins.size()].hex, level.size);
        x0 = c.x + level.size * kSqrt3 / 2 + 1e-6;
        y0 = c.y - h / 2;
      }
      level.visible(x0, y0, x0 + w, y0 + h, got);
      std::set<uint32_t> want;
      for (uint32_t b = 0; b < level.bins.size(); ++b)
        if (bruteIntersects(level.bins[b].hex, level.size, x0, y0, x0 + w, y0 + h)) want.insert(b);
      EXPECT_EQ(std::set<uint32_t>(got.begin(), got.end()), want) << "level " << k << " try " << t;
      EXPECT_EQ(got.size(), want.size()) << "no bin twice";
      nonempty += !want.empty();
      // The projects drawn as themselves there: exactly the singles of this level and coarser ones inside it.
      std::vector<uint32_t> rows;
      P.settledIn(static_cast<int>(k), p, x0, y0, x0 + w, y0 + h, rows);
      std::set<uint32_t> want_rows;
      for (size_t j = k; j < P.levels.size(); ++j)
        for (const HexLevel::Single& one : P.levels[j].singles) {
          const uint32_t i = one.row;
          if (p.x[i] >= x0 && p.x[i] <= x0 + w && p.y[i] >= y0 && p.y[i] <= y0 + h) want_rows.insert(i);
        }
      EXPECT_EQ(std::set<uint32_t>(rows.begin(), rows.end()), want_rows) << "level " << k;
    }
  }
  EXPECT_GT(nonempty, 100);
}

TEST(HexPyramid, TheZoomPicksNeighbouringLevelsAndCrossFades) {
  const HexPyramid P = buildHexPyramid(clustered(4000, 2), Filter{});
  ASSERT_GE(P.levels.size(), 4u);
  const double s2 = P.levels[2].spacing();
  LevelBlend b = P.blendFor(s2);
  EXPECT_EQ(b.fine, 2);
  EXPECT_EQ(b.main(), 2);
  EXPECT_FLOAT_EQ(b.coarse_weight, 0.f);
  b = P.blendFor(s2 * std::sqrt(2.0));  // mid-octave: both, half and half
  EXPECT_EQ(b.fine, 2);
  EXPECT_EQ(b.coarse, 3);
  EXPECT_NEAR(b.coarse_weight, 0.5f, 1e-4);
  b = P.blendFor(s2 * 1.9);
  EXPECT_EQ(b.main(), 3);
  EXPECT_FLOAT_EQ(b.coarse_weight, 1.f);
  // The weight never falls as the cells grow (no popping back and forth).
  float last = -1;
  int last_main = -1;
  for (double c = s2; c < 2 * s2; c *= 1.01) {
    const LevelBlend x = P.blendFor(c);
    const float w = x.coarse == 3 ? x.coarse_weight : 0.f;
    EXPECT_GE(w + (x.fine == 3 ? 1.f : 0.f), last);
    last = w + (x.fine == 3 ? 1.f : 0.f);
    EXPECT_GE(x.main(), last_main);
    last_main = x.main();
  }
  EXPECT_TRUE(P.blendFor(P.levels[0].spacing() / 2).below_finest);
  EXPECT_EQ(P.blendFor(1e12).fine, static_cast<int>(P.levels.size()) - 1);
  EXPECT_TRUE(buildHexPyramid(Projects{}, Filter{}).levels.empty());
}

// What the window keeps of the last pyramid while the next filter's is built: for the view and the
// levels it shows, the same bins and the same projects drawn as themselves; nothing elsewhere.
TEST(HexPyramid, ATrimmedPyramidDrawsTheSameViewWithAFractionOfTheMemory) {
  const Projects p = clustered(20000, 3);
  const HexPyramid full = buildHexPyramid(p, Filter{});
  ASSERT_GT(full.levels.size(), 6u);
  double minx = INFINITY, miny = INFINITY, maxx = -INFINITY, maxy = -INFINITY;
  for (size_t i = 0; i < p.size(); ++i) minx = std::min(minx, p.x[i]), maxx = std::max(maxx, p.x[i]), miny = std::min(miny, p.y[i]), maxy = std::max(maxy, p.y[i]);
  const double w = maxx - minx, h = maxy - miny;
  const double vx0 = minx + 0.3 * w, vy0 = miny + 0.3 * h, vx1 = minx + 0.5 * w, vy1 = miny + 0.45 * h;  // the view
  size_t full_items = 0, kept_items = 0;
  for (int fine = 0; fine + 1 < static_cast<int>(full.levels.size()); fine += 2) {
    const int coarse = fine + 1;
    const HexPyramid t = trimmedPyramid(full, fine, coarse, vx0, vy0, vx1, vy1);
    ASSERT_EQ(t.levels.size(), full.levels.size());
    EXPECT_EQ(t.members, full.members);
    for (const int k : {fine, coarse}) {
      std::vector<uint32_t> a, b;
      full.levels[k].visible(vx0, vy0, vx1, vy1, a);
      t.levels[k].visible(vx0, vy0, vx1, vy1, b);
      ASSERT_EQ(a.size(), b.size()) << "level " << k;
      for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(full.levels[k].bins[a[i]].hex, t.levels[k].bins[b[i]].hex);
        EXPECT_EQ(full.levels[k].bins[a[i]].count(), t.levels[k].bins[b[i]].count());
      }
      EXPECT_EQ(t.levels[k].ref_investment_yi, full.levels[k].ref_investment_yi);
      std::vector<uint32_t> ra, rb;
      full.settledIn(k, p, vx0, vy0, vx1, vy1, ra);
      t.settledIn(k, p, vx0, vy0, vx1, vy1, rb);
      std::sort(ra.begin(), ra.end());
      std::sort(rb.begin(), rb.end());
      EXPECT_EQ(ra, rb) << "level " << k;
    }
    for (int k = 0; k < fine; ++k) EXPECT_TRUE(t.levels[k].bins.empty() && t.levels[k].singles.empty()) << "a finer level is dropped";
    for (size_t k = 0; k < full.levels.size(); ++k) {
      full_items += full.levels[k].bins.size() + full.levels[k].singles.size();
      kept_items += t.levels[k].bins.size() + t.levels[k].singles.size();
    }
  }
  EXPECT_LT(kept_items * 4, full_items) << "a view keeps a fraction";
}
