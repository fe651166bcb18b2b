// The registered features: one line a feature. The order is the order of the Layers panel's
// switches, of panels within a dock and of key bindings (the tour's arrows before the map's).
#include <algorithm>

#include "render/layer_stack.h"
#include "ui/features/features.h"

namespace cm {

std::vector<UiFeature> makeFeatures() {
  std::vector<UiFeature> f;
  f.push_back(makeMapFeature());
  f.push_back(makeChoroplethFeature());
  f.push_back(makeParksFeature());
  f.push_back(makeHeatmapFeature());
  f.push_back(makeClustersFeature());
  f.push_back(makeProjectsFeature());
  f.push_back(makeRemoteCardFeature());
  f.push_back(makeChainsFeature());
  f.push_back(makeNniFeature());
  f.push_back(makeParkDistanceFeature());
  f.push_back(makeAnalysisExportFeature());
  f.push_back(makeTourFeature());
  f.push_back(makeTableFeature());
  f.push_back(makeMeasureFeature());
  f.push_back(makeImportFeature());
  f.push_back(makeExportFeature());
  f.push_back(makeLabelsFeature());
  f.push_back(makeNavigationFeature());
  return f;
}

// ---- gathering the pieces ---------------------------------------------------------------------

std::vector<std::unique_ptr<MapLayer>> featureLayers(const std::vector<UiFeature>& fs) {
  std::vector<std::unique_ptr<MapLayer>> v;
  for (const UiFeature& f : fs)
    if (f.layers) f.layers(v);
  return v;
}

std::vector<PanelSpec> featurePanels(const std::vector<UiFeature>& fs) {
  std::vector<PanelSpec> v;
  for (const UiFeature& f : fs) v.insert(v.end(), f.panels.begin(), f.panels.end());
  std::stable_sort(v.begin(), v.end(), [](const PanelSpec& a, const PanelSpec& b) { return a.order < b.order; });
  return v;
}

void registerProducts(const std::vector<UiFeature>& fs, Derived& d) {
  for (const UiFeature& f : fs)
    if (f.products) f.products(d);
}

std::set<std::string> demandedProducts(const std::vector<UiFeature>& fs, const AppState& st) {
  std::set<std::string> out;
  for (const UiFeature& f : fs)
    if (f.demands) f.demands(st, out);
  return out;
}

const FileAction* findFileAction(const std::vector<UiFeature>& fs, const std::string& id) {
  for (const UiFeature& f : fs)
    for (const FileAction& a : f.files)
      if (a.id == id) return &a;
  return nullptr;
}

bool dispatchKey(const std::vector<UiFeature>& fs, FeatureContext& ctx, int key, int mods) {
  for (const UiFeature& f : fs)
    for (const KeyBinding& k : f.keys)
      if (k.key == key && (mods & k.mods) == k.mods && k.run(ctx, mods)) return true;
  return false;
}

bool dispatchEscape(const std::vector<UiFeature>& fs, AppState& st) {
  for (const UiFeature& f : fs)
    if (f.escape && f.escape(st)) return true;
  return false;
}

std::string featuresDisplayText(const std::vector<UiFeature>& fs, const AppState& st) {
  std::string s;
  for (const UiFeature& f : fs)
    if (f.display_text) s += f.display_text(st);
  return s;
}

bool dispatchClick(const std::vector<UiFeature>& fs, FeatureContext& ctx, const MapClick& click) {
  for (const UiFeature& f : fs)
    if (f.click && f.click(ctx, click)) return true;
  return false;
}

void featuresToStep(const std::vector<UiFeature>& fs, const AppState& st, TourStep& step) {
  for (const UiFeature& f : fs)
    if (f.to_tour)
      if (nlohmann::json v = f.to_tour(st); !v.is_null()) step.features[f.id] = std::move(v);
}

std::string featuresFromStep(const std::vector<UiFeature>& fs, AppState& st, const TourStep& step) {
  for (const UiFeature& f : fs) {
    if (!f.from_tour) continue;
    const auto it = step.features.find(f.id);
    if (std::string e = f.from_tour(st, step, it == step.features.end() ? nullptr : &it->second); !e.empty()) return e;
  }
  return {};
}

std::vector<std::string> unknownStepFeatures(const std::vector<UiFeature>& fs, const TourStep& step) {
  std::vector<std::string> out;
  for (const auto& [id, value] : step.features)
    if (std::none_of(fs.begin(), fs.end(), [&](const UiFeature& f) { return f.id == id && f.from_tour; })) out.push_back(id);
  return out;
}

nlohmann::json featuresJson(const std::vector<UiFeature>& fs, const AppState& st) {
  nlohmann::json j = nlohmann::json::object();
  for (const UiFeature& f : fs)
    if (f.to_tour)
      if (nlohmann::json v = f.to_tour(st); !v.is_null()) j[f.id] = std::move(v);
  return j;
}

std::vector<std::string> layerToggleIds() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> v;
    const LayerStack stack(featureLayers(makeFeatures()));
    for (const LayerToggle& t : stack.toggles()) v.push_back(t.id);
    return v;
  }();
  return ids;
}

// ---- sections ---------------------------------------------------------------------------------

void drawSections(UiContext& ui, const std::string& section) {
  if (!ui.panels) return;
  for (const PanelSpec& p : *ui.panels)
    if (p.section == section && (!p.shown || p.shown(ui))) p.draw(ui);
}

}  // namespace cm
