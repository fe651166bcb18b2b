// The panels: each is a function of (state, model, derived data) drawn every frame, reading the
// state and writing the user's changes straight back into it. Features register them
// (ui/feature.h) with where they dock — or the section of another panel they belong to — and
// whether presentation mode shows them; the App draws them from that list. Panel-local state (a
// drag in progress) lives in the panel's struct.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/derived.h"
#include "core/message.h"
#include "core/money.h"
#include "core/model.h"
#include "core/names.h"
#include "render/layer_stack.h"
#include "ui/app_state.h"
#include "ui/fonts.h"
#include "ui/layout.h"

namespace cm {

// What every panel can read this frame. A feature's settings are in `st.features`, its derived
// products in `derived`, its layers in `layers`: this struct does not grow with features.
class AppServices;  // ui/feature.h
struct PanelSpec;
struct UiFeature;   // ui/feature.h

struct UiContext {
  AppState& st;
  const Model& model;
  const Derived& derived;
  const Fonts& fonts;
  const LayerStack& layers;
  const LayerFrame& frame;  // what the layers see (for their legend entries)
  const layout::Layout& layout;  // where the docks are, the UI scale, present/compact
  double dt = 0;                 // seconds since the last frame (0: show end states at once, e.g. a screenshot)
  AppServices* app = nullptr;    // what the App does for panels (open a table, save an image …)
  const std::vector<PanelSpec>* panels = nullptr;  // every registered panel (a panel draws its sections)
  const std::vector<UiFeature>* features = nullptr;  // every registered feature (what they add to shared views)
  float s() const { return layout.scale; }  // design pixels → pixels
};

// The sections another panel draws inside itself, in registration order: the Layers panel's
// ("layers": a layer's options), the sidebar's toolbar ("toolbar": a feature's buttons), the
// Analysis panel's ("analysis").
void drawSections(UiContext& ui, const std::string& section);
// A toolbar button (SmallButton) beside the previous one, or on a new line when it would not fit.
bool toolbarButton(const char* label);

// Whether there are projects to show: rows in the model, or a registry left in PostGIS (remote
// mode: the model has none, the statistics come from the database).
inline bool hasProjects(const UiContext& ui) { return ui.model.projects.size() > 0 || ui.derived.remote() != nullptr; }
// The time window as the panels say it: "2024-01 – 2024-07", with "+ undated" when undated
// projects count in it; a table without dates says so (ui/panel_timeline.cpp).
std::string timeWindowText(const AppState& st);

enum class Dock { Left, RightTop, RightBottom, Bottom, Caption };

struct PanelSpec {
  std::string id;
  Dock dock;
  bool in_present_mode;  // shown in presentation mode
  std::function<void(UiContext&)> draw;
  std::function<bool(const UiContext&)> shown = {};  // when set: drawn only while it says so
  std::string section = {};  // non-empty: not docked, drawn by the panel that draws this section
  int order = 0;             // within a dock or section (then registration order)
};

// Panels the features register (drawn in ui/panel_*.cpp; ui/features/*.cpp place them).
void drawTitleAndLayersPanel(UiContext& ui);
void drawFiltersPanel(UiContext& ui);
void drawChainsPanel(UiContext& ui);
void drawConformanceWindow(UiContext& ui);  // ui/analysis_windows.cpp: floating
void drawNniWindow(UiContext& ui);
void drawTotalsPanel(UiContext& ui);
void drawLegendPanel(UiContext& ui);
struct TimelinePanel {
  enum class Drag { None, From, To, Window } drag = Drag::None;
  int grab_month = 0;  // where the window was grabbed, relative to its start (Drag::Window)
  void draw(UiContext& ui);
};
// Presentation mode's counters (ui/panel_kpis.cpp); they count up towards the values.
struct KpiPanel {
  static constexpr int kCount = 5;  // projects, investment, share in parks, ≥1亿 and ≥10亿 towards the targets
  static constexpr double kCountSeconds = 0.6;
  double shown[kCount] = {}, from[kCount] = {}, target[kCount] = {}, elapsed[kCount] = {};
  bool started = false;
  bool animating = false;  // still counting: the App keeps drawing frames
  void draw(UiContext& ui);
};
// The open tour's caption: the step's title and text (ui/panel_caption.cpp).
void drawCaptionPanel(UiContext& ui);
// The tour editor in the sidebar: steps, add this view, captions, save (ui/panel_tour.cpp).
void drawTourPanel(UiContext& ui);
// "Save as…" once the file browser returns a path; where edits go when a tour closes unsaved.
void saveTourAs(AppState& st, const std::string& path);
std::string unsavedTourPath(const TourState& t);
// The load report (errors and warnings until dismissed), docked by drawDocks where it covers
// neither the map nor a panel: at the foot of the side column (the side panel ends above it), or
// in compact and presentation layouts in the right column between the top window and the legend
// (the legend gets the room left). At (x, y) with the pivot's y (0 top, 1 bottom), `w` wide, at
// most `max_h` high (it scrolls beyond). Returns where it is; an empty box when nothing is shown.
bool hasMessages(const AppState& st);
LabelBox drawMessagesPanel(UiContext& ui, float x, float y, float pivot_y, float w, float max_h);
// Floating, not docked.
void drawProjectCard(UiContext& ui, int row);  // pinned next to the selected project
// A card pinned next to a point of the map (display CRS), placed as the project card is.
void drawPinnedCard(UiContext& ui, Vec2 world, const std::function<void()>& body);

}  // namespace cm
