// Mouse and keys on the map: drag to pan, wheel to zoom at the cursor, click a project to pin
// its card (a bubble to zoom into it, empty map to clear) unless a feature takes the click (the
// measuring tool); keys go to the features' bindings (ui/feature.h; the map's own are in
// ui/features/navigation.cpp), Escape first to an open dropdown, then to the features.
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
  auto usable = [](const layout::Rect& r) { return r.x1 - r.x0 >= 50 && r.y1 - r.y0 >= 50; };
  AppState::ResizeMemory& mem = st.resize_memory;
  Extent e;  // what the map area is to show
  if (mem.held && old == mem.left) {
    e = mem.shown;  // nothing moved since the last resize: what the map showed before it
  } else if (usable(a)) {
    e.add(old.toWorld({a.x0, a.y0}));  // what the old map area showed
    e.add(old.toWorld({a.x1, a.y1}));
  } else {  // too small to have shown anything, and nothing remembered: keep the centre and the scale
    st.view.center = old.center;
    mem.held = false;
    return;
  }
  if (usable(b)) {
    st.view.fitInto(e, b.x0, b.y0, b.x1, b.y1);
  } else {  // too small to fit anything: the extent's centre, the scale kept, the extent remembered
    st.view.center = {(e.minx + e.maxx) / 2, (e.miny + e.maxy) / 2};
  }
  mem = {e, st.view, true};
}

// The centre of the map area stays its centre, and the scale follows the area's size (the
// geometric mean of the width and height ratios), so switching there and back is exact. The UI
// scale may change with the arrangement (presentation follows the screen's height).
void keepMapArea(AppState& st, bool was_present, float was_scale) {
  const layout::Rect a = layout::computeLayout(st.view.width, st.view.height, was_scale, was_present, st.chrome).map;
  const layout::Rect b = layout::computeLayout(st.view.width, st.view.height, st.ui_scale, st.present, st.chrome).map;
  const double wa = a.x1 - a.x0, ha = a.y1 - a.y0, wb = b.x1 - b.x0, hb = b.y1 - b.y0;
  if (wa < 1 || ha < 1 || wb < 1 || hb < 1) return;
  const Vec2 c = st.view.toWorld({(a.x0 + a.x1) / 2, (a.y0 + a.y1) / 2});
  st.view.units_per_px *= std::sqrt((wa * ha) / (wb * hb));
  const Vec2 now = st.view.toWorld({(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2});
  st.view.center.x += c.x - now.x;
  st.view.center.y += c.y - now.y;
}

// A key: an open dropdown takes Escape first, then the features in registration order (the
// measuring tool before the map's last resorts; the tour's arrows before the map's).
static void handleKey(App::Impl& I, AppState& st, const Model& m, int key, int mods) {
  if (key == GLFW_KEY_ESCAPE) {
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) ImGui::ClosePopupToLevel(0, true);
    else dispatchEscape(I.features, st);
    return;
  }
  FeatureContext ctx{st, m, I.derived, *I.services};
  dispatchKey(I.features, ctx, key, mods);
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
      FeatureContext ctx{st, m, I.derived, *I.services};
      if (!I.dragged && dispatchClick(I.features, ctx, {st.view.toWorld(I.press), I.press, I.press_double, I.press_pick})) {
        // a feature took it (the measuring tool adds a point, the remote layer's card)
      } else if (!I.dragged) {  // a click: select what it was on
        const Pick p = I.press_pick;
        const std::string id = p.layer ? p.layer->info().id : "";
        if (id == ids::kProjects) {
          st.selected = p.item;
        } else if (id == ids::kBubbles && p.layer->projectOf(p.item) >= 0) {
          st.selected = p.layer->projectOf(p.item);  // a project drawn as itself among the bubbles
        } else if (id == ids::kBubbles) {
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
