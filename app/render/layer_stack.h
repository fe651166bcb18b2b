// The map layers, in one list that the draw order, `--layers`, the Layers panel, the legend and
// picking all read. The features bring them (ui/feature.h: a layer is one file under
// render/layers/ and a line in its feature's `layers`).
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/layers.h"
#include "render/map_layer.h"

namespace cm {

struct LayerToggle {
  std::string id;  // what --layers takes
  Str name;        // what the Layers panel shows
};

class LayerStack {
 public:
  // The features' layers (ui/feature.h featureLayers); no GL work until prepare/upload.
  explicit LayerStack(std::vector<std::unique_ptr<MapLayer>> layers);
  ~LayerStack();
  LayerStack(LayerStack&&) noexcept;
  LayerStack& operator=(LayerStack&&) noexcept;

  size_t size() const { return layers_.size(); }
  MapLayer& at(size_t i) { return *layers_[i]; }
  const MapLayer& at(size_t i) const { return *layers_[i]; }
  int indexOf(std::string_view id) const;  // -1 when no such layer

  // The switches, in registration order (a switch may show several layers).
  const std::vector<LayerToggle>& toggles() const { return toggles_; }
  // Toggle on, and the layer has something to show in this state.
  bool shown(size_t i, const LayerFrame& f, const LayerVisibility& vis) const;

  struct Pass {
    size_t layer, pass;
  };
  const std::vector<Pass>& mapPasses() const { return passes_; }  // by map_z
  const std::vector<size_t>& overlayOrder() const { return overlay_; }
  const std::vector<size_t>& legendOrder() const { return legend_; }
  const std::vector<size_t>& pickOrder() const { return pick_; }  // top first

  // Releases every layer's GPU objects (the GL context must be current).
  void clear();

 private:
  std::vector<std::unique_ptr<MapLayer>> layers_;
  std::vector<LayerToggle> toggles_;
  std::vector<Pass> passes_;
  std::vector<size_t> overlay_, legend_, pick_;
};

}  // namespace cm
