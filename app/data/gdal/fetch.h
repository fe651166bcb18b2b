// `chainmap-data fetch`: district boundaries for a user who has none.
//
// The DataV GeoAtlas boundaries may not be redistributed, so the repository never holds them.
// This downloads DataV's Hangzhou file once (GeoJSON in GCJ-02), converts every vertex to
// WGS 84 (geo/gcj02.h: iterative inversion of the public forward formula), checks that it is the
// current 13-unit division with the expected areas, and writes districts.shp/.shx/.dbf/.prj/.cpg
// plus a SOURCES.md note into the user's data folder. Everything is checked in memory and written
// to a temporary folder first; the files are moved into place only when every check passed, so a
// failed fetch never leaves a half-written set and never replaces good files with bad ones.
//
// GL-free library code; app/tools/data_main.cpp is the thin command-line wrapper.
#pragma once
#include <string>
#include <vector>

#include "core/model.h"
#include "platform/result.h"

namespace cm {

inline constexpr const char* kDataVHangzhouUrl =
    "https://geo.datav.aliyun.com/areas_v3/bound/330100_full.json";

// One of the 13 county-level units of the current (post-2021) division, with the geodesic area
// of the reference set from ../shared/data/hangzhou/SOURCES.md.
struct ExpectedDistrict {
  int adcode;
  const char* name_zh;
  const char* name_en;
  const char* kind;  // district | county | county-level city
  double area_km2;   // geodesic, WGS 84 ellipsoid
};
const std::vector<ExpectedDistrict>& expectedHangzhouDistricts();
inline constexpr double kAreaTolerance = 0.02;  // relative

struct FetchOptions {
  std::string source = kDataVHangzhouUrl;  // http(s):// URL, file:// URL or a local file
  std::string out_dir;                     // "" = userDataDir()
  bool force = false;                      // replace a districts.shp already in out_dir
  long connect_timeout_s = 15;
  long timeout_s = 120;
  size_t max_bytes = 64u << 20;            // a larger download or file is refused unread (DataV's is ~1 MB)
};

struct FetchedDistrict {
  int adcode = 0;
  std::string name_zh, name_en, kind;
  std::string source_name;  // the `name` property of the source, for messages
  MultiPolygon ll;          // WGS 84, rounded to 1e-6 degrees
  double area_km2 = 0;      // geodesic
  size_t vertices = 0;
};

enum class FetchStatus {
  Ok = 0,
  Failed = 1,    // the data failed a check, or the files could not be written
  NoSource = 2,  // the source could not be downloaded / read (e.g. no network)
  Exists = 3,    // out_dir already has districts.shp and force is off
};

struct FetchOutcome {
  FetchStatus status = FetchStatus::Failed;
  std::string message;  // the error; on success a short summary
  std::string out_dir;
  std::string sources_note;  // path of the SOURCES note written
  std::vector<FetchedDistrict> districts;
  std::vector<std::string> warnings;
  explicit operator bool() const { return status == FetchStatus::Ok; }
};

// The whole pipeline: download/read, parse, convert, check, write, move into place.
FetchOutcome fetchDistricts(const FetchOptions& opt);

// The steps, for tests and reuse. Errors name the file/URL and the problem.
Result<std::string> downloadUrl(const std::string& url, long connect_timeout_s, long timeout_s, size_t max_bytes = 64u << 20);
bool isUrl(const std::string& source);  // http:// or https://
// "" when `text` has DataV's shape, else the problem naming `origin` and the feature: a JSON object
// {"type": "FeatureCollection", "features": [...]}, each feature {"type": "Feature", "properties":
// {"adcode": whole number, "name": text, ...}, "geometry": {"type": "Polygon"|"MultiPolygon",
// "coordinates": [...]}}.
std::string dataVSchemaProblem(const std::string& text, const std::string& origin);
// Parses a DataV-shaped GeoJSON (properties adcode, name; GCJ-02 coordinates) and converts every
// vertex to WGS 84. `origin` names the source in messages. Refused: a file that fails
// dataVSchemaProblem, a vertex outside Hangzhou's box (118.0–121.2 E, 28.9–30.9 N), a geometry
// that is not valid as given (self-intersecting rings, …).
Result<std::vector<FetchedDistrict>> parseDataVDistricts(const std::string& geojson, const std::string& origin);
// "" when the set is the current division (the 13 adcodes, each once, each under its own name when
// the source names it) with areas within kAreaTolerance, else the problem.
// Fills name_en/kind (and name_zh) from the expected table and sorts by adcode.
std::string checkDistricts(std::vector<FetchedDistrict>& d, const std::string& origin);
// Writes the shapefile set (ENCODING=UTF-8, WGS 84) into `dir` with GDAL's OGR API.
std::string writeDistrictsShapefile(const std::vector<FetchedDistrict>& d, const std::string& dir);
// The text of the SOURCES note written beside the files.
std::string fetchSourcesNote(const std::vector<FetchedDistrict>& d, const std::string& source, const std::string& date);
// What to do without network: where to put the files, in the order chainmap searches.
std::string whereToPutFilesMessage(const std::string& out_dir);

}  // namespace cm
