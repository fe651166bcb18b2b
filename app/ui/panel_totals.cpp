// Live totals of what passes the filter.
#include <imgui.h>

#include "core/dates.h"
#include "ui/panels.h"

namespace cm {

void drawTotalsPanel(UiContext& ui) {
  const Lang L = ui.st.lang;
  const Summary& s = ui.summary;
  ImGui::TextUnformatted(tr(L, S::Totals));
  ImGui::SameLine();
  ImGui::TextDisabled("%s – %s", formatMonth(ui.st.filter.month_from).c_str(), formatMonth(ui.st.filter.month_to).c_str());
  ImGui::Separator();
  ImGui::PushFont(ui.fonts.title);
  ImGui::Text("%d", s.count);
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(L, S::Count));
  ImGui::PushFont(ui.fonts.title);
  ImGui::Text("%.1f", s.investment_yi);
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr(L, S::TotalInvest));
  const float share = s.count ? 100.f * s.in_parks / s.count : 0.f;
  ImGui::Text("%s: %d (%.1f%%)", tr(L, S::InParks), s.in_parks, share);
  ImGui::Text("≥10%s: %d   ≥50%s: %d", tr(L, S::Yi), s.by_size[1], tr(L, S::Yi), s.by_size[2]);
}

}  // namespace cm
