#include "ui/gl_context.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <glad/gl.h>

#include <dlfcn.h>
#include <link.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <vector>

namespace cm {

namespace {

bool hasExtension(const char* list, const char* name) {
  if (!list) return false;
  const size_t n = std::strlen(name);
  for (const char* p = list; (p = std::strstr(p, name)); p += n)
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
  return false;
}

std::string eglError(const char* what) {
  char code[16];
  std::snprintf(code, sizeof code, "0x%04X", eglGetError());
  return std::string(what) + " failed (EGL error " + code + ")";
}

// eglInitialize/eglTerminate are per display, not per caller: the surfaceless display is
// terminated when the last context on it goes (tests start several Apps in one process).
std::mutex g_mutex;
std::map<EGLDisplay, int> g_users;

void release(EGLDisplay d) {
  std::lock_guard lock(g_mutex);
  if (--g_users[d] == 0) {
    g_users.erase(d);
    eglTerminate(d);
  }
}

}  // namespace

void keepGlDriverLoadedForLeakCheck() {
#if defined(__SANITIZE_ADDRESS__)
  // dl_iterate_phdr holds the loader lock: collect names first, dlopen them afterwards.
  std::vector<std::string> names;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* out) {
        const std::string name = info->dlpi_name ? info->dlpi_name : "";
        if (name.find("/dri/") != std::string::npos || name.find("libgallium") != std::string::npos ||
            name.find("libGLX_mesa") != std::string::npos || name.find("libEGL_mesa") != std::string::npos)
          static_cast<std::vector<std::string>*>(out)->push_back(name);
        return 0;
      },
      &names);
  // RTLD_NOLOAD: only what is loaded already; the extra reference is never dropped on purpose.
  for (const std::string& n : names) dlopen(n.c_str(), RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
#endif
}

std::string glDescription() {
  const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
  return std::string(renderer ? renderer : "?") + ", " + (version ? version : "?");
}

Result<std::unique_ptr<EglContext>> EglContext::create() {
  using R = Result<std::unique_ptr<EglContext>>;
  const char* client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  if (!hasExtension(client, "EGL_MESA_platform_surfaceless"))
    return R::fail("EGL: no surfaceless platform (EGL_MESA_platform_surfaceless; is Mesa's libegl-mesa0 installed?)");
  auto getDisplay = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (!getDisplay) return R::fail("EGL: no eglGetPlatformDisplayEXT");
  EGLDisplay display = getDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  if (display == EGL_NO_DISPLAY) return R::fail(eglError("EGL: eglGetPlatformDisplayEXT(surfaceless)"));
  {
    std::lock_guard lock(g_mutex);
    EGLint major = 0, minor = 0;
    if (g_users[display] == 0 && !eglInitialize(display, &major, &minor)) {
      g_users.erase(display);
      return R::fail(eglError("EGL: eglInitialize(surfaceless)"));
    }
    ++g_users[display];
  }
  auto fail = [&](std::string why) {
    release(display);
    return R::fail(std::move(why));
  };
  const char* ext = eglQueryString(display, EGL_EXTENSIONS);
  if (!hasExtension(ext, "EGL_KHR_surfaceless_context")) return fail("EGL: no EGL_KHR_surfaceless_context");
  if (!eglBindAPI(EGL_OPENGL_API)) return fail(eglError("EGL: eglBindAPI(OpenGL)"));
  EGLConfig config = EGL_NO_CONFIG_KHR;  // no surface, so no config is needed where that is allowed
  if (!hasExtension(ext, "EGL_KHR_no_config_context")) {
    const EGLint want[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    EGLint n = 0;
    if (!eglChooseConfig(display, want, &config, 1, &n) || n < 1) return fail("EGL: no OpenGL config");
  }
  const EGLint attrs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
                          EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, attrs);
  if (context == EGL_NO_CONTEXT) return fail(eglError("EGL: eglCreateContext(OpenGL 3.3 core)"));
  std::unique_ptr<EglContext> c(new EglContext);
  c->display_ = display;
  c->context_ = context;
  if (!c->makeCurrent()) return R::fail(eglError("EGL: eglMakeCurrent(surfaceless)"));  // ~EglContext releases
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress)))
    return R::fail("EGL: cannot load the OpenGL 3.3 functions");
  keepGlDriverLoadedForLeakCheck();
  return c;
}

EglContext::~EglContext() {
  if (!display_) return;
  // Another App's context may be current (tests): only this one is let go.
  if (eglGetCurrentContext() == context_) eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  if (context_) eglDestroyContext(display_, context_);
  release(display_);
}

bool EglContext::makeCurrent() const {
  return eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_) == EGL_TRUE;
}

std::string EglContext::describe() const { return "EGL surfaceless: " + glDescription(); }

}  // namespace cm
