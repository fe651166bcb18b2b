// The registered panels: id, dock, shown in presentation mode, how to draw. A new panel is one
// file and one line here.
#include <memory>

#include "ui/panels.h"

namespace cm {

std::vector<PanelSpec> makePanels() {
  auto timeline = std::make_shared<TimelinePanel>();
  auto kpis = std::make_shared<KpiPanel>();
  auto present = [](const UiContext& ui) { return ui.layout.present; };
  auto tour_step = [](const UiContext& ui) { return ui.st.tour.open && ui.st.tour.step >= 0; };
  return {
      {"title_layers", Dock::Left, true, drawTitleAndLayersPanel},
      {"tour", Dock::Left, false, drawTourPanel},
      {"analysis", Dock::Left, false, drawAnalysisPanel},
      {"filters", Dock::Left, false, drawFiltersPanel},
      {"chains", Dock::Left, false, drawChainsPanel},
      {"totals", Dock::RightTop, false, drawTotalsPanel},
      {"kpis", Dock::RightTop, true, [kpis](UiContext& ui) { kpis->draw(ui); }, present},
      {"caption", Dock::Caption, true, drawCaptionPanel, tour_step},
      {"legend", Dock::RightBottom, true, drawLegendPanel},
      {"timeline", Dock::Bottom, true, [timeline](UiContext& ui) { timeline->draw(ui); }},
  };
}

}  // namespace cm
