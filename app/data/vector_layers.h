// Reading the map layers with GDAL/OGR: districts, water polygons, rivers. Each layer is read in
// its own CRS (its .prj) and reprojected with PROJ both to WGS 84 lon/lat and to the display CRS.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"

namespace cm {

struct VectorFeature {
  std::map<std::string, std::string> attrs;
  MultiPolygon ll, xy;                         // polygon layers
  std::vector<LineString> lines_ll, lines_xy;  // line layers
};

enum class GeomKind { Polygons, Lines };

// Reads every feature of the first layer of `path`. Errors name the file and the problem: a
// missing file or sidecar (.shx/.dbf), an unreadable file, the wrong geometry type, a CRS PROJ
// cannot use, coordinates that do not transform, or text that is not valid UTF-8.
Result<std::vector<VectorFeature>> readVectorFile(const std::string& path, GeomKind kind,
                                                  const std::string& display_crs);

// districts.shp: fields adcode, name_zh, name_en, kind; Polygon or MultiPolygon.
// Areas are geodesic; label points are filled in later by geo/labels.
Result<std::vector<District>> loadDistricts(const std::string& path, const std::string& display_crs);
Result<std::vector<WaterBody>> loadWater(const std::string& path, const std::string& display_crs);
Result<std::vector<River>> loadRivers(const std::string& path, const std::string& display_crs);

}  // namespace cm
