// Draws the map layers (fills, water, rivers, outlines, projects) into an offscreen texture.
// The texture is redrawn only when the view, the data, the filter or the layer toggles change;
// every other frame just shows it again. Project attributes live on the GPU from setModel() on;
// the filter and the time window reach the shader as uniforms.
#pragma once
#include <string>
#include <vector>

#include "core/binning.h"
#include "core/filter.h"
#include "core/layers.h"
#include "core/model.h"
#include "core/view.h"
#include "render/gl_util.h"

namespace cm {

struct PointStyle {
  float radius_k = 1.9f;     // px per sqrt(亿元): area ∝ investment
  float radius_min = 2.5f;
  float radius_max = 19.0f;
  bool operator==(const PointStyle&) const = default;
};

// Radius in pixels of a project of `invest_yi` (the legend uses the same rule as the shader).
float pointRadiusPx(const PointStyle& s, float invest_yi);

struct PointInstance;


class MapRenderer {
 public:
  // Compiles the layer shaders from `shader_dir`; errors name the shader file and line.
  Result<bool> init(const std::string& shader_dir);
  void setModel(const Model& m);  // builds and uploads every layer once
  // Aggregated bubbles to draw instead of the projects (empty bins: draw the projects), with
  // their radii from Binning::radiusPx at `cell_px`.
  void setBins(const Binning& bins, double cell_px);
  // Redraws into the texture when something changed; returns whether it drew.
  bool render(const View& v, const Filter& f, const LayerToggles& l, const PointStyle& s);
  GLuint framebuffer() const { return target_.resolvedFbo(); }
  Vec2 origin() const { return origin_; }

 private:
  struct Mesh {
    gl::VertexArray vao;
    gl::Buffer vbo;
    GLsizei count = 0;
  };
  void drawFill(const Mesh& m, float opacity);
  void drawLines(const Mesh& m, float width_px, uint32_t rgb, float alpha);
  struct Sprites {  // one quad a point: 4 vertices sharing its attributes, 6 indices
    gl::VertexArray vao;
    gl::Buffer vbo, ibo;
    GLsizei count = 0;
  };
  Sprites uploadSprites(const std::vector<PointInstance>& points);
  void drawSprites(const Sprites& sprites, const Filter& f, const PointStyle& s);
  void setViewUniforms(const gl::Program& p);
  Mesh uploadFill(const std::vector<struct FillVertex>& v);
  Mesh uploadLines(const std::vector<struct LineVertex>& v);

  gl::Program fill_, line_, points_;
  gl::RenderTarget target_;
  Mesh district_fill_, water_fill_, district_lines_, city_outline_, river_major_, river_minor_;
  Sprites projects_, bins_;
  bool show_bins_ = false;
  Vec2 origin_;
  View view_;

  bool dirty_ = true;
  View last_view_;
  Filter last_filter_;
  LayerToggles last_layers_;
  PointStyle last_style_;
  bool last_show_bins_ = false;
};

}  // namespace cm
