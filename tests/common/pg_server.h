// A throwaway PostgreSQL 15 + PostGIS 3 server for one test (tests/pg/pg_throwaway.sh):
//
//   cm::test::PgServer pg;                      // initdb + start on a free port, db `chainmap` + postgis
//   ASSERT_TRUE(pg.ok()) << pg.error();         // fail, not skip: CI installs the packages
//   ASSERT_TRUE(pg.exec("CREATE TABLE t (...)")) << pg.execError();
//   GDALOpenEx(pg.gdal().c_str(), GDAL_OF_VECTOR, ...);   // "PG:host=127.0.0.1 port=N dbname=chainmap user=postgres"
//
// The server runs in a fresh folder under ::testing::TempDir() and is stopped, folder and all, by
// the destructor; should the test binary die first (a ctest timeout), the script's watchdog does
// it within a second. Needs CHAINMAP_PG_SCRIPT (the script's absolute path, a compile definition);
// psql is /usr/lib/postgresql/15/bin/psql, else psql on PATH, or $CHAINMAP_PSQL when set.
#pragma once
#include <gtest/gtest.h>

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#ifndef CHAINMAP_PG_SCRIPT
#error "CHAINMAP_PG_SCRIPT (absolute path of tests/pg/pg_throwaway.sh) must be defined"
#endif

namespace cm::test {

class PgServer {
 public:
  PgServer() { start(); }
  ~PgServer() { stop(); }
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  bool ok() const { return ok_; }
  // Why the server could not start (the script's exit status and message); empty when ok().
  std::string error() const { return error_; }
  // libpq connection string: "host=127.0.0.1 port=N dbname=chainmap user=postgres".
  std::string conninfo() const { return conninfo_; }
  // The same for GDAL's PostgreSQL driver: "PG:" + conninfo().
  std::string gdal() const { return "PG:" + conninfo_; }
  // The folder the server lives in (removed by the destructor).
  std::string dir() const { return dir_; }

  // Runs SQL (any number of statements) through psql -X -q -At -v ON_ERROR_STOP=1 in one
  // session; true on success. Rows come back in *out, one per line, columns separated by '|'
  // (trailing newline removed). On failure execError() holds psql's stderr.
  // The table's write counters (pg_stat_all_tables: inserts + updates + deletes), and a wait until
  // they pass `more_than`: a writer's counters reach the statistics as its backend flushes them
  // (at its exit, which may come a moment after psql's), and summaries are stamped with them.
  long long writes(const std::string& table = "projects") {
    std::string out;
    exec("SELECT n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_all_tables WHERE relid = '" + table + "'::regclass", &out);
    return out.empty() ? -1 : std::atoll(out.c_str());
  }
  bool awaitWrites(long long more_than, const std::string& table = "projects") {
    for (int i = 0; i < 100; ++i) {
      if (writes(table) > more_than) return true;
      usleep(50'000);
    }
    return false;
  }

  bool exec(const std::string& sql, std::string* out = nullptr) {
    exec_error_.clear();
    if (out) out->clear();
    if (!ok_) {
      exec_error_ = "server not running: " + error_;
      return false;
    }
    const std::string base = dir_ + "/exec" + std::to_string(++exec_count_);
    {
      std::ofstream f(base + ".sql", std::ios::binary);
      f << sql << '\n';
      if (!f) {
        exec_error_ = "cannot write " + base + ".sql";
        return false;
      }
    }
    const std::string cmd = quote(psql()) + " -X -q -At -v ON_ERROR_STOP=1 -d " + quote(conninfo_) + " -f " +
                            quote(base + ".sql") + " </dev/null >" + quote(base + ".out") + " 2>" +
                            quote(base + ".err");
    const int rc = std::system(cmd.c_str());
    std::string o = slurp(base + ".out");
    exec_error_ = slurp(base + ".err");
    ::unlink((base + ".sql").c_str());
    ::unlink((base + ".out").c_str());
    ::unlink((base + ".err").c_str());
    while (!o.empty() && (o.back() == '\n' || o.back() == '\r')) o.pop_back();
    if (out) *out = o;
    const bool good = rc != -1 && WIFEXITED(rc) && WEXITSTATUS(rc) == 0;
    if (!good && exec_error_.empty()) exec_error_ = "psql failed (status " + std::to_string(rc) + ")";
    if (good) exec_error_.clear();
    return good;
  }
  // psql's stderr of the last failed exec().
  std::string execError() const { return exec_error_; }

 private:
  static std::string quote(const std::string& s) {  // for /bin/sh
    std::string r = "'";
    for (char c : s) r += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return r + "'";
  }
  static std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  }
  static std::string trim(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
  }
  static std::string psql() {
    if (const char* e = std::getenv("CHAINMAP_PSQL"); e && *e) return e;
    const char* pg15 = "/usr/lib/postgresql/15/bin/psql";
    return ::access(pg15, X_OK) == 0 ? pg15 : "psql";
  }

  void start() {
    std::string tmp = ::testing::TempDir();
    if (tmp.empty()) tmp = "/tmp/";
    if (tmp.back() != '/') tmp += '/';
    // A fresh empty folder for the script (it refuses non-empty ones); exec() keeps its files there
    // too, so stop, or the watchdog after a crash, removes everything.
    std::string templ = tmp + "chainmap-pg-XXXXXX";
    if (!::mkdtemp(templ.data())) {
      error_ = "cannot create a temp folder under " + tmp;
      return;
    }
    dir_ = templ;
    // stdout is the connection string, stderr the reason of a failure: take both, and on
    // success the string from dir_/conninfo, which the script writes last.
    const std::string cmd = "bash " + quote(CHAINMAP_PG_SCRIPT) + " start " + quote(dir_) + " " +
                            std::to_string(::getpid()) + " </dev/null 2>&1";
    std::string out;
    int rc = -1;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
      char buf[512];
      while (std::fgets(buf, sizeof buf, p)) out += buf;
      rc = ::pclose(p);
    }
    if (rc != -1 && WIFEXITED(rc) && WEXITSTATUS(rc) == 0) {
      conninfo_ = trim(slurp(dir_ + "/conninfo"));
      if (!conninfo_.empty()) {
        ok_ = true;
        return;
      }
    }
    const std::string status = rc == -1          ? std::string("not run")
                               : WIFEXITED(rc)   ? "exit " + std::to_string(WEXITSTATUS(rc))
                               : WIFSIGNALED(rc) ? "signal " + std::to_string(WTERMSIG(rc))
                                                 : "status " + std::to_string(rc);
    out = trim(out);
    error_ = "could not start a throwaway PostgreSQL (" CHAINMAP_PG_SCRIPT " start " + dir_ + ": " + status +
             "): " + (out.empty() ? std::string("no message") : out);
    conninfo_.clear();
  }

  void stop() {
    if (dir_.empty()) return;
    const std::string cmd = "bash " + quote(CHAINMAP_PG_SCRIPT) + " stop " + quote(dir_) + " </dev/null >/dev/null 2>&1";
    (void)std::system(cmd.c_str());
    (void)std::system(("rm -rf " + quote(dir_)).c_str());  // in case the script could not run
  }

  bool ok_ = false;
  std::string error_, exec_error_, conninfo_, dir_;
  int exec_count_ = 0;
};

}  // namespace cm::test
