// The application: a GLFW window with a GL 3.3 core context, Dear ImGui, the map renderer, and
// the frame loop. Interactive mode sleeps in glfwWaitEvents while nothing moves; screenshot
// mode renders offscreen frames at a given size and writes a PNG.
//
// Start-up is split so the window can open while the data loads on a worker thread:
//   App app(model);            // model may still be loading: not read before start()
//   app.openWindow(w, h, visible);
//   ... join the loader (it also built the font atlas: buildFonts(readCjkFont(), neededText(model)))
//   app.start(state, fonts);   // ImGui context on that atlas, shaders, GPU buffers, engines
#pragma once
#include <memory>
#include <string>

#include "core/model.h"
#include "ui/app_state.h"
#include "ui/fonts.h"

struct GLFWwindow;

namespace cm {

struct FrameStats {
  double map_ms = 0;    // CPU time submitting the map redraw (0 when cached)
  double frame_ms = 0;  // whole frame incl. glFinish when measuring
  bool map_redrawn = false;
  bool presented = true;  // false: identical to the frame on screen, no GL work done
};

class App {
 public:
  explicit App(const Model& model);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // The window, its GL context and the ImGui context. Fails without a display.
  // The window stays hidden until runInteractive(); screenshots render offscreen.
  Result<bool> openWindow(int width, int height);
  // Everything that needs the model: fonts, shaders, GPU buffers, engines. Errors (shader
  // compile errors, no CJK font) come back as messages.
  Result<bool> start(AppState state, Fonts fonts);
  int runInteractive();
  // Renders `frames` frames offscreen at the window's size and writes the last one to `png`.
  Result<bool> screenshot(const std::string& png, int frames = 3);

  // For the benchmark harness: one offscreen frame; glFinish()ed so timings are real.
  FrameStats benchFrame();
  AppState& state() { return st_; }

  struct Impl;  // GL/GLFW/ImGui internals (public so the GLFW callbacks can reach it)

 private:
  std::unique_ptr<Impl> impl_;
  const Model& model_;
  AppState st_;
};

// Every string the map and panels can show, so the glyph atlas holds exactly those.
GlyphText neededText(const Model& m);

// The initial view: Hangzhou fitted into the part of the window the panels leave free.
void fitHome(AppState& st);

// The state a model opens with: the time slider spans the data's signing months and the window
// covers all of them; "home" is the districts' extent.
AppState defaultState(const Model& m);

}  // namespace cm
