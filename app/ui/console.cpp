#include "ui/console.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <glad/gl.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/dates.h"
#include "ui/panels.h"
#include "render/gl_util.h"
#include "ui/app_impl.h"
#include "ui/cjk_text.h"
#include "ui/console_placement.h"
#include "ui/tour_player.h"

namespace cm {

struct ConsoleGpu {
  gl::RenderTarget target;
};

Console::~Console() = default;

namespace {

// GLFW calls these for the console's window while the audience's ImGui context is current:
// switch to the console's context around ImGui's own handlers.
App::Impl* implOf(GLFWwindow* w) { return static_cast<App::Impl*>(glfwGetWindowUserPointer(w)); }
struct ConsoleScope {
  ImGuiContext* prev;
  explicit ConsoleScope(GLFWwindow* w) : prev(ImGui::GetCurrentContext()) {
    App::Impl* I = implOf(w);
    I->events++;
    I->last_input_s = I->now();
    ImGui::SetCurrentContext(I->console->ctx);
  }
  ~ConsoleScope() { ImGui::SetCurrentContext(prev); }
};

void installCallbacks(GLFWwindow* w) {
  glfwSetMouseButtonCallback(w, [](GLFWwindow* w, int b, int a, int m) {
    ConsoleScope s(w);
    ImGui_ImplGlfw_MouseButtonCallback(w, b, a, m);
  });
  glfwSetScrollCallback(w, [](GLFWwindow* w, double x, double y) {
    ConsoleScope s(w);
    ImGui_ImplGlfw_ScrollCallback(w, x, y);
  });
  glfwSetKeyCallback(w, [](GLFWwindow* w, int key, int sc, int action, int mods) {
    bool typing = false;
    {
      ConsoleScope s(w);
      ImGui_ImplGlfw_KeyCallback(w, key, sc, action, mods);
      typing = ImGui::GetIO().WantTextInput;
    }
    // Clicker keys and the presentation keys drive the one state, as on the audience window.
    if (action != GLFW_RELEASE && !typing) implOf(w)->keys.push_back({key, mods});
  });
  glfwSetCharCallback(w, [](GLFWwindow* w, unsigned c) {
    ConsoleScope s(w);
    ImGui_ImplGlfw_CharCallback(w, c);
  });
  glfwSetCursorPosCallback(w, [](GLFWwindow* w, double, double) { implOf(w)->events++; });
  glfwSetCursorEnterCallback(w, [](GLFWwindow* w, int entered) {
    ConsoleScope s(w);
    ImGui_ImplGlfw_CursorEnterCallback(w, entered);
  });
  glfwSetWindowFocusCallback(w, [](GLFWwindow* w, int focused) {
    ConsoleScope s(w);
    ImGui_ImplGlfw_WindowFocusCallback(w, focused);
  });
  glfwSetWindowSizeCallback(w, [](GLFWwindow* w, int, int) { implOf(w)->events++; });
  glfwSetWindowRefreshCallback(w, [](GLFWwindow* w) { implOf(w)->events++; });
  glfwSetWindowCloseCallback(w, [](GLFWwindow* w) {  // closing the console ends the presentation
    glfwSetWindowShouldClose(implOf(w)->window, GLFW_TRUE);
  });
}

std::string clock(double seconds) {
  const int s = static_cast<int>(std::max(0.0, seconds));
  char b[16];
  std::snprintf(b, sizeof b, "%02d:%02d", s / 60, s % 60);
  return b;
}

}  // namespace

Result<bool> App::openConsole(int width, int height) {
  using R = Result<bool>;
  Impl& I = *impl_;
  if ((!I.window && !I.egl) || I.console) return R::fail("the presenter console needs the audience window first");
  auto c = std::make_unique<Console>();
  c->w = width;
  c->h = height;
  int count = 0;
  GLFWmonitor** monitors = nullptr;
  if (I.window) {  // a window of its own, on a context that shares the audience's objects
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    c->window = glfwCreateWindow(width, height, "chainmap — 演示者控制台 Presenter console", nullptr, I.window);
    if (!c->window) return R::fail("cannot open the presenter console's window");
    glfwSetWindowUserPointer(c->window, impl_.get());
    monitors = glfwGetMonitors(&count);
  }
  // (Headless, EGL: no window; the console draws offscreen on the audience's own context.)
  // Two monitors: the audience full screen on the second, the console on the first. One: both
  // are windows, side by side.
  if (count >= 2) {
    I.monitor = 1;
    I.windowed_present = false;
    int x, y;
    glfwGetMonitorPos(monitors[0], &x, &y);
    glfwSetWindowPos(c->window, x + 40, y + 40);
  } else {
    I.windowed_present = true;
    if (count == 1 && c->window) {  // side by side, the console never over the audience view
      WinRect work, audience;
      glfwGetMonitorWorkarea(monitors[0], &work.x, &work.y, &work.w, &work.h);
      glfwGetWindowPos(I.window, &audience.x, &audience.y);
      glfwGetWindowSize(I.window, &audience.w, &audience.h);
      const ConsolePlacement p = placeConsoleOnOneMonitor(work, audience, width, height);
      glfwSetWindowPos(I.window, p.audience.x, p.audience.y);
      glfwSetWindowSize(I.window, p.audience.w, p.audience.h);
      glfwSetWindowPos(c->window, p.console.x, p.console.y);
      glfwSetWindowSize(c->window, p.console.w, p.console.h);
      c->w = p.console.w;
      c->h = p.console.h;
      std::fprintf(stderr, "%s\n", p.note.c_str());
    }
  }
  if (!st_.present) {  // the audience presents; the map area changes, the city stays in it
    st_.present = true;
    keepMapArea(st_, false, st_.ui_scale);
    I.laid_out_present = true;
  }
  // Its own atlas, at its own scale, with the same glyphs.
  float cx = 1, cy = 1;
  if (c->window) glfwGetWindowContentScale(c->window, &cx, &cy);
  c->scale = std::max({1.f, cx, cy});
  auto blob = readCjkFont();
  if (!blob) return R::fail(blob.error());
  GlyphText text = neededText(*model_);
  text.display = displayText(st_);
  auto fonts = buildFonts(blob.take(), text, 16.f * c->scale, c->window != nullptr);  // offscreen: only listed text
  if (!fonts) return R::fail(fonts.error());
  c->fonts = fonts.take();
  ImGuiContext* audience = ImGui::GetCurrentContext();
  if (c->window) glfwMakeContextCurrent(c->window);
  c->ctx = ImGui::CreateContext(c->fonts.atlas.get());
  ImGui::SetCurrentContext(c->ctx);
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::GetStyle() = I.base_style;
  ImGui::GetStyle().ScaleAllSizes(c->scale);
  if (c->window) ImGui_ImplGlfw_InitForOpenGL(c->window, false);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  c->imgui_ready = true;
  c->gpu = std::make_unique<ConsoleGpu>();
  if (c->window) installCallbacks(c->window);
  ImGui::SetCurrentContext(audience);
  I.makeCurrent();
  c->started_s = c->step_started_s = I.now();
  I.console = std::move(c);
  return true;
}

void App::Impl::closeConsole() {
  if (!console) return;
  Console& c = *console;
  ImGuiContext* audience = ImGui::GetCurrentContext();
  if (c.window) glfwMakeContextCurrent(c.window);
  else makeCurrent();
  c.gpu.reset();  // its framebuffers live in its context
  if (c.imgui_ready) {
    ImGui::SetCurrentContext(c.ctx);
    ImGui_ImplOpenGL3_Shutdown();
    if (c.window) ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(c.ctx);
    c.imgui_ready = false;
  }
  ImGui::SetCurrentContext(audience == c.ctx ? nullptr : audience);
  if (c.window) glfwDestroyWindow(c.window);
  console.reset();
  makeCurrent();
}

bool App::consoleOpen() const { return impl_->console != nullptr; }

// The console's UI: a function of the one state, like every panel.
void App::drawConsoleUi() {
  Impl& I = *impl_;
  Console& c = *I.console;
  const Lang L = st_.lang;
  const float s = c.scale;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("##console", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  const double now = I.now();
  if (st_.tour.step != c.last_step) {
    c.last_step = st_.tour.step;
    c.step_started_s = now;
  }
  ImGui::PushFont(c.fonts.title);
  ImGui::TextUnformatted(tr(L, S::ConsoleTitle));
  ImGui::PopFont();
  ImGui::SameLine(vp->Size.x - 330 * s);
  ImGui::PushFont(c.fonts.title);
  ImGui::Text("%s %s", tr(L, S::ConsoleElapsed), clock(now - c.started_s).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled("%s %s", tr(L, S::ConsoleStepTime), clock(now - c.step_started_s).c_str());
  ImGui::Separator();

  // Left: the audience's map, with the pointer.
  const float left_w = std::floor(vp->Size.x * 0.55f);
  ImGui::BeginChild("##view", {left_w, 0});
  ImGui::TextDisabled("%s · %s · %lld", tr(L, S::ConsoleAudience), timeWindowText(st_).c_str(),
                      static_cast<long long>(I.derived.stats().total.count));
  const float aspect = static_cast<float>(st_.view.height) / std::max(1, st_.view.width);
  const ImVec2 size{left_w - 8 * s, (left_w - 8 * s) * aspect};
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(I.gpu->map.texture())), size, {0, 1}, {1, 0});
  const ImVec2 m = ImGui::GetIO().MousePos;
  const bool over = ImGui::IsItemHovered();
  st_.pointer_on = over;
  if (over) {
    const double u = (m.x - p.x) / size.x, v = (m.y - p.y) / size.y;
    st_.pointer = st_.view.toWorld({u * st_.view.width, v * st_.view.height});
    ImGui::GetWindowDrawList()->AddCircle(m, 10 * s, IM_COL32(220, 40, 40, 255), 0, 2 * s);
  }
  ImGui::TextDisabled("%s", tr(L, S::ConsolePointer));
  {  // what the audience's counters say
    const Stats& st = I.derived.stats();
    ImGui::Separator();
    ImGui::PushFont(c.fonts.title);
    ImGui::Text("%lld %s   %s   %.1f%% %s", static_cast<long long>(st.total.count), tr(L, S::KpiProjects),
                render(L, Msg("kpi.invested").arg("amount", formatYi(st.total.investment_yi, L))).c_str(), st.total.count ? 100.0 * st.in_parks / st.total.count : 0.0,
                tr(L, S::KpiInParks));
    ImGui::PopFont();
  }
  ImGui::EndChild();
  ImGui::SameLine();

  // Right: now, next, notes, the buttons.
  ImGui::BeginChild("##steps", {0, 0});
  const TourState& t = st_.tour;
  const bool zh = L == Lang::Zh;
  if (!t.open || t.doc.steps.empty()) {
    ImGui::TextWrapped("%s", tr(L, S::ConsoleNoTour));
  } else {
    const int n = static_cast<int>(t.doc.steps.size());
    const int k = std::max(0, t.step);
    const TourStep& cur = t.doc.steps[k];
    ImGui::TextDisabled("%s  %d / %d", tr(L, S::ConsoleNow), k + 1, n);
    ImGui::PushFont(c.fonts.title);
    const float width = ImGui::GetContentRegionAvail().x;
    textWrappedCjk(stepCaption(zh ? cur.title.zh : cur.title.en, *model_, I.derived.stats(), L), width);  // what the audience reads
    ImGui::PopFont();
    textWrappedCjk(stepCaption(zh ? cur.text.zh : cur.text.en, *model_, I.derived.stats(), L), width);
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(L, S::ConsoleNext));
    if (k + 1 < n || t.loop) {
      const TourStep& next = t.doc.steps[(k + 1) % n];
      textWrappedCjk(std::to_string((k + 1) % n + 1) + ". " + (zh ? next.title.zh : next.title.en), width);
    } else {
      ImGui::TextDisabled("%s", tr(L, S::ConsoleEnd));
    }
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr(L, S::ConsoleNotes));
    const std::string& notes = zh ? cur.notes.zh : cur.notes.en;
    ImGui::PushFont(c.fonts.label);
    textWrappedCjk(notes.empty() ? "—" : notes, width);
    ImGui::PopFont();
    ImGui::Separator();
    const ImVec2 big{120 * s, 40 * s};
    if (ImGui::Button(tr(L, S::TourPrev), big)) st_.tour.autoplay = false, previousStep(st_, *model_);
    ImGui::SameLine();
    if (ImGui::Button(tr(L, S::TourNext), big)) {
      st_.tour.autoplay = false;
      if (st_.tour.step < 0) goToStep(st_, *model_, 0, true);
      else nextStep(st_, *model_);
    }
    ImGui::SameLine();
    if (ImGui::Button(st_.tour.autoplay ? tr(L, S::TourStop) : tr(L, S::TourAutoplay), big)) st_.tour.autoplay = !st_.tour.autoplay;
    ImGui::Separator();
    for (int j = 0; j < n; ++j) {  // every step: click to go there
      const TourStep& sj = t.doc.steps[j];
      const std::string label = std::to_string(j + 1) + ". " + (zh ? sj.title.zh : sj.title.en) + "##cs" + std::to_string(j);
      if (ImGui::Selectable(label.c_str(), j == t.step)) st_.tour.autoplay = false, goToStep(st_, *model_, j, true);
    }
    ImGui::Separator();
  }
  if (ImGui::Button(tr(L, S::Language))) st_.lang = zh ? Lang::En : Lang::Zh;
  ImGui::SameLine();
  ImGui::Checkbox(tr(L, S::ConsolePresent), &st_.present);
  ImGui::EndChild();
  ImGui::End();
}

// One console frame into its window (or, for a screenshot, into its offscreen target).
Result<Image> App::consoleFrame(bool capture) {
  using R = Result<Image>;
  Impl& I = *impl_;
  if (!I.console) return R::fail("no presenter console");
  Console& c = *I.console;
  if (!c.window && !capture) return Image{};  // headless: nothing on screen to update
  ImGuiContext* audience = ImGui::GetCurrentContext();
  if (c.window) glfwMakeContextCurrent(c.window);
  ImGui::SetCurrentContext(c.ctx);
  int w = c.w, h = c.h;
  if (c.window) glfwGetFramebufferSize(c.window, &w, &h);
  ImGui_ImplOpenGL3_NewFrame();
  if (c.window) {
    ImGui_ImplGlfw_NewFrame();
  } else {  // headless: no platform backend
    ImGui::GetIO().DeltaTime = 1.f / 60;
  }
  if (capture) {
    ImGui::GetIO().MousePos = {-FLT_MAX, -FLT_MAX};
    ImGui::GetIO().DisplaySize = {static_cast<float>(w), static_cast<float>(h)};
    ImGui::GetIO().DisplayFramebufferScale = {1, 1};
  }
  const bool pointer_was = st_.pointer_on;
  Image img;
  for (int pass = 0; pass < (capture ? 3 : 1); ++pass) {  // a capture settles auto-sized windows first
    if (pass > 0) {
      ImGui_ImplOpenGL3_NewFrame();
      ImGui::GetIO().DisplaySize = {static_cast<float>(w), static_cast<float>(h)};
    }
    ImGui::NewFrame();
    drawConsoleUi();
    ImGui::Render();
  }
  if (capture) st_.pointer_on = pointer_was;
  GLuint fbo = 0;
  if (capture) {
    c.gpu->target.resize(w, h, 1);
    fbo = c.gpu->target.resolvedFbo();
  }
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glViewport(0, 0, w, h);
  glClearColor(0.89f, 0.91f, 0.94f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (capture) {
    glFinish();
    img = Image{w, h, std::vector<unsigned char>(static_cast<size_t>(w) * h * 4)};
    std::vector<unsigned char> px(img.rgba.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    for (int y = 0; y < h; ++y)
      std::copy_n(&px[static_cast<size_t>(h - 1 - y) * w * 4], w * 4, &img.rgba[static_cast<size_t>(y) * w * 4]);
    for (size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
  } else {
    glfwSwapBuffers(c.window);
  }
  ImGui::SetCurrentContext(audience);
  I.makeCurrent();
  return img;
}

}  // namespace cm
