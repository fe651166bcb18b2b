// The ImGui panels, one file each. Every panel is a free function of (state, model, derived
// data): it reads the state every frame and writes the user's changes straight back into it.
#pragma once
#include <array>
#include <vector>

#include "core/model.h"
#include "ui/app_state.h"
#include "ui/fonts.h"

namespace cm {

// Derived, never a second source of truth: recomputed when the filter changes.
struct Summary {
  int count = 0, in_parks = 0;
  double investment_yi = 0;
  std::array<int, kEcosystemCount> by_ecosystem{};
  std::array<int, 4> by_size{};     // ≥1, ≥10, ≥50, ≥100 亿元
  std::vector<int> by_month;        // from timeline.first_month, attributes filtered, all months
};

Summary summarize(const Model& m, const Filter& f, const Timeline& t);

struct UiContext {
  AppState& st;
  const Model& model;
  const Summary& summary;
  const Fonts& fonts;
};

void drawTitleAndLayersPanel(UiContext& ui);   // ui/panel_layers.cpp
void drawFiltersPanel(UiContext& ui);          // ui/panel_filters.cpp
void drawLegendPanel(UiContext& ui);           // ui/panel_legend.cpp
void drawTimelinePanel(UiContext& ui);         // ui/panel_timeline.cpp
void drawTotalsPanel(UiContext& ui);           // ui/panel_totals.cpp
void drawProjectTooltip(UiContext& ui, int row);  // ui/tooltip.cpp
void drawMessagesPanel(UiContext& ui);         // ui/panel_messages.cpp

// Helpers shared by panels.
const char* ecosystemName(Lang l, Ecosystem e);
std::string districtName(const Model& m, Lang l, int district_index);
std::string chainName(const Model& m, Lang l, int chain);

}  // namespace cm
