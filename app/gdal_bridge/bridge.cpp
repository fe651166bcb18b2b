// The viewer's side of the GDAL plugin (data/gdal/plugin_api.h): every function of data/gdal/
// that the rest of the program calls, defined as a call through the plugin's table. The plugin,
// chainmap-gdal.so beside the executable ($CHAINMAP_GDAL_PLUGIN names another), is loaded at the
// first such call; when it cannot be, each call fails with a message naming the file and why.
#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <string>
#include <utility>

#include "data/gdal/plugin_api.h"
#include "platform/trace.h"

namespace cm {
namespace {

struct Plugin {
  const GdalApi* api = nullptr;
  std::string error;  // why not, when api is null
};

std::string pluginPath() {
  if (const char* p = std::getenv("CHAINMAP_GDAL_PLUGIN"); p && *p) return p;
  char exe[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  std::string dir = n > 0 ? std::string(exe, static_cast<size_t>(n)) : std::string(".");
  dir = dir.substr(0, dir.find_last_of('/') == std::string::npos ? 0 : dir.find_last_of('/'));
  return (dir.empty() ? "." : dir) + "/chainmap-gdal.so";
}

const Plugin& plugin() {
  static const Plugin p = [] {
    Plugin r;
    const std::string path = pluginPath();
    const std::string why = "reading shapefiles, spreadsheets and GeoPackages and writing exports need it; scripts/build.sh builds it";
    void* h = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!h) {
      const char* e = ::dlerror();
      r.error = path + ": GDAL's plugin cannot be loaded (" + (e ? e : "unknown error") + "); " + why;
      return r;
    }
    auto entry = reinterpret_cast<const GdalApi* (*)()>(::dlsym(h, "chainmap_gdal_api"));
    const GdalApi* api = entry ? entry() : nullptr;
    if (!api || api->size != sizeof(GdalApi)) {
      r.error = path + ": not this build's GDAL plugin (its table differs); " + why;
      return r;
    }
    trace("gdal: plugin loaded");
    r.api = api;
    return r;
  }();
  return p;
}

// (api->*fn)(args...), or the plugin's error as the call's failure.
template <auto GdalApi::*Fn, class... A>
auto call(A&&... a) {
  using R = decltype((std::declval<const GdalApi&>().*Fn)(std::forward<A>(a)...));
  const Plugin& p = plugin();
  if (!p.api) return R::fail(p.error);
  return (p.api->*Fn)(std::forward<A>(a)...);
}

}  // namespace

Result<std::vector<District>> loadDistricts(const std::string& path, const std::string& crs, std::vector<std::string>* warnings) {
  return call<&GdalApi::load_districts>(path, crs, warnings);
}
Result<std::vector<WaterBody>> loadWater(const std::string& path, const std::string& crs, std::vector<std::string>* warnings) {
  return call<&GdalApi::load_water>(path, crs, warnings);
}
Result<std::vector<River>> loadRivers(const std::string& path, const std::string& crs, std::vector<std::string>* warnings) {
  return call<&GdalApi::load_rivers>(path, crs, warnings);
}
Result<RawTable> readTable(const std::string& source, const ReadOptions& opt, TaskControl* control) {
  return call<&GdalApi::read_table>(source, opt, control);
}
Result<ParkPolygonsLoad> loadParkBoundaries(const std::string& path, const Model& m, std::string layer) {
  return call<&GdalApi::load_park_boundaries>(path, m, std::move(layer));
}
std::vector<std::string> ParkPolygonsLoad::report() const {
  const Plugin& p = plugin();
  return p.api ? p.api->park_polygons_report(*this) : std::vector<std::string>{p.error};
}
Result<AnalysisExportSummary> writeAnalysisGpkg(const std::string& path, const Model& m, const AnalysisLayers& layers) {
  return call<&GdalApi::write_analysis_gpkg>(path, m, layers);
}
Result<bool> writeDensityGeoTiff(const std::string& path, double x0, double y0, double cell, int w, int h,
                                 const std::vector<float>& values, const std::string& display_crs) {
  return call<&GdalApi::write_density_geotiff>(path, x0, y0, cell, w, h, values, display_crs);
}
Result<size_t> writeProjectsSelection(const std::string& path, const Model& m, const std::vector<uint32_t>& rows) {
  return call<&GdalApi::write_projects_selection>(path, m, rows);
}
Result<size_t> exportProjects(const Model& m, const Filter& f, const std::string& path) {
  return call<&GdalApi::export_filtered>(m, f, path);
}
Result<size_t> exportProjects(const Model& m, const std::vector<uint32_t>& rows, const std::string& path) {
  return call<&GdalApi::export_rows>(m, rows, path);
}

}  // namespace cm
