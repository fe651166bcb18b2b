// Aggregation for when points would pile up: projects that pass the filter are gathered into
// square cells of a fixed size in screen pixels, anchored to the display CRS origin (so panning
// does not move the bins; only zoom and filter changes recompute them).
#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "core/filter.h"
#include "core/model.h"

namespace cm {

struct Bin {
  Vec2 xy;                 // centroid of the members (display CRS)
  int count = 0;
  double investment_yi = 0;
  std::array<int, kEcosystemCount> by_ecosystem{};
  Ecosystem dominant = Ecosystem::Other;  // the ecosystem with the most investment
  int example = -1;        // one member row (the largest), for single-project bins
};

struct Binning {
  std::vector<Bin> bins;
  int members = 0;                      // projects binned
  double max_investment_yi = 0;         // of the largest bin
  double meanOccupancy() const { return bins.empty() ? 0 : double(members) / bins.size(); }
  // Bubble radius in pixels: area ∝ the bin's investment (`px_per_sqrt_yi` × √亿元), capped just
  // under half a cell so neighbouring bubbles barely touch, and never below `min_px`.
  static float radiusPx(const Bin& b, double cell_px, double px_per_sqrt_yi = 1.0, float min_px = 4.f) {
    const double r = px_per_sqrt_yi * std::sqrt(std::max(b.investment_yi, 0.0));
    return static_cast<float>(std::clamp<double>(r, min_px, std::max<double>(min_px, 0.47 * cell_px)));
  }
};

// `cell_units`: the cell size in display-CRS units (cell pixels × units per pixel).
Binning binProjects(const Projects& p, const Filter& f, double cell_units);

}  // namespace cm
