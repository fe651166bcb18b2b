// The projects and parks CSV loaders on small hand-made fixtures (tests/fixtures).
#include <gtest/gtest.h>

#include "core/stats.h"
#include "sample_model.h"

using namespace cm;

static const std::string kFx = CHAINMAP_FIXTURES;

static bool contains(const std::vector<std::string>& v, const std::string& a, const std::string& b) {
  for (const std::string& s : v)
    if (s.find(a) != std::string::npos && s.find(b) != std::string::npos) return true;
  return false;
}

static std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += x + "\n";
  return s;
}

static void expectSmallFixture(const Model& m) {
  const Projects& p = m.projects;
  ASSERT_EQ(p.size(), 7u);
  EXPECT_EQ(p.name_en[0], "Qingxin Test IC Fab, Phase 1");             // quoted comma
  EXPECT_EQ(p.name_en[2], "Binjiang \"Test\" Synthetic Biology");       // doubled quotes
  EXPECT_EQ(p.name_zh[6], "新材料，含逗号的名称");
  EXPECT_EQ(p.leader_index[1], 0);
  EXPECT_EQ(p.chain_names[p.chain[0]], "integrated_circuits");
  EXPECT_EQ(p.stage[0], 8);  // construction_started
  EXPECT_EQ(p.stage[2], 2);  // empty stage, no start date → signed
  EXPECT_EQ(p.channel[1], Channel::OverseasMission);
  EXPECT_EQ(p.channel[6], Channel::Other);  // empty channel
  EXPECT_EQ(p.sector[3], Sector::Service);
  EXPECT_EQ(p.district_adcode[4], 330127);
  EXPECT_TRUE(p.in_park[0]);
  EXPECT_FALSE(p.in_park[5]);  // park set, point 13 km from the zone: outside its 5 km catchment
  EXPECT_EQ(p.park_index[3], -1);
  EXPECT_TRUE(m.projects_synthetic);
  EXPECT_NEAR(p.x[0], 0, 1e7);  // projected to the display CRS (metres), not degrees
  EXPECT_GT(std::abs(p.x[0]), 1000);

  Filter f;
  f.month_from = monthIndex(2024, 1);
  f.month_to = monthIndex(2024, 7);
  f.sectors = 1;  // manufacturing
  const Stats s = StatsEngine(m).query(f);
  EXPECT_EQ(s.total.count, 4);  // T2, T3, T5, T6
  EXPECT_NEAR(s.total.investment_yi, 71.0, 1e-9);
  EXPECT_EQ(s.in_parks, 2);     // T2, T3
  EXPECT_EQ(s.park_match, 1);   // T2 (iot in an iot zone); T3 is bio in the iot hi-tech zone
  EXPECT_NEAR(s.fdi_musd, 320.0, 1e-9);
  EXPECT_EQ(s.by_size[0].count, 3);
  EXPECT_EQ(s.by_size[1].count, 2);
  EXPECT_EQ(s.by_size[2].count, 1);
  EXPECT_EQ(s.by_ecosystem[static_cast<int>(Ecosystem::Iot)].count, 2);
  EXPECT_EQ(s.by_channel[static_cast<int>(Channel::SoeInvest)].count, 1);
  f.min_investment_yi = 1;
  EXPECT_EQ(StatsEngine(m).query(f).total.count, 3);
  EXPECT_EQ(computeStats(m, f).total.count, 3);
}

TEST(ProjectsCsv, SmallFixtureKnownStats) {
  Model m;
  std::vector<std::string> w;
  ASSERT_TRUE(test::loadModel(m, kFx + "/projects_small.csv", &w));
  EXPECT_TRUE(w.empty()) << joined(w);
  expectSmallFixture(m);
}

TEST(ProjectsCsv, BomAndCrlfReadTheSame) {
  Model m;
  std::vector<std::string> w;
  ASSERT_TRUE(test::loadModel(m, kFx + "/projects_small_bom_crlf.csv", &w));
  EXPECT_TRUE(w.empty()) << joined(w);
  EXPECT_EQ(m.projects.id[0], "T1");
  expectSmallFixture(m);
}

TEST(ProjectsCsv, MissingColumnIsAnErrorNamingFileAndColumn) {
  Model m;
  ASSERT_TRUE(test::loadMap(m));
  auto tr = Transform::create(kWgs84, kDefaultDisplayCrs);
  const std::string path = kFx + "/projects_missing_column.csv";
  auto r = loadProjectsCsv(path, *tr, m.districts, m.parks);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rfind(path + ": ", 0), 0u) << r.error();
  EXPECT_NE(r.error().find("'lon'"), std::string::npos) << r.error();
}

TEST(ProjectsCsv, BadRowsAreSkippedWithWarnings) {
  Model m;
  std::vector<std::string> w;
  const std::string path = kFx + "/projects_bad_rows.csv";
  ASSERT_TRUE(test::loadModel(m, path, &w));
  // T1 and P1 survive; P1 loses its unknown park and leader with a warning.
  ASSERT_EQ(m.projects.size(), 2u) << joined(w);
  EXPECT_EQ(m.projects.id[1], "P1");
  EXPECT_EQ(m.projects.park_index[1], -1);
  EXPECT_EQ(m.projects.leader_index[1], -1);
  for (const std::string& s : w) EXPECT_EQ(s.rfind(path + ": ", 0), 0u) << s;
  EXPECT_TRUE(contains(w, "row 2:", "lon '200.0'")) << joined(w);
  EXPECT_TRUE(contains(w, "row 3:", "lat 'NaN'")) << joined(w);
  EXPECT_TRUE(contains(w, "row 4:", "signed_date '2024-02-30'")) << joined(w);
  EXPECT_TRUE(contains(w, "row 5:", "unknown ecosystem 'fintech'")) << joined(w);
  EXPECT_TRUE(contains(w, "row 6:", "investment_yi 'lots'")) << joined(w);
  EXPECT_TRUE(contains(w, "row 7:", "duplicate id 'T1'")) << joined(w);
  EXPECT_TRUE(contains(w, "row 8:", "unknown park_id 'no_such_park'")) << joined(w);
  EXPECT_TRUE(contains(w, "row 9:", "UTF-8")) << joined(w);
  EXPECT_TRUE(contains(w, "'P1'", "leader_id 'NOPE'")) << joined(w);
  EXPECT_TRUE(contains(w, "7 of 9 rows skipped", "")) << joined(w);
}

TEST(ProjectsCsv, NoValidRowIsAnError) {
  Model m;
  ASSERT_TRUE(test::loadMap(m));
  auto tr = Transform::create(kWgs84, kDefaultDisplayCrs);
  const std::string path = kFx + "/projects_all_bad.csv";
  auto r = loadProjectsCsv(path, *tr, m.districts, m.parks);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().rfind(path + ": no valid project rows", 0), 0u) << r.error();
  auto missing = loadProjectsCsv("/nonexistent/projects.csv", *tr, m.districts, m.parks);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error(), "/nonexistent/projects.csv: file not found");
}

TEST(ParksCsv, ShippedParksHaveEcosystemAndCatchment) {
  auto tr = Transform::create(kWgs84, kDefaultDisplayCrs);
  auto p = loadParksCsv(test::parksFile(), *tr);
  ASSERT_TRUE(p) << p.error();
  ASSERT_EQ(p->size(), 19u);
  int iot = 0;
  for (const Park& k : *p) {
    EXPECT_GT(k.radius_km, 0.9) << k.id;
    EXPECT_LE(k.radius_km, 5.0) << k.id;
    iot += k.main_ecosystem == Ecosystem::Iot;
    if (k.id == "la_qingshanhu") {
      EXPECT_EQ(k.main_ecosystem, Ecosystem::Iot);
      EXPECT_EQ(k.district_adcode, 330112);
      EXPECT_NEAR(k.lon, 119.82, 1e-9);
    }
    if (k.id == "ca_edz_qiandaohu") EXPECT_EQ(k.main_ecosystem, Ecosystem::Other);
    if (k.id == "hz_etdz_xiasha") EXPECT_EQ(k.main_ecosystem, Ecosystem::Bio);
  }
  EXPECT_GE(iot, 5);
}

TEST(ParksCsv, UnknownEcosystemNamesRowAndColumn) {
  auto tr = Transform::create(kWgs84, kDefaultDisplayCrs);
  const std::string path = kFx + "/parks_bad_ecosystem.csv";
  auto p = loadParksCsv(path, *tr);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error(), path + ": row 2, column 'main_ecosystem': unknown ecosystem 'biotech' (expected iot, bio, equip, mat, energy or other)");
}

TEST(ParksCsv, TheUpstreamFileWithoutNewColumnsIsAClearError) {
  auto tr = Transform::create(kWgs84, kDefaultDisplayCrs);
  const std::string path = std::string(CHAINMAP_TEST_DATA) + "/parks.csv";
  auto p = loadParksCsv(path, *tr);
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().find("missing column 'main_ecosystem'"), std::string::npos) << p.error();
}
