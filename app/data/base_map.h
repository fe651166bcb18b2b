// The base map — districts, water, rivers, the parks' points — as the viewer draws it: read from
// its files with GDAL (data/vector_layers.h) and the parks' CSV, then each district's label point,
// every polygon's triangles and the city's outline made with GEOS. A clean load (no error, no warning) is kept in the cache folder
// (data/project_cache.h: $CHAINMAP_CACHE_DIR, else ~/.cache/chainmap/projects), so that a reopen
// reads one small file instead of three shapefiles and a CSV, and neither GDAL, GEOS nor PROJ is
// asked again. The file is named by a hash of the four paths and the CRS and holds its whole key:
// the format version, the CRS, and each file's path, size and mtime with those of its sidecars
// (.shx, .dbf, .prj, .cpg) — any change misses. A truncated or corrupt file (the checksum, every length) is
// ignored and rewritten. --no-cache (CHAINMAP_NO_CACHE=1) turns it off.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "platform/result.h"

namespace cm {

struct BaseMapFiles {
  std::string districts, water, rivers, parks;  // parks: data/parks_csv.h
};

struct BaseMap {
  std::vector<District> districts;  // label_xy and fill made
  std::vector<WaterBody> water;     // fill made
  std::vector<River> rivers;
  std::vector<LineString> city_outline;
  std::vector<Park> parks;
  // As a load without the cache says them: the districts' and the parks' errors are fatal, the
  // water's and rivers' are warnings.
  std::vector<std::string> errors, warnings;
  bool from_cache = false;
};

// `cache_dir` "" reads the files (and writes nothing).
BaseMap loadBaseMap(const BaseMapFiles& files, const std::string& display_crs, const std::string& cache_dir);

// The parts, for tests: the key ("" when a file cannot be stamped: no cache), the file for a key
// in `dir`, and the read (nullopt on any mismatch) and write.
std::string baseMapCacheKeyText(const BaseMapFiles& files, const std::string& display_crs);
std::string baseMapCachePath(const std::string& dir, const BaseMapFiles& files, const std::string& display_crs);
std::optional<BaseMap> readBaseMapCache(const std::string& file, const std::string& key_text);
Result<bool> writeBaseMapCache(const std::string& file, const std::string& key_text, const BaseMap& b);

}  // namespace cm
