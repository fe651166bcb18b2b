// Clusters: DBSCAN on the ellipsoid (eps metres, minPts, each ecosystem apart or together), their
// hulls (convex or concave) matched to the parks they sit in, computed while their layer is on.
#include <imgui.h>

#include <cmath>

#include "core/analysis/products.h"
#include "render/layers/layers.h"
#include "data/analysis_reports/clusters_report.h"
#include "ui/features/features.h"

namespace cm {

namespace {

void drawClustersSection(UiContext& ui) {
  AppState& st = ui.st;
  const Lang L = st.lang;
  bool on = st.layers.on(ids::kClusters);
  if (ImGui::Checkbox(tr(L, S::AnaClusters), &on)) st.layers.set(ids::kClusters, on);
  if (!on) return;
  ClusterSettings& c = st.features.get<ClusterSettings>(ids::kClusters);
  ImGui::Indent(10 * ui.s());
  float eps = static_cast<float>(c.dbscan.eps_m);
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::SliderFloat("##eps", &eps, 200, 5000, (std::string(tr(L, S::AnaEps)) + " %.0f").c_str(), ImGuiSliderFlags_Logarithmic))
    c.dbscan.eps_m = std::round(eps / 50) * 50;
  ImGui::SetNextItemWidth(-FLT_MIN);
  ImGui::SliderInt("##minpts", &c.dbscan.min_pts, 2, 30, (std::string(tr(L, S::AnaMinPts)) + " %d").c_str());
  ImGui::Checkbox(tr(L, S::AnaByEco), &c.dbscan.by_ecosystem);
  ImGui::Checkbox(tr(L, S::AnaConcave), &c.concave);
  const auto* product = ui.derived.product<ClusterProduct>(ids::kClusters);
  if (const ClusterResult* r = product ? product->get() : nullptr) {
    int emerging = 0;
    for (const ClusterPark& cp : r->parks) emerging += cp.park < 0;
    ImGui::TextWrapped(tr(L, S::AnaClusterSummary), static_cast<int>(r->result.clusters.size()), emerging,
                       static_cast<int>(r->parks_without_cluster.size()));
  }
  ImGui::Unindent(10 * ui.s());
}

}  // namespace

UiFeature makeClustersFeature() {
  UiFeature f;
  f.id = ids::kClusters;
  f.settings = [] { return std::make_unique<Settings<ClusterSettings>>(); };
  f.products = [](Derived& d) { d.addProduct(ids::kClusters, std::make_unique<ClusterProduct>()); };
  f.layers = [](auto& v) { v.push_back(makeClustersLayer()); };
  f.panels = {{"clusters_analysis", Dock::Left, false, drawClustersSection, {}, "analysis", 10}};
  f.demands = [](const AppState& st, std::set<std::string>& out) {
    if (st.layers.on(ids::kClusters)) out.insert(ids::kClusters);
  };
  f.analyses = {clustersCommand()};
  return f;
}

}  // namespace cm
