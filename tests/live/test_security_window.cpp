// PostGIS credentials in the window's modes (README "Tests", Security; the command-line modes are
// in tests/unit/test_security_pg.cpp): the real chainmap, given a connection string that carries a
// unique password (and PGPASSWORD in its environment), opened on the throwaway server and on an
// unreachable port with --watch, --remote, --capture-idle (the state that is on screen: source
// text, errors, status) and --screenshot, then quit with Ctrl+Q so every exit-path write happens:
// the password is in no byte of stderr, the captured state, the PNGs, or any file written under a
// fresh HOME/XDG/CHAINMAP_CACHE_DIR.
#include <stdlib.h>

#include <sstream>

#include "file_text.h"
#include "live_app.h"
#include "pg_server.h"

using namespace cm::test;
namespace fs = std::filesystem;

namespace {

// Files under `dir` that hold `secret`, and how many files were searched.
std::vector<std::string> holding(const fs::path& dir, const std::string& secret, size_t& files) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    ++files;
    if (slurp(it->path()).find(secret) != std::string::npos) out.push_back(it->path().string());
  }
  return out;
}

struct SecretHome {
  fs::path root = fs::path(::testing::TempDir()) / ("chainmap_secret_home_" + std::to_string(::getpid()));
  SecretHome(const std::string& env_password) {
    fs::remove_all(root);
    fs::create_directories(root);
    const std::string h = root.string();
    setenv("HOME", h.c_str(), 1);
    setenv("XDG_DATA_HOME", (h + "/data").c_str(), 1);
    setenv("XDG_CONFIG_HOME", (h + "/config").c_str(), 1);
    setenv("XDG_CACHE_HOME", (h + "/cache").c_str(), 1);
    setenv("CHAINMAP_CACHE_DIR", (h + "/chainmap-cache").c_str(), 1);
    setenv("CHAINMAP_TRACE", "1", 1);
    setenv("PGPASSWORD", env_password.c_str(), 1);
  }
  ~SecretHome() { fs::remove_all(root); }
};

}  // namespace

TEST(LiveSecurity, NoWindowModeLetsAPasswordReachDiskScreenOrOutput) {
  PgServer pg;
  ASSERT_TRUE(pg.ok()) << pg.error();
  ASSERT_TRUE(pg.exec(
      "CREATE TABLE projects (id text, name_zh text, ecosystem text, chain text, sector text, investment_yi text, signed_date text,"
      " district text, park_id text, fdi_musd text, channel text, geom geometry(Point, 4326));\n"
      "INSERT INTO projects VALUES ('A1','芯片基地','iot','integrated_circuits','manufacturing','12','2024-03-01','330108','','0',"
      "'other',ST_SetSRID(ST_MakePoint(120.21,30.20),4326)),"
      "('A2','药厂','bio','biologics','manufacturing','5','2024-05-01','330106','','0','other',ST_SetSRID(ST_MakePoint(120.12,30.25),4326));"))
      << pg.execError();
  const std::string tag = std::to_string(::getpid());
  const std::string pw = "WinPw" + tag + "q", env_pw = "WinEnvPw" + tag + "r";
  SecretHome home(env_pw);
  const std::string live = pg.gdal() + " password=" + pw;
  const std::string dead = "postgresql://nobody:" + pw + "@127.0.0.1:1/nothing";
  struct Mode {
    std::string name, args;
    bool ok;
  };
  const std::vector<Mode> modes{
      {"watch", "--projects " + shellQuote(live) + " --layer projects --watch 0.5", true},
      {"remote", "--projects " + shellQuote(live) + " --layer projects --remote", true},
      {"dead", "--projects " + shellQuote(dead) + " --layer projects --watch 0.5", false},
  };
  for (const Mode& m : modes) {
    LiveApp app("secret_" + m.name, m.args, 1280, 800);
    ASSERT_TRUE(app.ok()) << m.name << "\n" << app.log();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // a few --watch reloads
    const Shot s = app.settle(3);
    const nlohmann::json& st = s.state.is_null() ? app.first().state : s.state;
    const std::string state = st.dump();
    if (m.ok && m.name == "watch") EXPECT_EQ(st["projects"], 2) << state;
    if (m.name != "remote") {
      EXPECT_NE(st["projects_file"].get<std::string>().find(m.ok ? "dbname=chainmap" : "nobody@127.0.0.1:1/nothing"), std::string::npos)
          << state;
    }
    if (!m.ok) EXPECT_FALSE(st["errors"].empty()) << state;
    EXPECT_EQ(state.find(pw), std::string::npos) << m.name << ": " << state;
    app.move(640, 30);  // the keyboard follows the pointer (no window manager): Ctrl+Q reaches the window
    EXPECT_EQ(app.quit(), 0) << m.name << "\n" << app.log();
    size_t files = 0;
    for (const std::string& f : holding(app.dir(), pw, files)) ADD_FAILURE() << m.name << ": " << f << " holds the password";
    for (const std::string& f : holding(app.dir(), env_pw, files)) ADD_FAILURE() << m.name << ": " << f << " holds PGPASSWORD";
    EXPECT_GE(files, 3u) << m.name << ": stderr, the state and the picture";
  }
  // Screenshots (offscreen), of the table and of the remote table; the errors of a dead source
  // are drawn in the picture from the same strings the state shows.
  const fs::path shots = home.root / "shots";
  fs::create_directories(shots);
  int n = 0;
  for (const std::string& args : {"--projects " + shellQuote(live) + " --layer projects",
                                  "--projects " + shellQuote(live) + " --layer projects --remote",
                                  "--projects " + shellQuote(dead) + " --layer projects"}) {
    const std::string base = (shots / ("shot" + std::to_string(++n))).string();
    const std::string cmd = std::string(CHAINMAP_EXE) + " --data " CHAINMAP_TEST_DATA " " + args + " --screenshot " + base +
                            ".png --size 800x500 >" + base + ".out 2>" + base + ".err";
    const int rc = std::system(cmd.c_str());
    EXPECT_EQ(WEXITSTATUS(rc), n == 3 ? 1 : 0) << args << "\n" << slurp(base + ".err");
  }
  size_t files = 0;
  for (const std::string& secret : {pw, env_pw})
    for (const std::string& f : holding(home.root, secret, files)) ADD_FAILURE() << f << " holds a password";
  EXPECT_GE(files, 8u);
}
