// The file browser's folder listing (GL-free): extension filter, order, hidden files, sizes and
// dates, links, folders that cannot be read; file-name helpers.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

#include "temp_dir.h"
#include "ui_support/file_listing.h"

using namespace cm;
namespace fs = std::filesystem;

namespace {

using test::TempDir;

void touch(const fs::path& p, size_t bytes = 0) {
  std::ofstream out(p, std::ios::binary);
  out << std::string(bytes, 'x');
}

std::vector<std::string> names(const std::vector<DirEntry>& v) {
  std::vector<std::string> n;
  for (const DirEntry& e : v) n.push_back(e.name);
  return n;
}

}  // namespace

TEST(FileListing, FiltersByExtensionCaseInsensitively) {
  TempDir t;
  for (const char* f : {"a.csv", "B.CSV", "c.xlsx", "d.txt", "e.Shp", "notes.md", "csv", "x.csv.bak"})
    touch(t.path / f);
  fs::create_directories(t.path / "sub.md");  // folders are listed whatever their name
  std::string err = "stale";
  const auto v = listFolder(t.path.string(), {".csv", ".XLSX", ".shp"}, &err);
  EXPECT_EQ(err, "");
  EXPECT_EQ(names(v), (std::vector<std::string>{"sub.md", "a.csv", "B.CSV", "c.xlsx", "e.Shp"}));
  EXPECT_TRUE(v[0].is_dir);
  EXPECT_FALSE(v[1].is_dir);
  EXPECT_EQ(v[1].path, (t.path / "a.csv").string());

  // No extensions: every file.
  EXPECT_EQ(listFolder(t.path.string(), {}, nullptr).size(), 9u);
}

TEST(FileListing, FoldersFirstThenNaturalOrder) {
  TempDir t;
  for (const char* d : {"zeta", "Alpha", "2023", "10 reports", "9 reports"}) fs::create_directories(t.path / d);
  for (const char* f : {"p10.csv", "p2.csv", "P1.csv", "b.csv", "A.csv", "项目.csv", "p02.csv"}) touch(t.path / f);
  const auto v = listFolder(t.path.string(), {".csv"}, nullptr);
  EXPECT_EQ(names(v), (std::vector<std::string>{"9 reports", "10 reports", "2023", "Alpha", "zeta", "A.csv",
                                                "b.csv", "P1.csv", "p02.csv", "p2.csv", "p10.csv", "项目.csv"}));
  EXPECT_TRUE(naturalLess("file2", "file10"));
  EXPECT_FALSE(naturalLess("file10", "file2"));
  EXPECT_TRUE(naturalLess("abc", "ABD"));
  EXPECT_TRUE(naturalLess("ab", "abc"));
  EXPECT_FALSE(naturalLess("same", "same"));
}

TEST(FileListing, HiddenFilesAndFoldersSkipped) {
  TempDir t;
  touch(t.path / ".hidden.csv");
  touch(t.path / "shown.csv");
  fs::create_directories(t.path / ".git");
  fs::create_directories(t.path / "data");
  EXPECT_EQ(names(listFolder(t.path.string(), {".csv"}, nullptr)), (std::vector<std::string>{"data", "shown.csv"}));
  EXPECT_EQ(names(listFolder(t.path.string(), {}, nullptr)), (std::vector<std::string>{"data", "shown.csv"}));
}

TEST(FileListing, SizesDatesAndLinks) {
  TempDir t;
  touch(t.path / "big.csv", 3000);
  fs::create_directories(t.path / "real");
  fs::create_symlink(t.path / "real", t.path / "linked");          // a link to a folder is a folder
  fs::create_symlink(t.path / "big.csv", t.path / "alias.csv");    // a link to a file is a file
  fs::create_symlink(t.path / "gone.csv", t.path / "broken.csv");  // a broken link is skipped
  const auto v = listFolder(t.path.string(), {".csv"}, nullptr);
  ASSERT_EQ(names(v), (std::vector<std::string>{"linked", "real", "alias.csv", "big.csv"}));
  EXPECT_TRUE(v[0].is_dir);
  EXPECT_EQ(v[3].size, 3000u);
  EXPECT_EQ(v[2].size, 3000u);
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_NEAR(static_cast<double>(v[3].mtime), static_cast<double>(now), 120.0);
  EXPECT_EQ(formatTime(v[3].mtime).size(), 16u);  // YYYY-MM-DD HH:MM
  EXPECT_EQ(formatTime(0), "");
}

TEST(FileListing, MissingFolderAndFileReportErrors) {
  TempDir t;
  std::string err;
  EXPECT_TRUE(listFolder((t.path / "nope").string(), {}, &err).empty());
  EXPECT_NE(err.find("nope"), std::string::npos) << err;
  EXPECT_NE(err.find("not found"), std::string::npos) << err;

  touch(t.path / "file.csv");
  EXPECT_TRUE(listFolder((t.path / "file.csv").string(), {}, &err).empty());
  EXPECT_NE(err.find("not a folder"), std::string::npos) << err;

  // Success clears the message.
  listFolder(t.path.string(), {}, &err);
  EXPECT_EQ(err, "");
}

TEST(FileListing, UnreadableFolderReportsError) {
  TempDir t;
  const fs::path locked = t.path / "locked";
  fs::create_directories(locked);
  touch(locked / "secret.csv");
  ASSERT_EQ(::chmod(locked.c_str(), 0), 0);
  std::string err;
  // Root reads a mode-000 folder anyway (CI runs as root): then a folder that cannot be listed for
  // any user stands in — a path through a file.
  std::error_code probe;
  fs::directory_iterator it(locked, probe);
  const fs::path unreadable = probe ? locked : (locked / "secret.csv" / "inside");
  EXPECT_NO_THROW({
    const auto v = listFolder(unreadable.string(), {".csv"}, &err);
    EXPECT_TRUE(v.empty());
  });
  EXPECT_NE(err.find("locked"), std::string::npos) << err;
  EXPECT_TRUE(err.find("cannot read") != std::string::npos || err.find("not found") != std::string::npos) << err;
  // Its parent still lists it as a folder one can try to enter.
  EXPECT_EQ(names(listFolder(t.path.string(), {}, &err)), (std::vector<std::string>{"locked"}));
  EXPECT_EQ(err, "");
}

TEST(FileListing, NameAndFolderHelpers) {
  const std::vector<std::string> fmts{".csv", ".xlsx", ".gpkg"};
  EXPECT_EQ(withExtension("report", ".csv", fmts), "report.csv");
  EXPECT_EQ(withExtension("report.csv", ".xlsx", fmts), "report.xlsx");
  EXPECT_EQ(withExtension("report.CSV", ".csv", fmts), "report.csv");
  EXPECT_EQ(withExtension("v1.2", ".gpkg", fmts), "v1.2.gpkg");
  EXPECT_EQ(withExtension("杭州.xlsx", ".gpkg", fmts), "杭州.gpkg");
  EXPECT_EQ(withExtension("", ".csv", fmts), "");
  EXPECT_TRUE(hasExtension("A.GeoJSON", {".geojson"}));
  EXPECT_FALSE(hasExtension("geojson", {".geojson"}));
  EXPECT_TRUE(hasExtension("anything", {}));

  EXPECT_EQ(absoluteFolder("/a/b/"), "/a/b");
  EXPECT_EQ(absoluteFolder("/a/./c/../b"), "/a/b");
  EXPECT_EQ(absoluteFolder("/"), "/");
  EXPECT_EQ(absoluteFolder(""), fs::current_path().string());
  EXPECT_EQ(parentFolder("/a/b"), "/a");
  EXPECT_EQ(parentFolder("/a"), "/");
  EXPECT_EQ(parentFolder("/"), "/");

  EXPECT_EQ(formatSize(812), "812 B");
  EXPECT_EQ(formatSize(4300), "4.2 KB");
  EXPECT_EQ(formatSize(17u * 1024 * 1024), "17.0 MB");
}
