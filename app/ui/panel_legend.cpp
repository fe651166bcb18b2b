// Legend: ecosystem colours with live counts (the same palette the shader uses), size classes
// drawn with the shader's own radius rule, and the park marker.
#include <imgui.h>

#include "ui/map_overlay.h"
#include "ui/panels.h"

namespace cm {

static ImU32 col(uint32_t rgb, int a = 255) { return IM_COL32(rgb >> 16, (rgb >> 8) & 255, rgb & 255, a); }

void drawParkMarker(ImDrawList* dl, ImVec2 c, float r) {
  const ImVec2 pts[4] = {{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}};
  dl->AddConvexPolyFilled(pts, 4, IM_COL32(255, 255, 255, 235));
  dl->AddPolyline(pts, 4, IM_COL32(40, 48, 64, 255), ImDrawFlags_Closed, 1.6f);
  dl->AddCircleFilled(c, r * 0.32f, IM_COL32(40, 48, 64, 255));
}

void drawLegendPanel(UiContext& ui) {
  const Lang L = ui.st.lang;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::TextUnformatted(tr(L, S::Legend));
  ImGui::Separator();
  for (int e = 0; e < kEcosystemCount; ++e) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    const bool on = ui.st.filter.ecosystems >> e & 1u;
    dl->AddCircleFilled({p.x + h * 0.5f, p.y + h * 0.5f}, h * 0.36f, col(kEcosystems[e].rgb, on ? 255 : 70));
    ImGui::Dummy({h, h});
    ImGui::SameLine();
    ImGui::TextUnformatted(ecosystemName(L, static_cast<Ecosystem>(e)));
    ImGui::SameLine(ImGui::GetWindowWidth() - 60);
    ImGui::Text("%5d", static_cast<int>(ui.stats.by_ecosystem[e].count));
  }
  ImGui::Separator();
  ImGui::TextDisabled("%s (%s)", tr(L, S::SizeLegend), tr(L, S::Yi));
  const float sizes[] = {1, 10, 50, 100};
  const char* labels[] = {"≥1", "≥10", "≥50", "≥100"};
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float rmax = pointRadiusPx(ui.st.points, 100);
  float x = p0.x + 8;
  for (int i = 0; i < 4; ++i) {
    const float r = pointRadiusPx(ui.st.points, sizes[i]);
    const ImVec2 c{x + r, p0.y + rmax + 2};
    dl->AddCircleFilled(c, r, IM_COL32(120, 128, 140, 90));
    dl->AddCircle(c, r, IM_COL32(70, 78, 90, 255), 0, 1.2f);
    const ImVec2 ts = ImGui::CalcTextSize(labels[i]);
    dl->AddText({c.x - ts.x / 2, p0.y + 2 * rmax + 6}, ImGui::GetColorU32(ImGuiCol_Text), labels[i]);
    x += 2 * r + 22;
  }
  ImGui::Dummy({0, 2 * rmax + 8 + ImGui::GetTextLineHeight()});
  if (ui.bins) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(52, 101, 164, 255));
    ImGui::TextWrapped("%s", tr(L, S::Aggregated));
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  drawParkMarker(dl, {p.x + h * 0.5f, p.y + h * 0.5f}, h * 0.42f);
  ImGui::Dummy({h, h});
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(L, S::ParkMarker));
}

}  // namespace cm
