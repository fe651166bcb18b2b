// The presenter console (--presenter): a second window with its own Dear ImGui context and font
// atlas, on a GL context that shares objects with the audience window's, so it can show the
// audience's map texture. It reads and writes the App's one AppState (one document, two views):
// the current and next tour step, the speaker notes, elapsed times, step buttons, and a thumbnail
// of the audience view where the presenter's mouse becomes a highlight on the audience's map.
// A headless App (EGL, no window) gives it no window: it draws offscreen on the audience's own
// context, for `--presenter --screenshot`.
//
// GLFW delivers every window's events while the audience's ImGui context is current, so the
// console installs its own callbacks that switch to its context around ImGui's handlers.
#pragma once
#include <memory>
#include <string>

#include "platform/result.h"
#include "ui/app.h"
#include "ui/fonts.h"

struct GLFWwindow;
struct ImGuiContext;

namespace cm {

struct Console {
  GLFWwindow* window = nullptr;  // none when the App is headless on EGL (then it draws offscreen only)
  int w = 0, h = 0;               // its size when it has no window
  ImGuiContext* ctx = nullptr;
  Fonts fonts;
  bool imgui_ready = false;
  double started_s = 0;       // App::Impl::now() when the console opened (elapsed time)
  double step_started_s = 0;  // ... when the current step came on screen
  int last_step = -2;
  float scale = 1;
  std::unique_ptr<struct ConsoleGpu> gpu;  // its offscreen target (screenshots), made in its context
  ~Console();
};

}  // namespace cm
