// The command line: flags → filter/extent, and the exit codes the README promises.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <string>

#include "core/dates.h"
#include "core/layers.h"

using namespace cm;

static int run(const std::string& args) {
  const std::string cmd = std::string(CHAINMAP_BIN_DIR) + "/chainmap --data " CHAINMAP_TEST_DATA " " + args + " >/dev/null 2>&1";
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

TEST(Cli, BadFlagsExitWith2) {
  EXPECT_EQ(run("--stats --time 2024-13..2024-01"), 2);
  EXPECT_EQ(run("--stats --ecosystem fintech"), 2);
  EXPECT_EQ(run("--stats --sector farming"), 2);
  EXPECT_EQ(run("--stats --district 999999"), 2);
  EXPECT_EQ(run("--stats --layers roads"), 2);
  EXPECT_EQ(run("--stats --no-such-flag"), 2);
  EXPECT_EQ(run("--stats --lang fr"), 2);
  EXPECT_EQ(run("--screenshot x.png --size 10x10"), 2);
}

TEST(Cli, StatsRunsWithoutAWindowAndMissingDataExitsWith1) {
  EXPECT_EQ(run("--stats --time 2024-01..2024-07"), 0);
  const std::string cmd = std::string(CHAINMAP_BIN_DIR) + "/chainmap --data /nonexistent --stats >/dev/null 2>&1";
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(rc), 1);
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
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  EXPECT_EQ(stats(""), fresh);  // from the cache
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
