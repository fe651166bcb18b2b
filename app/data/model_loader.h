// Assembles the Model from files: districts (required), water, rivers, parks, projects.
// Everything that goes wrong becomes a message naming the file and the problem; loading goes on
// with what could be read, so the viewer can still show it and say what is missing.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/cached.h"
#include "core/model.h"
#include "core/strings.h"
#include "data/import/import_projects.h"
#include "data/project_cache.h"

namespace cm {

struct LoadOptions {
  std::string data_dir;       // --data ("" = search, see platform/data_paths.h)
  std::string projects_file;  // --projects: a file or "PG:…" ("" = the shipped synthetic sample)
  std::string crs;            // display CRS ("" = the default)
  std::string layer;          // --layer: sheet or table ("" = the first with rows)
  std::string mapping_file;   // --mapping ("" = FILE.chainmap.json beside the file when it exists, else a guess)
  bool use_cache = true;      // the columnar cache (data/project_cache.h); --no-cache turns it off
  bool map_only = false;      // districts, water, rivers and parks; no projects (--remote asks the database)
  Lang lang = Lang::Zh;       // the language of the import's report and errors (--lang, the window's)
  // A first open's cache write is left to the caller (LoadReport::cache_write) instead of delaying
  // the answer: start-up and the window's loads write it in the background (data/project_cache.h).
  bool defer_cache_write = false;
};

// A projects table loaded through the importer (any format, any headers): what was read, how it
// was mapped and what came of it. Kept so the mapping dialog can show it and re-apply a changed
// mapping without reading the source again.
struct ImportSession {
  RawTable table;
  FieldMapping mapping;
  std::string mapping_path;      // where the mapping is (or would be) saved
  bool confident = false;        // the mapping is saved or confidently guessed
  bool mapping_saved = false;    // read from a mapping file (the user's --mapping or the sidecar)
  ImportReport report;
  CoordDecision coords;
  std::vector<IndustryValue> industries;  // the industry texts and how they were read (the category dialog)
  std::string report_path;       // the report CSV written beside the source ("" when none was needed)
  Lang lang = Lang::Zh;          // the language of the report's lines on stderr and in the CSV
  long undecidedRows() const;    // rows whose industry waits for a decision
};

struct LoadReport {
  std::vector<std::string> errors;    // a layer could not be read
  std::vector<std::string> warnings;  // rows skipped, fallbacks used
  // The import's summary, decisions and problems (FILE: line), in LoadOptions::lang: stderr prints
  // them after the warnings; the window renders them from `import` in its own language instead.
  std::vector<std::string> import_lines;
  std::shared_ptr<ImportSession> import;  // set when the projects went through the importer
  bool needs_mapping = false;  // the guess is not confident: a user must confirm or edit the mapping
  std::shared_ptr<const PendingCacheWrite> cache_write;  // LoadOptions::defer_cache_write: the write left to do
  bool fatal() const { return !errors.empty(); }
};

// `control` (optional) reports progress of the projects' read and can cancel it. `base_loaded`
// (optional) is called on the loading thread once the districts, water, rivers and parks are in,
// before the projects are read (start-up builds the base map meanwhile: ui/startup.h).
Model loadModel(const LoadOptions& opt, LoadReport& report, TaskControl* control = nullptr,
                const std::function<void(const Model&)>& base_loaded = {});

// Projects for the model from a read table and a mapping (the mapping dialog's "apply"): the same
// steps loadModel takes after reading. Errors go to `report`.
bool applyImport(Model& m, ImportSession& s, LoadReport& report);

// The command line's note for industry texts that need a decision: each text, its rows and the
// suggestion, and how to give the answer (the mapping file's "categories"). Empty when none does.
std::vector<std::string> categoryQuestions(const ImportSession& s, Lang lang);

}  // namespace cm
