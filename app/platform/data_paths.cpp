#include "platform/data_paths.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <vector>
#include <fstream>

#include "platform/edit_distance.h"
#include "platform/files.h"

#ifndef CHAINMAP_SOURCE_DIR
#define CHAINMAP_SOURCE_DIR "."
#endif

namespace cm {

static std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string userDataDir() {
  std::string base = env("XDG_DATA_HOME");
  if (base.empty()) base = env("HOME").empty() ? "/tmp" : env("HOME") + "/.local/share";
  return base + "/chainmap/hangzhou";
}

std::string assetDir() {
  const std::string e = env("CHAINMAP_ASSETS");
  return e.empty() ? std::string(CHAINMAP_SOURCE_DIR) + "/assets" : e;
}

std::string shaderDir() {
  const std::string e = env("CHAINMAP_SHADERS");
  return e.empty() ? std::string(CHAINMAP_SOURCE_DIR) + "/shaders" : e;
}

std::string defaultProjectsFile() { return assetDir() + "/hangzhou/projects_sample.csv"; }

static bool firstLineHas(const std::string& path, const std::string& word) {
  std::ifstream in(path);
  std::string line;
  return std::getline(in, line) && line.find(word) != std::string::npos;
}

DataPaths resolveDataPaths(const std::string& cli) {
  DataPaths p;
  std::vector<std::string> candidates;
  if (!cli.empty()) candidates.push_back(cli);
  if (!env("CHAINMAP_DATA").empty()) candidates.push_back(env("CHAINMAP_DATA"));
  candidates.push_back(userDataDir());
  candidates.push_back(std::string(CHAINMAP_SOURCE_DIR) + "/../shared/data/hangzhou");
  // An explicit --data folder is the only one searched: the user said where the data is.
  if (!cli.empty()) candidates.resize(1);
  for (const std::string& dir : candidates) {
    p.searched.push_back(dir);
    if (fileExists(dir + "/districts.shp")) {
      p.data_dir = dir;
      break;
    }
  }
  const std::string assets = assetDir() + "/hangzhou";
  auto pick = [&](const char* name) {
    if (!p.data_dir.empty() && fileExists(p.data_dir + "/" + name)) return p.data_dir + "/" + name;
    return assets + "/" + name;
  };
  p.districts = p.data_dir.empty() ? (cli.empty() ? "" : cli + "/districts.shp") : p.data_dir + "/districts.shp";
  p.water = pick("water_polygons.shp");
  p.rivers = pick("rivers.shp");
  // parks.csv wins from the data folder only when it has chainmap's main_ecosystem/radius_km
  // columns; the shared compilation without them gives way to the enriched asset copy.
  p.parks = pick("parks.csv");
  if (p.parks != assets + "/parks.csv" && !firstLineHas(p.parks, "main_ecosystem")) p.parks = assets + "/parks.csv";
  return p;
}

// Why a searched folder gave nothing: it does not exist (a misspelt --data: with the sibling of
// the nearest name, when one has districts.shp) or it has no districts.shp.
static std::string folderNote(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return "  (a folder without districts.shp)";
  std::string note = "  (no such folder";
  const fs::path want = fs::path(dir).lexically_normal();
  const fs::path parent = want.has_parent_path() ? want.parent_path() : fs::path(".");
  std::string best;
  size_t best_d = 3;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    if (!e.is_directory(ec) || !fileExists((e.path() / "districts.shp").string())) continue;
    const std::string a = want.filename().string(), b = e.path().filename().string();
    const size_t d = editDistance(a, b);
    if (d < best_d) best_d = d, best = e.path().string();
  }
  if (!best.empty()) note += "; did you mean " + best + "?";
  return note + ")";
}

std::string noDistrictsMessage(const DataPaths& p) {
  std::string m = "districts.shp: no district boundaries found. Looked in:";
  for (const std::string& s : p.searched) m += "\n  " + s + folderNote(s);
  m += "\nRun `chainmap-data fetch` once (needs internet) to download them into " + userDataDir() +
       ", or put districts.shp/.shx/.dbf/.prj there or in the folder given with --data.";
  return m;
}

}  // namespace cm
