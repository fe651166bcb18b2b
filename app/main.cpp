// chainmap: flags → model → headless mode (--stats, --screenshot) or the interactive window.
#include <cstdio>
#include <iostream>

#include "cli/options.h"
#include "core/dates.h"
#include "core/stats_report.h"
#include "data/data_paths.h"
#include "data/model_loader.h"
#include "ui/app.h"
#include "ui/startup.h"

using namespace cm;

static void report(const LoadReport& r) {
  for (const std::string& e : r.errors) std::fprintf(stderr, "error: %s\n", e.c_str());
  for (const std::string& w : r.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
}

int main(int argc, char** argv) {
  int code = 0;
  auto opt = parseOptions(argc, argv, code);
  if (!opt) return code;

  // The data and the font atlas load on worker threads while this one opens the (hidden) window.
  const bool want_window = !opt->stats;
  StartupLoader load({opt->data_dir, opt->projects_file, opt->crs}, want_window);
  const Model& model = load.model;
  const LoadReport& rep = load.report;
  App app(model);
  const Result<bool> window = want_window ? app.openWindow(opt->width, opt->height) : Result<bool>(true);
  load.join();
  report(rep);
  const bool headless = opt->stats || !opt->screenshot.empty();
  if (headless && rep.fatal()) return 1;

  auto filter = filterFromOptions(*opt, model);
  auto lang = langFromOptions(*opt);
  auto layers = opt->layers.empty() ? Result<LayerToggles>(LayerToggles{}) : parseLayers(opt->layers);
  for (const std::string* err : {&filter.error(), &lang.error(), &layers.error()})
    if (!err->empty()) {
      std::fprintf(stderr, "error: %s\n", err->c_str());
      return 2;
    }

  int selected = -1;
  if (!opt->select.empty()) {
    for (size_t i = 0; i < model.projects.size(); ++i)
      if (model.projects.id[i] == opt->select) selected = static_cast<int>(i);
    if (selected < 0) {
      std::fprintf(stderr, "error: --select: no project with id '%s' in %s\n", opt->select.c_str(), model.projects_file.c_str());
      return 2;
    }
  }

  if (opt->stats) {
    auto targets = loadTargets(assetDir() + "/targets.json");
    std::cout << statsReport(model, *filter, targets ? &*targets : nullptr).dump(2) << "\n";
    return 0;
  }

  if (!window) {
    std::fprintf(stderr, "error: %s\n", window.error().c_str());
    return 1;
  }
  if (!*load.fonts) {
    std::fprintf(stderr, "error: %s\n", load.fonts->error().c_str());
    return 1;
  }

  AppState st = defaultState(model);
  const Filter whole_timeline = st.filter;
  st.filter = *filter;  // the flags' filter; without --time the window spans the whole timeline
  if (opt->time.empty()) {
    st.filter.month_from = whole_timeline.month_from;
    st.filter.month_to = whole_timeline.month_to;
  }
  st.lang = *lang;
  st.layers = *layers;
  st.errors = rep.errors;
  st.warnings = rep.warnings;
  st.selected = selected;
  st.aggregate = opt->aggregate == "on" ? Aggregate::On : opt->aggregate == "off" ? Aggregate::Off : Aggregate::Auto;

  if (auto ok = app.start(st, load.fonts->take()); !ok) {
    std::fprintf(stderr, "error: %s\n", ok.error().c_str());
    return 1;
  }
  AppState& s = app.state();
  s.view.width = opt->width;
  s.view.height = opt->height;
  if (!opt->extent.empty()) {
    auto e = extentFromOptions(*opt, model.display_crs);
    if (!e) {
      std::fprintf(stderr, "error: %s\n", e.error().c_str());
      return 2;
    }
    s.view.fit(*e);
  } else if (s.home.valid()) {
    fitHome(s);
  }
  if (!opt->screenshot.empty()) {
    auto ok = app.screenshot(opt->screenshot);
    if (!ok) {
      std::fprintf(stderr, "error: %s\n", ok.error().c_str());
      return 1;
    }
    return 0;
  }
  return app.runInteractive();
}
