// AppState: the one owner of document state (view, filter, layers, language, selection, time).
// Panels read it every frame and change it in place; the derived-data pipeline and the map
// renderer compare it with what they computed and drew last, so a change recomputes and redraws
// exactly what depends on it. No GL here.
#pragma once
#include <string>
#include <vector>

#include "core/camera_flight.h"
#include "core/feature_settings.h"
#include "core/filter.h"
#include "core/layers.h"
#include "core/playback.h"
#include "core/tour.h"
#include "core/strings.h"
#include "core/symbology.h"
#include "core/ids.h"
#include "core/view.h"
#include "render/map_layer.h"
#include "ui/layout.h"

namespace cm {

struct ImportSession;  // data/model_loader.h

// A guided tour on screen (ui/tour_player.h): the document, where it is, and the flight between
// two steps' cameras.
struct TourState {
  Tour doc;
  std::string path;          // where it was read from and is saved to ("" until saved)
  bool open = false;         // a tour is loaded
  int step = -1;             // the step on screen (-1: none yet)
  bool dirty = false;        // edited since loaded or saved
  bool autoplay = false;     // steps advance by themselves (kiosk, --loop, a recording)
  bool loop = false;         // after the last step, the first again
  double step_elapsed = 0;   // seconds on this step (autoplay)
  bool flying = false;       // the camera is flying to the step's view
  double fly_t = 0;          // seconds into the flight
  double fly_seconds = 1.5;  // how long a flight takes
  CameraPose fly_from, fly_to;
  bool fly_step = false;     // the flight goes to the step's frame (not flyTo's pose)
  // The step's frame (tour_player.h stepCamera) as last applied: the view it gave, the layout it
  // fitted (window size, UI scale, presentation) and which free area took it (the one right of
  // the caption, else the one above). A new layout frames the step again while the view is that.
  struct Framed {
    bool on = false;
    View view;
    int w = 0, h = 0;
    float scale = 0;
    bool present = false;
    int chrome = 0;
    bool right = false;
  } framed;
};

struct AppState {
  View view;
  Extent home;  // the extent "fit Hangzhou" returns to
  Filter filter;
  LayerVisibility layers{{ids::kChoropleth, ids::kClusters, ids::kHeatmap, ids::kOutside}};  // analyses and the choropleth start off
  // Every feature's settings (ui/feature.h), by feature id: the clusters' parameters, the
  // choropleth's metric, the measuring tool's points, whether a feature's window is open …
  FeatureStates features;
  PointStyle points;
  Lang lang = Lang::Zh;
  Timeline timeline;
  float ui_scale = 1;         // effective UI scale this frame (text, panels, symbols)
  float ui_scale_manual = 0;  // --ui-scale or Ctrl +/−; 0: from the monitor and the window size
  bool present = false;       // presentation mode (F11, --present)
  bool sidebar_open = false;  // a compact window's sidebar drawer is open (else it is a rail of icons)
  layout::Chrome chrome = layout::Chrome::Full;  // an export's frame (--layout map|poster|present)
  bool lifecycle = false;     // draw projects by their life-cycle stage at the window's end
  TourState tour;
  bool pointer_on = false;    // the presenter's pointer, shown as a highlight on the audience view
  Vec2 pointer;               // where it is, in the display CRS
  // What the map area showed before the last window resize, and the view that resize left
  // (refitAfterResize, ui/map_input.cpp): while the view is still that one, the next resize fits
  // the same extent again, so a tiny window (where the map area degenerates) and back, or any
  // round of sizes, restores the view. Any pan or zoom in between makes the view the truth again.
  struct ResizeMemory {
    Extent shown;
    View left;
    bool held = false;
  } resize_memory;
  Aggregate aggregate = Aggregate::Auto;
  Pick hover;         // what the cursor is over (set each frame by the layers' hit tests)
  int selected = -1;  // project row whose card is pinned (click, or --select)
  std::vector<std::string> errors;    // shown in the window until dismissed
  std::vector<std::string> warnings;
  // The import behind the projects on screen: its report is shown in the window's language (the
  // load report panel renders it each frame) until dismissed.
  std::shared_ptr<const ImportSession> import;
  std::string status;                 // a passing note (e.g. "Saved x.png"), shown in the timeline bar

  // What a panel asks the App to do this frame (commands, not document state).
  // The Export image dialog's choices (ui/panel_layers.cpp); the App renders and saves.
  struct ImageExport {
    int w = 0, h = 0;  // 0: the window's size
    layout::Chrome chrome = layout::Chrome::Full;
    bool present = false;  // the presentation frame
  } image_export;

  struct Requests {
    std::vector<std::string> browse;  // features' file actions (ui/feature.h FileAction::id) to ask a file for
    bool edit_mapping = false, edit_categories = false;  // the import's dialogs (ui/app_load.cpp)
  } requests;
  bool reloadable = false;   // the projects came from a file or database the App can read again
  bool mappable = false;     // the projects came through the importer (a mapping to edit)
};

// What the user edits (the document), as opposed to per-frame hover: two states with equal
// documents look the same and derive the same data.
inline bool sameDocument(const AppState& a, const AppState& b) {
  return a.view == b.view && a.filter == b.filter && a.layers == b.layers && a.features == b.features && a.points == b.points &&
         a.lang == b.lang && a.aggregate == b.aggregate && a.selected == b.selected && a.lifecycle == b.lifecycle;
}

}  // namespace cm
