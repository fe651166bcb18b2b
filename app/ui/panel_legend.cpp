// Legend: a title, then each layer's own entry in legend order (projects: ecosystem colours with
// live counts and the size classes; bubbles: what a bubble means; parks: the marker).
#include <imgui.h>

#include "ui/panels.h"

namespace cm {

void drawLegendPanel(UiContext& ui) {
  ImGui::TextUnformatted(tr(ui.st.lang, S::Legend));
  ImGui::Separator();
  for (size_t i : ui.layers.legendOrder())  // only what the map shows
    if (ui.layers.shown(i, ui.frame, ui.st.layers)) ui.layers.at(i).legend(ui.frame);
}

}  // namespace cm
