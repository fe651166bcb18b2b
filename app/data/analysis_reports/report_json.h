// Small pieces every analysis report shares: rounded numbers, ecosystem maps, park references,
// the synthetic-sample mark, MultiPolygons as GeoJSON, and the flags the park analyses share
// (--park-radius, --park-boundaries, --park-boundaries-layer) turned into the one ParkSettings
// the window keeps.
#pragma once
#include <array>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/analysis/products.h"
#include "core/ecosystem.h"
#include "core/model.h"
#include "data/analysis_reports/analysis_command.h"

namespace cm {
struct AnalysisLayers;  // data/analysis_export.h
}

namespace cm::report {

nlohmann::json num(double v, int digits);  // rounded; null when not finite
std::string ecoId(Ecosystem e);
nlohmann::json ecoMap(const std::array<double, kEcosystemCount>& v);
nlohmann::json parkRef(const Model& m, int park);  // the park's id, null for -1
nlohmann::json synthetic(const Model& m, nlohmann::json j);  // marks the synthetic sample
nlohmann::json multiPolygon(const MultiPolygon& mp);
std::string pct(double share);  // "84.5 %"
std::string km(double metres);  // "3.2 km", "—" when not finite

// The park-shape flags, read by every analysis that uses the parks' shapes.
const std::vector<AnalysisFlag>& parkShapeFlags();
// Those flags → the parks' settings (what-if radii, a boundary layer). Fails with exit 2 for a bad
// --park-radius, 1 for a boundary file that cannot be used; notes get the boundary layer's match report.
AnalysisReport parkSettingsFromArgs(const AnalysisRequest& r, ParkSettings& out, std::vector<std::string>& notes);

// The GeoPackage writer as an AnalysisReport::write.
std::string writeLayers(const std::string& path, const Model& m, const AnalysisLayers& layers, std::string& wrote);

}  // namespace cm::report
