// CsvReader (data/csv_reader.h): the small files' reader, GDAL's CSV rules without GDAL.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "data/csv_reader.h"

using namespace cm;
namespace fs = std::filesystem;

namespace {
std::string write(const std::string& name, const std::string& bytes) {
  const fs::path p = fs::temp_directory_path() / (std::to_string(::getpid()) + "_" + name);
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}
}  // namespace

TEST(CsvReader, QuotesNewlinesBomAndShortOrLongRows) {
  const std::string path = write("reader.csv",
                                 "\xEF\xBB\xBFid,Name,note\r\n"
                                 "1,\"a, b\",\"say \"\"hi\"\"\"\r\n"
                                 "\r\n"
                                 "2,\"two\nlines\"\n"
                                 "3,c,d,extra\r"
                                 "4,,\n");
  auto r = CsvReader::open(path);
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->columns(), (std::vector<std::string>{"id", "Name", "note"}));
  EXPECT_EQ(r->column("NAME"), 1);  // names compared case-insensitively
  EXPECT_EQ(r->column("missing"), -1);
  std::vector<std::vector<std::string>> rows;
  std::vector<long> numbers;
  std::vector<std::string> f;
  long row = 0;
  while (r->next(f, row)) rows.push_back(f), numbers.push_back(row);
  ASSERT_EQ(rows.size(), 4u);  // the empty line is skipped and not counted
  EXPECT_EQ(rows[0], (std::vector<std::string>{"1", "a, b", "say \"hi\""}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"2", "two\nlines", ""}));  // a short row: "" for the rest
  EXPECT_EQ(rows[2], (std::vector<std::string>{"3", "c", "d"}));           // a long row: the extra field dropped
  EXPECT_EQ(rows[3], (std::vector<std::string>{"4", "", ""}));
  EXPECT_EQ(numbers, (std::vector<long>{1, 2, 3, 4}));
  fs::remove(path);
}

TEST(CsvReader, MissingEmptyAndFolderAreClearErrors) {
  auto missing = CsvReader::open("/nonexistent/parks.csv");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error(), "/nonexistent/parks.csv: file not found");
  const std::string empty = write("empty.csv", "");
  auto e = CsvReader::open(empty);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().find(empty + ": not a readable CSV file"), std::string::npos) << e.error();
  fs::remove(empty);
  auto folder = CsvReader::open(fs::temp_directory_path().string());
  ASSERT_FALSE(folder);
  EXPECT_NE(folder.error().find("folder"), std::string::npos) << folder.error();
}
