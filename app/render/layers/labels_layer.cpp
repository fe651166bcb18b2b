// Labels: every shown layer offers its labels (district names, park names, bubble counts); this
// layer places them all at once (geo/label_placement.h) so none overlaps another, a panel or a
// park marker, then draws them. Counts are placed last, exactly on their bubbles, and drawn above
// the park markers.
#include <imgui.h>

#include <algorithm>

#include "core/ids.h"
#include "render/layers/layers.h"

namespace cm {
namespace {

void haloText(ImDrawList* dl, ImFont* font, ImVec2 p, ImU32 color, const char* text, float scale) {
  const float s = font->FontSize * ImGui::GetIO().FontGlobalScale, d = 1.5f * scale;
  for (float dx = -d; dx <= d; dx += d)
    for (float dy = -d; dy <= d; dy += d)
      if (dx != 0 || dy != 0) dl->AddText(font, s, {p.x + dx, p.y + dy}, IM_COL32(255, 255, 255, 230), text);
  dl->AddText(font, s, p, color, text);
}

class LabelsLayer final : public MapLayer {
 public:
  const LayerInfo& info() const override { return info_; }

  void overlay(const LayerFrame& f, OverlayFrame& o) const override {
    o.placed.clear();
    LabelSet set;
    for (const MapLayer* l : o.shown)
      if (l != this) l->labels(f, o, set);
    // A label whose anchor is off screen or under a panel is not drawn (a callout would point at
    // something nobody can see).
    const View& v = f.view;
    auto anchorVisible = [&](const LabelRequest& r) {
      if (r.ax < 0 || r.ay < 0 || r.ax > v.width || r.ay > v.height) return false;
      return std::none_of(o.panels.begin(), o.panels.end(),
                          [&](const LabelBox& b) { return r.ax >= b.x0 && r.ax <= b.x1 && r.ay >= b.y0 && r.ay <= b.y1; });
    };
    std::vector<const MapLabel*> names, counts;
    for (const MapLabel& l : set.labels) {
      if (!anchorVisible(l.req)) continue;
      (l.kind == LabelKind::Count ? counts : names).push_back(&l);
    }
    // Names keep clear of panels and markers. A district name that finds no such spot in or
    // beside its district may then cover a marker (a district without its name is worse). Counts
    // keep clear of panels and the names placed.
    // Beyond the window's edges counts as taken: a label is whole or not drawn.
    const double W = v.width, H = v.height, far = 1e6;
    const std::vector<LabelBox> edges{{-far, -far, 0, far}, {W, -far, far, far}, {-far, -far, far, 0}, {-far, H, far, far}};
    std::vector<LabelBox> taken = o.panels;
    taken.insert(taken.end(), edges.begin(), edges.end());
    taken.insert(taken.end(), set.obstacles.begin(), set.obstacles.end());
    auto placed_names = place(names, taken);
    std::vector<const MapLabel*> unplaced;
    for (const MapLabel* l : names)
      if (l->kind == LabelKind::District &&
          std::none_of(placed_names.begin(), placed_names.end(), [&](const auto& p) { return p.first == l; }))
        unplaced.push_back(l);
    taken = o.panels;
    taken.insert(taken.end(), edges.begin(), edges.end());
    for (const auto& [l, p] : placed_names) taken.push_back(p.box);
    for (const auto& lp : place(unplaced, taken)) {
      placed_names.push_back(lp);
      taken.push_back(lp.second.box);
    }
    const auto placed_counts = place(counts, taken);

    for (const auto& [l, p] : placed_names) {
      const ImVec2 at{static_cast<float>(p.box.x0), static_cast<float>(p.box.y0)};
      if (p.leader) {  // from the anchor to the nearest point of the label box
        const float ax = static_cast<float>(l->req.ax), ay = static_cast<float>(l->req.ay);
        const ImVec2 to{std::clamp(ax, float(p.box.x0), float(p.box.x1)), std::clamp(ay, float(p.box.y0), float(p.box.y1))};
        o.dl->AddLine({ax, ay}, to, IM_COL32(255, 255, 255, 220), 3.f * f.scale);
        o.dl->AddLine({ax, ay}, to, IM_COL32(45, 52, 66, 255), 1.2f * f.scale);
        o.dl->AddCircleFilled({ax, ay}, 2.5f * f.scale, IM_COL32(45, 52, 66, 255));
      }
      if (l->kind == LabelKind::District) haloText(o.dl, o.label_font, at, IM_COL32(45, 52, 66, 255), l->text.c_str(), f.scale);
      else haloText(o.dl, o.text_font, at, IM_COL32(60, 70, 90, 255), l->text.c_str(), f.scale);
      o.placed.push_back({l->text, l->kind, p.box, {l->req.ax, l->req.ay}, p.leader});
    }
    for (const auto& [l, p] : placed_counts) {
      const ImVec2 at{static_cast<float>(p.box.x0), static_cast<float>(p.box.y0)};
      // A thin dark outline keeps the white digits legible over a park marker.
      const float size = o.text_font->FontSize * ImGui::GetIO().FontGlobalScale;
      // One a park marker still covers (no room in its bubble to move): on a dark plate, above it.
      if (std::any_of(set.obstacles.begin(), set.obstacles.end(), [&](const LabelBox& b) { return b.overlaps(p.box, 0); }))
        o.dl->AddRectFilled({at.x - 2 * f.scale, at.y}, {static_cast<float>(p.box.x1) + 2 * f.scale, static_cast<float>(p.box.y1)},
                            IM_COL32(20, 30, 50, 210), 3 * f.scale);
      for (float d : {-f.scale, f.scale}) {
        o.dl->AddText(o.text_font, size, {at.x + d, at.y}, IM_COL32(20, 30, 50, 150), l->text.c_str());
        o.dl->AddText(o.text_font, size, {at.x, at.y + d}, IM_COL32(20, 30, 50, 150), l->text.c_str());
      }
      o.dl->AddText(o.text_font, size, at, IM_COL32(255, 255, 255, 255), l->text.c_str());
      o.placed.push_back({l->text, l->kind, p.box, {l->req.ax, l->req.ay}, p.leader});
    }
  }

 private:
  static std::vector<std::pair<const MapLabel*, LabelPlacement>> place(const std::vector<const MapLabel*>& labels,
                                                                       const std::vector<LabelBox>& taken) {
    std::vector<LabelRequest> req;
    for (const MapLabel* l : labels) req.push_back(l->req);
    const auto placed = placeLabels(req, taken);
    std::vector<std::pair<const MapLabel*, LabelPlacement>> out;
    for (size_t i = 0; i < labels.size(); ++i)
      if (placed[i].placed) out.push_back({labels[i], placed[i]});
    return out;
  }

  LayerInfo info_{ids::kLabels, ids::kLabels, S::Labels, {}, 20, -1, -1};
};

}  // namespace

double countClearOfMarkers(Vec2 c, Vec2 text, double inner, const std::vector<Vec2>& marks, double half) {
  auto hits = [&](double y) {
    return std::any_of(marks.begin(), marks.end(),
                       [&](const Vec2& s) { return std::abs(s.x - c.x) < text.x / 2 + half && std::abs(s.y - y) < text.y / 2 + half; });
  };
  auto fits = [&](double y) {  // the text's box inside the disc
    const double dy = std::abs(y - c.y) + text.y / 2, dx = text.x / 2;
    return dx * dx + dy * dy <= inner * inner;
  };
  if (!hits(c.y)) return c.y;
  double best = c.y, best_d = 1e300;
  for (const Vec2& s : marks) {
    if (std::abs(s.x - c.x) >= text.x / 2 + half || std::abs(s.y - c.y) >= inner + half) continue;
    for (double y : {s.y + half + text.y / 2, s.y - half - text.y / 2})
      if (!hits(y) && fits(y) && std::abs(y - c.y) < best_d) best = y, best_d = std::abs(y - c.y);
  }
  return best;
}

std::unique_ptr<MapLayer> makeLabelsLayer() { return std::make_unique<LabelsLayer>(); }

}  // namespace cm
