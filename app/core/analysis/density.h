// Kernel density of the filtered projects on a grid in the display CRS (for a heat layer).
//
// Kernel: Gaussian with σ = bandwidth_m (metres on the ground; converted to display units with
// groundScale), truncated at 3σ and normalised to sum 1 per axis. Computed as (1) binning: each
// point's weight is split bilinearly among the 4 cell centres around it (mass conserved
// exactly), then (2) a separable blur (rows, then columns). The blur scatters each cell's mass
// only inside the grid — near the grid's edge the kernel is renormalised over the cells that
// exist — so the grid integrates exactly to the weight binned. The grid covers `area` extended
// by 3σ (+1 cell) on every side, so points in `area` lose nothing to the edge and the edge
// renormalisation touches only points outside `area`. Filtered points outside the grid are not
// binned (their weight is `outside_weight`, not part of `total_weight`).
//
// Units: value is weight per km² on the ground — projects/km², or 亿元/km² with
// weight_investment — so Σ value · cell_area_km2() = total_weight.
#pragma once
#include <cstdint>
#include <vector>

#include "core/cached.h"
#include "core/filter.h"
#include "core/model.h"
#include "core/view.h"

namespace cm {

struct DensityParams {
  double bandwidth_m = 2000;       // σ of the Gaussian, ground metres
  bool weight_investment = false;  // weight = investment_yi (亿元) instead of 1
  double cell_m = 0;               // ground metres; 0: bandwidth/4, enlarged so the grid is at most ~1000x1000
};

struct DensityGrid {
  double x0 = 0, y0 = 0;  // display CRS: the lower-left corner of cell (0, 0); row 0 is the south row
  double cell_m = 0;      // cell size in display-CRS units (= ground metres / ground_scale)
  int w = 0, h = 0;
  std::vector<float> value;  // w*h, row-major from the south: value[row * w + col], weight per km²
  double total_weight = 0;   // weight binned into the grid (what it integrates to)
  float max_value = 0;
  double outside_weight = 0;  // weight of filtered points that fell outside the grid
  int64_t points = 0;         // filtered points binned
  double ground_scale = 1;    // ground metres per display unit (core/analysis/ground.h)
  bool cancelled = false;     // value is empty then

  double cellAreaKm2() const { return cell_m * ground_scale * cell_m * ground_scale / 1e6; }
  // Centre of cell (col, row) in the display CRS.
  Vec2 cellCenter(int col, int row) const { return {x0 + (col + 0.5) * cell_m, y0 + (row + 0.5) * cell_m}; }
  float at(int col, int row) const { return value[static_cast<size_t>(row) * w + col]; }
};

DensityGrid kernelDensity(const Model& m, const Filter& f, const DensityParams& p, const Extent& area,
                          TaskControl* ctl = nullptr);

// The districts' extent in the display CRS (what a city-wide density is computed over).
Extent districtsExtent(const Model& m);

// Class breaks for a legend with `classes` colours: the upper bounds of each class, ascending,
// the last one max_value. Quantiles of the cells above `floor_share` × max_value (the Gaussian
// tails make every cell non-zero; cells below 0.1 % of the peak count as empty and are not
// drawn). Equal breaks collapse (fewer classes). Empty when the grid is all empty.
std::vector<float> densityBreaks(const DensityGrid& g, int classes = 5, float floor_share = 1e-3f);

}  // namespace cm
