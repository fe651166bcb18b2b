// Draws on ImGui's background list, over the map (which is blitted to the frame first): park
// markers and names, district labels placed without overlaps. Cheap enough to run every frame.
#pragma once
#include <imgui.h>

#include <vector>

#include "geo/label_placement.h"
#include "ui/panels.h"

namespace cm {

class MapRenderer;

// Records the screen box of the current ImGui window (call between Begin and End), so map
// labels can avoid the panels.
void notePanelBox(std::vector<LabelBox>& boxes);

// `panels`: screen boxes the panels cover this frame; labels are kept clear of them.
void drawMapOverlay(UiContext& ui, const std::vector<LabelBox>& panels);
void drawParkMarker(ImDrawList* dl, ImVec2 c, float r);  // ui/panel_legend.cpp

}  // namespace cm
