// The remote layer: a registry left in PostGIS (data/remote_products.h), drawn from what the
// database answered for the view — the bins of the hex level the zoom shows as bubbles (the
// bubbles layer's look: disc in the dominant ecosystem's colour, area ∝ investment up to the
// level's 90th percentile, a ring of arcs for the ecosystem mix, the count on top), and, once
// the view holds few enough rows (no more than the cap, and mostly one per hexagon), the rows as
// points (asked only then). Until the first answer nothing is drawn; later answers replace the previous ones as they
// arrive, the previous staying drawn meanwhile. The model holds no projects: nothing here indexes it.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/names.h"
#include "data/remote_products.h"
#include "render/gpu_mesh.h"
#include "core/ids.h"
#include "render/layers/layers.h"
#include "render/map_renderer.h"

namespace cm {
namespace {

class RemoteLayer final : public MapLayer {
 public:
  const LayerInfo& info() const override { return info_; }
  bool active(const LayerFrame& f) const override { return f.derived.remote() != nullptr; }

  // Rows instead of bins: Aggregate Off whenever they are all in; Auto when, besides, the bins
  // average fewer than two rows (most rows alone in their hexagon), like the in-memory bubbles.
  static bool showsRows(const RemoteProducts& r, Aggregate mode) {
    if (!r.hasRows() || r.rows().rows.truncated || mode == Aggregate::On) return false;
    // Rows of an earlier view stay drawn only at the same zoom level and while the bins say the
    // view holds few enough (zoomed out, the bins of the new view replace them).
    const RemoteBins& b = r.bins().bins;
    if (r.rows().size != r.bins().size || b.members > static_cast<int>(kRemoteRowCap)) return false;
    if (mode == Aggregate::Off) return true;
    return b.bins.empty() || b.members < 2 * static_cast<int>(b.bins.size());
  }

  bool prepare(const LayerFrame& f) override {
    const auto* r = dynamic_cast<const RemoteProducts*>(f.derived.remote());
    if (!r) return false;
    const bool rows = showsRows(*r, r->aggregate());
    if (r->binsRevision() == bins_rev_ && r->rowsRevision() == rows_rev_ && f.view == view_ && f.scale == scale_ &&
        f.points == points_style_ && rows == rows_shown_)
      return false;
    bins_rev_ = r->binsRevision(), rows_rev_ = r->rowsRevision(), view_ = f.view, scale_ = f.scale, points_style_ = f.points;
    rows_shown_ = rows;
    ++revision_;
    verts_.clear();
    const Vec2 o = f.derived.origin();
    auto point = [&](Vec2 xy, Ecosystem e, float inv) {
      const int eco = static_cast<int>(e);
      BubbleVertex v{static_cast<float>(xy.x - o.x), static_cast<float>(xy.y - o.y), pointRadiusPx(f.points, inv), 1.f, {},
                     static_cast<float>(eco)};
      for (int k = 0; k < kChainEcosystemCount; ++k) v.cum[k] = k >= eco ? 1.f : 0.f;
      verts_.push_back(v);
    };
    if (rows) {
      std::vector<const RemoteRow*> order;
      for (const RemoteRow& row : r->rows().rows.rows) order.push_back(&row);
      std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->investment_yi > b->investment_yi; });
      for (const RemoteRow* row : order) point(row->xy, row->ecosystem, row->investment_yi);
      return true;
    }
    const auto& B = r->bins();
    ref_ = reference(B.bins.bins);
    spacing_ = B.size * std::sqrt(3.0);
    std::vector<const Bin*> order;
    for (const Bin& b : B.bins.bins) order.push_back(&b);
    std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->investment_yi > b->investment_yi; });
    for (const Bin* b : order) {
      if (b->count() == 1) {
        point(b->xy, b->dominant(), static_cast<float>(b->investment_yi));
        continue;
      }
      BubbleVertex v{static_cast<float>(b->xy.x - o.x), static_cast<float>(b->xy.y - o.y), radiusPx(*b, f), 1.f, {},
                     static_cast<float>(b->dominant())};
      float acc = 0;
      for (int e = 0; e < kChainEcosystemCount; ++e) v.cum[e] = acc += static_cast<float>(b->by_ecosystem[e]) / b->count();
      verts_.push_back(v);
    }
    return true;
  }
  void upload() override { uploadBubbles(gpu_, verts_); }
  uint64_t revision() const override { return revision_; }
  void draw(const MapPass& pass, size_t) const override { pass.bubbles(gpu_, ringPx(), 9.f * scale_); }

  void labels(const LayerFrame& f, const OverlayFrame& o, LabelSet& out) const override {
    const auto* r = dynamic_cast<const RemoteProducts*>(f.derived.remote());
    if (!r || rows_shown_) return;
    const float size = o.text_font->FontSize * ImGui::GetIO().FontGlobalScale;
    for (const Bin& b : r->bins().bins.bins) {
      const float rad = radiusPx(b, f);
      if (b.count() < 2 || rad < 10 * f.scale) continue;
      MapLabel l;
      l.text = compactCount(b.count());
      const ImVec2 sz = o.text_font->CalcTextSizeA(size, FLT_MAX, 0, l.text.c_str());
      if (sz.x > 2 * (rad - ringPx())) continue;
      const Vec2 a = f.view.toScreen(b.xy);
      if (a.x < 0 || a.y < 0 || a.x > f.view.width || a.y > f.view.height) continue;
      l.req = {a.x, a.y, sz.x, sz.y, -1.0 / b.count(), true, false, true, {}};
      l.kind = LabelKind::Count;
      out.labels.push_back(std::move(l));
    }
  }

  // Items: bin index × 2, or row index × 2 + 1.
  int hitTest(const LayerFrame& f, Vec2 mouse) const override {
    const auto* r = dynamic_cast<const RemoteProducts*>(f.derived.remote());
    if (!r) return -1;
    int best = -1;
    double best_d = 1e300;
    auto consider = [&](Vec2 xy, double radius, int item) {
      const Vec2 s = f.view.toScreen(xy);
      const double d = std::hypot(s.x - mouse.x, s.y - mouse.y);
      if (d <= radius + 2 * f.scale && d < best_d) best_d = d, best = item;
    };
    if (rows_shown_) {
      const auto& rows = r->rows().rows.rows;
      for (size_t i = 0; i < rows.size(); ++i) consider(rows[i].xy, pointRadiusPx(f.points, rows[i].investment_yi), int(2 * i + 1));
    } else {
      const auto& bins = r->bins().bins.bins;
      for (size_t i = 0; i < bins.size(); ++i)
        consider(bins[i].xy, bins[i].count() == 1 ? pointRadiusPx(f.points, float(bins[i].investment_yi)) : radiusPx(bins[i], f), int(2 * i));
    }
    return best;
  }

  void tooltip(const LayerFrame& f, int item) const override {
    const auto* r = dynamic_cast<const RemoteProducts*>(f.derived.remote());
    if (!r || item < 0) return;
    const Lang lang = f.lang;
    const size_t k = static_cast<size_t>(item / 2);
    if (item % 2) {
      const auto& rows = r->rows().rows.rows;
      if (k >= rows.size()) return;
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(kTooltipWrapPx * f.scale);
      ImGui::TextWrapped("%s", rows[k].name_zh.c_str());
      ImGui::Text("%s · %s", ecosystemName(lang, rows[k].ecosystem), formatYi(rows[k].investment_yi, lang).c_str());
      ImGui::TextDisabled("%s", rows[k].id.c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
      return;
    }
    const auto& bins = r->bins().bins.bins;
    if (k >= bins.size()) return;
    const Bin& b = bins[k];
    ImGui::BeginTooltip();
    ImGui::Text("%d %s · %s", b.count(), tr(lang, S::BinProjects), formatYi(b.investment_yi, lang).c_str());
    ImGui::Separator();
    for (int e = 0; e < kEcosystemCount; ++e) {
      if (!b.by_ecosystem[e]) continue;
      const uint32_t rgb = kEcosystems[e].rgb;
      ImGui::TextColored(ImColor(int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)), "●");
      ImGui::SameLine();
      ImGui::Text("%s  %d (%.0f%%)", ecosystemName(lang, static_cast<Ecosystem>(e)), b.by_ecosystem[e], 100.0 * b.by_ecosystem[e] / b.count());
    }
    ImGui::EndTooltip();
  }

  void legend(const LayerFrame& f) const override {
    const auto* r = dynamic_cast<const RemoteProducts*>(f.derived.remote());
    if (!r) return;
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(52, 101, 164, 255));
    ImGui::TextWrapped("%s", tr(f.lang, S::RemoteSource));
    ImGui::PopStyleColor();
    if (!rows_shown_) ImGui::TextWrapped("%s", tr(f.lang, S::Aggregated));
    if (r->hasRows() && r->rows().rows.truncated && !rows_shown_)
      ImGui::TextDisabled("> %zu", kRemoteRowCap);
    if (r->refreshing() || r->summaries().stale) {
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(150, 90, 0, 255));
      ImGui::TextWrapped("%s", tr(f.lang, r->refreshing() ? "remote.refreshing" : "remote.summaries_stale"));
      ImGui::PopStyleColor();
    }
    if (const std::string e = r->error(); !e.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(200, 30, 60, 255));
      ImGui::TextWrapped("%s", e.c_str());
      ImGui::PopStyleColor();
    }
  }

 private:
  // The bins' 90th percentile of investment: a bubble's full size (as HexLevel::ref_investment_yi).
  static double reference(const std::vector<Bin>& bins) {
    std::vector<double> v;
    for (const Bin& b : bins)
      if (b.count() > 1) v.push_back(b.investment_yi);
    if (v.empty()) return 0;
    const size_t k = std::min(v.size() - 1, static_cast<size_t>(0.9 * double(v.size())));
    std::nth_element(v.begin(), v.begin() + k, v.end());
    return v[k];
  }
  float radiusPx(const Bin& b, const LayerFrame& f) const {
    const double cap = 0.45 * spacing_ / f.view.units_per_px;
    const double share = ref_ > 0 ? std::sqrt(std::min(1.0, std::max(b.investment_yi, 0.0) / ref_)) : 1;
    return static_cast<float>(std::clamp(cap * share, std::min<double>(5.0 * f.scale, cap), std::max<double>(cap, 5.0 * f.scale)));
  }
  static std::string compactCount(int n) {
    char buf[32];
    if (n < 10000) std::snprintf(buf, sizeof buf, "%d", n);
    else if (n < 1000000) std::snprintf(buf, sizeof buf, "%dk", (n + 500) / 1000);
    else std::snprintf(buf, sizeof buf, "%.1fM", n / 1e6);
    return buf;
  }
  float ringPx() const { return std::max(3.f, 3.5f * scale_); }

  LayerInfo info_{ids::kRemote, ids::kProjects, S::ProjectsL, {42}, -1, 21, 11};
  uint64_t bins_rev_ = ~0ull, rows_rev_ = ~0ull, revision_ = 0;
  View view_;
  float scale_ = 1;
  PointStyle points_style_;
  bool rows_shown_ = false;
  double ref_ = 0, spacing_ = 1;
  std::vector<BubbleVertex> verts_;
  GpuBubbles gpu_;
};

}  // namespace

std::unique_ptr<MapLayer> makeRemoteLayer() { return std::make_unique<RemoteLayer>(); }

}  // namespace cm
