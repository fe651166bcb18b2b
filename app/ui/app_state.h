// AppState: the one owner of document state (view, filter, layers, language, selection).
// Panels read it every frame and change it through these fields; the renderer compares it with
// what it drew last, so any change redraws the map and nothing else does.
#pragma once
#include <string>
#include <vector>

#include "core/filter.h"
#include "core/layers.h"
#include "core/view.h"
#include "render/map_renderer.h"
#include "ui/strings.h"

namespace cm {

struct Timeline {
  int first_month = 0, last_month = 0;  // the data's span
  bool playing = false;
  double play_accum = 0;                // seconds since the last step
};

// Whether projects are drawn one by one or gathered into bubbles (core/binning.h). Auto
// aggregates when points would pile up: many projects, more than two a cell on average.
enum class Aggregate { Auto, Off, On };
inline constexpr double kBinCellPx = 36;

struct AppState {
  View view;
  Extent home;  // the extent "fit Hangzhou" returns to
  Filter filter;
  LayerToggles layers;
  PointStyle points;
  Lang lang = Lang::Zh;
  Timeline timeline;
  int hovered = -1;   // project row under the cursor
  int selected = -1;  // project row clicked
  int hovered_bin = -1;  // bubble under the cursor when aggregated
  Aggregate aggregate = Aggregate::Auto;
  std::vector<std::string> errors;    // shown in the window until dismissed
  std::vector<std::string> warnings;
};

}  // namespace cm
