// The ImGui panels, one file each. Every panel is a free function of (state, model, derived
// data): it reads the state every frame and writes the user's changes straight back into it.
#pragma once
#include <array>
#include <vector>

#include "core/binning.h"
#include "core/model.h"
#include "core/stats.h"
#include "core/stats_report.h"
#include "ui/app_state.h"
#include "ui/fonts.h"

namespace cm {

// Progress towards the annual targets (assets/targets.json): manufacturing projects signed from
// January of the target year up to the end of the time window.
struct TargetProgress {
  Targets targets;
  int through_month = 0;  // last month counted
  int64_t n1 = 0, n10 = 0;
};

// Derived data, never a second source of truth: recomputed by the statistics engine when the
// filter changes.
struct UiContext {
  AppState& st;
  const Model& model;
  const Stats& stats;     // what passes the filter and the time window
  const Stats& all_time;  // the same attribute filter over the whole timeline (histogram)
  const Fonts& fonts;
  const TargetProgress* targets = nullptr;  // null when assets/targets.json is missing
  const Binning* bins = nullptr;            // the bubbles on the map; null when not aggregated
};

void drawTitleAndLayersPanel(UiContext& ui);   // ui/panel_layers.cpp
void drawFiltersPanel(UiContext& ui);          // ui/panel_filters.cpp
void drawLegendPanel(UiContext& ui);           // ui/panel_legend.cpp
void drawTimelinePanel(UiContext& ui);         // ui/panel_timeline.cpp
void drawTotalsPanel(UiContext& ui);           // ui/panel_totals.cpp
void drawProjectTooltip(UiContext& ui, int row);  // ui/tooltip.cpp
void drawProjectCard(UiContext& ui, int row);     // ui/tooltip.cpp: pinned next to the project
void drawBinTooltip(UiContext& ui, const Bin& b); // ui/tooltip.cpp
void drawMessagesPanel(UiContext& ui);         // ui/panel_messages.cpp
void drawChainsPanel(UiContext& ui);           // ui/panel_chains.cpp

// Helpers shared by panels.
const char* ecosystemName(Lang l, Ecosystem e);
std::string districtName(const Model& m, Lang l, int district_index);
std::string chainName(const Model& m, Lang l, int chain);
Ecosystem ecosystemOfChain(const Model& m, int chain);  // from the catalogue; Other when unknown

}  // namespace cm
