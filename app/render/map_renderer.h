// Draws the map layers (fills, water, rivers, outlines, projects) into an offscreen texture.
// The texture is redrawn only when the view, the data, the filter or the layer toggles change;
// every other frame just shows it again. Project attributes live on the GPU from setModel() on;
// the filter and the time window reach the shader as uniforms.
#pragma once
#include <string>
#include <vector>

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

class MapRenderer {
 public:
  // Compiles the layer shaders from `shader_dir`; errors name the shader file and line.
  Result<bool> init(const std::string& shader_dir);
  void setModel(const Model& m);  // builds and uploads every layer once
  // Redraws into the texture when something changed; returns whether it drew.
  bool render(const View& v, const Filter& f, const LayerToggles& l, const PointStyle& s);
  void invalidate() { dirty_ = true; }
  GLuint texture() const { return target_.texture(); }
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
  void drawPoints(const Filter& f, const PointStyle& s);
  void setViewUniforms(const gl::Program& p);
  Mesh uploadFill(const std::vector<struct FillVertex>& v);
  Mesh uploadLines(const std::vector<struct LineVertex>& v);

  gl::Program fill_, line_, points_;
  gl::RenderTarget target_;
  Mesh district_fill_, water_fill_, district_lines_, city_outline_, river_major_, river_minor_;
  gl::VertexArray points_vao_;
  gl::Buffer points_vbo_, points_ibo_;  // 4 vertices and 6 indices a project
  GLsizei point_count_ = 0;             // projects
  Vec2 origin_;
  View view_;

  bool dirty_ = true;
  View last_view_;
  Filter last_filter_;
  LayerToggles last_layers_;
  PointStyle last_style_;
};

}  // namespace cm
