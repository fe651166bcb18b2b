// The core model: plain structs, projects stored column-wise. No GL, no ImGui.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ecosystem.h"
#include "geo/types.h"
#include "core/string_column.h"

namespace cm {

// Every geometry is kept twice: lon/lat (WGS 84) for geodesic measures and lookups, and x/y in the
// display CRS for drawing.
struct District {
  int adcode = 0;
  std::string name_zh, name_en, kind;
  MultiPolygon ll, xy;
  double area_km2 = 0;  // geodesic, WGS 84 ellipsoid
  Vec2 label_xy;        // interior point used for the label (display CRS)
  std::vector<Vec2> fill;  // xy as triangles, three points each (made once, at load; empty: not made)
};

struct WaterBody {
  std::string name_zh, name_en, kind;
  MultiPolygon ll, xy;
  std::vector<Vec2> fill;  // xy as triangles, as District::fill
};

struct River {
  int level = 0;
  std::string kind;
  LineString ll, xy;
};

struct Park {
  std::string id, name_zh, name_en;
  int district_adcode = 0;
  double lon = 0, lat = 0;
  Vec2 xy;
  std::string level, focus;
  Ecosystem main_ecosystem = Ecosystem::Other;
  double radius_km = 3.0;  // catchment circle
};

// A project's sector (制造业/服务业); Unknown when the source does not say — its own value, so
// that a project of no stated sector never counts as manufacturing (the annual targets do).
enum class Sector : uint8_t { Manufacturing = 0, Service = 1, Unknown = 2 };
inline constexpr int kSectorCount = 3;
inline constexpr uint32_t kAllSectors = (1u << kSectorCount) - 1;  // Filter::sectors admitting every sector
inline constexpr const char* sectorId(Sector s) {  // the canonical CSV's values ("" unknown)
  return s == Sector::Manufacturing ? "manufacturing" : s == Sector::Service ? "service" : "";
}

// Where a project sits along its industrial chain (产业链环节): suppliers of materials, parts and
// equipment (上游), the chain's core products (中游), applications, integration and services (下游).
// Unknown when the source does not say.
enum class ChainRole : uint8_t { Unknown = 0, Upstream = 1, Midstream = 2, Downstream = 3 };
inline constexpr const char* chainRoleId(ChainRole r) {  // the canonical CSV's values ("" unknown)
  return r == ChainRole::Upstream ? "upstream" : r == ChainRole::Midstream ? "midstream" : r == ChainRole::Downstream ? "downstream" : "";
}
inline constexpr const char* chainRoleZh(ChainRole r) {
  return r == ChainRole::Upstream ? "上游" : r == ChainRole::Midstream ? "中游" : r == ChainRole::Downstream ? "下游" : "";
}
enum class Channel : uint8_t { TaskForce = 0, OverseasMission, SoeInvest, Other };

// One column per field; row i of every column is project i. Columns (core/column.h) are owned or
// views of the columnar cache.
struct Projects {
  StringColumn id, name_zh, name_en;      // one arena each (core/string_column.h)
  Column<Ecosystem> ecosystem;
  Column<uint16_t> chain;                 // index into chain_names
  Column<Sector> sector;
  Column<float> investment_yi;            // 亿元 (0 where the amount is unknown: see investment_unknown)
  Column<uint8_t> investment_unknown;     // 1: the source gave no amount (待定, blank): drawn smallest, summed as 0; may be empty
  Column<int32_t> signed_day;             // days since 1970-01-01, or kNoDay: undated (a pipeline project, a GIS export)
  Column<int32_t> started_day;            // days since 1970-01-01, or kNoDay
  Column<int32_t> producing_day;          // 投产, days since 1970-01-01, or kNoDay (core/lifecycle.h)
  Column<uint8_t> stage;                  // 0..11, life-cycle stage (FACTS.md)
  Column<int32_t> district_adcode;
  Column<int16_t> district_index;         // index into Model::districts, -1 unknown
  Column<int16_t> park_index;             // index into Model::parks, -1 none
  Column<uint8_t> in_park;                // park set and the point lies in its catchment
  Column<double> lon, lat;                // WGS 84
  Column<double> x, y;                    // display CRS
  StringColumn foreign;                   // source region, empty if domestic
  Column<float> fdi_musd;
  Column<uint8_t> chain_leader;
  Column<int32_t> leader_index;           // row of the chain leader followed, -1 none
  Column<ChainRole> chain_role;           // 上游/中游/下游; may be empty (older callers): read with chainRoleAt
  Column<Channel> channel;
  Column<uint8_t> synthetic;
  Column<uint8_t> approx;                 // location: 0 from the row, 1 at its park, 2 inside its district

  // The source's own columns that no field took, kept for export (extra[column][row]).
  std::vector<std::string> extra_names;
  std::vector<StringColumn> extra;

  std::vector<std::string> chain_names;   // chain id strings, e.g. "visual_intelligence"
  // Every distinct non-ASCII character of name_zh and foreign (core/glyph_set.h), set by the loader
  // and kept in the cache: the font atlas reads this, not the names. Unset: read the names.
  std::optional<std::string> name_glyphs;

  static constexpr int32_t kNoDay = INT32_MIN;
  size_t size() const { return id.size(); }
  ChainRole chainRoleAt(size_t i) const { return i < chain_role.size() ? chain_role[i] : ChainRole::Unknown; }
  bool investmentKnown(size_t i) const { return i >= investment_unknown.size() || !investment_unknown[i]; }
  bool dated(size_t i) const { return signed_day[i] != kNoDay; }
};

struct Model {
  std::vector<District> districts;
  std::vector<WaterBody> water;
  std::vector<River> rivers;
  std::vector<LineString> city_outline;  // the districts' union's boundary (display CRS; made at load)
  std::vector<Park> parks;
  Projects projects;
  bool projects_synthetic = false;
  std::string display_crs;  // e.g. "EPSG:4549"
  std::string data_dir;     // where the map layers were read from
  std::string projects_file;
  std::string projects_layer;  // sheet or layer of projects_file ("" for a plain CSV)
};

// The map layers of a model — districts, water, rivers, the city's outline, parks, the CRS and the
// folder they came from — without its projects.
inline Model baseMapOf(const Model& m) {
  Model b;
  b.districts = m.districts;
  b.water = m.water;
  b.rivers = m.rivers;
  b.city_outline = m.city_outline;
  b.parks = m.parks;
  b.display_crs = m.display_crs;
  b.data_dir = m.data_dir;
  return b;
}

// Month index used by the time filter: year * 12 + (month - 1).
inline int monthIndex(int year, int month) { return year * 12 + (month - 1); }

}  // namespace cm
