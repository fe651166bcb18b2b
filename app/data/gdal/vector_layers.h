// Reading the map layers with GDAL/OGR: districts, water polygons, rivers. Each layer is read in
// its own CRS (its .prj) and reprojected with PROJ both to WGS 84 lon/lat and to the display CRS.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "platform/result.h"

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
// `notes`, when given, receives what the caller should be told about a read that still
// succeeded: a shapefile cut short (partial: "9 of 13 features read; the file ends early at byte
// 30000") and text that was read as GBK because it is not UTF-8 and no .cpg names its encoding.
struct VectorReadNotes {
  std::string partial;   // "FILE: R of N features read; ..." or empty
  std::string encoding;  // "FILE: text read as GBK ..." or empty
  long no_geometry = 0;  // features without a geometry (null or empty), skipped
  long first_no_geometry = 0;  // the first of them (1-based)
  std::string read_as;   // the CRS it was read as: "EPSG:3857 (WGS 84 / Pseudo-Mercator)", "WGS 84 lon/lat (no .prj file)"
  std::string prj;       // a shapefile without a usable .prj: "no .prj file" / "its .prj is not a coordinate system"; else ""
  std::string far;       // it lands far from Hangzhou: "read as … it lands at …, N km from Hangzhou" (data/extent_check.h); else ""
};
Result<std::vector<VectorFeature>> readVectorFile(const std::string& path, GeomKind kind,
                                                  const std::string& display_crs,
                                                  VectorReadNotes* notes = nullptr);

// A layer read without a .prj is taken as WGS 84 lon/lat (and said so in a warning); one that lands
// far from Hangzhou (a wrong .prj, or none) is an error for the districts and a warning for water
// and rivers, which are then left out.
// districts.shp: fields adcode, name_zh, name_en, kind; Polygon or MultiPolygon.
// Areas are geodesic; label points are filled in later by geo/labels. A districts file cut short
// is an error (a map with missing districts lies); water and rivers cut short load what was read
// and add a warning. `warnings` (optional) receives those and the GBK note.
Result<std::vector<District>> loadDistricts(const std::string& path, const std::string& display_crs,
                                            std::vector<std::string>* warnings = nullptr);
Result<std::vector<WaterBody>> loadWater(const std::string& path, const std::string& display_crs,
                                         std::vector<std::string>* warnings = nullptr);
Result<std::vector<River>> loadRivers(const std::string& path, const std::string& display_crs,
                                      std::vector<std::string>* warnings = nullptr);

}  // namespace cm
