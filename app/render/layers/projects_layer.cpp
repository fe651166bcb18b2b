// Projects: one sprite each, coloured by ecosystem, area ∝ investment, largest drawn first so
// small ones stay visible. Attributes are on the GPU from the model on; the filter is uniforms.
// A table above kWholeTableRows is never uploaded whole: the sprites are the projects in and
// around the view (from the k-d tree), rebuilt when the view leaves that area or zooms far into it.
// Hover finds the nearest visible project under the cursor (k-d tree); the hovered and the
// selected project get a ring.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "core/analysis/products.h"
#include "core/dates.h"
#include "core/derived.h"
#include "core/lifecycle.h"
#include "core/text_wrap.h"
#include "core/names.h"
#include "render/gpu_mesh.h"
#include "core/ids.h"
#include "render/layers/layers.h"
#include "render/map_renderer.h"

namespace cm {

void drawProjectDetails(const Model& m, Lang L, int i, const Derived* derived) {
  const Projects& p = m.projects;
  static const ParkShapes kLoaded;  // the parks as loaded (no what-if)
  const auto* shapes = derived ? derived->product<ParkShapesProduct>(ids::kParkShapes) : nullptr;
  const ProjectParkStatus park = projectParkStatus(m, shapes ? shapes->shapes() : kLoaded, i);
  ProjectDetails d;
  d.name = L == Lang::Zh ? p.name_zh[i] : p.name_en[i];
  if (m.projects_synthetic) d.note = tr(L, S::Synthetic);
  d.ecosystem = p.ecosystem[i];
  d.chain = chainName(m, L, p.chain[i]);
  d.investment_known = p.investmentKnown(i);
  d.investment_yi = p.investment_yi[i];
  if (p.dated(i)) d.signed_date = formatDate(p.signed_day[i]);
  d.district = districtName(m, L, p.district_index[i]);
  d.park = parkStatusText(m, L, park);
  d.park_counted = park.counted >= 0;
  d.approx = i < static_cast<int>(p.approx.size()) ? p.approx[i] : 0;
  d.chain_leader = p.chain_leader[i];
  d.foreign = p.foreign[i];
  d.fdi_musd = p.fdi_musd[i];
  drawProjectDetails(L, d);
}

void drawProjectDetails(Lang L, const ProjectDetails& d) {
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
  ImGui::TextWrapped("%s", d.name.c_str());
  ImGui::Separator();
  if (!d.note.empty()) ImGui::TextDisabled("%s", d.note.c_str());
  const uint32_t rgb = cm::info(d.ecosystem).rgb;
  ImGui::TextColored(ImColor(int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)), "● %s", ecosystemName(L, d.ecosystem));
  ImGui::SameLine();
  ImGui::TextDisabled("· %s", d.chain.c_str());
  if (d.investment_known) ImGui::Text("%s: %s", tr(L, S::Investment), formatYi(d.investment_yi, L).c_str());
  else ImGui::Text("%s: ? (%s)", tr(L, S::Investment), tr(L, S::AmountUnknown));
  ImGui::Text("%s: %s", tr(L, S::SignedDate), d.signed_date.empty() ? tr(L, S::Undated) : d.signed_date.c_str());
  ImGui::Text("%s: %s", tr(L, S::District), d.district.c_str());
  if (!d.park_counted) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", d.park.c_str());
  if (!d.park_counted) ImGui::PopStyleColor();
  if (d.approx) ImGui::TextColored(ImColor(150, 90, 0), "%s", tr(L, d.approx == 1 ? S::ApproxAtPark : S::ApproxInDistrict));
  if (d.chain_leader) ImGui::TextColored(ImColor(178, 34, 34), "%s", tr(L, S::ChainLeader));
  if (!d.foreign.empty()) ImGui::Text("%s: %s", tr(L, S::Foreign), d.foreign.c_str());
  if (d.fdi_musd > 0) ImGui::Text("%s: %s", tr(L, "field.fdi_musd"), formatFdi(d.fdi_musd, L).c_str());
  ImGui::PopTextWrapPos();
}

void drawEcosystemKey(const LayerFrame& f) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int e = 0; e < kEcosystemCount; ++e) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    const bool on = f.filter.ecosystems >> e & 1u;
    dl->AddCircleFilled({p.x + h * 0.5f, p.y + h * 0.5f}, h * 0.36f, rgbColor(kEcosystems[e].rgb, on ? 255 : 70));
    ImGui::Dummy({h, h});
    ImGui::SameLine();
    ImGui::TextUnformatted(ecosystemName(f.lang, static_cast<Ecosystem>(e)));
    ImGui::SameLine(ImGui::GetWindowWidth() - 60 * f.scale);
    ImGui::Text("%5d", static_cast<int>(f.derived.stats().by_ecosystem[e].count));
  }
}

namespace {

constexpr size_t kWholeTableRows = 150'000;

class ProjectsLayer final : public MapLayer {
 public:
  const LayerInfo& info() const override { return info_; }
  bool active(const LayerFrame& f) const override { return !f.derived.aggregated(); }

  bool prepare(const LayerFrame& f) override {
    const bool model_changed = f.model_rev != built_rev_;
    if (f.filter != filter_ || !(f.points == style_) || f.lifecycle != lifecycle_ || model_changed) {
      filter_ = f.filter;
      style_ = f.points;
      lifecycle_ = f.lifecycle;
      ++revision_;
      if (lifecycle_) stages_ = lifeStageCounts(f.model, filter_, lastDayOfMonth(filter_.month_to));
    }
    if (model_changed) {
      built_rev_ = f.model_rev;
      const Projects& p = f.model.projects;
      by_month_.clear();  // rows by signing month: the projects that pulse as their month comes in
      for (uint32_t i = 0; i < p.size(); ++i) by_month_[projectMonth(p, i)].push_back(i);
      if (lifecycle_) stages_ = lifeStageCounts(f.model, filter_, lastDayOfMonth(filter_.month_to));
      has_approx_ = std::any_of(p.approx.begin(), p.approx.end(), [](uint8_t a) { return a != 0; });
      covered_ = {};
      std::vector<uint32_t> order;  // a large table: nothing until the view asks (below)
      if (p.size() <= kWholeTableRows) {
        order.resize(p.size());
        std::iota(order.begin(), order.end(), 0u);
      }
      buildSprites(f, order);
      if (p.size() <= kWholeTableRows || !active(f) || !f.derived.index()) return true;
    }
    if (f.model.projects.size() <= kWholeTableRows || !active(f)) return false;
    // A large table: the projects around the view, when the view has left them (or is far inside).
    const PointIndex* index = f.derived.index();
    if (!index) return false;
    const Vec2 lo = f.view.toWorld({0, double(f.view.height)}), hi = f.view.toWorld({double(f.view.width), 0});
    const double area = (hi.x - lo.x) * (hi.y - lo.y);
    if (covered_.valid() && lo.x >= covered_.minx && lo.y >= covered_.miny && hi.x <= covered_.maxx && hi.y <= covered_.maxy &&
        area * 12 > (covered_.maxx - covered_.minx) * (covered_.maxy - covered_.miny))
      return false;
    const double mx = 0.4 * (hi.x - lo.x) + f.points.radius_max * f.view.units_per_px;
    const double my = 0.4 * (hi.y - lo.y) + f.points.radius_max * f.view.units_per_px;
    covered_ = {lo.x - mx, lo.y - my, hi.x + mx, hi.y + my};
    std::vector<uint32_t> rows;
    index->inRect(covered_.minx, covered_.miny, covered_.maxx, covered_.maxy, rows);
    std::sort(rows.begin(), rows.end());
    buildSprites(f, rows);
    ++revision_;
    return true;
  }
  // Sprites for `rows`, the largest investment first.
  void buildSprites(const LayerFrame& f, std::vector<uint32_t>& rows) {
    const Projects& p = f.model.projects;
    const Vec2 o = f.derived.origin();
    std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) { return p.investment_yi[a] > p.investment_yi[b]; });
    points_.clear();
    points_.reserve(rows.size());
    for (uint32_t i : rows)
      points_.push_back({static_cast<float>(p.x[i] - o.x), static_cast<float>(p.y[i] - o.y), p.investment_yi[i],
                         packFilterWords(p, i)});
  }
  void upload() override {
    sprites_ = uploadSprites(points_);
    points_ = {};
  }
  uint64_t revision() const override { return revision_; }
  void draw(const MapPass& pass, size_t) const override {
    pass.sprites(sprites_, filter_, style_, lifecycle_ ? filter_.month_to : -1);
  }

  int hitTest(const LayerFrame& f, Vec2 mouse) const override {
    const PointIndex* index = f.derived.index();
    if (!index) return -1;
    const Vec2 w = f.view.toWorld(mouse);
    const double upp = f.view.units_per_px;
    const Projects& p = f.model.projects;
    const auto hits = index->within(w.x, w.y, (f.points.radius_max + 2) * upp, [&](size_t i) {
      if (!passes(p, i, f.filter)) return false;
      const double r = (pointRadiusPx(f.points, p.investment_yi[i]) + 2) * upp;
      return std::hypot(p.x[i] - w.x, p.y[i] - w.y) <= r;
    });
    return hits.empty() ? -1 : static_cast<int>(hits.front());
  }

  void tooltip(const LayerFrame& f, int row) const override {
    if (row < 0 || row >= static_cast<int>(f.model.projects.size()) || row == f.selected) return;
    ImGui::BeginTooltip();
    drawProjectDetails(f.model, f.lang, row, &f.derived);
    ImGui::EndTooltip();
  }

  // Rings around the hovered and the selected project; while playing, the projects of the month
  // just come in pulse (a ring that grows and fades over the month's step).
  void overlay(const LayerFrame& f, OverlayFrame& o) const override {
    if (f.pulse >= 0 && f.pulse < 1) {
      const auto it = by_month_.find(f.filter.month_to);
      const float u = static_cast<float>(f.pulse);
      if (it != by_month_.end())
        for (uint32_t i : it->second) {
          if (!passes(f.model.projects, i, f.filter)) continue;
          const Vec2 s = f.view.toScreen({f.model.projects.x[i], f.model.projects.y[i]});
          if (s.x < -50 || s.y < -50 || s.x > f.view.width + 50 || s.y > f.view.height + 50) continue;
          const float r = pointRadiusPx(f.points, f.model.projects.investment_yi[i]) * (1.f + 1.6f * u) + 4 * f.scale * u;
          o.dl->AddCircle(toImVec(s), r, rgbColor(cm::info(f.model.projects.ecosystem[i]).rgb, static_cast<int>(230 * (1 - u))), 0,
                          2.5f * f.scale);
        }
    }
    const int hovered = f.hover.layer == this ? f.hover.item : -1;
    for (int row : {hovered, f.selected}) {
      if (row < 0 || row >= static_cast<int>(f.model.projects.size())) continue;
      const Vec2 s = f.view.toScreen({f.model.projects.x[row], f.model.projects.y[row]});
      const float r = pointRadiusPx(f.points, f.model.projects.investment_yi[row]) + 3 * f.scale;
      o.dl->AddCircle(toImVec(s), r, IM_COL32(20, 20, 20, 255), 0, 2.f * f.scale);
    }
  }

  // Ecosystem colours with live counts, then the size classes drawn with the map's radius rule.
  void legend(const LayerFrame& f) const override {
    const Lang L = f.lang;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    drawEcosystemKey(f);
    ImGui::Separator();
    ImGui::TextDisabled("%s (%s)", tr(L, S::SizeLegend), yiUnit(L));
    const float sizes[] = {1, 10, 50, 100};
    std::string label_text[4];
    const char* labels[4];
    for (int i = 0; i < 4; ++i) label_text[i] = "≥" + formatYiCompact(sizes[i], L), labels[i] = label_text[i].c_str();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float rmax = pointRadiusPx(f.points, 100);
    const float sc = f.scale;
    float x = p0.x + 8 * sc;
    for (int i = 0; i < 4; ++i) {
      const float r = pointRadiusPx(f.points, sizes[i]);
      const ImVec2 c{x + r, p0.y + rmax + 2 * sc};
      dl->AddCircleFilled(c, r, IM_COL32(120, 128, 140, 90));
      dl->AddCircle(c, r, IM_COL32(70, 78, 90, 255), 0, 1.2f * sc);
      const ImVec2 ts = ImGui::CalcTextSize(labels[i]);
      dl->AddText({c.x - ts.x / 2, p0.y + 2 * rmax + 6 * sc}, ImGui::GetColorU32(ImGuiCol_Text), labels[i]);
      x += 2 * r + 22 * sc;
    }
    ImGui::Dummy({0, 2 * rmax + 8 * sc + ImGui::GetTextLineHeight()});
    if (lifecycle_) {  // the stages at the window's end, as the map draws them, with their counts
      ImGui::Separator();
      ImGui::TextDisabled("%s · %s", tr(L, S::LifeCycleTitle), formatMonth(filter_.month_to).c_str());
      const float h = ImGui::GetTextLineHeight(), r = h * 0.38f;
      const int64_t n[3] = {stages_.signed_only, stages_.under_construction, stages_.producing};
      const Str names[3] = {S::LifeSigned, S::LifeBuilding, S::LifeProducing};
      const ImU32 ink = IM_COL32(52, 101, 164, 255);
      for (int k = 0; k < 3; ++k) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 c{p.x + h * 0.5f, p.y + h * 0.5f};
        dl->AddCircleFilled(c, r, IM_COL32(255, 255, 255, 255));
        if (k == 1) dl->PathArcTo(c, r, 0.f, 3.14159265f), dl->PathFillConvex(ink);  // the lower half
        if (k == 2) dl->AddCircleFilled(c, r, ink);
        dl->AddCircle(c, r, ink, 0, (k == 0 ? 2.5f : 1.2f) * sc);
        ImGui::Dummy({h, h});
        ImGui::SameLine();
        ImGui::TextUnformatted(tr(L, names[k]));
        ImGui::SameLine(ImGui::GetWindowWidth() - 60 * f.scale);
        ImGui::Text("%5lld", static_cast<long long>(n[k]));
      }
    }
    if (has_approx_) {  // hollow: placed at its park or inside its district
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float h = ImGui::GetTextLineHeight();
      dl->AddCircleFilled({p.x + h * 0.5f, p.y + h * 0.5f}, h * 0.36f, IM_COL32(235, 238, 242, 255));
      dl->AddCircle({p.x + h * 0.5f, p.y + h * 0.5f}, h * 0.36f, IM_COL32(90, 98, 110, 255), 0, 2.f * sc);
      ImGui::Dummy({h, h});
      ImGui::SameLine();
      ImGui::TextWrapped("%s", tr(L, S::Approximate));
    }
  }

 private:
  LayerInfo info_{ids::kProjects, ids::kProjects, S::ProjectsL, {40}, 30, 10, 10};
  uint64_t built_rev_ = ~0ull, revision_ = 0;
  Extent covered_;  // large tables: the area the sprites cover
  bool has_approx_ = false;
  bool lifecycle_ = false;
  LifeStageCounts stages_;
  std::unordered_map<int, std::vector<uint32_t>> by_month_;
  Filter filter_;
  PointStyle style_;
  std::vector<SpriteVertex> points_;
  GpuSprites sprites_;
};

}  // namespace

std::unique_ptr<MapLayer> makeProjectsLayer() { return std::make_unique<ProjectsLayer>(); }

}  // namespace cm
