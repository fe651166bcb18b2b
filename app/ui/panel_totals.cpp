// Live totals of what passes the filter, and progress towards the annual targets for the year
// the time window ends in.
#include <imgui.h>

#include <algorithm>

#include "core/dates.h"
#include "ui/cjk_text.h"
#include "ui/panels.h"

namespace cm {

// A progress bar whose text stays readable: a light fill under dark text.
static void progressBar(const char* text, float fraction) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFrameHeight();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, {p.x + w, p.y + h}, ImGui::GetColorU32(ImGuiCol_FrameBg), 4);
  dl->AddRectFilled(p, {p.x + w * std::clamp(fraction, 0.f, 1.f), p.y + h}, IM_COL32(150, 190, 232, 255), 4);
  const ImVec2 ts = ImGui::CalcTextSize(text);
  dl->AddText({p.x + (w - ts.x) / 2, p.y + (h - ts.y) / 2}, IM_COL32(20, 30, 45, 255), text);
  ImGui::Dummy({w, h});
}

void drawTotalsPanel(UiContext& ui) {
  const Lang L = ui.st.lang;
  const Stats& s = ui.derived.stats();
  const bool any = hasProjects(ui);  // an empty table (e.g. one waiting for its mapping)
  ImGui::TextUnformatted(tr(L, S::Totals));
  ImGui::SameLine();
  if (any) ImGui::TextDisabled("%s", timeWindowText(ui.st).c_str());
  ImGui::Separator();
  ImGui::PushFont(ui.fonts.title);
  ImGui::Text("%lld", static_cast<long long>(s.total.count));
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(L, S::Count));
  ImGui::PushFont(ui.fonts.title);
  ImGui::TextUnformatted(formatYiNumber(s.total.investment_yi, L).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(L, S::TotalInvest));
  if (s.investment_unknown > 0) {  // counted, but their amounts are not in the sum
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    textWrappedCjk(render(L, Msg("totals.unknown").arg("n", std::to_string(s.investment_unknown))), ImGui::GetContentRegionAvail().x);
    ImGui::PopStyleColor();
  }
  const double share = s.total.count ? 100.0 * s.in_parks / s.total.count : 0.0;
  ImGui::Text("%s: %lld (%.1f%%)", tr(L, S::InParks), static_cast<long long>(s.in_parks), share);
  ImGui::Text("≥%s: %lld   ≥%s: %lld   ≥%s: %lld  (%s)", formatYiCompact(kSizeClassesYi[0], L).c_str(),
              static_cast<long long>(s.by_size[0].count), formatYiCompact(kSizeClassesYi[1], L).c_str(),
              static_cast<long long>(s.by_size[1].count), formatYiCompact(kSizeClassesYi[2], L).c_str(),
              static_cast<long long>(s.by_size[2].count), yiUnit(L));
  ImGui::Text("%s: %.1f%%", tr(L, S::ParkMatch), 100.0 * s.parkMatchShare());
  // None for a table without signing dates (a target counts signings); in remote mode once the
  // database has answered.
  if (const TargetProgress* t = (ui.model.projects.size() || ui.derived.remote()) && ui.st.timeline.dated ? ui.derived.targets() : nullptr) {
    ImGui::Separator();
    // The targets count the whole city (core/targets.h), whatever the filter: said on the title,
    // and spelt out when the filter shows something else, so the bars are not read as its progress.
    ImGui::Text("%s · %s", tr(L, S::TargetsTitle), tr(L, S::TargetsCityWide));
    ImGui::TextDisabled("%d · %s %s", t->year, tr(L, S::Through), formatMonth(t->through_month).c_str());
    if (ui.st.filter.attributes() != Filter{}) {  // a filter that leaves part of the city's projects out
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
      char note[256];
      std::snprintf(note, sizeof note, tr(L, S::TargetsNotTheFilter), t->year);
      textWrappedCjk(note, ImGui::GetContentRegionAvail().x);
      ImGui::PopStyleColor();
    }
    if (!t->has_target) {
      ImGui::TextWrapped("%s %d", tr(L, S::NoTargetFor), t->year);
      return;
    }
    auto bar = [&](const char* what, int64_t n, int target) {
      const float f = target > 0 ? static_cast<float>(n) / target : 0.f;
      char text[96];
      std::snprintf(text, sizeof text, "%s %s  %lld / %d  (%.1f%%)", tr(L, S::TargetsCityWide), what, static_cast<long long>(n), target, 100.f * f);
      progressBar(text, f);
    };
    bar(formatYiAtLeast(1, L).c_str(), t->n1, t->targets.projects_1yi);
    bar(formatYiAtLeast(10, L).c_str(), t->n10, t->targets.projects_10yi);
  }
}

}  // namespace cm
