// parks.csv: development zones / industrial parks with a point, a main ecosystem and a catchment.
// Columns: id, name_zh, name_en, district_adcode, lon, lat, level, focus, source, confidence,
// main_ecosystem (iot|bio|equip|mat|energy|other), radius_km (catchment circle, default 3 km).
#pragma once
#include <string>
#include <vector>

#include "core/model.h"
#include "platform/result.h"
#include "geo/projection.h"

namespace cm {

// Errors name the file and, for a bad value, the row and column ("FILE: row 3, column 'lon': ...").
// Parks that all lie far from Hangzhou (data/extent_check.h) are left out — none is returned — with
// a message in `warnings` (when given; without it that is an error).
Result<std::vector<Park>> loadParksCsv(const std::string& path, const Transform& wgs84_to_display,
                                       std::vector<std::string>* warnings = nullptr);
// The same into `display_crs` (the transform made here: PROJ is loaded); its error when it cannot be.
Result<std::vector<Park>> loadParksCsv(const std::string& path, const std::string& display_crs, std::vector<std::string>* warnings);

}  // namespace cm
