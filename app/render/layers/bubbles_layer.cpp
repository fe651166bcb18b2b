// Bubbles: when projects pile up (core/derived.h decides), they are drawn gathered into cells of
// kBinCellPx: a disc a cell in the colour of its dominant ecosystem, area ∝ total investment,
// with the project count on top (offered to the labels layer, drawn above park markers).
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/names.h"
#include "render/gpu_mesh.h"
#include "render/layers/layers.h"
#include "render/map_renderer.h"

namespace cm {
namespace {

// The points shader sizes a sprite as clamp(k * sqrt(value)): bubbles pass value = r² with k = 1.
constexpr PointStyle kRadiusSquared{1.f, 0.f, 1000.f};

// A bubble's radius at the UI scale: the cell, the area rule and the minimum all grow with it.
float radius(const Binning& bins, const Bin& b, float scale) { return bins.radiusPx(b, kBinCellPx * scale, scale, 4.f * scale); }

class BubblesLayer final : public MapLayer {
 public:
  const LayerInfo& info() const override { return info_; }
  bool active(const LayerFrame& f) const override { return f.derived.aggregated(); }

  bool prepare(const LayerFrame& f) override {
    if (!f.derived.aggregated() || (f.derived.binsRevision() == built_rev_ && f.model_rev == built_model_ && f.scale == built_scale_))
      return false;
    built_rev_ = f.derived.binsRevision();
    built_model_ = f.model_rev;
    built_scale_ = f.scale;
    ++revision_;
    const Binning& binning = f.derived.bins();
    const Vec2 o = f.derived.origin();
    std::vector<const Bin*> order;
    for (const Bin& b : binning.bins) order.push_back(&b);
    std::stable_sort(order.begin(), order.end(), [](const Bin* a, const Bin* b) { return a->investment_yi > b->investment_yi; });
    points_.clear();
    points_.reserve(order.size());
    // A bubble passes any filter (it was built from the filtered projects): it is drawn with
    // Filter{}, which admits every attribute and month.
    for (const Bin* b : order) {
      const float r = radius(binning, *b, f.scale);
      points_.push_back({static_cast<float>(b->xy.x - o.x), static_cast<float>(b->xy.y - o.y), r * r,
                         packEcosystemOnly(b->dominant)});
    }
    return true;
  }
  void upload() override {
    sprites_ = uploadSprites(points_);
    points_ = {};
  }
  uint64_t revision() const override { return revision_; }
  void draw(const MapPass& pass, size_t) const override { pass.sprites(sprites_, Filter{}, kRadiusSquared); }

  void labels(const LayerFrame& f, const OverlayFrame& o, LabelSet& out) const override {
    const Binning& bins = f.derived.bins();
    for (const Bin& b : bins.bins) {
      if (b.count < 2 || radius(bins, b, f.scale) < 10 * f.scale) continue;
      MapLabel l;
      l.text = std::to_string(b.count);
      const ImVec2 sz = o.text_font->CalcTextSizeA(o.text_font->FontSize * ImGui::GetIO().FontGlobalScale, FLT_MAX, 0, l.text.c_str());
      const Vec2 a = f.view.toScreen(b.xy);
      l.req = {a.x, a.y, sz.x, sz.y, -1.0 / b.count, true, false, true, {}};
      l.kind = LabelKind::Count;
      out.labels.push_back(std::move(l));
    }
  }

  int hitTest(const LayerFrame& f, Vec2 mouse) const override {
    const Binning& bins = f.derived.bins();
    int best = -1;
    double best_d = 1e300;
    for (size_t k = 0; k < bins.bins.size(); ++k) {
      const Vec2 s = f.view.toScreen(bins.bins[k].xy);
      const double d = std::hypot(s.x - mouse.x, s.y - mouse.y);
      if (d <= radius(bins, bins.bins[k], f.scale) + 2 * f.scale && d < best_d) best_d = d, best = static_cast<int>(k);
    }
    return best;
  }

  // Count, investment, the mix of ecosystems, and the parks whose markers lie in the bubble.
  void tooltip(const LayerFrame& f, int k) const override {
    const Binning& bins = f.derived.bins();
    if (k < 0 || k >= static_cast<int>(bins.bins.size())) return;
    const Bin& b = bins.bins[k];
    const Lang L = f.lang;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
    ImGui::Text("%d %s · %.1f %s", b.count, tr(L, S::BinProjects), b.investment_yi, tr(L, S::Yi));
    if (f.model.projects_synthetic) ImGui::TextDisabled("%s", tr(L, S::Synthetic));
    ImGui::Separator();
    for (int e = 0; e < kEcosystemCount; ++e) {
      if (!b.by_ecosystem[e]) continue;
      const uint32_t rgb = kEcosystems[e].rgb;
      ImGui::TextColored(ImColor(int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)), "●");
      ImGui::SameLine();
      ImGui::Text("%s  %d", ecosystemName(L, static_cast<Ecosystem>(e)), b.by_ecosystem[e]);
    }
    const Vec2 c = f.view.toScreen(b.xy);
    const double r = radius(bins, b, f.scale) + 4 * f.scale;
    bool first = true;
    for (size_t p = 0; p < f.model.parks.size(); ++p) {
      const Vec2 s = f.view.toScreen(f.model.parks[p].xy);
      if (std::hypot(s.x - c.x, s.y - c.y) > r) continue;
      if (first) ImGui::Separator();
      first = false;
      ImGui::TextWrapped("◇ %s", parkName(f.model, L, static_cast<int>(p)).c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }

  void legend(const LayerFrame& f) const override {
    if (!f.derived.aggregated()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(52, 101, 164, 255));
    ImGui::TextWrapped("%s", tr(f.lang, S::Aggregated));
    ImGui::PopStyleColor();
  }

 private:
  LayerInfo info_{"bubbles", "projects", S::ProjectsL, {41}, -1, 20, 10};
  uint64_t built_rev_ = ~0ull, built_model_ = ~0ull, revision_ = 0;
  float built_scale_ = 0;
  std::vector<SpriteVertex> points_;
  GpuSprites sprites_;
};

}  // namespace

std::unique_ptr<MapLayer> makeBubblesLayer() { return std::make_unique<BubblesLayer>(); }

}  // namespace cm
