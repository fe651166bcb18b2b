// Outlines traced from a raster (gdal_polygonize of a land/water mask, as the shipped water layer
// was made: GSHHG through `gmt grdlandmask -I0.0005`) step along the cells' edges, and zoomed in
// the banks stair-step. This finds such outlines and cuts the steps' corners: every short edge is
// replaced by its midpoint (a regular staircase becomes the diagonal it approximates), a long
// straight edge keeps its line and loses only half a cell at each end. GL-free.
#pragma once
#include "geo/types.h"

namespace cm {

// The cell size of a traced outline (in `ll`'s units): the commonest length of its axis-parallel
// edges, when at least a third of its edges are axis-parallel; else 0 (not traced from cells).
double stairCellSize(const MultiPolygon& ll);

// Cuts the steps of every ring of `ll` (cell size `cell`), and of `xy` (the same rings in another
// CRS) at the same fractions of the same edges. Nothing changes when cell <= 0.
void smoothStairs(MultiPolygon& ll, MultiPolygon& xy, double cell);

}  // namespace cm
