// Which column of a user's table is which project field, in what unit, and in which coordinate
// system — guessed from headers (Chinese and English synonyms) and values (patterns), shown and
// editable in the mapping dialog, saved beside the table as FILE.chainmap.json and reused.
#pragma once
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/message.h"
#include "platform/result.h"
#include "data/gdal/table.h"
#include "data/import/values.h"

namespace cm {

// The project fields a table can provide. Industry is the office's own free text (产业类别, 行业):
// it, the ecosystem and the chain columns all go through the industry classifier
// (data/import/industry.h). LonLat is one cell with both numbers (经纬度 = "120.1552,30.2741");
// Address (项目地址, 建设地点) places a row in its district when no district column says it.
enum class Field {
  Id, NameZh, NameEn, Ecosystem, Chain, Industry, Sector, Investment, SignedDate, StartedDate, ProducingDate, Stage,
  District, Park, Address, Lon, Lat, LonLat, Foreign, Fdi, ChainLeader, ChainRole, Channel, Synthetic, Count
};
inline constexpr int kFieldCount = static_cast<int>(Field::Count);
const char* fieldId(Field f);        // "id", "name_zh", ... (the canonical CSV's column names)
const char* fieldLabelZh(Field f);   // "项目编号", ...
std::optional<Field> fieldFromId(std::string_view id);

// How sure a guess is.
enum class Confidence { None, Low, Medium, High };
const char* confidenceId(Confidence c);

struct FieldChoice {
  int column = -1;  // index into RawTable::columns; -1: not in the table
  Confidence confidence = Confidence::None;
  Msg why;          // "header '总投资(万元)' is a name for investment", "values look like dates"
  Msg but;          // a doubt the values raise ("but most values are not numbers"), or empty
};
// "why, but doubt" in the language.
std::string whyText(const FieldChoice& c, Lang lang);

// A person's answer for one industry text of the table (the category dialog, or "categories" in
// the mapping file): its ecosystem and, optionally, its chain (a kChains id; "" the ecosystem's
// catch-all chain).
struct CategoryChoice {
  Ecosystem ecosystem = Ecosystem::Other;
  std::string chain;
  bool operator==(const CategoryChoice&) const = default;
};

// What the lon/lat (or x/y, or the layer's geometry) are in.
enum class CoordSystem { Auto, Wgs84, Gcj02, Bd09, Epsg };
const char* coordSystemId(CoordSystem c);  // "auto", "wgs84", "gcj02", "bd09", "epsg"
std::optional<CoordSystem> coordSystemFromId(std::string_view id);

struct FieldMapping {
  std::array<FieldChoice, kFieldCount> fields{};
  MoneyUnit investment_unit = MoneyUnit::Unknown;  // Unknown: no column (a column always has its unit decided)
  Msg investment_unit_why;
  MoneyUnit fdi_unit = MoneyUnit::Unknown;         // Unknown: million USD (the canonical fdi_musd)
  double cny_per_usd = 7.1;                        // stated in the report when USD amounts are converted
  CoordSystem coords = CoordSystem::Auto;
  std::string epsg;          // with CoordSystem::Epsg, e.g. "EPSG:4549"
  bool swap_lonlat = false;  // decided by detection (or set by the user)
  std::string layer;         // the sheet / layer the mapping is for
  bool from_file = false;    // loaded from a saved mapping (not guessed)
  std::string path;          // the mapping file it was loaded from (messages name it)
  // Industry texts a person decided, by the text as written (trimmed).
  std::map<std::string, CategoryChoice> categories;

  FieldChoice& operator[](Field f) { return fields[static_cast<int>(f)]; }
  const FieldChoice& operator[](Field f) const { return fields[static_cast<int>(f)]; }
  int column(Field f) const { return fields[static_cast<int>(f)].column; }
};

// The fields a table must provide to be placed and counted: a name (or an id), and a place (lon+lat,
// a combined coordinate column, the layer's points, a district, a park or an address). Investment,
// dates, industry … are optional: a project without them is kept (undated, amount unknown, other).
std::vector<Field> missingRequired(const FieldMapping& m, bool has_points);
// Confident: every required field, and every field that decides a figure (investment, dates,
// coordinates), is mapped with at least Medium confidence.
bool confident(const FieldMapping& m, bool has_points);
// "id (项目编号)" / "name_zh (项目名称)" in the language.
std::string fieldLabel(Field f, Lang lang);

// Guess from the headers and the first rows' values.
FieldMapping guessMapping(const RawTable& t);

// How strongly a header cell names a known field (0 none .. 3 exact synonym): the reader uses it to
// find the header row under title rows.
int headerScore(std::string_view cell);

// JSON (column names, not indices, so a re-exported file with moved columns still maps). The format
// is in README "Mapping files"; assets/examples/ has a worked example.
nlohmann::json mappingToJson(const FieldMapping& m, const RawTable& t);
// Errors name the mapping file and the problem: an unknown key, field, unit, ecosystem or chain
// (with the value and what is allowed), a column the table lacks, a value of the wrong type. A
// missing investment_unit is decided as a guess would (from the header, else the values' size).
Result<FieldMapping> mappingFromJson(const nlohmann::json& j, const RawTable& t, const std::string& path, Lang lang = Lang::En);
Result<FieldMapping> loadMapping(const std::string& path, const RawTable& t, Lang lang = Lang::En);
// A mapping file is input from anyone: it may name a sheet or layer of its own table, never a path
// ("/", "\\", "..") or a database connection, and its CRS only as AUTHORITY:CODE ("EPSG:4549";
// PROJ strings and WKT can name grid and init files to open). Refused values make loadMapping fail
// with a message naming the mapping file and the value.
bool mappingLayerAllowed(const std::string& layer);
bool mappingCrsAllowed(const std::string& crs);
// The "layer" a saved mapping names, read before its table ("" when absent, not text or not allowed:
// loadMapping then says why).
std::string savedMappingLayer(const nlohmann::json& j);
// "value" for messages: at most 80 bytes, control characters shown as '?'.
std::string quotedValue(const std::string& v);
// Written to a temporary file, flushed and renamed into place.
Result<bool> saveMapping(const std::string& path, const FieldMapping& m, const RawTable& t);
// Where a table's mapping is kept: FILE.chainmap.json beside a file; for a database, a file named
// after the layer in the user's data folder.
std::string mappingPathFor(const std::string& source, const std::string& layer);

}  // namespace cm
