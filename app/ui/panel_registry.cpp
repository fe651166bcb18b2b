// The registered panels: id, dock, shown in presentation mode, how to draw. A new panel is one
// file and one line here.
#include <memory>

#include "ui/panels.h"

namespace cm {

std::vector<PanelSpec> makePanels() {
  auto timeline = std::make_shared<TimelinePanel>();
  return {
      {"title_layers", Dock::Left, true, drawTitleAndLayersPanel},
      {"filters", Dock::Left, false, drawFiltersPanel},
      {"chains", Dock::Left, false, drawChainsPanel},
      {"totals", Dock::RightTop, true, drawTotalsPanel},
      {"legend", Dock::RightBottom, true, drawLegendPanel},
      {"timeline", Dock::Bottom, true, [timeline](UiContext& ui) { timeline->draw(ui); }},
  };
}

}  // namespace cm
