// Parks (development zones): a ◇ marker each; closer in (under 45 m a pixel) its catchment circle
// in the colour of its main industry and its name. Hovering a marker names the park at any zoom.
#include <imgui.h>

#include <cmath>

#include "core/names.h"
#include "core/ids.h"
#include "render/layers/layers.h"

namespace cm {

void drawParkMarker(ImDrawList* dl, ImVec2 c, float r) {
  const ImVec2 pts[4] = {{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}};
  dl->AddConvexPolyFilled(pts, 4, IM_COL32(255, 255, 255, 235));
  dl->AddPolyline(pts, 4, IM_COL32(40, 48, 64, 255), ImDrawFlags_Closed, 1.6f * r / 6.5f);
  dl->AddCircleFilled(c, r * 0.32f, IM_COL32(40, 48, 64, 255));
}

namespace {

constexpr float kMarkerR = 6.5f;
constexpr double kNamesBelowUnitsPerPx = 45;  // catchments and names shown closer in than this

class ParksLayer final : public MapLayer {
 public:
  const LayerInfo& info() const override { return info_; }

  void overlay(const LayerFrame& f, OverlayFrame& o) const override {
    const bool close = f.view.units_per_px < kNamesBelowUnitsPerPx;
    for (size_t k = 0; k < f.model.parks.size(); ++k) {
      const Park& p = f.model.parks[k];
      const ImVec2 c = toImVec(f.view.toScreen(p.xy));
      if (close) {
        const float r = static_cast<float>(p.radius_km * 1000 / f.view.units_per_px);
        o.dl->AddCircle(c, r, rgbColor(cm::info(p.main_ecosystem).rgb, 150), 64, 1.5f * f.scale);
      }
      const bool hovered = f.hover.layer == this && f.hover.item == static_cast<int>(k);
      drawParkMarker(o.dl, c, (hovered ? kMarkerR + 2 : kMarkerR) * f.scale);
    }
  }

  void labels(const LayerFrame& f, const OverlayFrame& o, LabelSet& out) const override {
    for (const Park& p : f.model.parks) {
      const Vec2 c = f.view.toScreen(p.xy);
      const double r = kParkMarkerHalfPx * f.scale;
      out.obstacles.push_back({c.x - r, c.y - r, c.x + r, c.y + r});
    }
    if (f.view.units_per_px >= kNamesBelowUnitsPerPx) return;
    for (const Park& p : f.model.parks) {
      const Vec2 a = f.view.toScreen(p.xy);
      MapLabel l;
      l.text = f.lang == Lang::Zh ? p.name_zh : p.name_en;
      const ImVec2 sz = o.text_font->CalcTextSizeA(o.text_font->FontSize * ImGui::GetIO().FontGlobalScale, FLT_MAX, 0, l.text.c_str());
      l.req = {a.x, a.y, sz.x, sz.y, p.level == "national" ? 2.0 : 1.0, false, false, false, {}};
      l.kind = LabelKind::Park;
      out.labels.push_back(std::move(l));
    }
  }

  int hitTest(const LayerFrame& f, Vec2 m) const override {
    int best = -1;
    double best_d = (kMarkerR + 2) * f.scale;
    for (size_t k = 0; k < f.model.parks.size(); ++k) {
      const Vec2 c = f.view.toScreen(f.model.parks[k].xy);
      const double d = std::max(std::abs(c.x - m.x), std::abs(c.y - m.y));
      if (d <= best_d) best_d = d, best = static_cast<int>(k);
    }
    return best;
  }

  void tooltip(const LayerFrame& f, int k) const override {
    if (k < 0 || k >= static_cast<int>(f.model.parks.size())) return;
    const Park& p = f.model.parks[k];
    const Lang L = f.lang;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
    ImGui::TextWrapped("%s", (L == Lang::Zh ? p.name_zh : p.name_en).c_str());
    ImGui::TextDisabled("%s", (L == Lang::Zh ? p.name_en : p.name_zh).c_str());
    ImGui::Separator();
    const uint32_t rgb = cm::info(p.main_ecosystem).rgb;
    ImGui::TextColored(ImColor(int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)), "● %s: %s", tr(L, S::MainIndustry),
                       ecosystemName(L, p.main_ecosystem));
    ImGui::Text("%s: %s", tr(L, S::District), districtName(f.model, L, [&] {
                  for (size_t d = 0; d < f.model.districts.size(); ++d)
                    if (f.model.districts[d].adcode == p.district_adcode) return static_cast<int>(d);
                  return -1;
                }()).c_str());
    ImGui::Text("%s: %.1f km", tr(L, S::Catchment), p.radius_km);
    const auto& by_park = f.derived.stats().by_park;
    if (k < static_cast<int>(by_park.size()))
      ImGui::Text("%s: %lld · %s", tr(L, S::ProjectsL), static_cast<long long>(by_park[k].count),
                  formatYi(by_park[k].investment_yi, L).c_str());
    if (L == Lang::En && !p.focus.empty()) ImGui::TextDisabled("%s", p.focus.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }

  void legend(const LayerFrame& f) const override {
    ImGui::Separator();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    drawParkMarker(ImGui::GetWindowDrawList(), {p.x + h * 0.5f, p.y + h * 0.5f}, h * 0.42f);
    ImGui::Dummy({h, h});
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(f.lang, S::ParkMarker));
  }

 private:
  LayerInfo info_{ids::kParks, ids::kParks, S::Parks, {}, 10, 30, 20};
};

}  // namespace

std::unique_ptr<MapLayer> makeParksLayer() { return std::make_unique<ParksLayer>(); }

}  // namespace cm
