// Bubbles: when projects pile up (core/derived.h decides), the hex bins of the pyramid level for
// the zoom (core/hex_pyramid.h) are drawn as discs in the colour of their dominant ecosystem,
// area ∝ total investment, with a ring of arcs for their ecosystem mix and the project count on
// top (offered to the labels layer). Between two levels both are drawn, cross-faded over the
// middle of the zoom octave, so bubbles split as one zooms in without popping. A bin of one
// project is drawn as that project (a single of the pyramid). Only the bins on screen are built, each time the view
// changes: O(visible bins) a frame, whatever the number of projects.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/names.h"
#include "render/gpu_mesh.h"
#include "core/ids.h"
#include "render/layers/layers.h"
#include "ui/cjk_text.h"
#include "render/map_renderer.h"

namespace cm {
namespace {

// Screen px between neighbouring bins of `hex_level` at this zoom.
double spacingPx(const HexLevel& hex_level, const View& v) { return hex_level.spacing() / v.units_per_px; }

// A bubble's radius: area ∝ investment, full size (0.45 of the spacing: neighbours nearly touch)
// from the level's 90th percentile up, so a few huge clusters do not shrink every other bubble
// to a dot; at least 5 px.
float radiusPx(const HexLevel& hex_level, const Bin& b, const View& v, const LayerFrame& f) {
  const double cap = 0.45 * spacingPx(hex_level, v);
  const double ref = hex_level.ref_investment_yi;
  const double share = ref > 0 ? std::sqrt(std::min(1.0, std::max(b.investment_yi, 0.0) / ref)) : 1;
  return static_cast<float>(std::clamp(cap * share, std::min<double>(5.0 * f.scale, cap), std::max<double>(cap, 5.0 * f.scale)));
}

// 1234 → "1234", 12345 → "12k", 1234567 → "1.2M": a count that fits in its bubble.
std::string compactCount(int n) {
  char buf[32];
  if (n < 10000) std::snprintf(buf, sizeof buf, "%d", n);
  else if (n < 1000000) std::snprintf(buf, sizeof buf, "%dk", (n + 500) / 1000);
  else std::snprintf(buf, sizeof buf, "%.1fM", n / 1e6);
  return buf;
}

// The view's rectangle in the display CRS, grown by `margin_px` on every side.
void viewRect(const View& v, double margin_px, double r[4]) {
  const Vec2 lo = v.toWorld({-margin_px, v.height + margin_px}), hi = v.toWorld({v.width + margin_px, -margin_px});
  r[0] = lo.x, r[1] = lo.y, r[2] = hi.x, r[3] = hi.y;
}

constexpr int kLevelBits = 5;  // a picked bubble: bin index << kLevelBits | level
constexpr int kProjectItem = 31;  // in place of the level: a project drawn as itself (its row)

class BubblesLayer final : public MapLayer {
 public:
  const LayerInfo& info() const override { return info_; }
  bool active(const LayerFrame& f) const override { return f.derived.aggregated(); }

  bool prepare(const LayerFrame& f) override {
    if (!f.derived.aggregated()) return false;
    const LevelBlend& b = f.derived.blend();
    if (f.derived.pyramidRevision() == built_rev_ && f.model_rev == built_model_ && f.scale == built_scale_ &&
        f.view == built_view_ && b.fine == built_blend_.fine && b.coarse == built_blend_.coarse &&
        b.coarse_weight == built_blend_.coarse_weight && f.points == built_points_)
      return false;
    built_rev_ = f.derived.pyramidRevision();
    built_model_ = f.model_rev;
    built_scale_ = f.scale;
    built_view_ = f.view;
    built_blend_ = b;
    built_points_ = f.points;
    ++revision_;
    points_.clear();
    const HexPyramid& P = f.derived.pyramid();
    if (b.fine < 0) return true;
    const Vec2 o = f.derived.origin();
    const Projects& prj = f.model.projects;
    // First the projects alone in their hexagon at this level or a coarser one (sparse places:
    // drawn as themselves), then the coarse level's bubbles, the finer level over them; in each the
    // largest first.
    double rect[4];
    viewRect(f.view, f.points.radius_max + 2, rect);
    auto addRows = [&](std::vector<uint32_t>& rows, float alpha) {
      std::sort(rows.begin(), rows.end(), [&](uint32_t x, uint32_t y) { return prj.investment_yi[x] > prj.investment_yi[y]; });
      for (uint32_t i : rows) {
        const int eco = static_cast<int>(prj.ecosystem[i]);
        BubbleVertex v{static_cast<float>(prj.x[i] - o.x), static_cast<float>(prj.y[i] - o.y),
                       pointRadiusPx(f.points, prj.investment_yi[i]), alpha, {}, static_cast<float>(eco)};
        for (int e = 0; e < kChainEcosystemCount; ++e) v.cum[e] = e >= eco ? 1.f : 0.f;
        points_.push_back(v);
      }
    };
    P.settledIn(b.coarse, prj, rect[0], rect[1], rect[2], rect[3], rows_);
    addRows(rows_, 1.f);
    if (b.coarse != b.fine) {  // the finer level's singles come out of the coarse level's bubbles
      rows_.clear();
      P.levels[b.fine].singlesIn(prj, rect[0], rect[1], rect[2], rect[3], rows_);
      addRows(rows_, 1.f - b.coarse_weight);
    }
    for (const auto& [level, alpha] : {std::pair{b.coarse, b.coarse_weight}, std::pair{b.fine, 1.f - b.coarse_weight}}) {
      if (alpha <= 0.f) continue;
      const HexLevel& hex_level = P.levels[level];
      viewRect(f.view, 0.5 * spacingPx(hex_level, f.view) + 2, rect);
      hex_level.visible(rect[0], rect[1], rect[2], rect[3], seen_);
      std::sort(seen_.begin(), seen_.end(),
                [&](uint32_t x, uint32_t y) { return hex_level.bins[x].investment_yi > hex_level.bins[y].investment_yi; });
      for (uint32_t k : seen_) {
        const Bin& bin = hex_level.bins[k];
        BubbleVertex v{static_cast<float>(bin.xy.x - o.x), static_cast<float>(bin.xy.y - o.y), radiusPx(hex_level, bin, f.view, f), alpha, {},
                       static_cast<float>(bin.dominant())};
        float acc = 0;
        for (int e = 0; e < kChainEcosystemCount; ++e) v.cum[e] = acc += static_cast<float>(bin.by_ecosystem[e]) / bin.count();
        points_.push_back(v);
      }
    }
    return true;
  }
  void upload() override { uploadBubbles(gpu_, points_); }
  uint64_t revision() const override { return revision_; }
  void draw(const MapPass& pass, size_t) const override { pass.bubbles(gpu_, ringPx(), 9.f * built_scale_); }

  void labels(const LayerFrame& f, const OverlayFrame& o, LabelSet& out) const override {
    const int level = shownLevel(f);
    if (level < 0) return;
    const HexLevel& hex_level = f.derived.pyramid().levels[level];
    double rect[4];
    viewRect(f.view, 0, rect);
    hex_level.visible(rect[0], rect[1], rect[2], rect[3], seen_);
    const float size = o.text_font->FontSize * ImGui::GetIO().FontGlobalScale;
    // The park markers drawn over the bubbles (when the parks are shown): counts keep clear of them.
    std::vector<Vec2> marks;
    if (std::any_of(o.shown.begin(), o.shown.end(), [](const MapLayer* l) { return l->info().id == ids::kParks; }))
      for (const Park& park : f.model.parks) marks.push_back(f.view.toScreen(park.xy));
    for (uint32_t k : seen_) {
      const Bin& b = hex_level.bins[k];
      const float r = radiusPx(hex_level, b, f.view, f);
      if (b.count() < 2 || r < 10 * f.scale) continue;
      MapLabel l;
      l.text = compactCount(b.count());
      const ImVec2 sz = o.text_font->CalcTextSizeA(size, FLT_MAX, 0, l.text.c_str());
      if (sz.x > 2 * (r - ringPx())) continue;  // the number must fit inside the ring
      Vec2 a = f.view.toScreen(b.xy);
      a.y = countClearOfMarkers(a, {sz.x, sz.y}, r - ringPx(), marks, kParkMarkerHalfPx * f.scale + 1);
      l.req = {a.x, a.y, sz.x, sz.y, -1.0 / b.count(), true, false, true, {}};
      l.kind = LabelKind::Count;
      out.labels.push_back(std::move(l));
    }
  }

  int hitTest(const LayerFrame& f, Vec2 mouse) const override {
    const int level = shownLevel(f);
    const HexPyramid& P = f.derived.pyramid();
    if (P.levels.empty()) return -1;
    const Vec2 w = f.view.toWorld(mouse);
    seen_.clear();
    if (level >= 0) {
      const double reach = (0.5 * spacingPx(P.levels[level], f.view) + 4 * f.scale) * f.view.units_per_px;
      P.levels[level].visible(w.x - reach, w.y - reach, w.x + reach, w.y + reach, seen_);
    }
    const HexLevel& hex_level = P.levels[std::max(level, 0)];
    int best = -1;
    double best_d = 1e300;
    for (uint32_t k : seen_) {
      const Vec2 s = f.view.toScreen(hex_level.bins[k].xy);
      const double d = std::hypot(s.x - mouse.x, s.y - mouse.y);
      if (d <= radiusPx(hex_level, hex_level.bins[k], f.view, f) + 2 * f.scale && d < best_d)
        best_d = d, best = static_cast<int>(k) << kLevelBits | level;
    }
    // The projects drawn as themselves (singles of this level or a coarser one).
    const Projects& p = f.model.projects;
    const double pr = (f.points.radius_max + 2) * f.view.units_per_px;
    P.settledIn(level, p, w.x - pr, w.y - pr, w.x + pr, w.y + pr, rows_);
    for (uint32_t i : rows_) {
      const Vec2 s = f.view.toScreen({p.x[i], p.y[i]});
      const double d = std::hypot(s.x - mouse.x, s.y - mouse.y);
      if (d <= pointRadiusPx(f.points, p.investment_yi[i]) + 2 && d < best_d) best_d = d, best = static_cast<int>(i) << kLevelBits | kProjectItem;
    }
    return best;
  }

  // Count, investment, the mix of ecosystems, and the parks whose markers lie in the bubble; a
  // bin of one project: that project.
  void tooltip(const LayerFrame& f, int item) const override {
    const HexPyramid& P = f.derived.pyramid();
    const int level = item & ((1 << kLevelBits) - 1), k = item >> kLevelBits;
    if (item >= 0 && level == kProjectItem && k < static_cast<int>(f.model.projects.size())) {
      if (k == f.selected) return;
      ImGui::BeginTooltip();
      drawProjectDetails(f.model, f.lang, k, &f.derived);
      ImGui::EndTooltip();
      return;
    }
    if (item < 0 || level >= static_cast<int>(P.levels.size()) || k >= static_cast<int>(P.levels[level].bins.size())) return;
    const HexLevel& hex_level = P.levels[level];
    const Bin& b = hex_level.bins[k];
    const Lang lang = f.lang;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
    ImGui::Text("%d %s · %s", b.count(), tr(lang, S::BinProjects), formatYi(b.investment_yi, lang).c_str());
    if (f.model.projects_synthetic) ImGui::TextDisabled("%s", tr(lang, S::Synthetic));
    ImGui::Separator();
    for (int e = 0; e < kEcosystemCount; ++e) {
      if (!b.by_ecosystem[e]) continue;
      const uint32_t rgb = kEcosystems[e].rgb;
      ImGui::TextColored(ImColor(int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)), "●");
      ImGui::SameLine();
      ImGui::Text("%s  %d (%.0f%%)", ecosystemName(lang, static_cast<Ecosystem>(e)), b.by_ecosystem[e], 100.0 * b.by_ecosystem[e] / b.count());
    }
    const Vec2 c = f.view.toScreen(b.xy);
    const double r = radiusPx(hex_level, b, f.view, f) + 4 * f.scale;
    bool first = true;
    for (size_t p = 0; p < f.model.parks.size(); ++p) {
      const Vec2 s = f.view.toScreen(f.model.parks[p].xy);
      if (std::hypot(s.x - c.x, s.y - c.y) > r) continue;
      if (first) ImGui::Separator();
      first = false;
      ImGui::TextWrapped("◇ %s", parkName(f.model, lang, static_cast<int>(p)).c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }

  int projectOf(int item) const override {
    return item >= 0 && (item & ((1 << kLevelBits) - 1)) == kProjectItem ? item >> kLevelBits : -1;
  }

  // The ecosystems' colours and counts (as with points), what a bubble means, and a drawn bubble
  // whose ring shows a mix of three ecosystems, its size key beside it in short lines.
  void legend(const LayerFrame& f) const override {
    if (!f.derived.aggregated()) return;
    drawEcosystemKey(f);
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(52, 101, 164, 255));
    textWrappedCjk(tr(f.lang, S::AggregatedTitle), ImGui::GetContentRegionAvail().x);
    ImGui::PopStyleColor();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sc = f.scale, r = 15 * sc, ring = ringPx();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 c{p.x + r + 4 * sc, p.y + r + 2 * sc};
    const float shares[3] = {0.5f, 0.3f, 0.2f};
    const int ecos[3] = {0, 1, 2};
    float a0 = -3.14159265f / 2;
    for (int i = 0; i < 3; ++i) {
      const float a1 = a0 + shares[i] * 2 * 3.14159265f;
      dl->PathArcTo(c, r - ring / 2, a0, a1, 24);
      dl->PathStroke(rgbColor(kEcosystems[ecos[i]].rgb, 255), 0, ring);
      a0 = a1;
    }
    dl->AddCircleFilled(c, r - ring - 1.2f * sc, rgbColor(kEcosystems[0].rgb, 235));
    const char* n = "42";
    const ImVec2 ts = ImGui::CalcTextSize(n);
    dl->AddText({c.x - ts.x / 2, c.y - ts.y / 2}, IM_COL32(255, 255, 255, 255), n);
    ImGui::Dummy({2 * r + 10 * sc, 2 * r + 4 * sc});
    ImGui::SameLine();
    ImGui::BeginGroup();
    const float w = ImGui::GetContentRegionAvail().x;
    textWrappedCjk(tr(f.lang, S::BubbleArea), w);
    textWrappedCjk(tr(f.lang, S::BubbleNumber), w);
    ImGui::EndGroup();
    textWrappedCjk(tr(f.lang, S::BubbleRing), ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
    textWrappedCjk(tr(f.lang, S::BubbleZoomIn), ImGui::GetContentRegionAvail().x);
    ImGui::PopStyleColor();
  }

 private:
  // The level whose bubbles are counted and picked; -1: none (every project as itself).
  static int shownLevel(const LayerFrame& f) { return f.derived.blend().below_finest ? -1 : f.derived.blend().main(); }
  float ringPx() const { return std::max(3.f, 3.5f * built_scale_); }

  LayerInfo info_{ids::kBubbles, ids::kProjects, S::ProjectsL, {41}, -1, 20, 10};
  uint64_t built_rev_ = ~0ull, built_model_ = ~0ull, revision_ = 0;
  float built_scale_ = 1;
  View built_view_;
  LevelBlend built_blend_;
  PointStyle built_points_;
  std::vector<BubbleVertex> points_;
  mutable std::vector<uint32_t> seen_, rows_;
  GpuBubbles gpu_;
};

}  // namespace

std::unique_ptr<MapLayer> makeBubblesLayer() { return std::make_unique<BubblesLayer>(); }

}  // namespace cm
