// The map texture: every shown layer's passes, in z order, drawn into an offscreen texture that
// is redrawn only when the view or a shown layer's revision changes; other frames show it again.
// MapPass is what a layer draws with: fills, anti-aliased lines and project-style sprites, in
// the display CRS relative to the model origin (floats near zero, doubles until then).
#pragma once
#include <string>
#include <vector>

#include "core/filter.h"
#include "core/symbology.h"
#include "core/view.h"
#include "render/gl_util.h"
#include "render/gpu_mesh.h"
#include "render/map_layer.h"

namespace cm {

class LayerStack;
struct LayerVisibility;

class MapPass {
 public:
  void fill(const GpuMesh& m, float opacity) const;
  void image(const GpuImage& img, float opacity) const;
  void lines(const GpuMesh& m, float width_px, uint32_t rgb, float alpha) const;
  // Sprites that pass `f` (the shader mirrors passesAttributes and the time window), sized by
  // `s`'s radius rule from their value.
  // With `stage_month` >= 0 each sprite shows its life-cycle stage at the end of that month.
  void sprites(const GpuSprites& sprites, const Filter& f, const PointStyle& s, int stage_month = -1) const;
  // Bubbles (shaders/bubbles.*): a ring of `ring_px` showing the ecosystem mix on those of at
  // least `ring_min_px` radius.
  void bubbles(const GpuBubbles& b, float ring_px, float ring_min_px) const;

 private:
  friend class MapRenderer;
  void setView(const gl::Program& p) const;
  class MapRenderer* r_ = nullptr;
  float scale_ = 1;  // line widths grow with the UI scale
};

class MapRenderer {
 public:
  // Compiles the shaders from `shader_dir`; errors name the shader file and line.
  Result<bool> init(const std::string& shader_dir);
  // Prepares and uploads every layer, then redraws the texture if the view or what a shown layer
  // draws changed. Returns whether it drew.
  // `may_move`: while the view moves (it differs from the last call's) over the same data, filter
  // and shown layers, the last picture is moved and scaled instead of drawn again (QGIS does the
  // same while a map is dragged), as long as it stays within 2× of its scale and covers three
  // quarters of the screen; the first call with the view at rest draws it again. Window frames
  // only: a capture, a tile, a tour's flight or a playing timeline always draws (previewing() says
  // which a frame got).
  bool render(const LayerFrame& frame, LayerStack& layers, const LayerVisibility& vis, bool may_move = false);
  bool previewing() const { return moved_; }
  // The map onto the framebuffer `fbo` at the viewport size of `view`: the picture as drawn, or,
  // previewing, moved and scaled to `view` over the background.
  void composite(GLuint fbo, const View& view) const;
  // Only the layers' prepare and upload (a tiled frame draws the texture tile by tile later).
  // Layers that need no preparing while hidden (MapLayer::prepareWhileHidden) are skipped when
  // `vis` turns them off.
  void prepare(const LayerFrame& frame, LayerStack& layers, const LayerVisibility& vis);
  GLuint framebuffer() const { return target_.resolvedFbo(); }
  GLuint texture() const { return target_.texture(); }  // the map as drawn (the presenter console shows it)
  void invalidate() { dirty_ = true; }

 private:
  friend class MapPass;
  void uploadSetMasks(const Filter& f) const;
  std::vector<int> shownMapLayers(const LayerFrame& frame, const LayerStack& layers, const LayerVisibility& vis) const;

  gl::Program fill_, line_, points_, points_sets_, image_, bubbles_;
  gl::RenderTarget target_;
  gl::Buffer mask_buf_;
  gl::Texture mask_tex_;
  mutable Filter mask_filter_;        // the sets mask_buf_ holds
  mutable bool mask_valid_ = false;
  mutable int mask_district_words_ = 0, mask_chain_words_ = 0, mask_chain_base_ = 0;
  View view_;
  Vec2 origin_;
  MapPass pass_;

  bool dirty_ = true;
  bool moved_ = false;  // this frame shows the last picture moved (render's may_move)
  View previous_view_;  // the view of the last call (moving: it differs from this one)
  View last_view_;
  uint64_t last_model_rev_ = ~0ull;
  Filter last_filter_;
  float last_scale_ = 0;
  std::vector<std::pair<int, uint64_t>> last_content_;  // (layer, revision) of what was drawn
};

}  // namespace cm
