// A user's table as read, before any meaning is given to it: column names and rows of text, plus
// the layer's points and CRS when the source has geometry. Every format goes through GDAL/OGR:
// CSV/TXT (UTF-8, UTF-8 with BOM or GBK/GB18030, detected; separators , ; tab | detected; quoted
// fields with newlines), XLSX/ODS (a sheet; title rows above the header skipped; dates as text),
// GeoPackage, Shapefile, GeoJSON, FlatGeobuf, and PostGIS ("PG:dbname=… host=…").
#pragma once
#include <string>
#include <vector>

#include "core/cached.h"
#include "core/message.h"
#include "platform/secrets.h"  // withoutPassword, isDatabaseSource: a source is shown without its password
#include "platform/result.h"

namespace cm {

struct RawTable {
  std::string source;          // as given (a path, or a PG: connection string)
  std::string display_source;  // for messages and files: a PG: string without its password
  std::string format;          // GDAL driver: "CSV", "XLSX", "ODS", "GPKG", "ESRI Shapefile", "PostgreSQL", ...
  std::string layer;           // the layer or sheet read
  std::vector<std::string> layers;  // every layer or sheet of the source
  std::string encoding;        // CSV/TXT: "UTF-8", "UTF-8 with BOM", "GB18030"
  char separator = 0;          // CSV/TXT
  int header_row = 0;          // rows above the header (title rows), skipped
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;  // rows[r][c], every row columns.size() long
  std::vector<long> row_numbers;  // as a user sees them: the line of a CSV, the row of a sheet, the feature id
  // Points of the layer's geometry (GPKG, SHP, GeoJSON, FGB, PostGIS); polygons give a point on
  // their surface. crs is the layer's CRS as WKT ("" unknown).
  bool has_points = false;
  std::vector<double> gx, gy;
  std::vector<uint8_t> g_ok;
  std::string crs;
  bool truncated = false;  // the reader stopped early (cancelled, or the source broke off)
  std::vector<Msg> notes;  // what the reader noticed (read as GB18030, 2 title rows skipped): information, in the UI language
};

struct ReadOptions {
  std::string layer;  // sheet or layer name; "" = the first one with rows
};

// Errors name the source and the problem ("FILE: file not found", "FILE: no sheet 'X' (sheets: A, B)").
// `control` (optional) receives progress and can cancel.
Result<RawTable> readTable(const std::string& source, const ReadOptions& opt, TaskControl* control = nullptr);

// Text decoding for CSV/TXT, exposed for tests.
struct DecodedText {
  std::string utf8;
  std::string encoding;  // "UTF-8", "UTF-8 with BOM", "GB18030"
};
Result<DecodedText> decodeText(const std::string& bytes, const std::string& path);
char detectSeparator(const std::string& utf8);  // ',', ';', '\t' or '|' (',' when nothing else fits)

}  // namespace cm
