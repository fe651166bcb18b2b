// A map layer (QGIS's layer renderers and tangram-es's styles are the models): one thing on the
// map — districts, water, rivers, parks, projects, bubbles, labels; later heatmap, cluster hulls,
// chain arcs, a choropleth. Each frame a layer
//   prepare()   builds what it draws from the model, the derived data and the state (GL-free;
//               cheap when nothing it depends on changed) and says whether there is new data,
//   upload()    then copies that data to the GPU,
//   draw()      draws one of its passes into the map texture (LayerInfo::map_z orders the passes
//               of every layer into one list),
//   overlay()   draws screen-space extras over the map with ImGui (markers, rings, labels),
//   labels()    offers labels to the labels layer, which places them all without overlaps,
//   hitTest()   finds the item under the cursor, tooltip() describes it,
//   legend()    draws its legend entry in the legend panel,
// and revision() changes whenever its map-texture output would change, so the texture is
// redrawn only then. The registry (render/layer_stack.h) lists the layers; `--layers`, the
// Layers panel, the legend and the draw order all read that list.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/derived.h"
#include "core/feature_settings.h"
#include "core/filter.h"
#include "core/model.h"
#include "core/strings.h"
#include "core/symbology.h"
#include "core/view.h"
#include "geo/label_placement.h"

struct ImDrawList;
struct ImFont;

namespace cm {

class MapPass;  // render/map_renderer.h: fills, lines and sprites into the map texture
class MapLayer;

struct LayerInfo {
  std::string id;         // unique, e.g. "bubbles"
  std::string toggle;     // the --layers / Layers panel switch that shows it, e.g. "projects"
  Str toggle_name;        // how the Layers panel names that switch
  std::vector<int> map_z; // one z per map pass (draw(pass, k)); empty: nothing in the texture
  int overlay_z = -1;     // order of overlay(); < 0: none
  int legend_z = -1;      // order in the legend panel; < 0: no entry
  int pick_z = -1;        // hit-test order (higher first); < 0: never picked
};

// What the cursor is over: a layer and its item.
struct Pick {
  const MapLayer* layer = nullptr;
  int item = -1;
  bool operator==(const Pick&) const = default;
  explicit operator bool() const { return layer && item >= 0; }
};

// Everything a layer may read this frame.
struct LayerFrame {
  const Model& model;
  uint64_t model_rev;
  const Derived& derived;
  const View& view;
  const Filter& filter;
  const PointStyle& points;
  Lang lang;
  Pick hover;
  int selected = -1;  // project row with a pinned card
  float scale = 1;    // UI scale: symbols, lines and text grow with it
  bool lifecycle = false;  // projects drawn by life-cycle stage at the window's end
  double pulse = -1;       // playing: progress 0..1 through the newest month (its projects pulse); < 0 none
  // Every feature's settings (a layer reads its feature's: the choropleth's metric …); their
  // derived products are in `derived` (Derived::product).
  const FeatureStates& features;
};

// A label a layer offers; the labels layer places all of them (geo/label_placement.h).
enum class LabelKind { District, Park, Count };
struct MapLabel {
  LabelRequest req;
  std::string text;
  LabelKind kind;
};
struct LabelSet {
  std::vector<MapLabel> labels;
  std::vector<LabelBox> obstacles;  // screen boxes labels must keep clear of (markers)
};

// A label as drawn (what the labels layer reports back, e.g. for scripted tests).
struct PlacedLabel {
  std::string text;
  LabelKind kind;
  LabelBox box;
  Vec2 anchor;
  bool leader;
};

struct OverlayFrame {
  ImDrawList* dl;          // ImGui's background list: above the map, below the panels
  ImFont* text_font;       // panels' font (park names, counts)
  ImFont* label_font;      // district labels
  const std::vector<LabelBox>& panels;  // boxes the panels cover this frame
  std::vector<const MapLayer*> shown;  // layers shown this frame, in registry order
  std::vector<PlacedLabel> placed;     // out: the labels drawn this frame
  LabelBox map_area{};                 // the part of the window no docked panel covers
};

class MapLayer {
 public:
  virtual ~MapLayer() = default;
  virtual const LayerInfo& info() const = 0;
  // Whether the layer has something to show in this state (besides its toggle): e.g. bubbles
  // only when the projects are aggregated.
  virtual bool active(const LayerFrame&) const { return true; }
  virtual bool prepare(const LayerFrame&) { return false; }
  // Whether prepare must run while the layer's toggle is off. Layers whose show-ability depends
  // on what prepare built (chain arcs) or that others read say yes (the default); a layer with
  // real work per filter change and nothing to offer while hidden (the choropleth) says no, and
  // catches up on the frame it is switched on (its prepare compares revisions).
  virtual bool prepareWhileHidden() const { return true; }
  virtual void upload() {}
  virtual void draw(const MapPass&, size_t /*pass*/) const {}
  virtual uint64_t revision() const { return 0; }
  virtual void overlay(const LayerFrame&, OverlayFrame&) const {}
  virtual void labels(const LayerFrame&, const OverlayFrame&, LabelSet&) const {}
  virtual int hitTest(const LayerFrame&, Vec2 /*mouse_px*/) const { return -1; }
  virtual void tooltip(const LayerFrame&, int /*item*/) const {}
  // The project row an item stands for, if it is one project (a click then selects it); else -1.
  virtual int projectOf(int /*item*/) const { return -1; }
  virtual void legend(const LayerFrame&) const {}
};

}  // namespace cm
