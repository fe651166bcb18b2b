#include "ui/app.h"

#include <glad/gl.h>
// glad first, then GLFW without its own GL header.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <chrono>
#include <cstdio>
#include <optional>
#include <tuple>

#include "core/dates.h"
#include "core/stats.h"
#include "data/data_paths.h"
#include "geo/spatial_index.h"
#include "render/map_renderer.h"
#include "ui/fonts.h"
#include "ui/layout.h"
#include "ui/map_overlay.h"
#include "ui/panels.h"

namespace cm {

using Clock = std::chrono::steady_clock;
static double msSince(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

struct App::Impl {
  GLFWwindow* window = nullptr;
  bool imgui_ready = false;
  bool offscreen = false;
  MapRenderer map;
  gl::RenderTarget frame_target;  // offscreen mode: where the whole frame goes
  Fonts fonts;
  std::unique_ptr<PointIndex> index;
  std::unique_ptr<StatsEngine> engine;
  std::unique_ptr<StatsEngine> target_engine;  // fixed filter: manufacturing, any size
  std::optional<TargetProgress> targets;
  Stats stats, all_time;
  std::optional<Filter> stats_filter;  // the filter `stats` was computed for
  std::vector<LabelBox> panel_boxes;   // where this frame's panels are (labels avoid them)
  Binning binning;                          // bubbles for the current filter and zoom
  std::optional<std::tuple<Filter, double, Aggregate>> bin_key;  // what `binning` was made for
  bool aggregated = false;                  // the map shows `binning` instead of the projects
  uint64_t presented_hash = 0;         // draw data of the frame on screen
  bool force_present = true;           // e.g. after an expose event
  bool dragging = false;
  double last_x = 0, last_y = 0;
  int events = 0;  // input events since the last frame (set by GLFW callbacks)
  ~Impl() {
    if (imgui_ready) {
      ImGui_ImplOpenGL3_Shutdown();
      ImGui_ImplGlfw_Shutdown();
      ImGui::DestroyContext();
    }
    if (window) glfwDestroyWindow(window);
    glfwTerminate();
  }
};

void fitHome(AppState& st) {
  using namespace layout;
  st.view.fitInto(st.home, kSidebarW + 2 * kMargin, kMargin, st.view.width - kRightW - 2 * kMargin,
                  st.view.height - kTimelineH - 2 * kMargin);
}

AppState defaultState(const Model& m) {
  AppState st;
  const Projects& p = m.projects;
  if (p.size()) {
    int lo = INT32_MAX, hi = INT32_MIN;
    for (int32_t d : p.signed_day) {
      lo = std::min(lo, monthOfDay(d));
      hi = std::max(hi, monthOfDay(d));
    }
    st.timeline.first_month = lo;
    st.timeline.last_month = hi;
  }
  st.filter.month_from = st.timeline.first_month;
  st.filter.month_to = st.timeline.last_month;
  for (const District& d : m.districts)
    for (const Polygon& poly : d.xy)
      for (const Vec2& v : poly.rings[0]) st.home.add(v);
  return st;
}

App::App(const Model& model) : impl_(std::make_unique<Impl>()), model_(model) {}
App::~App() = default;

static void onEvent(GLFWwindow* w) { static_cast<App::Impl*>(glfwGetWindowUserPointer(w))->events++; }

GlyphText neededText(const Model& m) {
  GlyphText t;
  t.ui = allUiText();
  for (const District& d : m.districts) t.labels += d.name_zh + d.name_en;
  for (const Park& p : m.parks) t.labels += p.name_zh + p.name_en;
  for (const std::string& s : m.projects.name_zh) t.data += s;
  for (const std::string& s : m.projects.foreign) t.data += s;
  return t;
}

static void applyStyle() {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowRounding = 8;
  s.FrameRounding = 4;
  s.GrabRounding = 4;
  s.WindowBorderSize = 0;
  s.WindowPadding = {12, 10};
  s.ItemSpacing = {8, 5};
  s.Colors[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 0.94f);
  s.Colors[ImGuiCol_Header] = ImVec4(0.90f, 0.92f, 0.95f, 1);
  s.Colors[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.94f, 0.96f, 1);
}

Result<bool> App::openWindow(int width, int height) {
  using R = Result<bool>;
  Impl& I = *impl_;
  I.offscreen = true;  // until runInteractive() shows the window
  glfwSetErrorCallback([](int, const char* d) { std::fprintf(stderr, "GLFW: %s\n", d); });
  if (!glfwInit()) return R::fail("cannot open a window: GLFW could not initialise (no display? run under xvfb-run)");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  I.window = glfwCreateWindow(width, height, "chainmap — 杭州产业链招商地图", nullptr, nullptr);
  if (!I.window) return R::fail("cannot create an OpenGL 3.3 core window (is a display or Xvfb running?)");
  glfwMakeContextCurrent(I.window);
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) return R::fail("cannot load OpenGL 3.3 functions");
  glfwSwapInterval(1);
  glfwSetWindowUserPointer(I.window, impl_.get());
  // Installed before ImGui's, which chains to them: any input wakes the loop.
  glfwSetCursorPosCallback(I.window, [](GLFWwindow* w, double, double) { onEvent(w); });
  glfwSetMouseButtonCallback(I.window, [](GLFWwindow* w, int, int, int) { onEvent(w); });
  glfwSetScrollCallback(I.window, [](GLFWwindow* w, double, double) { onEvent(w); });
  glfwSetKeyCallback(I.window, [](GLFWwindow* w, int, int, int, int) { onEvent(w); });
  glfwSetCharCallback(I.window, [](GLFWwindow* w, unsigned) { onEvent(w); });
  glfwSetWindowSizeCallback(I.window, [](GLFWwindow* w, int, int) { onEvent(w); });
  glfwSetWindowRefreshCallback(I.window, [](GLFWwindow* w) {
    onEvent(w);
    static_cast<App::Impl*>(glfwGetWindowUserPointer(w))->force_present = true;
  });

  st_.view.width = width;
  st_.view.height = height;
  I.frame_target.resize(width, height, 1);
  return true;
}

Result<bool> App::start(AppState state, Fonts fonts) {
  using R = Result<bool>;
  Impl& I = *impl_;
  const View view = st_.view;
  st_ = std::move(state);
  st_.view.width = view.width;
  st_.view.height = view.height;
  I.fonts = std::move(fonts);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext(I.fonts.atlas.get());  // the atlas was built on the loader thread
  ImGui::GetIO().IniFilename = nullptr;        // layout is code, not a file
  applyStyle();
  ImGui_ImplGlfw_InitForOpenGL(I.window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  I.imgui_ready = true;
  if (auto ok = I.map.init(shaderDir()); !ok) return R::fail(ok.error());
  I.map.setModel(model_);
  I.engine = std::make_unique<StatsEngine>(model_);
  if (auto t = loadTargets(assetDir() + "/targets.json"); t) {
    I.targets = TargetProgress{*t};
    I.target_engine = std::make_unique<StatsEngine>(model_);
    Filter manufacturing;
    manufacturing.sectors = 1;
    I.target_engine->setAttributeFilter(manufacturing);
  } else {
    st_.warnings.push_back(t.error());
  }
  if (model_.projects.size()) I.index = std::make_unique<PointIndex>(model_.projects.x, model_.projects.y);
  return true;
}

// ---- one frame ------------------------------------------------------------------------------

static void handleMapInput(App::Impl& I, AppState& st, const Model& m) {
  ImGuiIO& io = ImGui::GetIO();
  const Vec2 mouse{io.MousePos.x, io.MousePos.y};
  if (!io.WantCaptureMouse) {
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) { I.dragging = true; I.last_x = mouse.x; I.last_y = mouse.y; }
    if (io.MouseWheel != 0) st.view.zoomAt(mouse, std::pow(1.2, io.MouseWheel));
  }
  // A click that did not drag selects the project under the cursor (or clears the selection).
  if (I.dragging && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
      ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0).x == 0 && ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0).y == 0)
    st.selected = st.hovered;
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) I.dragging = false;
  if (I.dragging && (mouse.x != I.last_x || mouse.y != I.last_y)) {
    st.view.panPixels(mouse.x - I.last_x, mouse.y - I.last_y);
    I.last_x = mouse.x;
    I.last_y = mouse.y;
  }
  if (!io.WantCaptureKeyboard && (ImGui::IsKeyPressed(GLFW_KEY_F) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home)))) fitHome(st);

  // Hover: the bubble under the cursor when aggregated, else the nearest visible project whose
  // disc is under the cursor.
  st.hovered = -1;
  st.hovered_bin = -1;
  if (I.aggregated && st.layers.projects && !io.WantCaptureMouse && !I.dragging && io.MousePos.x >= 0) {
    double best = 1e300;
    for (size_t b = 0; b < I.binning.bins.size(); ++b) {
      const Vec2 s = st.view.toScreen(I.binning.bins[b].xy);
      const double d = std::hypot(s.x - mouse.x, s.y - mouse.y);
      if (d <= I.binning.radiusPx(I.binning.bins[b], kBinCellPx) + 2 && d < best) {
        best = d;
        st.hovered_bin = static_cast<int>(b);
      }
    }
  } else if (I.index && st.layers.projects && !io.WantCaptureMouse && !I.dragging && io.MousePos.x >= 0) {
    const Vec2 w = st.view.toWorld(mouse);
    const double upp = st.view.units_per_px;
    const Projects& p = m.projects;
    const auto hits = I.index->within(w.x, w.y, (st.points.radius_max + 2) * upp, [&](size_t i) {
      if (!passes(p, i, st.filter)) return false;
      const double r = (pointRadiusPx(st.points, p.investment_yi[i]) + 2) * upp;
      return std::hypot(p.x[i] - w.x, p.y[i] - w.y) <= r;
    });
    if (!hits.empty()) st.hovered = static_cast<int>(hits.front());
  }
  if (st.selected >= 0 && !passes(m.projects, st.selected, st.filter)) st.selected = -1;  // filtered away
}

// Re-bins when the filter, the zoom (cell size) or the mode changed; panning keeps the bins.
static void updateAggregation(App::Impl& I, AppState& st, const Model& m) {
  const double cell = kBinCellPx * st.view.units_per_px;
  const auto key = std::make_tuple(st.filter, cell, st.aggregate);
  if (I.bin_key && *I.bin_key == key) return;
  I.bin_key = key;
  if (st.aggregate == Aggregate::Off) {
    I.binning = {};
  } else {
    I.binning = binProjects(m.projects, st.filter, cell);
  }
  const bool agg = st.aggregate == Aggregate::On ||
                   (st.aggregate == Aggregate::Auto && I.binning.members > 4000 && I.binning.meanOccupancy() > 2.0);
  if (agg || I.aggregated) I.map.setBins(agg ? I.binning : Binning{}, kBinCellPx);
  I.aggregated = agg;
}

static void advanceTimeline(AppState& st, double dt) {
  Timeline& t = st.timeline;
  if (!t.playing) return;
  t.play_accum += dt;
  if (t.play_accum < 0.6) return;
  t.play_accum = 0;
  if (st.filter.month_to < t.last_month) ++st.filter.month_to;
  else t.playing = false;
}

static void drawPanels(UiContext& ui, std::vector<LabelBox>& boxes) {
  boxes.clear();
  using namespace layout;
  const View& v = ui.st.view;
  const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings;
  ImGui::SetNextWindowPos({kMargin, kMargin});
  ImGui::SetNextWindowSize({kSidebarW, v.height - 2 * kMargin});
  ImGui::Begin("##sidebar", nullptr, fixed);
  drawTitleAndLayersPanel(ui);
  drawFiltersPanel(ui);
  drawChainsPanel(ui);
  notePanelBox(boxes);
  ImGui::End();

  ImGui::SetNextWindowPos({v.width - kRightW - kMargin, kMargin});
  ImGui::SetNextWindowSize({kRightW, 0});
  ImGui::Begin("##totals", nullptr, fixed | ImGuiWindowFlags_AlwaysAutoResize);
  drawTotalsPanel(ui);
  notePanelBox(boxes);
  ImGui::End();

  ImGui::SetNextWindowPos({v.width - kRightW - kMargin, v.height - kTimelineH - 2 * kMargin}, 0, {0, 1});
  ImGui::SetNextWindowSize({kRightW, 0});
  ImGui::Begin("##legend", nullptr, fixed | ImGuiWindowFlags_AlwaysAutoResize);
  drawLegendPanel(ui);
  notePanelBox(boxes);
  ImGui::End();

  ImGui::SetNextWindowPos({kSidebarW + 2 * kMargin, v.height - kTimelineH - kMargin});
  ImGui::SetNextWindowSize({v.width - kSidebarW - 3 * kMargin, kTimelineH});
  ImGui::Begin("##timeline", nullptr, fixed);
  drawTimelinePanel(ui);
  notePanelBox(boxes);
  ImGui::End();

  drawMessagesPanel(ui);
  if (ui.st.selected >= 0) drawProjectCard(ui, ui.st.selected);
  if (ui.st.hovered >= 0 && ui.st.hovered != ui.st.selected) drawProjectTooltip(ui, ui.st.hovered);
  if (ui.bins && ui.st.hovered_bin >= 0) drawBinTooltip(ui, ui.bins->bins[ui.st.hovered_bin]);
}

// FNV-1a over every vertex, index and command of the frame's draw lists: equal hashes mean the
// frame would look exactly like the one on screen.
static uint64_t drawDataHash(const ImDrawData* dd) {
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

static FrameStats renderFrame(App::Impl& I, AppState& st, const Model& m, double dt) {
  FrameStats fs;
  const auto t0 = Clock::now();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  if (I.offscreen) {
    io.DisplaySize = {static_cast<float>(st.view.width), static_cast<float>(st.view.height)};
    io.DisplayFramebufferScale = {1, 1};
  } else {
    int w, h;
    glfwGetFramebufferSize(I.window, &w, &h);
    if (w != st.view.width || h != st.view.height) {
      st.view.width = std::max(1, w);
      st.view.height = std::max(1, h);
    }
  }
  ImGui::NewFrame();
  handleMapInput(I, st, m);
  advanceTimeline(st, dt);

  if (!I.stats_filter || *I.stats_filter != st.filter) {
    I.engine->setAttributeFilter(st.filter);  // O(n) only when more than the time window changed
    I.stats = I.engine->query(st.filter.month_from, st.filter.month_to);
    I.all_time = I.engine->query(st.timeline.first_month, st.timeline.last_month);
    I.stats_filter = st.filter;
    if (I.targets) {
      const int y0 = I.targets->targets.year * 12;
      I.targets->through_month = std::clamp(st.filter.month_to, y0, y0 + 11);
      const Stats t = I.target_engine->query(y0, I.targets->through_month);
      I.targets->n1 = t.by_size[0].count;
      I.targets->n10 = t.by_size[1].count;
    }
  }
  updateAggregation(I, st, m);
  UiContext ui{st, m, I.stats, I.all_time, I.fonts, I.targets ? &*I.targets : nullptr, I.aggregated ? &I.binning : nullptr};
  drawPanels(ui, I.panel_boxes);

  const auto tm = Clock::now();
  fs.map_redrawn = I.map.render(st.view, st.filter, st.layers, st.points);
  fs.map_ms = msSince(tm);
  drawMapOverlay(ui, I.panel_boxes);
  for (int row : {st.hovered, st.selected}) {
    if (row < 0 || !st.layers.projects) continue;
    const Vec2 s = st.view.toScreen({m.projects.x[row], m.projects.y[row]});
    const float r = pointRadiusPx(st.points, m.projects.investment_yi[row]) + 3;
    ImGui::GetBackgroundDrawList()->AddCircle({float(s.x), float(s.y)}, r, IM_COL32(20, 20, 20, 255), 0, 2.f);
  }

  ImGui::Render();
  // Nothing to show that is not already on screen: skip the GL work (and the swap).
  const uint64_t hash = drawDataHash(ImGui::GetDrawData());
  if (!fs.map_redrawn && !I.force_present && hash == I.presented_hash) {
    fs.presented = false;
    fs.frame_ms = msSince(t0);
    return fs;
  }
  I.presented_hash = hash;
  I.force_present = false;
  // The map is copied 1:1 (a blit, no blending), then ImGui draws the overlay and panels on it.
  const GLuint target = I.offscreen ? I.frame_target.resolvedFbo() : 0;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, I.map.framebuffer());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
  glBlitFramebuffer(0, 0, st.view.width, st.view.height, 0, 0, st.view.width, st.view.height, GL_COLOR_BUFFER_BIT,
                    GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, target);
  glViewport(0, 0, st.view.width, st.view.height);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  fs.frame_ms = msSince(t0);
  return fs;
}

int App::runInteractive() {
  Impl& I = *impl_;
  I.offscreen = false;
  I.frame_target = gl::RenderTarget();  // frames go to the window from now on
  I.force_present = true;
  glfwShowWindow(I.window);
  auto last = Clock::now();
  int quiet_frames = 0;
  while (!glfwWindowShouldClose(I.window)) {
    // Sleep until input arrives unless something is animating or ImGui is still settling.
    if (quiet_frames > 2 && !st_.timeline.playing) glfwWaitEvents();
    else glfwPollEvents();
    const auto now = Clock::now();
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    I.events = 0;
    const View before = st_.view;
    const Filter fbefore = st_.filter;
    if (renderFrame(I, st_, model_, dt).presented) glfwSwapBuffers(I.window);
    const bool changed = I.events > 0 || !(before == st_.view) || fbefore != st_.filter;
    quiet_frames = changed ? 0 : quiet_frames + 1;
  }
  return 0;
}

Result<bool> App::screenshot(const std::string& png, int frames) {
  Impl& I = *impl_;
  for (int i = 0; i < frames; ++i) renderFrame(I, st_, model_, 0);
  glFinish();
  const int w = st_.view.width, h = st_.view.height;
  std::vector<unsigned char> px(static_cast<size_t>(w) * h * 4);
  glBindFramebuffer(GL_FRAMEBUFFER, I.frame_target.resolvedFbo());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  // GL's origin is bottom-left; PNG rows go top-down.
  std::vector<unsigned char> flipped(px.size());
  for (int y = 0; y < h; ++y)
    std::copy_n(&px[static_cast<size_t>(h - 1 - y) * w * 4], w * 4, &flipped[static_cast<size_t>(y) * w * 4]);
  for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // opaque image
  if (!stbi_write_png(png.c_str(), w, h, 4, flipped.data(), w * 4))
    return Result<bool>::fail(fileError(png, "cannot write the PNG (does the folder exist and is it writable?)"));
  return true;
}

FrameStats App::benchFrame() {
  const auto t0 = Clock::now();
  FrameStats fs = renderFrame(*impl_, st_, model_, 0);
  glFinish();
  fs.frame_ms = msSince(t0);
  return fs;
}

}  // namespace cm
