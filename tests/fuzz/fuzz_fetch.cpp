// The DataV GeoJSON that `chainmap-data fetch` downloads (app/data/fetch.*): parse, convert
// GCJ-02 → WGS 84, then the division/area checks, all in memory (nothing is written).
#include <cstdlib>

#include "data/gdal/fetch.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto d = cm::parseDataVDistricts(text, "fuzz.json");
  if (!d) {
    if (d.error().empty()) std::abort();
    return 0;
  }
  (void)cm::checkDistricts(*d, "fuzz.json");
  return 0;
}
