// The projects that pass a filter, written out for other tools: CSV (UTF-8 with a BOM, so Excel
// opens it as UTF-8), XLSX, or GeoPackage (points in WGS 84) — by the file's extension. The
// canonical columns come first, then the source's own columns that no field took. Written through
// GDAL to a temporary file beside the target and renamed into place: never a half-written file.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/filter.h"
#include "core/model.h"
#include "platform/result.h"

namespace cm {

// The number of projects written; errors name the file and the problem.
Result<size_t> exportProjects(const Model& m, const Filter& f, const std::string& path);
// The same for any selection of model rows (written in the order given; rows out of range are skipped).
Result<size_t> exportProjects(const Model& m, const std::vector<uint32_t>& rows, const std::string& path);

}  // namespace cm
