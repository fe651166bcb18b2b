// Live totals of what passes the filter.
#include <imgui.h>

#include "core/dates.h"
#include "ui/panels.h"

namespace cm {

void drawTotalsPanel(UiContext& ui) {
  const Lang L = ui.st.lang;
  const Stats& s = ui.stats;
  ImGui::TextUnformatted(tr(L, S::Totals));
  ImGui::SameLine();
  ImGui::TextDisabled("%s – %s", formatMonth(ui.st.filter.month_from).c_str(), formatMonth(ui.st.filter.month_to).c_str());
  ImGui::Separator();
  ImGui::PushFont(ui.fonts.title);
  ImGui::Text("%lld", static_cast<long long>(s.total.count));
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(L, S::Count));
  ImGui::PushFont(ui.fonts.title);
  ImGui::Text("%.1f", s.total.investment_yi);
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(L, S::TotalInvest));
  const double share = s.total.count ? 100.0 * s.in_parks / s.total.count : 0.0;
  ImGui::Text("%s: %lld (%.1f%%)", tr(L, S::InParks), static_cast<long long>(s.in_parks), share);
  ImGui::Text("≥1: %lld   ≥10: %lld   ≥50: %lld  (%s)", static_cast<long long>(s.by_size[0].count),
              static_cast<long long>(s.by_size[1].count), static_cast<long long>(s.by_size[2].count), tr(L, S::Yi));
  ImGui::Text("%s: %.1f%%", tr(L, S::ParkMatch), 100.0 * s.parkMatchShare());
  if (const TargetProgress* t = ui.targets) {
    ImGui::Separator();
    ImGui::TextUnformatted(tr(L, S::TargetsTitle));
    ImGui::TextDisabled("%d · %s %s", t->targets.year, tr(L, S::Through), formatMonth(t->through_month).c_str());
    auto bar = [&](const char* what, int64_t n, int target) {
      const float f = target > 0 ? static_cast<float>(n) / target : 0.f;
      char text[96];
      std::snprintf(text, sizeof text, "%s  %lld / %d  (%.1f%%)", what, static_cast<long long>(n), target, 100.f * f);
      ImGui::PushStyleColor(ImGuiCol_PlotHistogram, IM_COL32(52, 101, 164, 255));
      ImGui::ProgressBar(std::min(f, 1.f), {-1, 0}, text);
      ImGui::PopStyleColor();
    };
    bar("≥1", t->n1, t->targets.projects_1yi);
    bar("≥10", t->n10, t->targets.projects_10yi);
  }
}

}  // namespace cm
