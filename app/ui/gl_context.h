// Where a headless App's OpenGL 3.3 core context comes from, so that screenshots, videos, the
// benchmark and the GUI tests need no X server at all.
//
// EGL on Mesa's surfaceless platform (EGL_MESA_platform_surfaceless + EGL_KHR_surfaceless_context):
// a context with no window and no default framebuffer; every frame goes to the framebuffer
// objects App::capture already draws into. Mesa picks a render node (a GPU) when there is one,
// else llvmpipe. glad loads the GL functions through eglGetProcAddress.
//
// When EGL is not there or refuses (no libEGL vendor, no surfaceless platform, no 3.3 core),
// the App falls back to a hidden GLFW window (GLX, needs a display); CHAINMAP_TRACE=1 says which
// one it got and why. CHAINMAP_GL=glfw skips EGL (to test the fallback).
//
// The interactive window and the presenter console stay GLFW (ui/app.cpp, ui/console.cpp).
#pragma once
#include <memory>
#include <string>

#include "platform/result.h"

namespace cm {

class EglContext {
 public:
  // A 3.3 core context on the surfaceless platform, current on this thread, glad loaded.
  static Result<std::unique_ptr<EglContext>> create();
  ~EglContext();  // the caller has released its GL objects (while current) before this
  EglContext(const EglContext&) = delete;
  EglContext& operator=(const EglContext&) = delete;

  bool makeCurrent() const;
  // "EGL surfaceless: llvmpipe (LLVM 15.0.6, 256 bits), 4.5 (Core Profile) Mesa 22.3.6"
  std::string describe() const;

 private:
  EglContext() = default;
  void* display_ = nullptr;  // EGLDisplay
  void* context_ = nullptr;  // EGLContext
};

// Under AddressSanitizer only: marks the OpenGL driver modules now loaded (Mesa's DRI driver and
// the libraries it pulled in) RTLD_NODELETE, so eglTerminate/glfwTerminate no longer unmap them
// before LeakSanitizer runs at exit. Their at-exit allocations then show with the module's name
// and tests/sanitize/lsan.supp can match them; unpinned they are "<unknown module>". Call it with
// a context current (the driver is loaded by then). A no-op in every other build.
void keepGlDriverLoadedForLeakCheck();

// The GL renderer and version of the current context, for CHAINMAP_TRACE and the benchmark.
std::string glDescription();

}  // namespace cm
