// Draws on ImGui's background list: the cached map texture, park markers and names, district
// labels (placed without overlaps), and the hover ring. Cheap enough to run every frame.
#pragma once
#include <imgui.h>

#include <vector>

#include "geo/label_placement.h"
#include "ui/panels.h"

namespace cm {

class MapRenderer;

// Screen boxes the panels cover, so labels avoid them.
std::vector<LabelBox> panelObstacles(const View& v);

void drawMapOverlay(UiContext& ui, unsigned map_texture);
void drawParkMarker(ImDrawList* dl, ImVec2 c, float r);  // ui/panel_legend.cpp

}  // namespace cm
