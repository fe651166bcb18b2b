// Two planner's layers drawn as overlays:
//   outside  every filtered project outside every park ringed in red; for the hovered or selected
//            one, a line to the park it should have gone to (the nearest park of its own industry)
//            with the geodesic distance, and to the nearest park when that is another
//   arcs     a chain leader (the selected project, or the leader it followed) and the projects
//            that followed it, as curved arcs coloured by their place in the chain (upstream,
//            midstream, downstream) with the distances; with a chain view, every leader of that
//            chain
#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "core/analysis/chains.h"
#include "core/names.h"
#include "geo/measure.h"
#include "core/analysis/products.h"
#include "core/ids.h"
#include "render/layers/layers.h"
#include "ui/cjk_text.h"

namespace cm {

namespace {
// Park conformance (core/analysis/products.h), when computed.
const Conformance* conformance(const LayerFrame& f) {
  const auto* p = f.derived.product<ConformanceProduct>(ids::kConformance);
  return p ? p->get() : nullptr;
}
}  // namespace
namespace {

void dashedLine(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float width, float dash) {
  const float len = std::hypot(b.x - a.x, b.y - a.y);
  if (len < 1) return;
  const ImVec2 d{(b.x - a.x) / len, (b.y - a.y) / len};
  for (float t = 0; t < len; t += 2 * dash)
    dl->AddLine({a.x + d.x * t, a.y + d.y * t}, {a.x + d.x * std::min(len, t + dash), a.y + d.y * std::min(len, t + dash)}, col, width);
}

void haloLabel(ImDrawList* dl, ImFont* font, ImVec2 at, ImU32 col, const std::string& text, float scale) {
  const float fs = font->FontSize * ImGui::GetIO().FontGlobalScale * 0.9f;
  const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, text.c_str());
  const ImVec2 p{at.x - ts.x / 2, at.y - ts.y / 2};
  dl->AddRectFilled({p.x - 3 * scale, p.y - 1 * scale}, {p.x + ts.x + 3 * scale, p.y + ts.y + 1 * scale}, IM_COL32(255, 255, 255, 225), 3 * scale);
  dl->AddText(font, fs, p, col, text.c_str());
}

class OutsideLayer final : public MapLayer {
 public:
  const LayerInfo& info() const override { return info_; }
  bool active(const LayerFrame& f) const override { return conformance(f) != nullptr; }

  void overlay(const LayerFrame& f, OverlayFrame& o) const override {
    const Conformance* c = conformance(f);
    if (!c) return;
    const Projects& p = f.model.projects;
    const ImU32 red = IM_COL32(210, 30, 40, 255);
    const int focus = f.hover.layer && f.hover.layer->info().id == ids::kProjects ? f.hover.item : f.selected;
    for (const OutsideProject& op : c->outside) {
      const Vec2 s = f.view.toScreen({p.x[op.row], p.y[op.row]});
      if (s.x < -20 || s.y < -20 || s.x > f.view.width + 20 || s.y > f.view.height + 20) continue;
      const float r = pointRadiusPx(f.points, p.investment_yi[op.row]) + 2.5f * f.scale;
      o.dl->AddCircle(toImVec(s), r, red, 0, 1.8f * f.scale);
      if (static_cast<int>(op.row) != focus) continue;
      auto lineTo = [&](int park, double metres, ImU32 col, Str what) {
        if (park < 0) return;
        const ImVec2 a = toImVec(s), b = toImVec(f.view.toScreen(f.model.parks[park].xy));
        dashedLine(o.dl, a, b, col, 2.f * f.scale, 6 * f.scale);
        haloLabel(o.dl, o.text_font, {(a.x + b.x) / 2, (a.y + b.y) / 2}, col,
                  std::string(tr(f.lang, what)) + " · " + parkName(f.model, f.lang, park) + " · " + formatDistance(metres), f.scale);
      };
      lineTo(op.suggested_park, op.suggested_m, IM_COL32(30, 120, 60, 255), S::SuggestedPark);
      if (op.nearest_park != op.suggested_park) lineTo(op.nearest_park, op.nearest_m, IM_COL32(120, 120, 130, 255), S::NearestPark);
    }
  }

  void legend(const LayerFrame& f) const override {
    const Conformance* c = conformance(f);
    if (!c) return;
    ImGui::Separator();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddCircle({p.x + h * 0.5f, p.y + h * 0.5f}, h * 0.38f, IM_COL32(210, 30, 40, 255), 0, 1.8f * f.scale);
    ImGui::Dummy({h, h});
    ImGui::SameLine();
    ImGui::Text("%s: %zu (%.1f%%)", tr(f.lang, S::OutsideLegend), c->outside.size(), c->total ? 100.0 * c->outside.size() / c->total : 0.0);
  }

 private:
  LayerInfo info_{ids::kOutside, ids::kOutside, S::OutsideParks, {}, 32, 27, -1};
};

ImU32 roleColor(ChainRole r) {
  switch (r) {
    case ChainRole::Upstream: return IM_COL32(31, 119, 180, 255);
    case ChainRole::Midstream: return IM_COL32(44, 160, 44, 255);
    case ChainRole::Downstream: return IM_COL32(230, 110, 10, 255);
    default: return IM_COL32(110, 110, 120, 255);
  }
}

class ArcsLayer final : public MapLayer {
 public:
  const LayerInfo& info() const override { return info_; }

  bool prepare(const LayerFrame& f) override {
    // The leader in focus: the selected project when it leads, else the leader it followed.
    const Projects& p = f.model.projects;
    int leader = -1;
    if (f.selected >= 0 && f.selected < static_cast<int>(p.size())) {
      if (p.chain_leader[f.selected]) leader = f.selected;
      else if (p.leader_index[f.selected] >= 0) leader = p.leader_index[f.selected];
    }
    const int chain_view = f.features.get<ChainSettings>(ids::kChains).chain_view;
    if (f.model_rev == model_rev_ && leader == leader_ && f.filter == filter_ && chain_view == chain_view_) return false;
    model_rev_ = f.model_rev, leader_ = leader, filter_ = f.filter, chain_view_ = chain_view;
    arcs_.clear();
    view_ = {};
    if (chain_view >= 0) {  // one chain across the city: every leader of it, to its followers
      Filter chain = f.filter;
      chain.chains = IdSet::only(chain_view);
      arcs_ = leaderArcs(f.model, chain, -1);
      // And the chain's projects themselves, ringed, with lines to its main park: a chain no
      // project of which followed a leader (the sample's largest) still shows where it is.
      view_ = chainView(f.model, f.filter, chain_view);
    } else if (leader >= 0) {
      arcs_ = leaderArcs(f.model, f.filter, leader);
    }
    return false;  // nothing in the map texture
  }
  bool active(const LayerFrame&) const override { return !arcs_.empty() || !view_.rows.empty(); }

  void overlay(const LayerFrame& f, OverlayFrame& o) const override {
    const Projects& p = f.model.projects;
    if (!view_.rows.empty()) {  // the chain view's projects: to the main park, then ringed
      const ImU32 ink = rgbColor(cm::info(ecosystemOfChain(f.model, view_.chain)).rgb, 255);
      if (view_.main_park >= 0) {
        const ImVec2 b = toImVec(f.view.toScreen(f.model.parks[static_cast<size_t>(view_.main_park)].xy));
        for (uint32_t i : view_.rows) o.dl->AddLine(toImVec(f.view.toScreen({p.x[i], p.y[i]})), b, (ink & 0x00FFFFFFu) | 0x70000000u, 1.f * f.scale);
      }
      for (uint32_t i : view_.rows) {
        const ImVec2 s = toImVec(f.view.toScreen({p.x[i], p.y[i]}));
        const float r = pointRadiusPx(f.points, p.investment_yi[i]) + 2.5f * f.scale;
        o.dl->AddCircle(s, r + f.scale, IM_COL32(255, 255, 255, 230), 0, 3.f * f.scale);
        o.dl->AddCircle(s, r, ink, 0, 1.8f * f.scale);
      }
    }
    const bool label = arcs_.size() <= 30;
    for (const ChainArc& a : arcs_) {
      const ImVec2 s = toImVec(f.view.toScreen({p.x[a.leader], p.y[a.leader]}));
      const ImVec2 e = toImVec(f.view.toScreen({p.x[a.follower], p.y[a.follower]}));
      const float len = std::hypot(e.x - s.x, e.y - s.y);
      if (len < 2) continue;
      const ImVec2 mid{(s.x + e.x) / 2 - (e.y - s.y) * 0.18f, (s.y + e.y) / 2 + (e.x - s.x) * 0.18f};  // bowed to one side
      const ImU32 col = roleColor(a.role);
      o.dl->AddBezierQuadratic(s, mid, e, IM_COL32(255, 255, 255, 200), 4.f * f.scale);
      o.dl->AddBezierQuadratic(s, mid, e, col, 2.f * f.scale);
      o.dl->AddCircleFilled(e, 3.f * f.scale, col);
      if (label) {
        const ImVec2 at{0.25f * s.x + 0.5f * mid.x + 0.25f * e.x, 0.25f * s.y + 0.5f * mid.y + 0.25f * e.y};
        haloLabel(o.dl, o.text_font, at, col, formatDistance(a.distance_m), f.scale);
      }
    }
    std::vector<uint32_t> leaders;
    for (const ChainArc& a : arcs_)
      if (leaders.empty() || leaders.back() != a.leader) leaders.push_back(a.leader);
    for (uint32_t l : leaders) {  // the leader: a gold star-like double ring
      const ImVec2 s = toImVec(f.view.toScreen({p.x[l], p.y[l]}));
      const float r = pointRadiusPx(f.points, p.investment_yi[l]) + 4 * f.scale;
      o.dl->AddCircle(s, r, IM_COL32(190, 140, 0, 255), 0, 3.f * f.scale);
      o.dl->AddCircle(s, r + 3 * f.scale, IM_COL32(255, 255, 255, 220), 0, 1.5f * f.scale);
    }
  }

  void legend(const LayerFrame& f) const override {
    const Lang L = f.lang;
    if (!view_.rows.empty()) {  // the chain view: its name, its projects ringed
      ImGui::Separator();
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float h = ImGui::GetTextLineHeight();
      ImGui::GetWindowDrawList()->AddCircle({p.x + h * 0.5f, p.y + h * 0.5f}, h * 0.36f,
                                            rgbColor(cm::info(ecosystemOfChain(f.model, view_.chain)).rgb, 255), 0, 1.8f * f.scale);
      ImGui::Dummy({h, h});
      ImGui::SameLine();
      textWrappedCjk(chainName(f.model, L, view_.chain) + " · " + tr(L, S::ChainViewMembers) + "  " + std::to_string(view_.rows.size()),
                        ImGui::GetContentRegionAvail().x);
    }
    if (arcs_.empty()) return;
    ImGui::Separator();
    ImGui::TextUnformatted(tr(L, S::ArcsLegend));
    const Str names[] = {S::RoleUpstream, S::RoleMidstream, S::RoleDownstream, S::RoleUnknown};
    const ChainRole roles[] = {ChainRole::Upstream, ChainRole::Midstream, ChainRole::Downstream, ChainRole::Unknown};
    for (int k = 0; k < 4; ++k) {
      int n = 0;
      for (const ChainArc& a : arcs_) n += a.role == roles[k];
      if (!n) continue;
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float h = ImGui::GetTextLineHeight();
      ImGui::GetWindowDrawList()->AddLine({p.x, p.y + h / 2}, {p.x + h * 1.4f, p.y + h / 2}, roleColor(roles[k]), 2.5f * f.scale);
      ImGui::Dummy({h * 1.4f, h});
      ImGui::SameLine();
      ImGui::Text("%s  %d", tr(L, names[k]), n);
    }
  }

 private:
  LayerInfo info_{ids::kArcs, ids::kArcs, S::Arcs, {}, 33, 28, -1};
  uint64_t model_rev_ = ~0ull;
  int leader_ = -2, chain_view_ = -2;
  Filter filter_;
  std::vector<ChainArc> arcs_;
  ChainView view_;  // with a chain view: its projects and main park
};

}  // namespace

std::unique_ptr<MapLayer> makeOutsideLayer() { return std::make_unique<OutsideLayer>(); }
std::unique_ptr<MapLayer> makeArcsLayer() { return std::make_unique<ArcsLayer>(); }

}  // namespace cm
