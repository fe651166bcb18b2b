// Filters: ecosystem, chain, sector (manufacturing, service, and "not stated" when a project is),
// size, district, park. They edit AppState::filter, which the points shader mirrors and the
// derived statistics recompute from. The chain and district lists narrow from "all" one tick at a
// time, and every row has "only" to isolate it in one click.
#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "ui/panels.h"

namespace cm {

static void bitCheckbox(const char* label, uint32_t& mask, int bit) {
  bool on = mask >> bit & 1u;
  if (ImGui::Checkbox(label, &on)) mask = on ? mask | 1u << bit : mask & ~(1u << bit);
}

// A dropdown of n named ids with a checkbox and an "only" button a row, and "All" on top.
template <class NameFn>
static void idSetCombo(const char* id, const std::string& preview, IdSet& set, int n, NameFn name, Lang L) {
  const float only_w = ImGui::CalcTextSize(tr(L, S::Only)).x + ImGui::GetStyle().FramePadding.x * 2;
  float widest = 0;
  for (int i = 0; i < n; ++i) widest = std::max(widest, ImGui::CalcTextSize(name(i).c_str()).x);
  const float row_w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + widest + 16 + only_w +
                      2 * ImGui::GetStyle().WindowPadding.x;
  ImGui::SetNextItemWidth(-1);
  ImGui::SetNextWindowSizeConstraints({std::max(ImGui::GetContentRegionAvail().x, row_w), 0}, {FLT_MAX, FLT_MAX});
  if (!ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge)) return;
  if (ImGui::Selectable(tr(L, S::All), set.isAll(), ImGuiSelectableFlags_DontClosePopups)) set = IdSet::all();
  const float only_x = ImGui::GetWindowContentRegionMax().x - only_w;
  for (int i = 0; i < n; ++i) {
    ImGui::PushID(i);
    bool on = set.contains(i);
    if (ImGui::Checkbox(name(i).c_str(), &on)) set.set(i, on, n);
    ImGui::SameLine(only_x);
    if (ImGui::SmallButton(tr(L, S::Only))) set = IdSet::only(i);
    ImGui::PopID();
  }
  ImGui::EndCombo();
}

// Whether the third sector box ("not stated") is offered: the model has a project that states no
// sector (one byte a row, scanned until the first; no more than a memchr a frame), or in remote
// mode the database counts one — or the box is unticked, so that it can be ticked again.
static bool offerUnknownSector(const UiContext& ui) {
  static_assert(sizeof(Sector) == 1);
  if (!(ui.st.filter.sectors >> static_cast<int>(Sector::Unknown) & 1u)) return true;
  const Column<Sector>& s = ui.model.projects.sector;
  if (!s.empty()) return std::memchr(s.data(), static_cast<int>(Sector::Unknown), s.size()) != nullptr;
  return ui.derived.remote() && ui.derived.allTime().by_sector[static_cast<int>(Sector::Unknown)].count > 0;
}

template <class NameFn>
static std::string setPreview(const IdSet& set, int n, NameFn name, const char* all, const char* what) {
  if (set.isAll()) return all;
  const int k = set.count(n);
  if (k == 1)
    for (int i = 0; i < n; ++i)
      if (set.contains(i)) return std::string(what) + ": " + name(i);
  return std::string(what) + ": " + std::to_string(k) + " / " + std::to_string(n);
}

void drawFiltersPanel(UiContext& ui) {
  AppState& st = ui.st;
  Filter& f = st.filter;
  const Lang L = st.lang;
  if (!ImGui::CollapsingHeader((std::string(tr(L, S::Filters)) + "###filters").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;

  ImGui::TextDisabled("%s", tr(L, S::Ecosystem));
  for (int e = 0; e < kEcosystemCount; ++e) {
    const uint32_t rgb = kEcosystems[e].rgb;
    ImGui::PushID(e);
    ImGui::PushStyleColor(ImGuiCol_CheckMark, IM_COL32(rgb >> 16, (rgb >> 8) & 255, rgb & 255, 255));
    bitCheckbox(ecosystemName(L, static_cast<Ecosystem>(e)), f.ecosystems, e);
    ImGui::PopStyleColor();
    ImGui::PopID();
    if (e % 2 == 0) ImGui::SameLine(150 * ui.s());
  }

  const int nc = static_cast<int>(ui.model.projects.chain_names.size());
  auto chain = [&](int c) { return chainName(ui.model, L, c); };
  const std::string chain_all = std::string(tr(L, S::Chain)) + ": " + tr(L, S::AllChains);
  idSetCombo("##chains", setPreview(f.chains, nc, chain, chain_all.c_str(), tr(L, S::Chain)), f.chains, nc, chain, L);

  ImGui::TextDisabled("%s", tr(L, S::Sector));
  bitCheckbox(tr(L, S::Manufacturing), f.sectors, static_cast<int>(Sector::Manufacturing));
  ImGui::SameLine(150 * ui.s());
  bitCheckbox(tr(L, S::Service), f.sectors, static_cast<int>(Sector::Service));
  if (offerUnknownSector(ui)) bitCheckbox(tr(L, S::SectorUnknown), f.sectors, static_cast<int>(Sector::Unknown));

  ImGui::TextDisabled("%s (%s)", tr(L, S::SizeClass), yiUnit(L));
  const float classes[] = {0, 1, 10, 50, 100};
  for (int i = 0; i < 5; ++i) {  // in the language's unit: ≥1 亿元 is ≥ CNY 0.1 bn
    if (i) ImGui::SameLine();
    const std::string name = i ? "≥" + formatYiCompact(classes[i], L) : std::string(tr(L, S::Any));
    if (ImGui::RadioButton(name.c_str(), f.min_investment_yi == classes[i])) f.min_investment_yi = classes[i];
  }

  const int nd = static_cast<int>(ui.model.districts.size());
  auto district = [&](int d) { return districtName(ui.model, L, d); };
  idSetCombo("##districts", setPreview(f.districts, nd, district, tr(L, S::AllDistricts), tr(L, S::District)), f.districts,
             nd, district, L);

  ImGui::TextDisabled("%s", tr(L, S::ParkMode));
  int pm = static_cast<int>(f.park);
  ImGui::RadioButton(tr(L, S::Any), &pm, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr(L, S::InPark), &pm, 1);
  ImGui::SameLine();
  ImGui::RadioButton(tr(L, S::OutPark), &pm, 2);
  f.park = static_cast<ParkMode>(pm);
  ImGui::Checkbox(tr(L, S::ForeignOnly), &f.foreign_only);

  if (ImGui::Button(tr(L, S::Reset))) {
    const Filter fresh;
    f = fresh;
    f.month_from = st.timeline.first_month;
    f.month_to = st.timeline.last_month;
  }
}

}  // namespace cm
