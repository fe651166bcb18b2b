// The map and the sidebar: districts, water and rivers; the title with the layer switches (its
// toolbar and the layers' options are other features' sections), the Analysis header (the
// analyses' sections), the filters, the totals, the presentation's counters, the legend and the
// timeline.
#include <imgui.h>

#include "render/layers/layers.h"
#include "ui/features/features.h"

namespace cm {

namespace {

// The Analysis header: its sections are the analyses' (clusters, heatmap, parks, chains …).
void drawAnalysisPanel(UiContext& ui) {
  const Lang L = ui.st.lang;
  if (!ImGui::CollapsingHeader((std::string(tr(L, S::Analysis)) + "###analysis").c_str())) return;
  if (ui.derived.remote()) {  // remote mode: the analyses need the rows
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(L, S::RemoteNoRows));
    ImGui::PopTextWrapPos();
    return;
  }
  if (const float p = ui.derived.productsProgress(); p < 1) {
    ImGui::TextDisabled("%s", tr(L, S::AnaComputing));
    ImGui::SameLine();
    ImGui::ProgressBar(p, {-FLT_MIN, 0});
  }
  drawSections(ui, "analysis");
}

}  // namespace

UiFeature makeMapFeature() {
  UiFeature f;
  f.id = "map";
  f.layers = [](auto& v) {
    v.push_back(makeDistrictsLayer());
    v.push_back(makeWaterLayer());
    v.push_back(makeRiversLayer());
  };
  auto timeline = std::make_shared<TimelinePanel>();
  auto kpis = std::make_shared<KpiPanel>();
  auto present = [](const UiContext& ui) { return ui.layout.present; };
  f.panels = {
      {"title_layers", Dock::Left, true, drawTitleAndLayersPanel, {}, {}, 0},
      {"analysis", Dock::Left, false, drawAnalysisPanel, {}, {}, 20},
      {"filters", Dock::Left, false, drawFiltersPanel, {}, {}, 30},
      {"totals", Dock::RightTop, false, drawTotalsPanel},
      {"kpis", Dock::RightTop, true, [kpis](UiContext& ui) { kpis->draw(ui); }, present},
      {"legend", Dock::RightBottom, true, drawLegendPanel},
      {"timeline", Dock::Bottom, true, [timeline](UiContext& ui) { timeline->draw(ui); }},
  };
  return f;
}

UiFeature makeProjectsFeature() {
  UiFeature f;
  f.id = ids::kProjects;
  f.layers = [](auto& v) {
    v.push_back(makeProjectsLayer());
    v.push_back(makeBubblesLayer());
    v.push_back(makeRemoteLayer());
  };
  return f;
}

UiFeature makeLabelsFeature() {
  UiFeature f;
  f.id = ids::kLabels;
  f.layers = [](auto& v) {
    v.push_back(makeLabelsLayer());
    v.push_back(makeFurnitureLayer());
  };
  return f;
}

}  // namespace cm
