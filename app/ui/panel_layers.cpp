// The sidebar's head: title, synthetic-data badge, language switch, fit button, and one switch
// per registered layer toggle (render/layer_stack.h), plus the aggregation mode.
#include <imgui.h>

#include "core/dates.h"
#include "ui/app.h"
#include "ui/panels.h"

namespace cm {

void drawTitleAndLayersPanel(UiContext& ui) {
  AppState& st = ui.st;
  const Lang L = st.lang;
  ImGui::PushFont(ui.fonts.title);
  ImGui::TextWrapped("%s", tr(L, S::Title));
  ImGui::PopFont();
  ImGui::TextDisabled("%s", tr(L, S::Subtitle));
  if (ui.model.projects_synthetic) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(178, 34, 34, 255));
    ImGui::TextUnformatted(tr(L, S::Synthetic));
    ImGui::PopStyleColor();
  }
  if (ui.layout.present) {  // the presentation's and the poster's title card: what is shown, no controls
    const Stats& s = ui.derived.stats();
    if (hasProjects(ui))
      ImGui::TextDisabled("%s  ·  %lld %s  ·  %.0f %s", timeWindowText(st).c_str(), static_cast<long long>(s.total.count), tr(L, S::KpiProjects),
                          s.total.investment_yi, tr(L, S::KpiInvestment));
    return;
  }
  if (ImGui::SmallButton(tr(L, S::Language))) st.lang = L == Lang::Zh ? Lang::En : Lang::Zh;
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::Fit))) fitHome(st);
  // Data: open another table, export the filtered projects; reload and edit the mapping when the
  // projects came from a user's table.
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::OpenFile))) st.requests.open_file = true;
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::ExportFile))) st.requests.export_file = true;
  if (ImGui::SmallButton(tr(L, S::ExportImage))) ImGui::OpenPopup("##export_image");
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::ProjectTable))) st.table_open = !st.table_open;
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::MeasureTool))) {
    st.measure.active = !st.measure.active;
    if (!st.measure.active) st.measure = {};
  }
  if (ImGui::BeginPopup("##export_image")) {  // size up to 8K and the frame around the map
    AppState::ImageExport& e = st.image_export;
    ImGui::TextUnformatted(tr(L, S::ExportImageTitle));
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(L, S::ExportSize));
    const int sizes[][2] = {{0, 0}, {1920, 1080}, {3840, 2160}, {7680, 4320}};
    for (const auto& sz : sizes) {
      const std::string label = sz[0] ? std::to_string(sz[0]) + " × " + std::to_string(sz[1]) : tr(L, S::ExportSizeWindow);
      if (ImGui::RadioButton(label.c_str(), e.w == sz[0] && e.h == sz[1])) e.w = sz[0], e.h = sz[1];
    }
    ImGui::TextDisabled("%s", tr(L, S::ExportLayout));
    int mode = e.present ? 3 : static_cast<int>(e.chrome);
    ImGui::RadioButton(tr(L, S::LayoutFull), &mode, 0);
    ImGui::RadioButton(tr(L, S::LayoutMap), &mode, 2);
    ImGui::RadioButton(tr(L, S::LayoutPoster), &mode, 1);
    ImGui::RadioButton(tr(L, S::LayoutPresent), &mode, 3);
    e.present = mode == 3;
    e.chrome = mode == 3 ? layout::Chrome::Full : static_cast<layout::Chrome>(mode);
    if (ImGui::Button(tr(L, S::ExportSave))) {
      st.requests.export_image = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  if (st.reloadable) {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(L, S::Reload))) st.requests.reload = true;
  }
  if (st.mappable) {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(L, S::EditMapping))) st.requests.edit_mapping = true;
  }
  ImGui::Separator();
  if (ImGui::CollapsingHeader(tr(L, S::Layers), ImGuiTreeNodeFlags_DefaultOpen)) {
    const auto& toggles = ui.layers.toggles();
    for (size_t i = 0; i < toggles.size(); ++i) {
      if (i % 2 == 1 && !ui.layout.compact) ImGui::SameLine(150 * ui.s());  // a narrow sidebar: one column
      bool on = st.layers.on(toggles[i].id);
      if (ImGui::Checkbox(tr(L, toggles[i].name), &on)) st.layers.set(toggles[i].id, on);
    }
    if (st.layers.on("choropleth")) {  // what the districts are shaded by
      ImGui::SetNextItemWidth(-FLT_MIN);
      if (ImGui::BeginCombo("##choropleth", tr(L, "choro." + std::string(choroplethId(st.choropleth))))) {
        for (ChoroplethMetric m : kChoroplethMetrics)
          if (ImGui::Selectable(tr(L, "choro." + std::string(choroplethId(m))), m == st.choropleth)) st.choropleth = m;
        ImGui::EndCombo();
      }
    }
    ImGui::TextDisabled("%s", tr(L, S::Aggregation));
    int mode = static_cast<int>(st.aggregate);
    ImGui::RadioButton(tr(L, S::Auto), &mode, static_cast<int>(Aggregate::Auto));
    ImGui::SameLine();
    ImGui::RadioButton(tr(L, S::Off), &mode, static_cast<int>(Aggregate::Off));
    ImGui::SameLine();
    ImGui::RadioButton(tr(L, S::On), &mode, static_cast<int>(Aggregate::On));
    st.aggregate = static_cast<Aggregate>(mode);
  }
}

}  // namespace cm
