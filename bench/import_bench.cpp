// chainmap-bench --import-rows N: how fast a project table of N rows opens in each form — the
// canonical CSV (the strict fast path), the same CSV through the importer (a saved mapping), XLSX,
// GeoPackage, and a PostGIS table on a throwaway server (tests/pg/pg_throwaway.sh) — measured as
// loadModel() end to end (districts, parks and the table; what a user waits for), rows/second.
#include "import_bench.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "platform/data_paths.h"
#include "data/generator.h"
#include "data/gdal/export_projects.h"
#include "data/model_loader.h"
#include "bench_util.h"

namespace cm {

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

nlohmann::json timeLoad(const LoadOptions& opt, size_t rows) {
  LoadReport rep;
  const auto t0 = Clock::now();
  const Model m = loadModel(opt, rep);
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  nlohmann::json j{{"load_ms", ms}, {"projects", m.projects.size()}, {"rows_per_s", rows / (ms / 1000.0)}};
  if (rep.fatal()) j["error"] = rep.errors.front();
  return j;
}

}  // namespace

nlohmann::json runImportBench(const std::string& data_dir, size_t rows, const std::string& pg_script) {
  nlohmann::json r;
  r["rows"] = rows;
  const fs::path dir = fs::temp_directory_path() / ("chainmap-import-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  // The rows: the generator's scale set, then written in each form by chainmap's own export.
  LoadReport map_rep;
  const Model map = loadModel({data_dir, defaultProjectsFile(), "", "", ""}, map_rep);
  const std::string csv = (dir / "projects.csv").string();
  if (auto n = generateProjects(csv, GeneratorOptions{11, rows}, map.districts, map.parks); !n) {
    r["error"] = n.error();
    return r;
  }
  LoadReport rep;
  const Model all = loadModel({data_dir, csv, "", "", ""}, rep);
  for (const char* ext : {".xlsx", ".gpkg"})
    if (auto n = exportProjects(all, Filter{}, (dir / (std::string("projects") + ext)).string()); !n) r["error"] = n.error();
  // The importer on the CSV: a saved mapping routes it past the fast path.
  {
    auto t = readTable(csv, ReadOptions{});
    if (t) saveMapping((dir / "mapping.json").string(), guessMapping(*t), *t);
  }
  r["csv_fast_path"] = timeLoad({data_dir, csv, "", "", ""}, rows);
  r["csv_importer"] = timeLoad({data_dir, csv, "", "", (dir / "mapping.json").string()}, rows);
  r["xlsx"] = timeLoad({data_dir, (dir / "projects.xlsx").string(), "", "", ""}, rows);
  r["gpkg"] = timeLoad({data_dir, (dir / "projects.gpkg").string(), "", "", ""}, rows);
  // PostGIS: a throwaway server, the GeoPackage copied in with ogr2ogr.
  if (!pg_script.empty()) {
    const fs::path pgdir = dir / "pg";
    const std::string conn = shell(pg_script + " start " + pgdir.string() + " 2>&1");
    if (conn.rfind("host=", 0) == 0) {
      shell("ogr2ogr -f PostgreSQL \"PG:" + conn + "\" " + (dir / "projects.gpkg").string() + " -nln projects -lco GEOMETRY_NAME=geom 2>&1");
      r["postgis"] = timeLoad({data_dir, "PG:" + conn, "", "projects", ""}, rows);
      shell(pg_script + " stop " + pgdir.string());
    } else {
      r["postgis"] = {{"error", conn}};
    }
  }
  fs::remove_all(dir);
  return r;
}

void printImportTable(const nlohmann::json& r) {
  std::printf("\nOpening a %zu-row project table (loadModel end to end: districts, parks, the table)\n",
              r.value("rows", size_t{0}));
  std::printf("%-34s %12s %12s %12s\n", "source", "load ms", "rows/s", "projects");
  for (const char* k : {"csv_fast_path", "csv_importer", "xlsx", "gpkg", "postgis"}) {
    if (!r.contains(k)) continue;
    const nlohmann::json& e = r[k];
    if (e.contains("error")) {
      std::printf("%-34s %s\n", k, e["error"].get<std::string>().c_str());
      continue;
    }
    std::printf("%-34s %12.0f %12.0f %12zu\n", k, e["load_ms"].get<double>(), e["rows_per_s"].get<double>(),
                e["projects"].get<size_t>());
  }
}

}  // namespace cm
