// Shared by the harnesses: a per-process scratch file for parsers that take a path, and the real
// Hangzhou districts and parks (loaded once, when the shared data folder is there) so that the
// parsers that match names or points see the same reference data as the viewer.
#pragma once
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/model.h"
#include "data/parks_csv.h"
#include "data/gdal/vector_layers.h"
#include "geo/projection.h"

namespace cmfuzz {

// Writes the bytes to /tmp/chainmap-fuzz-PID-TAG.EXT and returns the path (overwritten each call).
inline std::string scratchFile(const uint8_t* data, size_t size, const std::string& tag, const std::string& ext) {
  std::string path = "/tmp/chainmap-fuzz-" + std::to_string(getpid()) + "-" + tag + ext;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) std::abort();
  if (size) std::fwrite(data, 1, size, f);
  std::fclose(f);
  return path;
}

struct Reference {
  std::vector<cm::District> districts;  // sorted by adcode, as loadDistricts returns them
  std::vector<cm::Park> parks;
};

inline const Reference& reference() {
  static const Reference ref = [] {
    Reference r;
    const char* env = std::getenv("CHAINMAP_FUZZ_DATA");
    std::string dir = env ? env : CHAINMAP_TEST_DATA;
    if (auto d = cm::loadDistricts(dir + "/districts.shp", cm::kDefaultDisplayCrs)) r.districts = d.take();
    if (auto tr = cm::Transform::create(cm::kWgs84, cm::kDefaultDisplayCrs)) {
      if (auto p = cm::loadParksCsv(std::string(CHAINMAP_SOURCE_DIR) + "/assets/hangzhou/parks.csv", *tr)) r.parks = p.take();
    }
    return r;
  }();
  return ref;
}

}  // namespace cmfuzz
