// The parallel projects CSV parser (the same result on any number of threads and any chunking)
// and the columnar cache (round trip, invalidation, damaged files, turned off).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "data/csv_chunks.h"
#include "data/model_loader.h"
#include "data/project_cache.h"
#include "sample_model.h"
#include "temp_dir.h"
#include "file_text.h"

using namespace cm;
namespace fs = std::filesystem;

namespace {

// Every column of two project tables.
void expectSameProjects(const Projects& a, const Projects& b) {
  ASSERT_EQ(a.size(), b.size());
  EXPECT_TRUE(a.id == b.id);
  EXPECT_TRUE(a.name_zh == b.name_zh);
  EXPECT_TRUE(a.name_en == b.name_en);
  EXPECT_TRUE(a.foreign == b.foreign);
  EXPECT_EQ(a.ecosystem, b.ecosystem);
  EXPECT_EQ(a.chain, b.chain);
  EXPECT_EQ(a.chain_names, b.chain_names);
  EXPECT_EQ(a.sector, b.sector);
  EXPECT_EQ(a.investment_yi, b.investment_yi);
  EXPECT_EQ(a.signed_day, b.signed_day);
  EXPECT_EQ(a.started_day, b.started_day);
  EXPECT_EQ(a.producing_day, b.producing_day);
  EXPECT_EQ(a.stage, b.stage);
  EXPECT_EQ(a.district_adcode, b.district_adcode);
  EXPECT_EQ(a.district_index, b.district_index);
  EXPECT_EQ(a.park_index, b.park_index);
  EXPECT_EQ(a.in_park, b.in_park);
  EXPECT_EQ(a.lon, b.lon);
  EXPECT_EQ(a.lat, b.lat);
  EXPECT_EQ(a.x, b.x);
  EXPECT_EQ(a.y, b.y);
  EXPECT_EQ(a.fdi_musd, b.fdi_musd);
  EXPECT_EQ(a.chain_leader, b.chain_leader);
  EXPECT_EQ(a.leader_index, b.leader_index);
  EXPECT_EQ(a.chain_role, b.chain_role);
  EXPECT_EQ(a.channel, b.channel);
  EXPECT_EQ(a.synthetic, b.synthetic);
  EXPECT_EQ(a.approx, b.approx);
  EXPECT_EQ(a.extra_names, b.extra_names);
  EXPECT_EQ(a.extra.size(), b.extra.size());
}

// A file of `n` rows with everything that makes CSV hard: a BOM, CRLF and LF line ends, quoted
// commas, quoted line breaks (CRLF too), doubled quotes, empty lines, bad rows, duplicate ids,
// unknown parks, leaders forward and backward, and rows of invalid UTF-8 (not for the loader's
// canonical path, which wants UTF-8 at the top of the file).
std::string hardCsv(int n, bool bad_utf8 = true) {
  std::string s = "\xEF\xBB\xBFid,name_zh,name_en,ecosystem,chain,sector,investment_yi,signed_date,started_date,stage,park_id,lon,lat,foreign,"
                  "fdi_musd,chain_leader,leader_id,channel,synthetic\r\n";
  for (int i = 1; i <= n; ++i) {
    const std::string id = "H" + std::to_string(i);
    std::string name_en = "Project " + std::to_string(i);
    std::string name_zh = "项目" + std::to_string(i);
    std::string lon = std::to_string(120.0 + (i % 50) * 0.01), lat = std::to_string(30.1 + (i % 40) * 0.005);
    std::string inv = std::to_string(0.5 + i % 7), park, leader, row_id = id, eco = i % 2 ? "iot" : "bio";
    switch (i % 17) {
      case 1: name_en = "\"" + name_en + ", with a comma\""; break;
      case 2: name_zh = "\"" + name_zh + "\n第二行\""; break;
      case 3: name_en = "\"say \"\"hi\"\", " + name_en + "\""; break;
      case 4: lon = "200.5"; break;
      case 5: inv = "lots"; break;
      case 6: row_id = "H" + std::to_string(i - 3); break;  // a duplicate
      case 7: park = "no_such_park"; break;
      case 8: name_en = "\"crlf\r\ninside\""; break;
      case 9: leader = "H" + std::to_string(i + 5); break;  // forward
      case 10: leader = "H1"; break;
      case 11: leader = "NOPE"; break;
      case 12: eco = "fintech"; break;
      case 13: name_zh = bad_utf8 ? "bad \xff\xfe utf8" : "fine"; break;
      case 14: inv = "+1.5e1"; break;
      default: break;
    }
    s += row_id + "," + name_zh + "," + name_en + "," + eco + ",,manufacturing," + inv + ",2024-0" + std::to_string(1 + i % 9) +
         "-15,,," + park + "," + lon + "," + lat + ",,0,0," + leader + ",task_force,1";
    s += i % 3 ? "\r\n" : "\n";
    if (i % 29 == 0) s += "\n";  // an empty line: skipped, not counted
  }
  return s;
}

using cm::test::TempDir;
using cm::test::writeText;


// Sets an environment variable for the life of the object.
struct ScopedEnv {
  std::string name;
  std::optional<std::string> old;
  ScopedEnv(const char* n, const std::string& v) : name(n) {
    if (const char* o = std::getenv(n)) old = o;
    ::setenv(n, v.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old) ::setenv(name.c_str(), old->c_str(), 1);
    else ::unsetenv(name.c_str());
  }
};


// The projects caches in a cache folder (*.cmcache: beside them the remembered PROJ pipelines).
std::vector<fs::path> cacheFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".cmcache" && e.path().filename().string().rfind("basemap-", 0) != 0) out.push_back(e.path());  // not the base map's
  return out;
}

// A hard table of `rows` rows written into `dir`, read without the cache (`fresh`), and the key
// and path its cache takes there.
struct HardTable {
  Model fresh;
  std::string key, path;
};
void hardTable(const fs::path& dir, int rows, HardTable& t) {
  const fs::path file = dir / "hard.csv";
  writeText(file, hardCsv(rows, false));
  LoadReport r0;
  t.fresh = loadModel({CHAINMAP_TEST_DATA, file.string(), "", "", "", false}, r0);
  ASSERT_FALSE(r0.fatal());
  const ProjectsCacheKey cache_key{file.string(), "", kDefaultDisplayCrs, {}};
  t.key = projectsCacheKeyText(cache_key);
  t.path = projectsCachePath(dir.string(), cache_key);
}

}  // namespace

TEST(CsvChunks, TokenizerFollowsQuotesAndLineEnds) {
  const std::string text = "a,\"b,c\",\"d\"\"e\"\r\n\r\n\"multi\r\nline\",x\ry,z\n";
  CsvTokenizer t(text.data(), text.data() + text.size());
  std::vector<std::string_view> f;
  ASSERT_TRUE(t.next(f));
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0], "a");
  EXPECT_EQ(f[1], "b,c");
  EXPECT_EQ(f[2], "d\"e");
  ASSERT_TRUE(t.next(f));  // the empty line is skipped
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0], "multi\nline");
  EXPECT_EQ(f[1], "x");  // a lone CR ends the row
  ASSERT_TRUE(t.next(f));
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0], "y");
  EXPECT_FALSE(t.next(f));
}

TEST(CsvChunks, EverySeparatorIsFoundWhereverItFallsInASixteenByteStep) {
  // The field scan reads sixteen bytes a step: each separator at each offset of a step, in long
  // and short fields, with and without a step's worth of bytes after it.
  for (size_t n = 0; n <= 40; ++n) {
    const std::string a(n, 'a');
    for (const char* sep : {",", "\n", "\r\n", "\r"}) {
      SCOPED_TRACE("field of " + std::to_string(n) + " bytes, then " + (sep[0] == ',' ? "a comma" : "a line break"));
      for (const std::string tail : {"", "b", "bbbbbbbbbbbbbbbbbbbbbbbb"}) {
        const std::string text = a + sep + tail + "," + "\"q" + a + "\"\n";
        CsvTokenizer t(text.data(), text.data() + text.size());
        std::vector<std::string_view> f;
        ASSERT_TRUE(t.next(f));
        if (sep[0] == ',') {
          ASSERT_EQ(f.size(), 3u);
          EXPECT_EQ(f[0], a);
          EXPECT_EQ(f[1], tail);
          EXPECT_EQ(f[2], "q" + a);
        } else {
          if (n > 0) {  // (an empty line is skipped: then the second row comes first)
            ASSERT_EQ(f.size(), 1u);
            EXPECT_EQ(f[0], a);
            ASSERT_TRUE(t.next(f));
          }
          ASSERT_EQ(f.size(), 2u);
          EXPECT_EQ(f[0], tail);
          EXPECT_EQ(f[1], "q" + a);
        }
        EXPECT_FALSE(t.next(f));
      }
    }
  }
}

TEST(ProjectsCsvParallel, AnyThreadsAndChunksGiveTheSameResult) {
  Model m;
  ASSERT_TRUE(test::loadMap(m));
  TempDir dir;
  const fs::path file = dir.path / "hard.csv";
  writeText(file, hardCsv(700));  // ~70 KB: many 4 KB chunks, cut inside quoted line breaks too
  auto tr = Transform::create(kWgs84, kDefaultDisplayCrs);
  auto one = loadProjectsCsv(file.string(), *tr, m.districts, m.parks, CsvLoadOptions{1, size_t{1} << 30, nullptr});
  ASSERT_TRUE(one) << one.error();
  // What the one-thread read holds (the loader's rules, checked on a few rows).
  const Projects& p = one->projects;
  EXPECT_EQ(p.id[0], "H1");
  EXPECT_EQ(p.name_en[0], "Project 1, with a comma");
  EXPECT_EQ(p.name_zh[1], "项目2\n第二行");
  EXPECT_EQ(p.name_en[2], "say \"hi\", Project 3");
  bool has_crlf_name = false;
  for (size_t i = 0; i < p.size(); ++i) has_crlf_name |= p.name_en[i] == "crlf\ninside";
  EXPECT_TRUE(has_crlf_name);
  auto has = [&](const std::string& a) {
    for (const std::string& w : one->warnings)
      if (w.find(a) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has("row 4: lon '200.5'"));
  EXPECT_TRUE(has("row 6: duplicate id 'H3'"));
  EXPECT_TRUE(has("row 13: text is not valid UTF-8"));
  EXPECT_TRUE(has("more warnings not shown"));
  EXPECT_TRUE(has(" of 700 rows skipped"));
  for (unsigned threads : {2u, 3u, 8u}) {
    for (size_t chunk : {size_t{4096}, size_t{5000}, size_t{20000}}) {
      SCOPED_TRACE("threads " + std::to_string(threads) + ", chunk " + std::to_string(chunk));
      auto par = loadProjectsCsv(file.string(), *tr, m.districts, m.parks, CsvLoadOptions{threads, chunk, nullptr});
      ASSERT_TRUE(par) << par.error();
      EXPECT_EQ(par->warnings, one->warnings);
      EXPECT_EQ(par->synthetic, one->synthetic);
      expectSameProjects(par->projects, one->projects);
    }
  }
}

TEST(ProjectsCsvParallel, ProgressReachesOneAndCancelStops) {
  Model m;
  ASSERT_TRUE(test::loadMap(m));
  TempDir dir;
  const fs::path file = dir.path / "hard.csv";
  writeText(file, hardCsv(300));
  auto tr = Transform::create(kWgs84, kDefaultDisplayCrs);
  TaskControl control;
  ASSERT_TRUE(loadProjectsCsv(file.string(), *tr, m.districts, m.parks, CsvLoadOptions{2, 4096, &control}));
  EXPECT_EQ(control.progress.load(), 1.f);
  TaskControl cancelled;
  cancelled.cancel = true;
  auto r = loadProjectsCsv(file.string(), *tr, m.districts, m.parks, CsvLoadOptions{2, 4096, &cancelled});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error(), file.string() + ": loading cancelled");
}

TEST(ProjectsCache, RoundTripEqualsAFreshLoad) {
  TempDir dir;
  ScopedEnv cache_dir("CHAINMAP_CACHE_DIR", (dir.path / "cache").string());
  const fs::path file = dir.path / "hard.csv";
  writeText(file, hardCsv(400, false));
  LoadReport fresh_report;
  const Model fresh = loadModel({CHAINMAP_TEST_DATA, file.string(), "", "", "", false}, fresh_report);
  ASSERT_FALSE(fresh_report.fatal());
  ASSERT_GT(fresh.projects.size(), 0u);
  EXPECT_FALSE(fs::exists(dir.path / "cache"));  // use_cache false: nothing written

  LoadReport first_report, second_report;
  const Model first = loadModel({CHAINMAP_TEST_DATA, file.string(), "", "", ""}, first_report);  // parses, writes the cache
  ASSERT_TRUE(fs::exists(dir.path / "cache"));
  ASSERT_EQ(cacheFiles(dir.path / "cache").size(), 1u);
  const Model second = loadModel({CHAINMAP_TEST_DATA, file.string(), "", "", ""}, second_report);  // from the cache
  expectSameProjects(first.projects, fresh.projects);
  expectSameProjects(second.projects, fresh.projects);
  EXPECT_EQ(second.projects_synthetic, fresh.projects_synthetic);
  EXPECT_EQ(second_report.warnings, fresh_report.warnings);
  EXPECT_EQ(first_report.warnings, fresh_report.warnings);

  // The reader on its own: the same key reads back, another key does not.
  const ProjectsCacheKey cache_key{file.string(), "", kDefaultDisplayCrs, {}};
  const std::string key = projectsCacheKeyText(cache_key);
  ASSERT_FALSE(key.empty());
  const std::string path = projectsCachePath((dir.path / "direct").string(), cache_key);
  ASSERT_TRUE(writeProjectsCache(path, key, fresh.projects, true, {"w1", "w2"}));
  auto back = readProjectsCache(path, key);
  ASSERT_TRUE(back);
  expectSameProjects(back->projects, fresh.projects);
  EXPECT_TRUE(back->synthetic);
  EXPECT_EQ(back->warnings, (std::vector<std::string>{"w1", "w2"}));
  EXPECT_FALSE(readProjectsCache(path, key + "x"));
}

TEST(ProjectsCache, ServedInPlaceFromTheMappedFile) {
  TempDir dir;
  HardTable t;
  ASSERT_NO_FATAL_FAILURE(hardTable(dir.path, 300, t));
  const Model& fresh = t.fresh;
  const std::string &key = t.key, &path = t.path;
  ASSERT_TRUE(writeProjectsCache(path, key, fresh.projects, false, {}));
  std::string bytes = test::slurp(path);
  auto back = readProjectsCache(path, key);
  ASSERT_TRUE(back);
  Projects& p = back->projects;
  ASSERT_TRUE(fresh.projects.name_glyphs);
  EXPECT_EQ(p.name_glyphs, fresh.projects.name_glyphs);  // the atlas's characters, kept with the columns
  // Views of the mapping, not copies: no heap bytes of their own, each aligned for its type.
  EXPECT_TRUE(p.x.viewed() && p.lon.viewed() && p.ecosystem.viewed() && p.investment_yi.viewed());
  EXPECT_EQ(p.x.heapBytes(), 0u);
  EXPECT_EQ(p.name_zh.bytes(), 0u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(p.x.data()) % alignof(double), 0u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(p.signed_day.data()) % alignof(int32_t), 0u);
  // Written in place: the value changes in memory, never in the file.
  p.x[0] += 1000.0;
  EXPECT_EQ(p.x[0], fresh.projects.x[0] + 1000.0);
  EXPECT_EQ(test::slurp(path), bytes);
  // A change of length copies the column into owned memory first.
  const size_t n = p.size();
  p.lon.push_back(120.0);
  EXPECT_FALSE(p.lon.viewed());
  EXPECT_EQ(p.lon.size(), n + 1);
  EXPECT_EQ(p.lon[n - 1], fresh.projects.lon[n - 1]);
  // A copy is owned and outlives the mapping.
  Projects copy = p;
  back.reset();
  EXPECT_FALSE(copy.x.viewed());
  EXPECT_EQ(copy.y[n - 1], fresh.projects.y[n - 1]);
  EXPECT_EQ(copy.name_en[n - 1], fresh.projects.name_en[n - 1]);
}

TEST(ProjectsCache, AnIndexOutOfRangeFailsTheCheck) {
  TempDir dir;
  HardTable t;
  ASSERT_NO_FATAL_FAILURE(hardTable(dir.path, 100, t));
  const Model& fresh = t.fresh;
  const std::string &key = t.key, &path = t.path;
  const size_t last = fresh.projects.size() - 1;
  for (int bad = 0; bad < 5; ++bad) {
    SCOPED_TRACE("bad " + std::to_string(bad));
    Projects p = fresh.projects;
    if (bad == 0) p.sector[last] = static_cast<Sector>(7);
    else if (bad == 1) p.ecosystem[last] = static_cast<Ecosystem>(kEcosystemCount);
    else if (bad == 2) p.chain[last] = static_cast<uint16_t>(p.chain_names.size());
    else if (bad == 3) p.leader_index[last] = static_cast<int32_t>(p.size());
    else p.park_index[last] = static_cast<int16_t>(fresh.parks.size());
    ASSERT_TRUE(writeProjectsCache(path, key, p, false, {}));
    EXPECT_FALSE(readProjectsCache(path, key, CacheLimits{fresh.districts.size(), fresh.parks.size()}));
  }
  ASSERT_TRUE(writeProjectsCache(path, key, fresh.projects, false, {}));
  EXPECT_TRUE(readProjectsCache(path, key, CacheLimits{fresh.districts.size(), fresh.parks.size()}));
}

TEST(ProjectsCache, ChangedSourceOrCrsMissesTheCache) {
  TempDir dir;
  const fs::path file = dir.path / "p.csv";
  writeText(file, hardCsv(50, false));
  const ProjectsCacheKey k{file.string(), "", kDefaultDisplayCrs, {}};
  const std::string before = projectsCacheKeyText(k);
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(projectsCacheKeyText(k), before);
  EXPECT_NE(projectsCacheKeyText({file.string(), "", "EPSG:3857", {}}), before);
  EXPECT_NE(projectsCacheKeyText({file.string(), "{\"id\":\"x\"}", kDefaultDisplayCrs, {}}), before);
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));  // touched
  EXPECT_NE(projectsCacheKeyText(k), before);

  // Through the loader: a changed file is read again, not taken from the cache.
  ScopedEnv cache_dir("CHAINMAP_CACHE_DIR", (dir.path / "cache").string());
  LoadReport r1, r2;
  const Model a = loadModel({CHAINMAP_TEST_DATA, file.string(), "", "", ""}, r1);
  ASSERT_FALSE(r1.fatal());
  std::string text = hardCsv(50, false);
  const std::string from = "Project 15,", to = "Renamed 15,";
  text.replace(text.find(from), from.size(), to);
  writeText(file, text);
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(10));
  const Model b = loadModel({CHAINMAP_TEST_DATA, file.string(), "", "", ""}, r2);
  ASSERT_EQ(a.projects.size(), b.projects.size());
  bool renamed = false;
  for (size_t i = 0; i < b.projects.size(); ++i) renamed |= b.projects.name_en[i] == "Renamed 15";
  EXPECT_TRUE(renamed);
  // One cache file per source: the new one replaced the old.
  EXPECT_EQ(cacheFiles(dir.path / "cache").size(), 1u);
}

TEST(ProjectsCache, TruncatedOrCorruptFilesAreIgnoredAndRewritten) {
  TempDir dir;
  ScopedEnv cache_dir("CHAINMAP_CACHE_DIR", (dir.path / "cache").string());
  const fs::path file = dir.path / "p.csv";
  writeText(file, hardCsv(200, false));
  LoadReport r0;
  const Model fresh = loadModel({CHAINMAP_TEST_DATA, file.string(), "", "", ""}, r0);
  ASSERT_FALSE(r0.fatal());
  const std::vector<fs::path> caches = cacheFiles(dir.path / "cache");
  ASSERT_EQ(caches.size(), 1u);
  const fs::path cache = caches[0];
  const auto size = fs::file_size(cache);
  const std::string bytes = test::slurp(cache);
  ASSERT_EQ(bytes.size(), size);
  // The damage a reopen can see without reading the columns' bytes (they are served in place: a
  // bit flipped in the middle of a coordinate column is not looked for; see readProjectsCache).
  const size_t key_at = bytes.find("chainmap projects cache");
  ASSERT_NE(key_at, std::string::npos);
  for (int damage = 0; damage < 7; ++damage) {
    SCOPED_TRACE("damage " + std::to_string(damage));
    std::string bad = bytes;
    if (damage == 0) bad.resize(bad.size() / 2);            // truncated
    else if (damage == 1) bad[bad.size() - 3] ^= 0x40;      // one bit in the checksum
    else if (damage == 2) bad.resize(8);                   // only the magic
    else if (damage == 3) bad += "tail";                   // something after the checksum
    else if (damage == 4) bad[key_at + 30] ^= 0x01;        // one bit in the key
    else if (damage == 5) bad[bad.size() - 12] ^= 0x01;    // one bit in the warnings
    else bad.resize(bad.size() - 1);                       // the last byte lost
    writeText(cache, bad);
    LoadReport r;
    const Model m = loadModel({CHAINMAP_TEST_DATA, file.string(), "", "", ""}, r);
    ASSERT_FALSE(r.fatal());
    expectSameProjects(m.projects, fresh.projects);
    EXPECT_EQ(r.warnings, r0.warnings);
    std::ifstream in(cache, std::ios::binary);  // written again, whole
    EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), bytes);
  }
}

TEST(ProjectsCache, TurnedOffByEnvironmentOrOption) {
  TempDir dir;
  ScopedEnv cache_dir("CHAINMAP_CACHE_DIR", (dir.path / "cache").string());
  EXPECT_EQ(projectsCacheDir(), (dir.path / "cache").string());
  const fs::path file = dir.path / "p.csv";
  writeText(file, hardCsv(30, false));
  {
    ScopedEnv off("CHAINMAP_NO_CACHE", "1");
    EXPECT_EQ(projectsCacheDir(), "");
    LoadReport r;
    loadModel({CHAINMAP_TEST_DATA, file.string(), "", "", ""}, r);
    ASSERT_FALSE(r.fatal());
    EXPECT_FALSE(fs::exists(dir.path / "cache"));
  }
  LoadReport r;
  loadModel({CHAINMAP_TEST_DATA, file.string(), "", "", "", /*use_cache=*/false}, r);
  ASSERT_FALSE(r.fatal());
  EXPECT_FALSE(fs::exists(dir.path / "cache"));
  {
    ScopedEnv xdg("XDG_CACHE_HOME", "/somewhere/xdg");
    ::unsetenv("CHAINMAP_CACHE_DIR");
    EXPECT_EQ(projectsCacheDir(), "/somewhere/xdg/chainmap/projects");
  }
}
