#include "render/map_renderer.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/filter_bits.h"
#include "render/layer_stack.h"

namespace cm {

static void setColor(GLint loc, uint32_t rgb, float alpha) {
  glUniform4f(loc, ((rgb >> 16) & 255) / 255.f, ((rgb >> 8) & 255) / 255.f, (rgb & 255) / 255.f, alpha);
}

Result<bool> MapRenderer::init(const std::string& dir) {
  const std::string defines = shaderDefines();
  // Two builds of the points shader: the one with NARROW_SETS reads the chain/district set bits,
  // and is used only while one of those sets is narrowed (on llvmpipe even an untaken texelFetch
  // branch cost ~15 % of the vertex work at 100k sprites).
  for (auto [prog, name, extra] : {std::tuple{&fill_, "fill", ""}, {&line_, "line", ""}, {&points_, "points", ""},
                                   {&points_sets_, "points", "#define NARROW_SETS 1\n"}, {&image_, "image", ""},
                                   {&bubbles_, "bubbles", ""}}) {
    auto p = gl::Program::load(dir, name, defines + extra);
    if (!p) return Result<bool>::fail(p.error());
    *prog = p.take();
  }
  pass_.r_ = this;
  // The chain/district set bits live in a small buffer texture the points shader reads.
  mask_buf_ = gl::makeBuffer(GL_TEXTURE_BUFFER, sizeof(uint32_t), nullptr, GL_DYNAMIC_DRAW);
  GLuint t = 0;
  glGenTextures(1, &t);
  mask_tex_ = gl::Texture(t);
  glBindTexture(GL_TEXTURE_BUFFER, t);
  glTexBuffer(GL_TEXTURE_BUFFER, GL_R32UI, mask_buf_.id());
  glBindTexture(GL_TEXTURE_BUFFER, 0);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  return true;
}

// 64-bit IdSet words as the shader's 32-bit words: districts first, then chains.
void MapRenderer::uploadSetMasks(const Filter& f) const {
  if (mask_valid_ && mask_filter_.districts == f.districts && mask_filter_.chains == f.chains) return;
  std::vector<uint32_t> words;
  auto append = [&](const IdSet& s) {
    if (s.isAll()) return 0;
    for (uint64_t w : s.words()) {
      words.push_back(static_cast<uint32_t>(w));
      words.push_back(static_cast<uint32_t>(w >> 32));
    }
    return static_cast<int>(s.words().size() * 2);
  };
  mask_district_words_ = f.districts.isAll() ? -1 : append(f.districts);
  const size_t chain0 = words.size();
  mask_chain_words_ = f.chains.isAll() ? -1 : append(f.chains);
  mask_chain_base_ = static_cast<int>(chain0);
  if (words.empty()) words.push_back(0);
  glBindBuffer(GL_TEXTURE_BUFFER, mask_buf_.id());
  glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(words.size() * sizeof(uint32_t)), words.data(), GL_DYNAMIC_DRAW);
  glBindBuffer(GL_TEXTURE_BUFFER, 0);
  mask_filter_ = f;
  mask_valid_ = true;
}

void MapPass::setView(const gl::Program& p) const {
  const View& v = r_->view_;
  glUniform2f(p.uniform("u_offset"), static_cast<float>(r_->origin_.x - v.center.x), static_cast<float>(r_->origin_.y - v.center.y));
  glUniform2f(p.uniform("u_scale"), static_cast<float>(2.0 / (v.width * v.units_per_px)),
              static_cast<float>(2.0 / (v.height * v.units_per_px)));
  glUniform2f(p.uniform("u_viewport"), static_cast<float>(v.width), static_cast<float>(v.height));
}

void MapPass::fill(const GpuMesh& m, float opacity) const {
  if (!m.count) return;
  r_->fill_.use();
  setView(r_->fill_);
  glUniform1f(r_->fill_.uniform("u_opacity"), opacity);
  glBindVertexArray(m.vao.id());
  glDrawArrays(GL_TRIANGLES, 0, m.count);
}

void MapPass::image(const GpuImage& img, float opacity) const {
  if (!img.w) return;
  r_->image_.use();
  setView(r_->image_);
  glUniform2f(r_->image_.uniform("u_lo"), static_cast<float>(img.lo.x), static_cast<float>(img.lo.y));
  glUniform2f(r_->image_.uniform("u_hi"), static_cast<float>(img.hi.x), static_cast<float>(img.hi.y));
  glUniform1f(r_->image_.uniform("u_opacity"), opacity);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, img.tex.id());
  glUniform1i(r_->image_.uniform("u_image"), 0);
  glBindVertexArray(img.vao.id());
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  glBindTexture(GL_TEXTURE_2D, 0);
}

void MapPass::lines(const GpuMesh& m, float width, uint32_t rgb, float alpha) const {
  if (!m.count) return;
  r_->line_.use();
  setView(r_->line_);
  glUniform1f(r_->line_.uniform("u_width"), width * scale_);
  setColor(r_->line_.uniform("u_color"), rgb, alpha);
  glBindVertexArray(m.vao.id());
  glDrawArrays(GL_TRIANGLES, 0, m.count);
}

void MapPass::sprites(const GpuSprites& sprites, const Filter& f, const PointStyle& s, int stage_month) const {
  if (!sprites.count) return;
  const bool narrow = !f.districts.isAll() || !f.chains.isAll();
  const gl::Program& p = narrow ? r_->points_sets_ : r_->points_;
  p.use();
  setView(p);
  if (narrow) {
    r_->uploadSetMasks(f);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_BUFFER, r_->mask_tex_.id());
    glUniform1i(p.uniform("u_sets"), 0);
    glUniform2i(p.uniform("u_district_set"), f.districts.isAll() ? -1 : 0, std::max(0, r_->mask_district_words_));
    glUniform2i(p.uniform("u_chain_set"), f.chains.isAll() ? -1 : r_->mask_chain_base_, std::max(0, r_->mask_chain_words_));
  }
  glUniform1ui(p.uniform("u_eco_mask"), f.ecosystems);
  glUniform1ui(p.uniform("u_sector_mask"), f.sectors);
  glUniform1f(p.uniform("u_min_invest"), f.min_investment_yi);
  glUniform2i(p.uniform("u_months"), std::clamp(f.month_from, -1, kMaxMonth + 1), std::clamp(f.month_to, -1, kMaxMonth + 1));
  glUniform1i(p.uniform("u_undated"), f.undated ? 1 : 0);
  glUniform1i(p.uniform("u_park_mode"), static_cast<int>(f.park));
  glUniform1i(p.uniform("u_foreign_only"), f.foreign_only ? 1 : 0);
  glUniform1i(p.uniform("u_stage_month"), stage_month < 0 ? -1 : std::min(stage_month, kMaxMonth));
  glUniform1f(p.uniform("u_radius_k"), s.radius_k);
  glUniform2f(p.uniform("u_radius_range"), s.radius_min, s.radius_max);
  float pal[kEcosystemCount * 3];
  for (int i = 0; i < kEcosystemCount; ++i) {
    pal[i * 3 + 0] = ((kEcosystems[i].rgb >> 16) & 255) / 255.f;
    pal[i * 3 + 1] = ((kEcosystems[i].rgb >> 8) & 255) / 255.f;
    pal[i * 3 + 2] = (kEcosystems[i].rgb & 255) / 255.f;
  }
  glUniform3fv(p.uniform("u_palette"), kEcosystemCount, pal);
  glBindVertexArray(sprites.vao.id());
  glDrawElements(GL_TRIANGLES, sprites.count * 6, GL_UNSIGNED_INT, nullptr);
  glBindTexture(GL_TEXTURE_BUFFER, 0);
}

static void setPalette(const gl::Program& p) {
  float pal[kEcosystemCount * 3];
  for (int i = 0; i < kEcosystemCount; ++i) {
    pal[i * 3 + 0] = ((kEcosystems[i].rgb >> 16) & 255) / 255.f;
    pal[i * 3 + 1] = ((kEcosystems[i].rgb >> 8) & 255) / 255.f;
    pal[i * 3 + 2] = (kEcosystems[i].rgb & 255) / 255.f;
  }
  glUniform3fv(p.uniform("u_palette"), kEcosystemCount, pal);
}

void MapPass::bubbles(const GpuBubbles& b, float ring_px, float ring_min_px) const {
  if (!b.count) return;
  const gl::Program& p = r_->bubbles_;
  p.use();
  setView(p);
  setPalette(p);
  glUniform1f(p.uniform("u_ring_px"), ring_px);
  glUniform1f(p.uniform("u_ring_min"), ring_min_px);
  glBindVertexArray(b.vao.id());
  glDrawElements(GL_TRIANGLES, b.count * 6, GL_UNSIGNED_INT, nullptr);
}

void MapRenderer::prepare(const LayerFrame& frame, LayerStack& layers, const LayerVisibility& vis) {
  for (size_t i = 0; i < layers.size(); ++i) {
    MapLayer& l = layers.at(i);
    if (!l.prepareWhileHidden() && !vis.on(l.info().toggle)) continue;
    if (l.prepare(frame)) l.upload();
  }
}

// The shown layers that draw into the texture, in drawing order.
std::vector<int> MapRenderer::shownMapLayers(const LayerFrame& frame, const LayerStack& layers, const LayerVisibility& vis) const {
  std::vector<int> shown;
  for (size_t i = 0; i < layers.size(); ++i)
    if (!layers.at(i).info().map_z.empty() && layers.shown(i, frame, vis)) shown.push_back(static_cast<int>(i));
  return shown;
}

bool MapRenderer::render(const LayerFrame& frame, LayerStack& layers, const LayerVisibility& vis, bool may_move) {
  const View& v = frame.view;
  const bool moving = !(v == previous_view_);
  previous_view_ = v;
  moved_ = false;
  // A moving view over the same data, filter and layers: the last picture, moved; the layers are
  // not even prepared (what else changes meanwhile is drawn when the view rests).
  if (may_move && moving && !dirty_ && frame.scale == last_scale_ && frame.model_rev == last_model_rev_ && frame.filter == last_filter_ &&
      frame.pulse < 0 && v.width == last_view_.width && v.height == last_view_.height) {
    const MovedPicture m = movedPicture(last_view_, v);
    if (m.magnification >= 0.5 && m.magnification <= 2 && m.covered >= 0.75 &&
        std::ranges::equal(shownMapLayers(frame, layers, vis), last_content_, {}, {}, [](const auto& c) { return c.first; })) {
      moved_ = true;
      return false;
    }
  }
  prepare(frame, layers, vis);
  // What the texture would show: the shown layers that draw into it, with their revisions.
  std::vector<std::pair<int, uint64_t>> content;
  for (int i : shownMapLayers(frame, layers, vis)) content.push_back({i, layers.at(static_cast<size_t>(i)).revision()});
  if (!dirty_ && v == last_view_ && content == last_content_ && frame.scale == last_scale_) return false;
  dirty_ = false;
  last_view_ = v;
  last_model_rev_ = frame.model_rev;
  last_filter_ = frame.filter;
  last_scale_ = frame.scale;
  pass_.scale_ = frame.scale;
  last_content_ = content;
  view_ = v;
  origin_ = frame.derived.origin();
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
  for (const LayerStack::Pass& p : layers.mapPasses())
    if (layers.shown(p.layer, frame, vis)) layers.at(p.layer).draw(pass_, p.pass);
  target_.resolve();
  glBindVertexArray(0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return true;
}

void MapRenderer::composite(GLuint fbo, const View& view) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo);
  const int w = view.width, h = view.height;
  if (!moved_) {
    glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    return;
  }
  const MovedPicture m = movedPicture(last_view_, view);
  const uint32_t bg = style::kBackground;
  glDisable(GL_SCISSOR_TEST);
  glViewport(0, 0, w, h);
  glClearColor(((bg >> 16) & 255) / 255.f, ((bg >> 8) & 255) / 255.f, (bg & 255) / 255.f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  // GL's rows run bottom-up. Nearest sampling, a zoom's too: llvmpipe's linear blit costs ~15 ms
  // more a frame at 1600x1000, and the picture is drawn sharp as soon as the view rests.
  const auto px = [](double v) { return static_cast<GLint>(std::lround(v)); };
  glBlitFramebuffer(0, 0, last_view_.width, last_view_.height, px(m.x0), px(h - m.y1), px(m.x1), px(h - m.y0), GL_COLOR_BUFFER_BIT,
                    GL_NEAREST);
}

}  // namespace cm
