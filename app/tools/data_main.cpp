// chainmap-data: the data helper.
//   chainmap-data fetch [--out DIR] [--from FILE_OR_URL] [--force]
//       downloads DataV GeoAtlas's Hangzhou districts (GCJ-02), converts them to WGS 84, checks
//       them and writes districts.shp/... + SOURCES.md into the user's data folder.
//   chainmap-data where [--data DIR]
//       prints the folders chainmap searches and the files it would use.
// Exit codes: 0 ok; 1 a check or the writing failed; 2 the source could not be downloaded/read;
// 3 districts.shp already exists (fetch without --force); `where`: 1 when no districts were found.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/parse_errors.h"
#include "platform/data_paths.h"
#include "data/gdal/fetch.h"

namespace {

int runFetch(const cm::FetchOptions& opt) {
  std::cerr << "chainmap-data fetch: reading " << (opt.source.empty() ? cm::kDataVHangzhouUrl : opt.source) << "\n";
  const cm::FetchOutcome o = cm::fetchDistricts(opt);
  for (const std::string& w : o.warnings) std::cerr << "warning: " << w << "\n";
  if (!o) {
    std::cerr << "chainmap-data fetch: error: " << o.message << "\n";
    return static_cast<int>(o.status);
  }
  std::printf("%-7s %-22s %-18s %10s %10s\n", "adcode", "name", "kind", "km²", "ref km²");
  for (const cm::FetchedDistrict& d : o.districts) {
    double ref = 0;
    for (const cm::ExpectedDistrict& e : cm::expectedHangzhouDistricts())
      if (e.adcode == d.adcode) ref = e.area_km2;
    std::printf("%-7d %-22s %-18s %10.1f %10.1f\n", d.adcode, d.name_en.c_str(), d.kind.c_str(), d.area_km2, ref);
  }
  std::cout << o.message << "\nnotes: " << o.sources_note
            << "\nThese boundaries have no open licence (DataV/Amap terms): keep them for your own use.\n";
  return 0;
}

int runWhere(const std::string& data_dir) {
  const cm::DataPaths p = cm::resolveDataPaths(data_dir);
  std::cout << "search order: --data DIR (only it, when given), $CHAINMAP_DATA, your data folder, "
               "../shared/data/hangzhou beside the checkout; the first folder with districts.shp wins.\n"
            << "searched:\n";
  for (size_t i = 0; i < p.searched.size(); ++i)
    std::cout << "  " << i + 1 << ". " << p.searched[i] << (p.searched[i] == p.data_dir ? "   <- used" : "") << "\n";
  std::cout << "data folder: " << (p.data_dir.empty() ? "(none found)" : p.data_dir) << "\n"
            << "districts:   " << (p.districts.empty() ? "(none)" : p.districts) << "\n"
            << "water:       " << p.water << "\n"
            << "rivers:      " << p.rivers << "\n"
            << "parks:       " << p.parks << "\n"
            << "user data folder (chainmap-data fetch writes here): " << cm::userDataDir() << "\n";
  if (p.data_dir.empty()) {
    std::cerr << cm::noDistrictsMessage(p) << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"chainmap-data: get and locate the Hangzhou map data for chainmap"};
  app.require_subcommand(1);

  cm::FetchOptions opt;
  CLI::App* fetch = app.add_subcommand(
      "fetch", "Download the district boundaries (DataV GeoAtlas, GCJ-02), convert them to WGS 84, check them "
               "and write districts.shp + SOURCES.md (needs internet once)");
  fetch->add_option("--out", opt.out_dir, "Output folder (default: " + cm::userDataDir() + ")");
  fetch->add_option("--from", opt.source,
                    "Read this local file or URL instead of " + std::string(cm::kDataVHangzhouUrl));
  fetch->add_flag("--force", opt.force, "Replace a districts.shp already in the output folder");
  fetch->add_option("--timeout", opt.timeout_s, "Download time limit in seconds")->capture_default_str();

  std::string data_dir;
  CLI::App* where = app.add_subcommand("where", "Print the data folders chainmap searches and the files it uses");
  where->add_option("--data", data_dir, "The folder chainmap would be given with --data");

  CHAINMAP_CLI_PARSE(app, argc, argv);
  if (*fetch) return runFetch(opt);
  return runWhere(data_dir);
}
