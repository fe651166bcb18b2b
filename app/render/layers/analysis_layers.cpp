// The planner's analyses on the map (core/analysis/products.h computes them while shown):
//   heatmap   kernel density as a georeferenced image under the projects, its colour ramp legend
//   clusters  DBSCAN clusters as hulls in their ecosystem's colour, labelled "count · 亿元"; an
//             emerging cluster (in no park) says so; parks without a cluster of their main
//             industry get a dashed red ring
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "core/names.h"
#include "geo/geos_ops.h"
#include "render/gpu_mesh.h"
#include "core/analysis/products.h"
#include "render/layers/layers.h"
#include "render/map_renderer.h"

namespace cm {

namespace {
// The features' products (core/analysis/products.h), when computed.
const ClusterResult* clusters(const LayerFrame& f) {
  const auto* p = f.derived.product<ClusterProduct>(ids::kClusters);
  return p ? p->get() : nullptr;
}
const DensityResult* density(const LayerFrame& f) {
  const auto* p = f.derived.product<DensityProduct>(ids::kDensity);
  return p ? p->get() : nullptr;
}
}  // namespace
namespace {

// Light yellow to dark red, with alpha growing from the empty end (ColorBrewer YlOrRd stops).
constexpr uint32_t kHeatRamp[] = {0xFFFFB2, 0xFED976, 0xFEB24C, 0xFD8D3C, 0xF03B20, 0xBD0026};

uint32_t heatColor(double t) {  // t in 0..1
  t = std::clamp(t, 0.0, 1.0);
  const double x = t * 5;
  const int i = std::min(4, static_cast<int>(x));
  const double u = x - i;
  auto ch = [&](int shift) {
    const double a = (kHeatRamp[i] >> shift) & 255, b = (kHeatRamp[i + 1] >> shift) & 255;
    return static_cast<uint32_t>(std::lround(a + (b - a) * u));
  };
  return ch(16) << 16 | ch(8) << 8 | ch(0);
}

// Where a value sits among the breaks, 0..1, piecewise linear between them (0 below the first).
double rampPosition(const std::vector<float>& breaks, float v) {
  if (breaks.empty() || !(v > 0)) return 0;
  if (v <= breaks.front()) return 0.12 * v / breaks.front();
  for (size_t k = 1; k < breaks.size(); ++k)
    if (v <= breaks[k]) return (k - 1 + (v - breaks[k - 1]) / (breaks[k] - breaks[k - 1])) / (breaks.size() - 1);
  return 1;
}

class HeatmapLayer final : public MapLayer {
 public:
  const LayerInfo& info() const override { return info_; }
  bool active(const LayerFrame& f) const override { return density(f) != nullptr; }

  bool prepare(const LayerFrame& f) override {
    const DensityResult* d = density(f);
    const uint64_t rev = d ? f.derived.product<DensityProduct>(ids::kDensity)->revision() : 0;
    if (rev == built_ || !d) return false;
    built_ = rev;
    ++revision_;
    const DensityGrid& g = d->grid;
    breaks_ = d->breaks;
    rgba_.assign(static_cast<size_t>(g.w) * g.h, 0u);
    for (int r = 0; r < g.h; ++r)
      for (int c = 0; c < g.w; ++c) {
        const float v = g.at(c, r);
        const double t = rampPosition(breaks_, v);
        if (t <= 0) continue;
        const uint32_t rgb = heatColor(t);
        const uint32_t a = static_cast<uint32_t>(std::lround(255 * std::min(1.0, std::pow(t, 0.6))));  // fades out, no edge
        rgba_[static_cast<size_t>(r) * g.w + c] = (rgb >> 16 & 255) | (rgb >> 8 & 255) << 8 | (rgb & 255) << 16 | a << 24;
      }
    const Vec2 o = f.derived.origin();
    lo_ = {g.x0 - o.x, g.y0 - o.y};
    hi_ = {g.x0 + g.w * g.cell_m - o.x, g.y0 + g.h * g.cell_m - o.y};
    w_ = g.w, h_ = g.h;
    return true;
  }
  void upload() override {
    image_ = uploadImage(rgba_, w_, h_, lo_, hi_);
    rgba_ = {};
  }
  void draw(const MapPass& pass, size_t) const override { pass.image(image_, 0.85f); }
  uint64_t revision() const override { return revision_; }

  void legend(const LayerFrame& f) const override {
    ImGui::Separator();
    const bool inv = density(f) && density(f)->weight_investment;
    ImGui::TextUnformatted(tr(f.lang, inv ? S::HeatLegendInvest : S::HeatLegend));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetTextLineHeight() * 0.8f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int steps = 48;
    for (int k = 0; k < steps; ++k) {
      const double t = (k + 0.5) / steps;
      dl->AddRectFilled({p.x + w * k / steps, p.y}, {p.x + w * (k + 1) / steps + 1, p.y + h},
                        rgbColor(heatColor(t), static_cast<int>(255 * std::min(1.0, std::pow(t, 0.6)))));
    }
    dl->AddRect(p, {p.x + w, p.y + h}, IM_COL32(150, 150, 150, 255));
    ImGui::Dummy({w, h});
    if (breaks_.size() >= 2) {
      char lo[32], hi[32];
      std::snprintf(lo, sizeof lo, "%.3g", inv ? yiShown(breaks_.front(), f.lang) : breaks_.front());  // CNY bn in English
      std::snprintf(hi, sizeof hi, "%.3g", inv ? yiShown(breaks_.back(), f.lang) : breaks_.back());
      ImGui::TextDisabled("%s", lo);
      ImGui::SameLine(w - ImGui::CalcTextSize(hi).x);
      ImGui::TextDisabled("%s", hi);
    }
  }

 private:
  LayerInfo info_{ids::kHeatmap, ids::kHeatmap, S::Heatmap, {35}, -1, 24, -1};
  uint64_t built_ = 0, revision_ = 0;
  std::vector<float> breaks_;
  std::vector<uint32_t> rgba_;
  int w_ = 0, h_ = 0;
  Vec2 lo_, hi_;
  GpuImage image_;
};

class ClustersLayer final : public MapLayer {
 public:
  const LayerInfo& info() const override { return info_; }
  bool active(const LayerFrame& f) const override { return clusters(f) != nullptr; }

  bool prepare(const LayerFrame& f) override {
    const ClusterResult* c = clusters(f);
    const uint64_t rev = c ? f.derived.product<ClusterProduct>(ids::kClusters)->revision() : 0;
    if (!c || (rev == built_ && f.model_rev == model_rev_)) return false;
    built_ = rev;
    model_rev_ = f.model_rev;
    ++revision_;
    const Vec2 o = f.derived.origin();
    fills_.clear();
    for (auto& l : lines_) l.clear();
    std::vector<const MultiPolygon*> all;
    for (size_t k = 0; k < c->result.clusters.size() && k < c->hulls.size(); ++k) {
      const int e = static_cast<int>(c->result.clusters[k].ecosystem);
      appendFill(fills_, c->hulls[k], o, packRgba(kEcosystems[e].rgb, 56));
      appendOutlines(lines_[e], c->hulls[k], o);
      all.push_back(&c->hulls[k]);
    }
    hits_ = all.empty() ? nullptr : std::make_unique<PolygonSet>(all);
    return true;
  }
  void upload() override {
    fill_ = uploadFill(fills_);
    for (int e = 0; e < kEcosystemCount; ++e) outline_[e] = uploadLines(lines_[e]);
    fills_ = {};
  }
  void draw(const MapPass& pass, size_t k) const override {
    if (k == 0) {
      pass.fill(fill_, 1.f);
    } else {
      for (int e = 0; e < kEcosystemCount; ++e) pass.lines(outline_[e], 2.2f, kEcosystems[e].rgb, 0.95f);
    }
  }
  uint64_t revision() const override { return revision_; }

  void labels(const LayerFrame& f, const OverlayFrame& o, LabelSet& out) const override {
    const ClusterResult* c = clusters(f);
    if (!c) return;
    const float fs = o.text_font->FontSize * ImGui::GetIO().FontGlobalScale;
    for (size_t k = 0; k < c->result.clusters.size(); ++k) {
      const DbscanCluster& cl = c->result.clusters[k];
      char text[96];
      const bool emerging = k < c->parks.size() && c->parks[k].park < 0;
      // Labels for the larger clusters; the rest say it on hover.
      if (k >= 12) continue;  // clusters are sorted by size
      std::snprintf(text, sizeof text, "%lld · %s%s%s", static_cast<long long>(cl.count), shortYi(f.lang, cl.investment_yi).c_str(),
                    emerging ? " · " : "", emerging ? tr(f.lang, S::EmergingShort) : "");
      const Vec2 a = f.view.toScreen(cl.centroid);
      MapLabel l;
      l.text = text;
      const ImVec2 sz = o.text_font->CalcTextSizeA(fs, FLT_MAX, 0, text);
      l.req = {a.x, a.y, sz.x, sz.y, 5e5 + static_cast<double>(cl.count), true, true, false, {}};
      l.kind = LabelKind::Park;
      out.labels.push_back(std::move(l));
    }
  }

  // Parks without a cluster of their main industry: a dashed red ring around their marker.
  void overlay(const LayerFrame& f, OverlayFrame& o) const override {
    const ClusterResult* c = clusters(f);
    if (!c) return;
    for (int p : c->parks_without_cluster) {
      if (p < 0 || p >= static_cast<int>(f.model.parks.size())) continue;
      const ImVec2 s = toImVec(f.view.toScreen(f.model.parks[p].xy));
      const float r = 13 * f.scale;
      for (int k = 0; k < 12; k += 2)
        o.dl->PathArcTo(s, r, k * 3.14159265f / 6, (k + 1) * 3.14159265f / 6, 6), o.dl->PathStroke(IM_COL32(200, 30, 40, 255), 0, 2.2f * f.scale);
    }
  }

  int hitTest(const LayerFrame& f, Vec2 m) const override {
    if (!hits_) return -1;
    const Vec2 w = f.view.toWorld(m);
    return hits_->indexAt(w.x, w.y);
  }

  void tooltip(const LayerFrame& f, int k) const override {
    const ClusterResult* c = clusters(f);
    if (!c || k < 0 || k >= static_cast<int>(c->result.clusters.size())) return;
    const DbscanCluster& cl = c->result.clusters[k];
    const Lang L = f.lang;
    ImGui::BeginTooltip();
    const uint32_t rgb = cm::info(cl.ecosystem).rgb;
    ImGui::TextColored(ImColor(int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)), "● %s %d · %s", tr(L, S::ClusterTooltip), k + 1,
                       ecosystemName(L, cl.ecosystem));
    ImGui::Text("%s: %lld · %s", tr(L, S::ProjectsL), static_cast<long long>(cl.count), formatYi(cl.investment_yi, L).c_str());
    if (k < static_cast<int>(c->parks.size())) {
      const ClusterPark& cp = c->parks[k];
      if (cp.park >= 0)
        ImGui::TextWrapped("%s: %s (%.0f%%)%s", tr(L, S::InPark), parkName(f.model, L, cp.park).c_str(), 100 * cp.overlap_share,
                           cp.same_industry ? " ✓" : "");
      else
        ImGui::TextColored(ImColor(180, 40, 40), "%s", tr(L, S::Emerging));
    }
    ImGui::EndTooltip();
  }

  void legend(const LayerFrame& f) const override {
    const ClusterResult* c = clusters(f);
    if (!c) return;
    const Lang L = f.lang;
    ImGui::Separator();
    int emerging = 0;
    for (const ClusterPark& cp : c->parks) emerging += cp.park < 0;
    ImGui::TextUnformatted(tr(L, S::ClustersLegend));
    ImGui::Text("%zu %s · %d %s", c->result.clusters.size(), tr(L, S::ClustersSummary), emerging, tr(L, S::EmergingShort));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 ctr{p.x + h * 0.5f, p.y + h * 0.5f};
    for (int k = 0; k < 12; k += 2) dl->PathArcTo(ctr, h * 0.4f, k * 3.14159265f / 6, (k + 1) * 3.14159265f / 6, 6), dl->PathStroke(IM_COL32(200, 30, 40, 255), 0, 2.f);
    ImGui::Dummy({h, h});
    ImGui::SameLine();
    ImGui::TextWrapped("%s: %zu", tr(L, S::ParksWithoutCluster), c->parks_without_cluster.size());
  }

 private:
  LayerInfo info_{ids::kClusters, ids::kClusters, S::Clusters, {36, 42}, 12, 26, 5};  // outlines over the projects
  uint64_t built_ = 0, model_rev_ = ~0ull, revision_ = 0;
  std::vector<FillVertex> fills_;
  std::array<std::vector<LineVertex>, kEcosystemCount> lines_;
  GpuMesh fill_;
  std::array<GpuMesh, kEcosystemCount> outline_;
  std::unique_ptr<PolygonSet> hits_;
};

}  // namespace

std::unique_ptr<MapLayer> makeHeatmapLayer() { return std::make_unique<HeatmapLayer>(); }
std::unique_ptr<MapLayer> makeClustersLayer() { return std::make_unique<ClustersLayer>(); }

}  // namespace cm
