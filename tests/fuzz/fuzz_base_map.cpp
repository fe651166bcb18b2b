// The base map's cache file (app/data/base_map.cpp): readBaseMapCache on a file whose header and
// checksum are right and whose layers are the fuzzer's bytes, so that the layout parser itself is
// what gets fuzzed (a damaged file fails the checksum long before). Whatever it accepts must be
// well formed (triangles in threes) and read back the same after being written again.
#include <cstring>
#include <functional>
#include <string_view>

#include "data/base_map.h"
#include "fuzz_common.h"

namespace {
const std::string kKey = "fuzz key\n";

// The bytes a cache of nothing starts with (magic, version, byte order, key), from the writer.
const std::string& header() {
  static const std::string h = [] {
    const std::string path = "/tmp/chainmap-fuzz-" + std::to_string(getpid()) + "-base-map-empty.cmcache";
    if (!cm::writeBaseMapCache(path, kKey, cm::BaseMap{})) std::abort();
    FILE* f = std::fopen(path.c_str(), "rb");
    std::string all(1 << 12, '\0');
    all.resize(std::fread(all.data(), 1, all.size(), f));
    std::fclose(f);
    std::remove(path.c_str());
    // An empty base map's layers: three zero counts, no outline and no parks (5 × u64), then the checksum.
    return all.substr(0, all.size() - 8 - 5 * 8);
  }();
  return h;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string file = header() + std::string(reinterpret_cast<const char*>(data), size);
  const uint64_t sum = std::hash<std::string_view>{}(file);  // as base_map.cpp checks it
  file.append(reinterpret_cast<const char*>(&sum), 8);
  const std::string path = cmfuzz::scratchFile(reinterpret_cast<const uint8_t*>(file.data()), file.size(), "base-map", ".cmcache");
  auto b = cm::readBaseMapCache(path, kKey);
  if (!b) return 0;
  for (const cm::District& d : b->districts)
    if (d.fill.size() % 3) std::abort();
  for (const cm::WaterBody& w : b->water)
    if (w.fill.size() % 3) std::abort();
  if (!cm::writeBaseMapCache(path, kKey, *b)) std::abort();
  auto again = cm::readBaseMapCache(path, kKey);
  if (!again || again->districts.size() != b->districts.size() || again->water.size() != b->water.size() ||
      again->rivers.size() != b->rivers.size() || again->city_outline != b->city_outline || again->parks.size() != b->parks.size())
    std::abort();
  return 0;
}
