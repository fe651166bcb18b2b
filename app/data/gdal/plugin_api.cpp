#include "data/gdal/plugin_api.h"

// Linked with -Bsymbolic-functions (app/CMakeLists.txt): these addresses are the plugin's own
// functions, never the viewer's stubs of the same names.
extern "C" __attribute__((visibility("default"))) const cm::GdalApi* chainmap_gdal_api() {
  using namespace cm;
  static const GdalApi api{
      sizeof(GdalApi),
      &loadDistricts,
      &loadWater,
      &loadRivers,
      &readTable,
      &loadParkBoundaries,
      [](const ParkPolygonsLoad& p) { return p.report(); },
      &writeAnalysisGpkg,
      &writeDensityGeoTiff,
      &writeProjectsSelection,
      [](const Model& m, const Filter& f, const std::string& path) { return exportProjects(m, f, path); },
      [](const Model& m, const std::vector<uint32_t>& rows, const std::string& path) { return exportProjects(m, rows, path); },
  };
  return &api;
}
