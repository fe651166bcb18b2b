// The App's life: window and context, start on a model, the interactive loop, fixed-step frames,
// captures, replacing the model, and an orderly shutdown (GL objects go while their context is
// current). One frame is ui/frame.cpp; map input is ui/map_input.cpp.
#include "ui/app.h"

#include "platform/trace.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <thread>
#include <utility>

#include <fstream>

#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "core/money.h"
#include "platform/atomic_file.h"
#include "platform/data_paths.h"
#include "data/gdal/table.h"
#include "media/png_encode.h"
#include "ui/app_impl.h"
#include "ui/console.h"
#include "ui/gl_context.h"
#include "ui/layout.h"
#include "ui/startup.h"
#include "ui/tour_player.h"

namespace cm {

using Clock = std::chrono::steady_clock;

void App::Impl::shutdown() {
  load.stop();
  closeConsole();
  makeCurrent();
  gpu.reset();  // every buffer, texture, framebuffer and program, while the context is current
  if (imgui_ready) {
    ImGui_ImplOpenGL3_Shutdown();
    if (imgui_glfw) ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    imgui_ready = imgui_glfw = false;
  }
  if (window) glfwDestroyWindow(window);
  window = nullptr;
  egl.reset();
  if (glfw_ready) glfwTerminate();
  glfw_ready = false;
}

void App::Impl::makeCurrent() {
  if (window) glfwMakeContextCurrent(window);
  else if (egl) egl->makeCurrent();
}

double App::Impl::now() const {
  if (glfw_ready) return glfwGetTime();
  static const auto t0 = Clock::now();  // headless: the same kind of clock, started at first use
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

Result<bool> writePng(const std::string& path, const Image& img) {
  auto bytes = encodePng(img.rgba.data(), img.w, img.h, path);
  if (!bytes) return Result<bool>::fail(bytes.error());
  trace("png encoded");
  return writeFileAtomically(path, *bytes);
}

// The document state and a few derived figures as JSON, written beside idle captures so scripted
// tests can check what the window shows against what it holds.
static nlohmann::json stateJson(const AppState& st, const Model& m, const Derived& d, bool popup_open, int capture_no,
                                const std::vector<PlacedLabel>& labels, const std::vector<UiFeature>& features) {
  using nlohmann::json;
  const Filter& f = st.filter;
  json eco = json::array();
  for (int e = 0; e < kEcosystemCount; ++e)
    if (f.ecosystems >> e & 1u) eco.push_back(std::string(kEcosystems[e].id));
  json chains = "all", districts = "all";
  if (!f.chains.isAll()) {
    chains = json::array();
    for (size_t c = 0; c < m.projects.chain_names.size(); ++c)
      if (f.chains.contains(static_cast<int>(c))) chains.push_back(m.projects.chain_names[c]);
  }
  if (!f.districts.isAll()) {
    districts = json::array();
    for (size_t k = 0; k < m.districts.size(); ++k)
      if (f.districts.contains(static_cast<int>(k))) districts.push_back(m.districts[k].adcode);
  }
  json j;
  j["size"] = {st.view.width, st.view.height};
  j["view"] = {{"center", {st.view.center.x, st.view.center.y}}, {"units_per_px", st.view.units_per_px}};
  j["lang"] = st.lang == Lang::Zh ? "zh" : "en";
  j["present"] = st.present;
  j["ui_scale"] = st.ui_scale;
  j["tour_step"] = st.tour.open ? st.tour.step : -1;
  j["selected"] = st.selected >= 0 ? json(m.projects.id[st.selected]) : json(nullptr);
  j["hover"] = st.hover ? json{{"layer", st.hover.layer->info().id}, {"item", st.hover.item}} : json(nullptr);
  j["filter"] = {{"ecosystems", eco}, {"chains", chains}, {"districts", districts}, {"sectors", f.sectors},
                 {"min_investment_yi", f.min_investment_yi}, {"park", static_cast<int>(f.park)}, {"foreign", f.foreign_only},
                 {"months", {formatMonth(f.month_from), formatMonth(f.month_to)}}};
  j["layers_off"] = st.layers.off;
  j["features"] = featuresJson(features, st);  // what a tour step would keep of each feature
  j["aggregated"] = d.aggregated();
  j["count"] = d.stats().total.count;
  j["investment_yi"] = d.stats().total.investment_yi;
  j["popup_open"] = popup_open;
  j["projects_file"] = isDatabaseSource(m.projects_file) ? withoutPassword(m.projects_file) : m.projects_file;
  j["projects"] = m.projects.size();
  j["errors"] = st.errors;
  j["status"] = st.status;
  json placed = json::array();
  static const char* kinds[] = {"district", "park", "count"};
  for (const PlacedLabel& l : labels)
    placed.push_back({{"text", l.text}, {"kind", kinds[static_cast<int>(l.kind)]}, {"box", {l.box.x0, l.box.y0, l.box.x1, l.box.y1}},
                      {"anchor", {l.anchor.x, l.anchor.y}}, {"leader", l.leader}});
  j["labels"] = placed;
  j["capture"] = capture_no;  // counts up with every idle capture
  return j;
}


std::string displayText(const AppState& st) {
  if (!st.tour.open) return {};
  const Tour& t = st.tour.doc;
  std::string s = t.title.zh + t.title.en;
  for (const TourStep& k : t.steps) s += k.title.zh + k.title.en + k.text.zh + k.text.en + k.notes.zh + k.notes.en;
  return s;
}

void fitHome(AppState& st) {
  const layout::Rect a = layout::computeLayout(st.view.width, st.view.height, st.ui_scale, st.present, st.chrome).map;
  if (st.home.valid()) st.view.fitInto(st.home, a.x0, a.y0, a.x1, a.y1);
}

AppState defaultState(const Model& m) {
  AppState st;
  const Projects& p = m.projects;
  if (p.size()) {
    int lo = INT32_MAX, hi = INT32_MIN;
    for (int32_t d : p.signed_day) {
      if (d == Projects::kNoDay) continue;  // undated: a bar of their own after the months
      lo = std::min(lo, monthOfDay(d));
      hi = std::max(hi, monthOfDay(d));
    }
    if (lo <= hi) {
      st.timeline.first_month = lo;
      st.timeline.last_month = hi;
    }
    st.timeline.dated = lo <= hi;
  }
  st.filter.month_from = st.timeline.first_month;
  st.filter.month_to = st.timeline.last_month;
  for (const District& d : m.districts)
    for (const Polygon& poly : d.xy)
      for (const Vec2& v : poly.rings[0]) st.home.add(v);
  return st;
}

GlyphText neededText(const Model& m, const LoadReport* report) {
  GlyphText t;
  t.ui = allUiText();
  if (report) {
    for (const auto* list : {&report->errors, &report->warnings, &report->import_lines})
      for (const std::string& s : *list) t.data += s;
    if (report->import) {
      // The report in both languages (L switches it), and the industry texts of the category dialog.
      const ImportReport& r = report->import->report;
      for (Lang L : {Lang::Zh, Lang::En}) {
        t.data += r.summary(L);
        for (const std::string& s : r.decisionLines(L)) t.data += s;
        for (const std::string& s : r.lines(L)) t.data += s;
      }
      for (const IndustryValue& v : report->import->industries) t.data += v.text + v.match.term + v.match.code_name;
      const RawTable& table = report->import->table;
      for (const std::string& c : table.columns) t.data += c;
      for (size_t r = 0; r < std::min<size_t>(6, table.rows.size()); ++r)
        for (const std::string& c : table.rows[r]) t.data += c;
      t.data += table.display_source + report->import->mapping_path;
    }
  }
  for (const std::string& s : m.projects.extra_names) t.data += s;
  for (const District& d : m.districts) t.labels += d.name_zh + d.name_en;
  for (const Park& p : m.parks) t.labels += p.name_zh + p.name_en;
  if (m.projects.name_glyphs) {
    t.data += *m.projects.name_glyphs;
  } else {
    for (std::string_view s : m.projects.name_zh) t.data += s;
    for (std::string_view s : m.projects.foreign) t.data += s;
  }
  for (const std::string& s : m.projects.chain_names) t.data += s;
  return t;
}

App::App() : impl_(std::make_unique<Impl>()) {}
App::~App() { keepUnsavedTour(); }  // then Impl::~Impl shuts down in order
const Derived& App::derived() const { return impl_->derived; }
void App::addPanel(PanelSpec p) { impl_->panels.push_back(std::move(p)); }
void App::captureWhenIdle(std::string png) { impl_->idle_capture = std::move(png); }

// Any event wakes the loop; user input also resets the idle clocks (cursor, kiosk).
static void onEvent(GLFWwindow* w, bool input = false, bool mouse = false) {
  auto* I = static_cast<App::Impl*>(glfwGetWindowUserPointer(w));
  I->events++;
  if (input) {
    I->last_input_s = glfwGetTime();
    I->events_input_since_kiosk = true;
  }
  if (mouse) I->last_mouse_s = glfwGetTime();
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
  s.Colors[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 1);  // dropdowns hide what is under them
}

Result<bool> App::openWindow(int width, int height) {
  using R = Result<bool>;
  Impl& I = *impl_;
  if (I.window || I.egl) return R::fail("the App already has its OpenGL context");
  glfwSetErrorCallback([](int, const char* d) { std::fprintf(stderr, "GLFW: %s\n", d); });
  // A busy X server can refuse a connection for a moment: try a few times before giving up.
  bool ready = glfwInit();
  for (int attempt = 0; !ready && attempt < 4 && std::getenv("DISPLAY"); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    ready = glfwInit();
  }
  if (!ready) return R::fail("cannot open a window: GLFW could not initialise (no display? run under xvfb-run)");
  I.glfw_ready = true;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  I.window = glfwCreateWindow(width, height, "chainmap — 杭州产业链招商地图", nullptr, nullptr);
  if (!I.window) return R::fail("cannot create an OpenGL 3.3 core window (is a display or Xvfb running?)");
  glfwMakeContextCurrent(I.window);
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) return R::fail("cannot load OpenGL 3.3 functions");
  keepGlDriverLoadedForLeakCheck();
  glfwSwapInterval(1);
  glfwSetWindowUserPointer(I.window, impl_.get());
  // Installed before ImGui's, which chains to them: any input wakes the loop. Keys are also
  // queued here, so a press and release within one frame still counts.
  glfwSetCursorPosCallback(I.window, [](GLFWwindow* w, double, double) { onEvent(w, true, true); });
  glfwSetMouseButtonCallback(I.window, [](GLFWwindow* w, int, int, int) { onEvent(w, true, true); });
  glfwSetScrollCallback(I.window, [](GLFWwindow* w, double, double) { onEvent(w, true, true); });
  glfwSetKeyCallback(I.window, [](GLFWwindow* w, int key, int, int action, int mods) {
    onEvent(w, true);
    if (action != GLFW_RELEASE) static_cast<App::Impl*>(glfwGetWindowUserPointer(w))->keys.push_back({key, mods});
  });
  glfwSetCharCallback(I.window, [](GLFWwindow* w, unsigned) { onEvent(w, true); });
  glfwSetWindowSizeCallback(I.window, [](GLFWwindow* w, int, int) { onEvent(w); });
  glfwSetDropCallback(I.window, [](GLFWwindow* w, int n, const char** paths) {
    onEvent(w);
    auto* impl = static_cast<App::Impl*>(glfwGetWindowUserPointer(w));
    for (int i = 0; i < n; ++i) impl->dropped.push_back(paths[i]);
  });
  glfwSetWindowRefreshCallback(I.window, [](GLFWwindow* w) {
    onEvent(w);
    static_cast<App::Impl*>(glfwGetWindowUserPointer(w))->force_present = true;
  });
  st_.view.width = width;
  st_.view.height = height;
  trace("gl: GLFW window (GLX)");
  return initGpu();
}

// No window: EGL on the surfaceless platform; a hidden GLFW window only when EGL cannot.
Result<bool> App::openHeadless(int width, int height) {
  using R = Result<bool>;
  Impl& I = *impl_;
  if (I.window || I.egl) return R::fail("the App already has its OpenGL context");
  const char* want = std::getenv("CHAINMAP_GL");
  std::string why = "CHAINMAP_GL=glfw";
  if (!want || std::string(want) != "glfw") {
    auto egl = EglContext::create();
    if (egl) {
      I.egl = egl.take();
      st_.view.width = width;
      st_.view.height = height;
      trace(("gl: " + I.egl->describe()).c_str());
      return initGpu();
    }
    why = egl.error();
  }
  trace(("gl: no EGL (" + why + "); a hidden GLFW window instead").c_str());
  auto ok = openWindow(width, height);
  if (!ok) return R::fail(ok.error() + " (headless: " + why + ")");
  return ok;
}

// The map's shaders and GL objects: compiled while the data still loads (main.cpp opens the
// context before it joins the loader).
Result<bool> App::initGpu() {
  Impl& I = *impl_;
  I.gpu = std::make_unique<Gpu>(featureLayers(I.features));
  auto ok = I.gpu->map.init(shaderDir());
  trace("shaders compiled");
  return ok;
}

void App::prepareBaseMap(std::shared_ptr<const Model> base) {
  Impl& I = *impl_;
  if (!I.gpu || !base || model_) return;
  DerivedInputs in;  // only the drawing origin is read (the centre of the districts' extent)
  in.model = base;
  in.model_rev = model_rev_ + 1;  // the revision start() gives the model
  in.aggregate = Aggregate::Off;
  in.allow_async = false;
  Derived derived;
  derived.update(in);
  const AppState& st = st_;
  const LayerFrame lf{*base, in.model_rev, derived, st.view, st.filter, st.points, st.lang, {}, -1, 1.f, false, -1, st.features};
  for (size_t i = 0; i < I.gpu->layers.size(); ++i) {
    MapLayer& layer = I.gpu->layers.at(i);
    const std::string id = layer.info().id;
    if ((id == ids::kDistricts || id == ids::kWater || id == ids::kRivers) && layer.prepare(lf)) layer.upload();
  }
  trace("base map prepared");
}

Result<bool> App::start(std::shared_ptr<const Model> model, AppState state, Fonts fonts) {
  using R = Result<bool>;
  Impl& I = *impl_;
  model_ = std::move(model);
  ++model_rev_;
  st_ = std::move(state);
  I.laid_out_present = st_.present;
  I.fonts = std::move(fonts);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext(I.fonts.atlas.get());  // the atlas was built on the loader thread
  ImGui::GetIO().IniFilename = nullptr;        // layout is code, not a file
  applyStyle();
  I.base_style = ImGui::GetStyle();
  if (I.window) {  // headless: no platform backend; runFrame sets the display size and the time step
    ImGui_ImplGlfw_InitForOpenGL(I.window, true);
    I.imgui_glfw = true;
  }
  ImGui_ImplOpenGL3_Init("#version 330 core");
  I.imgui_ready = true;
  if (!I.gpu)
    if (auto ok = initGpu(); !ok) return R::fail(ok.error());
  auto targets = loadTargets(assetDir() + "/targets.json");
  if (!targets) st_.warnings.push_back(targets.error());
  if (std::string e = I.recent.load(recentFilesPath()); !e.empty()) st_.warnings.push_back(e);
  I.derived.setTargets(targets ? std::optional<Targets>(*targets) : std::nullopt);
  registerProducts(I.features, I.derived);
  I.services = std::make_unique<AppServicesImpl>(*this);
  return true;
}

// ---- the UI scale ----------------------------------------------------------------------------

void App::updateScale(float content_scale) {
  Impl& I = *impl_;
  I.content_scale = content_scale;
  const float want = st_.ui_scale_manual > 0 ? st_.ui_scale_manual
                                             : layout::autoScale(st_.view.width, st_.view.height, content_scale, st_.present);
  st_.ui_scale = std::clamp(want, 0.5f, 8.f);
  if (std::abs(I.style_scale - st_.ui_scale) > 1e-3f) {  // every padding and rounding grows with the text
    ImGui::GetStyle() = I.base_style;
    ImGui::GetStyle().ScaleAllSizes(st_.ui_scale);
    I.style_scale = st_.ui_scale;
  }
  // The atlas is rasterised for one size: a new scale gets a new atlas (crisp, not stretched).
  // Meanwhile the old one is drawn scaled; headless frames wait for the new one.
  // A new tour caption needs its glyphs in the title font: the same rebuild (not while a caption
  // is being typed, which the panels' font already covers).
  // The window's atlas also holds the common simplified characters (file names, typed text); the
  // one start-up built does not (it is 5× faster), so the window's first frame draws with it, and
  // the full one is built after that frame is on screen (not competing with it for the CPU).
  const float px = 16.f * st_.ui_scale;
  // Presentation with a tour open: the caption's own sizes (1/40 of the screen's height and more).
  const layout::Layout lay = layout::computeLayout(st_.view.width, st_.view.height, st_.ui_scale, st_.present, st_.chrome);
  const bool caption_fonts = st_.present && st_.tour.open && lay.caption_body_px > 0;
  const float cap_px = caption_fonts ? lay.caption_body_px : 0, cap_title_px = caption_fonts ? lay.caption_title_px : 0;
  // The tour's text, and what its live figures may add ({table}: the open table's name; units).
  std::string display = displayText(st_) + featuresDisplayText(I.features, st_);
  if (st_.tour.open)
    for (const Lang l : {Lang::Zh, Lang::En})
      display += model_->projects_file + model_->projects_layer + tr(l, S::TourSyntheticTable) + yiUnit(l) + fdiUnit(l) + "亿万美元";
  const uint64_t dh = ImGui::IsAnyItemActive() ? I.fonts.display_hash : textHash(display);
  const bool common = I.interactive && I.presented_once;
  auto fits = [&](const Fonts& f) {
    return std::abs(f.ui_px - px) < 0.5f && f.display_hash == dh && (f.common_cjk || !common) && std::abs(f.caption_px - cap_px) < 0.5f;
  };
  // The atlas in use goes to the spares (the last two): a scale or a caption seen a moment ago (F11
  // and back, a resize back) gets its atlas again without rasterising it anew.
  auto use = [&](Fonts f) {
    Fonts old = std::move(I.fonts);
    swapFonts(std::move(f));
    I.spare_fonts.insert(I.spare_fonts.begin(), std::move(old));
    if (I.spare_fonts.size() > 2) I.spare_fonts.pop_back();
  };
  if (auto done = I.font_task.poll(); done && *done && fits(**done)) use(done->take());
  if (!fits(I.fonts))
    if (auto it = std::find_if(I.spare_fonts.begin(), I.spare_fonts.end(), fits); it != I.spare_fonts.end()) {
      Fonts f = std::move(*it);
      I.spare_fonts.erase(it);
      use(std::move(f));
    }
  if (!fits(I.fonts) && (I.font_task.idle() || std::abs(I.font_task_px - px) >= 0.5f || I.font_task_hash != dh ||
                         std::abs(I.font_task_caption_px - cap_px) >= 0.5f)) {
    GlyphText text = neededText(*model_);
    text.display = display;
    for (const auto* list : {&st_.errors, &st_.warnings})
      for (const std::string& s : *list) text.data += s;
    if (I.import) {
      for (const std::string& c : I.import->table.columns) text.data += c;
      for (size_t r = 0; r < std::min<size_t>(6, I.import->table.rows.size()); ++r)
        for (const std::string& c : I.import->table.rows[r]) text.data += c;
    }
    I.font_task_px = px;
    I.font_task_hash = dh;
    I.font_task_caption_px = cap_px;
    I.font_task.start([text, px, common, cap_px, cap_title_px](TaskControl&) {
      auto blob = readCjkFont();
      return blob ? buildFonts(blob.take(), text, px, common, cap_px, cap_title_px) : Result<Fonts>::fail(blob.error());
    });
    if (!I.interactive) {  // a screenshot or a video frame must be crisp now
      I.font_task.wait();
      if (auto done = I.font_task.poll(); done && *done) use(done->take());
    }
  }
  ImGui::GetIO().FontGlobalScale = px / I.fonts.ui_px;
}

// ---- frames ----------------------------------------------------------------------------------

void App::feed(const Input& in) {
  Impl& I = *impl_;
  I.fed_input = true;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = in.x >= 0 && in.y >= 0 ? ImVec2(in.x, in.y) : ImVec2(-FLT_MAX, -FLT_MAX);
  for (int b = 0; b < 3; ++b) io.MouseDown[b] = (in.buttons >> b) & 1;
  io.MouseWheel += in.wheel;
  if (in.key) I.keys.push_back({in.key, in.mods});
}

FrameStats App::advance(double dt) {
  Impl& I = *impl_;
  pollLoad();
  if (I.watch_s > 0 && !loading()) {  // --watch: a live source is read again now and then
    I.since_reload += dt;
    if (I.since_reload >= I.watch_s) reload();
  }
  if (I.interactive && I.window) {
    FrameStats fs = runFrame(dt, FrameTarget{true, 0, 0, true, true, 0, nullptr, /*may_move=*/true});
    if (fs.presented) glfwSwapBuffers(I.window);
    if (fs.presented && !std::exchange(I.presented_once, true)) trace("first frame on screen");
    return fs;
  }
  return runFrame(dt, FrameTarget{false, st_.view.width, st_.view.height, false, true});
}

// ---- presentation mode in the window -----------------------------------------------------------

void App::setPresentation(int monitor, bool windowed, double kiosk_idle_s, std::string kiosk_tour) {
  Impl& I = *impl_;
  I.monitor = monitor;
  I.windowed_present = windowed;
  I.kiosk_idle_s = kiosk_idle_s;
  I.kiosk_tour = kiosk_tour.empty() ? assetDir() + "/tours/hangzhou_story.json" : std::move(kiosk_tour);
}

// Full screen on the chosen monitor (or the one the window is on) while presenting; back to the
// window's old place and size after.
static void syncFullscreen(App::Impl& I, bool present) {
  if (I.windowed_present || present == I.fullscreen || !I.window) return;
  I.fullscreen = present;
  if (!present) {
    glfwSetWindowMonitor(I.window, nullptr, I.windowed[0], I.windowed[1], I.windowed[2], I.windowed[3], 0);
    return;
  }
  glfwGetWindowPos(I.window, &I.windowed[0], &I.windowed[1]);
  glfwGetWindowSize(I.window, &I.windowed[2], &I.windowed[3]);
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  if (count <= 0) return;
  GLFWmonitor* mon = monitors[0];
  if (I.monitor >= 0 && I.monitor < count) {
    mon = monitors[I.monitor];
  } else {
    const int cx = I.windowed[0] + I.windowed[2] / 2, cy = I.windowed[1] + I.windowed[3] / 2;
    for (int i = 0; i < count; ++i) {
      int x, y, w, h;
      glfwGetMonitorWorkarea(monitors[i], &x, &y, &w, &h);
      if (cx >= x && cx < x + w && cy >= y && cy < y + h) mon = monitors[i];
    }
  }
  const GLFWvidmode* mode = glfwGetVideoMode(mon);
  if (mode) glfwSetWindowMonitor(I.window, mon, 0, 0, mode->width, mode->height, mode->refreshRate);
}

// Once a loop: full screen follows presentation mode, the cursor hides after 2.5 s without a
// mouse move while presenting, and the kiosk starts its tour after its idle time (any input
// stops a tour the kiosk started). Returns how long the loop may sleep before one of those is due.
double App::presentationTick() {
  Impl& I = *impl_;
  constexpr double kCursorIdle = 2.5;
  const double now = glfwGetTime();
  syncFullscreen(I, st_.present);
  const bool hide = st_.present && now - I.last_mouse_s > kCursorIdle;
  if (hide != I.cursor_hidden) {
    glfwSetInputMode(I.window, GLFW_CURSOR, hide ? GLFW_CURSOR_HIDDEN : GLFW_CURSOR_NORMAL);
    I.cursor_hidden = hide;
  }
  if (I.kiosk_running && (I.events_input_since_kiosk || !st_.tour.autoplay)) {
    st_.tour.autoplay = false;
    I.kiosk_running = false;
  }
  double wake = 1e9;
  if (st_.present && !hide) wake = std::min(wake, kCursorIdle - (now - I.last_mouse_s));
  if (I.kiosk_idle_s > 0 && st_.present && !st_.tour.autoplay) {
    const double idle = now - I.last_input_s;
    if (idle >= I.kiosk_idle_s) {
      if (!st_.tour.open) {
        if (auto w = openTour(st_, I.kiosk_tour); !w) {
          st_.errors.push_back(w.error());
          I.kiosk_idle_s = 0;  // say it once
          return wake;
        }
      }
      st_.tour.loop = true;
      st_.tour.autoplay = true;
      st_.tour.step_elapsed = 0;
      I.kiosk_running = true;
      I.events_input_since_kiosk = false;
    } else {
      wake = std::min(wake, I.kiosk_idle_s - idle);
    }
  }
  return std::max(0.01, wake);
}

int App::runInteractive() {
  Impl& I = *impl_;
  if (!I.window) {
    std::fprintf(stderr, "error: no window to run in (the App was opened headless)\n");
    return 1;
  }
  I.interactive = true;
  I.force_present = true;
  glfwShowWindow(I.window);
  if (I.console) glfwShowWindow(I.console->window);
  I.last_input_s = I.last_mouse_s = glfwGetTime();
  auto last = Clock::now();
  int stable = 0;  // frames in a row that changed nothing
  while (!glfwWindowShouldClose(I.window)) {
    const bool busy = I.derived.pending() || loading() || !I.font_task.idle();  // idle: the full atlas is in
    const double wake = presentationTick();
    const bool animating = st_.timeline.playing || st_.tour.flying || st_.tour.autoplay;
    if (stable >= 2 && !animating && !busy) {
      if (!I.idle_capture.empty() && !I.idle_captured) {
        // The state first, then the image: once the PNG is in place, its JSON is current.
        auto ok = writeFileAtomically(I.idle_capture + ".json", stateJson(st_, *model_, I.derived, I.popup_open, ++I.idle_captures, I.labels, I.features).dump(1));
        if (ok) {
          auto img = capture();
          ok = img ? writePng(I.idle_capture, *img) : Result<bool>::fail(img.error());
        }
        if (!ok) std::fprintf(stderr, "error: %s\n", ok.error().c_str());
        I.idle_captured = true;
      }
      double timeout = wake;
      if (I.console) timeout = std::min(timeout, 1.0);  // the console's clocks tick
      if (I.watch_s > 0) timeout = std::min(timeout, std::max(0.01, I.watch_s - I.since_reload));  // the next --watch reload
      if (timeout < 1e8) glfwWaitEventsTimeout(timeout);
      else glfwWaitEvents();
    } else if (busy && stable >= 2) {
      glfwWaitEventsTimeout(0.05);  // a worker is running: look in now and then
    } else {
      glfwPollEvents();
    }
    for (const std::string& path : I.dropped) {  // a table dropped on the map opens (any format the reader takes)
      I.recent.add(path);
      I.recent.save(recentFilesPath());
      openProjects(path);
    }
    I.dropped.clear();
    const auto now = Clock::now();
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    const int events = I.events;
    I.events = 0;
    const FrameStats fs = advance(dt);
    if (I.console) {  // the second view of the same state
      if (auto ok = consoleFrame(false); !ok) std::fprintf(stderr, "error: %s\n", ok.error().c_str());
    }
    if (!I.image_export_path.empty()) {  // Export image…: its size and frame, then back as it was
      const std::string path = std::exchange(I.image_export_path, {});
      const AppState::ImageExport e = st_.image_export;
      const bool present = st_.present;
      const layout::Chrome chrome = st_.chrome;
      st_.present = e.present || present;
      st_.chrome = e.chrome;
      auto ok = screenshot(path, e.w, e.h);
      st_.present = present;
      st_.chrome = chrome;
      I.laid_out_present = present;  // the view was restored as it was for this arrangement
      st_.status = ok ? std::string(tr(st_.lang, S::ExportedImage)) + " " + path : ok.error();
      if (!ok) st_.errors.push_back(ok.error());
    }
    if (I.export_requested) {  // Ctrl+S: the view as it is, beside the working directory
      I.export_requested = false;
      char name[64];
      const std::time_t now_t = std::time(nullptr);
      std::strftime(name, sizeof name, "chainmap-%Y%m%d-%H%M%S.png", std::localtime(&now_t));
      auto ok = screenshot(name);
      st_.status = ok ? std::string(tr(st_.lang, S::Saved)) + " " + name : ok.error();
      if (!ok) std::fprintf(stderr, "error: %s\n", ok.error().c_str());
    }
    const bool changed = fs.presented || fs.map_redrawn || events > 0;
    stable = changed ? 0 : stable + 1;
    if (fs.presented) I.idle_captured = false;
  }
  keepUnsavedTour();
  return 0;
}

// A tour edited and not saved is written beside it on the way out (never over it): nothing the
// user typed is lost, and the saved version stays as it was.
void App::keepUnsavedTour() {
  if (!st_.tour.open || !st_.tour.dirty) return;
  const std::string path = unsavedTourPath(st_.tour);
  if (auto ok = saveTour(path, st_.tour.doc); ok) std::fprintf(stderr, "note: the tour's unsaved changes were kept in %s\n", path.c_str());
  else std::fprintf(stderr, "error: %s\n", ok.error().c_str());
  st_.tour.dirty = false;  // kept once
}

Result<Image> App::capture(int w, int h) {
  using R = Result<Image>;
  Impl& I = *impl_;
  if (w <= 0 || h <= 0) w = st_.view.width, h = st_.view.height;
  GLint max_tex = 0, max_rb = 0, max_vp[2] = {0, 0};
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_tex);
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_rb);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, max_vp);
  // Larger than this OpenGL draws at once (or than CHAINMAP_MAX_TILE, for tests): in tiles.
  int limit = std::min({max_tex, max_rb, max_vp[0], max_vp[1]});
  if (const char* env = std::getenv("CHAINMAP_MAX_TILE"); env && std::atoi(env) >= 64) limit = std::min(limit, std::atoi(env));
  const int tile = w > limit || h > limit ? limit : 0;
  if (w > 16384 || h > 16384) return R::fail("cannot render " + std::to_string(w) + "x" + std::to_string(h) + ": at most 16384 pixels a side");
  I.derived.wait();  // the statistics, the bubbles and every feature's products
  const View saved = st_.view;
  const TourState::Framed framed = st_.tour.framed;
  const bool resized = w != saved.width || h != saved.height;
  if (resized) {  // same centre; at least what was visible stays visible
    st_.view.units_per_px /= std::min(static_cast<double>(w) / saved.width, static_cast<double>(h) / saved.height);
    if (framed.on && framed.view.center == saved.center && framed.view.units_per_px == saved.units_per_px)
      st_.tour.framed.view = st_.view;  // a tour step: framed in the capture's layout
  }
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (resized) ImGui::GetIO().MousePos = {-FLT_MAX, -FLT_MAX};
  // Settle ImGui (auto-sized panels take a frame or two) without drawing, then draw once.
  uint64_t prev = 0;
  for (int i = 0; i < 8; ++i) {
    const FrameStats fs = runFrame(0, FrameTarget{false, w, h, false, false, tile});
    I.derived.wait();
    trace("capture: a frame settled");
    if (i > 0 && fs.hash == prev && !fs.map_redrawn) break;
    prev = fs.hash;
  }
  I.offscreen_hash = 0;  // draw it even if it looks like the last offscreen frame
  Image img;
  runFrame(0, FrameTarget{false, w, h, false, true, tile, &img});
  trace("capture: drawn");
  if (!tile) img = readOffscreen(w, h);
  st_.view = saved;
  st_.tour.framed = framed;
  ImGui::GetIO().MousePos = mouse;
  I.force_present = true;
  if (resized) I.gpu->map.invalidate();
  return img;
}

Image App::readOffscreen(int w, int h) {
  glFinish();
  Image img{w, h, std::vector<unsigned char>(static_cast<size_t>(w) * h * 4)};
  std::vector<unsigned char> px(img.rgba.size());
  glBindFramebuffer(GL_FRAMEBUFFER, impl_->gpu->frame_target.resolvedFbo());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  // GL's origin is bottom-left; images go top-down.
  for (int y = 0; y < h; ++y)
    std::copy_n(&px[static_cast<size_t>(h - 1 - y) * w * 4], w * 4, &img.rgba[static_cast<size_t>(y) * w * 4]);
  for (size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;  // opaque image
  return img;
}

Result<bool> App::screenshot(const std::string& png, int w, int h) {
  auto img = capture(w, h);
  if (!img) return Result<bool>::fail(img.error());
  trace("captured");
  return writePng(png, *img);
}

Image App::benchImage() { return readOffscreen(st_.view.width, st_.view.height); }

FrameStats App::benchFrame(bool may_move) {
  const auto t0 = Clock::now();
  FrameStats fs = runFrame(0, FrameTarget{false, st_.view.width, st_.view.height, false, true, 0, nullptr, may_move});
  glFinish();
  fs.frame_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  return fs;
}

}  // namespace cm
