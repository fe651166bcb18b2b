// chainmap-bench: the performance harness behind the README's figures (issue 2, "Performance
// architecture"). For each projects file it measures, offscreen at --size (default 1600x1000):
//   load       loadModel() on the worker thread                (wall ms)
//   start-up   as main.cpp does it (ui/startup.h): model + font atlas on workers while the window
//              opens, then App::start and the first benchFrame (wall ms; the frame is glFinish()ed)
//   idle       frames with nothing changed (map texture cached, ImGui overlay only): median, p95
//   pan/zoom   frames that change the view every frame (panPixels / zoomAt), so the map redraws
//   filter     CPU between a filter change and the redraw: the statistics engine's update as the
//              app's frame runs it, and the map's uniform-only redraw submission
//              (MapRenderer::render's CPU time, before glFinish)
//   memory     peak resident set (VmHWM; getrusage ru_maxrss as a cross-check)
// Every data set runs in its own forked process, so start-up is a cold App and the peak memory
// belongs to that data set alone. --cpu-only FILE measures loading and the filter's CPU part
// without any window (for 1M rows). Prints a table; --json FILE writes the same for machines.
// Not a test: never registered with CTest. bench/run.sh builds, generates data and runs it.
#include <CLI/CLI.hpp>
#include <glad/gl.h>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <thread>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/parse_errors.h"
#include "core/dates.h"
#include "data/model_loader.h"
#include "cli/state_from_options.h"
#include "ui/app.h"
#include "ui/startup.h"
#include "core/stats.h"
#include "core/hex_pyramid.h"
#include "import_bench.h"
#include "postgis_bench.h"
#include "present_bench.h"
#include "analysis_bench.h"
#include "core/analysis/products.h"
#include "bench_util.h"

using namespace cm;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  const double pos = q * (v.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(pos)), hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

json summary(const std::vector<double>& v) {
  return {{"median_ms", percentile(v, 0.5)}, {"p95_ms", percentile(v, 0.95)},
          {"min_ms", v.empty() ? NAN : *std::min_element(v.begin(), v.end())},
          {"max_ms", v.empty() ? NAN : *std::max_element(v.begin(), v.end())}, {"n", v.size()}};
}

// A "Vm..:   1234 kB" line of /proc/self/status, in MB (NAN when absent).
double procStatusMb(const char* key) {
  std::ifstream f("/proc/self/status");
  std::string line;
  const std::string k = std::string(key) + ":";
  while (std::getline(f, line))
    if (line.rfind(k, 0) == 0) return std::stod(line.substr(k.size())) / 1024.0;
  return NAN;
}

double maxRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;  // kB on Linux
}

// CPU time of the whole process (every thread, llvmpipe's rasteriser threads included).
double cpuMs() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

// What a user does to the filter panel and the time slider, one change per step: never two
// equal filters in a row, so each step is a real change.
Filter filterStep(const Filter& base, int i) {
  Filter f = base;
  const int k = i / 4;
  switch (i % 4) {
    case 0: f.ecosystems = kAllEcosystems & ~(1u << (k % kEcosystemCount)); break;
    case 1: f.month_to = std::max(base.month_from, base.month_to - 1 - k % 24); break;
    case 2: f.min_investment_yi = 1.f + static_cast<float>(k % 5) * 2.f; break;
    default: f.park = (k % 2) ? ParkMode::InPark : ParkMode::OutsidePark; break;
  }
  return f;
}
Filter timeStep(const Filter& base, int i) {  // the time slider only
  Filter f = base;
  f.month_to = std::max(base.month_from, base.month_to - 1 - i % 36);
  return f;
}

// The CPU side of a filter change, GL-free (also used for 1M rows): exactly what App's frame does
// when the filter differs from the last one (ui/app.cpp renderFrame): the statistics engine's
// setAttributeFilter (O(n) only when more than the time window changed) and its two queries (the
// filter's window for the totals and legend, the whole timeline for the histogram).
json filterCpu(const Model& m, const AppState& st, int reps) {
  json r;
  volatile int64_t sink = 0;
  auto t = Clock::now();
  StatsEngine engine(m);
  r["engine_build_ms"] = msSince(t);
  t = Clock::now();
  engine.setAttributeFilter(st.filter);
  r["engine_first_filter_ms"] = msSince(t);
  r["engine_cells"] = engine.cellCount();
  r["engine_mb"] = engine.memoryBytes() / 1048576.0;
  auto appStep = [&](const Filter& f) {
    engine.setAttributeFilter(f);
    const Stats a = engine.query(f.month_from, f.month_to, f.undated);
    const Stats b = engine.query(st.timeline.first_month, st.timeline.last_month, true);
    sink = sink + a.total.count + b.total.count;
  };
  std::vector<double> attr, time, reference;
  for (int i = 0; i < reps; ++i) {
    const Filter f = filterStep(st.filter, i);
    t = Clock::now();
    appStep(f);
    attr.push_back(msSince(t));
  }
  appStep(st.filter);
  for (int i = 0; i < reps; ++i) {
    const Filter g = timeStep(st.filter, i);
    t = Clock::now();
    appStep(g);
    time.push_back(msSince(t));
  }
  // The plain one-pass reference (what a naive recompute per change would cost).
  for (int i = 0; i < std::min(reps, 10); ++i) {
    const Filter f = filterStep(st.filter, i);
    t = Clock::now();
    const Stats s = computeStats(m, f);
    reference.push_back(msSince(t));
    sink = sink + s.total.count;
  }
  // The bubbles' hex pyramid for a filter (the viewer builds it on a worker from 50k rows).
  const std::vector<uint32_t> order = spatialOrder(m.projects);
  std::vector<double> pyramid;
  for (int i = 0; i < std::min(reps, 5); ++i) {
    t = Clock::now();
    sink = sink + buildHexPyramid(m.projects, filterStep(st.filter, i), &order).members;
    pyramid.push_back(msSince(t));
  }
  r["pyramid_build"] = summary(pyramid);
  r["engine_attr"] = summary(attr);
  r["engine_time"] = summary(time);
  r["reference_pass"] = summary(reference);
  return r;
}

struct BenchOptions {
  std::vector<std::string> projects, cpu_only;
  std::string data_dir, json_file, size = "1600x1000", aggregate = "auto";
  int frames = 60, width = 1600, height = 1000, filter_reps = 30;
  bool no_fork = false;
  size_t import_rows = 0;  // --import-rows: table-opening benchmark (0: skip)
};

std::string label(const std::string& file) {  // "projects_20k.csv" -> "20k"
  if (file.empty()) return "sample";
  std::string s = file.substr(file.find_last_of('/') == std::string::npos ? 0 : file.find_last_of('/') + 1);
  if (s.rfind("projects_", 0) == 0) s = s.substr(9);
  if (s.size() > 4 && s.substr(s.size() - 4) == ".csv") s.resize(s.size() - 4);
  return s;
}

json runDataset(const BenchOptions& o, const std::string& file, bool cpu_only) {
  json r;
  r["file"] = file.empty() ? "(default sample)" : file;
  r["label"] = label(file);
  r["cpu_only"] = cpu_only;
  r["rss_start_mb"] = procStatusMb("VmRSS");
  // The same start-up path as main.cpp.
  const auto t_start = Clock::now();
  StartupLoader load({o.data_dir, file, "", "", ""}, !cpu_only);
  const Model& model = *load.model;
  const LoadReport& rep = load.report;
  App app;
  const Result<bool> window = cpu_only ? Result<bool>(true) : app.openHeadless(o.width, o.height);
  r["window_ms"] = msSince(t_start);
  if (!cpu_only && window) {  // as main.cpp: the main thread's share while the worker reads
    warmUpMainThread("");
    app.prepareBaseMap(load.base());
  }
  load.join();
  r["load_ms"] = load.load_ms;
  r["load_and_font_ms"] = msSince(t_start);
  r["projects"] = model.projects.size();
  r["rss_after_load_mb"] = procStatusMb("VmRSS");
  if (rep.fatal() || !window) {
    std::string e = window.error();
    for (const std::string& s : rep.errors) e += s + "; ";
    r["error"] = e;
    return r;
  }
  Options flags;  // what main.cpp opens with for `chainmap --size WxH --aggregate MODE`
  flags.width = o.width;
  flags.height = o.height;
  flags.aggregate = o.aggregate;
  auto state = stateFromOptions(flags, model);
  if (!state) {
    r["error"] = state.error();
    return r;
  }
  const AppState st0 = *state;
  r["aggregate"] = o.aggregate;
  if (cpu_only) {
    r["filter"] = filterCpu(model, st0, o.filter_reps);
    r["peak_rss_mb"] = procStatusMb("VmHWM");
    r["maxrss_mb"] = maxRssMb();
    return r;
  }
  if (!*load.fonts) {
    r["error"] = load.fonts->error();
    return r;
  }
  const auto t_init = Clock::now();
  if (auto ok = app.start(load.model, st0, load.fonts->take()); !ok) {
    r["error"] = ok.error();
    return r;
  }
  r["init_ms"] = msSince(t_init);
  AppState& s = app.state();
  const FrameStats first = app.benchFrame();
  r["first_frame_ms"] = first.frame_ms;
  r["startup_ms"] = msSince(t_start);  // process work from loading to the first frame on screen
  r["gl_renderer"] = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  r["gl_version"] = reinterpret_cast<const char*>(glGetString(GL_VERSION));
  for (int i = 0; i < 5; ++i) app.benchFrame();  // settle ImGui's auto-sized windows
  r["peak_rss_start_mb"] = procStatusMb("VmHWM");  // start-up's share of the peak (load, first frame)
  r["rss_first_frames_mb"] = procStatusMb("VmRSS");

  const View home = s.view;
  const Vec2 centre{o.width * 0.5, o.height * 0.5};
  // Frames as the window makes them: a moving view shows the last map moved until it rests or
  // strays too far (MapRenderer::render); `every_frame_drawn` draws each frame's map anew.
  auto frames = [&](const char* name, auto&& change, bool every_frame_drawn = false) {
    std::vector<double> frame, map;
    int redrawn = 0;
    const double cpu0 = cpuMs();
    const auto w0 = Clock::now();
    for (int i = 0; i < o.frames; ++i) {
      change(i);
      const FrameStats fs = app.benchFrame(!every_frame_drawn);
      frame.push_back(fs.frame_ms);
      map.push_back(fs.map_ms);
      redrawn += fs.map_redrawn;
    }
    const double wall = msSince(w0);
    json j = summary(frame);
    j["map_submit"] = summary(map);
    j["map_redrawn"] = redrawn;
    j["cpu_ms_per_frame"] = (cpuMs() - cpu0) / o.frames;  // all threads
    j["wall_ms_per_frame"] = wall / o.frames;
    j["peak_rss_mb"] = procStatusMb("VmHWM");  // the process's peak so far (which scenario raised it)
    if (std::getenv("CHAINMAP_BENCH_RSS")) std::fprintf(stderr, "%s: peak %.1f MB, now %.1f MB\n", name, procStatusMb("VmHWM"), procStatusMb("VmRSS"));
    r[name] = j;
  };

  // 1. Idle: nothing changes; the map texture is shown again, ImGui draws the overlay.
  frames("idle", [](int) {});
  // 2. Pan and zoom around the home view: a pan step, then a zoom step (in for 4, out for 4); the
  //    same again with every frame's map drawn (the cost of a drawn frame, and of the view at rest).
  auto panzoom = [&](int i) {
    if (i % 2 == 0) {
      const double a = i * 0.35;
      s.view.panPixels(18 * std::cos(a), 18 * std::sin(a));
    } else {
      s.view.zoomAt(centre, (i / 2) % 8 < 4 ? 1.1 : 1 / 1.1);
    }
  };
  frames("panzoom", panzoom);
  s.view = home;
  frames("panzoom_drawn", panzoom, true);
  s.view = home;
  // 3. The same at 4x zoom (a district fills the screen; most points are off screen).
  s.view = home;
  s.view.zoomAt(centre, 4.0);
  frames("panzoom_4x", [&](int i) {
    const double a = i * 0.35;
    s.view.panPixels(18 * std::cos(a), 18 * std::sin(a));
  });
  // 3b. Every zoom level: from home into the busiest park (1 m a pixel) with a small pan each
  //     frame, then panning there (bubbles split into the projects on screen).
  std::vector<int> per_park(model.parks.size() + 1, 0);
  for (int16_t k : model.projects.park_index) ++per_park[k < 0 ? model.parks.size() : size_t(k)];
  const size_t busiest = std::max_element(per_park.begin(), per_park.end() - 1) - per_park.begin();
  s.view = home;
  const double step = std::pow(home.units_per_px / 1.0, 1.0 / o.frames);
  frames("zoom_deep", [&](int i) {
    const Vec2 at = busiest < model.parks.size() ? s.view.toScreen(model.parks[busiest].xy) : centre;
    s.view.zoomAt(at, step);
    s.view.panPixels(4 * std::cos(i * 0.5), 4 * std::sin(i * 0.5));
  });
  frames("pan_deep", [&](int i) {
    const double a = i * 0.35;
    s.view.panPixels(18 * std::cos(a), 18 * std::sin(a));
  });
  // 4. Filter changes in the app: the statistics engine in the frame, uniform-only map redraw.
  s.view = home;
  app.benchFrame();
  const Filter base = s.filter;
  frames("filter_frames", [&](int i) { s.filter = filterStep(base, i); });
  s.filter = base;
  app.benchFrame();
  // The window as a user has it (the default layers: pans, zooms, filter changes with their
  // pyramids rebuilt); what follows adds the benchmark's own engines, the heatmap and the analyses.
  r["peak_rss_map_mb"] = procStatusMb("VmHWM");
  // 5. The CPU part of a filter change, measured apart from rendering.
  r["filter"] = filterCpu(model, st0, o.filter_reps);
  const double submit = r["filter_frames"]["map_submit"]["median_ms"];
  r["filter"]["cpu_total_ms"] = r["filter"]["engine_attr"]["median_ms"].get<double>() + submit;
  r["filter"]["cpu_total_time_ms"] = r["filter"]["engine_time"]["median_ms"].get<double>() + submit;
  // 6. The heatmap as the viewer computes it (computed in the frame here, as the benchmark's App is
  //    not interactive): switched on, then a new bandwidth — density, colours, upload, redraw.
  {
    std::vector<double> on, bw;
    for (int k = 0; k < 3; ++k) {
      s.layers.set("heatmap", true);
      s.features.get<DensitySettings>(ids::kHeatmap).params.bandwidth_m = 2000;
      on.push_back(app.benchFrame().frame_ms);
      s.features.get<DensitySettings>(ids::kHeatmap).params.bandwidth_m = 3000;
      bw.push_back(app.benchFrame().frame_ms);
      s.layers.set("heatmap", false);
      app.benchFrame();
    }
    r["heatmap_on"] = summary(on);
    r["heatmap_bandwidth"] = summary(bw);
    std::vector<double> park;
    auto parks = [&]() -> ParkSettings& { return s.features.get<ParkSettings>(ids::kConformance); };
    parks().window_open = true;
    for (int k = 0; k < 3; ++k) {  // park conformance in the frame, after a what-if radius
      parks().radius_km.assign(model.parks.size(), 0.0);
      parks().radius_km[0] = 4.0 + k;
      park.push_back(app.benchFrame().frame_ms);
    }
    parks().window_open = false;
    r["conformance_frame"] = summary(park);
  }
  r["peak_rss_mb"] = procStatusMb("VmHWM");
  r["maxrss_mb"] = maxRssMb();
  return r;
}

// Runs one data set in a child process and returns its JSON (or an error entry).
json runForked(const BenchOptions& o, const std::string& file, bool cpu_only) {
  if (o.no_fork) return runDataset(o, file, cpu_only);
  std::fflush(stdout);
  std::fflush(stderr);
  int fd[2];
  if (pipe(fd) != 0) return {{"label", label(file)}, {"error", "pipe() failed"}};
  const pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    std::string out;
    try {
      out = runDataset(o, file, cpu_only).dump();
    } catch (const std::exception& e) {
      out = json{{"label", label(file)}, {"error", e.what()}}.dump();
    }
    for (size_t done = 0; done < out.size();) {
      const ssize_t n = write(fd[1], out.data() + done, out.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    close(fd[1]);
    std::fflush(stdout);
    std::fflush(stderr);
    _exit(0);
  }
  close(fd[1]);
  std::string in;
  char buf[65536];
  for (ssize_t n; (n = read(fd[0], buf, sizeof buf)) > 0;) in.append(buf, static_cast<size_t>(n));
  close(fd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (in.empty() || !WIFEXITED(status))
    return {{"label", label(file)}, {"file", file}, {"error", "the benchmark process died (status " + std::to_string(status) + ")"}};
  return json::parse(in);
}

// ---- the table -------------------------------------------------------------------------------

double get(const json& j, std::initializer_list<const char*> path) {
  const json* p = &j;
  for (const char* k : path) {
    if (!p->is_object() || !p->contains(k)) return NAN;
    p = &(*p)[k];
  }
  return p->is_number() ? p->get<double>() : NAN;
}

void printTable(const json& all) {
  const json& sets = all["datasets"];
  std::printf("\nchainmap-bench  %s  |  %s  |  %d cores  |  %s, %d frames per scenario  |  aggregate %s\n",
              all["size"].get<std::string>().c_str(), all["gl_renderer"].get<std::string>().c_str(),
              all["nproc"].get<int>(), all["build"].get<std::string>().c_str(), all["frames"].get<int>(),
              all["aggregate"].get<std::string>().c_str());
  std::printf("%-46s", "");
  for (const json& d : sets) std::printf(" %14s", d["label"].get<std::string>().substr(0, 14).c_str());
  std::printf("\n%-46s", "projects");
  for (const json& d : sets) std::printf(" %14.0f", get(d, {"projects"}));
  std::printf("\n");
  struct Row { const char* name; std::vector<const char*> path; const char* fmt; };
  const std::vector<Row> rows = {
      {"load (loadModel, worker thread) ms", {"load_ms"}, "%14.1f"},
      {"window open (main thread, meanwhile) ms", {"window_ms"}, "%14.1f"},
      {"App::start (ImGui, shaders, buffers) ms", {"init_ms"}, "%14.1f"},
      {"first frame ms", {"first_frame_ms"}, "%14.1f"},
      {"start-up to first frame ms", {"startup_ms"}, "%14.1f"},
      {"idle frame median ms", {"idle", "median_ms"}, "%14.2f"},
      {"idle frame p95 ms", {"idle", "p95_ms"}, "%14.2f"},
      {"idle CPU ms/frame (all threads)", {"idle", "cpu_ms_per_frame"}, "%14.2f"},
      {"pan/zoom frame median ms", {"panzoom", "median_ms"}, "%14.1f"},
      {"pan/zoom frame p95 ms", {"panzoom", "p95_ms"}, "%14.1f"},
      {"pan/zoom map submit (CPU) median ms", {"panzoom", "map_submit", "median_ms"}, "%14.2f"},
      {"pan/zoom frames with the map drawn", {"panzoom", "map_redrawn"}, "%14.0f"},
      {"pan/zoom, every map drawn, median ms", {"panzoom_drawn", "median_ms"}, "%14.1f"},
      {"pan/zoom, every map drawn, p95 ms", {"panzoom_drawn", "p95_ms"}, "%14.1f"},
      {"pan at 4x zoom median ms", {"panzoom_4x", "median_ms"}, "%14.1f"},
      {"pan at 4x zoom p95 ms", {"panzoom_4x", "p95_ms"}, "%14.1f"},
      {"zoom into busiest park (to 1 m/px) median ms", {"zoom_deep", "median_ms"}, "%14.1f"},
      {"zoom into busiest park p95 ms", {"zoom_deep", "p95_ms"}, "%14.1f"},
      {"pan at 1 m/px median ms", {"pan_deep", "median_ms"}, "%14.1f"},
      {"pan at 1 m/px p95 ms", {"pan_deep", "p95_ms"}, "%14.1f"},
      {"filter-change frame median ms (GPU incl.)", {"filter_frames", "median_ms"}, "%14.1f"},
      {"stats engine build (once, in init) ms", {"filter", "engine_build_ms"}, "%14.2f"},
      {"stats engine cube cells", {"filter", "engine_cells"}, "%14.0f"},
      {"stats engine cube memory MB", {"filter", "engine_mb"}, "%14.2f"},
      {"filter change: stats engine CPU ms", {"filter", "engine_attr", "median_ms"}, "%14.3f"},
      {"filter change: stats engine CPU p95 ms", {"filter", "engine_attr", "p95_ms"}, "%14.3f"},
      {"time-window change: stats engine CPU ms", {"filter", "engine_time", "median_ms"}, "%14.4f"},
      {"one-pass reference computeStats ms", {"filter", "reference_pass", "median_ms"}, "%14.3f"},
      {"filter change: map redraw submit CPU ms", {"filter_frames", "map_submit", "median_ms"}, "%14.3f"},
      {"filter change: hex pyramid build (worker) ms", {"filter", "pyramid_build", "median_ms"}, "%14.1f"},
      {"filter change: CPU total (engine+submit) ms", {"filter", "cpu_total_ms"}, "%14.3f"},
      {"time change: CPU total (engine+submit) ms", {"filter", "cpu_total_time_ms"}, "%14.3f"},
      {"heatmap on: frame ms (density+colours+redraw)", {"heatmap_on", "median_ms"}, "%14.1f"},
      {"heatmap new bandwidth: frame ms", {"heatmap_bandwidth", "median_ms"}, "%14.1f"},
      {"what-if park radius: conformance frame ms", {"conformance_frame", "median_ms"}, "%14.1f"},
      {"peak RSS at the first frames (start-up) MB", {"peak_rss_start_mb"}, "%14.1f"},
      {"RSS after the first frames MB", {"rss_first_frames_mb"}, "%14.1f"},
      {"peak RSS, the map (pan, zoom, filters) MB", {"peak_rss_map_mb"}, "%14.1f"},
      {"peak RSS (VmHWM) MB", {"peak_rss_mb"}, "%14.1f"},
  };
  for (const Row& row : rows) {
    bool any = false;
    for (const json& d : sets) {
      const json* p = &d;
      bool ok = true;
      for (const char* k : row.path) {
        if (!p->is_object() || !p->contains(k)) { ok = false; break; }
        p = &(*p)[k];
      }
      any = any || ok;
    }
    if (!any) continue;
    std::printf("%-46s", row.name);
    for (const json& d : sets) {
      std::vector<const char*> path = row.path;
      const json* p = &d;
      bool ok = true;
      for (const char* k : path) {
        if (!p->is_object() || !p->contains(k)) { ok = false; break; }
        p = &(*p)[k];
      }
      if (ok && p->is_number()) std::printf(row.fmt, p->get<double>());
      else std::printf(" %14s", "-");
    }
    std::printf("\n");
  }
  for (const json& d : sets)
    if (d.contains("error")) std::printf("error (%s): %s\n", d["label"].get<std::string>().c_str(), d["error"].get<std::string>().c_str());
  if (all.contains("targets") && !all["targets"].empty()) {
    std::printf("\nIssue 2 targets:\n");
    for (const json& t : all["targets"])
      std::printf("  %-4s %-52s %10.2f %s (target <= %g)\n", t["met"].get<bool>() ? "MET" : "MISS",
                  t["what"].get<std::string>().c_str(), t["value"].get<double>(), t["unit"].get<std::string>().c_str(),
                  t["limit"].get<double>());
  }
}

// The targets, checked on the data set with about `n` projects.
json targets(const json& sets) {
  json out = json::array();
  auto find = [&](size_t n) -> const json* {
    for (const json& d : sets)
      if (!d.value("cpu_only", false) && !d.contains("error") && d.value("projects", size_t{0}) == n) return &d;
    return nullptr;
  };
  auto add = [&](const json* d, const std::string& what, std::initializer_list<const char*> path, double limit,
                 const char* unit) {
    if (!d) return;
    const double v = get(*d, path);
    if (std::isnan(v)) return;
    out.push_back({{"what", what + " [" + (*d)["label"].get<std::string>() + "]"}, {"value", v}, {"limit", limit},
                   {"unit", unit}, {"met", v <= limit}});
  };
  const json* k20 = find(20000);
  const json* k100 = find(100000);
  const json* sample = nullptr;
  for (const json& d : sets)
    if (d.value("label", "") == "sample" && !d.contains("error")) sample = &d;
  for (const json* d : {sample, k20}) {
    if (!d) continue;
    add(d, "start-up to first frame (load included)", {"startup_ms"}, 500, "ms");
    add(d, "idle frame median", {"idle", "median_ms"}, 2, "ms");
  }
  add(k20, "pan/zoom frame median", {"panzoom", "median_ms"}, 33, "ms");
  add(k20, "pan/zoom frame p95", {"panzoom", "p95_ms"}, 33, "ms");
  // The target is the CPU spent *before* the redraw: the statistics update. The redraw's
  // own submission is reported above (on llvmpipe it includes the vertex work a GPU would do).
  add(k20, "filter change CPU before the redraw", {"filter", "engine_attr", "median_ms"}, 1, "ms");
  add(k20, "time-window change CPU before the redraw", {"filter", "engine_time", "median_ms"}, 1, "ms");
  add(k100, "filter change CPU before the redraw", {"filter", "engine_attr", "median_ms"}, 1, "ms");
  add(k100, "time-window change CPU before the redraw", {"filter", "engine_time", "median_ms"}, 1, "ms");
  add(k20, "peak RSS", {"peak_rss_mb"}, 200, "MB");
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"chainmap-bench: load, start-up, frame times, filter-change cost and peak memory (no display needed)"};
  BenchOptions o;
  cli.add_option("--projects", o.projects,
                 "projects CSV (repeatable or comma-separated); 'sample' = the shipped sample (the default)")
      ->delimiter(',');
  cli.add_option("--cpu-only", o.cpu_only, "projects CSV measured without a window: load and filter CPU (e.g. 1M rows)")
      ->delimiter(',');
  cli.add_option("--frames", o.frames, "frames per scenario")->capture_default_str()->check(CLI::PositiveNumber);
  cli.add_option("--filter-reps", o.filter_reps, "repetitions of each CPU filter measurement")
      ->capture_default_str()->check(CLI::PositiveNumber);
  cli.add_option("--size", o.size, "offscreen frame size WxH")->capture_default_str();
  cli.add_option("--data", o.data_dir, "Hangzhou data folder (default: the usual search)");
  cli.add_option("--json", o.json_file, "also write the results as JSON to FILE");
  cli.add_option("--aggregate", o.aggregate, "auto (as the app), off (every project a sprite) or on")
      ->capture_default_str()->check(CLI::IsMember({"auto", "on", "off"}));
  cli.add_flag("--no-fork", o.no_fork, "run every data set in this process (peak memory then accumulates)");
  std::vector<std::string> analysis_files;
  bool peer = false;
  cli.add_option("--analysis", analysis_files,
                 "also time DBSCAN, density, NNI, hulls on these projects CSVs ('sample' = the shipped one)")->delimiter(',');
  cli.add_flag("--peer", peer, "with --analysis: run scikit-learn's DBSCAN on the same files and compare partitions");
  double present_seconds = 0;
  cli.add_option("--present-seconds", present_seconds,
                 "also record an S-second playback video at 720p, 1080p and 4K (30 fps) and export an 8K poster");
  cli.add_option("--import-rows", o.import_rows,
                 "also open an N-row table as CSV, CSV via the importer, XLSX, GPKG and PostGIS (rows/s)");
  size_t postgis_rows = 0;
  cli.add_option("--postgis-rows", postgis_rows,
                 "also make an N-row table in a throwaway PostGIS and time bins, rows and statistics asked of it");
  CHAINMAP_CLI_PARSE(cli, argc, argv);
  if (std::sscanf(o.size.c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 64 || o.height < 64) {
    std::fprintf(stderr, "chainmap-bench: --size wants WxH, e.g. 1600x1000 (got '%s')\n", o.size.c_str());
    return 2;
  }
  if (o.projects.empty() && o.cpu_only.empty() && postgis_rows == 0) o.projects.push_back("sample");
  for (std::string& p : o.projects)
    if (p == "sample") p.clear();

  json all;
  all["size"] = o.size;
  all["frames"] = o.frames;
  all["aggregate"] = o.aggregate;
  all["nproc"] = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
#ifdef NDEBUG
  all["build"] = "Release";
#else
  all["build"] = "Debug (figures not representative)";
#endif
  utsname u{};
  uname(&u);
  all["machine"] = std::string(u.sysname) + " " + u.release + " " + u.machine;
  all["datasets"] = json::array();
  for (const std::string& f : o.projects) {
    std::fprintf(stderr, "chainmap-bench: %s ...\n", label(f).c_str());
    all["datasets"].push_back(runForked(o, f, false));
  }
  for (const std::string& f : o.cpu_only) {
    std::fprintf(stderr, "chainmap-bench: %s (CPU only) ...\n", label(f).c_str());
    all["datasets"].push_back(runForked(o, f, true));
  }
  all["gl_renderer"] = "no GL";
  for (const json& d : all["datasets"])
    if (d.contains("gl_renderer")) { all["gl_renderer"] = d["gl_renderer"]; break; }
  all["targets"] = targets(all["datasets"]);
  if (all.contains("datasets")) printTable(all);
  if (o.import_rows > 0) {
    std::fprintf(stderr, "chainmap-bench: opening a %zu-row table in each form ...\n", o.import_rows);
    all["import"] = runImportBench(o.data_dir, o.import_rows, CHAINMAP_PG_SCRIPT);
    printImportTable(all["import"]);
  }
  if (postgis_rows > 0) {
    std::fprintf(stderr, "chainmap-bench: a %zu-row table in PostGIS ...\n", postgis_rows);
    all["postgis"] = runPostgisBench(o.data_dir, postgis_rows, CHAINMAP_PG_SCRIPT);
    printPostgisTable(all["postgis"]);
  }
  if (!analysis_files.empty()) {
    for (std::string& f : analysis_files)
      if (f == "sample") f.clear();
    all["analysis"] = runAnalysisBench(o.data_dir, analysis_files, peer);
    printAnalysisTable(all["analysis"]);
  }
  if (present_seconds > 0) {
    std::fprintf(stderr, "chainmap-bench: recording and exporting ...\n");
    all["present"] = runPresentBench(o.data_dir, present_seconds);
    printPresentTable(all["present"]);
  }
  if (!o.json_file.empty()) {
    std::ofstream f(o.json_file);
    if (!f) {
      std::fprintf(stderr, "chainmap-bench: cannot write %s\n", o.json_file.c_str());
      return 1;
    }
    f << all.dump(2) << "\n";
  }
  bool errors = false;
  for (const json& d : all["datasets"]) errors = errors || d.contains("error");
  return errors ? 1 : 0;
}
