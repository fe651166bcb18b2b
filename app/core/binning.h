// Aggregation for when points would pile up: projects that pass the filter are gathered into
// square cells of a fixed size in screen pixels, anchored to the display CRS origin (so panning
// does not move the bins; only zoom and filter changes recompute them).
#pragma once
#include <array>
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
  double meanOccupancy() const { return bins.empty() ? 0 : double(members) / bins.size(); }
};

// `cell_units`: the cell size in display-CRS units (cell pixels × units per pixel).
Binning binProjects(const Projects& p, const Filter& f, double cell_units);

}  // namespace cm
