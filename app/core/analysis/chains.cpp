#include "core/analysis/chains.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/names.h"
#include "geo/geodesic.h"
#include "geo/measure.h"

namespace cm {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double median(std::vector<double> v) {
  v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return std::isnan(x); }), v.end());
  if (v.empty()) return kNaN;
  const size_t h = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(h), v.end());
  const double hi = v[h];
  if (v.size() % 2) return hi;
  const double lo = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(h));
  return 0.5 * (lo + hi);
}

double distance(const Projects& p, size_t a, size_t b) { return geodesicDistanceM(p.lon[a], p.lat[a], p.lon[b], p.lat[b]); }

}  // namespace

std::vector<ChainArc> leaderArcs(const Model& m, const Filter& f, int leader_row) {
  const Projects& p = m.projects;
  std::vector<ChainArc> out;
  const size_t n = p.size();
  if (leader_row >= 0 && static_cast<size_t>(leader_row) >= n) return out;
  for (size_t i = 0; i < n; ++i) {
    const int32_t l = p.leader_index[i];
    if (l < 0 || static_cast<size_t>(l) >= n || static_cast<size_t>(l) == i) continue;
    if (leader_row >= 0 ? l != leader_row : !passes(p, static_cast<size_t>(l), f)) continue;
    if (!passes(p, i, f)) continue;
    out.push_back({static_cast<uint32_t>(l), static_cast<uint32_t>(i), distance(p, static_cast<size_t>(l), i), p.chainRoleAt(i)});
  }
  std::stable_sort(out.begin(), out.end(), [](const ChainArc& a, const ChainArc& b) { return a.leader < b.leader; });
  return out;
}

std::string chainViewSummary(const Model& m, Lang L, const ChainView& v) {
  char b[512];
  if (v.rows.empty()) return tr(L, S::ChainViewEmpty);
  std::snprintf(b, sizeof b, tr(L, S::ChainViewCounts), static_cast<int>(v.rows.size()), static_cast<int>(v.leaders), static_cast<int>(v.followers));
  std::string t = b;
  t += L == Lang::Zh ? "；" : "; ";
  if (std::isnan(v.median_to_leader_m)) {
    t += tr(L, S::ChainViewNoLeader);
  } else {
    std::snprintf(b, sizeof b, tr(L, S::ChainViewToLeader), formatDistance(v.median_to_leader_m).c_str());
    t += b;
  }
  t += L == Lang::Zh ? "；" : "; ";
  if (v.main_park < 0 || std::isnan(v.median_to_main_park_m)) {
    t += tr(L, S::ChainViewNoPark);
  } else {
    std::snprintf(b, sizeof b, tr(L, S::ChainViewToPark), parkName(m, L, v.main_park).c_str(), formatDistance(v.median_to_main_park_m).c_str());
    t += b;
  }
  return t;
}

ChainView chainView(const Model& m, const Filter& f, int chain) {
  const Projects& p = m.projects;
  ChainView v;
  v.chain = chain;
  v.median_to_leader_m = v.median_to_main_park_m = kNaN;
  if (chain < 0 || static_cast<size_t>(chain) >= p.chain_names.size()) return v;
  Filter any_chain = f;
  any_chain.chains = IdSet{};
  const size_t np = m.parks.size();
  std::vector<int64_t> count(np, 0);
  std::vector<double> inv(np, 0.0);
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.chain[i] != chain || !passes(p, i, any_chain)) continue;
    v.rows.push_back(static_cast<uint32_t>(i));
    v.leaders += p.chain_leader[i] != 0;
    const int k = p.park_index[i];
    if (p.in_park[i] && k >= 0 && static_cast<size_t>(k) < np) ++count[static_cast<size_t>(k)], inv[static_cast<size_t>(k)] += p.investment_yi[i];
  }
  for (size_t k = 0; k < np; ++k) {
    if (count[k] == 0) continue;
    if (v.main_park < 0 || count[k] > count[static_cast<size_t>(v.main_park)] ||
        (count[k] == count[static_cast<size_t>(v.main_park)] && inv[k] > inv[static_cast<size_t>(v.main_park)]))
      v.main_park = static_cast<int>(k);
  }
  v.to_leader_m.reserve(v.rows.size());
  v.to_main_park_m.reserve(v.rows.size());
  for (const uint32_t i : v.rows) {
    const int32_t l = p.leader_index[i];
    const bool follows = l >= 0 && static_cast<size_t>(l) < p.size() && static_cast<uint32_t>(l) != i;
    v.followers += follows;
    v.to_leader_m.push_back(follows ? distance(p, static_cast<size_t>(l), i) : kNaN);
    if (v.main_park >= 0) {
      const Park& park = m.parks[static_cast<size_t>(v.main_park)];
      v.to_main_park_m.push_back(geodesicDistanceM(p.lon[i], p.lat[i], park.lon, park.lat));
    } else {
      v.to_main_park_m.push_back(kNaN);
    }
  }
  v.median_to_leader_m = median(v.to_leader_m);
  v.median_to_main_park_m = median(v.to_main_park_m);
  return v;
}

}  // namespace cm
