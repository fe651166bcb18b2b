// `--analyze density`: kernel density of the filtered projects (core/analysis/products.h
// densityAnalysis, the window's heatmap), --analyze-out FILE.tif a GeoTIFF for QGIS.
//   {analysis, crs, bandwidth_m, weight, unit, x0, y0, cell, w, h, ground_scale, total_weight,
//    outside_weight, points, max_value, peak {x, y, value}, breaks}
#pragma once
#include "data/analysis_reports/analysis_command.h"

namespace cm {

AnalysisCommand densityCommand();

}  // namespace cm
