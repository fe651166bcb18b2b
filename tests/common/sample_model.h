// Loads the real districts, the shipped parks and a projects CSV into a cm::Model for tests.
#pragma once
#include <gtest/gtest.h>

#include <string>

#include "core/model.h"
#include "data/data_paths.h"
#include "data/parks_csv.h"
#include "data/projects_csv.h"
#include "data/vector_layers.h"
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

}  // namespace cm::test
