// Filters: ecosystem, chain, sector, size, district, park. They edit AppState::filter, which the
// shaders read as uniforms and the totals recompute from.
#include <imgui.h>

#include "ui/panels.h"

namespace cm {

static void bitCheckbox(const char* label, uint32_t& mask, int bit) {
  bool on = mask >> bit & 1u;
  if (ImGui::Checkbox(label, &on)) mask = on ? mask | 1u << bit : mask & ~(1u << bit);
}

void drawFiltersPanel(UiContext& ui) {
  AppState& st = ui.st;
  Filter& f = st.filter;
  const Lang L = st.lang;
  if (!ImGui::CollapsingHeader(tr(L, S::Filters), ImGuiTreeNodeFlags_DefaultOpen)) return;

  ImGui::TextDisabled("%s", tr(L, S::Ecosystem));
  for (int e = 0; e < kEcosystemCount; ++e) {
    const uint32_t rgb = kEcosystems[e].rgb;
    ImGui::PushID(e);
    ImGui::PushStyleColor(ImGuiCol_CheckMark, IM_COL32(rgb >> 16, (rgb >> 8) & 255, rgb & 255, 255));
    bitCheckbox(ecosystemName(L, static_cast<Ecosystem>(e)), f.ecosystems, e);
    ImGui::PopStyleColor();
    ImGui::PopID();
    if (e % 2 == 0) ImGui::SameLine(150);
  }

  // Chains: a combo with a checkbox per chain.
  const auto& chains = ui.model.projects.chain_names;
  int on = 0;
  for (size_t c = 0; c < chains.size() && c < 64; ++c) on += f.chains >> c & 1ull;
  std::string preview = on == static_cast<int>(chains.size()) ? tr(L, S::AllChains)
                                                              : std::to_string(on) + " / " + std::to_string(chains.size());
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##chains", (std::string(tr(L, S::Chain)) + ": " + preview).c_str())) {
    if (ImGui::Selectable(tr(L, S::AllChains))) f.chains = ~0ull;
    for (size_t c = 0; c < chains.size() && c < 64; ++c) {
      bool sel = f.chains >> c & 1ull;
      if (ImGui::Checkbox(chainName(ui.model, L, static_cast<int>(c)).c_str(), &sel))
        f.chains = sel ? f.chains | 1ull << c : f.chains & ~(1ull << c);
    }
    ImGui::EndCombo();
  }

  ImGui::TextDisabled("%s", tr(L, S::Sector));
  bitCheckbox(tr(L, S::Manufacturing), f.sectors, 0);
  ImGui::SameLine(150);
  bitCheckbox(tr(L, S::Service), f.sectors, 1);

  ImGui::TextDisabled("%s", tr(L, S::SizeClass));
  const float classes[] = {0, 1, 10, 50, 100};
  const char* names[] = {tr(L, S::Any), "≥1", "≥10", "≥50", "≥100"};
  for (int i = 0; i < 5; ++i) {
    if (i) ImGui::SameLine();
    if (ImGui::RadioButton(names[i], f.min_investment_yi == classes[i])) f.min_investment_yi = classes[i];
  }

  // Districts: a combo with a checkbox per district.
  const int nd = static_cast<int>(ui.model.districts.size());
  ImGui::SetNextItemWidth(-1);
  const std::string dprev = f.districts == ~0u ? tr(L, S::AllDistricts) : tr(L, S::District);
  if (ImGui::BeginCombo("##districts", dprev.c_str())) {
    if (ImGui::Selectable(tr(L, S::AllDistricts))) f.districts = ~0u;
    for (int d = 0; d < nd && d < 31; ++d) {
      bool sel = f.districts >> d & 1u;
      if (ImGui::Checkbox(districtName(ui.model, L, d).c_str(), &sel)) {
        if (f.districts == ~0u) f.districts = 0;  // first pick narrows "all" to the chosen ones
        f.districts = sel ? f.districts | 1u << d : f.districts & ~(1u << d);
        if (f.districts == 0) f.districts = ~0u;
      }
    }
    ImGui::EndCombo();
  }

  ImGui::TextDisabled("%s", tr(L, S::ParkMode));
  int pm = static_cast<int>(f.park);
  ImGui::RadioButton(tr(L, S::Any), &pm, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr(L, S::InPark), &pm, 1);
  ImGui::SameLine();
  ImGui::RadioButton(tr(L, S::OutPark), &pm, 2);
  f.park = static_cast<ParkMode>(pm);

  if (ImGui::Button(tr(L, S::Reset))) {
    const Filter fresh;
    f = fresh;
    f.month_from = st.timeline.first_month;
    f.month_to = st.timeline.last_month;
  }
}

}  // namespace cm
