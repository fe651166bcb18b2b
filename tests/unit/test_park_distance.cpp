// The park-distance feature (core/analysis/park_distance.h, `--analyze park_distance`): each
// project's geodesic distance to the centre of the park it names, the per-park figures, and the
// command line agreeing with the core on the shipped sample.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "core/analysis/park_distance.h"
#include "geo/geodesic.h"
#include "run_cli.h"
#include "sample_model.h"

using namespace cm;

namespace {

class ParkDistance : public test::SampleSuite {};

std::string runCli(const std::string& args, int& code) {
  const test::CliRun r = test::runChainmap(std::string(CHAINMAP_BIN_DIR) + "/chainmap", args);
  code = r.code;
  return r.out;
}

}  // namespace

TEST_F(ParkDistance, EachProjectIsMeasuredToTheCentreOfItsOwnPark) {
  const Projects& p = m().projects;
  const std::vector<float> d = parkCentreDistances(m());
  ASSERT_EQ(d.size(), p.size());
  size_t named = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p.park_index[i] < 0) {
      EXPECT_TRUE(std::isnan(d[i])) << p.id[i];
      continue;
    }
    ++named;
    const Park& k = m().parks[static_cast<size_t>(p.park_index[i])];
    EXPECT_NEAR(d[i], geodesicDistanceM(p.lon[i], p.lat[i], k.lon, k.lat), 0.05) << p.id[i];  // float metres
  }
  EXPECT_GT(named, 1000u);
}

TEST_F(ParkDistance, PerParkFiguresAreRanksOfTheFilteredProjects) {
  const Projects& p = m().projects;
  const std::vector<float> d = parkCentreDistances(m());
  Filter f;
  f.ecosystems = 1u << static_cast<int>(Ecosystem::Bio);
  const auto figs = parkDistanceFigures(m(), f, d);
  ASSERT_EQ(figs.size(), m().parks.size());
  int64_t total = 0;
  for (const ParkDistanceFigures& g : figs) {
    std::vector<float> mine;
    for (size_t i = 0; i < p.size(); ++i)
      if (p.park_index[i] == g.park && passes(p, i, f)) mine.push_back(d[i]);
    ASSERT_EQ(g.count, static_cast<int64_t>(mine.size())) << m().parks[static_cast<size_t>(g.park)].id;
    total += g.count;
    if (mine.empty()) {
      EXPECT_TRUE(std::isnan(g.median_m));
      EXPECT_EQ(g.farthest_row, -1);
      continue;
    }
    std::sort(mine.begin(), mine.end());
    EXPECT_FLOAT_EQ(static_cast<float>(g.median_m), mine[(mine.size() + 1) / 2 - 1]);  // nearest rank
    EXPECT_FLOAT_EQ(static_cast<float>(g.max_m), mine.back());
    EXPECT_LE(g.median_m, g.p90_m);
    EXPECT_LE(g.p90_m, g.max_m);
    EXPECT_FLOAT_EQ(d[static_cast<size_t>(g.farthest_row)], mine.back());
    const double r = 1000 * m().parks[static_cast<size_t>(g.park)].radius_km;
    EXPECT_EQ(g.beyond_radius, std::count_if(mine.begin(), mine.end(), [&](float v) { return v > r; }));
  }
  EXPECT_GT(total, 0);
}

// A project its park's circle does not hold is counted beyond the radius: the check a planner runs.
TEST_F(ParkDistance, AProjectOutsideItsParksCircleIsCountedBeyondTheRadius) {
  Model moved = m();
  Projects& p = moved.projects;
  size_t i = 0;
  while (i < p.size() && p.park_index[i] < 0) ++i;
  ASSERT_LT(i, p.size());
  const int k = p.park_index[i];
  p.lat[i] += 0.2;  // about 22 km north
  const auto before = parkDistanceFigures(m(), Filter{}, parkCentreDistances(m()));
  const auto after = parkDistanceFigures(moved, Filter{}, parkCentreDistances(moved));
  EXPECT_EQ(after[static_cast<size_t>(k)].beyond_radius, before[static_cast<size_t>(k)].beyond_radius + 1);
  EXPECT_EQ(after[static_cast<size_t>(k)].farthest_row, static_cast<int64_t>(i));
  EXPECT_GT(after[static_cast<size_t>(k)].max_m, 15000);  // 22 km from where it was, within a few km of the centre
}

TEST_F(ParkDistance, TheCommandLineSaysWhatTheCoreComputes) {
  int code = -1;
  const nlohmann::json j = nlohmann::json::parse(runCli("--analyze park_distance --json --ecosystem bio", code), nullptr, false);
  ASSERT_EQ(code, 0);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["analysis"], "park_distance");
  EXPECT_EQ(j["synthetic"], true);
  Filter f;
  f.ecosystems = 1u << static_cast<int>(Ecosystem::Bio);
  const auto figs = parkDistanceFigures(m(), f, parkCentreDistances(m()));
  std::map<std::string, const ParkDistanceFigures*> by_id;
  for (const ParkDistanceFigures& g : figs)
    if (g.count) by_id[m().parks[static_cast<size_t>(g.park)].id] = &g;
  ASSERT_EQ(j["parks"].size(), by_id.size());
  int64_t projects = 0;
  for (const nlohmann::json& e : j["parks"]) {
    const ParkDistanceFigures* g = by_id.at(e["id"].get<std::string>());
    EXPECT_EQ(e["count"], g->count);
    EXPECT_NEAR(e["median_m"].get<double>(), g->median_m, 0.05);
    EXPECT_NEAR(e["max_m"].get<double>(), g->max_m, 0.05);
    EXPECT_EQ(e["beyond_radius"], g->beyond_radius);
    projects += g->count;
  }
  EXPECT_EQ(static_cast<int64_t>(j["projects"].size()), projects);
  // Its flags are its own: a clusters flag is refused, and it writes no layers.
  runCli("--analyze park_distance --eps 900", code);
  EXPECT_EQ(code, 2);
  runCli("--analyze park_distance --analyze-out /tmp/x.gpkg", code);
  EXPECT_EQ(code, 2);
}
