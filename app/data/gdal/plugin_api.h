// The functions of data/gdal/ that the rest of the program calls, as one table. Tests and tools
// link data/gdal/ as a library and call the functions themselves; the viewer links none of it:
// it loads chainmap-gdal.so (these objects, linked with GDAL) on first use and calls through this
// table (app/gdal_bridge/), so that a start that reads only the caches never loads GDAL and its
// ~120 libraries (about 50 ms before main, each start).
#pragma once
#include <cstdint>

#include "data/gdal/analysis_export.h"
#include "data/gdal/export_projects.h"
#include "data/gdal/park_boundaries.h"
#include "data/gdal/table.h"
#include "data/gdal/vector_layers.h"

namespace cm {

struct GdalApi {
  uint32_t size;  // sizeof(GdalApi) where the plugin was built: the viewer checks it
  decltype(&loadDistricts) load_districts;
  decltype(&loadWater) load_water;
  decltype(&loadRivers) load_rivers;
  decltype(&readTable) read_table;
  decltype(&loadParkBoundaries) load_park_boundaries;
  std::vector<std::string> (*park_polygons_report)(const ParkPolygonsLoad&);
  decltype(&writeAnalysisGpkg) write_analysis_gpkg;
  decltype(&writeDensityGeoTiff) write_density_geotiff;
  decltype(&writeProjectsSelection) write_projects_selection;
  Result<size_t> (*export_filtered)(const Model&, const Filter&, const std::string&);
  Result<size_t> (*export_rows)(const Model&, const std::vector<uint32_t>&, const std::string&);
};

}  // namespace cm

// The plugin's one entry point (dlsym'd by name).
extern "C" const cm::GdalApi* chainmap_gdal_api();
