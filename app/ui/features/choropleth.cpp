// The district choropleth: districts shaded by a figure of the filtered projects (investment or
// projects, absolute or per km², or the park conformance shares); its metric is a setting, kept in
// tour steps ("choropleth": "investment_per_km2"), chosen under the Layers switches.
#include <imgui.h>

#include <algorithm>

#include "core/choropleth.h"
#include "render/layers/layers.h"
#include "ui/features/features.h"

namespace cm {

namespace {

void drawMetricChoice(UiContext& ui) {
  AppState& st = ui.st;
  const Lang L = st.lang;
  ChoroplethMetric& metric = st.features.get<ChoroplethSettings>(ids::kChoropleth).metric;
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##choropleth", tr(L, "choro." + std::string(choroplethId(metric))))) {
    for (ChoroplethMetric m : kChoroplethMetrics)
      if (ImGui::Selectable(tr(L, "choro." + std::string(choroplethId(m))), m == metric)) metric = m;
    ImGui::EndCombo();
  }
}

}  // namespace

UiFeature makeChoroplethFeature() {
  UiFeature f;
  f.id = ids::kChoropleth;
  f.settings = [] { return std::make_unique<Settings<ChoroplethSettings>>(); };
  f.layers = [](auto& v) { v.push_back(makeChoroplethLayer()); };
  f.panels = {{"choropleth_metric", Dock::Left, false, drawMetricChoice,
               [](const UiContext& ui) { return ui.st.layers.on(ids::kChoropleth); }, "layers"}};
  f.demands = [](const AppState& st, std::set<std::string>& out) {  // the conformance shares need park conformance
    if (st.layers.on(ids::kChoropleth) && fromConformance(st.features.get<ChoroplethSettings>(ids::kChoropleth).metric))
      out.insert(ids::kConformance);
  };
  f.to_tour = [](const AppState& st) -> nlohmann::json {
    if (!st.layers.on(ids::kChoropleth)) return nullptr;
    return std::string(choroplethId(st.features.get<ChoroplethSettings>(ids::kChoropleth).metric));
  };
  f.from_tour = [](AppState& st, const TourStep& step, const nlohmann::json* v) -> std::string {
    if (!v) {  // a step without a choropleth shows none, unless it lists the layer itself
      if (std::find(step.layers_on.begin(), step.layers_on.end(), ids::kChoropleth) == step.layers_on.end())
        st.layers.set(ids::kChoropleth, false);
      return {};
    }
    ChoroplethMetric m;
    if (!v->is_string() || !parseChoroplethMetric(v->get<std::string>(), m))
      return "'choropleth' must be one of " + choroplethIds() + " (got " + v->dump() + ")";
    st.features.get<ChoroplethSettings>(ids::kChoropleth).metric = m;
    st.layers.set(ids::kChoropleth, true);
    return {};
  };
  return f;
}

}  // namespace cm
