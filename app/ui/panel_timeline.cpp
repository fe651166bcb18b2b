// The time window over signing dates, at month resolution: a histogram of projects per month
// (attribute filters applied) with a two-handle range slider over it, and a play button that
// grows the window month by month to tell how the chains grew.
#include <imgui.h>

#include <algorithm>

#include "core/dates.h"
#include "ui/panels.h"

namespace cm {

void drawTimelinePanel(UiContext& ui) {
  AppState& st = ui.st;
  Timeline& t = st.timeline;
  Filter& f = st.filter;
  const Lang L = st.lang;
  const int n = t.last_month - t.first_month + 1;
  if (n <= 0) return;

  if (ImGui::Button(t.playing ? tr(L, S::Pause) : tr(L, S::Play), {64, 0})) {
    t.playing = !t.playing;
    if (t.playing && f.month_to >= t.last_month) f.month_to = f.month_from;
    t.play_accum = 0;
  }
  ImGui::SameLine();
  ImGui::Text("%s  %s – %s", tr(L, S::Time), formatMonth(f.month_from).c_str(), formatMonth(f.month_to).c_str());

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x, h = 54.f;
  ImGui::InvisibleButton("timeline", {w, h});
  const float step = w / n;
  std::vector<int64_t> per_month(n, 0);
  for (const auto& [month, tally] : ui.all_time.by_month)
    if (month >= t.first_month && month <= t.last_month) per_month[month - t.first_month] = tally.count;
  const int64_t peak = std::max<int64_t>(1, *std::max_element(per_month.begin(), per_month.end()));
  const int lo = std::clamp(f.month_from, t.first_month, t.last_month) - t.first_month;
  const int hi = std::clamp(f.month_to, t.first_month, t.last_month) - t.first_month;
  for (int i = 0; i < n; ++i) {
    const float bh = (h - 16) * static_cast<float>(per_month[i]) / static_cast<float>(peak);
    const bool in = i >= lo && i <= hi;
    dl->AddRectFilled({p0.x + i * step + 1, p0.y + h - 14 - bh}, {p0.x + (i + 1) * step - 1, p0.y + h - 14},
                      in ? IM_COL32(52, 101, 164, 230) : IM_COL32(160, 168, 180, 120));
    const int month = t.first_month + i;
    if (month % 12 == 0 || i == 0) {
      const std::string y = std::to_string(month / 12);
      dl->AddText({p0.x + i * step + 2, p0.y + h - 14}, ImGui::GetColorU32(ImGuiCol_TextDisabled), y.c_str());
    }
  }
  // Handles: drag the nearer one; a click between them moves the nearer edge too.
  const float hx0 = p0.x + lo * step, hx1 = p0.x + (hi + 1) * step;
  dl->AddRect({hx0, p0.y}, {hx1, p0.y + h - 14}, IM_COL32(30, 60, 110, 255), 3.f, 0, 2.f);
  if (ImGui::IsItemActive()) {
    const float mx = ImGui::GetIO().MousePos.x;
    const int m = std::clamp(static_cast<int>((mx - p0.x) / step), 0, n - 1);
    if (ImGui::IsItemActivated()) t.playing = false;
    if (std::abs(mx - hx0) < std::abs(mx - hx1)) f.month_from = t.first_month + std::min(m, hi);
    else f.month_to = t.first_month + std::max(m, lo);
  }
}

}  // namespace cm
