// Map furniture, in the window and in every export: a scale bar (geodesic, a round length), a
// north arrow (true north, which the Gauss–Krüger grid tilts away from off its central
// meridian), the sources' credits, and the "synthetic sample" note when the sample is shown.
#include <imgui.h>

#include <cmath>

#include "core/text_wrap.h"
#include "geo/geodesic.h"
#include "geo/projection.h"
#include "core/ids.h"
#include "render/layers/layers.h"

namespace cm {
namespace {

// Moves a box (x0, y0, x1, y1) up, past every panel it would overlap (a tour's caption, a
// docked panel over the map area), so furniture is never hidden. Returns how far it moved.
float clearOfPanels(const std::vector<LabelBox>& panels, float x0, float y0, float x1, float y1, float gap) {
  float dy = 0;
  for (bool moved = true; moved;) {
    moved = false;
    for (const LabelBox& b : panels)
      if (x0 < b.x1 && x1 > b.x0 && y0 - dy < b.y1 && y1 - dy > b.y0) {
        dy = static_cast<float>(y1 - b.y0) + gap;
        moved = true;
      }
  }
  return dy;
}

class FurnitureLayer final : public MapLayer {
 public:
  const LayerInfo& info() const override { return info_; }

  void overlay(const LayerFrame& f, OverlayFrame& o) const override {
    const float s = f.scale;
    const View& v = f.view;
    auto toLonLat = sharedTransform(f.model.display_crs, kWgs84);
    if (!toLonLat || v.width < 200 * s) return;
    const Credits cr = credits(f, o);
    std::vector<LabelBox> avoid = o.panels;  // the scale bar keeps clear of panels and the credits
    avoid.push_back(cr.box);
    // The free map area: right of the sidebar (or the window's edge), above the timeline.
    const float x0 = o.map_area.x0 + 14 * s, y1 = o.map_area.y1 - 14 * s, x1 = o.map_area.x1 - 14 * s;
    ImDrawList* dl = o.dl;
    const ImU32 ink = IM_COL32(40, 48, 64, 255), paper = IM_COL32(255, 255, 255, 235);
    ImFont* font = o.text_font;
    const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale;
    auto text = [&](ImVec2 p, const char* t, ImU32 col = IM_COL32(40, 48, 64, 255)) {
      for (float dx : {-1.f, 1.f})
        for (float dy : {-1.f, 1.f}) dl->AddText(font, fs, {p.x + dx * s, p.y + dy * s}, paper, t);
      dl->AddText(font, fs, p, col, t);
    };
    // Scale bar: metres a pixel along the ground at the map's centre, then the roundest length
    // that fits in 160 px.
    Vec2 a = v.toWorld({v.width * 0.5, v.height * 0.5}), b = v.toWorld({v.width * 0.5 + 100, v.height * 0.5});
    if ((*toLonLat)->apply(a.x, a.y) && (*toLonLat)->apply(b.x, b.y)) {
      const double m_per_px = geodesicDistanceM(a.x, a.y, b.x, b.y) / 100.0;
      double len = 1;
      for (double step : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5})
        if (step / m_per_px <= 160 * s) len = step;
      const float px = static_cast<float>(len / m_per_px), h = 6 * s;
      ImVec2 p{x0, y1 - h};
      p.y -= clearOfPanels(avoid, p.x - 4 * s, p.y - fs - 6 * s, p.x + px + 4 * s + fs * 2.5f, p.y + h + 4 * s, 6 * s);
      dl->AddRectFilled({p.x - 4 * s, p.y - fs - 6 * s}, {p.x + px + 4 * s + fs * 2.5f, p.y + h + 4 * s}, IM_COL32(255, 255, 255, 190), 4 * s);
      dl->AddRectFilled(p, {p.x + px / 2, p.y + h}, ink);
      dl->AddRectFilled({p.x + px / 2, p.y}, {p.x + px, p.y + h}, paper);
      dl->AddRect(p, {p.x + px, p.y + h}, ink, 0, 0, 1.2f * s);
      char label[32];
      const bool km = len >= 1000;
      std::snprintf(label, sizeof label, "%g %s", km ? len / 1000 : len, km ? tr(f.lang, S::Km) : tr(f.lang, S::Metres));
      text({p.x, p.y - fs - 2 * s}, "0");
      text({p.x + px - 3 * s, p.y - fs - 2 * s}, label);
    }
    // North arrow, top right of the map area, pointing along the meridian through the centre.
    Vec2 c = v.toWorld({v.width * 0.5, v.height * 0.5});
    double lon = c.x, lat = c.y;
    if ((*toLonLat)->apply(lon, lat)) {
      auto toXy = sharedTransform(kWgs84, f.model.display_crs);
      double nx = lon, ny = lat + 0.05;
      if (toXy && (*toXy)->apply(nx, ny)) {
        const double ang = std::atan2(nx - c.x, ny - c.y);  // from grid north, clockwise
        const ImVec2 ctr{x1 - 22 * s, static_cast<float>(o.map_area.y0) + 40 * s};
        const float r = 16 * s;
        const ImVec2 dir{static_cast<float>(std::sin(ang)), static_cast<float>(-std::cos(ang))};
        const ImVec2 side{-dir.y, dir.x};
        const ImVec2 tip{ctr.x + dir.x * r, ctr.y + dir.y * r}, tail{ctr.x - dir.x * r * 0.8f, ctr.y - dir.y * r * 0.8f};
        const ImVec2 l{ctr.x + side.x * r * 0.45f - dir.x * r * 0.55f, ctr.y + side.y * r * 0.45f - dir.y * r * 0.55f};
        const ImVec2 rr{ctr.x - side.x * r * 0.45f - dir.x * r * 0.55f, ctr.y - side.y * r * 0.45f - dir.y * r * 0.55f};
        dl->AddCircleFilled(ctr, r * 1.35f, IM_COL32(255, 255, 255, 190));
        dl->AddTriangleFilled(tip, l, tail, ink);
        dl->AddTriangleFilled(tip, tail, rr, IM_COL32(150, 158, 170, 255));
        const char* n = tr(f.lang, S::North);
        const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, n);
        text({tip.x + dir.x * 4 * s - ts.x / 2 + dir.x * ts.x / 2, tip.y + dir.y * (ts.y * 0.5f + 4 * s) - ts.y / 2}, n);
      }
    }
    // Credits (and the synthetic note) along the bottom right of the map area, in as many lines as
    // its width needs.
    dl->AddRectFilled(ImVec2(static_cast<float>(cr.box.x0), static_cast<float>(cr.box.y0)),
                      ImVec2(static_cast<float>(cr.box.x1), static_cast<float>(cr.box.y1)), IM_COL32(255, 255, 255, 200), 3 * s);
    float y = static_cast<float>(cr.box.y0) + 2 * s;
    for (const std::string& line : cr.lines) {
      const float w = font->CalcTextSizeA(cr.size, FLT_MAX, 0, line.c_str()).x;
      dl->AddText(font, cr.size, {static_cast<float>(cr.box.x1) - 4 * s - w, y},
                  f.model.projects_synthetic ? IM_COL32(150, 30, 30, 255) : IM_COL32(70, 78, 90, 255), line.c_str());
      y += cr.size * 1.15f;
    }
  }

  // Labels keep clear of the north arrow, the scale bar and the credits (where they usually sit).
  void labels(const LayerFrame& f, const OverlayFrame& o, LabelSet& out) const override {
    const float s = f.scale;
    const float fs = o.text_font->FontSize * ImGui::GetIO().FontGlobalScale;
    const float x0 = o.map_area.x0 + 14 * s, y1 = o.map_area.y1 - 14 * s, x1 = o.map_area.x1 - 14 * s;
    const float cy = static_cast<float>(o.map_area.y0) + 40 * s, r = 16 * s * 1.35f + fs;
    out.obstacles.push_back({x1 - 22 * s - r, cy - r, x1 - 22 * s + r, cy + r});
    const LabelBox credit_box = credits(f, o).box;
    std::vector<LabelBox> avoid = o.panels;
    avoid.push_back(credit_box);
    const float bar_dy = clearOfPanels(avoid, x0 - 4 * s, y1 - fs - 12 * s, x0 + 164 * s + fs * 2.5f, y1 + 4 * s, 6 * s);
    out.obstacles.push_back({x0 - 4 * s, y1 - fs - 12 * s - bar_dy, x0 + 164 * s + fs * 2.5f, y1 + 4 * s - bar_dy});
    out.obstacles.push_back(credit_box);
  }

 private:
  struct Credits {
    std::vector<std::string> lines;
    float size = 0;
    LabelBox box{};
  };
  // The credits' lines (wrapped to the map area's width) and their box, moved above any panel.
  static Credits credits(const LayerFrame& f, const OverlayFrame& o) {
    const float s = f.scale;
    ImFont* font = o.text_font;
    Credits c;
    c.size = font->FontSize * ImGui::GetIO().FontGlobalScale * 0.8f;
    std::string text = tr(f.lang, S::Credits);
    if (f.model.projects_synthetic) text = std::string(tr(f.lang, S::SyntheticNote)) + "  ·  " + text;
    const float x1 = static_cast<float>(o.map_area.x1) - 14 * s, y1 = static_cast<float>(o.map_area.y1) - 14 * s;
    const float room = std::max(120.f * s, static_cast<float>(o.map_area.x1 - o.map_area.x0) - 28 * s);
    c.lines = wrapLines(text, room, [&](std::string_view t) { return font->CalcTextSizeA(c.size, FLT_MAX, 0, t.data(), t.data() + t.size()).x; });
    float w = 0;
    for (const std::string& l : c.lines) w = std::max(w, font->CalcTextSizeA(c.size, FLT_MAX, 0, l.c_str()).x);
    const float h = c.size * 1.15f * static_cast<float>(c.lines.size());
    LabelBox b{x1 - w - 4 * s, y1 - h - 2 * s, x1 + 4 * s, y1 + 2 * s};
    const float dy = clearOfPanels(o.panels, static_cast<float>(b.x0), static_cast<float>(b.y0), static_cast<float>(b.x1),
                                   static_cast<float>(b.y1), 4 * s);
    b.y0 -= dy, b.y1 -= dy;
    c.box = b;
    return c;
  }

  LayerInfo info_{ids::kFurniture, ids::kFurniture, S::Furniture, {}, 25, -1, -1};
};

}  // namespace

std::unique_ptr<MapLayer> makeFurnitureLayer() { return std::make_unique<FurnitureLayer>(); }

}  // namespace cm
