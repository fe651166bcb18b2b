// One frame, the same in every mode (window, headless, capture):
//   1. input: map interaction and keys (window frames), animation by dt
//   2. derived data brought up to date with the state (core/derived.h)
//   3. hover: the layers' hit tests, top first
//   4. panels from the registry; if one changed the state, the frame is built again with fresh
//      derived data, so totals and map never show different states
//   5. the map texture (redrawn only when the view or a shown layer changed), the layers'
//      overlays, the card and tooltips
//   6. present: skipped when the draw data equals what is already there
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>


#include <chrono>
#include <optional>
#include <tuple>

#include "ui/app_impl.h"
#include "ui/layout.h"
#include "ui/tour_player.h"

namespace cm {

using Clock = std::chrono::steady_clock;
static double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

namespace {

// The part of the state a panel edits (every feature's settings included); equal snapshots derive
// and draw the same.
struct Snapshot {
  View view;
  Filter filter;
  LayerVisibility layers;
  PointStyle points;
  Lang lang;
  Aggregate aggregate;
  int selected;
  FeatureStates features;
  bool operator==(const Snapshot&) const = default;
};
Snapshot snapshot(const AppState& s) { return {s.view, s.filter, s.layers, s.points, s.lang, s.aggregate, s.selected, s.features}; }

// The docked panels: one fixed window per dock, its panels in registration order; in
// presentation mode only the panels registered for it, in the presentation arrangement.
void drawRail(UiContext& ui, ImVec2 pos, ImVec2 size);

void drawDocks(UiContext& ui, const std::vector<PanelSpec>& panels, std::vector<LabelBox>& boxes) {
  boxes.clear();
  const layout::Layout& lay = ui.layout;
  const float W = static_cast<float>(ui.st.view.width), H = static_cast<float>(ui.st.view.height);
  const float m = lay.margin, s = lay.scale;
  // Compact windows keep their title bars, so a panel can be folded down to its title.
  const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                 (lay.compact ? 0 : ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse);
  struct DockWindow {
    Dock dock;
    const char* name;
    ImVec2 pos, pivot, size;
    ImGuiWindowFlags extra;
  };
  std::vector<DockWindow> docks;
  const float left_w = lay.compact ? lay.rail_w : lay.sidebar_w;  // a compact sidebar folds into a rail
  const float timeline_x = lay.present ? m : left_w + 2 * m;
  if (lay.chrome == layout::Chrome::MapOnly) {
    return;  // the map and its furniture only
  } else if (lay.chrome == layout::Chrome::Poster) {  // title card and legend
    docks = {
        {Dock::Left, "##title", {m, m}, {0, 0}, {std::min(560 * s, W * 0.45f), 0}, ImGuiWindowFlags_AlwaysAutoResize},
        {Dock::RightBottom, "##legend", {W - lay.right_w - m, H - m}, {0, 1}, {lay.right_w, 0}, ImGuiWindowFlags_AlwaysAutoResize},
    };
  } else if (lay.present) {
    docks = {
        {Dock::Left, "##title", {m, m}, {0, 0}, {std::min(560 * s, W * 0.45f), 0}, ImGuiWindowFlags_AlwaysAutoResize},
        {Dock::RightTop, "##totals", {W - lay.right_w - m, m}, {0, 0}, {lay.right_w, 0}, ImGuiWindowFlags_AlwaysAutoResize},
        {Dock::RightBottom, "##legend", {W - lay.right_w - m, H - lay.timeline_h - 2 * m}, {0, 1}, {lay.right_w, 0},
         ImGuiWindowFlags_AlwaysAutoResize},
        // The caption card: the box the layout reserves (steps frame their content beside it).
        {Dock::Caption, "##caption", {static_cast<float>(lay.caption.x0), static_cast<float>(lay.caption.y0)}, {0, 0},
         {static_cast<float>(lay.caption.x1 - lay.caption.x0), static_cast<float>(lay.caption.y1 - lay.caption.y0)}, 0},
        {Dock::Bottom, "##timeline", {m, H - lay.timeline_h - m}, {0, 0}, {W - 2 * m, lay.timeline_h}, 0},
    };
  } else {
    docks = {
        {Dock::Left, lay.compact ? "###sidebar" : "##sidebar", {m, m}, {0, 0}, {lay.sidebar_w, H - 2 * m}, 0},
        {Dock::RightTop, lay.compact ? "###totals" : "##totals", {W - lay.right_w - m, m}, {0, 0}, {lay.right_w, 0},
         ImGuiWindowFlags_AlwaysAutoResize},
        {Dock::RightBottom, lay.compact ? "###legend" : "##legend", {W - lay.right_w - m, H - lay.timeline_h - 2 * m}, {0, 1},
         {lay.right_w, 0}, ImGuiWindowFlags_AlwaysAutoResize},
        {Dock::Caption, "##caption", {timeline_x, H - lay.timeline_h - 2 * m}, {0, 1}, {lay.caption_w, 0},
         ImGuiWindowFlags_AlwaysAutoResize},
        {Dock::Bottom, lay.compact ? "###timeline" : "##timeline", {timeline_x, H - lay.timeline_h - m}, {0, 0},
         {W - left_w - 3 * m, lay.timeline_h}, 0},
    };
  }
  // The load report (an exported poster or map carries none: stderr has it) takes a slot of its
  // own: the foot of the side column, or the right column when there is no side panel.
  const bool report = lay.chrome == layout::Chrome::Full && hasMessages(ui.st);
  const bool report_left = report && !lay.present && !lay.compact;
  float left_reserved = 0;  // the side panel ends this much higher
  if (report_left) {
    const LabelBox r = drawMessagesPanel(ui, m, H - m, 1, lay.sidebar_w, (H - 2 * m) * 0.5f);
    if (r.y1 > r.y0) left_reserved = static_cast<float>(r.y1 - r.y0) + m, boxes.push_back(r);
  }
  float right_top_bottom = m;  // the right column's top window ends here
  for (const DockWindow& d : docks) {
    if (d.dock == Dock::RightBottom && report && !report_left) {  // the report between the top window and the legend
      const float top = right_top_bottom + m, room = d.pos.y - top;
      // At most half the room, and never so much that the legend gets less than its 60 px minimum;
      // where the column cannot hold both (a tiny window), the legend yields until the report is dismissed.
      const float most = std::min(room * 0.5f - m, room - 60.f * s - 2 * m);
      const bool legend_yields = most < 2 * ImGui::GetFrameHeight();
      const LabelBox r = drawMessagesPanel(ui, W - lay.right_w - m, top, 0, lay.right_w, legend_yields ? room : most);
      if (r.y1 > r.y0) right_top_bottom = static_cast<float>(r.y1), boxes.push_back(r);
      if (legend_yields && r.y1 > r.y0) continue;
    }
    std::vector<const PanelSpec*> here;
    for (const PanelSpec& p : panels)
      if (p.section.empty() && p.dock == d.dock && (!lay.present || p.in_present_mode) && (!p.shown || p.shown(ui)))
        here.push_back(&p);  // a section is drawn by its panel, not docked
    if (here.empty()) continue;
    if (d.dock == Dock::Left && lay.compact && !ui.st.sidebar_open) {  // the rail: icons that open the drawer
      drawRail(ui, {m, m}, {lay.rail_w, H - 2 * m});
      boxes.push_back({m, m, m + lay.rail_w, H - m});
      continue;
    }
    ImGui::SetNextWindowPos(d.pos, 0, d.pivot);
    ImGui::SetNextWindowSize(d.dock == Dock::Left && !lay.compact ? ImVec2{d.size.x, d.size.y - left_reserved} : d.size);
    if (d.dock == Dock::RightBottom) {  // never over the top window: at most the height left, then it scrolls
      const float room = std::max(60.f * s, d.pos.y - right_top_bottom - m);
      ImGui::SetNextWindowSizeConstraints({d.size.x, 0}, {d.size.x, room});
    }
    std::string title = d.name;
    if (lay.compact) {  // a title to fold down to
      const Str names[] = {S::Layers, S::Totals, S::Legend, S::Time, S::Time};
      const Dock order[] = {Dock::Left, Dock::RightTop, Dock::RightBottom, Dock::Bottom, Dock::Caption};
      for (int k = 0; k < 5; ++k)
        if (order[k] == d.dock) title = std::string(tr(ui.st.lang, names[k])) + d.name;
    }
    bool keep_open = true;  // a compact sidebar is a drawer: its title bar's × folds it back into the rail
    ImGui::Begin(title.c_str(), d.dock == Dock::Left && lay.compact ? &keep_open : nullptr, fixed | d.extra);
    if (!keep_open) ui.st.sidebar_open = false;
    for (const PanelSpec* p : here) p->draw(ui);
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    boxes.push_back({pos.x, pos.y, pos.x + size.x, pos.y + size.y});
    if (d.dock == Dock::RightTop) right_top_bottom = pos.y + size.y;
    ImGui::End();
  }
}

// The compact sidebar folded: a column of icons (drawn, not glyphs) — open the drawer, fit
// Hangzhou, switch the language, present.
void drawRail(UiContext& ui, ImVec2 pos, ImVec2 size) {
  AppState& st = ui.st;
  const Lang L = st.lang;
  const float s = ui.s();
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::Begin("##rail", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float b = size.x - 2 * ImGui::GetStyle().WindowPadding.x;
  const ImU32 ink = IM_COL32(40, 60, 90, 255);
  auto icon = [&](const char* id, const char* tip, auto draw) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton(id, {b, b});
    if (ImGui::IsItemHovered()) {
      dl->AddRectFilled(p, {p.x + b, p.y + b}, IM_COL32(210, 225, 245, 255), 4 * s);
      ImGui::SetTooltip("%s", tip);
    }
    draw(ImVec2{p.x + b / 2, p.y + b / 2}, b * 0.32f);
    return clicked;
  };
  if (icon("##open", tr(L, S::RailOpen), [&](ImVec2 c, float r) {  // ≡
        for (int k = -1; k <= 1; ++k) dl->AddLine({c.x - r, c.y + k * r * 0.6f}, {c.x + r, c.y + k * r * 0.6f}, ink, 2.2f * s);
      }))
    st.sidebar_open = true;
  if (icon("##fit", tr(L, S::RailFit), [&](ImVec2 c, float r) {  // a frame with corners
        const float q = r * 0.45f;
        for (int sx : {-1, 1})
          for (int sy : {-1, 1}) {
            const ImVec2 k{c.x + sx * r, c.y + sy * r};
            dl->AddLine(k, {k.x - sx * q, k.y}, ink, 2.f * s);
            dl->AddLine(k, {k.x, k.y - sy * q}, ink, 2.f * s);
          }
        dl->AddCircleFilled(c, r * 0.25f, ink);
      }))
    fitHome(st);
  if (icon("##lang", tr(L, S::Language), [&](ImVec2 c, float) {  // the other language's name
        const char* t = tr(L, S::RailLang);
        const ImVec2 ts = ImGui::CalcTextSize(t);
        dl->AddText({c.x - ts.x / 2, c.y - ts.y / 2}, ink, t);
      }))
    st.lang = L == Lang::Zh ? Lang::En : Lang::Zh;
  if (icon("##present", tr(L, S::RailPresent), [&](ImVec2 c, float r) {  // a screen with a play mark
        dl->AddRect({c.x - r, c.y - r * 0.75f}, {c.x + r, c.y + r * 0.6f}, ink, 2 * s, 0, 2.f * s);
        dl->AddTriangleFilled({c.x - r * 0.3f, c.y - r * 0.4f}, {c.x - r * 0.3f, c.y + r * 0.25f}, {c.x + r * 0.4f, c.y - r * 0.08f}, ink);
      }))
    st.present = true;
  ImGui::End();
}

// FNV-1a over every vertex, index and command of the frame's draw lists: equal hashes mean the
// frame would look exactly like the one on screen.
uint64_t drawDataHash(const ImDrawData* dd) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&h](const void* p, size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
  };
  for (int l = 0; l < dd->CmdListsCount; ++l) {
    const ImDrawList* dl = dd->CmdLists[l];
    mix(dl->VtxBuffer.Data, dl->VtxBuffer.size_in_bytes());
    mix(dl->IdxBuffer.Data, dl->IdxBuffer.size_in_bytes());
    for (const ImDrawCmd& c : dl->CmdBuffer) {
      mix(&c.ClipRect, sizeof c.ClipRect);
      mix(&c.TextureId, sizeof c.TextureId);
      mix(&c.ElemCount, sizeof c.ElemCount);
    }
  }
  return h;
}

}  // namespace

// A frame larger than the GL allows, in tiles of at most `tile` pixels a side: each tile gets the
// map drawn for its part of the view, then the frame's ImGui draw data with its origin moved to
// the tile's corner (ImGui clips in frame coordinates, the backend offsets by DisplayPos), read
// back into its place in the image.
void App::renderTiles(const LayerFrame& lf, int tile, Image& out) {
  Impl& I = *impl_;
  Gpu& gpu = *I.gpu;
  const int W = st_.view.width, H = st_.view.height;
  out = Image{W, H, std::vector<unsigned char>(static_cast<size_t>(W) * H * 4)};
  ImDrawData* dd = ImGui::GetDrawData();
  const ImVec2 pos = dd->DisplayPos, size = dd->DisplaySize;
  std::vector<unsigned char> px;
  for (int ty = 0; ty < H; ty += tile)
    for (int tx = 0; tx < W; tx += tile) {
      const int tw = std::min(tile, W - tx), th = std::min(tile, H - ty);
      View tv = st_.view;  // the same scale, centred on the tile
      tv.center = st_.view.toWorld({tx + tw * 0.5, ty + th * 0.5});
      tv.width = tw;
      tv.height = th;
      const LayerFrame tf{lf.model, lf.model_rev, lf.derived, tv,        lf.filter,    lf.points, lf.lang,
                          lf.hover, lf.selected,  lf.scale,   lf.lifecycle, lf.pulse, lf.features};
      gpu.map.render(tf, gpu.layers, st_.layers);
      gpu.frame_target.resize(tw, th, 1);
      const GLuint fbo = gpu.frame_target.resolvedFbo();
      glBindFramebuffer(GL_READ_FRAMEBUFFER, gpu.map.framebuffer());
      glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo);
      glBlitFramebuffer(0, 0, tw, th, 0, 0, tw, th, GL_COLOR_BUFFER_BIT, GL_NEAREST);
      glBindFramebuffer(GL_FRAMEBUFFER, fbo);
      glViewport(0, 0, tw, th);
      dd->DisplayPos = {pos.x + tx, pos.y + ty};
      dd->DisplaySize = {static_cast<float>(tw), static_cast<float>(th)};
      ImGui_ImplOpenGL3_RenderDrawData(dd);
      glFinish();
      px.resize(static_cast<size_t>(tw) * th * 4);
      glPixelStorei(GL_PACK_ALIGNMENT, 1);
      glReadPixels(0, 0, tw, th, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
      for (int y = 0; y < th; ++y)  // GL rows bottom-up; the image's top-down
        std::copy_n(&px[static_cast<size_t>(th - 1 - y) * tw * 4], tw * 4, &out.rgba[(static_cast<size_t>(ty + y) * W + tx) * 4]);
    }
  dd->DisplayPos = pos;
  dd->DisplaySize = size;
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  for (size_t i = 3; i < out.rgba.size(); i += 4) out.rgba[i] = 255;
  gpu.map.invalidate();  // the next frame draws the whole view again
}

namespace {

// The frame's size and HiDPI factors: the window's framebuffer (a resize refits the view), or the
// offscreen target's size.
struct FrameSize {
  float content_scale = 1;  // framebuffer pixels per window unit
  float mouse_ratio = 1;    // the same for the cursor's window coordinates
};
FrameSize frameSize(App::Impl& I, AppState& st, const FrameTarget& target) {
  FrameSize fz;
  if (!target.window) {
    st.view.width = target.w;
    st.view.height = target.h;
    fz.content_scale = I.content_scale;
    return fz;
  }
  int w, h, ww, wh;
  glfwGetFramebufferSize(I.window, &w, &h);
  glfwGetWindowSize(I.window, &ww, &wh);
  float cx = 1, cy = 1;
  glfwGetWindowContentScale(I.window, &cx, &cy);
  fz.content_scale = std::max(cx, cy);
  if (ww > 0) fz.mouse_ratio = static_cast<float>(w) / ww;
  if (w > 0 && h > 0 && (w != st.view.width || h != st.view.height)) refitAfterResize(st, w, h);
  return fz;
}

// The projects' symbols grow with the UI; a life-cycle ring or half must stay readable.
PointStyle scaledPoints(const AppState& st, float scale) {
  PointStyle points = st.points;
  points.radius_k *= scale;
  points.radius_min *= scale;
  points.radius_max *= scale;
  if (st.lifecycle) points.radius_min = std::max(points.radius_min, 4.5f * scale);
  return points;
}

// What the derived data is computed from this frame.
DerivedInputs derivedInputs(App::Impl& I, AppState& st, const std::shared_ptr<const Model>& model, uint64_t model_rev, float scale) {
  // Whatever moved the time window this frame (a panel, playback, a tour step), undated projects
  // follow the one rule: in a window that covers the whole timeline, or when asked (core/filter.h).
  syncUndated(st.filter, st.timeline.first_month, st.timeline.last_month, st.timeline.include_undated);
  return DerivedInputs{.model = model,
                       .model_rev = model_rev,
                       .filter = st.filter,
                       .first_month = st.timeline.first_month,
                       .last_month = st.timeline.last_month,
                       .units_per_px = st.view.units_per_px,
                       .aggregate = st.aggregate,
                       .bin_cell_px = kBinCellPx * scale,
                       .allow_async = I.interactive,  // headless frames (screenshots, tests) are complete at once
                       .picking = I.interactive,
                       .view = st.view,
                       .features = &st.features,
                       .demanded = demandedProducts(I.features, st)};  // the features' products something shown needs
}

// ImGui's new frame, in one coordinate system: framebuffer pixels (HiDPI windows included);
// headless frames have no cursor unless a test feeds one.
void newImGuiFrame(App::Impl& I, const AppState& st, double dt, const FrameTarget& target, float mouse_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  ImGui_ImplOpenGL3_NewFrame();
  if (target.poll_input) {
    ImGui_ImplGlfw_NewFrame();
    int fw, fh;
    glfwGetFramebufferSize(I.window, &fw, &fh);
    io.DisplaySize = {static_cast<float>(fw), static_cast<float>(fh)};
    io.DisplayFramebufferScale = {1, 1};
    if (io.MousePos.x > -1e30f) io.MousePos = {io.MousePos.x * mouse_ratio, io.MousePos.y * mouse_ratio};
  } else {
    io.DeltaTime = dt > 0 ? static_cast<float>(dt) : 1.f / 60;
    if (!target.window && !I.interactive && !I.fed_input) io.MousePos = {-FLT_MAX, -FLT_MAX};
  }
  if (!target.window) {
    io.DisplaySize = {static_cast<float>(st.view.width), static_cast<float>(st.view.height)};
    io.DisplayFramebufferScale = {1, 1};
  }
  ImGui::NewFrame();
}

// The features' floating windows (the full layout only); their boxes are kept clear of labels.
void drawFeatureWindows(App::Impl& I, UiContext& ui) {
  if (ui.layout.chrome != layout::Chrome::Full || ui.layout.present) return;
  for (const UiFeature& f : I.features)
    for (const WindowSpec& w : f.windows) {
      w.draw(ui);
      if (ImGuiWindow* win = ImGui::FindWindowByName(w.imgui_name.c_str()); win && win->Active)
        I.panel_boxes.push_back({win->Pos.x, win->Pos.y, win->Pos.x + win->Size.x, win->Pos.y + win->Size.y});
    }
}

// Over the map, under the panels: the layers' overlays (labels, furniture …), the features' own
// drawing (the measuring tool …) and the presenter's pointer.
void drawOverMap(App::Impl& I, UiContext& ui, const LayerFrame& lf) {
  Gpu& gpu = *I.gpu;
  AppState& st = ui.st;
  const layout::Layout& lay = ui.layout;
  OverlayFrame of{ImGui::GetBackgroundDrawList(), I.fonts.ui, I.fonts.label, I.panel_boxes, {}, {},
                  {lay.map.x0, lay.map.y0, lay.map.x1, lay.map.y1}};
  for (size_t i = 0; i < gpu.layers.size(); ++i)
    if (gpu.layers.shown(i, lf, st.layers)) of.shown.push_back(&gpu.layers.at(i));
  for (size_t i : gpu.layers.overlayOrder())
    if (gpu.layers.shown(i, lf, st.layers)) gpu.layers.at(i).overlay(lf, of);
  I.labels = std::move(of.placed);
  for (const UiFeature& f : I.features)
    if (f.overlay) f.overlay(ui, ImGui::GetBackgroundDrawList());
  if (st.pointer_on) {  // the presenter's pointer (console): a glowing ring on the audience's map
    const float scale = lay.scale;
    const Vec2 p = st.view.toScreen(st.pointer);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 c{static_cast<float>(p.x), static_cast<float>(p.y)};
    for (int k = 4; k >= 1; --k) dl->AddCircleFilled(c, (10.f + 7.f * k) * scale, IM_COL32(255, 60, 40, 22));
    dl->AddCircle(c, 16.f * scale, IM_COL32(230, 40, 30, 255), 0, 3.f * scale);
    dl->AddCircleFilled(c, 4.f * scale, IM_COL32(230, 40, 30, 255));
  }
}

// The finished frame to the window or the offscreen target — unless nothing changed (no GL work,
// no swap). The map is copied 1:1 (a blit, no blending), then ImGui draws the overlay and panels.
void presentFrame(App::Impl& I, const View& view, const FrameTarget& target, FrameStats& fs) {
  Gpu& gpu = *I.gpu;
  const uint64_t hash = drawDataHash(ImGui::GetDrawData());
  fs.hash = hash;
  fs.presented = false;
  uint64_t& shown = target.window ? I.presented_hash : I.offscreen_hash;
  const bool unchanged = hash == shown && !(target.window && I.force_present);
  if (!target.present || (!fs.map_redrawn && !gpu.map.previewing() && unchanged)) return;
  shown = hash;
  if (target.window) I.force_present = false;
  fs.presented = true;
  GLuint fbo = 0;
  if (!target.window) {
    gpu.frame_target.resize(view.width, view.height, 1);
    fbo = gpu.frame_target.resolvedFbo();
  }
  gpu.map.composite(fbo, view);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glViewport(0, 0, view.width, view.height);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

// One frame: its size, then passes of (input, time, derived data, panels) until no panel changes
// the document (at most three), the features' windows, the load UI, the card and tooltip, the map
// (drawn only when it changed) and what goes over it; then presented when anything changed.
FrameStats App::runFrame(double dt, const FrameTarget& target) {
  Impl& I = *impl_;
  Gpu& gpu = *I.gpu;
  FrameStats fs;
  std::optional<LayerFrame> tile_frame;
  const auto t0 = Clock::now();
  const View view_before = st_.view;  // a tour step's frame follows a new layout (reframeStep)
  const FrameSize fz = frameSize(I, st_, target);
  updateScale(fz.content_scale);
  if (st_.selected >= static_cast<int>(model_->projects.size())) st_.selected = -1;
  const float scale = st_.ui_scale;
  if (st_.present != I.laid_out_present) {  // F11 / Esc: the map area changes; what it showed stays in it
    keepMapArea(st_, I.laid_out_present, I.laid_out_scale);
    I.laid_out_present = st_.present;
  }
  I.laid_out_scale = scale;
  reframeStep(st_, *model_, view_before);
  const layout::Layout lay = layout::computeLayout(st_.view.width, st_.view.height, scale, st_.present, st_.chrome);
  const PointStyle points = scaledPoints(st_, scale);
  const Model& m = *model_;
  ImGuiIO& io = ImGui::GetIO();
  for (int pass = 0;; ++pass) {
    newImGuiFrame(I, st_, dt, target, fz.mouse_ratio);
    I.derived.update(derivedInputs(I, st_, model_, model_rev_, scale));
    auto frameOf = [&](Pick hover) {
      return LayerFrame{m,     model_rev_,   I.derived, st_.view,      st_.filter, points, st_.lang, hover, st_.selected,
                        scale, st_.lifecycle, st_.timeline.playing ? st_.timeline.stepFraction() : -1.0, st_.features};
    };
    auto pick = [&](Vec2 at) -> Pick {
      const LayerFrame lf = frameOf({});
      for (size_t i : gpu.layers.pickOrder())
        if (gpu.layers.shown(i, lf, st_.layers))
          if (const int item = gpu.layers.at(i).hitTest(lf, at); item >= 0) return {&gpu.layers.at(i), item};
      return {};
    };
    if (pass == 0) {
      // Window frames read the map's input; headless ones only what a test fed (App::feed: keys,
      // drags, the wheel), so the keys a test presses act as in the window.
      if (target.poll_input || (I.fed_input && !I.interactive)) handleMapInput(I, st_, m, pick);
      for (const UiFeature& f : I.features)  // time passing: a tour's flight and clock …
        if (f.advance) f.advance(st_, m, dt);
      advancePlayback(st_.timeline, st_.filter, dt);
    }
    I.derived.update(derivedInputs(I, st_, model_, model_rev_, scale));  // the view or the time may have moved
    if (st_.selected >= 0 && !passes(m.projects, st_.selected, st_.filter)) st_.selected = -1;  // filtered away

    const bool mouse_on_map = !io.WantCaptureMouse && io.MousePos.x > -1e30f && !(I.dragging && I.dragged);
    // Presentation: no hover (no tooltip or ring under the hidden pointer, none following a flight).
    st_.hover = mouse_on_map && !st_.present ? pick({io.MousePos.x, io.MousePos.y}) : Pick{};
    const LayerFrame lf = frameOf(st_.hover);
    UiContext ui{st_, m, I.derived, I.fonts, gpu.layers, lf, lay, dt, I.services.get(), &I.panels, &I.features};
    const Snapshot before = snapshot(st_);
    drawDocks(ui, I.panels, I.panel_boxes);
    if (!(snapshot(st_) == before) && pass < 2) {
      ImGui::EndFrame();  // a panel changed the state: build the frame again on fresh data
      continue;
    }
    fs.passes = pass + 1;
    I.popup_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    I.derived.update(derivedInputs(I, st_, model_, model_rev_, scale));
    drawFeatureWindows(I, ui);
    drawLoadUi();
    if (st_.selected >= 0 && st_.layers.on(ids::kProjects)) drawProjectCard(ui, st_.selected);
    if (st_.hover) st_.hover.layer->tooltip(lf, st_.hover.item);
    const auto tm = Clock::now();
    if (target.tile > 0) tile_frame.emplace(lf), gpu.map.prepare(lf, gpu.layers, st_.layers);  // drawn tile by tile below
    else fs.map_redrawn = gpu.map.render(lf, gpu.layers, st_.layers, target.may_move && !st_.tour.flying);
    fs.map_ms = msSince(tm);
    drawOverMap(I, ui, lf);
    break;
  }
  ImGui::Render();
  if (tile_frame && target.tile_out && target.present) renderTiles(*tile_frame, target.tile, *target.tile_out);
  else presentFrame(I, st_.view, target, fs);
  fs.frame_ms = msSince(t0);
  return fs;
}

}  // namespace cm
