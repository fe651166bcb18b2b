// chainmap-gen: writes the synthetic projects CSV.
//   chainmap-gen                                   the calibrated sample → assets/hangzhou/projects_sample.csv
//   chainmap-gen --count 1000000 --out big.csv     a scale set
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>

#include "cli/parse_errors.h"
#include "platform/data_paths.h"
#include "data/generator.h"
#include "data/parks_csv.h"
#include "data/gdal/vector_layers.h"
#include "geo/projection.h"

int main(int argc, char** argv) {
  CLI::App app{"chainmap-gen: synthetic, reproducible project data calibrated to the report"};
  uint64_t seed = cm::kSampleSeed;
  size_t count = 0;
  std::string out, data_dir = std::string(CHAINMAP_SOURCE_DIR) + "/../shared/data/hangzhou";
  std::string parks = cm::assetDir() + "/hangzhou/parks.csv";
  app.add_option("--seed", seed, "PRNG seed (the committed sample uses the default)")->capture_default_str();
  // Read as a signed number and range-checked: into a size_t, "-5" would wrap to 2^64 - 5 rows.
  int64_t count_arg = 0;
  app.add_option("--count", count_arg, "rows of a scale set (e.g. 20000, 1000000); 0 = the calibrated sample")
      ->check(CLI::Range(int64_t{0}, int64_t{100'000'000}))
      ->capture_default_str();
  app.add_option("--out", out, "output CSV (default: assets/hangzhou/projects_sample.csv for the sample)");
  app.add_option("--data", data_dir, "folder with districts.shp")->capture_default_str();
  app.add_option("--parks", parks, "parks.csv with main_ecosystem and radius_km")->capture_default_str();
  CHAINMAP_CLI_PARSE(app, argc, argv);
  count = static_cast<size_t>(count_arg);
  if (out.empty()) {
    if (count > 0) {
      std::fprintf(stderr, "chainmap-gen: a scale set needs --out FILE (scale sets are not committed)\n");
      return 2;
    }
    if (seed != cm::kSampleSeed) {  // only the default seed may rewrite the committed sample
      std::fprintf(stderr, "chainmap-gen: --seed %llu needs --out FILE (without it the committed sample, seed %llu, would be overwritten)\n",
                   static_cast<unsigned long long>(seed), static_cast<unsigned long long>(cm::kSampleSeed));
      return 2;
    }
    out = cm::defaultProjectsFile();
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto districts = cm::loadDistricts(data_dir + "/districts.shp", cm::kDefaultDisplayCrs);
  if (!districts) {
    std::fprintf(stderr, "chainmap-gen: %s\n", districts.error().c_str());
    return 1;
  }
  auto tr = cm::Transform::create(cm::kWgs84, cm::kDefaultDisplayCrs);
  if (!tr) {
    std::fprintf(stderr, "chainmap-gen: %s\n", tr.error().c_str());
    return 1;
  }
  auto p = cm::loadParksCsv(parks, *tr);
  if (!p) {
    std::fprintf(stderr, "chainmap-gen: %s\n", p.error().c_str());
    return 1;
  }
  auto n = cm::generateProjects(out, {seed, count}, *districts, *p);
  if (!n) {
    std::fprintf(stderr, "chainmap-gen: %s\n", n.error().c_str());
    return 1;
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%s: %zu synthetic projects (seed %llu) in %.2f s\n", out.c_str(), *n,
              static_cast<unsigned long long>(seed), s);
  return 0;
}
