#include "data/analysis_reports/clusters_report.h"

#include <memory>

#include "core/analysis/products.h"
#include "data/gdal/analysis_export.h"
#include "data/analysis_reports/report_json.h"

namespace cm {

using nlohmann::json;
using namespace report;

AnalysisCommand clustersCommand() {
  const ClusterSettings defaults;
  AnalysisCommand c;
  c.id = "clusters";
  c.help = "clusters (DBSCAN)";
  c.flags = {{"--eps", "DBSCAN radius in metres (default " + std::to_string(static_cast<int>(defaults.dbscan.eps_m)) + ")",
              AnalysisFlag::Kind::Number, 1.0, 100000.0, {}},
             {"--min-pts", "projects within --eps that make a core point (default " + std::to_string(defaults.dbscan.min_pts) + ")",
              AnalysisFlag::Kind::Integer, 1, 100000, {}},
             {"--by-ecosystem", std::string("cluster each ecosystem on its own (default ") + (defaults.dbscan.by_ecosystem ? "on" : "off") +
                                    ", as in the window; --by-ecosystem=false clusters them together)",
              AnalysisFlag::Kind::Switch, 0, 0, {}},
             {"--concave", "concave hulls (GEOS concave hull) instead of convex ones, as the window's switch", AnalysisFlag::Kind::Switch, 0, 0, {}}};
  for (const AnalysisFlag& f : parkShapeFlags()) c.flags.push_back(f);
  c.out_extensions = {".gpkg"};
  c.out_what = "a GeoPackage (.gpkg)";
  c.run = [defaults](const AnalysisRequest& r) {
    const Model& m = r.model;
    ParkSettings park_settings;
    std::vector<std::string> notes;
    if (AnalysisReport bad = parkSettingsFromArgs(r, park_settings, notes); bad.exit_code) return bad;
    ClusterSettings s = defaults;
    s.dbscan.eps_m = r.args.number("--eps", s.dbscan.eps_m);
    s.dbscan.min_pts = static_cast<int>(r.args.number("--min-pts", s.dbscan.min_pts));
    s.dbscan.by_ecosystem = r.args.on("--by-ecosystem", s.dbscan.by_ecosystem);
    s.concave = r.args.on("--concave", s.concave);
    const ClusterResult cr = clusterAnalysis(m, r.filter, s, parkShapes(park_settings));
    auto records = std::make_shared<const ClusterRecords>(clusterRecords(cr));
    const Projects& p = m.projects;
    json labels = json::object();
    for (const ClusterLabelRecord& l : records->labels) labels[p.id[l.row]] = l.label;
    json clusters = json::array();
    for (size_t k = 0; k < cr.result.clusters.size(); ++k) {
      const DbscanCluster& cl = cr.result.clusters[k];
      const ClusterHullRecord& h = records->hulls[k];
      clusters.push_back({{"id", cl.id},
                          {"count", cl.count},
                          {"investment_yi", num(cl.investment_yi, 2)},
                          {"ecosystem", ecoId(cl.ecosystem)},
                          {"centroid", {num(cl.centroid.x, 2), num(cl.centroid.y, 2)}},
                          {"hull", multiPolygon(h.hull)},
                          {"matched_park", parkRef(m, h.matched_park)},
                          {"overlap_share", num(h.overlap_share, 4)},
                          {"same_industry", h.same_industry}});
    }
    json without = json::array();
    for (int k : cr.parks_without_cluster) without.push_back(m.parks[static_cast<size_t>(k)].id);
    AnalysisReport out;
    out.notes = std::move(notes);
    out.json = synthetic(m, {{"analysis", "clusters"},
                             {"crs", m.display_crs},
                             {"eps_m", s.dbscan.eps_m},
                             {"min_pts", s.dbscan.min_pts},
                             {"by_ecosystem", s.dbscan.by_ecosystem},
                             {"concave", s.concave},
                             {"included", cr.result.included},
                             {"noise", cr.result.noise},
                             {"labels", labels},
                             {"clusters", clusters},
                             {"parks_without_their_cluster", without}});
    out.summary.push_back(std::to_string(cr.result.clusters.size()) + " clusters (eps " + std::to_string(static_cast<int>(s.dbscan.eps_m)) +
                          " m, min " + std::to_string(s.dbscan.min_pts) + (s.dbscan.by_ecosystem ? ", each ecosystem on its own" : "") +
                          "), " + std::to_string(cr.result.noise) + " of " + std::to_string(cr.result.included) + " projects are noise");
    for (size_t k = 0; k < cr.result.clusters.size() && k < 10; ++k) {
      const ClusterHullRecord& h = records->hulls[k];
      out.summary.push_back("  #" + std::to_string(h.cluster) + " " + ecoId(h.ecosystem) + ": " + std::to_string(h.count) + " projects, park " +
                            (h.matched_park >= 0 ? m.parks[static_cast<size_t>(h.matched_park)].id : std::string("none (emerging)")));
    }
    out.write = [&m, records](const std::string& path, std::string& wrote) {
      AnalysisLayers layers;
      layers.hulls = &records->hulls;
      layers.labels = &records->labels;
      return writeLayers(path, m, layers, wrote);
    };
    return out;
  };
  return c;
}

}  // namespace cm
