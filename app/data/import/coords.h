// Which coordinate system a table's points are in, decided from the points themselves: each
// hypothesis (WGS 84, GCJ-02 as Amap/Tencent give, BD-09 as Baidu gives, lon/lat swapped, or a
// projected CRS — CGCS2000 Gauss–Krüger 3° and 6° zones with or without the zone prefix, Web
// Mercator — or the layer's own CRS) is scored by how many rows fall inside the district they
// name, near the park they name, or at least inside the city; the best wins, with the evidence
// ("GCJ-02: 97 % of rows fall in their own district, WGS 84: 88 %"). GL-free.
#pragma once
#include <string>
#include <vector>

#include "core/message.h"
#include "core/model.h"
#include "data/import/field_mapping.h"

namespace cm {

struct CoordInput {
  std::vector<double> a, b;       // lon/lat or x/y as written (or the layer's geometry)
  std::vector<uint8_t> ok;        // the row has both numbers
  std::vector<int> district_hint; // index into districts, -1 none
  std::vector<int> park_hint;     // index into parks, -1 none
  std::string layer_crs;          // the layer's CRS (WKT/EPSG), "" when the table has none
  // What a coordinate column's header says of its source ("高德经度": Amap, GCJ-02; "百度坐标":
  // BD-09; "GPS经度": WGS 84): when the points cannot tell the systems apart, the header decides.
  CoordSystem header_hint = CoordSystem::Auto;
  std::string hint_header;
};

// The coordinate system a header names, Auto when it names none.
CoordSystem coordSystemFromHeader(std::string_view header);

struct CoordHypothesis {
  CoordSystem system = CoordSystem::Wgs84;
  std::string epsg;       // projected: "EPSG:4549"; with a layer CRS: that CRS
  bool swapped = false;   // lon/lat columns hold lat/lon
  double score = 0;       // share of checked rows that land where they should
  int checked = 0;
  std::string label(Lang lang = Lang::En) const;  // "GCJ-02", "WGS 84 (lon/lat swapped)", "EPSG:4549"
};

struct CoordDecision {
  CoordHypothesis chosen;
  std::vector<CoordHypothesis> ranked;  // every hypothesis tried, best first
  bool certain = true;                  // the best beat the next by a clear margin
  Msg evidence;                         // one sentence for the report: "GCJ-02: 97 % of rows fall in their own district, …"
};

// `forced`: the mapping's choice (Auto: detect).
CoordDecision detectCoordinates(const CoordInput& in, const std::vector<District>& districts,
                                const std::vector<Park>& parks, const FieldMapping& forced);

// One point through a decision to WGS 84 lon/lat; false when it cannot be transformed.
class CoordConverter {
 public:
  explicit CoordConverter(const CoordHypothesis& h);
  ~CoordConverter();
  CoordConverter(CoordConverter&&) noexcept;
  bool toWgs84(double a, double b, double& lon, double& lat) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cm
