#include "data/gdal/table.h"

#include "data/gdal/file_sniff.h"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstring>
#include <atomic>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include "data/gdal/gdal_util.h"
#include "data/import/field_mapping.h"
#include "data/import/values.h"
#include "platform/text.h"

namespace cm {
namespace {


std::string extension(const std::string& path) {
  const size_t dot = path.find_last_of('.');
  const size_t slash = path.find_last_of('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return asciiLower(path.substr(dot + 1));
}

// Config options set for this thread only while alive (GDAL reads them at open time).
class ThreadConfig {
 public:
  ThreadConfig(std::initializer_list<std::pair<const char*, const char*>> kv) {
    for (auto [k, v] : kv) {
      const char* old = CPLGetThreadLocalConfigOption(k, nullptr);
      saved_.push_back({k, old ? std::optional<std::string>(old) : std::nullopt});
      CPLSetThreadLocalConfigOption(k, v);
    }
  }
  ~ThreadConfig() {
    for (auto& [k, v] : saved_) CPLSetThreadLocalConfigOption(k, v ? v->c_str() : nullptr);
  }

 private:
  std::vector<std::pair<const char*, std::optional<std::string>>> saved_;
};

// A file in GDAL's memory file system, removed when this goes.
class MemFile {
 public:
  MemFile(const std::string& name, const std::string& bytes) : name_(name) {
    auto* buf = static_cast<GByte*>(CPLMalloc(bytes.size() + 1));
    std::copy(bytes.begin(), bytes.end(), buf);
    VSIFCloseL(VSIFileFromMemBuffer(name_.c_str(), buf, bytes.size(), TRUE));
  }
  ~MemFile() { VSIUnlink(name_.c_str()); }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

// '|' separated text as tab separated, outside quotes (GDAL's CSV driver knows , ; and tab).
std::string pipesToTabs(const std::string& s) {
  std::string out = s;
  bool quoted = false;
  for (char& c : out) {
    if (c == '"') quoted = !quoted;
    else if (c == '|' && !quoted) c = '\t';
  }
  return out;
}

// Picks the header among the first rows: the row that most looks like field names (non-numeric
// text, known synonyms), title rows above it skipped.
int findHeaderRow(const std::vector<std::vector<std::string>>& grid) {
  int best = 0;
  double best_score = -1;
  for (int r = 0; r < std::min<int>(10, static_cast<int>(grid.size())); ++r) {
    int filled = 0, text = 0, known = 0;
    for (const std::string& c : grid[r]) {
      if (normalizeKey(c).empty()) continue;  // blank, or only spaces
      ++filled;
      if (!parseLooseNumber(c) && !parseAnyDate(c, false)) ++text;
      known += headerScore(c);
    }
    if (filled < 2) continue;
    const double score = known * 10 + text + (text == filled ? 2 : 0);
    if (score > best_score) best_score = score, best = r;
  }
  return best;
}

// Field names and the first features' text are valid UTF-8.
bool shapefileTextIsUtf8(GDALDataset* ds) {
  for (int l = 0; l < ds->GetLayerCount(); ++l) {
    OGRLayer* layer = ds->GetLayer(l);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      if (!isValidUtf8(defn->GetFieldDefn(i)->GetNameRef())) return false;
    layer->ResetReading();
    for (int n = 0; n < 200; ++n) {
      std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
      if (!f) break;
      for (int i = 0; i < defn->GetFieldCount(); ++i)
        if (f->IsFieldSetAndNotNull(i) && !isValidUtf8(f->GetFieldAsString(i))) return false;
    }
    layer->ResetReading();
  }
  return true;
}

// A header drawn over two rows with merged cells, as offices do: the row under the header holds
// sub-headers in a few columns (其中：外资（万美元） under a merged 总投资 cell) and nothing that
// looks like data. Those cells name their columns (a blank header cell takes the sub-header; a
// filled one keeps its name when the sub-header names no field, else takes it); the row is no
// project. Returns whether the row was merged.
bool mergeSubHeader(std::vector<std::string>& header, const std::vector<std::string>& next) {
  int filled = 0, data = 0, headerish = 0;
  for (const std::string& c : next) {
    if (normalizeKey(c).empty()) continue;
    ++filled;
    if (parseLooseNumber(c) || parseAnyDate(c, false)) ++data;
    if (headerScore(c) > 0 || normalizeKey(c).rfind("其中", 0) == 0 || normalizeKey(c).rfind("含", 0) == 0) ++headerish;
  }
  if (filled == 0 || data > 0 || headerish * 2 < filled || filled * 2 > static_cast<int>(header.size())) return false;
  for (size_t i = 0; i < next.size() && i < header.size(); ++i) {
    if (normalizeKey(next[i]).empty()) continue;
    if (normalizeKey(header[i]).empty() || headerScore(next[i]) > 0) header[i] = next[i];
    else header[i] += "/" + next[i];
  }
  return true;
}

}  // namespace

Result<DecodedText> decodeText(const std::string& bytes, const std::string& path) {
  using R = Result<DecodedText>;
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) {
    DecodedText d{bytes.substr(3), "UTF-8 with BOM"};
    if (!isValidUtf8(d.utf8)) return R::fail(fileError(path, "starts with a UTF-8 mark but is not valid UTF-8"));
    return d;
  }
  if (bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0)
    return R::fail(fileError(path, "is UTF-16 text; save it as UTF-8 or GBK"));
  if (isValidUtf8(bytes)) return DecodedText{bytes, "UTF-8"};
  // Not UTF-8: Chinese Windows software writes GBK (a subset of GB18030).
  char* utf8 = CPLRecode(bytes.c_str(), "GB18030", CPL_ENC_UTF8);
  std::string out = utf8 ? utf8 : "";
  CPLFree(utf8);
  if (out.empty() || !isValidUtf8(out) || out.find("\xEF\xBF\xBD") != std::string::npos)
    return R::fail(fileError(path, "text is neither UTF-8 nor GBK/GB18030 (save it as UTF-8)"));
  return DecodedText{out, "GB18030"};
}

char detectSeparator(const std::string& text) {
  // Count candidates outside quotes on the first few lines; the one that is most frequent and the
  // same on every line wins.
  const char cands[] = {',', ';', '\t', '|'};
  std::vector<std::array<int, 4>> lines;
  std::array<int, 4> cur{};
  bool quoted = false;
  for (size_t i = 0; i < text.size() && lines.size() < 6; ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    else if (c == '\n' && !quoted) lines.push_back(cur), cur = {};
    else if (!quoted)
      for (int k = 0; k < 4; ++k) cur[k] += c == cands[k];
  }
  if (lines.empty()) lines.push_back(cur);
  int best = 0;
  double best_score = 0;
  for (int k = 0; k < 4; ++k) {
    int lo = INT32_MAX, total = 0;
    for (const auto& l : lines) lo = std::min(lo, l[k]), total += l[k];
    const double score = lo > 0 ? total + 1000.0 * lo : 0;  // on every line
    if (score > best_score) best_score = score, best = k;
  }
  return cands[best];
}

Result<RawTable> readTable(const std::string& source, const ReadOptions& opt, TaskControl* control) {
  using R = Result<RawTable>;
  ensureGdalRegistered();
  RawTable t;
  t.source = source;
  t.display_source = isDatabaseSource(source) ? withoutPassword(source) : source;
  const std::string& name = t.display_source;
  const bool db = isDatabaseSource(source);
  if (!db && !fileExists(source)) return R::fail(fileError(name, notAFileReason(source)));

  const std::string ext = db ? "" : extension(source);
  const bool text = ext == "csv" || ext == "txt" || ext == "tsv" || ext == "tab";
  const bool sheet = ext == "xlsx" || ext == "xlsm" || ext == "ods";
  if (sheet)  // a text, an image or another ZIP renamed .xlsx: say what it is
    if (const std::string why = spreadsheetMismatch(source, ext); !why.empty()) return R::fail(fileError(name, why));
  std::unique_ptr<MemFile> mem;
  std::string gdal_name = source;
  if (text) {
    std::ifstream in(source, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string bytes = ss.str();
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) return R::fail(fileError(name, "the file is empty"));
    auto decoded = decodeText(bytes, name);
    if (!decoded) return R::fail(decoded.error());
    t.encoding = decoded->encoding;
    t.separator = detectSeparator(decoded->utf8);
    if (t.encoding != "UTF-8") t.notes.push_back(Msg("table.read_as").arg("encoding", t.encoding));
    static std::atomic<int> counter{0};
    mem = std::make_unique<MemFile>("/vsimem/chainmap_table_" + std::to_string(counter++) + ".csv",
                                    t.separator == '|' ? pipesToTabs(decoded->utf8) : decoded->utf8);
    gdal_name = mem->name();
  }

  GdalErrorCapture capture;
  // Every cell as text, and no header guessing by GDAL: chainmap finds the header row itself.
  ThreadConfig cfg{{"OGR_XLSX_HEADERS", "DISABLE"}, {"OGR_XLSX_FIELD_TYPES", "STRING"},
                   {"OGR_ODS_HEADERS", "DISABLE"}, {"OGR_ODS_FIELD_TYPES", "STRING"},
                   {"PG_LIST_ALL_TABLES", "YES"}};
  const char* csv_options[] = {"AUTODETECT_TYPE=NO", "HEADERS=NO", "EMPTY_STRING_AS_NULL=NO", "KEEP_GEOM_COLUMNS=YES", nullptr};
  const char* csv_drivers[] = {"CSV", nullptr};
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
      GDALOpenEx(gdal_name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, text ? csv_drivers : nullptr,
                 text ? csv_options : nullptr, nullptr)));
  if (!ds) {
    std::string why = capture.last();
    if (db) return R::fail(fileError(name, "cannot connect or read the database" + (why.empty() ? "" : " (" + why + ")")));
    return R::fail(fileError(name, "not a table chainmap can read (CSV, TXT, XLSX, ODS, GPKG, SHP, GeoJSON, FlatGeobuf)" +
                                       (why.empty() ? "" : ": " + why)));
  }
  t.format = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
  if (text) t.format = "CSV";
  // A shapefile in GBK with no .cpg (how Chinese GIS software exports): its names and text are not
  // UTF-8; read it again as CP936, as the district loader does.
  if (t.format == "ESRI Shapefile" && !db && !shapefileHasCpg(source) && !shapefileTextIsUtf8(ds.get())) {
    const char* gbk[] = {"ENCODING=CP936", nullptr};
    std::unique_ptr<GDALDataset> again(static_cast<GDALDataset*>(GDALOpenEx(gdal_name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, gbk, nullptr)));
    if (again) {
      ds = std::move(again);
      t.encoding = "GBK";
      t.notes.push_back(Msg("table.gbk_without_cpg"));
    }
  }
  for (int i = 0; i < ds->GetLayerCount(); ++i) t.layers.push_back(ds->GetLayer(i)->GetName());
  OGRLayer* layer = nullptr;
  if (!opt.layer.empty()) {
    layer = ds->GetLayerByName(opt.layer.c_str());
    if (!layer) {
      std::string all;
      for (const std::string& l : t.layers) all += (all.empty() ? "" : ", ") + l;
      return R::fail(fileError(name, std::string(sheet ? "no sheet" : "no layer") + " '" + opt.layer + "' (" +
                                         (sheet ? "sheets" : "layers") + ": " + all + ")"));
    }
  } else {
    for (int i = 0; i < ds->GetLayerCount() && !layer; ++i)
      if (ds->GetLayer(i)->GetFeatureCount(TRUE) > 0) layer = ds->GetLayer(i);
    if (!layer && ds->GetLayerCount() > 0) layer = ds->GetLayer(0);
  }
  if (!layer) return R::fail(fileError(name, "contains no table"));
  t.layer = text ? std::string() : std::string(layer->GetName());  // a CSV's "layer" is GDAL's internal name
  if (t.layers.size() > 1) t.notes.push_back(Msg(sheet ? "table.sheet_read" : "table.layer_read").arg("name", t.layer));

  OGRFeatureDefn* defn = layer->GetLayerDefn();
  const int nf = defn->GetFieldCount();
  const bool headerless = text || sheet;  // the header is a row to find
  std::vector<std::string> fields;
  for (int i = 0; i < nf; ++i) fields.push_back(defn->GetFieldDefn(i)->GetNameRef());
  const bool geometry = !headerless && defn->GetGeomFieldCount() > 0 && layer->GetGeomType() != wkbNone;
  if (geometry)
    if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
      char* wkt = nullptr;
      srs->exportToWkt(&wkt);
      t.crs = wkt ? wkt : "";
      CPLFree(wkt);
    }
  const GIntBig total = layer->GetFeatureCount(FALSE);
  std::vector<std::vector<std::string>> grid;
  std::vector<long> numbers;
  layer->ResetReading();
  long n = 0;
  for (;;) {
    std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
    if (!f) break;
    ++n;
    std::vector<std::string> row(nf);
    bool any = false;
    for (int i = 0; i < nf; ++i) {
      row[i] = f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "";
      any |= !row[i].empty();
    }
    if (geometry) {
      double x = 0, y = 0;
      bool ok = false;
      if (const OGRGeometry* g = f->GetGeometryRef(); g && !g->IsEmpty()) {
        const OGRwkbGeometryType gt = wkbFlatten(g->getGeometryType());
        if (gt == wkbPoint) {
          x = g->toPoint()->getX(), y = g->toPoint()->getY(), ok = true;
        } else {
          OGRPoint p;
          const OGRSurface* surface = OGR_GT_IsSurface(gt) ? g->toSurface() : nullptr;
          if ((surface ? surface->PointOnSurface(&p) : g->Centroid(&p)) == OGRERR_NONE) x = p.getX(), y = p.getY(), ok = true;
        }
      }
      t.gx.push_back(x);
      t.gy.push_back(y);
      t.g_ok.push_back(ok);
      any = true;
    }
    if (!any) continue;  // an empty row
    grid.push_back(std::move(row));
    // A sheet's or CSV's record number is the row a user sees (the header is row header_row+1).
    numbers.push_back(headerless ? n : static_cast<long>(f->GetFID()));
    if (control && (n & 1023) == 0) {
      if (total > 0) control->progress = std::min(0.99f, static_cast<float>(n) / total);
      if (control->cancel) {
        t.truncated = true;
        t.notes.push_back(Msg("table.cancelled").arg("rows", static_cast<long long>(n)));
        break;
      }
    }
  }
  if (!capture.last().empty() && grid.empty()) return R::fail(fileError(name, capture.last()));
  if (headerless) {
    if (grid.empty()) return R::fail(fileError(name, "contains no rows"));
    t.header_row = findHeaderRow(grid);
    t.columns = grid[t.header_row];
    size_t first_data = t.header_row + 1;
    if (first_data < grid.size() && mergeSubHeader(t.columns, grid[first_data])) {
      ++first_data;
      t.notes.push_back(Msg("table.two_row_header"));
    }
    for (size_t i = 0; i < t.columns.size(); ++i) {
      std::string& c = t.columns[i];
      c = normalizeKey(c).empty() ? "column " + std::to_string(i + 1) : std::string(c);
      if (i == 0 && c.rfind("\xEF\xBB\xBF", 0) == 0) c.erase(0, 3);
    }
    if (t.header_row > 0)
      t.notes.push_back(Msg("table.title_rows").arg("rows", static_cast<long long>(t.header_row)));
    t.rows.assign(std::make_move_iterator(grid.begin() + first_data), std::make_move_iterator(grid.end()));
    t.row_numbers.assign(numbers.begin() + first_data, numbers.end());
  } else {
    t.columns = fields;
    t.rows = std::move(grid);
    t.row_numbers = std::move(numbers);
    t.has_points = geometry;
    if (!geometry) t.gx.clear(), t.gy.clear(), t.g_ok.clear();
  }
  if (t.rows.empty())
    return R::fail(fileError(name, headerless ? "has a header row (" + std::to_string(t.columns.size()) + " columns) but no data rows"
                                              : std::string(sheet ? "sheet" : "layer") + " '" + t.layer + "' has no rows"));
  if (control) control->progress = 1.f;
  return t;
}

}  // namespace cm
