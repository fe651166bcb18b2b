// The base map: districts, water, rivers.
// Districts: cream fills (three alternating tones), grey outlines, the city's outline, and each
// district's name at its label point. A name that cannot sit on its point may move away on a
// leader line, but only to a spot inside its own district or outside every district.
#include <imgui.h>

#include "geo/geos_ops.h"
#include "render/gpu_mesh.h"
#include "core/ids.h"
#include "render/layers/layers.h"
#include "render/map_renderer.h"

namespace cm {
namespace {

// A layer drawn from the model alone: rebuilt when the model revision changes, never otherwise.
class ModelLayer : public MapLayer {
 public:
  bool prepare(const LayerFrame& f) final {
    if (f.model_rev == built_rev_) return false;
    built_rev_ = f.model_rev;
    ++revision_;
    build(f);
    return true;
  }
  uint64_t revision() const final { return revision_; }

 protected:
  virtual void build(const LayerFrame& f) = 0;  // CPU vertices for upload()

 private:
  uint64_t built_rev_ = ~0ull, revision_ = 0;
};

class DistrictsLayer final : public ModelLayer {
 public:
  const LayerInfo& info() const override { return info_; }

  void build(const LayerFrame& f) override {
    const Vec2 o = f.derived.origin();
    fills_.clear();
    lines_.clear();
    city_.clear();
    std::vector<const MultiPolygon*> all;
    for (size_t i = 0; i < f.model.districts.size(); ++i) {
      appendFill(fills_, f.model.districts[i].xy, f.model.districts[i].fill, o, packRgba(style::kDistrictTones[i % 3]));
      appendOutlines(lines_, f.model.districts[i].xy, o);
      all.push_back(&f.model.districts[i].xy);
    }
    // The outline made at load, or made now for a model built in code.
    const std::vector<LineString> now = f.model.city_outline.empty() ? unionOutline(all) : std::vector<LineString>();
    for (const LineString& l : f.model.city_outline.empty() ? now : f.model.city_outline) appendLine(city_, l, o, false);
    polygons_ = std::make_unique<PolygonSet>(all);
  }
  void upload() override {
    fill_ = uploadFill(fills_);
    outline_ = uploadLines(lines_);
    city_outline_ = uploadLines(city_);
    fills_ = {};
    lines_ = {};
    city_ = {};
  }
  void draw(const MapPass& pass, size_t k) const override {
    if (k == 0) {
      pass.fill(fill_, 1.f);
    } else {
      pass.lines(outline_, 1.3f, style::kOutline, 1.f);
      pass.lines(city_outline_, 2.6f, style::kCityOutline, 1.f);
    }
  }

  void labels(const LayerFrame& f, const OverlayFrame& o, LabelSet& out) const override {
    const View& v = f.view;
    for (size_t i = 0; i < f.model.districts.size(); ++i) {
      const District& d = f.model.districts[i];
      const Vec2 a = v.toScreen(d.label_xy);
      MapLabel l;
      l.text = f.lang == Lang::Zh ? d.name_zh : d.name_en;
      const ImVec2 sz = o.label_font->CalcTextSizeA(o.label_font->FontSize * ImGui::GetIO().FontGlobalScale, FLT_MAX, 0, l.text.c_str());
      l.req = {a.x, a.y, sz.x, sz.y, 1e6 + d.area_km2, true, true, false, {}};
      // In or beside its own district: the box's centre lies in it, or within a label's height
      // of its boundary.
      const PolygonSet* polys = polygons_.get();
      const int self = static_cast<int>(i);
      const double beside = sz.y * v.units_per_px;
      l.req.accept = [polys, self, v, beside](const LabelBox& b) {
        if (!polys) return true;
        const Vec2 w = v.toWorld({(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2});
        return polys->distance(self, w.x, w.y) <= beside;
      };
      l.kind = LabelKind::District;
      out.labels.push_back(std::move(l));
    }
  }

 private:
  LayerInfo info_{ids::kDistricts, ids::kDistricts, S::Districts, {10, 30}, -1, -1, -1};
  std::vector<FillVertex> fills_;
  std::vector<LineVertex> lines_, city_;
  std::unique_ptr<PolygonSet> polygons_;
  GpuMesh fill_, outline_, city_outline_;
};

class WaterLayer final : public ModelLayer {
 public:
  const LayerInfo& info() const override { return info_; }
  void build(const LayerFrame& f) override {
    fills_.clear();
    for (const WaterBody& w : f.model.water) appendFill(fills_, w.xy, w.fill, f.derived.origin(), packRgba(style::kWater));
  }
  void upload() override {
    fill_ = uploadFill(fills_);
    fills_ = {};
  }
  void draw(const MapPass& pass, size_t) const override { pass.fill(fill_, 1.f); }

 private:
  LayerInfo info_{ids::kWater, ids::kWater, S::Water, {20}, -1, -1, -1};
  std::vector<FillVertex> fills_;
  GpuMesh fill_;
};

class RiversLayer final : public ModelLayer {
 public:
  const LayerInfo& info() const override { return info_; }
  void build(const LayerFrame& f) override {
    major_.clear();
    minor_.clear();
    for (const River& r : f.model.rivers)
      appendLine(r.level <= 2 || r.level == 8 ? major_ : minor_, r.xy, f.derived.origin(), false);
  }
  void upload() override {
    major_gpu_ = uploadLines(major_);
    minor_gpu_ = uploadLines(minor_);
    major_ = {};
    minor_ = {};
  }
  void draw(const MapPass& pass, size_t) const override {
    pass.lines(major_gpu_, 2.2f, style::kRiver, 1.f);
    pass.lines(minor_gpu_, 1.0f, style::kRiver, 0.8f);
  }

 private:
  LayerInfo info_{ids::kRivers, ids::kRivers, S::Rivers, {25}, -1, -1, -1};
  std::vector<LineVertex> major_, minor_;
  GpuMesh major_gpu_, minor_gpu_;
};

}  // namespace

std::unique_ptr<MapLayer> makeDistrictsLayer() { return std::make_unique<DistrictsLayer>(); }
std::unique_ptr<MapLayer> makeWaterLayer() { return std::make_unique<WaterLayer>(); }
std::unique_ptr<MapLayer> makeRiversLayer() { return std::make_unique<RiversLayer>(); }

}  // namespace cm
