// Parks: their markers and catchments, what-if shapes (a radius per park in the conformance
// window, or a boundary layer from any GDAL polygon file), park conformance (the window, the
// district choropleth's shares) and the projects outside every park (their layer).
#include <imgui.h>

#include "core/analysis/products.h"
#include "data/gdal/park_boundaries.h"
#include "render/layers/layers.h"
#include "data/analysis_reports/parks_report.h"
#include "ui/features/features.h"

namespace cm {

namespace {

void drawParksSection(UiContext& ui) {
  AppState& st = ui.st;
  const Lang L = st.lang;
  ParkSettings& a = st.features.get<ParkSettings>(ids::kConformance);
  bool outside = st.layers.on(ids::kOutside);
  if (ImGui::Checkbox(tr(L, S::AnaOutside), &outside)) st.layers.set(ids::kOutside, outside);
  if (ImGui::SmallButton(tr(L, S::AnaConformance))) a.window_open = !a.window_open;
  if (ImGui::SmallButton(tr(L, S::AnaBoundaries))) st.requests.browse.push_back("park_boundaries");
  if (a.polygons) {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(L, S::AnaBoundariesClear))) {
      a.polygons.reset();
      a.polygons_file.clear();
    }
    ImGui::TextDisabled("%s", a.polygons_file.c_str());
  }
}

// A park boundary layer: per-park polygons replace the catchment circles in the analyses; what
// matched no park is reported.
void loadBoundaries(FeatureContext& c, const std::string& path) {
  auto r = loadParkBoundaries(path, c.model);
  if (!r) {
    c.st.errors.push_back(r.error());
    return;
  }
  for (const std::string& line : r->report()) c.st.warnings.push_back(line);
  ParkSettings& a = c.st.features.get<ParkSettings>(ids::kConformance);
  a.polygons = std::make_shared<const std::vector<MultiPolygon>>(std::move(r->polygons));
  a.polygons_file = path;
  c.st.status = std::string(tr(c.st.lang, S::ParkBoundariesLoaded)) + " " + path;
}

}  // namespace

UiFeature makeParksFeature() {
  UiFeature f;
  f.id = ids::kConformance;
  f.settings = [] { return std::make_unique<Settings<ParkSettings>>(); };
  f.products = [](Derived& d) {
    d.addProduct(ids::kParkShapes, std::make_unique<ParkShapesProduct>());  // the clusters read them too
    d.addProduct(ids::kConformance, std::make_unique<ConformanceProduct>());
  };
  f.layers = [](auto& v) {
    v.push_back(makeParksLayer());
    v.push_back(makeOutsideLayer());
  };
  f.panels = {{"parks_analysis", Dock::Left, false, drawParksSection, {}, "analysis", 30}};
  f.windows = {{"###conformance", drawConformanceWindow}};
  f.files = {{"park_boundaries", false, {".gpkg", ".shp", ".geojson", ".json", ".kml", ".fgb"}, "", loadBoundaries}};
  f.demands = [](const AppState& st, std::set<std::string>& out) {
    if (st.features.get<ParkSettings>(ids::kConformance).window_open || st.layers.on(ids::kOutside)) out.insert(ids::kConformance);
  };
  f.analyses = {parksCommand()};
  return f;
}

}  // namespace cm
