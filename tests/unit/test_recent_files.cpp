// Recent files: order, duplicates, the limit, passwords never stored, the JSON file (round trip,
// atomic replacement, missing or broken files), and where it lives.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "file_text.h"
#include "temp_dir.h"
#include "ui_support/recent_files.h"
#include "env_guard.h"

using namespace cm;
namespace fs = std::filesystem;

using test::slurp;
using test::shellQuote;

namespace {

using test::TempDir;



using cm::test::EnvGuard;
using cm::test::namesIn;

}  // namespace

TEST(RecentFiles, MostRecentFirst) {
  RecentFiles r;
  r.add("/data/a.csv");
  r.add("/data/b.xlsx");
  r.add("/data/c.gpkg");
  EXPECT_EQ(r.items(), (std::vector<std::string>{"/data/c.gpkg", "/data/b.xlsx", "/data/a.csv"}));
  EXPECT_EQ(r.limit(), 10u);
}

TEST(RecentFiles, ReopeningMovesToFrontWithoutDuplicate) {
  RecentFiles r;
  r.add("/data/a.csv");
  r.add("/data/b.csv");
  r.add("/data/c.csv");
  r.add("/data/a.csv");
  EXPECT_EQ(r.items(), (std::vector<std::string>{"/data/a.csv", "/data/c.csv", "/data/b.csv"}));
  // The same file written differently is the same entry.
  r.add("/data/./b.csv");
  r.add("/data/x/../c.csv");
  EXPECT_EQ(r.items(), (std::vector<std::string>{"/data/c.csv", "/data/b.csv", "/data/a.csv"}));
  r.add("");  // ignored
  EXPECT_EQ(r.size(), 3u);
  EXPECT_TRUE(r.remove("/data/b.csv"));
  EXPECT_FALSE(r.remove("/data/b.csv"));
  EXPECT_EQ(r.items(), (std::vector<std::string>{"/data/c.csv", "/data/a.csv"}));
}

TEST(RecentFiles, RelativePathsBecomeAbsolute) {
  RecentFiles r;
  r.add("projects.csv");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.items()[0], (fs::current_path() / "projects.csv").lexically_normal().string());
}

TEST(RecentFiles, LimitDropsTheOldest) {
  RecentFiles r;
  for (int i = 0; i < 14; ++i) r.add("/d/f" + std::to_string(i) + ".csv");
  ASSERT_EQ(r.size(), 10u);
  EXPECT_EQ(r.items().front(), "/d/f13.csv");
  EXPECT_EQ(r.items().back(), "/d/f4.csv");

  RecentFiles three(3);
  for (int i = 0; i < 5; ++i) three.add("/d/f" + std::to_string(i) + ".csv");
  EXPECT_EQ(three.items(), (std::vector<std::string>{"/d/f4.csv", "/d/f3.csv", "/d/f2.csv"}));
  three.setLimit(1);
  EXPECT_EQ(three.items(), (std::vector<std::string>{"/d/f4.csv"}));
}

TEST(RecentFiles, DatabasePasswordNeverStored) {
  TempDir t;
  RecentFiles r;
  r.add("PG:host=db.example dbname=invest password=s3cret user=planner");
  r.add("/data/a.csv");
  r.add("PG:host=db.example dbname=invest password='other secret' user=planner");  // same database
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r.items()[0], "PG:host=db.example dbname=invest user=planner");
  EXPECT_EQ(r.items()[1], "/data/a.csv");
  const fs::path file = t.path / "recent.json";
  ASSERT_EQ(r.save(file.string()), "");
  const std::string text = slurp(file);
  EXPECT_EQ(text.find("s3cret"), std::string::npos);
  EXPECT_EQ(text.find("other secret"), std::string::npos);
  EXPECT_EQ(text.find("password"), std::string::npos);

  // A file written by hand (or an older version) with a password loses it on load.
  test::writeText(file, R"({"version": 1, "recent": ["PG:dbname=x password=hunter2 host=h", "/a.csv"]})");
  RecentFiles back;
  EXPECT_EQ(back.load(file.string()), "");
  EXPECT_EQ(back.items(), (std::vector<std::string>{"PG:dbname=x host=h", "/a.csv"}));
}

TEST(RecentFiles, SaveLoadRoundTrip) {
  TempDir t;
  RecentFiles r;
  r.add("/data/杭州 项目/2024年签约.xlsx");
  r.add("PG:host=h dbname=d");
  r.add("/data/b \"quoted\".csv");
  const fs::path file = t.path / "nested" / "deeper" / "recent.json";  // parent folders are created
  ASSERT_EQ(r.save(file.string()), "");
  ASSERT_TRUE(fs::exists(file));

  RecentFiles back;
  back.add("/stale.csv");  // replaced by the file's list
  EXPECT_EQ(back.load(file.string()), "");
  EXPECT_EQ(back.items(), r.items());

  // A smaller limit keeps the most recent ones.
  RecentFiles two(2);
  EXPECT_EQ(two.load(file.string()), "");
  EXPECT_EQ(two.items(), (std::vector<std::string>{r.items()[0], r.items()[1]}));
}

TEST(RecentFiles, AtomicSaveLeavesNoTemporaryFile) {
  TempDir t;
  const fs::path file = t.path / "recent.json";
  RecentFiles r;
  r.add("/one.csv");
  ASSERT_EQ(r.save(file.string()), "");
  r.add("/two.csv");
  ASSERT_EQ(r.save(file.string()), "");  // replaces the existing file
  EXPECT_EQ(namesIn(t.path), (std::vector<std::string>{"recent.json"}));
  RecentFiles back;
  EXPECT_EQ(back.load(file.string()), "");
  EXPECT_EQ(back.items(), (std::vector<std::string>{"/two.csv", "/one.csv"}));

  // A save that cannot complete (the target is a folder) reports it and leaves no temporary file.
  const fs::path blocked = t.path / "blocked";
  fs::create_directories(blocked / "inside");
  const std::string msg = r.save(blocked.string());
  EXPECT_NE(msg, "");
  EXPECT_NE(msg.find(blocked.string()), std::string::npos) << msg;
  EXPECT_EQ(namesIn(t.path), (std::vector<std::string>{"blocked", "recent.json"}));
  EXPECT_TRUE(fs::is_directory(blocked / "inside"));

  // A parent that is a file: a message, nothing thrown, the old file untouched.
  test::writeText(t.path / "plain", "x");
  EXPECT_NE(r.save((t.path / "plain" / "recent.json").string()), "");
  EXPECT_EQ(back.load(file.string()), "");
  EXPECT_EQ(back.size(), 2u);
}

TEST(RecentFiles, MissingFileLoadsEmptyWithoutMessage) {
  TempDir t;
  RecentFiles r;
  r.add("/x.csv");
  EXPECT_EQ(r.load((t.path / "none.json").string()), "");
  EXPECT_TRUE(r.empty());
}

TEST(RecentFiles, BrokenFileLoadsEmptyWithMessage) {
  TempDir t;
  const fs::path file = t.path / "recent.json";
  for (const std::string& text : {std::string("{\"version\": 1, \"recent\": [\"/a.csv\""),  // cut off
                                  std::string("not json at all"), std::string(""),
                                  std::string("{\"recent\": 5}"), std::string("42")}) {
    test::writeText(file, text);
    RecentFiles r;
    r.add("/before.csv");
    const std::string msg = r.load(file.string());
    EXPECT_TRUE(r.empty()) << text;
    EXPECT_NE(msg, "") << text;
    EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
  }
  // Entries of the wrong type are skipped, the rest kept.
  test::writeText(file, R"({"recent": ["/a.csv", 3, null, "/b.csv", "/a.csv"]})");
  RecentFiles r;
  EXPECT_EQ(r.load(file.string()), "");
  EXPECT_EQ(r.items(), (std::vector<std::string>{"/a.csv", "/b.csv"}));
}

TEST(RecentFiles, PathFollowsXdgDataHome) {
  EnvGuard xdg("XDG_DATA_HOME"), home("HOME");
  ::setenv("XDG_DATA_HOME", "/srv/xdg", 1);
  EXPECT_EQ(recentFilesPath(), "/srv/xdg/chainmap/recent.json");
  ::unsetenv("XDG_DATA_HOME");
  ::setenv("HOME", "/home/planner", 1);
  EXPECT_EQ(recentFilesPath(), "/home/planner/.local/share/chainmap/recent.json");
}
