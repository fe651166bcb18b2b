// The analyses of the current filter to a GeoPackage (park conformance, projects outside parks,
// chain arcs, cluster hulls and labels) and, while the heatmap shows, its density as a GeoTIFF
// beside it — the same figures the window shows (each computed by its one function).
#include <imgui.h>

#include "core/analysis/products.h"
#include "data/gdal/analysis_export.h"
#include "ui/features/features.h"

namespace cm {

namespace {

void exportAnalysis(FeatureContext& c, const std::string& path) {
  const Model& m = c.model;
  const Filter& f = c.st.filter;
  const auto* shapes_p = c.derived.product<ParkShapesProduct>(ids::kParkShapes);
  const ParkShapes shapes = shapes_p ? shapes_p->shapes() : parkShapes(c.st.features.get<ParkSettings>(ids::kConformance));
  const auto* conf_p = c.derived.product<ConformanceProduct>(ids::kConformance);
  const Conformance conf = conf_p && conf_p->get() ? *conf_p->get() : conformanceAnalysis(m, f, shapes);
  const std::vector<ChainArc> arcs = leaderArcs(m, f, -1);
  const auto* clusters_p = c.derived.product<ClusterProduct>(ids::kClusters);
  const ClusterResult clusters = clusters_p && clusters_p->get()
                                     ? *clusters_p->get()
                                     : clusterAnalysis(m, f, c.st.features.get<ClusterSettings>(ids::kClusters), shapes);
  const ClusterRecords records = clusterRecords(clusters);
  auto r = writeAnalysisGpkg(path, m, {&conf, &shapes, &arcs, &records.hulls, &records.labels});
  if (!r) {
    c.st.errors.push_back(r.error());
    return;
  }
  std::string msg = std::string(tr(c.st.lang, S::AnaExported)) + " " + path;
  const auto* density_p = c.derived.product<DensityProduct>(ids::kDensity);
  if (const DensityResult* d = density_p ? density_p->get() : nullptr) {
    std::string tif = path;
    const auto dot = tif.rfind('.');
    tif = (dot == std::string::npos ? tif : tif.substr(0, dot)) + "-density.tif";
    auto ok = writeDensityGeoTiff(tif, d->grid.x0, d->grid.y0, d->grid.cell_m, d->grid.w, d->grid.h, d->grid.value, m.display_crs);
    if (ok) msg += " + " + tif;
    else c.st.errors.push_back(ok.error());
  }
  c.st.status = msg;
}

}  // namespace

UiFeature makeAnalysisExportFeature() {
  UiFeature f;
  f.id = "analysis_export";
  f.panels = {{"analysis_export", Dock::Left, false,
               [](UiContext& ui) {
                 if (ImGui::SmallButton(tr(ui.st.lang, S::AnaExport))) ui.st.requests.browse.push_back("export_analysis");
               },
               {}, "analysis", 90}};
  f.files = {{"export_analysis", true, {".gpkg"}, "chainmap-analysis.gpkg", exportAnalysis}};
  return f;
}

}  // namespace cm
