// The heatmap: a kernel density of the filtered projects (counted or weighted by investment, its
// bandwidth in metres), computed while its layer is on.
#include <imgui.h>

#include <cmath>

#include "core/analysis/products.h"
#include "render/layers/layers.h"
#include "data/analysis_reports/density_report.h"
#include "ui/features/features.h"

namespace cm {

namespace {

void drawHeatmapSection(UiContext& ui) {
  AppState& st = ui.st;
  const Lang L = st.lang;
  bool heat = st.layers.on(ids::kHeatmap);
  if (ImGui::Checkbox(tr(L, S::AnaDensity), &heat)) st.layers.set(ids::kHeatmap, heat);
  if (!heat) return;
  DensityParams& p = st.features.get<DensitySettings>(ids::kHeatmap).params;
  ImGui::Indent(10 * ui.s());
  float bw = static_cast<float>(p.bandwidth_m);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::SliderFloat("##bw", &bw, 300, 10000, (std::string(tr(L, S::AnaBandwidth)) + " %.0f").c_str(), ImGuiSliderFlags_Logarithmic))
    p.bandwidth_m = std::round(bw / 50) * 50;
  int w = p.weight_investment ? 1 : 0;
  ImGui::TextDisabled("%s", tr(L, S::AnaWeight));
  ImGui::SameLine();
  ImGui::RadioButton(tr(L, S::AnaWeightCount), &w, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr(L, S::AnaWeightInvest), &w, 1);
  p.weight_investment = w == 1;
  ImGui::Unindent(10 * ui.s());
}

}  // namespace

UiFeature makeHeatmapFeature() {
  UiFeature f;
  f.id = ids::kHeatmap;
  f.settings = [] { return std::make_unique<Settings<DensitySettings>>(); };
  f.products = [](Derived& d) { d.addProduct(ids::kDensity, std::make_unique<DensityProduct>()); };
  f.layers = [](auto& v) { v.push_back(makeHeatmapLayer()); };
  f.panels = {{"heatmap_analysis", Dock::Left, false, drawHeatmapSection, {}, "analysis", 20}};
  f.demands = [](const AppState& st, std::set<std::string>& out) {
    if (st.layers.on(ids::kHeatmap)) out.insert(ids::kDensity);
  };
  f.analyses = {densityCommand()};
  return f;
}

}  // namespace cm
