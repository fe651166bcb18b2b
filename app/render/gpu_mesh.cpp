#include "render/gpu_mesh.h"

#include <algorithm>

#include <cstddef>

namespace cm {

GpuImage uploadImage(const std::vector<uint32_t>& rgba, int w, int h, Vec2 lo, Vec2 hi) {
  GpuImage img;
  if (w <= 0 || h <= 0 || rgba.size() < static_cast<size_t>(w) * h) return img;
  GLuint t = 0;
  glGenTextures(1, &t);
  img.tex = gl::Texture(t);
  glBindTexture(GL_TEXTURE_2D, t);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);  // smooth between cells
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);
  img.vao = gl::makeVertexArray();
  img.w = w, img.h = h, img.lo = lo, img.hi = hi;
  return img;
}

GpuMesh uploadFill(const std::vector<FillVertex>& v) {
  GpuMesh m;
  m.vao = gl::makeVertexArray();
  glBindVertexArray(m.vao.id());
  m.vbo = gl::makeBuffer(GL_ARRAY_BUFFER, v.size() * sizeof(FillVertex), v.data());
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(FillVertex), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(FillVertex),
                        reinterpret_cast<void*>(offsetof(FillVertex, rgba)));
  m.count = static_cast<GLsizei>(v.size());
  glBindVertexArray(0);
  return m;
}

GpuMesh uploadLines(const std::vector<LineVertex>& v) {
  GpuMesh m;
  m.vao = gl::makeVertexArray();
  glBindVertexArray(m.vao.id());
  m.vbo = gl::makeBuffer(GL_ARRAY_BUFFER, v.size() * sizeof(LineVertex), v.data());
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex), reinterpret_cast<void*>(offsetof(LineVertex, nx)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, sizeof(LineVertex), reinterpret_cast<void*>(offsetof(LineVertex, side)));
  m.count = static_cast<GLsizei>(v.size());
  glBindVertexArray(0);
  return m;
}

// Not instanced: Mesa's software pipeline (llvmpipe) runs its whole vertex front end once per
// instance, which cost ~1.4 us a point (29 ms for 20k) on the CPU. Plain indexed quads go through
// it in SIMD batches instead: four vertices a point carrying the same attributes (the shader
// takes the corner from gl_VertexID & 3), two triangles each, drawn in the same order.
GpuSprites uploadSprites(const std::vector<SpriteVertex>& points) {
  std::vector<SpriteVertex> verts;
  verts.reserve(points.size() * 4);
  for (const SpriteVertex& v : points)
    for (int c = 0; c < 4; ++c) verts.push_back(v);
  std::vector<uint32_t> idx;
  idx.reserve(points.size() * 6);
  for (uint32_t k = 0; k < points.size(); ++k) {
    const uint32_t b = 4 * k;  // corners b..b+3 = (-1,-1) (1,-1) (-1,1) (1,1)
    for (uint32_t i : {b, b + 1, b + 2, b + 2, b + 1, b + 3}) idx.push_back(i);
  }
  GpuSprites s;
  s.count = static_cast<GLsizei>(points.size());
  s.vao = gl::makeVertexArray();
  glBindVertexArray(s.vao.id());
  s.vbo = gl::makeBuffer(GL_ARRAY_BUFFER, verts.size() * sizeof(SpriteVertex), verts.data());
  s.ibo = gl::makeBuffer(GL_ELEMENT_ARRAY_BUFFER, idx.size() * sizeof(uint32_t), idx.data());
  const GLsizei stride = sizeof(SpriteVertex);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(SpriteVertex, value)));
  glEnableVertexAttribArray(4);
  glVertexAttribIPointer(4, 3, GL_UNSIGNED_INT, stride, reinterpret_cast<void*>(offsetof(SpriteVertex, bits)));
  glBindVertexArray(0);  // the element buffer binding stays with the VAO
  return s;
}

void uploadBubbles(GpuBubbles& g, const std::vector<BubbleVertex>& bubbles) {
  std::vector<BubbleVertex> verts;
  verts.reserve(bubbles.size() * 4);
  for (const BubbleVertex& v : bubbles)
    for (int c = 0; c < 4; ++c) verts.push_back(v);
  g.count = static_cast<GLsizei>(bubbles.size());
  if (!g.vao.id()) g.vao = gl::makeVertexArray();
  glBindVertexArray(g.vao.id());
  if (bubbles.size() > g.capacity || !g.vbo.id()) {
    g.capacity = std::max<size_t>(1024, bubbles.size() * 3 / 2);
    std::vector<uint32_t> idx;
    idx.reserve(g.capacity * 6);
    for (uint32_t k = 0; k < g.capacity; ++k) {
      const uint32_t b = 4 * k;
      for (uint32_t i : {b, b + 1, b + 2, b + 2, b + 1, b + 3}) idx.push_back(i);
    }
    g.vbo = gl::makeBuffer(GL_ARRAY_BUFFER, g.capacity * 4 * sizeof(BubbleVertex), nullptr, GL_DYNAMIC_DRAW);
    g.ibo = gl::makeBuffer(GL_ELEMENT_ARRAY_BUFFER, idx.size() * sizeof(uint32_t), idx.data());
    const GLsizei stride = sizeof(BubbleVertex);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(BubbleVertex, radius_px)));
    // The cumulative shares go to the shader as a vec4 (a_cum) and the x of a vec2 (a_cum2).
    static_assert(kChainEcosystemCount == 5, "shaders/bubbles.vert takes the shares as a vec4 and one float");
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(BubbleVertex, cum)));
    glEnableVertexAttribArray(5);
    glVertexAttribPointer(5, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(BubbleVertex, cum) + 4 * sizeof(float)));
  }
  glBindBuffer(GL_ARRAY_BUFFER, g.vbo.id());
  if (!verts.empty()) glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(verts.size() * sizeof(BubbleVertex)), verts.data());
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  glBindVertexArray(0);
}

}  // namespace cm
