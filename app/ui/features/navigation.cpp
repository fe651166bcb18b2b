// The keys that move the view, the time window and the language, and Escape's last resorts:
// arrows pan (Shift: further), + / − zoom at the map's centre, Ctrl + / − / 0 the UI scale, F or
// Home fits Hangzhou, L switches 中文/English, F11 presentation mode, , / . (and PageUp /
// PageDown, which a tour takes first when one is open) step the time window a month, Space plays,
// Ctrl+Q quits. Escape leaves presentation mode, then clears the selection (an open dropdown and
// the measuring tool take it first).
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>

#include "ui/app.h"
#include "ui/features/features.h"
#include "ui/layout.h"

namespace cm {

namespace {

Vec2 mapCentre(const AppState& st) {
  const layout::Rect a = layout::computeLayout(st.view.width, st.view.height, st.ui_scale, st.present, st.chrome).map;
  return {(a.x0 + a.x1) / 2, (a.y0 + a.y1) / 2};
}

void stepTime(AppState& st, int dir) {
  st.timeline.playing = false;
  stepMonth(st.timeline, st.filter, dir);
}

void scaleUi(AppState& st, double factor) {
  st.ui_scale_manual = factor == 0 ? 0.f : std::clamp(static_cast<float>(st.ui_scale * factor), 0.5f, 8.f);
}

// A binding that always takes its key.
KeyBinding key(int k, int mods, std::function<void(AppState&, int mods)> run) {
  return {k, mods, [run = std::move(run)](FeatureContext& c, int m) { return run(c.st, m), true; }};
}

KeyBinding pan(int k, double dx, double dy) {
  return key(k, 0, [dx, dy](AppState& st, int mods) {
    const double step = 0.125 * std::min(st.view.width, st.view.height) * ((mods & GLFW_MOD_SHIFT) ? 3 : 1);
    st.view.panPixels(dx * step, dy * step);
  });
}

// + / − zoom; with Ctrl the UI scale.
KeyBinding zoom(int k, double factor) {
  return key(k, 0, [factor](AppState& st, int mods) {
    if (mods & GLFW_MOD_CONTROL) scaleUi(st, factor > 1 ? 1.1 : 1 / 1.1);
    else st.view.zoomAt(mapCentre(st), factor);
  });
}

}  // namespace

UiFeature makeNavigationFeature() {
  UiFeature f;
  f.id = "navigation";
  f.keys = {
      pan(GLFW_KEY_LEFT, 1, 0), pan(GLFW_KEY_RIGHT, -1, 0), pan(GLFW_KEY_UP, 0, 1), pan(GLFW_KEY_DOWN, 0, -1),
      zoom(GLFW_KEY_EQUAL, 1.25), zoom(GLFW_KEY_KP_ADD, 1.25), zoom(GLFW_KEY_MINUS, 1 / 1.25), zoom(GLFW_KEY_KP_SUBTRACT, 1 / 1.25),
      key(GLFW_KEY_0, GLFW_MOD_CONTROL, [](AppState& st, int) { scaleUi(st, 0); }),  // back to the monitor's and the window's scale
      key(GLFW_KEY_F11, 0, [](AppState& st, int) { st.present = !st.present; }),
      key(GLFW_KEY_COMMA, 0, [](AppState& st, int) { stepTime(st, -1); }),
      key(GLFW_KEY_PERIOD, 0, [](AppState& st, int) { stepTime(st, 1); }),
      key(GLFW_KEY_PAGE_UP, 0, [](AppState& st, int) { stepTime(st, -1); }),
      key(GLFW_KEY_PAGE_DOWN, 0, [](AppState& st, int) { stepTime(st, 1); }),
      key(GLFW_KEY_F, 0, [](AppState& st, int) { fitHome(st); }),
      key(GLFW_KEY_HOME, 0, [](AppState& st, int) { fitHome(st); }),
      key(GLFW_KEY_L, 0, [](AppState& st, int) { st.lang = st.lang == Lang::Zh ? Lang::En : Lang::Zh; }),
      key(GLFW_KEY_SPACE, 0,
          [](AppState& st, int) {
            togglePlaying(st.timeline, st.filter);
          }),
      {GLFW_KEY_Q, GLFW_MOD_CONTROL, [](FeatureContext& c, int) { return c.app.quit(), true; }},
  };
  f.escape = [](AppState& st) {
    if (st.present) st.present = false;
    else st.selected = -1;
    return true;
  };
  return f;
}

}  // namespace cm
