#include "cli/remote.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>

#include "core/stats_report.h"
#include "platform/data_paths.h"
#include "data/gdal/table.h"
#include "data/model_loader.h"
#include "data/postgis_source.h"

namespace cm {

Result<std::shared_ptr<PostgisSource>> openRemote(const Options& opt, Model& m) {
  RemoteTable t;
  t.conninfo = opt.projects_file;
  t.table = opt.layer;
  if (const size_t dot = opt.layer.find('.'); dot != std::string::npos) {  // GDAL names PostGIS layers SCHEMA.TABLE
    t.schema = opt.layer.substr(0, dot);
    t.table = opt.layer.substr(dot + 1);
  }
  auto src = PostgisSource::open(t, m);
  if (!src) return Result<std::shared_ptr<PostgisSource>>::fail(withoutPassword(opt.projects_file) + ": " + src.error());
  if (opt.summaries) {  // --summaries: made (or made again when the table changed) before any answer
    const auto t0 = std::chrono::steady_clock::now();
    auto made = (*src)->prepareSummaries(true);
    if (!made) return Result<std::shared_ptr<PostgisSource>>::fail(withoutPassword(opt.projects_file) + ": " + made.error());
    std::fprintf(stderr, "summaries: the statistics rollup %s, the bin pyramid %s (%.1f s)\n", made->rollup ? "in use" : "missing",
                 made->pyramid ? "in use" : "missing",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  } else if ((*src)->summaries().stale) {
    std::fprintf(stderr, "warning: %s: the database's summaries are older than the table and are not used (slower answers): "
                 "--summaries, or F5 in the window, makes them again\n", opt.layer.c_str());
  }
  m.projects.chain_names = (*src)->chainNames();  // what --chain names and the statistics' by_chain index
  m.projects_file = opt.projects_file;
  m.projects_layer = opt.layer;
  return std::shared_ptr<PostgisSource>(std::move(*src));
}

int runRemoteStats(const Options& opt) {
  LoadOptions lo;
  lo.data_dir = opt.data_dir;
  lo.crs = opt.crs;
  lo.map_only = true;
  LoadReport rep;
  Model m = loadModel(lo, rep);
  for (const std::string& e : rep.errors) std::fprintf(stderr, "error: %s\n", e.c_str());
  if (rep.fatal()) return 1;
  auto src = openRemote(opt, m);
  if (!src) {
    std::fprintf(stderr, "error: %s\n", src.error().c_str());
    return 1;
  }
  auto f = filterFromOptions(opt, m);
  if (!f) {
    std::fprintf(stderr, "error: %s\n", f.error().c_str());
    return 2;
  }
  auto s = (*src)->stats(*f);
  if (!s) {
    std::fprintf(stderr, "error: %s: %s\n", withoutPassword(opt.projects_file).c_str(), s.error().c_str());
    return 1;
  }
  auto targets = loadTargets(assetDir() + "/targets.json");
  std::optional<TargetProgress> progress;
  if (targets) {  // the window's rule (core/targets.h), asked of the database
    std::string failed;
    auto query = [&](const Filter& q) {
      auto r = (*src)->stats(q);
      if (!r) failed = r.error();
      return r ? *r : Stats{};
    };
    const Stats all = query(Filter{});
    const int first = all.by_month.empty() ? 0 : all.by_month.front().first;
    const int last = all.by_month.empty() ? 0 : all.by_month.back().first;
    progress = targetProgress(query, *targets, f->month_to, first, last);
    if (!failed.empty()) {
      std::fprintf(stderr, "error: %s: %s\n", withoutPassword(opt.projects_file).c_str(), failed.c_str());
      return 1;
    }
  }
  std::cout << statsReport(m, *s, progress ? &*progress : nullptr).dump(2) << "\n";
  return 0;
}

}  // namespace cm
