// Coordinates as offices write them in text: one cell holding both numbers ("120.1552,30.2741",
// "30.2741，120.1552", "POINT(120.1552 30.2741)", "E120.1552 N30.2741", "lat 30.27 lng 120.15"),
// and angles in degree-minute-second notation (120°09′18.7″, 120度9分18.7秒, 30°16.45′N). The
// field-mapping guess asks scoreCoordPairColumn whether a column holds such pairs.
// GL-free, no I/O, no global state; every function is total (bad text → nullopt, never a throw).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cm {

// The axis a label says: E/W, N/S, 东经/西经, 北纬/南纬, 经度/纬度, lng/lon/longitude, lat/latitude, x/y.
enum class Axis : uint8_t { Unknown, Lon, Lat };

// One angle.
struct Angle {
  double degrees = 0;         // signed: S and W (南纬, 西经) are negative
  Axis axis = Axis::Unknown;  // from a label written with it
  bool sexagesimal = false;   // written with minutes (and seconds)
};

// Decimal degrees ("120.1552", "-30.5", "120.15°", "E120.1552", "lat 30.27") or degrees, minutes
// and seconds: 120°09′18.7″, 120°9'18.7", 120度9分18.7秒, 东经120°09′18.7″, 30°16.45′N,
// 120°09.312′, and "120 09 18.7" (three numbers with spaces: whole degrees, whole minutes < 60,
// seconds < 60). nullopt for minutes or seconds ≥ 60, fractional degrees or minutes with a finer
// part after them, a latitude beyond ±90 or a longitude beyond ±180, two angles, other words.
std::optional<Angle> parseAngle(std::string_view text);
// The same, the number only: a longitude or latitude column written in DMS.
std::optional<double> parseDegrees(std::string_view text);

// Both numbers of a point in one cell, in the order written, with any labels.
struct CoordPair {
  Angle first, second;
  bool wkt = false;  // WKT POINT(x y): x first by that convention, though no label says so
  // (lon, lat) when the labels fix the order (one label is enough); nullopt when they do not or
  // contradict each other.
  std::optional<std::pair<double, double>> lonLat() const;
};
// Any order and separator: "120.1552,30.2741", "30.2741,120.1552", "120.1552，30.2741",
// "120.1552 30.2741", "120.1552/30.2741", "120.1552;30.2741", "(120.1552, 30.2741)",
// "[120.1552,30.2741]", "POINT(120.1552 30.2741)", "SRID=4326;POINT(…)", "E120.1552 N30.2741",
// "北纬30.2741 东经120.1552", "lat 30.27 lng 120.15", "{"lng":120.15,"lat":30.27}", each number
// in any form parseAngle reads ("120°09′18.7″E, 30°16′27″N", "120 09 18.7 30 16 27").
// nullopt unless exactly two angles are there.
std::optional<CoordPair> parseCoordPair(std::string_view text);

// A longitude and a latitude inside China's extent (73..136 °E, 3..54 °N; WGS 84, GCJ-02 and BD-09
// alike). The ranges do not overlap, so a plausible pair has one order only.
bool plausibleChinaLonLat(double lon, double lat);
bool plausibleChinaPair(double a, double b);  // in either order

// How well a column's values read as combined coordinate pairs (a column headed 经纬度, 坐标,
// 位置, lnglat, coordinates, 高德坐标 …; the headers are field_mapping's business).
struct CoordPairColumnScore {
  int values = 0;     // non-empty cells looked at
  int pairs = 0;      // cells that parse as a pair
  int plausible = 0;  // pairs whose numbers are a longitude and latitude of China, in either order
  int lon_first = 0;  // plausible pairs with the longitude first (by the labels, else by the ranges)
  int lat_first = 0;  // … with the latitude first
  double share() const { return values ? static_cast<double>(plausible) / values : 0.0; }
};
// The first `max_cells` non-empty cells are looked at.
CoordPairColumnScore scoreCoordPairColumn(const std::vector<std::string>& cells, size_t max_cells = 2000);
// rows[r][column], as RawTable holds them (a short row counts as an empty cell).
CoordPairColumnScore scoreCoordPairColumn(const std::vector<std::vector<std::string>>& rows, int column, size_t max_cells = 2000);

}  // namespace cm
