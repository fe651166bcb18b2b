// PostGIS credentials and identifiers against a throwaway server (README "Tests", Security):
//  - the real chainmap binary, given connection strings that carry a unique password (key=value
//    and URI forms, sslpassword, PGPASSWORD in the environment), against the live server and an
//    unreachable port, in every command-line mode (--stats, --export, --remote --stats, a bad
//    --select, a missing table, a table with problem rows, CHAINMAP_TRACE=1): the password is in
//    no byte of stdout, stderr, the exports, or any file under a fresh HOME/XDG/CHAINMAP_CACHE_DIR,
//    and the process turned its core dumps off;
//  - tables named to break unquoted SQL (and Chinese / mixed-case names) load through GDAL's
//    driver and through PostgisSource, and the table the names try to drop is still there.
// The window's modes (--screenshot, --capture-idle, --watch) are checked in the render and live
// tests (test_security_window.cpp).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "file_text.h"
#include "platform/data_paths.h"
#include "import_fixtures.h"
#include "pg_server.h"
#include "temp_dir.h"

using namespace cm;
using namespace cm::test;
namespace fs = std::filesystem;

namespace {

std::string portOf(const std::string& conninfo) {
  const size_t p = conninfo.find("port=");
  return p == std::string::npos ? "" : conninfo.substr(p + 5, conninfo.find(' ', p) - p - 5);
}

// The canonical columns as PostgisSource reads them (the shipped sample, points in lon/lat).
std::string canonicalTableSql(const std::string& name) {
  return "CREATE TABLE " + name +
         " (id text, name_zh text, name_en text, ecosystem text, chain text, sector text, investment_yi text,"
         " signed_date text, started_date text, producing_date text, stage text, district text, park_id text,"
         " lon text, lat text, \"foreign\" text, fdi_musd text, chain_leader text, leader_id text, channel text,"
         " synthetic text, chain_role text);\n"
         "\\copy " + name + " FROM '" + defaultProjectsFile() + "' WITH (FORMAT csv, HEADER true)\n"
         "ALTER TABLE " + name + " ADD COLUMN geom geometry(Point, 4326);\n"
         "UPDATE " + name + " SET geom = ST_SetSRID(ST_MakePoint(lon::float8, lat::float8), 4326);\n";
}

// Runs chainmap with HOME, XDG_* and CHAINMAP_CACHE_DIR inside `home`; stdout and stderr land in
// `home`/../runN.out/.err (outside the folder the program may write to, but also searched).
struct Runner {
  TempDir root{"chainmap-secret"};
  fs::path home = root.path / "home";
  fs::path outputs = root.path / "outputs";
  int n = 0;
  std::string env_password;
  Runner() {
    fs::create_directories(home);
    fs::create_directories(outputs);
  }
  int run(const std::string& args, std::string* err = nullptr) {
    const std::string base = (outputs / ("run" + std::to_string(++n))).string();
    const std::string h = home.string();
    const std::string cmd = "env HOME=" + shellQuote(h) + " XDG_DATA_HOME=" + shellQuote(h + "/data") + " XDG_CONFIG_HOME=" +
                            shellQuote(h + "/config") + " XDG_CACHE_HOME=" + shellQuote(h + "/cache") + " CHAINMAP_CACHE_DIR=" +
                            shellQuote(h + "/chainmap-cache") + " CHAINMAP_TRACE=1 PGPASSWORD=" + shellQuote(env_password) + " " +
                            std::string(CHAINMAP_BIN_DIR) + "/chainmap --data " CHAINMAP_TEST_DATA " " + args + " >" +
                            shellQuote(base + ".out") + " 2>" + shellQuote(base + ".err");
    const int rc = std::system(cmd.c_str());
    if (err) *err = slurp(base + ".err");
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }
  // Every file under the root (the program's HOME and the outputs), with each secret it holds.
  std::vector<std::string> leaks(const std::vector<std::string>& secrets, size_t* files = nullptr) const {
    std::vector<std::string> found;
    size_t count = 0;
    for (const auto& e : fs::recursive_directory_iterator(root.path)) {
      if (!e.is_regular_file()) continue;
      ++count;
      const std::string text = slurp(e.path());
      for (const std::string& s : secrets)
        if (text.find(s) != std::string::npos) found.push_back(e.path().string() + " holds " + s);
    }
    if (files) *files = count;
    return found;
  }
};

}  // namespace

TEST(SecurityPg, NoModeLetsAPasswordReachDiskOrOutput) {
  PgServer pg;
  ASSERT_TRUE(pg.ok()) << pg.error();
  // The registry (Chinese columns, GDAL import), a row the importer reports as a problem (the
  // report CSV of a database source is written), and the canonical table for --remote.
  ASSERT_TRUE(pg.exec(registrySql() +
                      "INSERT INTO projects VALUES ('HZ2024-099','坏行','智能物联','视觉智能',NULL,NULL,'某区',NULL);\n" +
                      canonicalTableSql("canon")))
      << pg.execError();
  const std::string tag = std::to_string(::getpid());
  const std::string kv_pw = "KvPw" + tag + "x", uri_pw = "UriPw" + tag + "y", env_pw = "EnvPw" + tag + "z",
                    ssl_pw = "SslPw" + tag + "w";
  const std::vector<std::string> secrets{kv_pw, uri_pw, env_pw, ssl_pw};
  const std::string port = portOf(pg.conninfo());
  ASSERT_FALSE(port.empty()) << pg.conninfo();
  struct Source {
    std::string src;
    bool live;
  };
  const std::vector<Source> sources{
      {pg.gdal() + " password=" + kv_pw + " sslpassword=" + ssl_pw, true},
      {"postgresql://postgres:" + uri_pw + "@127.0.0.1:" + port + "/chainmap", true},
      {"PG:host=127.0.0.1 port=1 dbname=nothing user=nobody password='" + kv_pw + " x'", false},
      {"postgresql://nobody:" + uri_pw + "@127.0.0.1:1/nothing?password=" + kv_pw, false},
  };
  Runner r;
  r.env_password = env_pw;
  std::string err;
  int exports = 0;
  for (const Source& s : sources) {
    const std::string src = "--projects " + shellQuote(s.src) + " ";
    const std::string what = s.live ? "live" : "unreachable";
    EXPECT_EQ(r.run(src + "--layer projects --stats", &err), s.live ? 0 : 1) << what << "\n" << err;
    EXPECT_NE(err.find("core dumps off: a password is in use"), std::string::npos) << err;  // platform/secrets.h
    if (!s.live) EXPECT_NE(err.find(s.src.find("://") != std::string::npos ? "nobody@127.0.0.1:1/nothing" : "dbname=nothing"),
                           std::string::npos) << err;
    const std::string exported = (r.outputs / ("export" + std::to_string(++exports))).string();
    EXPECT_EQ(r.run(src + "--layer projects --export " + shellQuote(exported + ".csv"), &err), s.live ? 0 : 1) << what << "\n" << err;
    EXPECT_EQ(r.run(src + "--layer projects --export " + shellQuote(exported + ".gpkg"), &err), s.live ? 0 : 1) << what << "\n" << err;
    EXPECT_EQ(r.run(src + "--layer canon --remote --stats", &err), s.live ? 0 : 1) << what << "\n" << err;
    EXPECT_EQ(r.run(src + "--layer canon --remote --stats --district 330127", &err), s.live ? 0 : 1) << what << "\n" << err;
    EXPECT_NE(r.run(src + "--layer projects --stats --select NO-SUCH-ID", &err), 0) << err;
    if (s.live) EXPECT_NE(err.find("--select: no project with id 'NO-SUCH-ID' in "), std::string::npos) << err;
    EXPECT_EQ(r.run(src + "--layer no_such_table --stats", &err), 1) << err;
    EXPECT_EQ(r.run(src + "--layer no_such_table --remote --stats", &err), 1) << err;
    EXPECT_EQ(r.run(src + "--layer projects --analyze clusters", &err), s.live ? 0 : 1) << err;
  }
  // The checks reached what they check: the exports hold rows, a problem report was written for
  // the database table (in the data folder, never beside a "file" named by the string).
  EXPECT_NE(slurp(r.outputs / "export1.csv").find("HZ2024-001"), std::string::npos);
  EXPECT_NE(slurp(r.outputs / "export2.csv").find("HZ2024-001"), std::string::npos);
  bool report = false;
  for (const auto& e : fs::recursive_directory_iterator(r.home))
    report |= e.path().filename().string().find("chainmap-report.csv") != std::string::npos;
  EXPECT_TRUE(report) << "no load report was written under " << r.home;
  size_t files = 0;
  const std::vector<std::string> found = r.leaks(secrets, &files);
  EXPECT_GT(files, 40u);
  EXPECT_TRUE(found.empty()) << [&] {
    std::string all;
    for (const std::string& f : found) all += f + "\n";
    return all;
  }();
}

TEST(SecurityPg, OddTableNamesAreQuotedOnEveryPath) {
  PgServer pg;
  ASSERT_TRUE(pg.ok()) << pg.error();
  const std::vector<std::string> names{"proj\"; DROP TABLE x; --", "proj'); DROP TABLE x; --", "项目登记Mixed", "Projects2024"};
  std::string sql = "CREATE TABLE x (keep int); INSERT INTO x VALUES (1);\n";
  auto quoted = [](const std::string& n) {
    std::string q = "\"";
    for (char c : n) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  for (const std::string& n : names) {
    const std::string q = quoted(n);
    std::string reg = registrySql();  // the registry under this name (GDAL import)
    reg.replace(reg.find("CREATE TABLE projects"), 21, "CREATE TABLE " + q);
    for (size_t p; (p = reg.find("INSERT INTO projects ")) != std::string::npos;) reg.replace(p, 21, "INSERT INTO " + q + " ");
    sql += reg + canonicalTableSql(quoted("canon " + n.substr(0, 20)));
  }
  ASSERT_TRUE(pg.exec(sql)) << pg.execError();
  Runner r;
  for (const std::string& n : names) {
    std::string err;
    EXPECT_EQ(r.run("--projects " + shellQuote(pg.gdal()) + " --layer " + shellQuote(n) + " --stats", &err), 0) << n << "\n" << err;
    const nlohmann::json j = nlohmann::json::parse(slurp(r.outputs / ("run" + std::to_string(r.n) + ".out")), nullptr, false);
    EXPECT_TRUE(j.is_object() && j["count"] == 5) << n << "\n" << err;
    EXPECT_EQ(r.run("--projects " + shellQuote(pg.gdal()) + " --layer " + shellQuote("canon " + n.substr(0, 20)) + " --remote --stats", &err), 0)
        << n << "\n" << err;
    const nlohmann::json k = nlohmann::json::parse(slurp(r.outputs / ("run" + std::to_string(r.n) + ".out")), nullptr, false);
    EXPECT_TRUE(k.is_object() && k["count"].get<int>() > 1000) << n << "\n" << err;
  }
  std::string out;
  ASSERT_TRUE(pg.exec("SELECT keep FROM x", &out)) << "table x is gone: " << pg.execError();
  EXPECT_EQ(out, "1");
}
