// The analyses' results as the exports' records (GDAL-free): the one conversion the window's
// export and `--analyze ... --analyze-out` share, and a park's catchment circle as a polygon.
#pragma once
#include <cstdint>
#include <vector>

#include "core/analysis/products.h"
#include "core/ecosystem.h"
#include "core/model.h"

namespace cm {

// A cluster as plain data (from core/analysis/dbscan.h + hulls.h, or anything else).
struct ClusterHullRecord {
  int cluster = 0;
  int64_t count = 0;
  double investment_yi = 0;
  Ecosystem ecosystem = Ecosystem::Other;
  int matched_park = -1;  // Model::parks index, -1 none
  double overlap_share = 0;
  bool same_industry = false;
  MultiPolygon hull;      // display CRS
};

struct ClusterLabelRecord {
  uint32_t row = 0;       // model row
  int32_t label = -1;     // cluster id, -1 noise
};

// The clusters as the GeoPackage's records: the one conversion the window's export and
// `--analyze clusters --analyze-out` share.
struct ClusterRecords {
  std::vector<ClusterHullRecord> hulls;
  std::vector<ClusterLabelRecord> labels;
};
ClusterRecords clusterRecords(const ClusterResult& c);

// The catchment circle of a park as a 64-gon in the display CRS (geodesic radius from its
// lon/lat, taken to the display CRS through PROJ). Empty when the park index is out of range.
Polygon catchmentPolygon(const Model& m, int park, double radius_km, int segments = 64);

}  // namespace cm
