// App internals shared by ui/app.cpp (lifecycle, loop, capture, model replacement),
// ui/frame.cpp (one frame) and ui/map_input.cpp (mouse and keys on the map). Not for panels.
#pragma once
#include <glad/gl.h>
#include <imgui.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/cached.h"
#include "data/model_loader.h"
#include "render/gl_util.h"
#include "render/layer_stack.h"
#include "render/map_renderer.h"
#include "ui_support/recent_files.h"
#include "ui/app.h"
#include "ui/console.h"
#include "ui/feature.h"
#include "ui/file_browser.h"
#include "ui/gl_context.h"
#include "ui/category_dialog.h"
#include "ui/mapping_dialog.h"

struct GLFWwindow;

namespace cm {

// Everything that owns GL objects: destroyed first, with the context current.
struct Gpu {
  explicit Gpu(std::vector<std::unique_ptr<MapLayer>> l) : layers(std::move(l)) {}
  MapRenderer map;
  gl::RenderTarget frame_target;  // offscreen frames (headless, captures)
  LayerStack layers;
};

// What the App does for the features (ui/feature.h); ui/app_load.cpp.
class AppServicesImpl final : public AppServices {
 public:
  explicit AppServicesImpl(App& app) : app_(app) {}
  void openProjects(const std::string& source) override;
  void reloadProjects() override;
  void saveImage(const std::string& png) override;
  void quit() override;

 private:
  App& app_;
};

// A projects source loaded (or re-mapped) off the UI thread (ui/app_load.cpp).
struct LoadedModel {
  LoadOptions opt;                 // what was loaded (for F5 and --watch)
  std::shared_ptr<Model> model;
  LoadReport report;
  std::optional<Result<Fonts>> fonts;
  bool keep_state = false;         // a reload: keep view, filters and selection
};

// Where a frame goes.
struct FrameTarget {
  bool window = false;      // the window's back buffer (else gpu->frame_target)
  int w = 0, h = 0;         // offscreen size
  bool poll_input = false;  // read new input from GLFW (window frames); else replay the last input
  bool present = true;      // do the GL work (false: settle ImGui only)
  int tile = 0;             // > 0: the frame is drawn in tiles of at most this many pixels a side ...
  Image* tile_out = nullptr;  // ... into this image (App::capture beyond the GL limits)
  bool may_move = false;      // a moving view may show the last map moved (MapRenderer::render)
};

struct App::Impl {
  GLFWwindow* window = nullptr;             // the window's context (interactive, or headless without EGL)
  std::unique_ptr<EglContext> egl;          // or a headless context with no window (ui/gl_context.h)
  bool glfw_ready = false, imgui_ready = false, imgui_glfw = false, interactive = false;
  std::unique_ptr<Gpu> gpu;
  Fonts fonts;
  std::vector<Fonts> spare_fonts;  // the last atlases for other scales or captions (App::updateScale); a new model clears them
  Derived derived;
  std::vector<UiFeature> features = makeFeatures();      // ui/feature_registry.cpp: this App's instances
  std::vector<PanelSpec> panels = featurePanels(features);
  std::unique_ptr<AppServicesImpl> services;
  std::vector<LabelBox> panel_boxes;  // where this frame's panels are (labels avoid them)
  std::vector<PlacedLabel> labels;    // the labels the last frame drew
  uint64_t presented_hash = 0;        // draw data of the frame on the window
  bool force_present = true;          // e.g. after an expose event
  bool presented_once = false;        // the window has shown its first frame
  uint64_t offscreen_hash = 0;        // draw data of the last offscreen frame drawn

  // Map interaction.
  bool dragging = false;     // left button went down on the map
  bool dragged = false;      // ... and moved
  Vec2 press{}, last{};      // where it went down, where it was last frame
  Pick press_pick;           // what was under it then
  bool press_double = false; // ... and whether that press was a double-click
  int events = 0;            // input events since the last frame (set by GLFW callbacks)
  std::vector<std::pair<int, int>> keys;  // (key, mods) pressed since the last frame
  bool fed_input = false;                  // App::feed: headless frames keep the fed pointer
  std::vector<std::string> dropped;       // files dropped on the window

  BackgroundTask<LoadedModel> load;
  std::string loading_file;        // what the progress bar names (never with a password)
  bool load_cancelled = false;     // Cancel pressed: the result is dropped when it arrives
  int load_frames = 0;             // frames drawn since the load started: the bar shows after a few
  LoadOptions source;              // where the model on screen came from (F5 reloads it)
  std::shared_ptr<ImportSession> import;  // how it was imported (the mapping dialog edits it)
  std::string pg_password;         // typed in the window for a database; memory only
  bool password_prompt = false;    // the database asked for a password
  double watch_s = 0, since_reload = 0;   // --watch
  MappingDialog mapping_dialog;    // which column is which, for a table that needs a person
  CategoryDialog category_dialog;  // industry texts below confidence: a person picks ecosystem and chain
  FileBrowser file_browser;        // the features' file actions (open a table, export, a tour …)
  std::string browse;              // the file action the browser is showing for (ui/feature.h FileAction::id)
  std::string image_export_path;   // Export image: where, once the frame is done
  RecentFiles recent;              // the sources opened last (~/.local/share/chainmap/recent.json)
  std::string browse_dir;          // where the file browser opens
  char password_buf[128] = {};     // the database password prompt's field
  float content_scale = 1;         // the window's monitor content scale (kept for offscreen frames)
  ImGuiStyle base_style;           // the style at scale 1; the frame's style is this × the UI scale
  float style_scale = 0;           // the scale the current style was made for
  BackgroundTask<Result<Fonts>> font_task;  // an atlas for a new UI scale, built off the UI thread
  float font_task_px = 0;
  uint64_t font_task_hash = 0;
  float font_task_caption_px = 0;  // the caption size it builds (0: none)
  LoadOptions mapping_base_source; // the source the dialog's table came from
  std::string idle_capture;  // captureWhenIdle()
  bool idle_captured = false;
  int idle_captures = 0;
  bool export_requested = false;  // Ctrl+S
  bool popup_open = false;        // a dropdown or popup was open in the last frame
  bool laid_out_present = false;  // the arrangement the view was last fitted to (F11 keeps the map area)
  float laid_out_scale = 1;       // and the UI scale it had
  // Presentation mode in the window: full screen on a monitor, the cursor hidden when idle, the
  // kiosk's tour after a while without input.
  bool fullscreen = false;
  int windowed[4] = {0, 0, 0, 0};  // x, y, w, h to return to
  int monitor = -1;                // --monitor (-1: the one the window is on)
  bool windowed_present = false;   // --windowed: presentation mode without full screen
  double last_input_s = 0, last_mouse_s = 0;  // glfwGetTime() of the last input / mouse move
  bool cursor_hidden = false;
  double kiosk_idle_s = 0;         // --kiosk MINUTES × 60 (0: off)
  std::string kiosk_tour;          // the tour the kiosk runs
  bool kiosk_running = false;      // started by the kiosk (any input stops it)
  bool events_input_since_kiosk = false;

  std::unique_ptr<Console> console;  // --presenter (ui/console.cpp)

  ~Impl() { shutdown(); }
  void shutdown();  // console, GL objects, ImGui, window, GLFW — in that order, context current
  void makeCurrent();  // the App's context (the window's or the headless one)
  double now() const;  // seconds (glfwGetTime() when GLFW runs)
  void closeConsole();
};

// ui/map_input.cpp: pan, zoom, click-to-select, keys. `pick` finds what is under a screen point.
void handleMapInput(App::Impl& I, AppState& st, const Model& m, const std::function<Pick(Vec2)>& pick);
// Keeps the visible map area when the window changes size (the map is refitted, not cropped).
void refitAfterResize(AppState& st, int w, int h);
// Presentation mode switched (was `was_present` at UI scale `was_scale`): what the old map area
// showed fills the new one.
void keepMapArea(AppState& st, bool was_present, float was_scale);

}  // namespace cm
