#include "cli/options.h"
#include "cli/parse_errors.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>
#include <vector>

#include "cli/analyze.h"
#include "core/choropleth.h"
#include "core/dates.h"
#include "data/gdal/table.h"
#include "geo/projection.h"

namespace cm {

static std::vector<std::string> split(const std::string& s, char sep = ',') {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string x;
  while (std::getline(ss, x, sep))
    if (!x.empty()) out.push_back(x);
  return out;
}

std::optional<Options> parseOptions(int argc, char** argv, int& exit_code) {
  Options o;
  CLI::App app{"chainmap — Hangzhou industrial-chain investment map (杭州产业链招商地图)"};
  app.add_option("--data", o.data_dir, "Folder with districts.shp (+ water_polygons, rivers, parks.csv)");
  app.add_option("--projects", o.projects_file,
                 "Projects table: CSV/TXT, XLSX/ODS, GPKG, SHP, GeoJSON, FlatGeobuf, or \"PG:dbname=… host=…\" "
                 "(default: the synthetic sample in assets/hangzhou)");
  app.add_option("--layer", o.layer, "Sheet (XLSX/ODS) or layer/table (GPKG, PostGIS) of --projects");
  app.add_option("--mapping", o.mapping, "Field mapping JSON for --projects (default: FILE.chainmap.json beside it, else a guess)");
  app.add_option("--export", o.export_file, "Write the filtered projects to FILE.csv, .xlsx or .gpkg and exit (no window)");
  app.add_option("--ui-scale", o.ui_scale, "UI scale (text, panels, symbols); default: from the monitor and the window size")
      ->check(CLI::Range(0.5, 8.0));
  app.add_flag("--present", o.present, "Presentation mode: full screen; title, legend, KPIs, timeline and caption only (F11 toggles)");
  app.add_flag("--lifecycle", o.lifecycle, "Draw projects by life-cycle stage at the window's end: signed (ring), building (half), producing (full)");
  app.add_option("--layout", o.layout, "Frame of --screenshot/--record: full (the interface), map (the map alone), poster (title, legend, furniture), present")
      ->check(CLI::IsMember({"full", "map", "poster", "present"}));
  app.add_option("--tour", o.tour, "Open a guided tour (assets/tours/*.json); Right/PageDown and Left/PageUp step through it");
  app.add_option("--step", o.step, "Show step N of --tour (1-based) at once (screenshots of a step)")->check(CLI::PositiveNumber);
  app.add_flag("--loop", o.loop, "Run --tour by itself, step after step, round and round (kiosk)");
  app.add_option("--kiosk", o.kiosk_minutes, "In presentation mode, run the tour (--tour or the shipped story) after MINUTES without input")
      ->check(CLI::Range(0.05, 1440.0));
  app.add_option("--monitor", o.monitor, "Monitor for presentation mode's full screen (0 = the first)")->check(CLI::NonNegativeNumber);
  app.add_flag("--windowed", o.windowed, "Presentation mode in a window instead of full screen");
  app.add_flag("--presenter", o.presenter, "Two windows: the audience view (full screen on the second monitor) and a presenter console");
  app.add_option("--record", o.record, "Record a video (.mp4, .webm, .mkv) of --play or --tour at --size and --fps, then exit");
  app.add_option("--play", o.play, "With --record: play the time window YYYY-MM..YYYY-MM");
  app.add_option("--seconds", o.seconds, "With --record --play: the video's length in seconds (default 20)")->check(CLI::Range(0.5, 3600.0));
  app.add_option("--fps", o.fps, "With --record: frames per second (default 30)")->check(CLI::Range(1, 240));
  app.add_option("--watch", o.watch_s, "Reload --projects every SECONDS (e.g. a live PostGIS table), keeping view and filters")
      ->check(CLI::Range(0.0, 86400.0));
  app.add_option("--crs", o.crs, "Display CRS, e.g. EPSG:4549 (default) or EPSG:32650");
  app.add_option("--screenshot", o.screenshot, "Render one frame offscreen to this PNG and exit");
  std::string size;
  app.add_option("--size", size, "Window / screenshot size WxH (default 1600x1000)");
  app.add_flag("--include-undated", o.include_undated,
               "Count projects without a signing date inside a --time window too (without --time they always count)");
  app.add_flag("--no-cache", o.no_cache, "Read the projects table itself, not its columnar cache, and write no cache");
  app.add_flag("--stats", o.stats, "Print statistics of the filtered projects as JSON and exit (no window)");
  app.add_flag("--remote", o.remote,
               "With --projects \"PG:…\" --layer [SCHEMA.]TABLE: leave the rows in PostGIS and ask the database for the "
               "view's bins and rows and the statistics (--stats, or the window) (the canonical CSV's columns and a point column 'geom')");
  app.add_flag("--summaries", o.summaries,
               "With --remote: make the database's summaries beside the table (the statistics rollup TABLE_chainmap_cube and "
               "the bin pyramid TABLE_chainmap_bins), or make them again if the table changed since, before answering");
  app.add_option("--time", o.time, "Signing-month window YYYY-MM..YYYY-MM");
  app.add_option("--ecosystem", o.ecosystems, "Ecosystems to show: iot,bio,equip,mat,energy,other");
  app.add_option("--chain", o.chains, "Chains to show, by id (e.g. integrated_circuits,biologics)");
  app.add_option("--sector", o.sector, "manufacturing, service or unknown (the source states no sector)");
  app.add_option("--park", o.park, "in (projects in a park) or out (outside every park)")->check(CLI::IsMember({"in", "out", "any"}));
  app.add_option("--min-investment", o.min_investment, "Minimum investment in 亿元 (100M CNY)");
  app.add_flag("--foreign", o.foreign, "Foreign-invested projects only (those with an FDI amount, fdi_musd > 0)");
  app.add_option("--district", o.districts, "District adcodes, comma-separated");
  app.add_option("--lang", o.lang, "Label and UI language: zh or en")->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--extent", o.extent, "Fit the view to MINLON,MINLAT,MAXLON,MAXLAT");
  app.add_option("--aggregate", o.aggregate, "Gather projects into bubbles: auto (when they pile up), on, off")
      ->check(CLI::IsMember({"auto", "on", "off"}));
  app.add_option("--select", o.select, "Select the project with this id (its details card is shown)");
  app.add_option("--layers", o.layers,
                 "Layers to draw: districts,choropleth,water,rivers,parks,projects,labels,furniture (default: all but choropleth)");
  std::vector<std::string> metrics;
  for (ChoroplethMetric m : kChoroplethMetrics) metrics.emplace_back(choroplethId(m));
  app.add_option("--choropleth", o.choropleth, "Shade the districts by " + choroplethIds())->check(CLI::IsMember(metrics));
  // The analyses and their flags: what the features register (cli/analyze.h).
  std::vector<std::string> analysis_ids;
  std::string analysis_help = "Run a spatial analysis of the filtered projects and exit (no window):";
  for (const AnalysisCommand& c : analysisCommands()) {
    analysis_ids.push_back(c.id);
    analysis_help += (analysis_ids.size() > 1 ? ", " : " ") + c.help;
  }
  app.add_option("--analyze", o.analyze, analysis_help)->check(CLI::IsMember(analysis_ids));
  app.add_flag("--json", o.json, "With --analyze: print the result as JSON (default: a short summary)");
  std::map<std::string, std::string> flag_text;  // stable storage for CLI11, by flag name
  std::map<std::string, bool> flag_switch;
  std::vector<CLI::Option*> analysis_opts;
  for (const AnalysisCommand& c : analysisCommands())
    for (const AnalysisFlag& fl : c.flags) {
      if (flag_text.count(fl.name) || flag_switch.count(fl.name)) continue;  // shared by several analyses
      std::string users;
      for (const AnalysisCommand& u : analysisCommands())
        if (std::any_of(u.flags.begin(), u.flags.end(), [&](const AnalysisFlag& x) { return x.name == fl.name; }))
          users += (users.empty() ? "" : "|") + u.id;
      const std::string help = "--analyze " + users + ": " + fl.help;
      CLI::Option* opt = nullptr;
      if (fl.kind == AnalysisFlag::Kind::Switch) {
        opt = app.add_flag(fl.name, flag_switch[fl.name], help);
      } else {
        opt = app.add_option(fl.name, flag_text[fl.name], help);
        if (fl.kind == AnalysisFlag::Kind::Number) opt->check(CLI::Range(fl.min, fl.max));
        if (fl.kind == AnalysisFlag::Kind::Integer) opt->check(CLI::Range(static_cast<int64_t>(fl.min), static_cast<int64_t>(fl.max)));
        if (!fl.choices.empty()) opt->check(CLI::IsMember(fl.choices));
      }
      analysis_opts.push_back(opt);
    }
  auto* out = app.add_option("--analyze-out", o.analyze_out, "--analyze: write the result's layers to FILE.gpkg (density: FILE.tif) for QGIS");
  analysis_opts.push_back(out);
  app.add_option("--capture-idle", o.capture_idle,
                 "Window mode: write the window's image to this PNG each time it settles (for scripted tests)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    exit_code = cli::exitCode(app, e);  // --help is 0; every bad flag is 2 (see README), with a "did you mean"
    return std::nullopt;
  }
  // The analysis flags need --analyze, and --analyze runs alone.
  for (const CLI::Option* opt : analysis_opts) {
    if (opt->count() == 0) continue;
    if (o.analyze.empty()) {
      std::fprintf(stderr, "%s: only with --analyze\n", opt->get_name().c_str());
      exit_code = 2;
      return std::nullopt;
    }
    const std::string name = opt->get_name();
    if (name == "--analyze-out") continue;
    o.analysis_args.given[name] = flag_switch.count(name) ? (flag_switch[name] ? "true" : "false") : flag_text[name];
  }
  if (o.json && o.analyze.empty()) {
    std::fprintf(stderr, "--json: only with --analyze (--stats always prints JSON)\n");
    exit_code = 2;
    return std::nullopt;
  }
  if (!o.analyze.empty() && (o.stats || !o.screenshot.empty() || !o.record.empty() || !o.export_file.empty())) {
    std::fprintf(stderr, "--analyze runs alone: not with --stats, --screenshot, --record or --export\n");
    exit_code = 2;
    return std::nullopt;
  }
  if (o.summaries && !o.remote) {
    std::fprintf(stderr, "--summaries: only with --remote (the summaries live in the database beside the table)\n");
    exit_code = 2;
    return std::nullopt;
  }
  if (o.remote && (!isDatabaseSource(o.projects_file) || o.layer.empty() || !o.export_file.empty() || !o.analyze.empty())) {
    std::fprintf(stderr, "--remote: needs --projects \"PG:…\" (or postgresql://…) and --layer TABLE (not --export or --analyze)\n");
    exit_code = 2;
    return std::nullopt;
  }
  if (!size.empty()) {
    int w = 0, h = 0;
    char x = 0;
    std::istringstream in(size);
    if (!(in >> w >> x >> h) || (x != 'x' && x != 'X') || w < 64 || h < 64 || w > 16384 || h > 16384) {
      std::fprintf(stderr, "--size: expected WxH between 64x64 and 16384x16384, got '%s'\n", size.c_str());
      exit_code = 2;
      return std::nullopt;
    }
    o.width = w;
    o.height = h;
  }
  return o;
}

Result<Filter> filterFromOptions(const Options& o, const Model& m) {
  using R = Result<Filter>;
  Filter f;
  if (!o.time.empty()) {
    const size_t dots = o.time.find("..");
    if (dots == std::string::npos) return R::fail("--time: expected YYYY-MM..YYYY-MM, got '" + o.time + "'");
    auto a = parseMonth(o.time.substr(0, dots)), b = parseMonth(o.time.substr(dots + 2));
    if (!a || !b || *a > *b) return R::fail("--time: expected YYYY-MM..YYYY-MM with start ≤ end, got '" + o.time + "'");
    f.month_from = *a;
    f.month_to = *b;
    f.undated = o.include_undated;
  }
  if (!o.ecosystems.empty()) {
    f.ecosystems = 0;
    for (const std::string& id : split(o.ecosystems)) {
      auto e = ecosystemFromId(id);
      if (!e) return R::fail("--ecosystem: unknown ecosystem '" + id + "' (use iot,bio,equip,mat,energy,other)");
      f.ecosystems |= 1u << static_cast<int>(*e);
    }
  }
  if (!o.chains.empty()) {
    f.chains = IdSet::none();
    const auto& names = m.projects.chain_names;
    for (const std::string& id : split(o.chains)) {
      const auto it = std::find(names.begin(), names.end(), id);
      if (it == names.end()) return R::fail("--chain: no chain '" + id + "' in the loaded projects");
      f.chains.set(static_cast<int>(it - names.begin()), true, static_cast<int>(names.size()));
    }
  }
  if (o.park == "in") f.park = ParkMode::InPark;
  else if (o.park == "out") f.park = ParkMode::OutsidePark;
  if (o.foreign) f.foreign_only = true;
  if (!o.sector.empty()) {
    if (o.sector == "manufacturing") f.sectors = 1u << static_cast<int>(Sector::Manufacturing);
    else if (o.sector == "service") f.sectors = 1u << static_cast<int>(Sector::Service);
    else if (o.sector == "unknown") f.sectors = 1u << static_cast<int>(Sector::Unknown);
    else return R::fail("--sector: expected manufacturing, service or unknown, got '" + o.sector + "'");
  }
  if (o.min_investment) {
    if (!(*o.min_investment >= 0)) return R::fail("--min-investment: expected a number ≥ 0");
    f.min_investment_yi = static_cast<float>(*o.min_investment);
  }
  if (!o.districts.empty()) {
    f.districts = IdSet::none();
    const int n = static_cast<int>(m.districts.size());
    for (const std::string& code : split(o.districts)) {
      int idx = -1;
      for (int i = 0; i < n; ++i)
        if (std::to_string(m.districts[i].adcode) == code) idx = i;
      if (idx < 0) return R::fail("--district: no district with adcode '" + code + "' in the loaded data");
      f.districts.set(idx, true, n);
    }
  }
  return f;
}

Result<Lang> langFromOptions(const Options& o) {
  if (o.lang == "zh") return Lang::Zh;
  if (o.lang == "en") return Lang::En;
  return Result<Lang>::fail("--lang: expected zh or en");
}

Result<Extent> extentFromOptions(const Options& o, const std::string& crs) {
  using R = Result<Extent>;
  const auto parts = split(o.extent);
  double v[4];
  if (parts.size() != 4) return R::fail("--extent: expected MINLON,MINLAT,MAXLON,MAXLAT, got '" + o.extent + "'");
  for (int i = 0; i < 4; ++i) {
    char* end = nullptr;
    v[i] = std::strtod(parts[i].c_str(), &end);
    if (end == parts[i].c_str() || *end) return R::fail("--extent: '" + parts[i] + "' is not a number");
  }
  if (!(v[0] < v[2] && v[1] < v[3]) || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90)
    return R::fail("--extent: expected MINLON < MAXLON and MINLAT < MAXLAT in degrees, got '" + o.extent + "'");
  auto t = Transform::create(kWgs84, crs);
  if (!t) return R::fail(t.error());
  Extent e;
  for (auto [x, y] : {std::pair{v[0], v[1]}, {v[2], v[1]}, {v[0], v[3]}, {v[2], v[3]}}) {
    if (!t->apply(x, y)) return R::fail("--extent: the box cannot be projected to " + crs);
    e.add({x, y});
  }
  return e;
}

}  // namespace cm
