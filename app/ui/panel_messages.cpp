// Load errors and warnings are state: drawn every frame until dismissed. The panel never covers
// the middle of the map (the map must still show what was read): it docks over the foot of the
// side panel (same width, growing upwards to half the window, scrolling beyond), or — where there
// is no side panel (presentation, compact rail) — in the map's lower-left corner at most 45 % of
// its width and a third of its height. Its title bar collapses it to one line.
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
  const layout::Layout& L = ui.layout;
  const layout::Rect& a = L.map;
  const bool beside = !L.present && !L.compact && L.sidebar_w > 0;
  float w, max_h;
  if (beside) {  // over the foot of the side panel
    w = L.sidebar_w;
    max_h = vp->Size.y * 0.5f;
    ImGui::SetNextWindowPos({L.margin, vp->Size.y - L.margin}, ImGuiCond_Always, {0, 1});
  } else {  // the map's lower-left corner
    w = std::max(240 * s, static_cast<float>(a.x1 - a.x0) * 0.45f);
    max_h = std::max(80 * s, static_cast<float>(a.y1 - a.y0) / 3);
    ImGui::SetNextWindowPos({static_cast<float>(a.x0), static_cast<float>(a.y1)}, ImGuiCond_Always, {0, 1});
  }
  ImGui::SetNextWindowSizeConstraints({w, 0}, {w, max_h});
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(255, 244, 240, 250));
  // Only notes (what a load decided, rows it patched): a load report; anything that failed: problems.
  const std::string title = std::string(tr(st.lang, st.errors.empty() ? S::LoadReport : S::Errors)) + " (" +
                            std::to_string(st.errors.size() + st.warnings.size()) + ")###messages";
  const bool open = ImGui::Begin(title.c_str(), nullptr,
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoFocusOnAppearing);
  if (open) {
    if (ImGui::Button(tr(st.lang, S::Dismiss))) {
      st.errors.clear();
      st.warnings.clear();
    }
    for (const std::string& e : st.errors) {
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 20, 20, 255));
      ImGui::TextWrapped("%s", e.c_str());
      ImGui::PopStyleColor();
    }
    const size_t shown = std::min<size_t>(st.warnings.size(), 8);
    for (size_t i = 0; i < shown; ++i) ImGui::TextWrapped("%s", st.warnings[i].c_str());
    if (st.warnings.size() > shown) ImGui::TextDisabled("… +%zu", st.warnings.size() - shown);
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
