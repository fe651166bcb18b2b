#include "data/analysis_reports/report_json.h"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "data/gdal/analysis_export.h"
#include "data/gdal/park_boundaries.h"

namespace cm {

std::string AnalysisArgs::text(const std::string& flag, const std::string& otherwise) const {
  const auto it = given.find(flag);
  return it == given.end() ? otherwise : it->second;
}

double AnalysisArgs::number(const std::string& flag, double otherwise) const {
  const auto it = given.find(flag);
  if (it == given.end()) return otherwise;
  char* end = nullptr;
  const double v = std::strtod(it->second.c_str(), &end);
  return end == it->second.c_str() ? otherwise : v;
}

bool AnalysisArgs::on(const std::string& flag, bool otherwise) const {
  const auto it = given.find(flag);
  if (it == given.end()) return otherwise;
  return it->second != "false" && it->second != "0" && it->second != "off";
}

namespace report {

using nlohmann::json;

json num(double v, int digits) {
  if (!std::isfinite(v)) return nullptr;
  const double s = std::pow(10.0, digits);
  return std::round(v * s) / s;
}

std::string ecoId(Ecosystem e) { return std::string(info(e).id); }

json ecoMap(const std::array<double, kEcosystemCount>& v) {
  json j = json::object();
  for (int e = 0; e < kEcosystemCount; ++e) j[ecoId(static_cast<Ecosystem>(e))] = num(v[static_cast<size_t>(e)], 4);
  return j;
}

json parkRef(const Model& m, int k) {
  return k >= 0 && static_cast<size_t>(k) < m.parks.size() ? json(m.parks[static_cast<size_t>(k)].id) : json(nullptr);
}

json synthetic(const Model& m, json j) {
  if (m.projects_synthetic) {
    j["synthetic"] = true;
    j["data"] = "synthetic sample";
  }
  return j;
}

json multiPolygon(const MultiPolygon& mp) {
  json coords = json::array();
  for (const Polygon& p : mp) {
    json rings = json::array();
    for (const Ring& r : p.rings) {
      json ring = json::array();
      for (const Vec2& v : r) ring.push_back({num(v.x, 2), num(v.y, 2)});
      if (!r.empty() && !(r.front() == r.back())) ring.push_back({num(r.front().x, 2), num(r.front().y, 2)});
      rings.push_back(std::move(ring));
    }
    coords.push_back(std::move(rings));
  }
  return {{"type", "MultiPolygon"}, {"coordinates", coords}};
}

std::string pct(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %%", 100 * share);
  return buf;
}

std::string km(double m) {
  if (!std::isfinite(m)) return "—";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f km", m / 1000);
  return buf;
}

const std::vector<AnalysisFlag>& parkShapeFlags() {
  static const std::vector<AnalysisFlag> flags = {
      {"--park-radius", "what-if catchment radii, ID=KM,... (park ids of parks.csv)", AnalysisFlag::Kind::Text, 0, 0, {}},
      {"--park-boundaries", "park polygons from FILE (GPKG, SHP, GeoJSON, KML …), matched to parks by id, name or location",
       AnalysisFlag::Kind::Text, 0, 0, {}},
      {"--park-boundaries-layer", "layer of --park-boundaries (default: the first polygon layer)", AnalysisFlag::Kind::Text, 0, 0, {}},
  };
  return flags;
}

AnalysisReport parkSettingsFromArgs(const AnalysisRequest& r, ParkSettings& out, std::vector<std::string>& notes) {
  const Model& m = r.model;
  out.radius_km.assign(m.parks.size(), 0.0);
  std::stringstream ss(r.args.text("--park-radius"));
  for (std::string item; std::getline(ss, item, ',');) {
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    if (eq == std::string::npos) return AnalysisReport::failure(2, "--park-radius: expected ID=KM, got '" + item + "'");
    const std::string id = item.substr(0, eq), v = item.substr(eq + 1);
    int k = -1;
    for (size_t i = 0; i < m.parks.size(); ++i)
      if (m.parks[i].id == id) k = static_cast<int>(i);
    if (k < 0) return AnalysisReport::failure(2, "--park-radius: no park '" + id + "' (park ids are those of parks.csv, e.g. la_qingshanhu)");
    char* end = nullptr;
    const double km = std::strtod(v.c_str(), &end);
    if (end == v.c_str() || *end || !(km > 0) || km > 100)
      return AnalysisReport::failure(2, "--park-radius: '" + v + "' for " + id + " is not a radius in km (0 < KM <= 100)");
    out.radius_km[static_cast<size_t>(k)] = km;
  }
  const std::string file = r.args.text("--park-boundaries");
  if (!file.empty()) {
    auto b = loadParkBoundaries(file, m, r.args.text("--park-boundaries-layer"));
    if (!b) return AnalysisReport::failure(1, b.error());
    for (const std::string& line : b->report()) notes.push_back(file + ": " + line);
    out.polygons = std::make_shared<const std::vector<MultiPolygon>>(std::move(b->polygons));
    out.polygons_file = file;
  }
  return {};
}

std::string writeLayers(const std::string& path, const Model& m, const AnalysisLayers& layers, std::string& wrote) {
  auto r = writeAnalysisGpkg(path, m, layers);
  if (!r) return r.error();
  for (const auto& [name, n] : r->layers) wrote += (wrote.empty() ? "" : ", ") + name + " (" + std::to_string(n) + ")";
  return {};
}

}  // namespace report
}  // namespace cm
