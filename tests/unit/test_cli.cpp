// The command line: flags → filter/extent, and the exit codes the README promises.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>
#include <string>
#include <tuple>
#include <utility>

#include "core/dates.h"
#include "core/layers.h"

using namespace cm;

static int exitOf(const std::string& args) {
  const std::string cmd = std::string(CHAINMAP_BIN_DIR) + "/chainmap --data " CHAINMAP_TEST_DATA " " + args + " >/dev/null 2>&1";
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

TEST(Cli, BadFlagsExitWith2) {
  EXPECT_EQ(exitOf("--stats --time 2024-13..2024-01"), 2);
  EXPECT_EQ(exitOf("--stats --ecosystem fintech"), 2);
  EXPECT_EQ(exitOf("--stats --sector farming"), 2);
  EXPECT_EQ(exitOf("--stats --district 999999"), 2);
  EXPECT_EQ(exitOf("--stats --layers roads"), 2);
  EXPECT_EQ(exitOf("--stats --no-such-flag"), 2);
  EXPECT_EQ(exitOf("--stats --lang fr"), 2);
  EXPECT_EQ(exitOf("--screenshot x.png --size 10x10"), 2);
}

TEST(Cli, StatsRunsWithoutAWindowAndMissingDataExitsWith1) {
  EXPECT_EQ(exitOf("--stats --time 2024-01..2024-07"), 0);
  const std::string cmd = std::string(CHAINMAP_BIN_DIR) + "/chainmap --data /nonexistent --stats >/dev/null 2>&1";
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(rc), 1);
}

// A tool line run with a 60-second limit: exit status (124 = it hung) and what it said on stderr.
// The stderr file is this process's own: CTest runs these tests side by side.
static std::pair<int, std::string> runTool(const std::string& line) {
  const std::string err = ::testing::TempDir() + "/tool_stderr_" + std::to_string(::getpid()) + ".txt";
  const int rc = std::system(("timeout 60 " + line + " >/dev/null 2>" + err).c_str());
  std::ifstream in(err);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, text};
}

TEST(Cli, ToolsRefuseANegativeCountAndSayWhatAPathReallyIs) {
  const std::string bin = CHAINMAP_BIN_DIR;
  const std::string dir = ::testing::TempDir() + "/cli_paths";
  std::filesystem::create_directories(dir);
  // "-5" into a size_t wrapped to 2^64 - 5 rows: chainmap-gen ran until killed.
  auto [rc, err] = runTool(bin + "/chainmap-gen --count -5 --out " + dir + "/g.csv");
  EXPECT_NE(rc, 124) << "chainmap-gen --count -5 hangs";
  EXPECT_NE(rc, 0);
  EXPECT_NE(err.find("--count"), std::string::npos) << err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/g.csv"));
  // A folder or a device where a file belongs: said as such, not "file not found".
  std::tie(rc, err) = runTool(bin + "/chainmap --data " CHAINMAP_TEST_DATA " --stats --projects " + dir);
  EXPECT_EQ(rc, 1);
  EXPECT_NE(err.find(dir + ": is a folder, not a file"), std::string::npos) << err;
  std::tie(rc, err) = runTool(bin + "/chainmap --data " CHAINMAP_TEST_DATA " --stats --projects /dev/null");
  EXPECT_EQ(rc, 1);
  EXPECT_NE(err.find("/dev/null: is not a regular file"), std::string::npos) << err;
  std::tie(rc, err) = runTool(bin + "/chainmap-data fetch --from " + dir + " --out " + dir + "/out");
  EXPECT_NE(rc, 0);
  EXPECT_NE(err.find(dir + ": is a folder, not a file"), std::string::npos) << err;
}

// Every program answers a command line it cannot take with exit 2 (not CLI11's own 105/109), a
// typo gets the option it was meant to be, a misspelt --data folder is said to be missing (with
// the folder of the nearest name), and a seed without --out leaves the committed sample alone.
TEST(Cli, BadCommandLinesExit2WithASuggestionAndNothingIsOverwritten) {
  const std::string bin = CHAINMAP_BIN_DIR;
  const std::string dir = ::testing::TempDir() + "/cli_suggest";
  std::filesystem::create_directories(dir);
  auto [rc, err] = runTool(bin + "/chainmap-gen --count -5 --out " + dir + "/g.csv");
  EXPECT_EQ(rc, 2) << err;
  std::tie(rc, err) = runTool(bin + "/chainmap --data " CHAINMAP_TEST_DATA " --stat");
  EXPECT_EQ(rc, 2);
  EXPECT_NE(err.find("did you mean --stats"), std::string::npos) << err;
  std::tie(rc, err) = runTool(bin + "/chainmap-data where --dat x");
  EXPECT_EQ(rc, 2);
  EXPECT_NE(err.find("did you mean --data"), std::string::npos) << err;
  // The test data folder with its last letter dropped: missing, and its real name suggested.
  const std::string data = CHAINMAP_TEST_DATA;
  const std::string typo = data.substr(0, data.size() - 1);
  std::tie(rc, err) = runTool(bin + "/chainmap --data " + typo + " --stats");
  EXPECT_EQ(rc, 1);
  EXPECT_NE(err.find(typo + "  (no such folder; did you mean"), std::string::npos) << err;
  const std::string sample = std::string(CHAINMAP_SOURCE_DIR) + "/assets/hangzhou/projects_sample.csv";
  const auto before = std::filesystem::last_write_time(sample);
  std::tie(rc, err) = runTool(bin + "/chainmap-gen --seed 7 --data " CHAINMAP_TEST_DATA);
  EXPECT_EQ(rc, 2);
  EXPECT_NE(err.find("--seed 7 needs --out FILE"), std::string::npos) << err;
  EXPECT_EQ(std::filesystem::last_write_time(sample), before) << "the committed sample was rewritten";
}

// --stats writes the projects' columnar cache, and reads the same figures back from it;
// --no-cache neither reads nor writes one.
TEST(Cli, NoCacheFlagLeavesNoCache) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("chainmap_cli_cache_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::string env = "CHAINMAP_CACHE_DIR=" + dir.string() + " ";
  auto stats = [&](const std::string& flags) {
    const fs::path out = dir.string() + ".json";
    const std::string cmd = env + std::string(CHAINMAP_BIN_DIR) + "/chainmap --data " CHAINMAP_TEST_DATA " --stats " + flags + " > " +
                            out.string() + " 2>/dev/null";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::ifstream in(out);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    fs::remove(out);
    return text;
  };
  const std::string fresh = stats("--no-cache");
  EXPECT_FALSE(fs::exists(dir));
  EXPECT_EQ(stats(""), fresh);  // parses and writes the cache
  ASSERT_TRUE(fs::exists(dir));
  long caches = 0, base = 0;  // one projects cache, one of the base map (and the PROJ pipelines, transforms.json)
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string n = e.path().filename().string();
    base += n.rfind("basemap-", 0) == 0;
    caches += n != "transforms.json" && n.rfind("basemap-", 0) != 0;
  }
  EXPECT_EQ(caches, 1);
  EXPECT_EQ(base, 1);
  EXPECT_TRUE(fs::exists(dir / "transforms.json"));
  EXPECT_EQ(stats(""), fresh);  // from the cache
  fs::remove_all(dir);
}

// The viewer links no GDAL: it loads chainmap-gdal.so when a file needs GDAL. A start from the
// caches (the base map's and the projects') never loads it, and gives the same figures.
TEST(Cli, AReopenFromTheCachesNeverLoadsGdal) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("chainmap_cli_gdal_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  auto stats = [&](const std::string& env) {
    const fs::path out = dir.string() + ".json", err = dir.string() + ".err";
    const std::string cmd = "CHAINMAP_TRACE=1 CHAINMAP_CACHE_DIR=" + dir.string() + " " + env + " " + std::string(CHAINMAP_BIN_DIR) +
                            "/chainmap --data " CHAINMAP_TEST_DATA " --stats > " + out.string() + " 2> " + err.string();
    const int rc = std::system(cmd.c_str());
    std::ifstream o(out), e(err);
    std::tuple<int, std::string, std::string> r{WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, std::string((std::istreambuf_iterator<char>(o)), {}),
                                                std::string((std::istreambuf_iterator<char>(e)), {})};
    fs::remove(out);
    fs::remove(err);
    return r;
  };
  const auto [rc1, first, err1] = stats("");
  EXPECT_EQ(rc1, 0) << err1;
  EXPECT_NE(err1.find("gdal: plugin loaded"), std::string::npos) << err1;  // the shapefiles were read
  EXPECT_NE(err1.find("loaded libproj"), std::string::npos) << err1;  // PROJ at first use (geo/proj_api.h) …
  EXPECT_EQ(err1.find("loaded libpq"), std::string::npos) << err1;     // … libpq only for a PostGIS table
  const auto [rc2, again, err2] = stats("");
  EXPECT_EQ(rc2, 0) << err2;
  EXPECT_EQ(again, first);
  EXPECT_EQ(err2.find("gdal: plugin loaded"), std::string::npos) << err2;
  EXPECT_NE(err2.find("load: base map (cache)"), std::string::npos) << err2;
  // From the caches (the base map with the parks, the projects, PROJ's pipelines) PROJ is not
  // loaded either: its ~30 libraries cost a cold start 30–100 ms.
  EXPECT_NE(err2.find("load: projects' cache opened"), std::string::npos) << err2;
  EXPECT_EQ(err2.find("loaded libproj"), std::string::npos) << err2;
  // From the caches the plugin is not even looked for; without them its absence is said plainly.
  const auto [rc3, cached, err3] = stats("CHAINMAP_GDAL_PLUGIN=/nonexistent/chainmap-gdal.so");
  EXPECT_EQ(rc3, 0) << err3;
  EXPECT_EQ(cached, first);
  // Nor PROJ: from the caches a PROJ that cannot be loaded changes nothing …
  const auto [rc5, noproj, err5] = stats("CHAINMAP_PROJ_LIBRARY_NAME=libchainmap-no-proj.so.0");
  EXPECT_EQ(rc5, 0) << err5;
  EXPECT_EQ(noproj, first);
  fs::remove_all(dir);
  const auto [rc4, none, err4] = stats("CHAINMAP_GDAL_PLUGIN=/nonexistent/chainmap-gdal.so");
  EXPECT_EQ(rc4, 1);
  EXPECT_NE(err4.find("/nonexistent/chainmap-gdal.so: GDAL's plugin cannot be loaded"), std::string::npos) << err4;
  // … and without them it is said, naming the library and what needs it.
  fs::remove_all(dir);
  const auto [rc6, none6, err6] = stats("CHAINMAP_PROJ_LIBRARY_NAME=libchainmap-no-proj.so.0");
  EXPECT_EQ(rc6, 1);
  EXPECT_NE(err6.find("libchainmap-no-proj.so.0 cannot be loaded ("), std::string::npos) << err6;
  EXPECT_NE(err6.find("reprojecting the map needs it"), std::string::npos) << err6;
  fs::remove_all(dir);
}

TEST(Cli, LayersParse) {
  const std::vector<std::string> known{"districts", "water", "projects", "labels"};
  auto l = parseLayers("districts,labels", known);
  ASSERT_TRUE(l);
  EXPECT_TRUE(l->on("districts"));
  EXPECT_TRUE(l->on("labels"));
  EXPECT_FALSE(l->on("projects"));
  EXPECT_FALSE(l->on("water"));
  EXPECT_TRUE(l->on("heatmap")) << "a layer the list does not know stays on by default";
  auto bad = parseLayers("districts,roads", known);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("districts,water,projects,labels"), std::string::npos) << bad.error();
  LayerVisibility v;
  v.set("water", false);
  v.set("water", false);
  v.set("districts", false);
  EXPECT_EQ(v.off, (std::vector<std::string>{"districts", "water"}));
  v.set("water", true);
  EXPECT_TRUE(v.on("water"));
}

TEST(Dates, ParseAndFormat) {
  EXPECT_EQ(formatDate(*parseDate("2024-02-29")), "2024-02-29");
  EXPECT_FALSE(parseDate("2023-02-29"));
  EXPECT_FALSE(parseDate("2024-1-5x"));
  EXPECT_EQ(*parseMonth("2024-07"), 2024 * 12 + 6);
  EXPECT_EQ(formatMonth(2024 * 12 + 6), "2024-07");
  EXPECT_EQ(monthOfDay(*parseDate("2024-07-31")), 2024 * 12 + 6);
}
