// Dispersion: the Clark–Evans nearest-neighbour index per ecosystem, in its window (computed while
// the window is open).
#include <imgui.h>

#include "core/analysis/products.h"
#include "data/analysis_reports/nni_report.h"
#include "ui/features/features.h"

namespace cm {

UiFeature makeNniFeature() {
  UiFeature f;
  f.id = ids::kNni;
  f.settings = [] { return std::make_unique<Settings<NniSettings>>(); };
  f.products = [](Derived& d) { d.addProduct(ids::kNni, std::make_unique<NniProduct>()); };
  f.panels = {{"nni_analysis", Dock::Left, false,
               [](UiContext& ui) {
                 bool& open = ui.st.features.get<NniSettings>(ids::kNni).window_open;
                 if (ImGui::SmallButton(tr(ui.st.lang, S::AnaDispersion))) open = !open;
               },
               {}, "analysis", 40}};
  f.windows = {{"###nni", drawNniWindow}};
  f.demands = [](const AppState& st, std::set<std::string>& out) {
    if (st.features.get<NniSettings>(ids::kNni).window_open) out.insert(ids::kNni);
  };
  f.analyses = {nniCommand()};
  return f;
}

}  // namespace cm
