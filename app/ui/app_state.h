// AppState: the one owner of document state (view, filter, layers, language, selection, time).
// Panels read it every frame and change it in place; the derived-data pipeline and the map
// renderer compare it with what they computed and drew last, so a change recomputes and redraws
// exactly what depends on it. No GL here.
#pragma once
#include <string>
#include <vector>

#include "core/filter.h"
#include "core/layers.h"
#include "core/strings.h"
#include "core/symbology.h"
#include "core/view.h"
#include "render/map_layer.h"

namespace cm {

struct Timeline {
  int first_month = 0, last_month = 0;  // the data's span
  bool playing = false;
  double play_accum = 0;                // seconds since the last step
  double step_seconds = 0.6;            // one month per step while playing
};

struct AppState {
  View view;
  Extent home;  // the extent "fit Hangzhou" returns to
  Filter filter;
  LayerVisibility layers{{"choropleth"}};  // everything but the choropleth shows by default
  ChoroplethMetric choropleth = ChoroplethMetric::Investment;
  PointStyle points;
  Lang lang = Lang::Zh;
  Timeline timeline;
  float ui_scale = 1;         // effective UI scale this frame (text, panels, symbols)
  float ui_scale_manual = 0;  // --ui-scale or Ctrl +/−; 0: from the monitor and the window size
  bool present = false;       // presentation mode (F11, --present)
  Aggregate aggregate = Aggregate::Auto;
  Pick hover;         // what the cursor is over (set each frame by the layers' hit tests)
  int selected = -1;  // project row whose card is pinned (click, or --select)
  std::vector<std::string> errors;    // shown in the window until dismissed
  std::vector<std::string> warnings;
  std::string status;                 // a passing note (e.g. "Saved x.png"), shown in the timeline bar

  // What a panel asks the App to do this frame (commands, not document state).
  struct Requests {
    bool open_file = false, export_file = false, reload = false, edit_mapping = false;
  } requests;
  bool reloadable = false;   // the projects came from a file or database the App can read again
  bool mappable = false;     // the projects came through the importer (a mapping to edit)
};

// What the user edits (the document), as opposed to per-frame hover: two states with equal
// documents look the same and derive the same data.
inline bool sameDocument(const AppState& a, const AppState& b) {
  return a.view == b.view && a.filter == b.filter && a.layers == b.layers && a.choropleth == b.choropleth && a.points == b.points && a.lang == b.lang &&
         a.aggregate == b.aggregate && a.selected == b.selected;
}

}  // namespace cm
