// The guided-tour file (assets/tours/*.json): a plain data model, JSON load and save. A tour is
// bilingual: every caption (the tour's title, each step's title and text) has both zh and en.
// The viewer converts each step into its own state (camera, layers, filter, time window).
//
// {
//   "title": {"zh": "…", "en": "…"},
//   "steps": [
//     {"title": {"zh": "…", "en": "…"}, "text": {"zh": "…", "en": "…"}, "notes": {"zh": "…", "en": "…"},
//      "lon": 120.0, "lat": 29.95, "width_km": 180, "height_km": 120,
//      "layers_on": ["districts", "projects", "labels"], "ecosystems": ["iot"], "chains": [],
//      "districts": [330127], "sector": "manufacturing", "min_investment_yi": 1, "park": "in",
//      "from": "2024-01", "to": "2024-07", "play": false, "play_seconds": 0, "lifecycle": false,
//      "seconds": 8, "choropleth": "investment_per_km2", "foreign": true, "projects": "open"}
//   ]
// }
// "foreign": only foreign-invested projects (Filter::foreign_only). "projects": "open": the step
// shows whatever projects table is open — every filter cleared, the whole time span, the camera on
// the table's extent (not lon/lat/width_km).
// Captions (title and text) may hold live figures, filled when shown from the statistics of what
// the step shows (fillCaption below): {count} projects, {investment} (亿元 / CNY bn), {fdi}
// (万美元 / USD m), {table} (the open table's name, or "the synthetic sample"). Another {name} is
// a warning (tourWarnings) naming the step.
// Every step key but title and text may be left out (the defaults below). A key that is none of
// these is a feature's (named by the feature's id, e.g. "choropleth"): kept as JSON in
// TourStep::features, checked and applied by that feature (ui/feature.h from_tour) when the tour
// is opened and a step shown.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/result.h"

namespace cm {

struct TourText {
  std::string zh, en;
  bool operator==(const TourText&) const = default;
};

struct TourStep {
  TourText title, text, notes;  // caption title, one or two sentences, speaker notes
  // Camera: the centre in WGS 84 lon/lat and the visible width in km (at the map's centre); with
  // height_km (0: not given) the extent width × height, both fitted into the free map area.
  double lon = 120.0, lat = 29.95, width_km = 180, height_km = 0;
  std::vector<std::string> layers_on;  // toggle ids ("districts","water","rivers","parks","projects","labels","choropleth", ...); empty = leave as is
  std::vector<std::string> ecosystems;  // ids iot,bio,equip,mat,energy,other; empty = all
  std::vector<std::string> chains;      // chain ids; empty = all
  std::vector<int> districts;           // adcodes; empty = all
  std::string sector;                   // "", "manufacturing", "service"
  double min_investment_yi = 0;
  std::string park;                     // "", "in", "out"
  std::string from, to;                 // time window "YYYY-MM"; empty = the data's whole span
  bool play = false;                    // play the window from `from` to `to` during the step
  double play_seconds = 0;              // how long that playback takes (0: the viewer's default)
  bool lifecycle = false;               // draw projects by life-cycle stage
  bool foreign = false;                 // foreign-invested projects only
  std::string projects;                 // "" or "open": the open table, filters cleared, framed
  double seconds = 8;                   // how long the step stays when the tour runs by itself (kiosk)
  std::map<std::string, nlohmann::json> features;  // feature id → what the step keeps of it
  bool operator==(const TourStep&) const = default;
};

struct Tour {
  TourText title;
  std::vector<TourStep> steps;
  bool operator==(const Tour&) const = default;
};

// Caption lengths, in characters (Unicode code points) per language: up to kTourCaptionSoftLimit
// fits the caption box; longer is a warning (tourWarnings); above kTourCaptionHardLimit the tour
// does not load. Speaker notes are not captions: they may run to kTourNotesLimit.
inline constexpr size_t kTourCaptionSoftLimit = 160;
inline constexpr size_t kTourCaptionHardLimit = 400;
inline constexpr size_t kTourNotesLimit = 4000;

// Reads and checks a tour. Errors name the file, the step (1-based) and the problem, e.g.
// "tour.json: step 3: 'from' must be YYYY-MM (got "2024-13")" or
// "tour.json: step 2: 'text' has no en caption"; a file that is not JSON names the line, column
// and, where the break falls inside a step, that step.
Result<Tour> loadTour(const std::string& path);
// The same checks on JSON text already read; `name` is what the messages call it.
Result<Tour> parseTour(const std::string& json_text, const std::string& name);
// The problems that do not stop a tour loading: captions over the soft limit, chain ids that are
// not in the catalogue (app/core/catalog.h; a loaded table may add its own), and "play" without
// both months. Each message is "FILE: step N: problem" (FILE = `name`, left out when empty).
std::vector<std::string> tourWarnings(const Tour& t, const std::string& name = {});

// The live figures a caption's placeholders take (core/stats.h computeStats / Derived::stats()).
struct CaptionFigures {
  long long count = 0;
  double investment_yi = 0, fdi_musd = 0;
  std::string table_zh, table_en;  // the open table's name in each language
};
inline constexpr const char* kCaptionPlaceholders[] = {"count", "investment", "fdi", "table"};
// `text` with each known {name} replaced (amounts formatted per language, core/money.h); an
// unknown one stays as written. Text without '{' is returned as is.
std::string fillCaption(const std::string& text, const CaptionFigures& f, bool zh);
// The {name}s in `text` that are not placeholders.
std::vector<std::string> unknownPlaceholders(const std::string& text);

// Pretty JSON (2-space indent, UTF-8 as is, keys in the order above); keys at their default value
// are left out, except the camera (height_km only when given). loadTour(saveTour(t)) == t.
std::string tourToJson(const Tour& t);
// Writes atomically (cm::writeFileAtomically: temporary file, fsync, rename), so the target is
// always the old complete tour or the new one.
Result<bool> saveTour(const std::string& path, const Tour& t);

// Paths inside a tour file (none today; e.g. a future image) must stay inside the tour's folder:
// true when `relative` is a relative path that names something under `base_dir` — not empty, not
// absolute (nor "C:…" or "\\…"), no ".." that climbs above the folder, not the folder itself, and,
// for parts that exist, no symbolic link that leads out of it.
bool pathInside(const std::string& base_dir, const std::string& relative);

}  // namespace cm
