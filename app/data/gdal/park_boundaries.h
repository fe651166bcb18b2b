// Park boundaries from a polygon layer (GeoPackage, Shapefile, GeoJSON, KML, FlatGeobuf … anything
// GDAL/OGR reads), reprojected from the layer's CRS to the display CRS, matched to Model::parks:
//   1. by id — a field named id/park_id/code/编号 holding a park's id;
//   2. by name — any text field (name, name_zh, name_en, 名称, 园区名称 … first) matched like the
//      importer matches park names (data/import/values.h matchPark: id, full zh/en names, short
//      forms, 高新技术产业开发区 → 高新区, 经济(技术)开发区 → 经开区, a name contained in another),
//      then once more with the usual suffixes (开发区, 园区, 经开区, 高新区, 产业园, 科技城, zone, park …)
//      stripped from both sides;
//   3. else by containment — the one park whose point lies inside the polygon (the nearest
//      to the polygon's centre when several do).
// Several features matching one park are merged into its MultiPolygon. The result has the layout
// of ParkShapes::polygons (one entry per park, empty = no polygon: the catchment circle).
#pragma once
#include <string>
#include <vector>

#include "core/model.h"
#include "platform/result.h"

namespace cm {

struct ParkPolygonsLoad {
  std::vector<MultiPolygon> polygons;  // per Model::parks, display CRS; empty: no polygon
  std::vector<std::string> matched_by;  // per park: "id 'xs_etdz'", "name '萧山经开区'", "contains the park's point", "" none
  struct Unmatched {
    long feature = 0;      // 1-based feature number in the layer
    std::string label;     // its id or name field, if any
    std::string why;       // "no park with this id or name, and no park's point inside"
  };
  std::vector<Unmatched> unmatched;   // features that matched no park (not used)
  std::vector<int> parks_without;     // park indices that got no polygon
  std::string layer;                  // the layer read
  long features = 0;                  // polygon features read
  std::vector<std::string> report() const;  // lines for stderr / the window
};

// `layer`: a layer name ("" = the first layer with polygons). Errors ("FILE: problem") when the
// file is missing or unreadable, has no such layer or no polygon layer, its CRS cannot be used, or
// no feature matches any park.
Result<ParkPolygonsLoad> loadParkBoundaries(const std::string& path, const Model& m, std::string layer = "");

}  // namespace cm
