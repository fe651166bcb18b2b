#include "core/analysis/products.h"

#include <algorithm>

#include "core/derived.h"
#include "core/names.h"
#include "geo/geodesic.h"

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

ProjectParkStatus projectParkStatus(const Model& m, const ParkShapes& s, int row) {
  ProjectParkStatus st;
  st.rule = membershipFor(s);
  const Projects& p = m.projects;
  if (row < 0 || static_cast<size_t>(row) >= p.size()) return st;
  const size_t i = static_cast<size_t>(row);
  const size_t np = m.parks.size();
  auto polygon = [&](size_t k) { return k < s.polygons.size() && !s.polygons[k].empty(); };
  auto own = [&](size_t k) { return !(k < s.radius_km.size() && s.radius_km[k] > 0) || s.radius_km[k] == m.parks[k].radius_km; };
  auto distance = [&](size_t k) { return geodesicDistanceM(p.lon[i], p.lat[i], m.parks[k].lon, m.parks[k].lat); };
  // parkConformance's test, park by park: under the declared rule a circle of the park's own radius
  // reads in_park for the park the project names (the loaders' rule); every other shape its geometry.
  auto inShape = [&](size_t k) {
    if (polygon(k)) return insidePark(m, s, static_cast<int>(k), p.x[i], p.y[i]);
    if (st.rule == ParkMembership::Declared && own(k) && p.park_index[i] == static_cast<int>(k)) return p.in_park[i] != 0;
    const double r = own(k) ? m.parks[k].radius_km : s.radius_km[k];
    return distance(k) <= 1000.0 * r;
  };
  if (p.park_index[i] >= 0 && static_cast<size_t>(p.park_index[i]) < np) st.declared = p.park_index[i];
  double best = 0;
  for (size_t k = 0; k < np; ++k) {
    if (!inShape(k)) continue;
    const double d = distance(k);
    if (st.containing < 0 || d < best) best = d, st.containing = static_cast<int>(k);
  }
  if (st.rule == ParkMembership::Declared) {
    if (st.declared >= 0 && inShape(static_cast<size_t>(st.declared))) st.counted = st.declared;
  } else {
    st.counted = st.containing;
  }
  const int shown = st.containing >= 0 ? st.containing : st.declared;
  st.polygon = shown >= 0 && polygon(static_cast<size_t>(shown));
  return st;
}

std::string parkStatusText(const Model& m, Lang L, const ProjectParkStatus& st) {
  char b[512];
  const char* shape = tr(L, st.polygon ? S::ParkShapeBoundary : S::ParkShapeCircle);
  auto name = [&](int k) { return parkName(m, L, k); };
  if (st.counted >= 0) {
    std::string t = std::string(tr(L, S::ParkL)) + (L == Lang::Zh ? "：" : ": ") + name(st.counted);
    if (st.declared >= 0 && st.declared != st.counted) {  // location rule: it counts where it lies
      std::snprintf(b, sizeof b, tr(L, S::ParkByLocationDeclares), name(st.declared).c_str());
      t += b;
    }
    return t;
  }
  if (st.declared >= 0 && st.containing >= 0 && st.containing != st.declared)
    std::snprintf(b, sizeof b, tr(L, S::ParkInsideDeclaresOther), name(st.containing).c_str(), shape, name(st.declared).c_str());
  else if (st.declared >= 0)
    std::snprintf(b, sizeof b, tr(L, S::ParkDeclaredOutside), name(st.declared).c_str(), shape);
  else if (st.containing >= 0)
    std::snprintf(b, sizeof b, tr(L, S::ParkInsideUndeclared), name(st.containing).c_str(), shape);
  else
    return tr(L, S::NoPark);
  return std::string(tr(L, S::NoPark)) + (L == Lang::Zh ? "：" : ": ") + b;
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
  out.parks_without_cluster = parksWithoutTheirCluster(m, out.parks, f);
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
