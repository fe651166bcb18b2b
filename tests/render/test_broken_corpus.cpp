// The broken-input corpus (tests/fixtures/broken/, written by make_broken.py; cases.json says what
// each case should do) fed to the real chainmap binary in --stats and --screenshot modes: each
// either loads (exit 0) or ends with exit 1 and an "error:" line on stderr that names the file and
// the problem — never a signal, never another exit. A shapefile cut short says how much was read.
// Then the data-problems panel: shown in a screenshot, it must leave the map's centre as it is.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "render_probe.h"
#include "data/gdal/vector_layers.h"
#include "geo/projection.h"
#include "ui/layout.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The corpus is copied to a temporary folder first: chainmap writes a row-by-row report beside a
// table it patched (FILE.chainmap-report.csv), which must not land in the source tree.
std::string corpusCopy() {
  const fs::path dst = fs::path(::testing::TempDir()) / ("chainmap_broken_corpus_" + std::to_string(::getpid()));
  fs::remove_all(dst);
  fs::copy(std::string(CHAINMAP_FIXTURES) + "/broken", dst, fs::copy_options::recursive);
  return dst.string();
}
const std::string kBroken = corpusCopy();
struct RemoveCopy {
  ~RemoveCopy() {
    std::error_code ec;
    fs::remove_all(kBroken, ec);
  }
} remove_copy;

struct ProcRun {
  int status = -1;  // what std::system returned (a wait status)
  std::string err;  // stderr
};

ProcRun runChainmap(const std::string& name, const std::string& args) {
  const std::string log = ::testing::TempDir() + "chainmap_broken_" + name + ".log";
  const std::string cmd = std::string(CHAINMAP_EXE) + " " + args + " >/dev/null 2>" + log;
  ProcRun r;
  r.status = std::system(cmd.c_str());
  std::ifstream in(log);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  return r;
}

std::string flat(std::string s) {
  for (char& c : s)
    if (c == '/') c = '_';
  return s;
}

// The file a case's message must name.
std::string fileOf(const json& c) {
  if (c["kind"] == "projects") return fs::path(c["path"].get<std::string>()).filename().string();
  const std::string n = c["name"];
  if (n.rfind("water", 0) == 0) return "water_polygons.shp";
  if (n.rfind("rivers", 0) == 0) return "rivers.shp";
  if (n.rfind("parks", 0) == 0) return "parks.csv";
  return "districts.shp";
}

std::string argsOf(const json& c) {
  if (c["kind"] == "projects") return "--data " + kBroken + "/good --projects " + kBroken + "/" + c["path"].get<std::string>();
  return "--data " + kBroken + "/" + c["path"].get<std::string>() + " --projects " + kBroken + "/tables/ok.csv";
}

// Checks one run against its case: exit 0 or 1 (never a signal), the message naming the file.
void expectCase(const json& c, const ProcRun& r, const std::string& mode) {
  const std::string name = c["name"], expect = c["expect"], needle = c["needle"];
  SCOPED_TRACE(mode + " " + name + "\nstderr:\n" + r.err.substr(0, 2000));
  ASSERT_TRUE(WIFEXITED(r.status)) << "ended by a signal: " << (WIFSIGNALED(r.status) ? WTERMSIG(r.status) : -1);
  const int rc = WEXITSTATUS(r.status);
  EXPECT_TRUE(rc == 0 || rc == 1) << "exit " << rc;
  if (expect == "ok" || expect == "warn") EXPECT_EQ(rc, 0);
  if (expect == "error") EXPECT_EQ(rc, 1);
  if (rc == 1) {  // an error line that names the file
    const size_t at = r.err.find("error: ");
    ASSERT_NE(at, std::string::npos);
    const std::string line = r.err.substr(at, r.err.find('\n', at) - at);
    EXPECT_NE(line.find(fileOf(c)), std::string::npos) << line;
    if (expect == "error" && !needle.empty()) EXPECT_NE(line.find(needle), std::string::npos) << line;
  }
  if (expect == "warn") {
    EXPECT_NE(r.err.find("warning: "), std::string::npos);
    EXPECT_NE(r.err.find(needle), std::string::npos);
    EXPECT_NE(r.err.find(fileOf(c)), std::string::npos);
  }
  if (expect == "ok") EXPECT_EQ(r.err.find("error: "), std::string::npos);
  if (c["kind"] == "data" && rc == 1) {  // the districts failed: one line about the projects, not one per row
    EXPECT_EQ(r.err.find("unknown district"), std::string::npos);
    EXPECT_NE(r.err.find("their districts are not checked"), std::string::npos);
    size_t lines = 0;
    for (char ch : r.err) lines += ch == '\n';
    EXPECT_LE(lines, 4u);
  }
}

json cases() {
  std::ifstream in(kBroken + "/cases.json");
  EXPECT_TRUE(in) << kBroken << "/cases.json (run tests/fixtures/broken/make_broken.py)";
  return in ? json::parse(in) : json::array();
}

}  // namespace

TEST(BrokenCorpus, HasAtLeastFiftyFiles) {
  size_t n = 0;
  for (auto& e : fs::recursive_directory_iterator(kBroken)) n += e.is_regular_file();
  EXPECT_GE(n, 50u);
  EXPECT_GE(cases().size(), 50u);
}

TEST(BrokenCorpus, StatsLoadsOrSaysWhatIsWrong) {
  for (const json& c : cases()) expectCase(c, runChainmap(flat(c["name"]), "--stats " + argsOf(c)), "--stats");
}

TEST(BrokenCorpus, ScreenshotLoadsOrSaysWhatIsWrong) {
  for (const json& c : cases()) {
    const std::string png = ::testing::TempDir() + "chainmap_broken_" + flat(c["name"]) + ".png";
    std::remove(png.c_str());
    const ProcRun r = runChainmap(flat(c["name"]) + "_shot", "--screenshot " + png + " --size 800x500 " + argsOf(c));
    expectCase(c, r, "--screenshot");
    if (WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0) EXPECT_TRUE(fs::exists(png)) << c["name"];
  }
}

// A 10 MB field in a project table: read or refused by name, never a crash.
TEST(BrokenCorpus, TenMegabyteFieldInATable) {
  const std::string csv = ::testing::TempDir() + "chainmap_broken_10mb.csv";
  {
    std::ofstream out(csv, std::ios::binary);
    out << "id,name_zh,name_en,ecosystem,chain,sector,investment_yi,signed_date,started_date,stage,district,park_id,lon,lat\n";
    out << "T1," << std::string(10 << 20, 'x') << ",Test,iot,integrated_circuits,manufacturing,1,2023-01-01,,signed,330106,,119.6,29.8\n";
    out << "T2,b,Test,iot,integrated_circuits,manufacturing,1,2023-01-01,,signed,330106,,119.6,29.8\n";
  }
  json c = {{"name", "10mb"}, {"kind", "projects"}, {"path", csv}, {"expect", "any"}, {"needle", ""}};
  const ProcRun r = runChainmap("10mb", "--stats --data " + kBroken + "/good --projects " + csv);
  expectCase(c, r, "--stats");
  std::remove(csv.c_str());
}

// The shapefile cut mid-file: how much was read, where it ends, as an error for districts.
TEST(BrokenCorpus, DistrictsCutShortSayHowMuchWasRead) {
  const ProcRun r = runChainmap("cut", "--stats --data " + kBroken + "/shp_cut_mid --projects " + kBroken + "/tables/ok.csv");
  ASSERT_TRUE(WIFEXITED(r.status));
  EXPECT_EQ(WEXITSTATUS(r.status), 1);
  EXPECT_NE(r.err.find("error: districts.shp: 7 of 13 features read; the file ends early at byte 1100"), std::string::npos) << r.err;
}

// GBK text without a .cpg: read, the names right, and a warning that says so.
TEST(BrokenCorpus, GbkWithoutCpgIsReadAsGbk) {
  const ProcRun r = runChainmap("gbk", "--stats --data " + kBroken + "/gbk_no_cpg --projects " + kBroken + "/tables/ok.csv");
  ASSERT_TRUE(WIFEXITED(r.status));
  EXPECT_EQ(WEXITSTATUS(r.status), 0) << r.err;
  EXPECT_NE(r.err.find("districts.shp: its text is not UTF-8 and no .cpg file names its encoding; read as GBK"), std::string::npos)
      << r.err;
  // The names came out right.
  std::vector<std::string> warnings;
  auto d = cm::loadDistricts(kBroken + "/gbk_no_cpg/districts.shp", cm::kDefaultDisplayCrs, &warnings);
  ASSERT_TRUE(d) << d.error();
  ASSERT_EQ(d->size(), 13u);
  bool xihu = false;
  for (const cm::District& x : *d) xihu |= x.adcode == 330106 && x.name_zh == "西湖区";
  EXPECT_TRUE(xihu);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("read as GBK"), std::string::npos);
}

// The data-problems panel in a screenshot leaves the whole map area as the same map without it —
// in the full interface, the compact one (the UI enlarged to w / 1000: the sidebar folds into a
// rail) and presentation mode. (tests/gui/test_report_layout.cpp checks it covers no other panel.)
TEST(BrokenCorpus, ProblemsPanelLeavesTheMapUncovered) {
  struct Arrangement {
    const char* name;
    bool present, enlarged;
  };
  for (const auto& [w, h] : {std::pair{1280, 720}, {1920, 1080}, {3840, 2160}})
    for (const Arrangement& arr : {Arrangement{"full", false, false}, {"compact", false, true}, {"present", true, false}}) {
      const std::string size = std::to_string(w) + "x" + std::to_string(h);
      SCOPED_TRACE(std::string(arr.name) + " " + size);
      const float scale = arr.enlarged ? static_cast<float>(w) / 1000.f : cm::layout::autoScale(w, h);
      std::string common = " --size " + size + " --projects " + kBroken + "/tables/ok.csv";
      if (arr.present) common += " --present";
      if (arr.enlarged) common += " --ui-scale " + std::to_string(scale);
      auto shot = [&](const std::string& dir) {
        const std::string png = ::testing::TempDir() + "chainmap_panel_" + dir + "_" + arr.name + "_" + size + ".png";
        const ProcRun r = runChainmap("panel_" + dir, "--screenshot " + png + " --data " + kBroken + "/" + dir + common);
        EXPECT_TRUE(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0) << r.err;
        cm::test::Image img;
        int n = 0;
        std::unique_ptr<unsigned char, void (*)(void*)> data(stbi_load(png.c_str(), &img.w, &img.h, &n, 4), stbi_image_free);
        if (data) img.rgba.assign(data.get(), data.get() + static_cast<size_t>(img.w) * img.h * 4);
        return std::pair{img, r.err};
      };
      const auto [with, err] = shot("water_cut");
      const auto [without, err2] = shot("water_one");
      ASSERT_EQ(with.w, w);
      ASSERT_EQ(without.w, w);
      EXPECT_NE(err.find("water_polygons.shp: 1 of 2 features read"), std::string::npos) << err;
      EXPECT_EQ(err2.find("warning"), std::string::npos) << err2;
      const cm::layout::Layout lay = cm::layout::computeLayout(w, h, scale, arr.present);
      EXPECT_EQ(lay.compact, arr.enlarged);
      // Every pixel of the map area, corners included, is the same with and without the panel.
      const auto& a = lay.map;
      long differ = 0, whole = 0;
      for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
          const auto p = with.at(x, y), q = without.at(x, y);
          const bool d = std::abs(p.r - q.r) + std::abs(p.g - q.g) + std::abs(p.b - q.b) > 24;
          whole += d;
          differ += d && x >= a.x0 && x < a.x1 && y >= a.y0 && y < a.y1;
        }
      EXPECT_EQ(differ, 0) << "pixels of the map area covered";
      EXPECT_GT(whole, 1000) << "the panel is not in the screenshot";
    }
}
