// Load errors and warnings are state: drawn every frame until dismissed.
#include <imgui.h>

#include <algorithm>

#include "render/layers/layers.h"
#include "ui/panels.h"

namespace cm {

void drawMessagesPanel(UiContext& ui) {
  AppState& st = ui.st;
  if (st.errors.empty() && st.warnings.empty()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float s = ui.s();
  ImGui::SetNextWindowPos({vp->Size.x * 0.5f, 60 * s}, ImGuiCond_Always, {0.5f, 0});
  ImGui::SetNextWindowSizeConstraints({std::min(420 * s, vp->Size.x * 0.6f), 0}, {vp->Size.x * 0.6f, vp->Size.y * 0.5f});
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(255, 244, 240, 245));
  // Only notes (what a load decided, rows it patched): a load report; anything that failed: problems.
  ImGui::Begin((std::string(tr(st.lang, st.errors.empty() ? S::LoadReport : S::Errors)) + "###messages").c_str(), nullptr,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse);
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

// The selected project's details, pinned 22 px right of and above it — or left of it when the
// map area has no room on the right (the card never covers the docked panels there).
void drawProjectCard(UiContext& ui, int i) {
  const Projects& p = ui.model.projects;
  if (i < 0 || i >= static_cast<int>(p.size())) return;
  const Vec2 s = ui.st.view.toScreen({p.x[i], p.y[i]});
  const layout::Rect& a = ui.layout.map;
  const float card_w = 330 * ui.s(), gap = 22 * ui.s();
  const bool left = s.x + gap + card_w > a.x1 && s.x - gap - card_w >= a.x0;
  const float y = std::clamp(static_cast<float>(s.y) - gap, static_cast<float>(a.y0), std::max(static_cast<float>(a.y0), static_cast<float>(a.y1) - 240 * ui.s()));
  ImGui::SetNextWindowPos({static_cast<float>(s.x) + (left ? -gap : gap), y}, ImGuiCond_Always, {left ? 1.f : 0.f, 0.f});
  ImGui::SetNextWindowBgAlpha(0.97f);
  ImGui::Begin("##project_card", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
  drawProjectDetails(ui.model, ui.st.lang, i);
  ImGui::End();
}

}  // namespace cm
