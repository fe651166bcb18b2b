#include "ui/map_overlay.h"

#include <imgui.h>

#include <algorithm>


namespace cm {

void notePanelBox(std::vector<LabelBox>& boxes) {
  const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
  boxes.push_back({p.x, p.y, p.x + s.x, p.y + s.y});
}

static void haloText(ImDrawList* dl, ImFont* font, ImVec2 p, ImU32 color, const char* text) {
  const float s = font->FontSize;
  for (float dx = -1.5f; dx <= 1.5f; dx += 1.5f)
    for (float dy = -1.5f; dy <= 1.5f; dy += 1.5f)
      if (dx != 0 || dy != 0) dl->AddText(font, s, {p.x + dx, p.y + dy}, IM_COL32(255, 255, 255, 230), text);
  dl->AddText(font, s, p, color, text);
}

void drawMapOverlay(UiContext& ui, const std::vector<LabelBox>& panels) {
  const AppState& st = ui.st;
  const Model& m = ui.model;
  const View& v = st.view;
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  auto screen = [&](Vec2 w) {
    const Vec2 s = v.toScreen(w);
    return ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
  };

  // Park markers, with their catchment circle and name when zoomed in enough to read them.
  const bool park_names = v.units_per_px < 45;
  if (st.layers.parks) {
    for (const Park& p : m.parks) {
      const ImVec2 c = screen(p.xy);
      if (park_names) {
        const float r = static_cast<float>(p.radius_km * 1000 / v.units_per_px);
        const uint32_t rgb = info(p.main_ecosystem).rgb;
        dl->AddCircle(c, r, IM_COL32(rgb >> 16, (rgb >> 8) & 255, rgb & 255, 150), 64, 1.5f);
      }
      drawParkMarker(dl, c, 6.5f);
    }
  }

  if (!st.layers.labels) return;
  // District labels first (higher priority by area), then park names.
  std::vector<LabelRequest> req;
  std::vector<std::string> text;
  std::vector<bool> is_district;
  // A label whose anchor is off screen or under a panel is not drawn (a callout would point at
  // something nobody can see).
  auto anchorVisible = [&](ImVec2 a) {
    if (a.x < 0 || a.y < 0 || a.x > v.width || a.y > v.height) return false;
    for (const LabelBox& b : panels)
      if (a.x >= b.x0 && a.x <= b.x1 && a.y >= b.y0 && a.y <= b.y1) return false;
    return true;
  };
  if (st.layers.districts) {
    for (const District& d : m.districts) {
      const ImVec2 a = screen(d.label_xy);
      if (!anchorVisible(a)) continue;
      text.push_back(st.lang == Lang::Zh ? d.name_zh : d.name_en);
      const ImVec2 sz = ui.fonts.label->CalcTextSizeA(ui.fonts.label->FontSize, FLT_MAX, 0, text.back().c_str());
      req.push_back({a.x, a.y, sz.x, sz.y, 1e6 + d.area_km2, true, true});
      is_district.push_back(true);
    }
  }
  if (st.layers.parks && park_names) {
    for (const Park& p : m.parks) {
      const ImVec2 a = screen(p.xy);
      if (!anchorVisible(a)) continue;
      text.push_back(st.lang == Lang::Zh ? p.name_zh : p.name_en);
      const ImVec2 sz = ui.fonts.ui->CalcTextSizeA(ui.fonts.ui->FontSize, FLT_MAX, 0, text.back().c_str());
      req.push_back({a.x, a.y, sz.x, sz.y, p.level == "national" ? 2.0 : 1.0, false});
      is_district.push_back(false);
    }
  }
  // Bubble counts, exactly centred on bubbles big enough to hold them, lowest priority.
  std::vector<bool> is_count(req.size(), false);
  if (ui.bins && st.layers.projects) {
    for (const Bin& b : ui.bins->bins) {
      if (b.count < 2 || ui.bins->radiusPx(b, kBinCellPx) < 10) continue;
      text.push_back(std::to_string(b.count));
      const ImVec2 sz = ui.fonts.ui->CalcTextSizeA(ui.fonts.ui->FontSize, FLT_MAX, 0, text.back().c_str());
      const ImVec2 a = screen(b.xy);
      req.push_back({a.x, a.y, sz.x, sz.y, -1.0 / b.count, true, false, true});
      is_district.push_back(false);
      is_count.push_back(true);
    }
  }
  std::vector<LabelBox> obstacles = panels;
  if (st.layers.parks)  // park markers are obstacles for labels
    for (const Park& p : m.parks) {
      const ImVec2 c = screen(p.xy);
      obstacles.push_back({c.x - 7.0, c.y - 7.0, c.x + 7.0, c.y + 7.0});
    }
  const auto placed = placeLabels(req, obstacles);
  for (size_t i = 0; i < req.size(); ++i) {
    if (!placed[i].placed) continue;
    const ImVec2 p{static_cast<float>(placed[i].box.x0), static_cast<float>(placed[i].box.y0)};
    if (placed[i].leader) {
      // Leader line from the anchor to the nearest point of the label box.
      const LabelBox& b = placed[i].box;
      const float ax = static_cast<float>(req[i].ax), ay = static_cast<float>(req[i].ay);
      const ImVec2 to{std::clamp(ax, float(b.x0), float(b.x1)), std::clamp(ay, float(b.y0), float(b.y1))};
      dl->AddLine({ax, ay}, to, IM_COL32(255, 255, 255, 220), 3.f);
      dl->AddLine({ax, ay}, to, IM_COL32(45, 52, 66, 255), 1.2f);
      dl->AddCircleFilled({ax, ay}, 2.5f, IM_COL32(45, 52, 66, 255));
    }
    if (is_count[i]) {
      dl->AddText(ui.fonts.ui, ui.fonts.ui->FontSize, p, IM_COL32(255, 255, 255, 255), text[i].c_str());
      continue;
    }
    if (is_district[i]) haloText(dl, ui.fonts.label, p, IM_COL32(45, 52, 66, 255), text[i].c_str());
    else haloText(dl, ui.fonts.ui, p, IM_COL32(60, 70, 90, 255), text[i].c_str());
  }
}

}  // namespace cm
