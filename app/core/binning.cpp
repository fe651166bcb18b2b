#include "core/binning.h"

#include <cmath>
#include <unordered_map>

namespace cm {

Binning binProjects(const Projects& p, const Filter& f, double cell) {
  Binning out;
  if (!(cell > 0)) return out;
  struct Acc {
    double sx = 0, sy = 0, inv = 0;
    int n = 0, example = -1;
    std::array<int, kEcosystemCount> eco{};
    std::array<double, kEcosystemCount> eco_inv{};
  };
  std::unordered_map<int64_t, Acc> cells;
  cells.reserve(4096);
  for (size_t i = 0; i < p.size(); ++i) {
    if (!passes(p, i, f)) continue;
    const int64_t cx = static_cast<int64_t>(std::floor(p.x[i] / cell));
    const int64_t cy = static_cast<int64_t>(std::floor(p.y[i] / cell));
    Acc& a = cells[(cx << 32) ^ (cy & 0xFFFFFFFF)];
    a.sx += p.x[i];
    a.sy += p.y[i];
    a.inv += p.investment_yi[i];
    if (a.example < 0 || p.investment_yi[i] > p.investment_yi[a.example]) a.example = static_cast<int>(i);
    ++a.n;
    const int e = static_cast<int>(p.ecosystem[i]);
    ++a.eco[e];
    a.eco_inv[e] += p.investment_yi[i];
  }
  out.bins.reserve(cells.size());
  for (const auto& [key, a] : cells) {
    Bin b;
    b.xy = {a.sx / a.n, a.sy / a.n};
    b.count = a.n;
    b.investment_yi = a.inv;
    b.by_ecosystem = a.eco;
    b.example = a.example;
    int best = 0;
    for (int e = 1; e < kEcosystemCount; ++e)
      if (a.eco_inv[e] > a.eco_inv[best]) best = e;
    b.dominant = static_cast<Ecosystem>(best);
    out.members += a.n;
    out.max_investment_yi = std::max(out.max_investment_yi, a.inv);
    out.bins.push_back(b);
  }
  return out;
}

}  // namespace cm
