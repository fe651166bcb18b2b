// The time window over signing dates, at month resolution: a histogram of projects per month
// (attribute filters applied) under the window. Drag an edge to move it, drag inside to move the
// whole window, click outside to bring the nearer edge there. Play grows the window month by
// month to tell how the chains grew.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/dates.h"
#include "ui/panels.h"

namespace cm {

void TimelinePanel::draw(UiContext& ui) {
  AppState& st = ui.st;
  Timeline& t = st.timeline;
  Filter& f = st.filter;
  const Lang L = st.lang;
  const int n = t.last_month - t.first_month + 1;
  if (n <= 0 || ui.model.projects.size() == 0) {
    if (!st.status.empty()) ImGui::TextDisabled("%s", st.status.c_str());
    return;
  }

  const float s = ui.s();
  if (ImGui::Button(t.playing ? tr(L, S::Pause) : tr(L, S::Play), {64 * s, 0})) {
    t.playing = !t.playing;
    if (t.playing && f.month_to >= t.last_month) f.month_to = f.month_from;
    t.play_accum = 0;
  }
  ImGui::SameLine();
  ImGui::Text("%s  %s – %s", tr(L, S::Time), formatMonth(f.month_from).c_str(), formatMonth(f.month_to).c_str());
  if (!st.status.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("   %s", st.status.c_str());
  }
  if (ui.derived.pending()) {  // a product is still being computed on a worker
    ImGui::SameLine();
    ImGui::TextDisabled("   %s", tr(L, S::Computing));
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x, h = 54.f * s;
  ImGui::InvisibleButton("timeline", {w, h});
  const float step = w / n;
  std::vector<int64_t> per_month(n, 0);
  for (const auto& [month, tally] : ui.derived.allTime().by_month)
    if (month >= t.first_month && month <= t.last_month) per_month[month - t.first_month] = tally.count;
  const int64_t peak = std::max<int64_t>(1, *std::max_element(per_month.begin(), per_month.end()));
  const int lo = std::clamp(f.month_from, t.first_month, t.last_month) - t.first_month;
  const int hi = std::clamp(f.month_to, t.first_month, t.last_month) - t.first_month;
  for (int i = 0; i < n; ++i) {
    const float bh = (h - 16 * s) * static_cast<float>(per_month[i]) / static_cast<float>(peak);
    const bool in = i >= lo && i <= hi;
    dl->AddRectFilled({p0.x + i * step + s, p0.y + h - 14 * s - bh}, {p0.x + (i + 1) * step - s, p0.y + h - 14 * s},
                      in ? IM_COL32(52, 101, 164, 230) : IM_COL32(160, 168, 180, 120));
    const int month = t.first_month + i;
    if (month % 12 == 0 || i == 0) {
      const std::string y = std::to_string(month / 12);
      dl->AddText({p0.x + i * step + 2 * s, p0.y + h - 14 * s}, ImGui::GetColorU32(ImGuiCol_TextDisabled), y.c_str());
    }
  }
  const float hx0 = p0.x + lo * step, hx1 = p0.x + (hi + 1) * step;
  dl->AddRect({hx0, p0.y}, {hx1, p0.y + h - 14 * s}, IM_COL32(30, 60, 110, 255), 3.f * s, 0, 2.f * s);

  const float mx = ImGui::GetIO().MousePos.x;
  const int m = std::clamp(static_cast<int>(std::floor((mx - p0.x) / step)), 0, n - 1);
  const float grip = std::max(6.f * s, std::min(step * 0.5f, 10.f * s));  // how near an edge counts as on it
  if (ImGui::IsItemHovered() || drag != Drag::None) {
    const bool on_edge = std::abs(mx - hx0) <= grip || std::abs(mx - hx1) <= grip;
    const bool inside = mx > hx0 && mx < hx1;
    if (drag == Drag::From || drag == Drag::To || (drag == Drag::None && on_edge)) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    else if (drag == Drag::Window || inside) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  }
  if (ImGui::IsItemActivated()) {
    t.playing = false;
    if (std::abs(mx - hx0) <= grip && std::abs(mx - hx0) <= std::abs(mx - hx1)) drag = Drag::From;
    else if (std::abs(mx - hx1) <= grip) drag = Drag::To;
    else if (mx > hx0 && mx < hx1) drag = Drag::Window, grab_month = m - lo;
    else drag = std::abs(mx - hx0) < std::abs(mx - hx1) ? Drag::From : Drag::To;  // outside: nearer edge jumps there
  }
  if (ImGui::IsItemActive()) {
    switch (drag) {
      case Drag::From: f.month_from = t.first_month + std::min(m, hi); break;
      case Drag::To: f.month_to = t.first_month + std::max(m, lo); break;
      case Drag::Window: {
        const int len = hi - lo;
        const int start = std::clamp(m - grab_month, 0, n - 1 - len);
        f.month_from = t.first_month + start;
        f.month_to = f.month_from + len;
        break;
      }
      case Drag::None: break;
    }
  } else {
    drag = Drag::None;
  }
}

}  // namespace cm
