// DBSCAN (core/analysis/dbscan.h): hand-made sets with known clusters, border points and noise;
// order independence; by_ecosystem; a brute-force O(n²) reference on geodesic distances; eps in
// metres on the ellipsoid.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>

#include "core/analysis/dbscan.h"
#include "core/analysis/ground.h"
#include "geo/geodesic.h"
#include "geo/projection.h"
#include "point_model.h"

using namespace cm;

namespace {

using test::en;
using test::offset;
using test::project;
using test::Pt;
using test::pointModel;

// Clustered random points: a few Gaussian blobs plus uniform background, in a ~20 km box.
std::vector<Pt> randomPoints(uint32_t seed, int n, bool mixed_ecosystems) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(-10000, 10000);
  std::normal_distribution<double> nd(0, 700);
  std::vector<std::pair<double, double>> centres;
  for (int c = 0; c < 5; ++c) centres.push_back({u(rng), u(rng)});
  std::vector<Pt> out;
  for (int i = 0; i < n; ++i) {
    const Ecosystem e = mixed_ecosystems ? static_cast<Ecosystem>(rng() % 3) : Ecosystem::Iot;
    if (i % 4 == 0) {
      out.push_back(en(u(rng), u(rng), e));
    } else {
      const auto& c = centres[rng() % centres.size()];
      out.push_back(en(c.first + nd(rng), c.second + nd(rng), e));
    }
  }
  return out;
}

// Canonical partition: for every row in `rows`, the smallest row of its cluster (or the label
// when negative).
std::map<uint32_t, int64_t> canonical(const DbscanResult& r, const std::vector<uint32_t>& rows, const std::vector<uint32_t>& to_orig) {
  std::map<int32_t, uint32_t> smallest;
  for (uint32_t i : rows)
    if (r.label[i] >= 0) {
      auto [it, fresh] = smallest.try_emplace(r.label[i], to_orig[i]);
      if (!fresh) it->second = std::min(it->second, to_orig[i]);
    }
  std::map<uint32_t, int64_t> out;
  for (uint32_t i : rows) out[to_orig[i]] = r.label[i] >= 0 ? int64_t(smallest[r.label[i]]) : r.label[i];
  return out;
}

// The textbook O(n²) DBSCAN with geodesic distances (PROJ/Karney) as the reference.
struct Reference {
  std::vector<uint8_t> core;
  std::vector<int> comp;  // per point: component id of core points, -1 otherwise
  std::vector<int> label;  // core: comp; border: comp of the nearest core point; noise: -1
};
Reference bruteForce(const std::vector<Pt>& pts, double eps, int min_pts, bool by_eco) {
  const size_t n = pts.size();
  std::vector<std::vector<double>> d(n, std::vector<double>(n, 0));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) d[i][j] = d[j][i] = geodesicDistanceM(pts[i].lon, pts[i].lat, pts[j].lon, pts[j].lat);
  auto same = [&](size_t i, size_t j) { return !by_eco || pts[i].eco == pts[j].eco; };
  Reference r;
  r.core.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    int c = 0;
    for (size_t j = 0; j < n; ++j) c += same(i, j) && d[i][j] <= eps;
    r.core[i] = c >= min_pts;
  }
  r.comp.assign(n, -1);
  int next = 0;
  for (size_t s = 0; s < n; ++s) {
    if (!r.core[s] || r.comp[s] >= 0) continue;
    std::vector<size_t> stack{s};
    r.comp[s] = next;
    while (!stack.empty()) {
      const size_t i = stack.back();
      stack.pop_back();
      for (size_t j = 0; j < n; ++j)
        if (r.core[j] && r.comp[j] < 0 && same(i, j) && d[i][j] <= eps) {
          r.comp[j] = next;
          stack.push_back(j);
        }
    }
    ++next;
  }
  r.label = r.comp;
  for (size_t i = 0; i < n; ++i) {
    if (r.core[i]) continue;
    double best = INFINITY;
    for (size_t j = 0; j < n; ++j)
      if (r.core[j] && same(i, j) && d[i][j] <= eps && d[i][j] < best) {
        best = d[i][j];
        r.label[i] = r.comp[j];
      }
  }
  return r;
}

}  // namespace

TEST(AnalysisDbscan, HandMadeClustersBorderAndNoise) {
  std::vector<Pt> pts;
  // A: four points 250 m apart on a line (all core: each has the other three within 750 m).
  for (int k = 0; k < 4; ++k) pts.push_back(en(-750 + 250 * k, 0));
  // B: four points 250 m apart, 2.7 km east of A's end.
  for (int k = 0; k < 4; ++k) pts.push_back(en(2700 + 250 * k, 0));
  // Border: 1300 m from A's last point, 1400 m from B's first: 3 neighbours (itself, both) → not
  // core; joins the NEAREST core point's cluster, A.
  pts.push_back(en(1300, 0));
  // Noise: far from everything, and a pair that is too small.
  pts.push_back(en(0, 9000));
  pts.push_back(en(5000, -8000));
  pts.push_back(en(5300, -8000));
  // A filtered-out project right inside A.
  pts.push_back(en(-500, 100, Ecosystem::Bio));
  const Model m = pointModel(pts);
  Filter f;
  f.ecosystems = 1u << static_cast<int>(Ecosystem::Iot);
  const DbscanResult r = dbscan(m, f, DbscanParams{1500, 4, false});
  ASSERT_FALSE(r.cancelled);
  ASSERT_EQ(r.clusters.size(), 2u);
  EXPECT_EQ(r.included, 12);
  EXPECT_EQ(r.noise, 3);
  // Sorted by count: A (4 + border) is cluster 0, B cluster 1.
  for (int k = 0; k < 4; ++k) {
    EXPECT_EQ(r.label[k], 0) << k;
    EXPECT_EQ(r.core[k], 1) << k;
    EXPECT_EQ(r.label[4 + k], 1) << k;
    EXPECT_EQ(r.core[4 + k], 1) << k;
  }
  EXPECT_EQ(r.label[8], 0);
  EXPECT_EQ(r.core[8], 0);
  for (int k : {9, 10, 11}) {
    EXPECT_EQ(r.label[k], DbscanResult::kNoise);
    EXPECT_EQ(r.core[k], 0);
  }
  EXPECT_EQ(r.label[12], DbscanResult::kNotIncluded);
  EXPECT_EQ(r.clusters[0].count, 5);
  EXPECT_EQ(r.clusters[0].rows, (std::vector<uint32_t>{0, 1, 2, 3, 8}));
  EXPECT_EQ(r.clusters[1].count, 4);
  EXPECT_EQ(r.clusters[0].id, 0);
  EXPECT_EQ(r.clusters[1].id, 1);
  EXPECT_DOUBLE_EQ(r.clusters[0].investment_yi, 5);
  EXPECT_EQ(r.clusters[0].ecosystem, Ecosystem::Iot);
  double cx = 0;
  for (uint32_t row : r.clusters[0].rows) cx += m.projects.x[row];
  EXPECT_NEAR(r.clusters[0].centroid.x, cx / 5, 1e-6);

  // With min_pts 3 the border point becomes core and bridges A and B into one cluster.
  const DbscanResult r3 = dbscan(m, f, DbscanParams{1500, 3, false});
  EXPECT_EQ(r3.label[0], r3.label[7]);
  EXPECT_EQ(r3.core[8], 1);
  EXPECT_EQ(r3.label[10], DbscanResult::kNoise);  // a pair is not a cluster at min_pts 3
  EXPECT_EQ(r3.label[9], DbscanResult::kNoise);
}

TEST(AnalysisDbscan, BorderTiesAndDominantEcosystem) {
  // Mixed cluster without by_ecosystem: dominant by count, ties by investment.
  std::vector<Pt> pts{en(0, 0, Ecosystem::Bio), en(100, 0, Ecosystem::Bio), en(200, 0, Ecosystem::Iot),
                      en(300, 0, Ecosystem::Iot)};
  pts[2].inv = 10;
  const Model m = pointModel(pts);
  const DbscanResult r = dbscan(m, Filter{}, DbscanParams{1500, 4, false});
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].ecosystem, Ecosystem::Iot);  // 2 vs 2 projects, 11 vs 2 亿
}

TEST(AnalysisDbscan, EpsIsGeodesicMetresWithinAPermille) {
  // At several places across Hangzhou (Chun'an in the west to Qiantang in the east) and in
  // several directions: a point 0.1 % inside eps = 1500 m is a neighbour, 0.1 % outside is not.
  const std::vector<std::pair<double, double>> places{{118.6, 29.6}, {119.3, 29.8}, {120.15, 30.25}, {120.5, 30.3}};
  for (auto [lon, lat] : places)
    for (double az : {0.0, 45.0, 90.0, 135.0, 200.0, 290.0}) {
      for (double d : {1498.5, 1501.5}) {
        const Pt a{lon, lat};
        const Pt b = offset(lon, lat, az, d);
        EXPECT_NEAR(geodesicDistanceM(a.lon, a.lat, b.lon, b.lat), d, 1e-6);
        // The chord the analysis uses, against the geodesic.
        const double c = chordM(toEcef(a.lon, a.lat), toEcef(b.lon, b.lat));
        EXPECT_LT(std::fabs(c - d) / d, 1e-6) << lon << " " << az;
        const DbscanResult r = dbscan(pointModel({a, b}), Filter{}, DbscanParams{1500, 2, false});
        if (d < 1500) EXPECT_EQ(r.clusters.size(), 1u) << lon << "," << lat << " az " << az;
        else EXPECT_TRUE(r.clusters.empty()) << lon << "," << lat << " az " << az;
      }
    }
  // Random pairs 0.5–3 km apart anywhere in the city: chord within 0.1 % (in fact 10⁻⁷).
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> lon(118.35, 120.7), lat(29.2, 30.55), az(0, 360), dist(500, 3000);
  for (int i = 0; i < 200; ++i) {
    const Pt a{lon(rng), lat(rng)};
    const Pt b = offset(a.lon, a.lat, az(rng), dist(rng));
    const double g = geodesicDistanceM(a.lon, a.lat, b.lon, b.lat);
    EXPECT_LT(std::fabs(chordM(toEcef(a.lon, a.lat), toEcef(b.lon, b.lat)) - g) / g, 1e-3);
  }
}

TEST(AnalysisDbscan, SameCorePartitionWhateverTheOrder) {
  const std::vector<Pt> pts = randomPoints(42, 600, false);
  const Model m = pointModel(pts);
  const DbscanResult r = dbscan(m, Filter{}, DbscanParams{});
  ASSERT_GT(r.clusters.size(), 1u);
  std::vector<uint32_t> id(pts.size());
  std::iota(id.begin(), id.end(), 0u);
  std::vector<uint32_t> core_rows, noise_rows;
  for (uint32_t i = 0; i < pts.size(); ++i) (r.core[i] ? core_rows : noise_rows).push_back(i);
  const auto want = canonical(r, core_rows, id);
  std::mt19937 rng(3);
  for (int trial = 0; trial < 4; ++trial) {
    std::vector<uint32_t> perm = id;  // perm[new row] = original row
    std::shuffle(perm.begin(), perm.end(), rng);
    std::vector<Pt> shuffled;
    for (uint32_t o : perm) shuffled.push_back(pts[o]);
    const DbscanResult s = dbscan(pointModel(shuffled), Filter{}, DbscanParams{});
    std::vector<uint32_t> s_core;
    int64_t noise = 0;
    for (uint32_t i = 0; i < perm.size(); ++i) {
      EXPECT_EQ(s.core[i], r.core[perm[i]]);
      if (s.core[i]) s_core.push_back(i);
      noise += s.label[i] == DbscanResult::kNoise;
      EXPECT_EQ(s.label[i] == DbscanResult::kNoise, r.label[perm[i]] == DbscanResult::kNoise);
    }
    EXPECT_EQ(noise, r.noise);
    EXPECT_EQ(canonical(s, s_core, perm), want);
    ASSERT_EQ(s.clusters.size(), r.clusters.size());
    for (size_t c = 0; c < s.clusters.size(); ++c) EXPECT_EQ(s.clusters[c].count, r.clusters[c].count);
  }
}

TEST(AnalysisDbscan, ByEcosystemNeverMixes) {
  // Two ecosystems interleaved 200 m apart: together one cluster; by ecosystem two clusters of
  // one ecosystem each, and a lone third-ecosystem point in the middle is noise.
  std::vector<Pt> pts;
  for (int k = 0; k < 8; ++k) pts.push_back(en(200 * k, 0, k % 2 ? Ecosystem::Bio : Ecosystem::Equip));
  pts.push_back(en(700, 50, Ecosystem::Energy));
  const Model m = pointModel(pts);
  const DbscanResult mixed = dbscan(m, Filter{}, DbscanParams{1500, 4, false});
  ASSERT_EQ(mixed.clusters.size(), 1u);
  EXPECT_EQ(mixed.clusters[0].count, 9);
  const DbscanResult sep = dbscan(m, Filter{}, DbscanParams{1500, 4, true});
  ASSERT_EQ(sep.clusters.size(), 2u);
  EXPECT_EQ(sep.label[8], DbscanResult::kNoise);
  for (const DbscanCluster& c : sep.clusters) {
    EXPECT_EQ(c.count, 4);
    for (uint32_t row : c.rows) EXPECT_EQ(m.projects.ecosystem[row], c.ecosystem);
  }
  // And on random mixed data.
  const std::vector<Pt> rnd = randomPoints(5, 800, true);
  const Model rm = pointModel(rnd);
  const DbscanResult rr = dbscan(rm, Filter{}, DbscanParams{1200, 4, true});
  ASSERT_FALSE(rr.clusters.empty());
  for (const DbscanCluster& c : rr.clusters)
    for (uint32_t row : c.rows) ASSERT_EQ(rm.projects.ecosystem[row], c.ecosystem);
}

TEST(AnalysisDbscan, MatchesBruteForceReference) {
  struct Case {
    uint32_t seed;
    int n;
    double eps;
    int min_pts;
    bool by_eco;
  };
  for (const Case& k : {Case{1, 300, 1500, 4, false}, Case{2, 400, 800, 3, false}, Case{3, 350, 1500, 6, false},
                        Case{4, 400, 1500, 4, true}, Case{5, 300, 2500, 10, false}}) {
    const std::vector<Pt> pts = randomPoints(k.seed, k.n, k.by_eco);
    const Model m = pointModel(pts);
    const DbscanResult r = dbscan(m, Filter{}, DbscanParams{k.eps, k.min_pts, k.by_eco});
    const Reference ref = bruteForce(pts, k.eps, k.min_pts, k.by_eco);
    int cores = 0;
    // Core points: identical; their partition: identical (as a bijection of ids).
    std::map<int, int> to_ref, from_ref;
    for (size_t i = 0; i < pts.size(); ++i) {
      ASSERT_EQ(r.core[i], ref.core[i]) << "seed " << k.seed << " row " << i;
      if (!ref.core[i]) continue;
      ++cores;
      auto [a, fa] = to_ref.try_emplace(r.label[i], ref.comp[i]);
      EXPECT_EQ(a->second, ref.comp[i]) << "seed " << k.seed << " row " << i;
      auto [b, fb] = from_ref.try_emplace(ref.comp[i], r.label[i]);
      EXPECT_EQ(b->second, r.label[i]) << "seed " << k.seed << " row " << i;
    }
    EXPECT_GT(cores, 0);
    // Border points join the nearest core point's cluster; noise is noise.
    for (size_t i = 0; i < pts.size(); ++i) {
      if (ref.core[i]) continue;
      if (ref.label[i] < 0) EXPECT_EQ(r.label[i], DbscanResult::kNoise) << "seed " << k.seed << " row " << i;
      else EXPECT_EQ(to_ref.at(r.label[i]), ref.label[i]) << "seed " << k.seed << " row " << i;
    }
    EXPECT_EQ(static_cast<int>(r.clusters.size()), static_cast<int>(to_ref.size()));
    for (size_t c = 1; c < r.clusters.size(); ++c) EXPECT_GE(r.clusters[c - 1].count, r.clusters[c].count);
  }
}

TEST(AnalysisDbscan, FilterTimeWindowAndCancel) {
  std::vector<Pt> pts;
  for (int k = 0; k < 6; ++k) pts.push_back(en(100 * k, 0));
  Model m = pointModel(pts);
  m.projects.signed_day[5] = 19000;  // 2022-01-08: outside a 2024 window
  Filter f;
  f.month_from = monthIndex(2024, 1);
  f.month_to = monthIndex(2024, 12);
  DbscanResult r = dbscan(m, f, DbscanParams{1500, 4, false});
  EXPECT_EQ(r.label[5], DbscanResult::kNotIncluded);
  EXPECT_EQ(r.included, 5);
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].count, 5);

  TaskControl ctl;
  r = dbscan(m, f, DbscanParams{}, &ctl);
  EXPECT_FALSE(r.cancelled);
  EXPECT_FLOAT_EQ(ctl.progress.load(), 1.f);
  ctl.cancel = true;
  r = dbscan(m, f, DbscanParams{}, &ctl);
  EXPECT_TRUE(r.cancelled);
  EXPECT_TRUE(r.clusters.empty());
}

TEST(AnalysisDbscan, RowFilterAgreesWithPasses) {
  const std::vector<Pt> pts = randomPoints(9, 300, true);
  Model m = pointModel(pts);
  std::mt19937 rng(11);
  for (size_t i = 0; i < m.projects.size(); ++i) {
    m.projects.signed_day[i] = 18000 + static_cast<int32_t>(rng() % 3000);
    m.projects.investment_yi[i] = static_cast<float>(rng() % 100);
  }
  m.projects.signed_day[0] = Projects::kNoDay;
  for (int t = 0; t < 50; ++t) {
    Filter f;
    f.ecosystems = rng() % 64;
    f.min_investment_yi = static_cast<float>(rng() % 50);
    if (t % 3) f.month_from = monthIndex(2019 + static_cast<int>(rng() % 6), 1 + static_cast<int>(rng() % 12));
    if (t % 4) f.month_to = monthIndex(2021 + static_cast<int>(rng() % 6), 1 + static_cast<int>(rng() % 12));
    const RowFilter pass(f);
    for (size_t i = 0; i < m.projects.size(); ++i) ASSERT_EQ(pass(m.projects, i), passes(m.projects, i, f)) << t << " " << i;
  }
}
