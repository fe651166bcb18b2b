// The planner's analyses in the sidebar (分析): clusters (DBSCAN eps, minPts, per ecosystem,
// concave hulls), the density heatmap (bandwidth, weight), park conformance and dispersion
// windows, projects outside parks, one chain across the city, park boundaries, export. Each
// switch is the layer of the same name; what is not shown is not computed.
#include <imgui.h>

#include <cmath>

#include "core/analysis/chains.h"
#include "core/names.h"
#include "geo/measure.h"
#include "ui/panels.h"

namespace cm {

void drawAnalysisPanel(UiContext& ui) {
  AppState& st = ui.st;
  AppState::Analysis& a = st.analysis;
  const Lang L = st.lang;
  const float s = ui.s();
  if (!ImGui::CollapsingHeader(tr(L, S::Analysis))) return;
  if (ui.derived.remote()) {  // remote mode: the analyses need the rows
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", tr(L, S::RemoteNoRows));
    ImGui::PopTextWrapPos();
    return;
  }
  const AnalysisProducts* ap = ui.frame.analyses;
  if (ap && ap->pending()) {
    ImGui::TextDisabled("%s", tr(L, S::AnaComputing));
    ImGui::SameLine();
    ImGui::ProgressBar(ap->progress(), {-FLT_MIN, 0});
  }
  // Clusters.
  bool clusters = st.layers.on("clusters");
  if (ImGui::Checkbox(tr(L, S::AnaClusters), &clusters)) st.layers.set("clusters", clusters);
  if (clusters) {
    ImGui::Indent(10 * s);
    float eps = static_cast<float>(a.dbscan.eps_m);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::SliderFloat("##eps", &eps, 200, 5000, (std::string(tr(L, S::AnaEps)) + " %.0f").c_str(), ImGuiSliderFlags_Logarithmic))
      a.dbscan.eps_m = std::round(eps / 50) * 50;
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::SliderInt("##minpts", &a.dbscan.min_pts, 2, 30, (std::string(tr(L, S::AnaMinPts)) + " %d").c_str());
    ImGui::Checkbox(tr(L, S::AnaByEco), &a.dbscan.by_ecosystem);
    ImGui::Checkbox(tr(L, S::AnaConcave), &a.concave);
    if (const ClusterProduct* c = ap ? ap->clusters() : nullptr) {
      int emerging = 0;
      for (const ClusterPark& cp : c->parks) emerging += cp.park < 0;
      ImGui::TextWrapped(tr(L, S::AnaClusterSummary), static_cast<int>(c->result.clusters.size()), emerging,
                         static_cast<int>(c->parks_without_cluster.size()));
    }
    ImGui::Unindent(10 * s);
  }
  // Density.
  bool heat = st.layers.on("heatmap");
  if (ImGui::Checkbox(tr(L, S::AnaDensity), &heat)) st.layers.set("heatmap", heat);
  if (heat) {
    ImGui::Indent(10 * s);
    float bw = static_cast<float>(a.density.bandwidth_m);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::SliderFloat("##bw", &bw, 300, 10000, (std::string(tr(L, S::AnaBandwidth)) + " %.0f").c_str(), ImGuiSliderFlags_Logarithmic))
      a.density.bandwidth_m = std::round(bw / 50) * 50;
    int w = a.density.weight_investment ? 1 : 0;
    ImGui::TextDisabled("%s", tr(L, S::AnaWeight));
    ImGui::SameLine();
    ImGui::RadioButton(tr(L, S::AnaWeightCount), &w, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr(L, S::AnaWeightInvest), &w, 1);
    a.density.weight_investment = w == 1;
    ImGui::Unindent(10 * s);
  }
  // Parks.
  bool outside = st.layers.on("outside");
  if (ImGui::Checkbox(tr(L, S::AnaOutside), &outside)) st.layers.set("outside", outside);
  if (ImGui::SmallButton(tr(L, S::AnaConformance))) a.conformance_open = !a.conformance_open;
  if (ImGui::SmallButton(tr(L, S::AnaDispersion))) a.nni_open = !a.nni_open;
  if (ImGui::SmallButton(tr(L, S::AnaBoundaries))) st.requests.open_park_boundaries = true;
  if (a.park_polygons) {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(L, S::AnaBoundariesClear))) {
      a.park_polygons.reset();
      a.park_polygons_file.clear();
      ++a.shapes_rev;
    }
    ImGui::TextDisabled("%s", a.park_polygons_file.c_str());
  }
  // One chain across the city.
  const Projects& p = ui.model.projects;
  ImGui::TextDisabled("%s", tr(L, S::AnaChainView));
  ImGui::SetNextItemWidth(-FLT_MIN);
  const std::string current = a.chain_view >= 0 ? chainName(ui.model, L, a.chain_view) : tr(L, S::AnaChainNone);
  if (ImGui::BeginCombo("##chain_view", current.c_str())) {
    if (ImGui::Selectable(tr(L, S::AnaChainNone), a.chain_view < 0)) a.chain_view = -1;
    for (size_t c = 0; c < p.chain_names.size(); ++c)
      if (ImGui::Selectable(chainName(ui.model, L, static_cast<int>(c)).c_str(), a.chain_view == static_cast<int>(c)))
        a.chain_view = static_cast<int>(c);
    ImGui::EndCombo();
  }
  if (a.chain_view >= 0) {
    const ChainView v = chainView(ui.model, st.filter, a.chain_view);
    auto dist = [](double m) { return std::isnan(m) ? std::string("—") : formatDistance(m); };
    ImGui::TextWrapped(tr(L, S::AnaChainMedians), dist(v.median_to_leader_m).c_str(), dist(v.median_to_main_park_m).c_str());
    if (v.main_park >= 0) ImGui::TextDisabled("%s", parkName(ui.model, L, v.main_park).c_str());
  }
  if (ImGui::SmallButton(tr(L, S::AnaExport))) st.requests.export_analysis = true;
}

}  // namespace cm
