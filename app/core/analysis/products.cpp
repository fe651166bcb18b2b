#include "core/analysis/products.h"

#include <algorithm>

namespace cm {

void AnalysisProducts::update(const std::shared_ptr<const Model>& model, uint64_t rev, const Filter& f, const AnalysisRequest& r) {
  const bool async = r.allow_async && model->projects.size() > kAsyncRows;
  shapes_ = r.shapes;
  want_clusters_ = r.clusters, want_density_ = r.density, want_conformance_ = r.conformance, want_nni_ = r.nni;
  clusters_.poll();
  density_.poll();
  nni_.poll();
  const ParkShapes shapes = this->shapes();
  if (r.clusters) {
    const DbscanParams p = r.dbscan;
    const bool concave = r.concave;
    clusters_.update(ClusterKey{rev, f, p.eps_m, p.min_pts, p.by_ecosystem, concave, r.shapes_rev},
                     [model, f, p, concave, shapes](TaskControl& c) {
                       ClusterProduct out;
                       out.result = dbscan(*model, f, p, &c);
                       if (out.result.cancelled) return out;
                       out.hulls = clusterHulls(*model, out.result, concave);
                       out.parks = matchClustersToParks(*model, out.result, out.hulls, shapes);
                       out.parks_without_cluster = parksWithoutTheirCluster(*model, out.parks);
                       return out;
                     },
                     async);
  }
  if (r.density) {
    const DensityParams p = r.density_params;
    density_.update(DensityKey{rev, f, p.bandwidth_m, p.weight_investment, p.cell_m},
                    [model, f, p](TaskControl& c) {
                      DensityProduct out;
                      out.grid = kernelDensity(*model, f, p, districtsExtent(*model), &c);
                      if (!out.grid.cancelled) out.breaks = densityBreaks(out.grid);
                      out.weight_investment = p.weight_investment;
                      return out;
                    },
                    async);
  }
  if (r.nni) nni_.update(FilterKey{rev, f}, [model, f](TaskControl& c) { return nearestNeighbourIndex(*model, f, &c); }, async);
  if (r.conformance) {
    // The parks as loaded decide membership until the user changes a shape (a what-if radius, a
    // boundary layer): then the shapes do.
    const bool what_if = !shapes.polygons.empty() ||
                         std::any_of(shapes.radius_km.begin(), shapes.radius_km.end(), [](double r) { return r > 0; });
    conformance_.update(ConformanceKey{rev, f, r.shapes_rev}, [&] {
      return parkConformance(*model, f, shapes, what_if ? ParkMembership::Location : ParkMembership::Declared);
    });
  }
}

float AnalysisProducts::progress() const {
  float p = 1;
  if (clusters_.pending()) p = std::min(p, clusters_.progress());
  if (density_.pending()) p = std::min(p, density_.progress());
  if (nni_.pending()) p = std::min(p, nni_.progress());
  return p;
}

void AnalysisProducts::wait() {
  clusters_.wait();
  density_.wait();
  nni_.wait();
}

}  // namespace cm
