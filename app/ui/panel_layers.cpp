// The sidebar's head: title, synthetic-data badge, language switch, layer toggles.
#include <imgui.h>

#include "ui/layout.h"
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
  if (ImGui::SmallButton(tr(L, S::Language))) st.lang = L == Lang::Zh ? Lang::En : Lang::Zh;
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::Fit))) st.view.fitInto(st.home, layout::kSidebarW + 2 * layout::kMargin, layout::kMargin,
                                                       st.view.width - layout::kRightW - 2 * layout::kMargin,
                                                       st.view.height - layout::kTimelineH - 2 * layout::kMargin);
  ImGui::Separator();
  if (ImGui::CollapsingHeader(tr(L, S::Layers), ImGuiTreeNodeFlags_DefaultOpen)) {
    LayerToggles& l = st.layers;
    ImGui::Checkbox(tr(L, S::Districts), &l.districts);
    ImGui::SameLine(150);
    ImGui::Checkbox(tr(L, S::Water), &l.water);
    ImGui::Checkbox(tr(L, S::Rivers), &l.rivers);
    ImGui::SameLine(150);
    ImGui::Checkbox(tr(L, S::Parks), &l.parks);
    ImGui::Checkbox(tr(L, S::ProjectsL), &l.projects);
    ImGui::SameLine(150);
    ImGui::Checkbox(tr(L, S::Labels), &l.labels);
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
