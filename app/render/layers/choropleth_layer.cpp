// District choropleth: each district filled by a number of the filtered projects in the time
// window (investment or projects, absolute or per km²; core/choropleth.h), in natural-breaks
// classes of a sequential ramp, with its legend and a tooltip. Drawn above the district fills and
// below water, rivers and projects; off until switched on (Layers panel, --layers, a tour step).
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/analysis/products.h"
#include "core/choropleth.h"
#include "core/names.h"
#include "core/symbology.h"
#include "geo/geos_ops.h"
#include "render/gpu_mesh.h"
#include "render/layers/layers.h"
#include "render/map_renderer.h"

namespace cm {
namespace {

// The number as the legend and tooltip print it (projects per km² read better per 100 km²;
// investment in the language's unit, core/money.h).
double shown(ChoroplethMetric m, double v, Lang l) {
  if (m == ChoroplethMetric::ProjectsPerKm2) return v * 100;
  if (m == ChoroplethMetric::Investment || m == ChoroplethMetric::InvestmentPerKm2) return yiShown(v, l);
  return v;
}
std::string format(ChoroplethMetric m, double v, Lang l) {
  char b[32];
  v = shown(m, v, l);
  if (fromConformance(m)) std::snprintf(b, sizeof b, "%.0f%%", v);
  else if (m == ChoroplethMetric::Projects) std::snprintf(b, sizeof b, "%.0f", v);
  else if (v >= 100) std::snprintf(b, sizeof b, "%.0f", v);
  else if (v >= 10) std::snprintf(b, sizeof b, "%.1f", v);
  else if (v >= 1 || v == 0) std::snprintf(b, sizeof b, "%.2f", v);
  else std::snprintf(b, sizeof b, "%.2g", v);  // small per-km² amounts (CNY bn) keep two significant digits
  return b;
}
std::string metricKey(ChoroplethMetric m) { return "choro." + std::string(choroplethId(m)); }

class ChoroplethLayer final : public MapLayer {
 public:
  const LayerInfo& info() const override { return info_; }

  bool prepareWhileHidden() const override { return false; }  // nothing to offer hidden; its first prepare triangulates every district
  bool prepare(const LayerFrame& f) override {
    bool geometry = false;
    if (f.model_rev != model_rev_) {
      model_rev_ = f.model_rev;
      tris_.clear();
      first_.assign(1, 0);
      std::vector<const MultiPolygon*> all;
      for (const District& d : f.model.districts) {
        appendFill(tris_, d.xy, d.fill, f.derived.origin(), 0);
        first_.push_back(tris_.size());
        all.push_back(&d.xy);
      }
      polygons_ = std::make_unique<PolygonSet>(all);
      geometry = true;
    }
    const auto* conf = f.derived.product<ConformanceProduct>(ids::kConformance);
    const Conformance* c = conf ? conf->get() : nullptr;
    const uint64_t conf_rev = c ? conf->revision() : 0;
    const ChoroplethMetric metric = f.features.get<ChoroplethSettings>(ids::kChoropleth).metric;
    if (!geometry && f.derived.statsRevision() == stats_rev_ && metric == metric_ && conf_rev == conf_rev_ &&
        f.filter.districts == districts_)
      return false;
    districts_ = f.filter.districts;
    stats_rev_ = f.derived.statsRevision();
    conf_rev_ = conf_rev;
    metric_ = metric;
    values_ = choroplethValues(f.model, f.derived.stats(), metric_, c);
    classes_ = selectedBreaks(values_, f.filter.districts);
    district_class_ = choroplethDistrictClasses(classes_, values_, f.filter.districts);
    const int n = static_cast<int>(classes_.upper.size());
    for (size_t d = 0; d + 1 < first_.size(); ++d) {
      // A district the filter leaves out keeps the plain base fill (transparent here): not a class.
      const int k = d < district_class_.size() ? district_class_[d] : -1;
      const uint32_t rgba = k == kChoroplethNotSelected ? 0u : packRgba(choroplethColor(k, n), 235);
      for (size_t i = first_[d]; i < first_[d + 1]; ++i) tris_[i].rgba = rgba;
    }
    ++revision_;
    return true;
  }
  void upload() override { fill_ = uploadFill(tris_); }  // tris_ is kept: the next recolouring reuses it
  void draw(const MapPass& pass, size_t) const override { pass.fill(fill_, 1.f); }
  uint64_t revision() const override { return revision_; }

  int hitTest(const LayerFrame& f, Vec2 m) const override {
    if (!polygons_) return -1;
    const Vec2 w = f.view.toWorld(m);
    return polygons_->indexAt(w.x, w.y);
  }

  void tooltip(const LayerFrame& f, int d) const override {
    if (d < 0 || d >= static_cast<int>(values_.size())) return;
    const Lang L = f.lang;
    const District& dist = f.model.districts[d];
    const Tally t = d < static_cast<int>(f.derived.stats().by_district.size()) ? f.derived.stats().by_district[d] : Tally{};
    ImGui::BeginTooltip();
    ImGui::TextUnformatted((L == Lang::Zh ? dist.name_zh : dist.name_en).c_str());
    ImGui::TextDisabled("%s", (L == Lang::Zh ? dist.name_en : dist.name_zh).c_str());
    ImGui::Separator();
    ImGui::Text("%s: %s", tr(L, metricKey(metric_)), format(metric_, values_[d], L).c_str());
    ImGui::Text("%s: %lld · %s · %.0f km²", tr(L, S::ProjectsL), static_cast<long long>(t.count), formatYi(t.investment_yi, L).c_str(),
                dist.area_km2);
    ImGui::EndTooltip();
  }

  void legend(const LayerFrame& f) const override {
    const Lang L = f.lang;
    ImGui::Separator();
    ImGui::TextUnformatted(tr(L, metricKey(metric_)));
    const float h = ImGui::GetTextLineHeight();
    auto swatch = [&](uint32_t rgb, const std::string& text) {
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + h * 0.15f}, {p.x + h * 1.4f, p.y + h * 0.85f}, rgbColor(rgb));
      ImGui::GetWindowDrawList()->AddRect({p.x, p.y + h * 0.15f}, {p.x + h * 1.4f, p.y + h * 0.85f}, IM_COL32(120, 126, 136, 255));
      ImGui::Dummy({h * 1.4f, h});
      ImGui::SameLine();
      ImGui::TextUnformatted(text.c_str());
    };
    const int n = static_cast<int>(classes_.upper.size());
    double lo = 0;
    for (int k = 0; k < n; ++k) {
      swatch(choroplethColor(k, n), (k == 0 ? "≤ " : format(metric_, lo, L) + " – ") + format(metric_, classes_.upper[k], L));
      lo = classes_.upper[k];
    }
    swatch(kChoroplethNone, tr(L, S::ChoroplethNone));
    if (!districts_.isAll() && std::find(district_class_.begin(), district_class_.end(), kChoroplethNotSelected) != district_class_.end())
      swatch(style::kDistrictTones[0], tr(L, S::ChoroplethNotSelected));
  }

 private:
  LayerInfo info_{ids::kChoropleth, ids::kChoropleth, S::Choropleth, {12}, -1, 25, 1};
  uint64_t model_rev_ = ~0ull, stats_rev_ = ~0ull, conf_rev_ = 0, revision_ = 0;
  ChoroplethMetric metric_ = ChoroplethMetric::Investment;
  std::vector<FillVertex> tris_;
  std::vector<size_t> first_;  // district d's vertices are [first_[d], first_[d+1])
  std::unique_ptr<PolygonSet> polygons_;
  std::vector<double> values_;
  ChoroplethClasses classes_;
  std::vector<int> district_class_;  // per district: class, -1 none, kChoroplethNotSelected
  IdSet districts_;                  // the district filter the classes were made for
  GpuMesh fill_;
};

}  // namespace

std::unique_ptr<MapLayer> makeChoroplethLayer() { return std::make_unique<ChoroplethLayer>(); }

}  // namespace cm
