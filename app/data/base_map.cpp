#include "data/base_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <type_traits>

#include "data/gdal/vector_layers.h"
#include "data/parks_csv.h"
#include "geo/geos_ops.h"
#include "platform/atomic_file.h"
#include "platform/files.h"
#include "platform/parallel.h"
#include "platform/trace.h"

namespace cm {
namespace {

constexpr char kMagic[8] = {'C', 'M', 'B', 'A', 'S', 'E', 'M', 'P'};
constexpr uint32_t kVersion = 2;  // 2: the parks  // bump when the layout or what the load makes changes
constexpr uint32_t kByteOrder = 0x01020304;
// The files a layer's reading depends on: the file itself and a shapefile's sidecars.
constexpr const char* kSidecars[] = {".shx", ".dbf", ".prj", ".cpg", ".SHX", ".DBF", ".PRJ", ".CPG"};

uint64_t checksum(std::string_view bytes) { return std::hash<std::string_view>{}(bytes); }

// One writer and one reader with the same calls, so that the layout is written once (io below).
struct Out {
  std::string b;
  void raw(const void* p, size_t n) {
    if (n) b.append(static_cast<const char*>(p), n);  // an empty vector's data() may be null
  }
  template <class T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    raw(&v, sizeof v);
  }
  void str(const std::string& s) {
    pod(uint64_t{s.size()});
    raw(s.data(), s.size());
  }
  template <class T>
  void podVector(const std::vector<T>& v) {
    pod(uint64_t{v.size()});
    raw(v.data(), v.size() * sizeof(T));
  }
};

struct In {
  std::string_view b;
  bool ok = true;
  bool raw(void* p, size_t n) {
    if (!ok || n > b.size()) return ok = false;
    if (n == 0) return true;  // an empty vector's data() may be null: no memcpy from or to it
    std::memcpy(p, b.data(), n);
    b.remove_prefix(n);
    return true;
  }
  template <class T>
  void pod(T& v) {
    raw(&v, sizeof v);
  }
  // A count of items of at least `item` bytes each: never more than the bytes left could hold.
  uint64_t count(size_t item) {
    uint64_t n = 0;
    pod(n);
    if (ok && n > b.size() / std::max<size_t>(item, 1)) ok = false;
    return ok ? n : 0;
  }
  void str(std::string& s) {
    s.resize(count(1));
    raw(s.data(), s.size());
  }
  template <class T>
  void podVector(std::vector<T>& v) {
    v.resize(count(sizeof(T)));
    raw(v.data(), v.size() * sizeof(T));
  }
};

// The layout: every field of the three layers, in order.
void io(Out& o, const MultiPolygon& mp) {
  o.pod(uint64_t{mp.size()});
  for (const Polygon& p : mp) {
    o.pod(uint64_t{p.rings.size()});
    for (const Ring& r : p.rings) o.podVector(r);
  }
}
void io(In& in, MultiPolygon& mp) {
  mp.resize(in.count(8));
  for (Polygon& p : mp) {
    p.rings.resize(in.count(8));
    for (Ring& r : p.rings) in.podVector(r);
  }
}
void io(Out& o, const std::vector<LineString>& v) {
  o.pod(uint64_t{v.size()});
  for (const LineString& l : v) o.podVector(l);
}
void io(In& in, std::vector<LineString>& v) {
  v.resize(in.count(8));
  for (LineString& l : v) in.podVector(l);
}

template <class IO, class B>
void layers(IO& s, B& b) {
  if constexpr (std::is_same_v<IO, Out>) {
    s.pod(uint64_t{b.districts.size()});
    s.pod(uint64_t{b.water.size()});
    s.pod(uint64_t{b.rivers.size()});
  } else {
    // Each count at most the bytes left over the least its items take (a district 76, a water
    // body 48, a river 28): a damaged count never allocates more than the file could hold.
    b.districts.resize(s.count(76));
    b.water.resize(s.count(48));
    b.rivers.resize(s.count(28));
  }
  for (auto& d : b.districts) {
    s.pod(d.adcode);
    s.str(d.name_zh), s.str(d.name_en), s.str(d.kind);
    io(s, d.ll), io(s, d.xy);
    s.pod(d.area_km2), s.pod(d.label_xy);
    s.podVector(d.fill);
  }
  for (auto& w : b.water) {
    s.str(w.name_zh), s.str(w.name_en), s.str(w.kind);
    io(s, w.ll), io(s, w.xy);
    s.podVector(w.fill);
  }
  for (auto& r : b.rivers) {
    s.pod(r.level);
    s.str(r.kind);
    s.podVector(r.ll), s.podVector(r.xy);
  }
  io(s, b.city_outline);
  // The parks: a park at least its 5 strings' lengths and its numbers (85 bytes).
  if constexpr (std::is_same_v<IO, Out>) s.pod(uint64_t{b.parks.size()});
  else b.parks.resize(s.count(85));
  for (auto& p : b.parks) {
    s.str(p.id), s.str(p.name_zh), s.str(p.name_en), s.str(p.level), s.str(p.focus);
    s.pod(p.district_adcode), s.pod(p.lon), s.pod(p.lat), s.pod(p.xy), s.pod(p.main_ecosystem), s.pod(p.radius_km);
  }
}

std::string absolute(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path a = std::filesystem::absolute(path, ec);
  return ec ? path : a.lexically_normal().string();
}

// What the load makes beyond the files: label points, triangles, the outline (GEOS), on both cores.
void makeDrawingGeometry(BaseMap& b) {
  const size_t nd = b.districts.size(), nw = b.water.size();
  parallelFor(nd + nw + 1, std::max(1u, std::thread::hardware_concurrency()), [&](size_t i) {
    if (i < nd) {
      District& d = b.districts[i];
      d.label_xy = labelPoint(d.xy, 100.0);
      d.fill = triangulate(d.xy);
    } else if (i < nd + nw) {
      b.water[i - nd].fill = triangulate(b.water[i - nd].xy);
    } else {
      std::vector<const MultiPolygon*> all;
      for (const District& d : b.districts) all.push_back(&d.xy);
      b.city_outline = unionOutline(all);
    }
  });
}

}  // namespace

std::string baseMapCacheKeyText(const BaseMapFiles& files, const std::string& display_crs) {
  std::string t = "chainmap base map cache v" + std::to_string(kVersion) + "\ncrs " + display_crs + "\n";
  for (const std::string* f : {&files.districts, &files.water, &files.rivers, &files.parks}) {
    const std::string path = absolute(*f);
    const std::string s = fileStamp(path);
    if (s.empty()) return "";  // a missing layer is said on every load, never cached
    t += "file " + path + " " + s + "\n";
    const size_t dot = path.find_last_of('.');
    const std::string stem = dot == std::string::npos ? path : path.substr(0, dot);
    for (const char* ext : kSidecars) t += std::string(ext) + " " + fileStamp(stem + ext) + "\n";
  }
  return t;
}

std::string baseMapCachePath(const std::string& dir, const BaseMapFiles& files, const std::string& display_crs) {
  const std::string name = absolute(files.districts) + "\n" + absolute(files.water) + "\n" + absolute(files.rivers) + "\n" +
                           absolute(files.parks) + "\n" + display_crs;
  char file[48];
  std::snprintf(file, sizeof file, "basemap-%016llx.cmcache", static_cast<unsigned long long>(checksum(name)));
  return dir + "/" + file;
}

Result<bool> writeBaseMapCache(const std::string& file, const std::string& key_text, const BaseMap& b) {
  Out o;
  o.raw(kMagic, sizeof kMagic);
  o.pod(kVersion);
  o.pod(kByteOrder);
  o.str(key_text);
  layers(o, b);
  o.pod(uint64_t{checksum(o.b)});
  return writeFileAtomically(
      file, [&](const AtomicPut& put) { return put(o.b.data(), o.b.size()); }, /*durable=*/false);
}

std::optional<BaseMap> readBaseMapCache(const std::string& file, const std::string& key_text) {
  std::ifstream f(file, std::ios::binary);
  if (!f) return std::nullopt;
  const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (bytes.size() < sizeof kMagic + 16 + 8) return std::nullopt;
  uint64_t sum = 0;
  std::memcpy(&sum, bytes.data() + bytes.size() - 8, 8);
  const std::string_view body(bytes.data(), bytes.size() - 8);
  if (sum != checksum(body)) return std::nullopt;
  In in{body};
  char magic[8];
  uint32_t version = 0, order = 0;
  std::string key;
  in.raw(magic, 8);
  in.pod(version);
  in.pod(order);
  in.str(key);
  if (!in.ok || std::memcmp(magic, kMagic, 8) != 0 || version != kVersion || order != kByteOrder || key != key_text) return std::nullopt;
  BaseMap b;
  layers(in, b);
  if (!in.ok || !in.b.empty()) return std::nullopt;
  // Triangles in threes, and every number finite (the loader never writes another: a NaN would
  // reach GEOS and the GPU).
  auto finite = [](const std::vector<Vec2>& v) {
    return std::all_of(v.begin(), v.end(), [](Vec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); });
  };
  auto finiteMp = [&](const MultiPolygon& mp) {
    return std::all_of(mp.begin(), mp.end(), [&](const Polygon& p) { return std::all_of(p.rings.begin(), p.rings.end(), finite); });
  };
  for (const District& d : b.districts)
    if (d.fill.size() % 3 != 0 || !finite(d.fill) || !finiteMp(d.ll) || !finiteMp(d.xy) || !std::isfinite(d.area_km2) || !finite({d.label_xy}))
      return std::nullopt;
  for (const WaterBody& w : b.water)
    if (w.fill.size() % 3 != 0 || !finite(w.fill) || !finiteMp(w.ll) || !finiteMp(w.xy)) return std::nullopt;
  for (const River& r : b.rivers)
    if (!finite(r.ll) || !finite(r.xy)) return std::nullopt;
  if (!std::all_of(b.city_outline.begin(), b.city_outline.end(), finite)) return std::nullopt;
  for (const Park& p : b.parks)
    if (!finite({{p.lon, p.lat}, p.xy}) || !std::isfinite(p.radius_km) || static_cast<unsigned>(p.main_ecosystem) >= kEcosystemCount)
      return std::nullopt;
  b.from_cache = true;
  return b;
}

BaseMap loadBaseMap(const BaseMapFiles& files, const std::string& display_crs, const std::string& cache_dir) {
  const std::string key = cache_dir.empty() ? "" : baseMapCacheKeyText(files, display_crs);
  const std::string file = key.empty() ? "" : baseMapCachePath(cache_dir, files, display_crs);
  if (!file.empty())
    if (auto cached = readBaseMapCache(file, key)) {
      trace("load: base map (cache)");
      return std::move(*cached);
    }
  BaseMap b;
  if (auto d = loadDistricts(files.districts, display_crs, &b.warnings); d) b.districts = d.take();
  else b.errors.push_back(d.error());
  // A reason the three share (GDAL's plugin missing) is said once.
  auto warn = [&](const std::string& e) {
    if (std::find(b.errors.begin(), b.errors.end(), e) == b.errors.end() && std::find(b.warnings.begin(), b.warnings.end(), e) == b.warnings.end())
      b.warnings.push_back(e);
  };
  if (auto w = loadWater(files.water, display_crs, &b.warnings); w) b.water = w.take();
  else warn(w.error());
  if (auto r = loadRivers(files.rivers, display_crs, &b.warnings); r) b.rivers = r.take();
  else warn(r.error());
  if (auto p = loadParksCsv(files.parks, display_crs, &b.warnings); p) b.parks = p.take();
  else b.errors.push_back(p.error());
  trace("load: base map read");
  makeDrawingGeometry(b);
  trace("load: base map triangulated");
  // Only a clean load is kept: an error or a warning is said again on every load.
  if (!file.empty() && b.errors.empty() && b.warnings.empty()) {
    auto ok = writeBaseMapCache(file, key, b);
    trace(ok ? "load: base map cache written" : ("load: base map cache not written: " + ok.error()).c_str());
  }
  return b;
}

}  // namespace cm
