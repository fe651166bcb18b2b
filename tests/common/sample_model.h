// Loads the real districts, the shipped parks and a projects CSV into a cm::Model for tests.
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/model.h"
#include "platform/data_paths.h"
#include "data/parks_csv.h"
#include "data/projects_csv.h"
#include "data/gdal/vector_layers.h"
#include "geo/projection.h"

namespace cm::test {

inline std::string parksFile() { return assetDir() + "/hangzhou/parks.csv"; }

// Districts and parks only; ok false (with a gtest failure) when they cannot be read.
inline bool loadMap(Model& m) {
  auto d = loadDistricts(std::string(CHAINMAP_TEST_DATA) + "/districts.shp", kDefaultDisplayCrs);
  EXPECT_TRUE(d) << d.error();
  if (!d) return false;
  m.districts = d.take();
  auto tr = Transform::create(kWgs84, kDefaultDisplayCrs);
  auto p = loadParksCsv(parksFile(), *tr);
  EXPECT_TRUE(p) << p.error();
  if (!p) return false;
  m.parks = p.take();
  m.display_crs = kDefaultDisplayCrs;
  return true;
}

inline bool loadModel(Model& m, const std::string& projects_csv, std::vector<std::string>* warnings = nullptr) {
  if (!loadMap(m)) return false;
  auto tr = Transform::create(kWgs84, kDefaultDisplayCrs);
  auto r = loadProjectsCsv(projects_csv, *tr, m.districts, m.parks);
  EXPECT_TRUE(r) << r.error();
  if (!r) return false;
  m.projects = std::move(r->projects);
  m.projects_synthetic = r->synthetic;
  m.projects_file = projects_csv;
  if (warnings) *warnings = r->warnings;
  return true;
}

// A test suite whose tests share one sample model (the shipped projects CSV, the real districts
// and the parks), loaded once before the suite's first test: derive, then use m(), park(id) and
// warnings_ (what the loader said).
class SampleSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model_ = new Model;
    warnings_ = new std::vector<std::string>;
    ok_ = loadModel(*model_, defaultProjectsFile(), warnings_);
  }
  static void TearDownTestSuite() {
    delete model_;
    delete warnings_;
    model_ = nullptr;
    warnings_ = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(ok_); }
  static const Model& m() { return *model_; }
  // Index of the park with this id in m().parks, -1 when none.
  static int park(const std::string& id) {
    for (size_t i = 0; i < model_->parks.size(); ++i)
      if (model_->parks[i].id == id) return static_cast<int>(i);
    return -1;
  }
  static inline Model* model_ = nullptr;
  static inline std::vector<std::string>* warnings_ = nullptr;  // the loader's, for the sample
  static inline bool ok_ = false;
};

}  // namespace cm::test
