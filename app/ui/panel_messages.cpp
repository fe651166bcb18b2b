// Load errors and warnings are state: drawn every frame until dismissed.
#include <imgui.h>

#include "ui/panels.h"

namespace cm {

void drawMessagesPanel(UiContext& ui) {
  AppState& st = ui.st;
  if (st.errors.empty() && st.warnings.empty()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->Size.x * 0.5f, 60}, ImGuiCond_Always, {0.5f, 0});
  ImGui::SetNextWindowSizeConstraints({420, 0}, {vp->Size.x * 0.6f, vp->Size.y * 0.5f});
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(255, 244, 240, 245));
  ImGui::Begin(tr(st.lang, S::Errors), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
  for (const std::string& e : st.errors) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 20, 20, 255));
    ImGui::TextWrapped("%s", e.c_str());
    ImGui::PopStyleColor();
  }
  const size_t shown = std::min<size_t>(st.warnings.size(), 8);
  for (size_t i = 0; i < shown; ++i) ImGui::TextWrapped("%s", st.warnings[i].c_str());
  if (st.warnings.size() > shown) ImGui::TextDisabled("… +%zu", st.warnings.size() - shown);
  if (ImGui::Button(tr(st.lang, S::Dismiss))) {
    st.errors.clear();
    st.warnings.clear();
  }
  ImGui::End();
  ImGui::PopStyleColor();
}

}  // namespace cm
