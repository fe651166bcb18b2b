// The time window over signing dates, at month resolution: a histogram of projects per month
// (attribute filters applied), stacked by ecosystem in the ecosystems' colours, under the window.
// Drag an edge to move it, drag inside to move the whole window, click outside to bring the
// nearer edge there. Play, pause, speed and loop; cumulative mode grows the window's end month by
// month (chains growing), window mode slides the whole window (core/playback.h).
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/dates.h"
#include "render/layers/layers.h"
#include "ui/panels.h"

namespace cm {

std::string timeWindowText(const AppState& st) {
  if (!st.timeline.dated) return tr(st.lang, S::Undated);
  std::string s = formatMonth(st.filter.month_from) + " – " + formatMonth(st.filter.month_to);
  const bool narrowed = st.filter.month_from > st.timeline.first_month || st.filter.month_to < st.timeline.last_month;
  if (narrowed && st.filter.undated) s += std::string(" + ") + tr(st.lang, S::UndatedShort);
  return s;
}

namespace {

// A table without any signing date: one horizontal bar of its projects by ecosystem, and what it means.
void drawUndatedOnly(UiContext& ui) {
  const Lang L = ui.st.lang;
  const float s = ui.s();
  const Stats& all = ui.derived.allTime();
  ImGui::Text("%s: %lld", tr(L, S::Undated), static_cast<long long>(all.undated.count));
  ImGui::SameLine();
  ImGui::TextDisabled("  %s", tr(L, S::UndatedAll));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x, h = std::max(8.f * s, ImGui::GetContentRegionAvail().y - 4 * s);
  ImGui::Dummy({w, h});
  const double total = static_cast<double>(std::max<int64_t>(1, all.undated.count));
  float x = p0.x;
  for (int e = 0; e < kEcosystemCount; ++e) {
    const float bw = w * static_cast<float>(all.undated_ecosystem[e] / total);
    if (bw <= 0) continue;
    dl->AddRectFilled({x, p0.y}, {x + bw, p0.y + h}, rgbColor(kEcosystems[e].rgb, 235));
    x += bw;
  }
}

}  // namespace

void TimelinePanel::draw(UiContext& ui) {
  AppState& st = ui.st;
  Timeline& t = st.timeline;
  Filter& f = st.filter;
  const Lang L = st.lang;
  const int n = t.last_month - t.first_month + 1;
  if (n <= 0 || !hasProjects(ui)) {
    if (!st.status.empty()) ImGui::TextDisabled("%s", st.status.c_str());
    return;
  }

  const float s = ui.s();
  if (!t.dated) {  // no project has a signing date (a pipeline ledger): their one bar, nothing to play
    drawUndatedOnly(ui);
    return;
  }
  if (ImGui::Button(t.playing ? tr(L, S::Pause) : tr(L, S::Play), {64 * s, 0})) {
    togglePlaying(t, f);
  }
  // Presenting: play, pause and the window (modes and speeds are for preparing). A narrow window
  // keeps them behind one button.
  auto options = [&] {
    int mode = static_cast<int>(t.mode);
    ImGui::RadioButton(tr(L, S::ModeCumulative), &mode, static_cast<int>(TimeMode::Cumulative));
    ImGui::SameLine();
    ImGui::RadioButton(tr(L, S::ModeWindow), &mode, static_cast<int>(TimeMode::Window));
    t.mode = static_cast<TimeMode>(mode);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(L, S::Speed));
    for (double k : kPlaySpeeds) {  // ¼× … 4× the normal 0.6 s a month
      ImGui::SameLine(0, 2 * s);
      char label[16];
      std::snprintf(label, sizeof label, k < 1 ? "%.2g×" : "%.0f×", k);
      const bool on = std::abs(t.step_seconds * k - kNormalStepSeconds) < 1e-6;
      if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_ButtonActive));
      if (ImGui::SmallButton(label)) t.step_seconds = kNormalStepSeconds / k;
      if (on) ImGui::PopStyleColor();
    }
    ImGui::SameLine();
    ImGui::Checkbox(tr(L, S::Loop), &t.loop);
  };
  if (!ui.layout.present && !ui.layout.compact) {
    ImGui::SameLine();
    options();
  } else if (!ui.layout.present) {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(L, S::PlayOptions))) ImGui::OpenPopup("##play_options");
    if (ImGui::BeginPopup("##play_options")) {
      options();
      ImGui::EndPopup();
    }
  }
  ImGui::SameLine();
  ImGui::Text("  %s  %s", tr(L, S::Time), timeWindowText(st).c_str());
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
  const Stats& all = ui.derived.allTime();
  // Projects without a signing date: a bar of their own after the months, apart from the window.
  const bool has_undated = all.undated.count > 0;
  const float undated_w = has_undated ? std::max(44.f * s, ImGui::CalcTextSize(tr(L, S::UndatedShort)).x + 8 * s) : 0.f;
  const float gap = has_undated ? 10.f * s : 0.f;
  const float w = ImGui::GetContentRegionAvail().x - undated_w - gap;
  const float h = std::max(40.f * s, ImGui::GetContentRegionAvail().y);
  ImGui::InvisibleButton("timeline", {w, h});
  const bool timeline_hovered = ImGui::IsItemHovered(), timeline_activated = ImGui::IsItemActivated(),
             timeline_active = ImGui::IsItemActive();
  const float step = w / n;
  std::vector<std::array<int64_t, kEcosystemCount>> per_month(n, std::array<int64_t, kEcosystemCount>{});
  std::vector<int64_t> totals(n, 0);
  for (size_t k = 0; k < all.by_month.size(); ++k) {
    const int month = all.by_month[k].first;
    if (month < t.first_month || month > t.last_month) continue;
    totals[month - t.first_month] = all.by_month[k].second.count;
    if (k < all.by_month_ecosystem.size()) per_month[month - t.first_month] = all.by_month_ecosystem[k];
  }
  const int64_t peak = std::max<int64_t>({int64_t{1}, *std::max_element(totals.begin(), totals.end()), all.undated.count});
  const int lo = std::clamp(f.month_from, t.first_month, t.last_month) - t.first_month;
  const int hi = std::clamp(f.month_to, t.first_month, t.last_month) - t.first_month;
  const float axis = ImGui::GetTextLineHeight() + 2 * s, bars = h - axis;
  for (int i = 0; i < n; ++i) {
    const bool in = i >= lo && i <= hi;
    float y = p0.y + bars;
    for (int e = 0; e < kEcosystemCount; ++e) {  // stacked bottom-up in the legend's order
      const float bh = (bars - 4 * s) * static_cast<float>(per_month[i][e]) / static_cast<float>(peak);
      if (bh <= 0) continue;
      dl->AddRectFilled({p0.x + i * step + s, y - bh}, {p0.x + (i + 1) * step - s, y}, rgbColor(kEcosystems[e].rgb, in ? 235 : 70));
      y -= bh;
    }
    const int month = t.first_month + i;
    if (month % 12 == 0 || i == 0) {
      const std::string yr = std::to_string(month / 12);
      dl->AddText({p0.x + i * step + 2 * s, p0.y + bars + s}, ImGui::GetColorU32(ImGuiCol_TextDisabled), yr.c_str());
    } else if (step > ImGui::CalcTextSize("00").x * 1.6f && month % 3 == 0) {  // quarters when there is room
      const std::string mm = std::to_string(month % 12 + 1);
      dl->AddText({p0.x + i * step + 2 * s, p0.y + bars + s}, ImGui::GetColorU32(ImGuiCol_TextDisabled), mm.c_str());
    }
  }
  if (has_undated) {  // the undated bar: bright while they count, a click ticks "include undated"
    const float ux0 = p0.x + w + gap, ux1 = ux0 + undated_w;
    ImGui::SetCursorScreenPos({ux0, p0.y});
    ImGui::InvisibleButton("undated", {undated_w, h});
    if (ImGui::IsItemClicked()) t.include_undated = !t.include_undated;
    const bool in = f.undated;
    float y = p0.y + bars;
    for (int e = 0; e < kEcosystemCount; ++e) {
      const float bh = (bars - 4 * s) * static_cast<float>(all.undated_ecosystem[e]) / static_cast<float>(peak);
      if (bh <= 0) continue;
      dl->AddRectFilled({ux0 + 4 * s, y - bh}, {ux1 - 4 * s, y}, rgbColor(kEcosystems[e].rgb, in ? 235 : 70));
      y -= bh;
    }
    dl->AddRect({ux0, p0.y}, {ux1, p0.y + bars}, in ? IM_COL32(30, 60, 110, 255) : ImGui::GetColorU32(ImGuiCol_Border), 3.f * s, 0,
                (in ? 2.f : 1.f) * s);
    dl->AddText({ux0 + 3 * s, p0.y + bars + s}, ImGui::GetColorU32(ImGuiCol_TextDisabled), tr(L, S::UndatedShort));
    if (ImGui::IsItemHovered() && !ui.st.present) {  // no hover UI on the audience's screen
      ImGui::BeginTooltip();
      ImGui::Text("%s: %lld", tr(L, S::Undated), static_cast<long long>(all.undated.count));
      ImGui::TextDisabled("%s", tr(L, in ? (t.include_undated ? S::UndatedIncluded : S::UndatedWholeWindow) : S::UndatedExcluded));
      ImGui::EndTooltip();
    }
  }
  const float hx0 = p0.x + lo * step, hx1 = p0.x + (hi + 1) * step;
  dl->AddRect({hx0, p0.y}, {hx1, p0.y + bars}, IM_COL32(30, 60, 110, 255), 3.f * s, 0, 2.f * s);
  if (t.playing) {  // the play head moves smoothly through the newest month
    const float x = hx1 - step + step * static_cast<float>(std::min(1.0, t.stepFraction()));
    dl->AddLine({x, p0.y}, {x, p0.y + bars}, IM_COL32(200, 40, 40, 220), 2 * s);
  }

  const float mx = ImGui::GetIO().MousePos.x;
  const int m = std::clamp(static_cast<int>(std::floor((mx - p0.x) / step)), 0, n - 1);
  const float grip = std::max(6.f * s, std::min(step * 0.5f, 10.f * s));  // how near an edge counts as on it
  if (timeline_hovered || drag != Drag::None) {
    const bool on_edge = std::abs(mx - hx0) <= grip || std::abs(mx - hx1) <= grip;
    const bool inside = mx > hx0 && mx < hx1;
    if (drag == Drag::From || drag == Drag::To || (drag == Drag::None && on_edge)) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    else if (drag == Drag::Window || inside) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  }
  if (timeline_hovered && drag == Drag::None && !ui.st.present) {  // what the bar under the cursor holds (not in presentation)
    ImGui::BeginTooltip();
    ImGui::Text("%s: %lld", formatMonth(t.first_month + m).c_str(), static_cast<long long>(totals[m]));
    for (int e = 0; e < kEcosystemCount; ++e)
      if (per_month[m][e] > 0)
        ImGui::TextColored(ImColor(rgbColor(kEcosystems[e].rgb)), "● %s  %lld", tr(L, "eco." + std::string(kEcosystems[e].id)),
                           static_cast<long long>(per_month[m][e]));
    ImGui::TextDisabled("%s", tr(L, S::StepHint));
    ImGui::EndTooltip();
  }
  if (timeline_activated) {
    t.playing = false;
    if (std::abs(mx - hx0) <= grip && std::abs(mx - hx0) <= std::abs(mx - hx1)) drag = Drag::From;
    else if (std::abs(mx - hx1) <= grip) drag = Drag::To;
    else if (mx > hx0 && mx < hx1) drag = Drag::Window, grab_month = m - lo;
    else drag = std::abs(mx - hx0) < std::abs(mx - hx1) ? Drag::From : Drag::To;  // outside: nearer edge jumps there
  }
  if (timeline_active) {
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
