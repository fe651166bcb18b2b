// Mouse and keys on the map: drag to pan, wheel to zoom at the cursor, click a project to pin
// its card (a bubble to zoom into it, empty map to clear), arrows pan, +/− zoom, F/Home fit,
// Escape closes an open dropdown, then leaves presentation mode, then clears the selection,
// L switches the language, F11 toggles presentation mode, Ctrl +/−/0 the UI scale,
// comma/period step the time window by a month (PageUp/PageDown too without a tour), Space
// plays, Ctrl+S saves the view as a PNG, Ctrl+Q quits, F5 reloads the projects source, Ctrl+O
// opens another. With a tour open, Right/PageDown and Left/PageUp (what presentation clickers
// send) step through it.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

#include "ui/app_impl.h"
#include "ui/layout.h"
#include "ui/tour_player.h"

namespace cm {

void refitAfterResize(AppState& st, int w, int h) {
  const View old = st.view;
  st.view.width = std::max(1, w);
  st.view.height = std::max(1, h);
  const layout::Rect a = layout::computeLayout(old.width, old.height, st.ui_scale, st.present, st.chrome).map,
                     b = layout::computeLayout(st.view.width, st.view.height, st.ui_scale, st.present, st.chrome).map;
  if (a.x1 - a.x0 < 50 || a.y1 - a.y0 < 50 || b.x1 - b.x0 < 50 || b.y1 - b.y0 < 50) {
    st.view.center = old.center;  // too small to fit anything: keep the centre and the scale
    return;
  }
  Extent e;  // what the old map area showed
  e.add(old.toWorld({a.x0, a.y0}));
  e.add(old.toWorld({a.x1, a.y1}));
  st.view.fitInto(e, b.x0, b.y0, b.x1, b.y1);
}

// The centre of the map area stays its centre, and the scale follows the area's size (the
// geometric mean of the width and height ratios), so switching there and back is exact.
void keepMapArea(AppState& st, bool was_present) {
  const layout::Rect a = layout::computeLayout(st.view.width, st.view.height, st.ui_scale, was_present, st.chrome).map;
  const layout::Rect b = layout::computeLayout(st.view.width, st.view.height, st.ui_scale, st.present, st.chrome).map;
  const double wa = a.x1 - a.x0, ha = a.y1 - a.y0, wb = b.x1 - b.x0, hb = b.y1 - b.y0;
  if (wa < 1 || ha < 1 || wb < 1 || hb < 1) return;
  const Vec2 c = st.view.toWorld({(a.x0 + a.x1) / 2, (a.y0 + a.y1) / 2});
  st.view.units_per_px *= std::sqrt((wa * ha) / (wb * hb));
  const Vec2 now = st.view.toWorld({(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2});
  st.view.center.x += c.x - now.x;
  st.view.center.y += c.y - now.y;
}

static Vec2 mapCentre(const AppState& st) {
  const layout::Rect a = layout::computeLayout(st.view.width, st.view.height, st.ui_scale, st.present, st.chrome).map;
  return {(a.x0 + a.x1) / 2, (a.y0 + a.y1) / 2};
}

static void stepTime(AppState& st, int dir) {
  st.timeline.playing = false;
  stepMonth(st.timeline, st.filter, dir);
}

static void scaleUi(AppState& st, double factor) {
  st.ui_scale_manual = factor == 0 ? 0.f : std::clamp(static_cast<float>(st.ui_scale * factor), 0.5f, 8.f);
}

static void handleKey(App::Impl& I, AppState& st, const Model& m, int key, int mods) {
  const double pan = 0.125 * std::min(st.view.width, st.view.height) * ((mods & GLFW_MOD_SHIFT) ? 3 : 1);
  const bool ctrl = mods & GLFW_MOD_CONTROL;
  const bool tour = st.tour.open && !st.tour.doc.steps.empty();
  if (tour && (key == GLFW_KEY_RIGHT || key == GLFW_KEY_PAGE_DOWN || key == GLFW_KEY_LEFT || key == GLFW_KEY_PAGE_UP)) {
    st.tour.autoplay = false;  // the presenter drives now
    if (key == GLFW_KEY_RIGHT || key == GLFW_KEY_PAGE_DOWN) nextStep(st, m);
    else previousStep(st, m);
    return;
  }
  switch (key) {
    case GLFW_KEY_ESCAPE:
      if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) ImGui::ClosePopupToLevel(0, true);
      else if (st.measure.active) st.measure = {};
      else if (st.present) st.present = false;
      else st.selected = -1;
      break;
    case GLFW_KEY_F11: st.present = !st.present; break;
    case GLFW_KEY_LEFT: st.view.panPixels(pan, 0); break;
    case GLFW_KEY_RIGHT: st.view.panPixels(-pan, 0); break;
    case GLFW_KEY_UP: st.view.panPixels(0, pan); break;
    case GLFW_KEY_DOWN: st.view.panPixels(0, -pan); break;
    case GLFW_KEY_EQUAL:
    case GLFW_KEY_KP_ADD:
      if (ctrl) scaleUi(st, 1.1);
      else st.view.zoomAt(mapCentre(st), 1.25);
      break;
    case GLFW_KEY_MINUS:
    case GLFW_KEY_KP_SUBTRACT:
      if (ctrl) scaleUi(st, 1 / 1.1);
      else st.view.zoomAt(mapCentre(st), 1 / 1.25);
      break;
    case GLFW_KEY_0:
      if (ctrl) scaleUi(st, 0);  // back to the monitor's and the window's scale
      break;
    case GLFW_KEY_M:
      st.measure.active = !st.measure.active;
      if (!st.measure.active) st.measure = {};
      break;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER:
      if (st.measure.active && st.measure.points.size() >= 3) st.measure.closed = true;
      break;
    case GLFW_KEY_BACKSPACE:
      if (st.measure.active && !st.measure.points.empty()) {
        if (st.measure.closed) st.measure.closed = false;
        else st.measure.points.pop_back();
      }
      break;
    case GLFW_KEY_COMMA: stepTime(st, -1); break;
    case GLFW_KEY_PERIOD: stepTime(st, 1); break;
    case GLFW_KEY_F:
    case GLFW_KEY_HOME: fitHome(st); break;
    case GLFW_KEY_L: st.lang = st.lang == Lang::Zh ? Lang::En : Lang::Zh; break;
    case GLFW_KEY_F5: st.requests.reload = true; break;
    case GLFW_KEY_O:
      if (mods & GLFW_MOD_CONTROL) st.requests.open_file = true;
      break;
    case GLFW_KEY_T:
      if (mods & GLFW_MOD_CONTROL) st.table_open = !st.table_open;
      break;
    case GLFW_KEY_Q:
      if ((mods & GLFW_MOD_CONTROL) && I.window) glfwSetWindowShouldClose(I.window, GLFW_TRUE);
      break;
    case GLFW_KEY_S:
      if (mods & GLFW_MOD_CONTROL) I.export_requested = true;
      break;
    case GLFW_KEY_PAGE_UP: stepTime(st, -1); break;
    case GLFW_KEY_PAGE_DOWN: stepTime(st, 1); break;
    case GLFW_KEY_SPACE:
      if (st.timeline.playing) st.timeline.playing = false;
      else startPlaying(st.timeline, st.filter);
      break;
    default: break;
  }
}

void handleMapInput(App::Impl& I, AppState& st, const Model& m, const std::function<Pick(Vec2)>& pick) {
  ImGuiIO& io = ImGui::GetIO();
  const Vec2 mouse{io.MousePos.x, io.MousePos.y};
  const bool on_map = !io.WantCaptureMouse && io.MousePos.x > -1e30f;
  if (on_map && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    I.dragging = true;
    I.dragged = false;
    I.press = I.last = mouse;
    I.press_pick = pick(mouse);  // what the click is on, decided where it went down
    I.press_double = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
  }
  if (on_map && io.MouseWheel != 0) st.view.zoomAt(mouse, std::pow(1.2, io.MouseWheel));
  if (I.dragging) {
    if (std::hypot(mouse.x - I.press.x, mouse.y - I.press.y) > 3) I.dragged = true;
    if (I.dragged && (mouse.x != I.last.x || mouse.y != I.last.y) && io.MousePos.x > -1e30f) {
      st.view.panPixels(mouse.x - I.last.x, mouse.y - I.last.y);
      I.last = mouse;
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      I.dragging = false;
      if (!I.dragged && st.measure.active) {  // measuring: a click adds a point, a double-click closes
        AppState::Measure& ms = st.measure;
        if (ms.closed) ms.points.clear(), ms.closed = false;
        if (I.press_double && ms.points.size() >= 3) ms.closed = true;  // its first click added the last point
        else ms.points.push_back(st.view.toWorld(I.press));
      } else if (!I.dragged) {  // a click: select what it was on
        const Pick p = I.press_pick;
        const std::string id = p.layer ? p.layer->info().id : "";
        if (id == "projects") {
          st.selected = p.item;
        } else if (id == "bubbles" && p.layer->projectOf(p.item) >= 0) {
          st.selected = p.layer->projectOf(p.item);  // a project drawn as itself among the bubbles
        } else if (id == "bubbles") {
          st.view.zoomAt(I.press, 2.5);  // into the bubble: it splits into its projects
        } else {  // empty map, a park, a district: the card goes
          st.selected = -1;
        }
      }
    }
  }
  if (!io.WantCaptureKeyboard)
    for (const auto& [key, mods] : I.keys) handleKey(I, st, m, key, mods);
  I.keys.clear();
}

}  // namespace cm
