#include "render/map_renderer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/dates.h"
#include "geo/geos_ops.h"
#include "render/mesh_build.h"

namespace cm {

namespace style {
constexpr uint32_t kBackground = 0xE3E9EF;
constexpr uint32_t kDistrictTones[3] = {0xFBF8F1, 0xF5F1E6, 0xF8F4EC};
constexpr uint32_t kWater = 0xAFCFE6;
constexpr uint32_t kRiver = 0x86B4D8;
constexpr uint32_t kOutline = 0x8A8F98;
constexpr uint32_t kCityOutline = 0x5B6270;
}  // namespace style

float pointRadiusPx(const PointStyle& s, float invest) {
  return std::clamp(s.radius_k * std::sqrt(std::max(invest, 0.f)), s.radius_min, s.radius_max);
}

Result<bool> MapRenderer::init(const std::string& dir) {
  for (auto [prog, name] : {std::pair{&fill_, "fill"}, {&line_, "line"}, {&points_, "points"}}) {
    auto p = gl::Program::load(dir, name);
    if (!p) return Result<bool>::fail(p.error());
    *prog = p.take();
  }
  return true;
}

MapRenderer::Mesh MapRenderer::uploadFill(const std::vector<FillVertex>& v) {
  Mesh m;
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

MapRenderer::Mesh MapRenderer::uploadLines(const std::vector<LineVertex>& v) {
  Mesh m;
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

// One sprite's attributes, repeated on its four corners (see points.vert).
struct PointInstance {
  float x, y, invest;
  int32_t month;
  uint32_t bits;
};

namespace {

uint32_t packBits(const Projects& p, size_t i) {
  const uint32_t district = p.district_index[i] >= 0 && p.district_index[i] < 31 ? p.district_index[i] : 31;
  const uint32_t chain = std::min<uint32_t>(p.chain[i], 63);
  return static_cast<uint32_t>(p.ecosystem[i]) | static_cast<uint32_t>(p.sector[i]) << 3 |
         uint32_t(p.in_park[i] ? 1 : 0) << 4 | district << 5 | chain << 10;
}
}  // namespace

void MapRenderer::setModel(const Model& m) {
  Extent e;
  for (const District& d : m.districts)
    for (const Polygon& p : d.xy)
      for (const Vec2& v : p.rings[0]) e.add(v);
  origin_ = e.valid() ? Vec2{(e.minx + e.maxx) / 2, (e.miny + e.maxy) / 2} : Vec2{};

  std::vector<FillVertex> fills;
  std::vector<LineVertex> lines;
  std::vector<const MultiPolygon*> all;
  for (size_t i = 0; i < m.districts.size(); ++i) {
    appendFill(fills, m.districts[i].xy, origin_, packRgba(style::kDistrictTones[i % 3]));
    appendOutlines(lines, m.districts[i].xy, origin_);
    all.push_back(&m.districts[i].xy);
  }
  district_fill_ = uploadFill(fills);
  district_lines_ = uploadLines(lines);
  lines.clear();
  for (const LineString& l : unionOutline(all)) appendLine(lines, l, origin_, false);
  city_outline_ = uploadLines(lines);

  fills.clear();
  for (const WaterBody& w : m.water) appendFill(fills, w.xy, origin_, packRgba(style::kWater));
  water_fill_ = uploadFill(fills);

  std::vector<LineVertex> major, minor;
  for (const River& r : m.rivers) appendLine(r.level <= 2 || r.level == 8 ? major : minor, r.xy, origin_, false);
  river_major_ = uploadLines(major);
  river_minor_ = uploadLines(minor);

  // Projects: one sprite each, largest first so small projects stay visible on top. Not
  // instanced: Mesa's software pipeline (llvmpipe) runs its whole vertex front end once per
  // instance, which cost ~1.4 us a point (29 ms for 20k) on the CPU. Plain indexed quads go
  // through it in SIMD batches instead: four vertices a point carrying the same attributes (the
  // shader takes the corner from gl_VertexID & 3), two triangles each, drawn in the same order.
  const Projects& p = m.projects;
  std::vector<uint32_t> order(p.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return p.investment_yi[a] > p.investment_yi[b]; });
  std::vector<PointInstance> points;
  points.reserve(p.size());
  for (uint32_t i : order)
    points.push_back({static_cast<float>(p.x[i] - origin_.x), static_cast<float>(p.y[i] - origin_.y),
                      p.investment_yi[i], monthOfDay(p.signed_day[i]), packBits(p, i)});
  projects_ = uploadSprites(points);
  dirty_ = true;
}

MapRenderer::Sprites MapRenderer::uploadSprites(const std::vector<PointInstance>& points) {
  std::vector<PointInstance> verts;
  verts.reserve(points.size() * 4);
  for (const PointInstance& v : points)
    for (int c = 0; c < 4; ++c) verts.push_back(v);
  std::vector<uint32_t> idx;
  idx.reserve(points.size() * 6);
  for (uint32_t k = 0; k < points.size(); ++k) {
    const uint32_t b = 4 * k;  // corners b..b+3 = (-1,-1) (1,-1) (-1,1) (1,1)
    for (uint32_t i : {b, b + 1, b + 2, b + 2, b + 1, b + 3}) idx.push_back(i);
  }
  Sprites s;
  s.count = static_cast<GLsizei>(points.size());
  s.vao = gl::makeVertexArray();
  glBindVertexArray(s.vao.id());
  s.vbo = gl::makeBuffer(GL_ARRAY_BUFFER, verts.size() * sizeof(PointInstance), verts.data());
  s.ibo = gl::makeBuffer(GL_ELEMENT_ARRAY_BUFFER, idx.size() * sizeof(uint32_t), idx.data());
  const GLsizei stride = sizeof(PointInstance);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(PointInstance, invest)));
  glEnableVertexAttribArray(3);
  glVertexAttribIPointer(3, 1, GL_INT, stride, reinterpret_cast<void*>(offsetof(PointInstance, month)));
  glEnableVertexAttribArray(4);
  glVertexAttribIPointer(4, 1, GL_UNSIGNED_INT, stride, reinterpret_cast<void*>(offsetof(PointInstance, bits)));
  glBindVertexArray(0);  // the element buffer binding stays with the VAO
  return s;
}

// The points shader sizes a sprite as clamp(k * sqrt(value)): bubbles pass value = r² with k = 1.
static constexpr PointStyle kRadiusSquared{1.f, 0.f, 1000.f};

void MapRenderer::setBins(const Binning& binning, double cell_px) {
  show_bins_ = !binning.bins.empty();
  dirty_ = true;
  if (!show_bins_) return;
  std::vector<const Bin*> order;
  for (const Bin& b : binning.bins) order.push_back(&b);
  std::stable_sort(order.begin(), order.end(), [](const Bin* a, const Bin* b) { return a->investment_yi > b->investment_yi; });
  std::vector<PointInstance> points;
  points.reserve(order.size());
  // A bubble passes any filter (it was built from the filtered projects): sector 0, district 31,
  // chain 63 are bits every "all" mask has; the month is left to the all-time window.
  for (const Bin* b : order) {
    const float r = binning.radiusPx(*b, cell_px);
    points.push_back({static_cast<float>(b->xy.x - origin_.x), static_cast<float>(b->xy.y - origin_.y), r * r, 0,
                      static_cast<uint32_t>(b->dominant) | 31u << 5 | 63u << 10});
  }
  bins_ = uploadSprites(points);
}

void MapRenderer::setViewUniforms(const gl::Program& p) {
  glUniform2f(p.uniform("u_offset"), static_cast<float>(origin_.x - view_.center.x),
              static_cast<float>(origin_.y - view_.center.y));
  glUniform2f(p.uniform("u_scale"), static_cast<float>(2.0 / (view_.width * view_.units_per_px)),
              static_cast<float>(2.0 / (view_.height * view_.units_per_px)));
  glUniform2f(p.uniform("u_viewport"), static_cast<float>(view_.width), static_cast<float>(view_.height));
}

void MapRenderer::drawFill(const Mesh& m, float opacity) {
  if (!m.count) return;
  fill_.use();
  setViewUniforms(fill_);
  glUniform1f(fill_.uniform("u_opacity"), opacity);
  glBindVertexArray(m.vao.id());
  glDrawArrays(GL_TRIANGLES, 0, m.count);
}

void MapRenderer::drawLines(const Mesh& m, float width, uint32_t rgb, float alpha) {
  if (!m.count) return;
  line_.use();
  setViewUniforms(line_);
  glUniform1f(line_.uniform("u_width"), width);
  glUniform4f(line_.uniform("u_color"), ((rgb >> 16) & 255) / 255.f, ((rgb >> 8) & 255) / 255.f, (rgb & 255) / 255.f, alpha);
  glBindVertexArray(m.vao.id());
  glDrawArrays(GL_TRIANGLES, 0, m.count);
}

void MapRenderer::drawSprites(const Sprites& sprites, const Filter& f, const PointStyle& s) {
  if (!sprites.count) return;
  points_.use();
  setViewUniforms(points_);
  glUniform1ui(points_.uniform("u_eco_mask"), f.ecosystems);
  glUniform1ui(points_.uniform("u_sector_mask"), f.sectors);
  glUniform1ui(points_.uniform("u_district_mask"), f.districts);
  glUniform2ui(points_.uniform("u_chain_mask"), static_cast<GLuint>(f.chains & 0xFFFFFFFFu), static_cast<GLuint>(f.chains >> 32));
  glUniform1f(points_.uniform("u_min_invest"), f.min_investment_yi);
  glUniform2i(points_.uniform("u_months"), f.month_from, f.month_to);
  glUniform1i(points_.uniform("u_park_mode"), static_cast<int>(f.park));
  glUniform1f(points_.uniform("u_radius_k"), s.radius_k);
  glUniform2f(points_.uniform("u_radius_range"), s.radius_min, s.radius_max);
  float pal[kEcosystemCount * 3];
  for (int i = 0; i < kEcosystemCount; ++i) {
    pal[i * 3 + 0] = ((kEcosystems[i].rgb >> 16) & 255) / 255.f;
    pal[i * 3 + 1] = ((kEcosystems[i].rgb >> 8) & 255) / 255.f;
    pal[i * 3 + 2] = (kEcosystems[i].rgb & 255) / 255.f;
  }
  glUniform3fv(points_.uniform("u_palette"), kEcosystemCount, pal);
  glBindVertexArray(sprites.vao.id());
  glDrawElements(GL_TRIANGLES, sprites.count * 6, GL_UNSIGNED_INT, nullptr);
}

bool MapRenderer::render(const View& v, const Filter& f, const LayerToggles& l, const PointStyle& s) {
  if (!dirty_ && v == last_view_ && f == last_filter_ && l == last_layers_ && s == last_style_) return false;
  dirty_ = false;
  last_view_ = v;
  last_filter_ = f;
  last_layers_ = l;
  last_style_ = s;
  view_ = v;
  target_.resize(v.width, v.height, 1);
  // The texture is shown 1:1 (one texel per pixel), where nearest and bilinear sampling give the
  // same image; llvmpipe's bilinear path made every frame's full-screen composite ~15 ms dearer.
  glBindTexture(GL_TEXTURE_2D, target_.texture());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, 0);
  target_.bind();
  const uint32_t bg = style::kBackground;
  glClearColor(((bg >> 16) & 255) / 255.f, ((bg >> 8) & 255) / 255.f, (bg & 255) / 255.f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_SCISSOR_TEST);
  if (l.districts) drawFill(district_fill_, 1.f);
  if (l.water) drawFill(water_fill_, 1.f);
  if (l.rivers) {
    drawLines(river_major_, 2.2f, style::kRiver, 1.f);
    drawLines(river_minor_, 1.0f, style::kRiver, 0.8f);
  }
  if (l.districts) {
    drawLines(district_lines_, 1.3f, style::kOutline, 1.f);
    drawLines(city_outline_, 2.6f, style::kCityOutline, 1.f);
  }
  if (l.projects && show_bins_) drawSprites(bins_, Filter{}, kRadiusSquared);
  else if (l.projects) drawSprites(projects_, f, s);
  target_.resolve();
  glBindVertexArray(0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return true;
}

}  // namespace cm
