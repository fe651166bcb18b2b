// `chainmap-data fetch` offline: the tests make DataV-shaped GCJ-02 GeoJSON files at test time by
// forward-transforming known WGS 84 geometry (the real districts when present, else synthetic
// squares), run the pipeline with --from, and check the conversion, the checks and the safety
// rules (nothing half-written, nothing overwritten with bad data). Nothing here touches a network
// address other than the loopback: port 9 (discard, closed) for the "no network" message, and a
// one-shot server of the test's own for the download size limit.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <numbers>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <sstream>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "platform/data_paths.h"
#include "data/gdal/fetch.h"
#include "data/gdal/vector_layers.h"
#include "geo/gcj02.h"
#include "geo/geodesic.h"
#include "geo/projection.h"
#include "test_paths.h"
#include "file_text.h"

using namespace cm;
namespace fs = std::filesystem;

namespace {

using cm::test::kData;
using cm::test::slurp;

struct Unit {
  int adcode;
  std::string name;
  MultiPolygon wgs;
};

fs::path freshDir(const std::string& name) {
  const fs::path p = fs::temp_directory_path() / ("chainmap_fetch_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

// A GeoJSON shaped like DataV's 330100_full.json: MultiPolygon features in GCJ-02 with adcode,
// name, center and level properties.
std::string dataVGeoJson(const std::vector<Unit>& units) {
  nlohmann::json fc{{"type", "FeatureCollection"}, {"features", nlohmann::json::array()}};
  for (const Unit& u : units) {
    nlohmann::json polys = nlohmann::json::array();
    for (const Polygon& p : u.wgs) {
      nlohmann::json rings = nlohmann::json::array();
      for (const Ring& r : p.rings) {
        nlohmann::json ring = nlohmann::json::array();
        for (const Vec2& v : r) {
          const Vec2 g = wgs84ToGcj02(v);
          ring.push_back({g.x, g.y});
        }
        rings.push_back(ring);
      }
      polys.push_back(rings);
    }
    const Vec2 c = wgs84ToGcj02(u.wgs[0].rings[0][0]);
    fc["features"].push_back({{"type", "Feature"},
                              {"properties", {{"adcode", u.adcode}, {"name", u.name}, {"center", {c.x, c.y}},
                                              {"level", "district"}, {"parent", {{"adcode", 330100}}}}},
                              {"geometry", {{"type", "MultiPolygon"}, {"coordinates", polys}}}});
  }
  return fc.dump();
}

std::string writeTextAt(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

// 13 synthetic squares near Hangzhou, each sized to its reference geodesic area.
std::vector<Unit> syntheticUnits() {
  std::vector<Unit> out;
  int i = 0;
  for (const ExpectedDistrict& e : expectedHangzhouDistricts()) {
    const double cx = 118.6 + (i % 5) * 0.5, cy = 29.3 + (i / 5) * 0.5;
    ++i;
    double h = std::sqrt(e.area_km2) / 111.0 / 2;  // half side, degrees of latitude
    MultiPolygon mp;
    for (int pass = 0; pass < 3; ++pass) {
      const double w = h / std::cos(cy * std::numbers::pi / 180);
      mp = {Polygon{{Ring{{cx - w, cy - h}, {cx - w, cy + h}, {cx + w, cy + h}, {cx + w, cy - h}, {cx - w, cy - h}}}}};
      h *= std::sqrt(e.area_km2 / geodesicAreaKm2(mp));
    }
    out.push_back({e.adcode, e.name_zh, mp});
  }
  return out;
}

std::vector<Unit> realUnits() {
  std::vector<Unit> out;
  auto d = loadDistricts(kData + "/districts.shp", kWgs84);
  if (!d) return out;
  for (District& x : *d) out.push_back({x.adcode, x.name_zh, x.ll});
  return out;
}

// Every file under `dir` with its content, to prove a failed fetch left it untouched.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> m;
  if (!fs::exists(dir)) return m;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::ostringstream s;
    if (e.is_regular_file()) s << std::ifstream(e.path(), std::ios::binary).rdbuf();
    m[fs::relative(e.path(), dir).string()] = s.str();
  }
  return m;
}


FetchOutcome fetchFrom(const std::string& source, const fs::path& out, bool force = false) {
  FetchOptions o;
  o.source = source;
  o.out_dir = out.string();
  o.force = force;
  return fetchDistricts(o);
}

// An output folder that already holds a (pretend) user's set and notes.
fs::path userFolder(const std::string& name) {
  const fs::path out = freshDir(name) / "out";
  fs::create_directories(out);
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
    writeTextAt(out / (std::string("districts") + ext), std::string("the user's own file ") + ext);
  writeTextAt(out / "SOURCES.md", "my own notes\n");
  return out;
}

}  // namespace

TEST(Fetch, RealDistrictsRoundTripThroughGcj02) {
  const std::vector<Unit> units = realUnits();
  if (units.size() != 13) GTEST_SKIP() << "no real districts in " << kData;
  const fs::path tmp = freshDir("real");
  const std::string src = writeTextAt(tmp / "330100_full.json", dataVGeoJson(units));
  const fs::path out = tmp / "data" / "hangzhou";  // does not exist yet: created
  const FetchOutcome o = fetchFrom(src, out);
  ASSERT_TRUE(o) << o.message;
  EXPECT_TRUE(o.warnings.empty()) << o.warnings.front();
  ASSERT_EQ(o.districts.size(), 13u);

  // Vertices are back on the original WGS 84 positions (both rounded to 1e-6 degrees).
  double worst = 0;
  for (size_t i = 0; i < 13; ++i) {
    ASSERT_EQ(o.districts[i].adcode, units[i].adcode);
    const MultiPolygon& a = o.districts[i].ll;
    const MultiPolygon& b = units[i].wgs;
    ASSERT_EQ(a.size(), b.size());
    for (size_t p = 0; p < a.size(); ++p) {
      ASSERT_EQ(a[p].rings.size(), b[p].rings.size());
      for (size_t r = 0; r < a[p].rings.size(); ++r) {
        ASSERT_EQ(a[p].rings[r].size(), b[p].rings[r].size());
        for (size_t v = 0; v < a[p].rings[r].size(); ++v)
          worst = std::max({worst, std::fabs(a[p].rings[r][v].x - b[p].rings[r][v].x),
                            std::fabs(a[p].rings[r][v].y - b[p].rings[r][v].y)});
      }
    }
  }
  EXPECT_LT(worst, 1e-6);

  // The written set is what the viewer reads: 13 units, names, kinds, areas within 2 %.
  auto d = loadDistricts((out / "districts.shp").string(), kDefaultDisplayCrs);
  ASSERT_TRUE(d) << d.error();
  ASSERT_EQ(d->size(), 13u);
  const auto& exp = expectedHangzhouDistricts();
  for (size_t i = 0; i < 13; ++i) {
    EXPECT_EQ((*d)[i].adcode, exp[i].adcode);
    EXPECT_EQ((*d)[i].name_zh, exp[i].name_zh);
    EXPECT_EQ((*d)[i].name_en, exp[i].name_en);
    EXPECT_EQ((*d)[i].kind, exp[i].kind);
    EXPECT_NEAR((*d)[i].area_km2, exp[i].area_km2, 0.02 * exp[i].area_km2) << exp[i].name_en;
    EXPECT_NEAR((*d)[i].area_km2, geodesicAreaKm2(units[i].wgs), 1e-3 * exp[i].area_km2);
  }
  // Same attributes as the shared districts.dbf.
  auto shared = loadDistricts(kData + "/districts.shp", kDefaultDisplayCrs);
  ASSERT_TRUE(shared);
  for (size_t i = 0; i < 13; ++i) {
    EXPECT_EQ((*d)[i].name_en, (*shared)[i].name_en);
    EXPECT_EQ((*d)[i].kind, (*shared)[i].kind);
  }
  EXPECT_EQ(slurp(out / "districts.cpg").substr(0, 5), "UTF-8");
  EXPECT_NE(slurp(out / "districts.prj").find("WGS"), std::string::npos);
  const std::string note = slurp(out / "SOURCES.md");
  EXPECT_NE(note.find(src), std::string::npos);
  EXPECT_NE(note.find("GCJ-02"), std::string::npos);
  EXPECT_NE(note.find("No open-data licence"), std::string::npos);
  EXPECT_NE(note.find("Chun'an County"), std::string::npos);
  // Nothing else left behind (no temporary folder).
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(out)) names.insert(e.path().filename().string());
  EXPECT_EQ(names, (std::set<std::string>{"SOURCES.md", "districts.cpg", "districts.dbf", "districts.prj",
                                          "districts.shp", "districts.shx"}));
  fs::remove_all(tmp);
}

TEST(Fetch, SyntheticFixtureWritesALoadableSet) {
  const fs::path tmp = freshDir("synthetic");
  const std::string src = writeTextAt(tmp / "in.json", dataVGeoJson(syntheticUnits()));
  const FetchOutcome o = fetchFrom("file://" + src, tmp / "out");
  ASSERT_TRUE(o) << o.message;
  auto d = loadDistricts((tmp / "out" / "districts.shp").string(), kDefaultDisplayCrs);
  ASSERT_TRUE(d) << d.error();
  ASSERT_EQ(d->size(), 13u);
  EXPECT_EQ((*d)[11].name_en, "Chun'an County");
  EXPECT_EQ((*d)[12].kind, "county-level city");
  EXPECT_EQ(o.sources_note, (tmp / "out" / "SOURCES.md").string());
  fs::remove_all(tmp);
}

TEST(Fetch, TwelveUnitsAreRejectedAndTheUserFilesStay) {
  std::vector<Unit> units = syntheticUnits();
  units.erase(units.begin() + 9);  // 330114 钱塘区
  const fs::path out = userFolder("twelve");
  const auto before = snapshot(out);
  const std::string src = writeTextAt(out.parent_path() / "twelve.json", dataVGeoJson(units));
  const FetchOutcome o = fetchFrom(src, out, /*force=*/true);
  ASSERT_FALSE(o);
  EXPECT_EQ(o.status, FetchStatus::Failed);
  EXPECT_NE(o.message.find(src), std::string::npos) << o.message;
  EXPECT_NE(o.message.find("expected 13 county-level units, found 12"), std::string::npos) << o.message;
  EXPECT_NE(o.message.find("missing adcode 330114"), std::string::npos) << o.message;
  EXPECT_EQ(snapshot(out), before);
  fs::remove_all(out.parent_path());
}

TEST(Fetch, OldDivisionIsRejectedByName) {
  std::vector<Unit> units = syntheticUnits();
  units[0].adcode = 330103;  // 下城区, abolished in 2021
  units[0].name = "下城区";
  const fs::path tmp = freshDir("old");
  const fs::path out = tmp / "out";
  const FetchOutcome o = fetchFrom(writeTextAt(tmp / "old.json", dataVGeoJson(units)), out);
  ASSERT_FALSE(o);
  EXPECT_NE(o.message.find("unexpected adcode 330103 (下城区)"), std::string::npos) << o.message;
  EXPECT_NE(o.message.find("pre-2021 division"), std::string::npos) << o.message;
  EXPECT_NE(o.message.find("missing adcode 330102"), std::string::npos) << o.message;
  EXPECT_FALSE(fs::exists(out)) << "a failed fetch must not even create the output folder";
  fs::remove_all(tmp);
}

TEST(Fetch, WrongAreaIsRejected) {
  std::vector<Unit> units = syntheticUnits();
  for (Vec2& v : units[4].wgs[0].rings[0]) v.y = 29.3 + (v.y - 29.3) * 1.1;  // 萧山区 10 % taller
  const fs::path out = userFolder("area");
  const auto before = snapshot(out);
  const FetchOutcome o = fetchFrom(writeTextAt(out.parent_path() / "a.json", dataVGeoJson(units)), out, true);
  ASSERT_FALSE(o);
  EXPECT_NE(o.message.find("330109 Xiaoshan District: geodesic area"), std::string::npos) << o.message;
  EXPECT_EQ(snapshot(out), before);
  fs::remove_all(out.parent_path());
}

TEST(Fetch, ExistingSetIsKeptWithoutForce) {
  const fs::path out = userFolder("exists");
  const auto before = snapshot(out);
  const FetchOutcome o = fetchFrom(writeTextAt(out.parent_path() / "s.json", dataVGeoJson(syntheticUnits())), out);
  EXPECT_EQ(o.status, FetchStatus::Exists);
  EXPECT_NE(o.message.find((out / "districts.shp").string() + ": already exists"), std::string::npos) << o.message;
  EXPECT_NE(o.message.find("--force"), std::string::npos);
  EXPECT_EQ(snapshot(out), before);
  fs::remove_all(out.parent_path());
}

TEST(Fetch, ForceReplacesTheSetAndKeepsSomeoneElsesSourcesNote) {
  const fs::path out = userFolder("force");
  writeTextAt(out / "districts.qix", "stale spatial index");
  const FetchOutcome o = fetchFrom(writeTextAt(out.parent_path() / "s.json", dataVGeoJson(syntheticUnits())), out, true);
  ASSERT_TRUE(o) << o.message;
  EXPECT_EQ(slurp(out / "SOURCES.md"), "my own notes\n");
  EXPECT_EQ(o.sources_note, (out / "SOURCES.districts.md").string());
  EXPECT_TRUE(fs::exists(out / "SOURCES.districts.md"));
  EXPECT_FALSE(fs::exists(out / "districts.qix"));
  auto d = loadDistricts((out / "districts.shp").string(), kDefaultDisplayCrs);
  ASSERT_TRUE(d) << d.error();
  EXPECT_EQ(d->size(), 13u);
  fs::remove_all(out.parent_path());
}

TEST(Fetch, NotGeoJsonIsAClearError) {
  const fs::path tmp = freshDir("garbage");
  const std::string src = writeTextAt(tmp / "page.html", "<html>503 Service Unavailable</html>");
  const FetchOutcome o = fetchFrom(src, tmp / "out");
  EXPECT_EQ(o.status, FetchStatus::Failed);
  EXPECT_EQ(o.message.rfind(src + ": not a GeoJSON FeatureCollection", 0), 0u) << o.message;
  EXPECT_FALSE(fs::exists(tmp / "out"));
  fs::remove_all(tmp);
}

TEST(Fetch, MissingLocalFileIsAClearError) {
  const fs::path tmp = freshDir("missing");
  const FetchOutcome o = fetchFrom("/nonexistent/330100_full.json", tmp / "out");
  EXPECT_EQ(o.status, FetchStatus::NoSource);
  EXPECT_EQ(o.message, "/nonexistent/330100_full.json: file not found");
  EXPECT_FALSE(fs::exists(tmp / "out"));
  fs::remove_all(tmp);
}

TEST(Fetch, UnreachableUrlFailsFastAndSaysWhereToPutTheFiles) {
  const fs::path tmp = freshDir("offline");
  FetchOptions opt;
  opt.source = "http://127.0.0.1:9/areas_v3/bound/330100_full.json";  // loopback, closed port
  opt.out_dir = (tmp / "out").string();
  opt.connect_timeout_s = 5;
  opt.timeout_s = 10;
  const auto t0 = std::chrono::steady_clock::now();
  const FetchOutcome o = fetchDistricts(opt);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(s, 10.0);
  EXPECT_EQ(o.status, FetchStatus::NoSource);
  EXPECT_EQ(o.message.rfind(opt.source + ": cannot download (", 0), 0u) << o.message;
  for (const std::string& part : {std::string("--data DIR"), std::string("$CHAINMAP_DATA"), userDataDir(),
                                  std::string("shared/data/hangzhou"), std::string("--from")})
    EXPECT_NE(o.message.find(part), std::string::npos) << part << "\n" << o.message;
  EXPECT_FALSE(fs::exists(tmp / "out"));
  fs::remove_all(tmp);
}

TEST(ChainmapDataTool, FetchWhereAndOffline) {
  const std::string exe = std::string(CHAINMAP_BIN_DIR) + "/chainmap-data";
  if (!fs::exists(exe)) GTEST_SKIP() << exe << " is not built";
  const fs::path tmp = freshDir("tool");
  const std::string src = writeTextAt(tmp / "in.json", dataVGeoJson(syntheticUnits()));
  const fs::path out = tmp / "out";
  auto run = [&](const std::string& args, std::string& output) {
    const std::string log = (tmp / "log.txt").string();
    const int rc = std::system((exe + " " + args + " >" + log + " 2>&1").c_str());
    output = slurp(log);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  };
  std::string text;
  EXPECT_EQ(run("fetch --from '" + src + "' --out '" + out.string() + "'", text), 0) << text;
  EXPECT_NE(text.find("Chun'an County"), std::string::npos) << text;
  EXPECT_EQ(run("fetch --from '" + src + "' --out '" + out.string() + "'", text), 3) << text;
  EXPECT_EQ(run("where --data '" + out.string() + "'", text), 0) << text;
  EXPECT_NE(text.find(out.string() + "/districts.shp"), std::string::npos) << text;
  EXPECT_EQ(run("where --data '" + (tmp / "nothing").string() + "'", text), 1) << text;
  EXPECT_EQ(run("fetch --from http://127.0.0.1:9/330100_full.json --out '" + (tmp / "o2").string() + "'", text), 2);
  EXPECT_NE(text.find("needs internet access"), std::string::npos) << text;
  fs::remove_all(tmp);
}

// ---- what a fetch checks before it replaces anything (README "Tests", Security) ---------------
// Each crafted source is refused with a message naming it and the problem, and the folder that
// already held a set is byte for byte what it was.

namespace {

std::string refusedAndKept(const std::string& name, const std::string& text, FetchStatus status = FetchStatus::Failed,
                           size_t max_bytes = FetchOptions{}.max_bytes) {
  const fs::path out = userFolder(name);
  const auto before = snapshot(out);
  const std::string src = writeTextAt(out.parent_path() / (name + ".json"), text);
  FetchOptions o;
  o.source = src;
  o.out_dir = out.string();
  o.force = true;
  o.max_bytes = max_bytes;
  const FetchOutcome r = fetchDistricts(o);
  EXPECT_EQ(r.status, status) << r.message;
  EXPECT_NE(r.message.find(src), std::string::npos) << r.message;
  EXPECT_EQ(snapshot(out), before) << name << ": the folder changed";
  fs::remove_all(out.parent_path());
  return r.message;
}

nlohmann::json syntheticJson() { return nlohmann::json::parse(dataVGeoJson(syntheticUnits())); }

// A one-connection HTTP server on the loopback that answers any request with `body`.
struct OneShotServer {
  int fd = -1, port = 0;
  std::thread thread;
  explicit OneShotServer(std::string body) {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd, 1) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
      return;
    port = ntohs(a.sin_port);
    thread = std::thread([this, body = std::move(body)] {
      const int c = ::accept(fd, nullptr, nullptr);
      if (c < 0) return;
      char buf[4096];
      (void)::recv(c, buf, sizeof buf, 0);
      const std::string head = "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
      std::string all = head + body;
      for (size_t off = 0; off < all.size();) {
        const ssize_t n = ::send(c, all.data() + off, all.size() - off, MSG_NOSIGNAL);
        if (n <= 0) break;
        off += static_cast<size_t>(n);
      }
      ::close(c);
    });
  }
  ~OneShotServer() {
    if (thread.joinable()) thread.join();
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

TEST(FetchChecks, AFileOverTheSizeLimitIsRefusedUnread) {
  const std::string m = refusedAndKept("size", dataVGeoJson(syntheticUnits()), FetchStatus::NoSource, 4096);
  EXPECT_NE(m.find("larger than 4096 bytes, not the expected file"), std::string::npos) << m;
}

TEST(FetchChecks, ADownloadOverTheSizeLimitIsCutOffAndNothingChanges) {
  OneShotServer server(dataVGeoJson(syntheticUnits()));
  ASSERT_GT(server.port, 0);
  const fs::path out = userFolder("download_size");
  const auto before = snapshot(out);
  FetchOptions o;
  o.source = "http://127.0.0.1:" + std::to_string(server.port) + "/330100_full.json";
  o.out_dir = out.string();
  o.force = true;
  o.max_bytes = 4096;
  o.connect_timeout_s = 5;
  o.timeout_s = 20;
  const FetchOutcome r = fetchDistricts(o);
  EXPECT_EQ(r.status, FetchStatus::NoSource) << r.message;
  EXPECT_EQ(r.message.rfind(o.source + ": cannot download (larger than 4096 bytes, not the expected file)", 0), 0u) << r.message;
  EXPECT_EQ(snapshot(out), before);
  fs::remove_all(out.parent_path());
}

TEST(FetchChecks, TheJsonMustHaveDataVsShape) {
  nlohmann::json lone = syntheticJson()["features"][0];  // GDAL would read a lone Feature
  EXPECT_NE(refusedAndKept("lone", lone.dump()).find("not a GeoJSON FeatureCollection (the top level must be"), std::string::npos);
  EXPECT_NE(refusedAndKept("array", "[1, 2, 3]").find("not a GeoJSON FeatureCollection"), std::string::npos);
  EXPECT_NE(refusedAndKept("nofeatures", R"({"type": "FeatureCollection", "features": {}})").find("'features' must be an array"),
            std::string::npos);
  EXPECT_NE(refusedAndKept("empty", R"({"type": "FeatureCollection", "features": []})").find("contains no features"), std::string::npos);
  nlohmann::json j = syntheticJson();
  j["features"][3]["properties"]["adcode"] = "330110";
  EXPECT_NE(refusedAndKept("string_adcode", j.dump()).find("feature 4: 'adcode' must be a whole number (DataV GeoAtlas's format), got \"330110\""),
            std::string::npos);
  j = syntheticJson();
  j["features"][0].erase("properties");
  EXPECT_NE(refusedAndKept("no_properties", j.dump()).find("feature 1: has no 'properties' object"), std::string::npos);
  j = syntheticJson();
  j["features"][2]["properties"]["name"] = 7;
  EXPECT_NE(refusedAndKept("name_type", j.dump()).find("feature 3: 'name' must be text"), std::string::npos);
  j = syntheticJson();
  j["features"][5]["geometry"] = {{"type", "Point"}, {"coordinates", {120.1, 30.2}}};
  EXPECT_NE(refusedAndKept("point", j.dump()).find("feature 6 (adcode 330110): expected Polygon or MultiPolygon, found \"Point\""),
            std::string::npos);
  j = syntheticJson();
  j["features"][1]["type"] = "Geometry";
  EXPECT_NE(refusedAndKept("not_feature", j.dump()).find("feature 2: not a GeoJSON Feature"), std::string::npos);
}

TEST(FetchChecks, ExactlyTheThirteenUnitsByAdcodeAndName) {
  std::vector<Unit> units = syntheticUnits();
  units.push_back(units[0]);  // 14: 上城区 twice
  std::string m = refusedAndKept("fourteen", dataVGeoJson(units));
  EXPECT_NE(m.find("expected 13 county-level units, found 14"), std::string::npos) << m;
  EXPECT_NE(m.find("adcode 330102 appears twice"), std::string::npos) << m;
  units = syntheticUnits();
  std::swap(units[0].name, units[1].name);  // right adcodes, names swapped
  m = refusedAndKept("names", dataVGeoJson(units));
  EXPECT_NE(m.find("the unit names do not match the current division"), std::string::npos) << m;
  EXPECT_NE(m.find("adcode 330102 is called 拱墅区, expected 上城区"), std::string::npos) << m;
}

TEST(FetchChecks, AreasMustBeHangzhousTogetherAndEach) {
  std::vector<Unit> units = syntheticUnits();
  for (Unit& u : units)  // every unit 20 % too tall: a wrong CRS or another city
    for (Vec2& v : u.wgs[0].rings[0]) v.y = u.wgs[0].rings[0][0].y + (v.y - u.wgs[0].rings[0][0].y) * 1.2;
  const std::string m = refusedAndKept("areas", dataVGeoJson(units));
  EXPECT_NE(m.find("the district areas do not match the reference set"), std::string::npos) << m;
  double expected = 0;
  for (const ExpectedDistrict& e : expectedHangzhouDistricts()) expected += e.area_km2;
  char buf[64];
  std::snprintf(buf, sizeof buf, "expected %.1f km²", std::round(expected * 10) / 10);
  EXPECT_NE(m.find(buf), std::string::npos) << buf << "\n" << m;
  EXPECT_NEAR(expected, 16850, 100);
  EXPECT_NE(m.find("330182 Jiande City: geodesic area"), std::string::npos) << m;
}

TEST(FetchChecks, EveryVertexLiesInsideHangzhou) {
  std::vector<Unit> units = syntheticUnits();
  for (Vec2& v : units[7].wgs[0].rings[0]) v.x += 3.0;  // 临安区 moved 300 km east, the same area
  const std::string m = refusedAndKept("bbox", dataVGeoJson(units));
  EXPECT_NE(m.find("feature 8 (adcode 330112): has a vertex at "), std::string::npos) << m;
  EXPECT_NE(m.find("outside Hangzhou (118.0–121.2 E, 28.9–30.9 N)"), std::string::npos) << m;
}

TEST(FetchChecks, EveryGeometryIsValid) {
  std::vector<Unit> units = syntheticUnits();
  Ring& r = units[2].wgs[0].rings[0];  // 西湖区 as a bow tie: two corners swapped
  std::swap(r[1], r[2]);
  const std::string m = refusedAndKept("bowtie", dataVGeoJson(units));
  EXPECT_NE(m.find("feature 3 (adcode 330106): the geometry is not valid ("), std::string::npos) << m;
}
