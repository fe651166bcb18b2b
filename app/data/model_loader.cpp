#include "data/model_loader.h"

#include "platform/trace.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/catalog.h"

#include "platform/data_paths.h"
#include "data/parks_csv.h"
#include "core/glyph_set.h"
#include "data/project_cache.h"
#include "data/projects_csv.h"
#include "data/base_map.h"
#include "geo/projection.h"
#include "platform/files.h"

namespace cm {

namespace {

// The canonical chainmap CSV (the sample's own columns, UTF-8) goes through the fast strict loader.
bool isCanonicalCsv(const std::string& path) {
  if (path.size() < 4 || (path.substr(path.size() - 4) != ".csv" && path.substr(path.size() - 4) != ".CSV")) return false;
  std::ifstream in(path, std::ios::binary);
  std::string head(65536, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  const size_t nl = head.find('\n');
  std::string header = head.substr(0, nl);
  if (header.rfind("\xEF\xBB\xBF", 0) == 0) header.erase(0, 3);
  if (!header.empty() && header.back() == '\r') header.pop_back();
  if (nl == std::string::npos && head.size() == 65536) return false;
  // Every required column by its exact canonical name, comma-separated; the text valid UTF-8.
  std::vector<std::string> cols;
  std::stringstream ss(header);
  for (std::string c; std::getline(ss, c, ',');) cols.push_back(c);
  auto has = [&](const char* c) { return std::find(cols.begin(), cols.end(), c) != cols.end(); };
  const size_t cut = head.find_last_of('\n');
  return has("id") && (has("name_zh") || has("name_en")) && has("ecosystem") && has("investment_yi") && has("signed_date") &&
         has("lon") && has("lat") && isValidUtf8(head.substr(0, cut == std::string::npos ? head.size() : cut));
}

}  // namespace

bool applyImport(Model& m, ImportSession& s, LoadReport& report) {
  trace("load: water, rivers");
  auto to_xy = sharedTransform(kWgs84, m.display_crs);
  if (!to_xy) {
    report.errors.push_back(to_xy.error());
    return false;
  }
  auto r = importProjects(s.table, s.mapping, m.districts, m.parks, **to_xy, s.lang);
  if (!r) {
    report.errors.push_back(r.error());
    return false;
  }
  m.projects = std::move(r->projects);
  m.projects.name_glyphs = distinctCharacters({&m.projects.name_zh, &m.projects.foreign});
  m.projects_synthetic = r->synthetic;
  m.projects_layer = s.table.layer;
  s.report = std::move(r->report);
  s.coords = r->coords;
  s.industries = std::move(r->industries);
  // What was decided, then what went wrong (the most harmful first), on stderr and in the window.
  const std::string& src = s.table.display_source;
  report.import_lines.clear();
  report.import_lines.push_back(fileError(src, s.report.summary(s.lang)));
  // What the reader noticed and where the mapping came from: information, not warnings.
  for (const Msg& n : s.table.notes) report.import_lines.push_back(fileError(src, render(s.lang, n)));
  if (s.mapping_saved) report.import_lines.push_back(fileError(src, render(s.lang, Msg("import.mapped_as_saved").arg("path", s.mapping_path))));
  for (const std::string& d : s.report.decisionLines(s.lang)) report.import_lines.push_back(fileError(src, d));
  for (const std::string& l : s.report.lines(s.lang)) report.import_lines.push_back(fileError(src, l));
  for (const std::string& q : categoryQuestions(s, s.lang)) report.import_lines.push_back(fileError(src, q));
  s.report_path.clear();
  if (!s.report.problems.empty()) {
    const std::string path = reportPathFor(s.table.source, s.table.layer);
    if (auto ok = s.report.writeCsv(path, s.lang)) {
      s.report_path = path;
      report.import_lines.push_back(fileError(src, render(s.lang, Msg("import.report_csv").arg("path", path))));
    }
  }
  return true;
}

long ImportSession::undecidedRows() const {
  long n = 0;
  for (const IndustryValue& v : industries) n += v.needsDecision() ? v.rows : 0;
  return n;
}

std::vector<std::string> categoryQuestions(const ImportSession& s, Lang L) {
  std::vector<std::string> out;
  std::string example;
  int values = 0;
  for (const IndustryValue& v : s.industries) {
    if (!v.needsDecision()) continue;
    if (++values <= 3) {
      const std::string id = v.match.chain >= 0 ? std::string(kChains[v.match.chain].id) : std::string(info(v.match.ecosystem).id);
      example += std::string(example.empty() ? "" : ", ") + "\"" + v.text + "\": \"" + id + "\"";
    }
  }
  if (values == 0) return out;
  out.push_back(render(L, Msg("import.q_how")
                              .arg("n", thousands(values))
                              .arg("mapping", s.mapping_path)
                              .arg("example", "{\"categories\": {" + example + "}}")));
  return out;
}

namespace {

// Where the projects come from, worked out from the options and the data paths alone (no file
// read but a saved mapping's, no PROJ): the file, the sheet, and for a canonical CSV its cache.
struct ProjectsPlan {
  std::string file, layer;
  bool saved_mapping = false;  // a mapping saved beside the file applies
  bool canonical_csv = false;  // read by the fast CSV loader, through the columnar cache
  std::string cache_file, cache_key;  // "" without a cache
};

ProjectsPlan planProjects(const LoadOptions& opt, const DataPaths& paths, const std::string& display_crs) {
  ProjectsPlan plan;
  plan.file = opt.projects_file.empty() ? defaultProjectsFile() : opt.projects_file;
  plan.layer = opt.layer;
  const std::string beside = mappingPathFor(plan.file, opt.layer);
  plan.saved_mapping = opt.mapping_file.empty() && !isDatabaseSource(plan.file) && fileExists(beside);
  if (plan.saved_mapping) {  // a saved mapping names its sheet: read that one, unless another was asked for
    std::ifstream in(beside);
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    const std::string saved_layer = savedMappingLayer(j);
    if (plan.layer.empty()) plan.layer = saved_layer;
    else if (!saved_layer.empty() && saved_layer != plan.layer) plan.saved_mapping = false;
  }
  plan.canonical_csv = opt.mapping_file.empty() && !plan.saved_mapping && opt.layer.empty() && isCanonicalCsv(plan.file);
  // The columnar cache: keyed by the file, the CRS and the map layers the columns depend on.
  const std::string dir = plan.canonical_csv && opt.use_cache && !paths.data_dir.empty() ? projectsCacheDir() : "";
  const ProjectsCacheKey key{plan.file, "", display_crs, {paths.districts, paths.parks}};
  plan.cache_key = dir.empty() ? "" : projectsCacheKeyText(key);
  plan.cache_file = plan.cache_key.empty() ? "" : projectsCachePath(dir, key);
  return plan;
}

Model loadAll(const LoadOptions& opt, LoadReport& report, TaskControl* control,
              const std::function<void(const Model&)>& base_loaded) {
  Model m;
  m.display_crs = displayCrsOf(opt.crs);
  if (opt.use_cache) rememberTransformsIn(transformsCachePath());
  const DataPaths paths = resolveDataPaths(opt.data_dir);
  // The projects' cache is opened before anything loads PROJ: its columns come from the disk
  // while PROJ's ~30 libraries load (a cold start's 60 ms). Used below only if the map loads clean.
  const ProjectsPlan plan = opt.map_only ? ProjectsPlan{} : planProjects(opt, paths, m.display_crs);
  std::optional<CachedProjects> cached;
  if (!plan.cache_file.empty() && (cached = readProjectsCache(plan.cache_file, plan.cache_key))) trace("load: projects' cache opened");
  if (auto ok = validateCrs(m.display_crs); !ok) {
    report.errors.push_back("--crs: " + ok.error());
    return m;
  }
  m.data_dir = paths.data_dir;
  trace("load: paths");

  if (paths.data_dir.empty()) {
    report.errors.push_back(noDistrictsMessage(paths));
    if (auto p = loadParksCsv(paths.parks, m.display_crs, &report.warnings); p) m.parks = p.take();
    else report.errors.push_back(p.error());
  } else {  // districts, water, rivers, parks and what drawing them needs, from the cache when it has them
    BaseMap b = loadBaseMap({paths.districts, paths.water, paths.rivers, paths.parks}, m.display_crs,
                            opt.use_cache ? projectsCacheDir() : "");
    m.districts = std::move(b.districts);
    m.water = std::move(b.water);
    m.rivers = std::move(b.rivers);
    m.city_outline = std::move(b.city_outline);
    m.parks = std::move(b.parks);
    for (std::string& e : b.errors) report.errors.push_back(std::move(e));
    for (std::string& w : b.warnings) report.warnings.push_back(std::move(w));
  }
  trace("load: parks");
  if (base_loaded && report.errors.empty()) base_loaded(m);
  if (opt.map_only) return m;
  m.projects_file = plan.file;
  const std::string& layer = plan.layer;
  const bool saved = plan.saved_mapping;
  if (plan.canonical_csv) {
    // The columnar cache first (read above), when the map loaded clean and its indices fit it.
    const std::string cache_file = report.errors.empty() ? plan.cache_file : "";
    const std::string& key = plan.cache_key;
    if (!cache_file.empty()) {
      if (auto& c = cached; c && indicesWithin(c->projects, CacheLimits{m.districts.size(), m.parks.size()})) {
        m.projects = std::move(c->projects);
        m.projects_synthetic = c->synthetic;
        for (std::string& w : c->warnings) report.warnings.push_back(std::move(w));
        if (control) control->progress = 1.f;
        trace("load: projects (cache)");
        return m;
      }
    }
    auto to_xy = sharedTransform(kWgs84, m.display_crs);  // (PROJ: a start from the caches never loads it)
    if (!to_xy) {
      report.errors.push_back(to_xy.error());
      return m;
    }
    if (auto p = loadProjectsCsv(m.projects_file, **to_xy, m.districts, m.parks, CsvLoadOptions{0, CsvLoadOptions{}.chunk_bytes, control}); p) {
      m.projects = std::move(p->projects);
      m.projects_synthetic = p->synthetic;
      m.projects.name_glyphs = distinctCharacters({&m.projects.name_zh, &m.projects.foreign});
      trace("load: projects (fast CSV)");
      if (!cache_file.empty() && opt.defer_cache_write) {
        report.cache_write = std::make_shared<PendingCacheWrite>(PendingCacheWrite{cache_file, key, m.projects_synthetic, p->warnings});
      } else if (!cache_file.empty()) {
        auto w = writeProjectsCache(cache_file, key, m.projects, m.projects_synthetic, p->warnings);
        trace(w ? "load: cache written" : ("load: cache not written: " + w.error()).c_str());
      }
      for (std::string& w : p->warnings) report.warnings.push_back(std::move(w));
    } else {
      report.errors.push_back(p.error());
      trace("load: projects (fast CSV)");
    }
    return m;
  }
  // Any other table: read it, map its fields, import.
  auto table = readTable(m.projects_file, ReadOptions{layer}, control);
  if (!table) {
    report.errors.push_back(table.error());
    return m;
  }
  auto session = std::make_shared<ImportSession>();
  session->table = table.take();
  session->mapping_path = opt.mapping_file.empty() ? mappingPathFor(m.projects_file, session->table.layer) : opt.mapping_file;
  session->lang = opt.lang;
  if (!opt.mapping_file.empty() || saved) {
    auto mapping = loadMapping(session->mapping_path, session->table, opt.lang);
    if (!mapping) {
      report.errors.push_back(mapping.error());
      report.import = session;
      return m;
    }
    session->mapping = *mapping;
    session->confident = true;
    session->mapping_saved = true;
  } else {
    session->mapping = guessMapping(session->table);
    session->confident = confident(session->mapping, session->table.has_points);
  }
  report.import = session;
  if (!session->confident) {
    report.needs_mapping = true;
    std::string what;
    const std::vector<Field> missing = missingRequired(session->mapping, session->table.has_points);
    for (Field f : missing) what += (what.empty() ? "" : ", ") + fieldLabel(f, opt.lang);
    for (int f = 0; f < kFieldCount; ++f) {
      const FieldChoice& c = session->mapping.fields[f];
      if (std::find(missing.begin(), missing.end(), static_cast<Field>(f)) != missing.end()) continue;  // said above
      if (c.column >= 0 && c.confidence < Confidence::Medium)
        what += (what.empty() ? "" : ", ") +
                render(opt.lang, Msg("import.e_guessed").arg("field", fieldLabel(static_cast<Field>(f), opt.lang)).arg("why", whyText(c, opt.lang)));
    }
    report.errors.push_back(fileError(session->table.display_source,
                                      render(opt.lang, Msg("import.e_unsure").arg("what", what).arg("mapping", session->mapping_path))));
    return m;
  }
  applyImport(m, *session, report);
  return m;
}

}  // namespace

Model loadModel(const LoadOptions& opt, LoadReport& report, TaskControl* control,
                const std::function<void(const Model&)>& base_loaded) {
  Model m = loadAll(opt, report, control, base_loaded);
  // Without districts no project's district can be checked: one line says so, not one per row.
  if (m.districts.empty() && m.projects.size() > 0)
    report.warnings.push_back(fileError(m.projects_file, std::to_string(m.projects.size()) +
                                                             " projects read; their districts are not checked, since the "
                                                             "districts did not load (see the error above)"));
  return m;
}

}  // namespace cm
