#include "core/choropleth.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cm {

std::string_view choroplethId(ChoroplethMetric m) {
  switch (m) {
    case ChoroplethMetric::Investment: return "investment";
    case ChoroplethMetric::Projects: return "projects";
    case ChoroplethMetric::InvestmentPerKm2: return "investment_per_km2";
    case ChoroplethMetric::ProjectsPerKm2: return "projects_per_km2";
    case ChoroplethMetric::InParksShare: return "in_parks_share";
    case ChoroplethMetric::ParkMatchShare: return "park_match_share";
  }
  return "investment";
}

std::string choroplethIds() {
  std::string s;
  for (ChoroplethMetric m : kChoroplethMetrics) s += (s.empty() ? "" : ", ") + std::string(choroplethId(m));
  return s;
}

bool parseChoroplethMetric(std::string_view id, ChoroplethMetric& out) {
  for (ChoroplethMetric m : kChoroplethMetrics)
    if (choroplethId(m) == id) {
      out = m;
      return true;
    }
  return false;
}

std::vector<double> choroplethValues(const Model& m, const Stats& s, ChoroplethMetric metric, const Conformance* c) {
  std::vector<double> v(m.districts.size(), 0.0);
  if (fromConformance(metric)) {
    for (size_t i = 0; c && i < v.size() && i < c->districts.size(); ++i) {
      const AreaFigures& a = c->districts[i];
      v[i] = metric == ChoroplethMetric::InParksShare ? (a.count ? 100.0 * a.in_parks / a.count : 0.0) : 100.0 * a.match_share;
    }
    return v;
  }
  for (size_t i = 0; i < v.size() && i < s.by_district.size(); ++i) {
    double x = countsProjects(metric) ? static_cast<double>(s.by_district[i].count) : s.by_district[i].investment_yi;
    if (perKm2(metric)) x = m.districts[i].area_km2 > 0 ? x / m.districts[i].area_km2 : 0.0;
    v[i] = x;
  }
  return v;
}

int ChoroplethClasses::classOf(double v) const {
  if (!(v > 0) || upper.empty()) return -1;
  for (size_t k = 0; k < upper.size(); ++k)
    if (v <= upper[k]) return static_cast<int>(k);
  return static_cast<int>(upper.size()) - 1;
}

// Fisher's exact optimal partition of sorted values into k contiguous classes minimising the sum
// of squared deviations (dynamic programming, O(k·n²): n is a dozen districts, or a few hundred
// parks at most).
ChoroplethClasses naturalBreaks(const std::vector<double>& values, int classes) {
  std::vector<double> x;
  for (double v : values)
    if (v > 0) x.push_back(v);
  std::sort(x.begin(), x.end());
  ChoroplethClasses out;
  if (x.empty() || classes < 1) return out;
  std::vector<double> distinct = x;
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  const int k = std::min<int>(classes, static_cast<int>(distinct.size()));
  if (k == static_cast<int>(distinct.size())) {
    out.upper = distinct;
    return out;
  }
  const size_t n = x.size();
  std::vector<double> s1(n + 1, 0), s2(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    s1[i + 1] = s1[i] + x[i];
    s2[i + 1] = s2[i] + x[i] * x[i];
  }
  auto ssd = [&](size_t a, size_t b) {  // rows [a, b)
    const double cnt = static_cast<double>(b - a), sum = s1[b] - s1[a];
    return (s2[b] - s2[a]) - sum * sum / cnt;
  };
  const double inf = std::numeric_limits<double>::infinity();
  // cost[c][j]: best cost of the first j values in c classes; cut[c][j]: where the last class starts.
  std::vector<std::vector<double>> cost(k + 1, std::vector<double>(n + 1, inf));
  std::vector<std::vector<size_t>> cut(k + 1, std::vector<size_t>(n + 1, 0));
  cost[0][0] = 0;
  for (int c = 1; c <= k; ++c)
    for (size_t j = c; j <= n; ++j)
      for (size_t i = c - 1; i < j; ++i) {
        if (cost[c - 1][i] == inf) continue;
        // Equal values never straddle a break.
        if (i > 0 && x[i - 1] == x[i]) continue;
        const double total = cost[c - 1][i] + ssd(i, j);
        if (total < cost[c][j]) {
          cost[c][j] = total;
          cut[c][j] = i;
        }
      }
  std::vector<double> upper(k);
  size_t j = n;
  for (int c = k; c >= 1; --c) {
    upper[c - 1] = x[j - 1];
    j = cut[c][j];
  }
  out.upper = upper;
  return out;
}

std::vector<int> choroplethDistrictClasses(const ChoroplethClasses& classes, const std::vector<double>& values,
                                           const IdSet& districts) {
  std::vector<int> out(values.size());
  for (size_t d = 0; d < values.size(); ++d)
    out[d] = districts.contains(static_cast<int>(d)) ? classes.classOf(values[d]) : kChoroplethNotSelected;
  return out;
}

ChoroplethClasses selectedBreaks(const std::vector<double>& values, const IdSet& districts, int classes) {
  std::vector<double> v = values;
  for (size_t d = 0; d < v.size(); ++d)
    if (!districts.contains(static_cast<int>(d))) v[d] = 0;
  return naturalBreaks(v, classes);
}

uint32_t choroplethColor(int k, int n) {
  if (k < 0 || n <= 0) return kChoroplethNone;
  if (n == 1) return kChoroplethRamp[2];
  const int idx = static_cast<int>(std::lround(static_cast<double>(k) * 4.0 / (n - 1)));
  return kChoroplethRamp[std::clamp(idx, 0, 4)];
}

}  // namespace cm
