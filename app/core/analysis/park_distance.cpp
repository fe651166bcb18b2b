#include "core/analysis/park_distance.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/analysis/conformance.h"
#include "core/analysis/ground.h"

namespace cm {

std::vector<float> parkCentreDistances(const Model& m) {
  const Projects& p = m.projects;
  std::vector<float> d(p.size(), std::numeric_limits<float>::quiet_NaN());
  for (size_t i = 0; i < p.size(); ++i) {
    const int k = p.park_index[i];
    if (k < 0 || static_cast<size_t>(k) >= m.parks.size()) continue;
    const Park& park = m.parks[static_cast<size_t>(k)];
    d[i] = static_cast<float>(groundDistanceM(p.lon[i], p.lat[i], park.lon, park.lat));
  }
  return d;
}

std::vector<ParkDistanceFigures> parkDistanceFigures(const Model& m, const Filter& f, const std::vector<float>& d) {
  const Projects& p = m.projects;
  const size_t np = m.parks.size();
  std::vector<std::vector<std::pair<float, uint32_t>>> by_park(np);
  const RowFilter pass(f);
  for (size_t i = 0; i < p.size() && i < d.size(); ++i) {
    const int k = p.park_index[i];
    if (k < 0 || static_cast<size_t>(k) >= np || std::isnan(d[i]) || !pass(p, i)) continue;
    by_park[static_cast<size_t>(k)].push_back({d[i], static_cast<uint32_t>(i)});
  }
  std::vector<ParkDistanceFigures> out(np);
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  for (size_t k = 0; k < np; ++k) {
    auto& v = by_park[k];
    ParkDistanceFigures& pf = out[k];
    pf.park = static_cast<int>(k);
    pf.count = static_cast<int64_t>(v.size());
    if (v.empty()) {
      pf.median_m = pf.p90_m = pf.max_m = kNaN;
      continue;
    }
    std::sort(v.begin(), v.end());
    auto rank = [&](double q) { return v[static_cast<size_t>(std::max(0.0, std::ceil(q * static_cast<double>(v.size())) - 1))].first; };
    pf.median_m = rank(0.5);
    pf.p90_m = rank(0.9);
    pf.max_m = v.back().first;
    pf.farthest_row = v.back().second;
    const double r_m = 1000.0 * m.parks[k].radius_km;
    pf.beyond_radius = static_cast<int64_t>(std::count_if(v.begin(), v.end(), [&](const auto& e) { return e.first > r_m; }));
  }
  return out;
}

void ParkDistanceProduct::update(const ProductInputs& in) {
  wanted_ = in.wants(ids::kParkDistance);
  if (!wanted_) return;
  value_.update(in.model_rev, [&] { return std::make_shared<const std::vector<float>>(parkCentreDistances(*in.model)); });
}

}  // namespace cm
