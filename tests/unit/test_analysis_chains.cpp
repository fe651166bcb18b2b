// Chains (core/analysis/chains.h) on the shipped sample, and the chain_role column through the
// generator, the canonical CSV loader, the importer and the export.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/analysis/chains.h"
#include "core/catalog.h"
#include "core/dates.h"
#include "core/stats.h"
#include "data/generator.h"
#include "data/gdal/export_projects.h"
#include "data/import/field_mapping.h"
#include "data/import/import_projects.h"
#include "data/gdal/table.h"
#include "data/import/values.h"
#include "geo/geodesic.h"
#include "geo/measure.h"
#include "sample_model.h"
#include "temp_dir.h"

using namespace cm;

namespace {

class Chains : public test::SampleSuite {
 protected:
  // Lin'an's 2023 chain leader (120亿, FACTS.md: twelve upstream/downstream followers).
  static int linanLeader() {
    const Projects& p = model_->projects;
    for (size_t i = 0; i < p.size(); ++i)
      if (p.chain_leader[i] && p.district_adcode[i] == 330112 && civilFromDays(p.signed_day[i]).y == 2023 && p.investment_yi[i] >= 100)
        return static_cast<int>(i);
    return -1;
  }
  static int chain(const char* id) {
    const auto& n = model_->projects.chain_names;
    return static_cast<int>(std::find(n.begin(), n.end(), id) - n.begin());
  }
};

TEST_F(Chains, LinanLeaderHasTwelveArcsWithDistancesAndRoles) {
  const int leader = linanLeader();
  ASSERT_GE(leader, 0);
  const Projects& p = m().projects;
  const auto arcs = leaderArcs(m(), Filter{}, leader);
  ASSERT_EQ(arcs.size(), 12u);
  int fifty = 0;
  std::map<ChainRole, int> roles;
  for (const ChainArc& a : arcs) {
    EXPECT_EQ(a.leader, static_cast<uint32_t>(leader));
    EXPECT_EQ(p.leader_index[a.follower], leader);
    EXPECT_DOUBLE_EQ(a.distance_m, geodesicDistanceM(p.lon[leader], p.lat[leader], p.lon[a.follower], p.lat[a.follower]));
    EXPECT_LT(a.distance_m, 100000);  // all in Lin'an
    EXPECT_EQ(a.role, p.chain_role[a.follower]);
    EXPECT_NE(a.role, ChainRole::Unknown) << "every follower knows its place in the chain";
    ++roles[a.role];
    fifty += p.investment_yi[a.follower] >= 50;
    // Materials suppliers of an IC leader are upstream.
    if (p.chain_names[p.chain[a.follower]] == "semiconductor_materials" || p.chain_names[p.chain[a.follower]] == "fine_chemicals")
      EXPECT_EQ(a.role, ChainRole::Upstream);
  }
  EXPECT_EQ(fifty, 1);
  EXPECT_GT(roles[ChainRole::Upstream], 0);
  EXPECT_GT(roles[ChainRole::Downstream], 0);
  EXPECT_EQ(p.chain_role[leader], ChainRole::Midstream);
  EXPECT_TRUE(std::is_sorted(arcs.begin(), arcs.end(), [](const ChainArc& a, const ChainArc& b) { return a.follower < b.follower; }));
  // The filter applies to the followers: 2024 only keeps the 2024 ones (six plus the ceremony's 50亿).
  Filter y24;
  y24.month_from = monthIndex(2024, 1);
  y24.month_to = monthIndex(2024, 12);
  EXPECT_EQ(leaderArcs(m(), y24, leader).size(), 6u);
  EXPECT_TRUE(leaderArcs(m(), Filter{}, static_cast<int>(p.size())).empty());
}

TEST_F(Chains, EveryLeaderPassingTheFilter) {
  const Projects& p = m().projects;
  const auto all = leaderArcs(m(), Filter{}, -1);
  size_t followers = 0;
  for (size_t i = 0; i < p.size(); ++i) followers += p.leader_index[i] >= 0;
  EXPECT_EQ(all.size(), followers);
  EXPECT_EQ(all.size(), 30u);  // Lin'an's 12 and three leaders with six each
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end(), [](const ChainArc& a, const ChainArc& b) { return a.leader < b.leader; }));
  std::map<uint32_t, int> per_leader;
  for (const ChainArc& a : all) ++per_leader[a.leader];
  EXPECT_EQ(per_leader.size(), 4u);
  for (const auto& [l, n] : per_leader) EXPECT_TRUE(p.chain_leader[l]);
  // Leaders signed in 2023: a 2024 window drops them (and so their arcs).
  Filter y24;
  y24.month_from = monthIndex(2024, 1);
  y24.month_to = monthIndex(2024, 12);
  EXPECT_TRUE(leaderArcs(m(), y24, -1).empty());
  // An ecosystem filter keeps the leaders of that ecosystem and their followers of it.
  Filter iot;
  iot.ecosystems = 1u << static_cast<int>(Ecosystem::Iot);
  for (const ChainArc& a : leaderArcs(m(), iot, -1)) {
    EXPECT_EQ(p.ecosystem[a.leader], Ecosystem::Iot);
    EXPECT_EQ(p.ecosystem[a.follower], Ecosystem::Iot);
  }
}

TEST_F(Chains, ChainViewAcrossTheCity) {
  const Projects& p = m().projects;
  const int ic = chain("integrated_circuits");
  Filter f;
  f.chains = IdSet::only(chain("biologics"));  // the view's chain is its own selection
  const ChainView v = chainView(m(), f, ic);
  const Stats s = computeStats(m(), Filter{});
  EXPECT_EQ(static_cast<int64_t>(v.rows.size()), s.by_chain[ic].count);
  ASSERT_EQ(v.to_leader_m.size(), v.rows.size());
  ASSERT_EQ(v.to_main_park_m.size(), v.rows.size());
  // The main park holds most of the chain's in-park projects.
  std::vector<int> count(m().parks.size(), 0);
  for (uint32_t i : v.rows)
    if (p.in_park[i]) ++count[p.park_index[i]];
  ASSERT_GE(v.main_park, 0);
  EXPECT_EQ(count[v.main_park], *std::max_element(count.begin(), count.end()));
  const Park& mp = m().parks[v.main_park];
  std::vector<double> to_leader;
  for (size_t k = 0; k < v.rows.size(); ++k) {
    const uint32_t i = v.rows[k];
    EXPECT_EQ(p.chain[i], ic);
    EXPECT_DOUBLE_EQ(v.to_main_park_m[k], geodesicDistanceM(p.lon[i], p.lat[i], mp.lon, mp.lat));
    if (p.leader_index[i] >= 0) {
      const uint32_t l = static_cast<uint32_t>(p.leader_index[i]);
      EXPECT_DOUBLE_EQ(v.to_leader_m[k], geodesicDistanceM(p.lon[i], p.lat[i], p.lon[l], p.lat[l]));
      to_leader.push_back(v.to_leader_m[k]);
    } else {
      EXPECT_TRUE(std::isnan(v.to_leader_m[k]));
    }
  }
  ASSERT_FALSE(to_leader.empty());
  EXPECT_EQ(v.followers, to_leader.size());
  EXPECT_EQ(v.leaders, 1u);  // Lin'an's IC leader
  std::sort(to_leader.begin(), to_leader.end());
  const size_t n = to_leader.size();
  EXPECT_DOUBLE_EQ(v.median_to_leader_m, n % 2 ? to_leader[n / 2] : 0.5 * (to_leader[n / 2 - 1] + to_leader[n / 2]));
  EXPECT_TRUE(std::isfinite(v.median_to_main_park_m));
  // A chain without followers: NaN median to a leader; an unknown chain: empty.
  const ChainView w = chainView(m(), Filter{}, chain("water_beverages"));
  EXPECT_EQ(w.rows.size(), 22u);
  EXPECT_TRUE(std::isnan(w.median_to_leader_m));
  EXPECT_EQ(w.main_park, [&] {
    for (size_t k = 0; k < m().parks.size(); ++k)
      if (m().parks[k].id == "ca_edz_qiandaohu") return static_cast<int>(k);
    return -1;
  }());
  const ChainView none = chainView(m(), Filter{}, 9999);
  EXPECT_TRUE(none.rows.empty());
  EXPECT_EQ(none.main_park, -1);
  EXPECT_TRUE(std::isnan(none.median_to_main_park_m));
}

// ---------------------------------------------------------------------------------------------
// The chain_role column

// Issue 18: the chain view of the sample's largest chain (视觉智能, no chain leader) showed "—"
// and drew nothing. It says that no project followed a leader, and names the main park's distance.
TEST_F(Chains, TheLargestChainsViewSaysWhyItHasNoLeaderDistance) {
  const Projects& p = m().projects;
  std::vector<int> n(p.chain_names.size(), 0);
  for (size_t i = 0; i < p.size(); ++i)
    if (p.chain[i] < n.size()) ++n[p.chain[i]];
  const int largest = static_cast<int>(std::max_element(n.begin(), n.end()) - n.begin());
  const ChainView v = chainView(m(), Filter{}, largest);
  ASSERT_EQ(static_cast<int>(v.rows.size()), n[static_cast<size_t>(largest)]);
  EXPECT_EQ(v.followers, 0u) << "the sample's largest chain has no leader: the case of the issue";
  EXPECT_TRUE(std::isnan(v.median_to_leader_m));
  ASSERT_GE(v.main_park, 0);
  for (Lang L : {Lang::Zh, Lang::En}) {
    const std::string t = chainViewSummary(m(), L, v);
    EXPECT_EQ(t.find("—"), std::string::npos) << t;
    EXPECT_NE(t.find(tr(L, S::ChainViewNoLeader)), std::string::npos) << t;
    EXPECT_NE(t.find(L == Lang::Zh ? m().parks[static_cast<size_t>(v.main_park)].name_zh : m().parks[static_cast<size_t>(v.main_park)].name_en),
              std::string::npos) << t;
    EXPECT_NE(t.find(std::to_string(v.rows.size())), std::string::npos) << t;
  }
  // A chain with a leader gives its median distance; one with no project in the filter says so.
  for (size_t c = 0; c < p.chain_names.size(); ++c) {
    const ChainView w = chainView(m(), Filter{}, static_cast<int>(c));
    if (w.followers == 0) continue;
    char d[64];
    std::snprintf(d, sizeof d, tr(Lang::En, S::ChainViewToLeader), formatDistance(w.median_to_leader_m).c_str());
    EXPECT_NE(chainViewSummary(m(), Lang::En, w).find(d), std::string::npos);
    break;
  }
  Filter none;
  none.min_investment_yi = 1e9f;
  EXPECT_EQ(chainViewSummary(m(), Lang::En, chainView(m(), none, largest)), tr(Lang::En, S::ChainViewEmpty));
}

TEST_F(Chains, TheSampleCarriesChainRoles) {
  const Projects& p = m().projects;
  ASSERT_EQ(p.chain_role.size(), p.size());
  std::map<ChainRole, int> n;
  for (size_t i = 0; i < p.size(); ++i) {
    ++n[p.chain_role[i]];
    if (p.chain_leader[i]) EXPECT_EQ(p.chain_role[i], ChainRole::Midstream) << p.id[i];
    if (p.leader_index[i] >= 0) EXPECT_NE(p.chain_role[i], ChainRole::Unknown) << p.id[i];
  }
  for (ChainRole r : {ChainRole::Upstream, ChainRole::Midstream, ChainRole::Downstream, ChainRole::Unknown}) EXPECT_GT(n[r], 50);
  EXPECT_LT(n[ChainRole::Unknown], static_cast<int>(p.size()) / 5);
}

TEST_F(Chains, ScaleSetsCarryChainRolesAndLeadersAreMidstream) {
  test::TempDir dir("chainmap-chains");
  const std::string path = (dir.path / "scale.csv").string();
  ASSERT_TRUE(generateProjects(path, GeneratorOptions{5, 3000}, m().districts, m().parks));
  Model big;
  std::vector<std::string> w;
  ASSERT_TRUE(test::loadModel(big, path, &w));
  EXPECT_TRUE(w.empty()) << w.front();
  const Projects& p = big.projects;
  int known = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    known += p.chain_role[i] != ChainRole::Unknown;
    if (p.chain_leader[i]) EXPECT_EQ(p.chain_role[i], ChainRole::Midstream);
    if (p.leader_index[i] >= 0) EXPECT_NE(p.chain_role[i], ChainRole::Unknown);
  }
  EXPECT_GT(known, 2500);
}

TEST(ChainRole, TextMatches) {
  EXPECT_EQ(*matchChainRole("上游"), ChainRole::Upstream);
  EXPECT_EQ(*matchChainRole("上游配套"), ChainRole::Upstream);
  EXPECT_EQ(*matchChainRole(" Upstream "), ChainRole::Upstream);
  EXPECT_EQ(*matchChainRole("中游"), ChainRole::Midstream);
  EXPECT_EQ(*matchChainRole("midstream"), ChainRole::Midstream);
  EXPECT_EQ(*matchChainRole("下游企业"), ChainRole::Downstream);
  EXPECT_EQ(*matchChainRole("down"), ChainRole::Downstream);
  EXPECT_EQ(*matchChainRole(""), ChainRole::Unknown);
  EXPECT_FALSE(matchChainRole("sideways"));
  EXPECT_STREQ(chainRoleId(ChainRole::Downstream), "downstream");
  EXPECT_STREQ(chainRoleZh(ChainRole::Upstream), "上游");
  EXPECT_STREQ(chainRoleId(ChainRole::Unknown), "");
}

TEST(ChainRole, TheCanonicalLoaderReadsItAndToleratesItsAbsence) {
  test::TempDir dir("chainmap-role");
  const std::filesystem::path f = dir.path / "roles.csv";
  std::ofstream(f) << "id,name_zh,ecosystem,investment_yi,signed_date,lon,lat,chain_role\n"
                      "A,甲,iot,2,2023-02-01,120.2,30.2,upstream\n"
                      "B,乙,bio,3,2023-02-01,120.2,30.2,下游\n"
                      "C,丙,mat,4,2023-02-01,120.2,30.2,\n"
                      "D,丁,mat,4,2023-02-01,120.2,30.2,sideways\n";
  Model m;
  std::vector<std::string> w;
  ASSERT_TRUE(test::loadModel(m, f.string(), &w));
  ASSERT_EQ(m.projects.size(), 4u);
  EXPECT_EQ(m.projects.chain_role[0], ChainRole::Upstream);
  EXPECT_EQ(m.projects.chain_role[1], ChainRole::Downstream);
  EXPECT_EQ(m.projects.chain_role[2], ChainRole::Unknown);
  EXPECT_EQ(m.projects.chain_role[3], ChainRole::Unknown);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("chain_role 'sideways'"), std::string::npos) << w[0];
  Model old;
  ASSERT_TRUE(test::loadModel(old, std::string(CHAINMAP_FIXTURES) + "/projects_small.csv", &w));
  EXPECT_TRUE(w.empty());
  ASSERT_EQ(old.projects.chain_role.size(), old.projects.size());
  for (ChainRole r : old.projects.chain_role) EXPECT_EQ(r, ChainRole::Unknown);
}

TEST(ChainRole, TheImporterMapsTheColumnAndTheExportWritesIt) {
  test::TempDir dir("chainmap-role");
  const std::filesystem::path f = dir.path / "台账.csv";
  std::ofstream(f) << "项目名称,总投资(亿元),签约日期,经度,纬度,产业链环节\n"
                      "甲项目,2,2024-03-05,120.2,30.2,上游\n"
                      "乙项目,3,2024-03-06,120.21,30.21,中游\n"
                      "丙项目,4,2024-03-07,120.22,30.22,下游企业\n"
                      "丁项目,5,2024-03-08,120.23,30.23,待定\n";
  Model m;
  ASSERT_TRUE(test::loadMap(m));
  auto t = readTable(f.string(), ReadOptions{});
  ASSERT_TRUE(t) << t.error();
  const FieldMapping map = guessMapping(*t);
  ASSERT_GE(map.column(Field::ChainRole), 0);
  EXPECT_EQ(t->columns[map.column(Field::ChainRole)], "产业链环节");
  EXPECT_EQ(map[Field::ChainRole].confidence, Confidence::High);
  auto tr = Transform::create(kWgs84, kDefaultDisplayCrs);
  auto r = importProjects(*t, map, m.districts, m.parks, *tr);
  ASSERT_TRUE(r) << r.error();
  const Projects& p = r->projects;
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p.chain_role[0], ChainRole::Upstream);
  EXPECT_EQ(p.chain_role[1], ChainRole::Midstream);
  EXPECT_EQ(p.chain_role[2], ChainRole::Downstream);
  EXPECT_EQ(p.chain_role[3], ChainRole::Unknown);
  bool reported = false;
  for (const auto& pr : r->report.problems) reported |= render(Lang::En, pr.what).find("产业链环节") != std::string::npos && pr.example == "待定";
  EXPECT_TRUE(reported);
  // A header "chain position" maps too; "产业链" alone stays the chain.
  RawTable t2;
  t2.columns = {"name", "investment", "date", "lon", "lat", "产业链", "chain position"};
  t2.rows = {{"a", "1", "2024-01-01", "120.2", "30.2", "集成电路", "upstream"}};
  const FieldMapping m2 = guessMapping(t2);
  EXPECT_EQ(m2.column(Field::ChainRole), 6);
  EXPECT_EQ(m2.column(Field::Chain), 5);

  // Export → the canonical CSV loader: the roles come back.
  m.projects = r->projects;
  const std::string out = (dir.path / "out.csv").string();
  ASSERT_TRUE(exportProjects(m, Filter{}, out));
  auto t3 = readTable(out, ReadOptions{});
  ASSERT_TRUE(t3) << t3.error();
  const auto col = std::find(t3->columns.begin(), t3->columns.end(), "chain_role");
  ASSERT_NE(col, t3->columns.end());
  const size_t c = static_cast<size_t>(col - t3->columns.begin());
  EXPECT_EQ(t3->rows[0][c], "upstream");
  EXPECT_EQ(t3->rows[2][c], "downstream");
  EXPECT_EQ(t3->rows[3][c], "");
}

}  // namespace
