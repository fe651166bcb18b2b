// The application: a GL 3.3 core context (a GLFW window, or headless on EGL with no display:
// ui/gl_context.h), Dear ImGui, the registered features (ui/feature.h: their layers, panels,
// windows, products, keys and file actions — the App names none of them), the derived-data
// pipeline, and one frame driver for every mode:
//   runInteractive()  the window, real time; sleeps in glfwWaitEvents once a frame is stable
//   advance(dt)       one frame with a fixed time step (frame-exact playback, tours, video)
//   capture(w, h)     one frame read back as an image, from the live window or headless, at any
//                     size up to the GL limits (screenshots, exports)
//
// Start-up is split so the context opens while the data loads on a worker thread:
//   App app;
//   app.openWindow(w, h);      // or openHeadless(w, h); hidden until runInteractive(); shaders
//   app.prepareBaseMap(loader.base());  // districts, water, rivers while the projects load
//   ... join the loader (it also built the font atlas: buildFonts(readCjkFont(), neededText(model)))
//   app.start(model, state, fonts);   // ImGui context on that atlas, the features' layers and products
// Every GL object is released while the context is current, on every exit path.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/derived.h"
#include "core/model.h"
#include "data/model_loader.h"
#include "ui/app_state.h"
#include "ui/fonts.h"
#include "ui/panels.h"

struct GLFWwindow;

namespace cm {

class PostgisSource;

struct FrameTarget;
struct LoadedModel;

struct FrameStats {
  double map_ms = 0;    // CPU time submitting the map redraw (0 when cached)
  double frame_ms = 0;  // whole frame incl. glFinish when measuring
  bool map_redrawn = false;
  bool presented = true;  // false: identical to the frame on screen, no GL work done
  int passes = 1;         // ImGui passes: 2+ when a panel changed the state mid-frame
  uint64_t hash = 0;      // of the frame's draw data (equal hashes: the same picture)
};

struct Image {
  int w = 0, h = 0;
  std::vector<unsigned char> rgba;  // top row first
};
// Writes a PNG through a temporary file renamed into place (never a half-written file).
Result<bool> writePng(const std::string& path, const Image& img);

class App {
 public:
  App();
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // The window, its GL context, the map's shaders. Fails without a display.
  Result<bool> openWindow(int width, int height);
  // No window, no display needed: an offscreen context (EGL surfaceless, else a hidden GLFW
  // window; ui/gl_context.h) for screenshots, videos, the benchmark and tests. Frames go to
  // framebuffer objects; runInteractive() is not available.
  Result<bool> openHeadless(int width, int height);
  // Before start(), while the worker still reads the projects: the layers drawn from the base map
  // alone (districts, water, rivers) are built and uploaded from `base` (a copy of what start()'s
  // model will hold: StartupLoader::base()). They are keyed by the model revision start() gives,
  // so the first frame finds them done.
  void prepareBaseMap(std::shared_ptr<const Model> base);
  // Everything that needs the model: ImGui on the font atlas, shaders, layers, the pipeline.
  // Errors (shader compile errors) come back as messages.
  Result<bool> start(std::shared_ptr<const Model> model, AppState state, Fonts fonts);
  int runInteractive();
  // One frame, `dt` seconds after the previous one (to the window when interactive, else offscreen).
  FrameStats advance(double dt);
  // Input for the next headless frames, as a window would deliver it (tests drive the UI so:
  // pointer position in frame pixels, buttons held (bit 0 left, 1 right, 2 middle), wheel steps,
  // a key press with its modifiers as GLFW codes). Once fed, headless frames keep the pointer.
  struct Input {
    float x = -1, y = -1;
    int buttons = 0;
    float wheel = 0;
    int key = 0, mods = 0;
  };
  void feed(const Input& in);
  // One frame at w×h (0: the current size), read back. The view keeps its centre and shows at
  // least what it showed; input is not consumed.
  Result<Image> capture(int w = 0, int h = 0);
  Result<bool> screenshot(const std::string& png, int w = 0, int h = 0);

  // A video, frame-exact: every frame is one fixed time step (1/fps) of playback or of the tour,
  // rendered offscreen at the view's size and piped to ffmpeg (media/video_writer.h); without
  // ffmpeg, the PNG frames and a message saying how to encode them. Returns that message.
  struct Recording {
    std::string path;
    int fps = 30;
    double seconds = 20;               // playback: the video's length (the last 15% holds the end)
    int play_from = 0, play_to = 0;    // playback: month indices; the window grows from one to the other
    bool tour = false;                 // the open tour from its first step to its last instead
  };
  Result<std::string> record(const Recording& r);
  // How many frames record(r) writes.
  int recordingFrames(const Recording& r) const;

  // Opens a projects source (any table chainmap reads, or "PG:…") on a worker thread with a
  // progress bar and Cancel; the current model stays until the new one is in. A table whose
  // columns cannot be told apart opens the mapping dialog instead (ui/app_load.cpp).
  void openProjects(const std::string& source, const std::string& layer = "", const std::string& mapping = "");
  // F5: the same source again, keeping view, filters and selection (a live database's changes).
  void reload();
  void setWatch(double seconds);  // --watch: reload every `seconds` (0: never)
  bool loading() const;
  float loadProgress() const;
  void cancelLoad();
  // Remote mode (ui/app_remote.cpp): the model holds only the base map; bins, rows and statistics
  // come from `src` (data/remote_products.h), asked on a worker as the view and filter change.
  // The timeline spans the table's signing months (one statistics query, here); with
  // `whole_timeline` the filter's window covers all of them.
  Result<bool> setRemote(std::shared_ptr<PostgisSource> src, bool whole_timeline = true);
  bool remote() const;
  // The source on screen was loaded with `opt` (main's start-up load), and imported this way.
  void setSource(const LoadOptions& opt, std::shared_ptr<ImportSession> import);
  // Replaces the model (and the atlas that holds its names): every cached product and layer is
  // rebuilt from the new model revision; nothing keeps pointers into the old one. With
  // `keep_state` the filter, time window and selection carry over (matched by id and name).
  void replaceModel(std::shared_ptr<const Model> model, Fonts fonts, bool keep_state = false);
  // Imports `s`'s table again with `m` (the mapping dialog's Apply), saving the mapping first
  // when `save`.
  void applyMapping(std::shared_ptr<ImportSession> s, FieldMapping m, bool save);
  void openMappingDialog(std::shared_ptr<ImportSession> s);
  // The table whose mapping the dialog is asking for (null when the dialog is closed).
  std::shared_ptr<ImportSession> pendingMapping() const;
  std::shared_ptr<ImportSession> pendingCategories() const;  // the category dialog's table, while it is open
  // Presentation mode in the window: the monitor for full screen (-1: the window's), or stay a
  // window; the kiosk's idle time before it runs `kiosk_tour` (the shipped story when empty).
  void setPresentation(int monitor, bool windowed, double kiosk_idle_s, std::string kiosk_tour);
  // --presenter: the console window beside the audience's (ui/console.cpp). The audience goes
  // into presentation mode (full screen on a second monitor when there is one).
  Result<bool> openConsole(int width = 1280, int height = 800);
  bool consoleOpen() const;
  // One console frame: to its window, or (capture) offscreen and read back.
  Result<Image> consoleFrame(bool capture);
  // Interactive mode: write the window's image to `png` each time it settles (scripted tests).
  void captureWhenIdle(std::string png);

  // For the benchmark harness: one offscreen frame; glFinish()ed so timings are real. `may_move`:
  // as a window frame, a moving view may show the last map moved (MapRenderer::render).
  FrameStats benchFrame(bool may_move = false);
  Image benchImage();  // the last benchFrame's image, top row first (tests)
  AppState& state() { return st_; }
  const Derived& derived() const;
  const Model& model() const { return *model_; }
  uint64_t modelRevision() const { return model_rev_; }
  // Adds a panel after the registered ones (tests; features register theirs in ui/feature_registry.cpp).
  void addPanel(PanelSpec p);

  struct Impl;  // GL/GLFW/ImGui internals (public so the GLFW callbacks can reach it)

 private:
  Result<bool> initGpu();  // the map's shaders, once the context is current
  FrameStats runFrame(double dt, const FrameTarget& target);  // ui/frame.cpp
  void applyLoaded(LoadedModel&& loaded);
  void pollLoad();
  void startLoad(LoadOptions opt, bool keep_state);
  void swapFonts(Fonts fonts);
  void updateScale(float content_scale);
  Image readOffscreen(int w, int h);  // the last offscreen frame, top row first
  void renderTiles(const LayerFrame& lf, int tile, Image& out);  // ui/frame.cpp
  double presentationTick();  // full screen, idle cursor, kiosk (ui/app.cpp)
  void keepUnsavedTour();
  void drawConsoleUi();  // ui/app.cpp: the UI scale for this frame; style and atlas follow
  void drawLoadUi();  // ui/app_load.cpp: the features' file requests, progress, password prompt, the import's dialogs
  friend class AppServicesImpl;
  std::unique_ptr<Impl> impl_;
  std::shared_ptr<const Model> model_;
  uint64_t model_rev_ = 0;
  AppState st_;
};

// Every string the map and panels can show, so the glyph atlas holds exactly those: the UI, the
// names in the model, and what the load said (messages, an imported table's headers and first
// rows for the mapping dialog).
GlyphText neededText(const Model& m, const LoadReport* report = nullptr);

// What the App shows large besides the UI strings: the open tour's title and captions.
std::string displayText(const AppState& st);

// The initial view: Hangzhou fitted into the part of the window the panels leave free.
void fitHome(AppState& st);

// The state a model opens with: the time slider spans the data's signing months and the window
// covers all of them; "home" is the districts' extent.
AppState defaultState(const Model& m);

}  // namespace cm
