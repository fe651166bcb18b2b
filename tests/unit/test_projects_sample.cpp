// The committed synthetic sample: every figure of the report comes out of the statistics engine
// exactly; the sample regenerates byte for byte; every point lies where it claims to.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/catalog.h"
#include "core/dates.h"
#include "core/stats.h"
#include "core/stats_report.h"
#include "data/generator.h"
#include "geo/geodesic.h"
#include "geo/geos_ops.h"
#include "sample_model.h"

using namespace cm;

namespace {

class Sample : public test::SampleSuite {
 protected:
  static int district(int adcode) {
    for (size_t i = 0; i < model_->districts.size(); ++i)
      if (model_->districts[i].adcode == adcode) return static_cast<int>(i);
    return -1;
  }
  // --time FROM..TO --sector manufacturing --min-investment MIN
  static Filter window(int y0, int m0, int y1, int m1, uint32_t sectors = 1, float min_inv = 1.f) {
    Filter f;
    f.month_from = monthIndex(y0, m0);
    f.month_to = monthIndex(y1, m1);
    f.sectors = sectors;
    f.min_investment_yi = min_inv;
    return f;
  }
};

TEST_F(Sample, LoadsCleanlyAndIsSynthetic) {
  EXPECT_TRUE(warnings_->empty()) << warnings_->front();
  EXPECT_GT(m().projects.size(), 1000u);
  EXPECT_TRUE(m().projects_synthetic);
  EXPECT_GE(m().projects.chain_names.size(), 20u);
  // The report's named chains are in the loaded sample, with projects (not just in the catalogue).
  const Stats all = computeStats(m(), Filter{});
  const auto& names = m().projects.chain_names;
  for (const char* c : {"visual_intelligence", "integrated_circuits", "synthetic_biology", "intelligent_robotics",
                        "new_energy_vehicles", "water_beverages"}) {
    const auto it = std::find(names.begin(), names.end(), c);
    ASSERT_NE(it, names.end()) << c;
    EXPECT_GT(all.by_chain[it - names.begin()].count, 10) << c;
  }
}

TEST_F(Sample, JanuaryToJulyManufacturingFigures) {
  StatsEngine engine(m());
  const Stats s = engine.query(window(2024, 1, 2024, 7));
  EXPECT_EQ(s.total.count, 220);
  EXPECT_EQ(s.by_size[0].count, 220);
  EXPECT_EQ(s.by_size[1].count, 38);
  EXPECT_EQ(s.by_size[2].count, 5);
  EXPECT_EQ(s.in_parks, 186);
  EXPECT_EQ(s.by_channel[static_cast<int>(Channel::SoeInvest)].count, 11);
  EXPECT_NEAR(s.fdi_musd, 2950.0, 1e-6);
  // 36 of the 38 >= 10亿 in the five ecosystems.
  Filter ten = window(2024, 1, 2024, 7, 1, 10.f);
  const Stats t = engine.query(ten);
  EXPECT_EQ(t.total.count, 38);
  EXPECT_EQ(t.total.count - t.by_ecosystem[static_cast<int>(Ecosystem::Other)].count, 36);
  // Without the investment floor the size classes are the same (smaller projects exist too).
  const Stats all = engine.query(window(2024, 1, 2024, 7, 1, 0.f));
  EXPECT_GT(all.total.count, 220);
  EXPECT_EQ(all.by_size[0].count, 220);
  EXPECT_EQ(all.by_size[1].count, 38);
  EXPECT_EQ(all.by_size[2].count, 5);
}

TEST_F(Sample, ForeignDirectInvestmentJanuaryToJuly) {
  StatsEngine engine(m());
  EXPECT_NEAR(engine.query(window(2024, 1, 2024, 7, 3, 0.f)).fdi_musd, 4790.0, 1e-6);
  EXPECT_NEAR(engine.query(window(2024, 1, 2024, 7, 1, 0.f)).fdi_musd, 2950.0, 1e-6);
}

TEST_F(Sample, LinanJulySigningCeremony) {
  const int la = park("la_qingshanhu");
  ASSERT_GE(la, 0);
  StatsEngine engine(m());
  const Stats any = engine.query(window(2024, 7, 2024, 7, 3, 0.f));
  EXPECT_EQ(any.by_park[la].count, 10);
  EXPECT_NEAR(any.by_park[la].investment_yi, 160.0, 1e-9);
  EXPECT_EQ(engine.query(window(2024, 7, 2024, 7, 3, 50.f)).by_park[la].count, 2);
  EXPECT_EQ(engine.query(window(2024, 7, 2024, 7, 3, 10.f)).by_park[la].count, 5);
  const Stats in = engine.query([&] { Filter f = window(2024, 7, 2024, 7, 3, 0.f); f.park = ParkMode::InPark; return f; }());
  EXPECT_EQ(in.by_park[la].count, 10);  // all inside the zone's catchment
}

TEST_F(Sample, LinanChainLeaderAndTwelveFollowers) {
  const Projects& p = m().projects;
  std::vector<size_t> leaders;
  for (size_t i = 0; i < p.size(); ++i)
    if (p.chain_leader[i] && p.district_adcode[i] == 330112 && civilFromDays(p.signed_day[i]).y == 2023 &&
        p.investment_yi[i] >= 100)
      leaders.push_back(i);
  ASSERT_EQ(leaders.size(), 1u);
  int followers = 0, fifty = 0;
  for (size_t i = 0; i < p.size(); ++i)
    if (p.leader_index[i] == static_cast<int32_t>(leaders[0])) {
      ++followers;
      fifty += p.investment_yi[i] >= 50;
      EXPECT_GT(p.signed_day[i], p.signed_day[leaders[0]]);
    }
  EXPECT_EQ(followers, 12);
  EXPECT_EQ(fifty, 1);
}

TEST_F(Sample, ChunanWaterBeveragesCumulative) {
  const int chain = *chainFromId("water_beverages");
  Filter f;
  f.chains = IdSet::only(chain);
  const Stats s = StatsEngine(m()).query(f);
  EXPECT_EQ(s.by_district[district(330127)].count, 22);
  EXPECT_EQ(s.total.count, 22);
}

TEST_F(Sample, NoMoreThanFourFiftyYiProjectsIn2023) {
  StatsEngine engine(m());
  const int64_t y2023 = engine.query(window(2023, 1, 2023, 12, 3, 50.f)).total.count;
  EXPECT_LE(y2023, 4);
  EXPECT_LT(y2023, engine.query(window(2024, 1, 2024, 7)).by_size[2].count);  // "more than in all of 2023"
}

TEST_F(Sample, ParksMostlyHoldTheirMainIndustry) {
  const Stats s = computeStats(m(), Filter{});
  EXPECT_GT(s.parkMatchShare(), 0.6);
  EXPECT_LT(s.parkMatchShare(), 0.95);  // realistic exceptions
  const Projects& p = m().projects;
  for (size_t k = 0; k < m().parks.size(); ++k) {
    std::array<int, kEcosystemCount> n{};
    for (size_t i = 0; i < p.size(); ++i)
      if (p.park_index[i] == static_cast<int>(k)) ++n[static_cast<int>(p.ecosystem[i])];
    const int main = static_cast<int>(m().parks[k].main_ecosystem);
    if (s.by_park[k].count < 20 || m().parks[k].main_ecosystem == Ecosystem::Other) continue;
    EXPECT_EQ(std::max_element(n.begin(), n.end()) - n.begin(), main) << m().parks[k].id;
  }
}

TEST_F(Sample, StageConsistentWithDates) {
  const Projects& p = m().projects;
  for (size_t i = 0; i < p.size(); ++i) {
    EXPECT_GE(p.signed_day[i], daysFromCivil(2023, 1, 1));
    EXPECT_LE(p.signed_day[i], daysFromCivil(2024, 12, 31));
    EXPECT_GE(p.stage[i], kStageSigned) << p.id[i];
    if (p.started_day[i] == Projects::kNoDay) {
      EXPECT_LT(p.stage[i], kStageConstructionStarted) << p.id[i];
    } else {
      EXPECT_GE(p.stage[i], kStageConstructionStarted) << p.id[i];
      EXPECT_GE(p.started_day[i], p.signed_day[i]) << p.id[i];
    }
  }
}

TEST_F(Sample, PointsInsideDistrictAndCatchment) {
  std::vector<const MultiPolygon*> polys;
  for (const District& d : m().districts) polys.push_back(&d.ll);
  PolygonSet set(polys);
  const Projects& p = m().projects;
  for (size_t i = 0; i < p.size(); ++i) {
    ASSERT_GE(p.district_index[i], 0) << p.id[i];
    EXPECT_TRUE(set.contains(p.district_index[i], p.lon[i], p.lat[i])) << p.id[i];
    if (p.park_index[i] >= 0) {
      const Park& k = m().parks[p.park_index[i]];
      EXPECT_LE(geodesicDistanceM(p.lon[i], p.lat[i], k.lon, k.lat), k.radius_km * 1000) << p.id[i];
      EXPECT_TRUE(p.in_park[i]) << p.id[i];
      EXPECT_EQ(k.district_adcode, p.district_adcode[i]) << p.id[i];
    }
  }
}

TEST_F(Sample, ReportWithTargetsAndSyntheticLabel) {
  auto t = loadTargets(assetDir() + "/targets.json");
  ASSERT_TRUE(t) << t.error();
  const nlohmann::json j = statsReport(m(), window(2024, 1, 2024, 7), &*t);
  EXPECT_EQ(j["count"], 220);
  EXPECT_EQ(j["in_parks"], 186);
  EXPECT_EQ(j["by_size"]["1"], 220);
  EXPECT_EQ(j["by_size"]["10"], 38);
  EXPECT_EQ(j["by_size"]["50"], 5);
  EXPECT_EQ(j["by_channel"]["soe_invest"], 11);
  EXPECT_DOUBLE_EQ(j["fdi_musd"].get<double>(), 2950.0);
  EXPECT_EQ(j["synthetic"], true);
  EXPECT_EQ(j["data"], "synthetic sample");
  EXPECT_DOUBLE_EQ(j["targets"]["projects_1yi"]["progress_pct"].get<double>(), 73.3);
  EXPECT_DOUBLE_EQ(j["targets"]["projects_10yi"]["progress_pct"].get<double>(), 69.1);
  EXPECT_EQ(j["by_month"].size(), 7u);
  EXPECT_EQ(j["by_park"]["la_qingshanhu"].get<int>() >= 10, true);
  int sum = 0;
  for (auto& [k, v] : j["by_ecosystem"].items()) sum += v.get<int>();
  EXPECT_EQ(sum, 220);
  std::printf("%s\n", j.dump(1).c_str());
}

TEST_F(Sample, EngineMatchesReferenceForRandomFilters) {
  StatsEngine engine(m());
  uint64_t s = 12345;
  auto rnd = [&](uint64_t n) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return (s >> 33) % n;
  };
  for (int trial = 0; trial < 300; ++trial) {
    Filter f;
    if (rnd(2)) f.ecosystems = static_cast<uint32_t>(rnd(64));
    auto randomSet = [&](int n) {
      IdSet set = IdSet::none();
      for (int i = 0; i < n; ++i)
        if (rnd(2)) set.set(i, true, n);
      return set;
    };
    if (rnd(3) == 0) f.chains = randomSet(static_cast<int>(m().projects.chain_names.size()));
    f.sectors = static_cast<uint32_t>(rnd(4));
    f.min_investment_yi = static_cast<float>(rnd(4) == 0 ? 0 : rnd(30));
    if (rnd(3) == 0) f.districts = randomSet(static_cast<int>(m().districts.size()));
    f.park = static_cast<ParkMode>(rnd(3));
    f.month_from = monthIndex(2022, 11) + static_cast<int>(rnd(28));
    f.month_to = f.month_from + static_cast<int>(rnd(26)) - 2;
    const Stats a = engine.query(f), b = computeStats(m(), f);
    ASSERT_EQ(a.total.count, b.total.count) << trial;
    EXPECT_NEAR(a.total.investment_yi, b.total.investment_yi, 1e-3);
    EXPECT_EQ(a.in_parks, b.in_parks);
    EXPECT_EQ(a.park_match, b.park_match);
    EXPECT_NEAR(a.fdi_musd, b.fdi_musd, 1e-3);
    for (int e = 0; e < kEcosystemCount; ++e) EXPECT_EQ(a.by_ecosystem[e].count, b.by_ecosystem[e].count);
    for (size_t k = 0; k < 4; ++k) EXPECT_EQ(a.by_size[k].count, b.by_size[k].count);
    for (int c = 0; c < kChannelCount; ++c) EXPECT_EQ(a.by_channel[c].count, b.by_channel[c].count);
    ASSERT_EQ(a.by_chain.size(), b.by_chain.size());
    for (size_t c = 0; c < a.by_chain.size(); ++c) EXPECT_EQ(a.by_chain[c].count, b.by_chain[c].count);
    for (size_t d = 0; d < a.by_district.size(); ++d) {
      EXPECT_EQ(a.by_district[d].count, b.by_district[d].count);
      EXPECT_NEAR(a.by_district[d].investment_yi, b.by_district[d].investment_yi, 1e-3);
    }
    for (size_t k = 0; k < a.by_park.size(); ++k) EXPECT_EQ(a.by_park[k].count, b.by_park[k].count);
    ASSERT_EQ(a.by_month.size(), b.by_month.size()) << trial;
    for (size_t k = 0; k < a.by_month.size(); ++k) {
      EXPECT_EQ(a.by_month[k].first, b.by_month[k].first);
      EXPECT_EQ(a.by_month[k].second.count, b.by_month[k].second.count);
      // The timeline's stacked bars: per ecosystem, adding up to the month's count.
      ASSERT_EQ(a.by_month_ecosystem.size(), a.by_month.size());
      EXPECT_EQ(a.by_month_ecosystem[k], b.by_month_ecosystem[k]) << trial << " month " << a.by_month[k].first;
      int64_t sum = 0;
      for (int64_t c : a.by_month_ecosystem[k]) sum += c;
      EXPECT_EQ(sum, a.by_month[k].second.count);
    }
  }
}

TEST_F(Sample, RegeneratesByteIdentical) {
  const auto tmp = std::filesystem::temp_directory_path() / "chainmap_regen_sample.csv";
  auto n = generateProjects(tmp.string(), GeneratorOptions{}, m().districts, m().parks);
  ASSERT_TRUE(n) << n.error();
  EXPECT_EQ(*n, m().projects.size());
  auto slurp = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const std::string a = slurp(tmp.string()), b = slurp(defaultProjectsFile());
  EXPECT_FALSE(a.empty());
  EXPECT_TRUE(a == b) << "regenerate with: chainmap-gen (default seed) and commit assets/hangzhou/projects_sample.csv";
  // Another seed gives other rows that still meet the report's figures.
  auto n2 = generateProjects(tmp.string(), GeneratorOptions{7, 0}, m().districts, m().parks);
  ASSERT_TRUE(n2);
  EXPECT_NE(slurp(tmp.string()), b);
  Model other;
  std::vector<std::string> warnings;
  ASSERT_TRUE(test::loadModel(other, tmp.string(), &warnings));
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  int moved = 0;  // the rows really differ: not the same projects in another order
  for (size_t i = 0; i < std::min(other.projects.size(), m().projects.size()); ++i)
    moved += other.projects.lon[i] != m().projects.lon[i] || other.projects.investment_yi[i] != m().projects.investment_yi[i];
  EXPECT_GT(moved, static_cast<int>(m().projects.size()) / 2);
  const Stats s = StatsEngine(other).query(window(2024, 1, 2024, 7));
  EXPECT_EQ(s.total.count, 220);
  EXPECT_EQ(s.by_size[1].count, 38);
  EXPECT_EQ(s.by_size[2].count, 5);
  EXPECT_EQ(s.in_parks, 186);
  EXPECT_NEAR(s.fdi_musd, 2950.0, 1e-6);
  std::filesystem::remove(tmp);
}

TEST_F(Sample, ScaleSetLoadsWithClustering) {
  const auto tmp = std::filesystem::temp_directory_path() / "chainmap_scale_2000.csv";
  auto n = generateProjects(tmp.string(), GeneratorOptions{1, 2000}, m().districts, m().parks);
  ASSERT_TRUE(n) << n.error();
  Model big;
  std::vector<std::string> warnings;
  ASSERT_TRUE(test::loadModel(big, tmp.string(), &warnings));
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  ASSERT_EQ(big.projects.size(), 2000u);
  const Stats s = computeStats(big, Filter{});
  EXPECT_GT(s.in_parks, 1200);  // most projects cluster in parks
  int leaders = 0, followers = 0;
  for (size_t i = 0; i < big.projects.size(); ++i) {
    leaders += big.projects.chain_leader[i];
    followers += big.projects.leader_index[i] >= 0;
  }
  EXPECT_GT(leaders, 0);
  EXPECT_GT(followers, 0);
  std::filesystem::remove(tmp);
}

}  // namespace
