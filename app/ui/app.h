// The application: a GLFW window with a GL 3.3 core context, Dear ImGui, the map renderer, and
// the frame loop. Interactive mode sleeps in glfwWaitEvents while nothing moves; screenshot
// mode renders offscreen frames at a given size and writes a PNG.
#pragma once
#include <memory>
#include <string>

#include "core/model.h"
#include "ui/app_state.h"

struct GLFWwindow;

namespace cm {

struct FrameStats {
  double map_ms = 0;    // CPU time submitting the map redraw (0 when cached)
  double frame_ms = 0;  // whole frame incl. glFinish when measuring
  bool map_redrawn = false;
};

class App {
 public:
  App(const Model& model, AppState state);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Creates the window and GL objects. Errors (no display, shader compile errors, no CJK font)
  // come back as messages; in interactive mode they are also shown in the window when possible.
  Result<bool> init(int width, int height, bool visible);
  int runInteractive();
  // Renders `frames` frames offscreen at the init size and writes the last one to `png`.
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

// The initial view: Hangzhou fitted into the part of the window the panels leave free.
void fitHome(AppState& st);

// The state a model opens with: the time slider spans the data's signing months and the window
// covers all of them; "home" is the districts' extent.
AppState defaultState(const Model& m);

}  // namespace cm
