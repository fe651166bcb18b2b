// A project's details: name, ecosystem, chain, investment, date, district, park. Shown as the
// hover tooltip, and as a card pinned next to the selected project (click, or --select ID).
#include <imgui.h>

#include "core/dates.h"
#include "ui/panels.h"

namespace cm {

static void drawProjectDetails(UiContext& ui, int i) {
  const Projects& p = ui.model.projects;
  const Lang L = ui.st.lang;
  ImGui::TextUnformatted((L == Lang::Zh ? p.name_zh[i] : p.name_en[i]).c_str());
  ImGui::Separator();
  if (ui.model.projects_synthetic) ImGui::TextDisabled("%s", tr(L, S::Synthetic));
  const uint32_t rgb = info(p.ecosystem[i]).rgb;
  ImGui::TextColored(ImColor(int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)), "● %s",
                     ecosystemName(L, p.ecosystem[i]));
  ImGui::SameLine();
  ImGui::TextDisabled("· %s", chainName(ui.model, L, p.chain[i]).c_str());
  ImGui::Text("%s: %.1f %s", tr(L, S::Investment), p.investment_yi[i], tr(L, S::Yi));
  ImGui::Text("%s: %s", tr(L, S::SignedDate), formatDate(p.signed_day[i]).c_str());
  ImGui::Text("%s: %s", tr(L, S::District), districtName(ui.model, L, p.district_index[i]).c_str());
  const int park = p.park_index[i];
  if (park >= 0) {
    const Park& pk = ui.model.parks[park];
    ImGui::Text("%s: %s%s", tr(L, S::ParkL), (L == Lang::Zh ? pk.name_zh : pk.name_en).c_str(), p.in_park[i] ? "" : " (?)");
  } else {
    ImGui::TextDisabled("%s", tr(L, S::NoPark));
  }
  if (p.chain_leader[i]) ImGui::TextColored(ImColor(178, 34, 34), "%s", tr(L, S::ChainLeader));
  if (!p.foreign[i].empty()) ImGui::Text("%s: %s", tr(L, S::Foreign), p.foreign[i].c_str());
}

void drawProjectTooltip(UiContext& ui, int i) {
  if (i < 0 || i >= static_cast<int>(ui.model.projects.size())) return;
  ImGui::BeginTooltip();
  drawProjectDetails(ui, i);
  ImGui::EndTooltip();
}

void drawBinTooltip(UiContext& ui, const Bin& b) {
  const Lang L = ui.st.lang;
  ImGui::BeginTooltip();
  ImGui::Text("%d %s · %.1f %s", b.count, tr(L, S::BinProjects), b.investment_yi, tr(L, S::Yi));
  if (ui.model.projects_synthetic) ImGui::TextDisabled("%s", tr(L, S::Synthetic));
  ImGui::Separator();
  for (int e = 0; e < kEcosystemCount; ++e) {
    if (!b.by_ecosystem[e]) continue;
    const uint32_t rgb = kEcosystems[e].rgb;
    ImGui::TextColored(ImColor(int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)), "●");
    ImGui::SameLine();
    ImGui::Text("%s  %d", ecosystemName(L, static_cast<Ecosystem>(e)), b.by_ecosystem[e]);
  }
  ImGui::EndTooltip();
}

void drawProjectCard(UiContext& ui, int i) {
  const Projects& p = ui.model.projects;
  if (i < 0 || i >= static_cast<int>(p.size())) return;
  const Vec2 s = ui.st.view.toScreen({p.x[i], p.y[i]});
  ImGui::SetNextWindowPos({static_cast<float>(s.x) + 22, static_cast<float>(s.y) - 22}, ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.97f);
  ImGui::Begin("##project_card", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
  drawProjectDetails(ui, i);
  ImGui::End();
}

}  // namespace cm
