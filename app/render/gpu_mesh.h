// GPU copies of CPU-built geometry (render/mesh_build.h): triangle meshes for fills and lines,
// and project-style sprites (four vertices a point sharing its attributes, six indices). Layers
// own these; they are released with the layer, while the GL context is current.
#pragma once
#include <vector>

#include "core/ecosystem.h"
#include "core/filter_bits.h"
#include "render/gl_util.h"
#include "render/mesh_build.h"

namespace cm {

struct GpuMesh {
  gl::VertexArray vao;
  gl::Buffer vbo;
  GLsizei count = 0;
};

// One sprite's attributes (see shaders/points.vert), repeated on its four corners.
struct SpriteVertex {
  float x, y;       // relative to the model origin
  float value;      // 亿元 for projects; r² in px² for bubbles
  FilterWords bits; // core/filter_bits.h (ecosystem, month, district, chain, ...)
};

struct GpuSprites {
  gl::VertexArray vao;
  gl::Buffer vbo, ibo;
  GLsizei count = 0;  // sprites
};

// One bubble (shaders/bubbles.vert), repeated on its four corners.
struct BubbleVertex {
  float x, y;          // centroid relative to the model origin
  float radius_px, alpha;
  float cum[kChainEcosystemCount];  // cumulative shares of the five ecosystems (other ends at 1)
  float dominant;      // ecosystem index
};

// Bubbles are rebuilt whenever the view changes (only the bins on screen): the buffers are kept
// and refilled, and grow when needed.
struct GpuBubbles {
  gl::VertexArray vao;
  gl::Buffer vbo, ibo;
  GLsizei count = 0;     // bubbles
  size_t capacity = 0;   // bubbles the buffers hold
};
void uploadBubbles(GpuBubbles& g, const std::vector<BubbleVertex>& bubbles);

// A georeferenced RGBA image drawn as one quad (the heatmap): rows from the south, straight alpha.
struct GpuImage {
  gl::Texture tex;
  gl::VertexArray vao;  // empty: the core profile wants one bound to draw
  int w = 0, h = 0;
  Vec2 lo, hi;          // corners relative to the model origin (display CRS)
};
GpuImage uploadImage(const std::vector<uint32_t>& rgba, int w, int h, Vec2 lo, Vec2 hi);

GpuMesh uploadFill(const std::vector<FillVertex>& v);
GpuMesh uploadLines(const std::vector<LineVertex>& v);
// Sprites are drawn in the given order (later on top).
GpuSprites uploadSprites(const std::vector<SpriteVertex>& points);

}  // namespace cm
