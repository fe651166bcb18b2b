// `chainmap --analyze …`: the real binary, its JSON checked against --stats, its exit codes.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "data/gdal/gdal_util.h"
#include "run_cli.h"
#include "temp_dir.h"

using nlohmann::json;

namespace {

using RunResult = cm::test::CliRun;
RunResult run(const std::string& args) { return cm::test::runChainmap(std::string(CHAINMAP_BIN_DIR) + "/chainmap", args); }

json runJson(const std::string& args) {
  const RunResult r = run(args);
  EXPECT_EQ(r.code, 0) << args;
  json j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << args << "\n" << r.out.substr(0, 500);
  return j;
}

const char* kWindow = "--time 2024-01..2024-07 --sector manufacturing --min-investment 1";

TEST(AnalyzeCli, ParksAgreeWithStats) {
  const json a = runJson(std::string("--analyze parks --json ") + kWindow);
  const json s = runJson(std::string("--stats ") + kWindow);
  const json si = runJson(std::string("--stats --park in ") + kWindow);
  ASSERT_TRUE(a.is_object());
  EXPECT_EQ(a["analysis"], "parks");
  EXPECT_EQ(a["total"], 220);
  EXPECT_EQ(a["in_parks"], 186);
  EXPECT_EQ(a["in_parks"], s["in_parks"]);
  EXPECT_NEAR(a["in_parks_share"].get<double>(), 0.8455, 1e-4);
  EXPECT_NEAR(a["match_share"].get<double>(), s["park_match"].get<double>(), 1e-3);
  EXPECT_EQ(a["synthetic"], true);
  EXPECT_EQ(a["membership"], "declared");
  int64_t sum = 0;
  for (const json& p : a["parks"]) {
    const std::string id = p["id"];
    const int64_t expect = si["by_park"].contains(id) ? si["by_park"][id].get<int64_t>() : 0;
    EXPECT_EQ(p["count"].get<int64_t>(), expect) << id;
    EXPECT_EQ(p["mismatched"].size(), static_cast<size_t>(p["count"].get<int64_t>() - p["matching"].get<int64_t>())) << id;
    EXPECT_TRUE(p["lq"].contains("iot"));
    sum += p["count"].get<int64_t>();
  }
  EXPECT_EQ(sum, 186);
  for (const json& d : a["districts"]) {
    const std::string code = std::to_string(d["adcode"].get<int>());
    EXPECT_EQ(d["count"], s["by_district"][code]) << code;
  }
  ASSERT_EQ(a["outside"].size(), 34u);
  for (const json& o : a["outside"]) {
    EXPECT_TRUE(o["nearest_park"].is_string());
    EXPECT_GT(o["nearest_m"].get<double>(), 0);
    EXPECT_EQ(o["suggested_park"].is_null(), o["suggested_m"].is_null());
  }
}

TEST(AnalyzeCli, WhatIfRadiiAndTheGeoPackage) {
  cm::test::TempDir dir("chainmap-acli");
  const json base = runJson("--analyze parks --json");
  const json small = runJson("--analyze parks --json --park-radius la_qingshanhu=1,jd_edz=2");
  EXPECT_LT(small["in_parks"].get<int64_t>(), base["in_parks"].get<int64_t>());
  EXPECT_EQ(small["shapes"]["radius_km"]["la_qingshanhu"], 1.0);
  const json loc = runJson("--analyze parks --json --park-membership location");
  EXPECT_GT(loc["in_parks"].get<int64_t>(), base["in_parks"].get<int64_t>());

  const std::string gpkg = (dir.path / "parks.gpkg").string();
  EXPECT_EQ(run("--analyze parks --analyze-out " + gpkg).code, 0);
  cm::ensureGdalRegistered();
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  ASSERT_TRUE(ds);
  ASSERT_TRUE(ds->GetLayerByName("park_conformance"));
  ASSERT_TRUE(ds->GetLayerByName("outside_projects"));
  EXPECT_EQ(ds->GetLayerByName("outside_projects")->GetFeatureCount(), static_cast<GIntBig>(base["outside"].size()));
}

TEST(AnalyzeCli, ChainsOfLinansLeader) {
  // Find Lin'an's chain leader by asking for every arc, then ask for its own.
  const json all = runJson("--analyze chains --json");
  EXPECT_EQ(all["arcs"].size(), 30u);
  std::map<std::string, int> per_leader;
  for (const json& a : all["arcs"]) ++per_leader[a["leader"].get<std::string>()];
  std::string linan;
  for (const auto& [id, n] : per_leader)
    if (n == 12) linan = id;
  ASSERT_FALSE(linan.empty());
  const json j = runJson("--analyze chains --json --leader " + linan);
  EXPECT_EQ(j["leader"]["id"], linan);
  EXPECT_EQ(j["leader"]["followers"], 12);
  EXPECT_EQ(j["leader"]["chain"], "integrated_circuits");
  ASSERT_EQ(j["arcs"].size(), 12u);
  int roles = 0;
  for (const auto& [role, n] : j["arcs_by_role"].items()) roles += n.get<int>();
  EXPECT_EQ(roles, 12);
  EXPECT_EQ(j["arcs_by_role"]["unknown"], 0);
  ASSERT_EQ(j["chains"].size(), 1u);
  const json& v = j["chains"][0];
  EXPECT_EQ(v["chain"], "integrated_circuits");
  const json s = runJson("--stats");
  EXPECT_EQ(v["count"], s["by_chain"]["integrated_circuits"]);
  EXPECT_EQ(v["members"].size(), v["count"].get<size_t>());
  EXPECT_TRUE(v["median_to_leader_m"].is_number());
  // --chain picks the views (with members) and filters the arcs.
  const json c = runJson("--analyze chains --json --chain biologics");
  ASSERT_EQ(c["chains"].size(), 1u);
  EXPECT_EQ(c["chains"][0]["chain"], "biologics");
  for (const json& a : c["arcs"]) EXPECT_EQ(a["chain"], "biologics");
}

TEST(AnalyzeCli, ClustersDensityAndNni) {
  cm::test::TempDir dir("chainmap-acli");
  const json c = runJson("--analyze clusters --json --eps 1500 --min-pts 4 --by-ecosystem");
  ASSERT_TRUE(c["labels"].is_object());
  ASSERT_TRUE(c["clusters"].is_array());
  EXPECT_EQ(c["labels"].size(), c["included"].get<size_t>());
  ASSERT_FALSE(c["clusters"].empty());
  int64_t members = 0;
  for (const json& k : c["clusters"]) {
    members += k["count"].get<int64_t>();
    EXPECT_EQ(k["hull"]["type"], "MultiPolygon");
    EXPECT_FALSE(k["hull"]["coordinates"].empty());
  }
  EXPECT_EQ(members + c["noise"].get<int64_t>(), c["included"].get<int64_t>());
  const std::string tif = (dir.path / "d.tif").string();
  const RunResult d = run("--analyze density --json --bandwidth 2000 --analyze-out " + tif);
  EXPECT_EQ(d.code, 0);
  EXPECT_TRUE(std::filesystem::exists(tif));
  const json dj = json::parse(d.out, nullptr, false);
  ASSERT_FALSE(dj.is_discarded());
  EXPECT_GT(dj["w"].get<int>(), 0);
  const json n = runJson("--analyze nni --json");
  ASSERT_FALSE(n["groups"].empty());
  EXPECT_EQ(n["groups"][0]["group"], "all");
}

TEST(AnalyzeCli, BadFlagsExitWith2AndMissingDataWith1) {
  EXPECT_EQ(run("--analyze lakes").code, 2);
  EXPECT_EQ(run("--eps 500").code, 2);                      // an analysis flag without --analyze
  EXPECT_EQ(run("--stats --json").code, 2);
  EXPECT_EQ(run("--analyze parks --stats").code, 2);
  EXPECT_EQ(run("--analyze parks --time 2024-13..2024-01").code, 2);
  EXPECT_EQ(run("--analyze parks --park-radius nowhere=3").code, 2);
  EXPECT_EQ(run("--analyze parks --park-radius la_qingshanhu=wide").code, 2);
  EXPECT_EQ(run("--analyze parks --park-radius la_qingshanhu").code, 2);
  EXPECT_EQ(run("--analyze parks --park-membership nearest").code, 2);
  EXPECT_EQ(run("--analyze chains --leader NO-SUCH-ID").code, 2);
  EXPECT_EQ(run("--analyze density --weight area").code, 2);
  EXPECT_EQ(run("--analyze parks --analyze-out x.txt").code, 2);
  EXPECT_EQ(run("--analyze density --analyze-out x.gpkg").code, 2);
  EXPECT_EQ(run("--analyze nni --analyze-out x.gpkg").code, 2);
  EXPECT_EQ(run("--analyze nni --park-radius la_qingshanhu=2").code, 2);
  EXPECT_EQ(run("--analyze parks --eps 500").code, 2);        // a clusters flag
  EXPECT_EQ(run("--analyze clusters --leader SYN-00001").code, 2);
  EXPECT_EQ(run("--analyze chains --bandwidth 900").code, 2);
  EXPECT_EQ(run("--analyze parks --park-boundaries /nonexistent/parks.gpkg").code, 1);
  const std::string cmd = std::string(CHAINMAP_BIN_DIR) + "/chainmap --data /nonexistent --analyze parks >/dev/null 2>&1";
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(rc), 1);
}

}  // namespace
