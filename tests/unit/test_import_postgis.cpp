// A live database: a planning office's PostGIS table (Chinese columns, GCJ-02 points as Amap
// gives them) read through GDAL's PG driver from the command line; rows changed in the database
// show on the next read; the password never reaches a message or a mapping file.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>

#include "data/import/field_mapping.h"
#include "data/gdal/table.h"
#include "geo/gcj02.h"
#include "import_fixtures.h"
#include "pg_server.h"

using namespace cm;
using namespace cm::test;

namespace {

nlohmann::json stats(const std::string& source, const std::string& extra = "") {
  const std::string out = ::testing::TempDir() + "chainmap_pg_stats_" + std::to_string(::getpid()) + ".json";
  const std::string cmd = std::string(CHAINMAP_BIN_DIR) + "/chainmap --data " CHAINMAP_TEST_DATA " --projects \"" + source +
                          "\" --layer projects --stats " + extra + " >" + out + " 2>" + out + ".err";
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(rc), 0) << cmd;
  std::ifstream in(out);
  return nlohmann::json::parse(in, nullptr, false);
}

}  // namespace

TEST(PostGis, ARegistryTableLoadsFromTheCommandLineAndShowsItsChanges) {
  PgServer pg;
  ASSERT_TRUE(pg.ok()) << pg.error();
  ASSERT_TRUE(pg.exec(registrySql())) << pg.execError();
  const nlohmann::json a = stats(pg.gdal());
  ASSERT_TRUE(a.is_object());
  EXPECT_EQ(a["count"], 5);
  EXPECT_NEAR(a["investment_yi"].get<double>(), 115.0, 1e-6);  // 1,150,000 万元
  EXPECT_EQ(a["by_district"]["330108"], 1);
  // The office signs two more and drops one: the next read shows it.
  ASSERT_TRUE(pg.exec("INSERT INTO projects VALUES ('HZ2024-006','数据中心','智能物联','智能计算',200000,'2024-08-01','余杭区',"
                      "ST_SetSRID(ST_MakePoint(120.0050,30.2790),4326));"
                      "INSERT INTO projects VALUES ('HZ2024-007','创新药','生物医药','化学药',50000,'2024-08-02','钱塘区',NULL);"
                      "DELETE FROM projects WHERE 项目编号='HZ2024-002';"))
      << pg.execError();
  const nlohmann::json b = stats(pg.gdal());
  EXPECT_EQ(b["count"], 6);
  EXPECT_NEAR(b["investment_yi"].get<double>(), 115.0 - 12 + 20 + 5, 1e-6);
  EXPECT_EQ(b["by_district"]["330114"], 1) << "a row without a point is placed by its district";
}

TEST(PostGis, APasswordNeverReachesAMessageOrAMappingFile) {
  // A wrong database in the string: the error names the source without the password.
  const std::string secret = "s3cr3t-pw";
  const std::string src = "PG:host=127.0.0.1 port=1 dbname=nothing user=nobody password=" + secret;
  EXPECT_EQ(withoutPassword(src), "PG:host=127.0.0.1 port=1 dbname=nothing user=nobody");
  EXPECT_EQ(withoutPassword("PG:password='a b\\'c' dbname=x"), "PG:dbname=x");
  auto t = readTable(src, ReadOptions{"projects"});
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().find(secret), std::string::npos) << t.error();
  const std::string cmd = std::string(CHAINMAP_BIN_DIR) + "/chainmap --data " CHAINMAP_TEST_DATA " --projects \"" + src +
                          "\" --layer projects --stats >/dev/null 2>" + ::testing::TempDir() + "chainmap_pg_err.txt";
  EXPECT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 1);
  std::ifstream in(::testing::TempDir() + "chainmap_pg_err.txt");
  const std::string err((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(err.find("dbname=nothing"), std::string::npos) << err;
  EXPECT_EQ(err.find(secret), std::string::npos) << err;
  // A database's mapping lives in the data folder under the table's name, never with the string.
  const std::string path = mappingPathFor(src, "projects");
  EXPECT_NE(path.find("pg_projects.chainmap.json"), std::string::npos);
  EXPECT_EQ(path.find(secret), std::string::npos);
}
