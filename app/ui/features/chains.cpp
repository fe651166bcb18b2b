// Chains: the leading chains of the selection (bars in the sidebar), chain leaders' arcs to the
// projects that followed them, and one chain shown across the city with its medians.
#include <imgui.h>

#include <cmath>

#include "core/analysis/chains.h"
#include "core/analysis/products.h"
#include "core/names.h"
#include "geo/measure.h"
#include "render/layers/layers.h"
#include "data/analysis_reports/chains_report.h"
#include "ui/cjk_text.h"
#include "ui/features/features.h"

namespace cm {

namespace {

void drawChainViewSection(UiContext& ui) {
  AppState& st = ui.st;
  const Lang L = st.lang;
  int& view = st.features.get<ChainSettings>(ids::kChains).chain_view;
  const Projects& p = ui.model.projects;
  ImGui::TextDisabled("%s", tr(L, S::AnaChainView));
  ImGui::SetNextItemWidth(-FLT_MIN);
  const std::string current = view >= 0 ? chainName(ui.model, L, view) : tr(L, S::AnaChainNone);
  if (ImGui::BeginCombo("##chain_view", current.c_str())) {
    if (ImGui::Selectable(tr(L, S::AnaChainNone), view < 0)) view = -1;
    for (size_t c = 0; c < p.chain_names.size(); ++c)
      if (ImGui::Selectable(chainName(ui.model, L, static_cast<int>(c)).c_str(), view == static_cast<int>(c))) view = static_cast<int>(c);
    ImGui::EndCombo();
  }
  if (view < 0) return;
  const ChainView v = chainView(ui.model, st.filter, view);
  textWrappedCjk(chainViewSummary(ui.model, L, v), ImGui::GetContentRegionAvail().x);
}

}  // namespace

UiFeature makeChainsFeature() {
  UiFeature f;
  f.id = ids::kChains;
  f.settings = [] { return std::make_unique<Settings<ChainSettings>>(); };
  f.layers = [](auto& v) { v.push_back(makeArcsLayer()); };
  f.panels = {{"chains", Dock::Left, false, drawChainsPanel, {}, {}, 40},
              {"chain_view", Dock::Left, false, drawChainViewSection, {}, "analysis", 50}};
  f.analyses = {chainsCommand()};
  return f;
}

}  // namespace cm
