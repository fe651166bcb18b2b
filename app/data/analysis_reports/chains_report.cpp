#include "data/analysis_reports/chains_report.h"

#include <algorithm>
#include <memory>

#include "data/gdal/analysis_export.h"
#include "data/analysis_reports/report_json.h"

namespace cm {

using nlohmann::json;
using namespace report;

json chainsJson(const Model& m, const std::vector<ChainArc>& arcs, const std::vector<ChainView>& views, bool members, int leader_row) {
  const Projects& p = m.projects;
  auto chainName = [&](size_t i) { return p.chain[i] < p.chain_names.size() ? p.chain_names[p.chain[i]] : std::string(); };
  json ja = json::array();
  json by_role = {{"upstream", 0}, {"midstream", 0}, {"downstream", 0}, {"unknown", 0}};
  for (const ChainArc& a : arcs) {
    const std::string role = chainRoleId(a.role);
    ja.push_back({{"leader", p.id[a.leader]},
                  {"follower", p.id[a.follower]},
                  {"chain", chainName(a.follower)},
                  {"role", role},
                  {"distance_m", num(a.distance_m, 1)}});
    by_role[role.empty() ? "unknown" : role] = by_role[role.empty() ? "unknown" : role].get<int>() + 1;
  }
  json jv = json::array();
  for (const ChainView& v : views) {
    json view = {{"chain", v.chain >= 0 && static_cast<size_t>(v.chain) < p.chain_names.size() ? p.chain_names[static_cast<size_t>(v.chain)] : ""},
                 {"main_park", parkRef(m, v.main_park)},
                 {"count", v.rows.size()},
                 {"leaders", v.leaders},
                 {"followers", v.followers},
                 {"median_to_leader_m", num(v.median_to_leader_m, 1)},
                 {"median_to_main_park_m", num(v.median_to_main_park_m, 1)}};
    if (members) {
      json mem = json::array();
      for (size_t k = 0; k < v.rows.size(); ++k) {
        const uint32_t i = v.rows[k];
        const int32_t l = p.leader_index[i];
        mem.push_back({{"id", p.id[i]},
                       {"role", chainRoleId(p.chainRoleAt(i))},
                       {"chain_leader", p.chain_leader[i] != 0},
                       {"leader", l >= 0 && static_cast<size_t>(l) < p.size() ? json(p.id[static_cast<size_t>(l)]) : json(nullptr)},
                       {"to_leader_m", num(v.to_leader_m[k], 1)},
                       {"to_main_park_m", num(v.to_main_park_m[k], 1)}});
      }
      view["members"] = mem;
    }
    jv.push_back(std::move(view));
  }
  json j = {{"analysis", "chains"}, {"arcs", ja}, {"arcs_by_role", by_role}, {"chains", jv}};
  if (leader_row >= 0) {
    const size_t l = static_cast<size_t>(leader_row);
    int64_t followers = 0;
    for (size_t i = 0; i < p.size(); ++i) followers += p.leader_index[i] == leader_row;
    j["leader"] = {{"id", p.id[l]}, {"name_zh", p.name_zh[l]}, {"name_en", p.name_en[l]}, {"chain", chainName(l)},
                   {"chain_leader", p.chain_leader[l] != 0}, {"followers", followers}};
  }
  return synthetic(m, j);
}

AnalysisCommand chainsCommand() {
  AnalysisCommand c;
  c.id = "chains";
  c.help = "chains (leaders, followers, distances)";
  c.flags = {{"--leader", "the chain leader (project id) whose followers to show", AnalysisFlag::Kind::Text, 0, 0, {}}};
  c.out_extensions = {".gpkg"};
  c.out_what = "a GeoPackage (.gpkg)";
  c.run = [](const AnalysisRequest& r) {
    const Model& m = r.model;
    const Filter& f = r.filter;
    const Projects& p = m.projects;
    int leader_row = -1;
    if (const std::string leader = r.args.text("--leader"); !leader.empty()) {
      const auto it = std::find(p.id.begin(), p.id.end(), leader);
      if (it == p.id.end()) return AnalysisReport::failure(2, "--leader: no project '" + leader + "' in the loaded projects");
      leader_row = static_cast<int>(it - p.id.begin());
    }
    auto arcs = std::make_shared<const std::vector<ChainArc>>(leaderArcs(m, f, leader_row));
    std::vector<int> chains;
    bool members = false;
    if (!f.chains.isAll()) {
      for (size_t k = 0; k < p.chain_names.size(); ++k)
        if (f.chains.contains(static_cast<int>(k))) chains.push_back(static_cast<int>(k));
      members = true;
    } else if (leader_row >= 0) {
      chains.push_back(p.chain[static_cast<size_t>(leader_row)]);
      members = true;
    } else {
      std::vector<char> seen(p.chain_names.size(), 0);
      for (size_t i = 0; i < p.size(); ++i)
        if (p.chain[i] < seen.size() && passes(p, i, f)) seen[p.chain[i]] = 1;
      for (size_t k = 0; k < seen.size(); ++k)
        if (seen[k]) chains.push_back(static_cast<int>(k));
    }
    std::vector<ChainView> views;
    for (int k : chains) views.push_back(chainView(m, f, k));
    AnalysisReport out;
    out.json = chainsJson(m, *arcs, views, members, leader_row);
    out.summary.push_back(std::to_string(arcs->size()) + " leader→follower arcs" +
                          (leader_row >= 0 ? " from " + p.id[static_cast<size_t>(leader_row)].str() + " (" +
                                                 p.name_zh[static_cast<size_t>(leader_row)].str() + ")"
                                           : ""));
    for (const ChainView& v : views) {
      if (v.rows.empty()) continue;
      out.summary.push_back("  " + p.chain_names[static_cast<size_t>(v.chain)] + ": " + std::to_string(v.rows.size()) + " projects, main park " +
                            (v.main_park >= 0 ? m.parks[static_cast<size_t>(v.main_park)].id : std::string("—")) + ", median to leader " +
                            km(v.median_to_leader_m) + ", to main park " + km(v.median_to_main_park_m));
    }
    out.write = [&m, arcs](const std::string& path, std::string& wrote) {
      AnalysisLayers layers;
      layers.arcs = arcs.get();
      return writeLayers(path, m, layers, wrote);
    };
    return out;
  };
  return c;
}

}  // namespace cm
