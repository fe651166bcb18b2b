// Command-line options: the same filters the panels set, plus view, content and headless modes.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/filter.h"
#include "core/layers.h"
#include "core/model.h"
#include "core/view.h"
#include "data/analysis_reports/analysis_command.h"
#include "platform/result.h"
#include "core/strings.h"

namespace cm {

struct Options {
  std::string data_dir, projects_file, crs;
  std::string screenshot;  // --screenshot FILE.png
  int width = 1600, height = 1000;
  bool stats = false;
  bool summaries = false;  // --summaries: with --remote, make or refresh the database's summaries first
  bool remote = false;  // --remote: with --stats, ask PostGIS (data/postgis_source.h) instead of loading the rows
  bool include_undated = false;  // --include-undated: projects without a signing date pass a --time window too
  bool foreign = false;  // --foreign: foreign-invested projects only (Filter::foreign_only)
  bool no_cache = false;  // --no-cache: neither read nor write the columnar cache (data/project_cache.h)
  std::string aggregate = "auto";  // --aggregate auto|on|off
  std::string select;  // --select ID: pin the details card of this project
  std::string time, ecosystems, chains, sector, districts, park, lang = "zh", extent, layers;
  std::optional<double> min_investment;
  std::string capture_idle;  // --capture-idle FILE: write the window's image each time it settles
  std::string layer;         // --layer: sheet or table of --projects
  std::string mapping;       // --mapping FILE.json
  std::string export_file;   // --export FILE.csv|.xlsx|.gpkg: the filtered projects, then exit
  double watch_s = 0;        // --watch SECONDS: reload the projects source this often (databases)
  double ui_scale = 0;       // --ui-scale: 0 = from the monitor and the window size
  bool present = false;      // --present: presentation mode
  std::string choropleth;    // --choropleth METRIC: shade the districts (and switch the layer on)
  bool lifecycle = false;    // --lifecycle: draw projects by their life-cycle stage
  std::string layout;        // --layout full|map|poster|present: an export's frame
  // Tours and presentation.
  std::string tour;          // --tour FILE
  int step = 0;              // --step N: show step N (1-based) at once
  bool loop = false;         // --loop: run the tour by itself, round and round (kiosk)
  double kiosk_minutes = 0;  // --kiosk MINUTES: in presentation mode, start the tour after this long without input
  int monitor = -1;          // --monitor N: full screen on monitor N (0-based)
  bool windowed = false;     // --windowed: presentation mode in a window
  bool presenter = false;    // --presenter: the audience view and a presenter console
  // Video.
  std::string record;        // --record FILE.mp4|.webm|.mkv
  std::string play;          // --play YYYY-MM..YYYY-MM
  double seconds = 0;        // --seconds: the recording's length (playback); a tour takes its own
  int fps = 30;              // --fps
  // Analyses (--analyze ID, no window; cli/analyze.h): the flags are each analysis's own
  // (data/analysis_reports/analysis_command.h), registered from the features' analyses.
  std::string analyze;           // --analyze ID
  bool json = false;             // --json: print the result as JSON (else a short summary)
  std::string analyze_out;       // --analyze-out FILE.gpkg (density: FILE.tif)
  AnalysisArgs analysis_args;    // the analysis flags given ("--eps" → "800")
};

// Parses argv with CLI11. On --help or a bad flag, `exit_code` is set and main returns it.
std::optional<Options> parseOptions(int argc, char** argv, int& exit_code);

// The filter the flags describe, checked against the loaded model (district adcodes and chain ids
// must exist).
Result<Filter> filterFromOptions(const Options& o, const Model& m);
Result<Lang> langFromOptions(const Options& o);
// --extent MINLON,MINLAT,MAXLON,MAXLAT → the box in the display CRS.
Result<Extent> extentFromOptions(const Options& o, const std::string& display_crs);

}  // namespace cm
