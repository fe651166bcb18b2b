// The presentation's KPI counters: projects, investment (亿元), the share in parks and progress
// towards the annual targets, in big numbers that count up smoothly as time runs: when a value
// changes, its counter eases from what it shows to the new value in kCountSeconds, exactly (a
// recording's last frame shows the values themselves); a frame with dt = 0 — a screenshot —
// shows them at once.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/dates.h"
#include "ui/panels.h"

namespace cm {

void KpiPanel::draw(UiContext& ui) {
  const Lang L = ui.st.lang;
  const Stats& s = ui.derived.stats();
  const TargetProgress* t = ui.model.projects.size() ? ui.derived.targets() : nullptr;
  const bool targets = t && t->has_target;
  const double want[kCount] = {
      static_cast<double>(s.total.count), s.total.investment_yi, s.total.count ? 100.0 * s.in_parks / s.total.count : 0.0,
      targets ? static_cast<double>(t->n1) : 0.0, targets ? static_cast<double>(t->n10) : 0.0};
  for (int i = 0; i < kCount; ++i) {
    if (want[i] != target[i]) {  // a new value: count from what is shown now, starting with this frame
      from[i] = shown[i];
      target[i] = want[i];
      elapsed[i] = 0;
    } else {
      elapsed[i] += ui.dt;
    }
    const double u = !started || ui.dt <= 0 ? 1.0 : std::min(1.0, elapsed[i] / kCountSeconds);
    const double ease = 1 - (1 - u) * (1 - u) * (1 - u);  // fast at first, settling gently
    shown[i] = u >= 1 ? target[i] : from[i] + (target[i] - from[i]) * ease;
    if (u >= 1) elapsed[i] = kCountSeconds;
  }
  started = true;
  animating = false;
  for (int i = 0; i < kCount; ++i) animating |= shown[i] != target[i];

  ImGui::TextDisabled("%s", timeWindowText(ui.st).c_str());
  const float col = ImGui::GetContentRegionAvail().x;
  auto counter = [&](const char* number, const char* label, ImU32 color) {
    ImGui::PushFont(ui.fonts.big);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(number);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y);
    ImGui::TextDisabled("%s", label);
  };
  char a[32], b[32], c[32];
  std::snprintf(a, sizeof a, "%.0f", shown[0]);
  std::snprintf(b, sizeof b, "%s", formatYiNumber(shown[1], L).c_str());
  std::snprintf(c, sizeof c, "%.1f%%", shown[2]);
  // Two counters a row: projects and investment, then the share in parks.
  const float x0 = ImGui::GetCursorPosX(), half = col * 0.5f;
  const float y0 = ImGui::GetCursorPosY();
  ImGui::BeginGroup();
  counter(a, tr(L, S::KpiProjects), IM_COL32(30, 60, 110, 255));
  ImGui::EndGroup();
  const float y1 = ImGui::GetCursorPosY();
  ImGui::SetCursorPos({x0 + half, y0});
  ImGui::BeginGroup();
  counter(b, tr(L, S::KpiInvestment), IM_COL32(30, 60, 110, 255));
  ImGui::EndGroup();
  ImGui::SetCursorPos({x0, std::max(y1, ImGui::GetCursorPosY())});
  counter(c, tr(L, S::KpiInParks), IM_COL32(30, 110, 80, 255));
  if (!targets) return;
  ImGui::Separator();
  ImGui::Text("%s · %s", tr(L, S::TargetsTitle), tr(L, S::TargetsCityWide));  // whatever the filter (never its progress)
  ImGui::TextDisabled("%d · %s %s", t->year, tr(L, S::Through), formatMonth(t->through_month).c_str());
  auto bar = [&](const char* what, double n, int target) {
    const float f = target > 0 ? static_cast<float>(n / target) : 0.f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight() * 1.2f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, {p.x + col, p.y + h}, ImGui::GetColorU32(ImGuiCol_FrameBg), 4 * ui.s());
    dl->AddRectFilled(p, {p.x + col * std::clamp(f, 0.f, 1.f), p.y + h}, IM_COL32(150, 190, 232, 255), 4 * ui.s());
    char text[96];
    std::snprintf(text, sizeof text, "%s  %.0f / %d  (%.0f%%)", what, n, target, 100.0 * f);
    const ImVec2 ts = ImGui::CalcTextSize(text);
    dl->AddText({p.x + (col - ts.x) / 2, p.y + (h - ts.y) / 2}, IM_COL32(20, 30, 45, 255), text);
    ImGui::Dummy({col, h});
  };
  bar(tr(L, S::KpiBar1), shown[3], t->targets.projects_1yi);
  bar(tr(L, S::KpiBar10), shown[4], t->targets.projects_10yi);
}

}  // namespace cm
