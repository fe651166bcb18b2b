// chainmap: flags → model → headless mode (--stats, --screenshot, --record: no display needed) or
// the interactive window.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/analyze.h"
#include "cli/options.h"
#include "cli/remote.h"
#include "cli/state_from_options.h"
#include "core/dates.h"
#include "platform/trace.h"
#include "core/stats_report.h"
#include "platform/data_paths.h"
#include "data/gdal/export_projects.h"
#include "data/gdal/table.h"
#include "data/model_loader.h"
#include "platform/secrets.h"
#include "ui/app.h"
#include "ui/layout.h"
#include "ui/startup.h"
#include "ui/tour_player.h"

using namespace cm;

// Tables from this size up open in the window behind a progress bar (about 250,000 rows).
constexpr uintmax_t kDeferBytes = 64u << 20;

static void report(const LoadReport& r) {
  for (const std::string& e : r.errors) std::fprintf(stderr, "error: %s\n", e.c_str());
  for (const std::string& w : r.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  for (const std::string& l : r.import_lines) std::fprintf(stderr, "%s\n", l.c_str());  // the import's report
}

// A large table opened in the window: the map comes up at once and the projects follow on a worker
// behind the loading panel's progress bar (and its Cancel), as when a table is opened from the
// window. Not when a flag needs the rows to make the first state (a selection, a filter, a tour,
// a saved capture): those wait for the rows as before.
static bool deferProjects(const Options& o, bool interactive) {
  if (!interactive || o.projects_file.empty() || isDatabaseSource(o.projects_file)) return false;
  if (!o.select.empty() || !o.time.empty() || !o.ecosystems.empty() || !o.chains.empty() || !o.sector.empty() ||
      !o.districts.empty() || !o.park.empty() || o.min_investment || !o.tour.empty() || o.present || o.presenter ||
      !o.capture_idle.empty() || !o.mapping.empty() || !o.layer.empty() || !o.choropleth.empty() || o.lifecycle)
    return false;
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(o.projects_file, ec);
  return !ec && bytes >= (kDeferBytes);
}

static int fail(int code, const std::string& msg) {
  std::fprintf(stderr, "error: %s\n", msg.c_str());
  return code;
}

// --export and --stats: the filtered projects written, the figures printed (no window). -1: go on.
static int exportAndStats(const Options& opt, const Model& m, const Filter& f) {
  if (!opt.export_file.empty()) {
    auto n = exportProjects(m, f, opt.export_file);
    if (!n) return fail(1, n.error());
    std::fprintf(stderr, "%s: %zu projects written\n", opt.export_file.c_str(), *n);
    if (!opt.stats) return 0;
  }
  if (!opt.stats) return -1;
  auto targets = loadTargets(assetDir() + "/targets.json");
  std::cout << statsReport(m, f, targets ? &*targets : nullptr).dump(2) << "\n";  // the window's targets rule
  return 0;
}

// --tour (a broken tour stops a screenshot or a recording; the window shows why), then
// --presenter's console, then the step to show. -1: go on.
static int openTourAndConsole(App& app, const Options& opt, bool headless_frames) {
  AppState& st = app.state();
  if (!opt.tour.empty()) {
    auto warnings = openTour(st, opt.tour);
    if (!warnings) {
      std::fprintf(stderr, "error: %s\n", warnings.error().c_str());
      if (headless_frames) return 1;
      st.errors.push_back(warnings.error());
    } else {
      for (const std::string& w : *warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
      st.warnings.insert(st.warnings.end(), warnings->begin(), warnings->end());
    }
  }
  // The console beside the audience view (its own window, the same state): opened after the tour
  // (its atlas holds the captions and notes) and before a step is shown (the audience is then in
  // presentation mode, and the step's camera fills the presentation's map area).
  if (opt.presenter)
    if (auto ok = app.openConsole(); !ok) {
      std::fprintf(stderr, "error: %s\n", ok.error().c_str());
      if (headless_frames) return 1;
      st.errors.push_back(ok.error());
    }
  if (!st.tour.open) return -1;
  if (opt.step > 0) {
    if (opt.step > static_cast<int>(st.tour.doc.steps.size()))
      return fail(2, "--step " + std::to_string(opt.step) + ": " + opt.tour + " has " + std::to_string(st.tour.doc.steps.size()) + " steps");
    goToStep(st, app.model(), opt.step - 1, false);
  } else if (!headless_frames) {
    goToStep(st, app.model(), 0, false);  // the tour's first view, its caption on screen
  }
  st.tour.loop = opt.loop;
  st.tour.autoplay = opt.loop;
  return -1;
}

// --record: the video of --play or --tour.
static int recordVideo(App& app, const Options& opt) {
  App::Recording rec;
  rec.path = opt.record;
  rec.fps = opt.fps;
  rec.seconds = opt.seconds > 0 ? opt.seconds : 20;
  rec.tour = !opt.tour.empty() && opt.play.empty();
  if (!rec.tour) {
    const auto dots = opt.play.find("..");
    const auto a = dots == std::string::npos ? std::nullopt : parseMonth(opt.play.substr(0, dots));
    const auto b = dots == std::string::npos ? std::nullopt : parseMonth(opt.play.substr(dots + 2));
    if (!a || !b) return fail(2, "--record needs --tour FILE or --play YYYY-MM..YYYY-MM (got '" + opt.play + "')");
    if (*b < *a) return fail(2, "--play " + opt.play + ": the end month comes before the start");
    rec.play_from = *a;
    rec.play_to = *b;
  }
  std::fprintf(stderr, "recording %d frames (%dx%d, %d fps) to %s …\n", app.recordingFrames(rec), opt.width, opt.height, opt.fps,
               opt.record.c_str());
  auto msg = app.record(rec);
  if (!msg) return fail(1, msg.error());
  std::fprintf(stderr, "%s\n", msg->c_str());
  return 0;
}

// --screenshot: one frame offscreen (and with --presenter the console beside it, NAME-console.png).
static int writeScreenshot(App& app, const Options& opt) {
  if (auto ok = app.screenshot(opt.screenshot); !ok) return fail(1, ok.error());
  trace("screenshot written");
  if (!app.consoleOpen()) return 0;
  std::string path = opt.screenshot;
  const auto dot = path.rfind('.');
  path = (dot == std::string::npos ? path : path.substr(0, dot)) + "-console.png";
  auto img = app.consoleFrame(true);
  auto ok = img ? writePng(path, *img) : Result<bool>::fail(img.error());
  return ok ? 0 : fail(1, ok.error());
}

// The interactive window: presentation, the source to reload, the import's dialogs, a deferred
// large table, --watch and --capture-idle, then the event loop.
static int runWindow(App& app, const Options& opt, const LoadOptions& source, const LoadReport& report, bool remote, bool defer) {
  app.setPresentation(opt.monitor, opt.windowed, opt.kiosk_minutes * 60, opt.tour);
  if (!remote) app.setSource(source, report.import);
  if (report.needs_mapping) app.openMappingDialog(report.import);
  if (report.import && report.import->undecidedRows() > 0 && !opt.present)
    app.state().requests.edit_categories = true;  // industries below confidence: the category dialog
  if (defer) app.openProjects(opt.projects_file, opt.layer, opt.mapping);
  app.setWatch(opt.watch_s);
  if (!opt.capture_idle.empty()) app.captureWhenIdle(opt.capture_idle);
  return app.runInteractive();
}

// Flags → data → one mode: --remote --stats, --analyze, --export/--stats, --record, --screenshot
// (no display needed for any of them) or the window.
static int run(const Options& opt) {
  if (opt.remote && opt.stats) return runRemoteStats(opt);  // cli/remote.h: no rows loaded, no window
  // The data and the font atlas load on worker threads while this one opens the (hidden) window.
  const bool want_window = !opt.stats && opt.export_file.empty() && opt.analyze.empty();
  // The atlas is rasterised for the scale the window opens with (text stays crisp at 4K).
  const float scale = opt.ui_scale > 0 ? static_cast<float>(opt.ui_scale) : layout::autoScale(opt.width, opt.height, 1, opt.present || opt.layout == "present");
  const bool defer = deferProjects(opt, want_window && opt.screenshot.empty() && opt.record.empty());
  LoadOptions first{opt.data_dir, opt.projects_file, opt.crs, opt.layer, opt.mapping, !opt.no_cache};
  first.map_only = defer || opt.remote;  // --remote: the rows stay in PostGIS
  first.lang = opt.lang == "en" ? Lang::En : Lang::Zh;  // the import's report and errors
  StartupLoader load(first, want_window, 16.f * scale);
  App app;
  // A screenshot or a video needs no display: an offscreen context (EGL surfaceless). Either way
  // the shaders compile here, while the worker loads.
  const bool headless_frames = !opt.screenshot.empty() || !opt.record.empty();
  const Result<bool> window = !want_window    ? Result<bool>(true)
                              : headless_frames ? app.openHeadless(opt.width, opt.height)
                                                : app.openWindow(opt.width, opt.height);
  trace("window open");
  if (window && want_window) {  // the main thread's share while the worker reads the projects
    warmUpMainThread(opt.crs);
    app.prepareBaseMap(load.base());
  }
  load.join();
  trace("loaded");
  // A connection string's password never reaches stderr or the window, whatever quoted it.
  for (auto* list : {&load.report.errors, &load.report.warnings, &load.report.import_lines})
    for (std::string& s : *list) s = redactPasswords(s);
  report(load.report);
  const bool headless = !want_window || headless_frames;
  if (headless && load.report.needs_mapping) return 2;  // the message says which fields and which mapping file
  if (headless && load.report.fatal()) return 1;

  std::shared_ptr<PostgisSource> remote;  // --remote: the rows stay in PostGIS (cli/remote.h)
  if (opt.remote && !load.report.fatal()) {
    auto src = openRemote(opt, *load.model);
    if (!src) return fail(1, src.error());
    remote = *src;
  }
  auto state = stateFromOptions(opt, *load.model);
  if (!state) return fail(2, state.error());
  if (!opt.analyze.empty()) return runAnalysis(opt, *load.model, state->filter);  // cli/analyze.h
  if (const int rc = exportAndStats(opt, *load.model, state->filter); rc >= 0) return rc;
  if (!window) return fail(1, window.error());
  if (!*load.fonts) return fail(1, load.fonts->error());
  state->errors = load.report.errors;
  state->warnings = load.report.warnings;
  state->import = load.report.import;
  if (auto ok = app.start(load.model, state.take(), load.fonts->take()); !ok) return fail(1, ok.error());
  if (remote)
    if (auto ok = app.setRemote(remote, opt.time.empty()); !ok) return fail(1, withoutPassword(opt.projects_file) + ": " + ok.error());
  trace("app started");
  if (const int rc = openTourAndConsole(app, opt, headless_frames); rc >= 0) return rc;
  if (!opt.record.empty()) return recordVideo(app, opt);
  if (!opt.screenshot.empty()) return writeScreenshot(app, opt);
  return runWindow(app, opt, first, load.report, remote != nullptr, defer);
}

int main(int argc, char** argv) {
  trace("start");
  if (holdsSecret(std::vector<std::string>(argv + 1, argv + argc)))  // no core file holds the password (platform/secrets.h)
    trace(disableCoreDumps() ? "core dumps off: a password is in use" : "core dumps could not be turned off");
  int code = 0;
  auto opt = parseOptions(argc, argv, code);
  if (!opt) return code;
  int rc = 1;
  try {
    rc = run(*opt);
  } catch (const std::exception& e) {  // never a signal: say what went wrong and exit 1
    std::fprintf(stderr, "error: %s\n", redactPasswords(e.what()).c_str());
  }
  std::cout.flush();  // the answer is out before a first open's cache is written
  std::fflush(stdout);
  finishCacheWrites();
  trace("exit");
  return rc;
}
