// Nothing the user made is lost when chainmap dies while saving. For every kind of file chainmap
// writes — plain files through writeFileAtomically (mappings, recent files, captures, load
// reports), tours, the generator's CSV (stdio), project exports (CSV and GeoPackage through GDAL)
// and the columnar projects cache — a child process saves version A and version B over the same
// target, round and round, and is killed with SIGKILL at a random moment; after each kill the
// target must be exactly A or exactly B (byte for byte) and read back as such. A save that wrote
// in place would leave a prefix here within a few rounds. (test_tour_interrupted_save.cpp kills a
// tour save at two chosen moments; this loop picks the moments at random, for every writer.)
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <thread>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "file_text.h"
#include "core/tour.h"
#include "platform/atomic_file.h"
#include "data/generator.h"
#include "data/gdal/export_projects.h"
#include "data/model_loader.h"
#include "data/project_cache.h"
#include "temp_dir.h"

using namespace cm;
namespace fs = std::filesystem;

using test::slurp;
using test::shellQuote;

namespace {

const Model& model() {
  static const Model m = [] {
    LoadReport r;
    LoadOptions o{CHAINMAP_TEST_DATA, "", "", "", ""};
    o.use_cache = false;
    return loadModel(o, r);
  }();
  return m;
}

// save(version) writes version 0 or 1 to `target`. The two versions are made once to learn their
// bytes and how long a save takes; then `rounds` children save 0, 1, 0, 1 … until a SIGKILL at a
// random moment within a few saves' time, and the target is checked after each.
// `same` (optional) tells whether the target holds what version v's save made, for formats whose
// bytes differ from save to save (a GeoPackage records when it was written); default: the bytes.
using Same = std::function<bool(const fs::path& target, int v, const std::string& bytes_of_v)>;
void killDuringSaves(const std::string& what, const fs::path& target, const std::function<bool(int version)>& save,
                     int rounds = 12, Same same = nullptr) {
  if (!same) same = [](const fs::path& t, int, const std::string& b) { return slurp(t) == b; };
  std::string bytes[2];
  auto t0 = std::chrono::steady_clock::now();
  for (int v : {1, 0}) {
    ASSERT_TRUE(save(v)) << what << ": version " << v << " cannot be saved";
    bytes[v] = slurp(target);
  }
  const double save_us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() / 2;
  ASSERT_TRUE(same(target, 0, bytes[0]) && !same(target, 1, bytes[1])) << what << ": the check must tell the versions apart";
  std::mt19937 rng(20261126);
  std::uniform_real_distribution<double> when(0.0, 3.0 * save_us + 2000.0);
  for (int round = 0; round < rounds; ++round) {
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      for (int v = round % 2;; v ^= 1) save(v);  // until killed
    }
    std::this_thread::sleep_for(std::chrono::microseconds(static_cast<int64_t>(when(rng))));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << what << ": the saving child ended by itself";
    EXPECT_TRUE(same(target, 0, bytes[0]) || same(target, 1, bytes[1]))
        << what << ", round " << round << ": the target is neither version (" << slurp(target).size()
        << " bytes; the versions have " << bytes[0].size() << " and " << bytes[1].size() << ")";
  }
  // The next save that succeeds clears what the killed ones left behind.
  ASSERT_TRUE(save(0)) << what;
  for (const auto& e : fs::directory_iterator(target.parent_path()))
    EXPECT_EQ(e.path().filename().string().find(target.filename().string() + "."), std::string::npos)
        << what << ": a killed save's temporary is still there: " << e.path();
}

}  // namespace

TEST(KillMidSave, APlainFileIsAlwaysTheOldOrTheNewOne) {
  test::TempDir dir;
  const fs::path target = dir.path / "mapping.chainmap.json";
  const std::string a(3 << 20, 'a'), b(2 << 20, 'b');
  killDuringSaves("writeFileAtomically", target, [&](int v) { return static_cast<bool>(writeFileAtomically(target.string(), v ? b : a)); });
}

TEST(KillMidSave, ATourIsAlwaysTheOldOrTheNewOneAndLoads) {
  test::TempDir dir;
  const fs::path target = dir.path / "tour.json";
  Tour t[2];
  for (int v : {0, 1}) {
    t[v].title = {v ? "新版" : "旧版", v ? "New" : "Old"};
    TourStep s;
    s.title = {"步", "Step"};
    s.text = {"文字。", "Text."};
    s.notes = {std::string(100, 'z'), std::string(kTourNotesLimit - 1 - v, 'n')};
    s.lon = 120.15, s.lat = 30.28, s.width_km = 42;
    t[v].steps.assign(v ? 300 : 200, s);
  }
  killDuringSaves("saveTour", target, [&](int v) { return static_cast<bool>(saveTour(target.string(), t[v])); });
  auto back = loadTour(target.string());
  ASSERT_TRUE(back) << back.error();
  EXPECT_TRUE(*back == t[0] || *back == t[1]);
}

TEST(KillMidSave, TheGeneratorsCsvIsAlwaysTheOldOrTheNewOne) {
  test::TempDir dir;
  const fs::path target = dir.path / "projects.csv";
  const Model& m = model();
  ASSERT_FALSE(m.districts.empty());
  killDuringSaves("chainmap-gen", target, [&](int v) {
    GeneratorOptions o;
    o.seed = 1 + v;
    o.count = 20000;
    return static_cast<bool>(generateProjects(target.string(), o, m.districts, m.parks));
  });
}

TEST(KillMidSave, ExportsAreAlwaysTheOldOrTheNewOne) {
  test::TempDir dir;
  const Model& m = model();
  ASSERT_GT(m.projects.size(), 1000u);
  size_t rows[2] = {0, 0};
  auto save = [&](const fs::path& target) {
    return [&, target](int v) {
      Filter f;
      if (v) f.min_investment_yi = 1;  // fewer rows
      auto n = exportProjects(m, f, target.string());
      if (n) rows[v] = *n;
      return static_cast<bool>(n);
    };
  };
  killDuringSaves("export.csv", dir.path / "export.csv", save(dir.path / "export.csv"), 8);
  // A GeoPackage records when it was written: the one left behind must open and hold all the rows
  // of one version.
  killDuringSaves("export.gpkg", dir.path / "export.gpkg", save(dir.path / "export.gpkg"), 8,
                  [&](const fs::path& t, int v, const std::string&) {
                    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(t.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
                    OGRLayer* l = ds ? ds->GetLayerByName("projects") : nullptr;
                    return l && l->GetFeatureCount(TRUE) == static_cast<GIntBig>(rows[v]);
                  });
}

TEST(KillMidSave, TheProjectsCacheIsAlwaysTheOldOrTheNewOneAndReadsBack) {
  test::TempDir dir;
  const fs::path target = dir.path / "projects.cmcache";
  const Model& m = model();
  killDuringSaves("projects cache", target, [&](int v) {
    return static_cast<bool>(writeProjectsCache(target.string(), v ? "key B" : "key A", m.projects, true, {v ? "B" : "A"}));
  });
  const bool a = readProjectsCache(target.string(), "key A").has_value(), b = readProjectsCache(target.string(), "key B").has_value();
  EXPECT_TRUE(a != b) << "the cache left behind reads back under exactly one of the two keys";
}
