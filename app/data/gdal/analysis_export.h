// The planner's analyses written for QGIS (GDAL): one GeoPackage with a layer per result, a
// density GeoTIFF, and a CSV of any selection of projects. Everything is in the display CRS
// (Model::display_crs) and written to a temporary file beside the target, then renamed into
// place: the target is the old complete file or the new one, never half of one.
//
// GeoPackage layers (each written only when its result is given):
//   park_conformance   Polygon  per park: its boundary polygon, or its catchment circle (64-gon,
//                      radius from ParkShapes or the park) — park_id, name_zh, name_en,
//                      main_ecosystem, radius_km, count, investment_yi, matching, match_share,
//                      hhi, mismatched, lq_<ecosystem id> (lq_iot … lq_other)
//   outside_projects   Point    project_id, name_zh, ecosystem, investment_yi, nearest_park,
//                      nearest_m, suggested_park, suggested_m (NULL when none)
//   chain_arcs         LineString leader → follower: leader_id, follower_id, leader_name,
//                      follower_name, chain (the follower's), role (upstream/midstream/downstream
//                      or empty), distance_m
//   cluster_hulls      MultiPolygon cluster, count, investment_yi, ecosystem, matched_park (id or
//                      empty), overlap_share, same_industry
//   cluster_labels     Point    project_id, cluster (-1 noise), ecosystem
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/analysis/chains.h"
#include "core/analysis/conformance.h"
#include "core/analysis/park_shapes.h"
#include "core/analysis/products.h"
#include "core/ecosystem.h"
#include "core/model.h"
#include "data/analysis_records.h"
#include "platform/result.h"

namespace cm {


struct AnalysisLayers {
  const Conformance* conformance = nullptr;  // park_conformance + outside_projects
  const ParkShapes* shapes = nullptr;        // park outlines for park_conformance (default: the catchment circles)
  const std::vector<ChainArc>* arcs = nullptr;
  const std::vector<ClusterHullRecord>* hulls = nullptr;
  const std::vector<ClusterLabelRecord>* labels = nullptr;
};

struct AnalysisExportSummary {
  std::vector<std::pair<std::string, size_t>> layers;  // (layer name, features written), in order
};

// Errors name the file and the problem; nothing is left at `path` (nor a temporary) on failure.
// A result given with no rows still gets its (empty) layer.
Result<AnalysisExportSummary> writeAnalysisGpkg(const std::string& path, const Model& m, const AnalysisLayers& layers);

// A single-band Float32 GeoTIFF (deflate), north up. The grid is laid out as
// core/analysis/density.h's DensityGrid: (x0, y0) the lower-left corner of cell (0, 0) in the
// display CRS, `cell` the cell size in display-CRS units, values row-major with row 0 the SOUTH
// row (values[row * w + col]); rows are flipped on writing. No-data is not set (0 is a density).
Result<bool> writeDensityGeoTiff(const std::string& path, double x0, double y0, double cell, int w, int h,
                                 const std::vector<float>& values, const std::string& display_crs);

// The given model rows (in that order) as the projects export writes them (UTF-8 CSV with a BOM;
// data/import/export_projects.h), or .xlsx / .gpkg by the extension.
Result<size_t> writeProjectsSelection(const std::string& path, const Model& m, const std::vector<uint32_t>& rows);


}  // namespace cm
