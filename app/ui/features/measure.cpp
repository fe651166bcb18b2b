// The measuring tool (M, or its button): click points on the map; each leg's geodesic length at
// its middle, the running total at the last point (and the line to the cursor), the geodesic area
// once the path is closed (double-click or Enter); Backspace takes a point back, Escape ends it.
// Drawn over the map, under the panels.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "geo/measure.h"
#include "render/layers/layers.h"
#include "ui/features/features.h"

namespace cm {

namespace {

void drawMeasure(const AppState& st, const Model& m, ImDrawList* dl, ImFont* font, float scale) {
  const MeasureSettings& ms = st.features.get<MeasureSettings>(ids::kMeasure);
  if (!ms.active) return;
  const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale;
  const ImU32 ink = IM_COL32(200, 30, 60, 255), halo = IM_COL32(255, 255, 255, 235);
  auto text = [&](ImVec2 p, const std::string& t) {
    const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, t.c_str());
    p = {p.x - ts.x / 2, p.y - ts.y - 4 * scale};
    dl->AddRectFilled({p.x - 3 * scale, p.y - 1 * scale}, {p.x + ts.x + 3 * scale, p.y + ts.y + 1 * scale}, halo, 3 * scale);
    dl->AddText(font, fs, p, ink, t.c_str());
  };
  std::vector<Vec2> pts = ms.points;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool live = !ms.closed && !pts.empty() && mouse.x > -1e30f && !ImGui::GetIO().WantCaptureMouse;
  if (live) pts.push_back(st.view.toWorld({mouse.x, mouse.y}));  // the leg being drawn
  std::vector<ImVec2> s;
  for (const Vec2& p : pts) s.push_back(toImVec(st.view.toScreen(p)));
  if (ms.closed && s.size() >= 3) dl->AddConvexPolyFilled(s.data(), static_cast<int>(s.size()), IM_COL32(200, 30, 60, 40));
  for (size_t i = 0; i + 1 < s.size(); ++i) dl->AddLine(s[i], s[i + 1], ink, 2.5f * scale);
  if (ms.closed && s.size() >= 3) dl->AddLine(s.back(), s.front(), ink, 2.5f * scale);
  for (size_t i = 0; i < ms.points.size(); ++i) {
    dl->AddCircleFilled(s[i], 4.5f * scale, halo);
    dl->AddCircleFilled(s[i], 3.f * scale, ink);
  }
  const Measurement r = measurePath(pts, m.display_crs, ms.closed);
  if (!r.ok) return;
  for (size_t i = 0; i < r.legs_m.size() && r.legs_m.size() > 1; ++i) {
    const ImVec2 a = s[i], b = s[(i + 1) % s.size()];
    text({(a.x + b.x) / 2, (a.y + b.y) / 2}, formatDistance(r.legs_m[i]));
  }
  if (!s.empty() && (r.legs_m.size() >= 1)) {
    std::string total = std::string(tr(st.lang, S::MeasureTotal)) + " " + formatDistance(r.total_m);
    if (ms.closed) total += "  ·  " + std::string(tr(st.lang, S::MeasureArea)) + " " + formatArea(r.area_km2);
    const ImVec2 at = ms.closed ? s.front() : s.back();
    text({at.x, at.y - 10 * scale}, total);
  }
}

MeasureSettings& measure(AppState& st) { return st.features.get<MeasureSettings>(ids::kMeasure); }

void toggle(AppState& st) {
  const bool on = !measure(st).active;
  measure(st) = {};
  measure(st).active = on;
}

}  // namespace

UiFeature makeMeasureFeature() {
  UiFeature f;
  f.id = ids::kMeasure;
  f.settings = [] { return std::make_unique<Settings<MeasureSettings>>(); };
  f.panels = {{"measure_button", Dock::Left, false,
               [](UiContext& ui) {
                 if (ImGui::SmallButton(tr(ui.st.lang, S::MeasureTool))) toggle(ui.st);
               },
               {}, "toolbar", 40}};
  f.keys = {{GLFW_KEY_M, 0, [](FeatureContext& c, int) { return toggle(c.st), true; }},
            {GLFW_KEY_ENTER, 0,
             [](FeatureContext& c, int) {
               MeasureSettings& ms = measure(c.st);
               if (!ms.active || ms.points.size() < 3) return false;
               return ms.closed = true;
             }},
            {GLFW_KEY_KP_ENTER, 0,
             [](FeatureContext& c, int) {
               MeasureSettings& ms = measure(c.st);
               if (!ms.active || ms.points.size() < 3) return false;
               return ms.closed = true;
             }},
            {GLFW_KEY_BACKSPACE, 0, [](FeatureContext& c, int) {
               MeasureSettings& ms = measure(c.st);
               if (!ms.active || ms.points.empty()) return false;
               if (ms.closed) ms.closed = false;
               else ms.points.pop_back();
               return true;
             }}};
  f.click = [](FeatureContext& c, const MapClick& click) {  // a click adds a point, a double-click closes
    MeasureSettings& ms = measure(c.st);
    if (!ms.active) return false;
    if (ms.closed) ms.points.clear(), ms.closed = false;
    if (click.double_click && ms.points.size() >= 3) ms.closed = true;  // its first click added the last point
    else ms.points.push_back(click.world);
    return true;
  };
  f.escape = [](AppState& st) {
    if (!measure(st).active) return false;
    measure(st) = {};
    return true;
  };
  f.overlay = [](UiContext& ui, ImDrawList* dl) {
    drawMeasure(ui.st, ui.model, dl, ui.fonts.ui, ui.s());
    if (measure(ui.st).active && ui.layout.chrome == layout::Chrome::Full)  // what the tool does, at the top of the map
      ImGui::GetForegroundDrawList()->AddText({static_cast<float>(ui.layout.map.x0) + 10 * ui.s(), static_cast<float>(ui.layout.map.y0) + 6 * ui.s()},
                                              IM_COL32(200, 30, 60, 255), tr(ui.st.lang, S::MeasureHint));
  };
  return f;
}

}  // namespace cm
