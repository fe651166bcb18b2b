#include "core/analysis/products.h"

#include <algorithm>

#include "core/derived.h"

namespace cm {

namespace {
bool async(const ProductInputs& in) { return in.allow_async && in.model->projects.size() > kAsyncProductRows; }
}  // namespace

// ---- parks ------------------------------------------------------------------------------------

ParkShapes parkShapes(const ParkSettings& s) {
  ParkShapes shapes;
  shapes.radius_km = s.radius_km;
  if (s.polygons) shapes.polygons = *s.polygons;
  return shapes;
}

ParkMembership membershipFor(const ParkShapes& s) {
  const bool what_if = !s.polygons.empty() || std::any_of(s.radius_km.begin(), s.radius_km.end(), [](double r) { return r > 0; });
  return what_if ? ParkMembership::Location : ParkMembership::Declared;
}

Conformance conformanceAnalysis(const Model& m, const Filter& f, const ParkShapes& s, std::optional<ParkMembership> membership) {
  return parkConformance(m, f, s, membership ? *membership : membershipFor(s));
}

void ParkShapesProduct::update(const ProductInputs& in) {
  ParkSettings s = in.features.get<ParkSettings>(ids::kConformance);
  s.window_open = false;  // not a shape
  if (key_ && *key_ == s) return;
  key_ = s;
  shapes_ = std::make_shared<const ParkShapes>(parkShapes(s));
  ++revision_;
}

void ConformanceProduct::update(const ProductInputs& in) {
  wanted_ = in.wants(ids::kConformance);
  if (!wanted_) return;
  const auto* shapes = in.derived.product<ParkShapesProduct>(ids::kParkShapes);
  if (!shapes) return;
  value_.update({in.model_rev, in.filter, shapes->revision()},
                [&] { return conformanceAnalysis(*in.model, in.filter, shapes->shapes()); });
}

// ---- clusters ---------------------------------------------------------------------------------

ClusterResult clusterAnalysis(const Model& m, const Filter& f, const ClusterSettings& s, const ParkShapes& shapes, TaskControl* control) {
  ClusterResult out;
  out.result = dbscan(m, f, s.dbscan, control);
  if (out.result.cancelled) return out;
  out.hulls = clusterHulls(m, out.result, s.concave);
  out.parks = matchClustersToParks(m, out.result, out.hulls, shapes);
  out.parks_without_cluster = parksWithoutTheirCluster(m, out.parks);
  return out;
}

void ClusterProduct::update(const ProductInputs& in) {
  value_.poll();
  wanted_ = in.wants(ids::kClusters);
  if (!wanted_) return;
  const auto* shapes = in.derived.product<ParkShapesProduct>(ids::kParkShapes);
  if (!shapes) return;
  const ClusterSettings s = in.features.get<ClusterSettings>(ids::kClusters);
  std::shared_ptr<const ParkShapes> park_shapes = std::make_shared<ParkShapes>(shapes->shapes());
  value_.update({in.model_rev, in.filter, s, shapes->revision()},
                [model = in.model, f = in.filter, s, park_shapes](TaskControl& c) { return clusterAnalysis(*model, f, s, *park_shapes, &c); },
                async(in));
}

// ---- density ----------------------------------------------------------------------------------

DensityResult densityAnalysis(const Model& m, const Filter& f, const DensityParams& p, TaskControl* control) {
  DensityResult out;
  Extent area = districtsExtent(m);
  if (!area.valid())
    for (size_t i = 0; i < m.projects.size(); ++i)
      if (passes(m.projects, i, f)) area.add({m.projects.x[i], m.projects.y[i]});
  if (!area.valid()) return out;
  out.grid = kernelDensity(m, f, p, area, control);
  if (!out.grid.cancelled) out.breaks = densityBreaks(out.grid);
  out.weight_investment = p.weight_investment;
  return out;
}

void DensityProduct::update(const ProductInputs& in) {
  value_.poll();
  wanted_ = in.wants(ids::kDensity);
  if (!wanted_) return;
  const DensityParams p = in.features.get<DensitySettings>(ids::kHeatmap).params;
  value_.update({in.model_rev, in.filter, p.bandwidth_m, p.weight_investment, p.cell_m},
                [model = in.model, f = in.filter, p](TaskControl& c) { return densityAnalysis(*model, f, p, &c); }, async(in));
}

// ---- dispersion -------------------------------------------------------------------------------

void NniProduct::update(const ProductInputs& in) {
  value_.poll();
  wanted_ = in.wants(ids::kNni);
  if (!wanted_) return;
  value_.update({in.model_rev, in.filter}, [model = in.model, f = in.filter](TaskControl& c) { return nearestNeighbourIndex(*model, f, &c); },
                async(in));
}

}  // namespace cm
