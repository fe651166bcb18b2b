// The sidebar's head: title, synthetic-data badge, language switch, fit button, and one switch
// per registered layer toggle (render/layer_stack.h), plus the aggregation mode.
#include <imgui.h>

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
  if (ui.layout.present) return;  // the presentation's title card: no controls
  if (ImGui::SmallButton(tr(L, S::Language))) st.lang = L == Lang::Zh ? Lang::En : Lang::Zh;
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::Fit))) fitHome(st);
  // Data: open another table, export the filtered projects; reload and edit the mapping when the
  // projects came from a user's table.
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::OpenFile))) st.requests.open_file = true;
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::ExportFile))) st.requests.export_file = true;
  if (st.reloadable) {
    if (ImGui::SmallButton(tr(L, S::Reload))) st.requests.reload = true;
    if (st.mappable) ImGui::SameLine();
  }
  if (st.mappable && ImGui::SmallButton(tr(L, S::EditMapping))) st.requests.edit_mapping = true;
  ImGui::Separator();
  if (ImGui::CollapsingHeader(tr(L, S::Layers), ImGuiTreeNodeFlags_DefaultOpen)) {
    const auto& toggles = ui.layers.toggles();
    for (size_t i = 0; i < toggles.size(); ++i) {
      if (i % 2 == 1) ImGui::SameLine(150 * ui.s());
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
