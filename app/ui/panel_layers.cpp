// The sidebar's head: title, synthetic-data badge, language switch, fit button and the features'
// toolbar buttons (flowing onto new lines as the sidebar needs), one switch per registered layer
// toggle (render/layer_stack.h) with the layers' options, and the aggregation mode.
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
      ImGui::TextDisabled("%s  ·  %lld %s  ·  %s", timeWindowText(st).c_str(), static_cast<long long>(s.total.count), tr(L, S::KpiProjects),
                          render(L, Msg("kpi.invested").arg("amount", formatYi(s.total.investment_yi, L))).c_str());
    return;
  }
  if (ImGui::SmallButton(tr(L, S::Language))) st.lang = L == Lang::Zh ? Lang::En : Lang::Zh;
  if (toolbarButton(tr(L, S::Fit))) fitHome(st);
  drawSections(ui, "toolbar");  // the features' buttons: open, export, the table, the measuring tool …
  ImGui::Separator();
  if (ImGui::CollapsingHeader((std::string(tr(L, S::Layers)) + "###layers").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    const auto& toggles = ui.layers.toggles();
    for (size_t i = 0; i < toggles.size(); ++i) {
      if (i % 2 == 1 && !ui.layout.compact) ImGui::SameLine(150 * ui.s());  // a narrow sidebar: one column
      bool on = st.layers.on(toggles[i].id);
      if (ImGui::Checkbox(tr(L, toggles[i].name), &on)) st.layers.set(toggles[i].id, on);
    }
    drawSections(ui, "layers");  // a layer's options (the choropleth's metric …)
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

bool toolbarButton(const char* label) {
  const float w = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine();  // beside the last button, or on the next line when it would not fit
  if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
  return ImGui::SmallButton(label);
}

}  // namespace cm
