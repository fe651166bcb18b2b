#include "data/parks_csv.h"

#include <cmath>
#include <cstdlib>

#include "data/csv_parse.h"
#include "data/csv_reader.h"
#include "data/extent_check.h"
#include "platform/files.h"

namespace cm {

Result<std::vector<Park>> loadParksCsv(const std::string& path, const std::string& display_crs, std::vector<std::string>* warnings) {
  auto to_xy = sharedTransform(kWgs84, display_crs);
  if (!to_xy) return Result<std::vector<Park>>::fail(to_xy.error());
  return loadParksCsv(path, **to_xy, warnings);
}

Result<std::vector<Park>> loadParksCsv(const std::string& path, const Transform& to_xy, std::vector<std::string>* warnings) {
  using R = Result<std::vector<Park>>;
  auto csv = CsvReader::open(path);
  if (!csv) return R::fail(csv.error());
  const char* required[] = {"id", "name_zh", "name_en", "district_adcode", "lon", "lat", "main_ecosystem"};
  for (const char* c : required)
    if (csv->column(c) < 0)
      return R::fail(fileError(path, std::string("missing column '") + c +
                                         "' (expected id, name_zh, name_en, district_adcode, lon, lat, level, "
                                         "focus, main_ecosystem, radius_km)"));
  auto col = [&](const char* c) { return csv->column(c); };
  const int c_id = col("id"), c_zh = col("name_zh"), c_en = col("name_en"), c_ad = col("district_adcode"),
            c_lon = col("lon"), c_lat = col("lat"), c_level = col("level"), c_focus = col("focus"),
            c_eco = col("main_ecosystem"), c_rad = col("radius_km");
  std::vector<Park> out;
  std::vector<std::string> f;
  long row = 0;
  while (csv->next(f, row)) {
    auto bad = [&](int c, const std::string& what) {
      return R::fail(fileError(path, "row " + std::to_string(row) + ", column '" + csv->columns()[c] + "': " + what));
    };
    for (size_t i = 0; i < f.size(); ++i)
      if (!isValidUtf8(f[i])) return bad(static_cast<int>(i), "text is not valid UTF-8");
    Park p;
    p.id = trim(f[c_id]);
    if (p.id.empty()) return bad(c_id, "empty park id");
    p.name_zh = f[c_zh];
    p.name_en = f[c_en];
    auto ad = parseInt(f[c_ad]);
    if (!ad || *ad <= 0) return bad(c_ad, "'" + f[c_ad] + "' is not an adcode");
    p.district_adcode = static_cast<int>(*ad);
    auto lon = parseNumber(f[c_lon]), lat = parseNumber(f[c_lat]);
    if (!lon || *lon < -180 || *lon > 180) return bad(c_lon, "'" + f[c_lon] + "' is not a longitude in degrees");
    if (!lat || *lat < -90 || *lat > 90) return bad(c_lat, "'" + f[c_lat] + "' is not a latitude in degrees");
    p.lon = *lon;
    p.lat = *lat;
    p.xy = {p.lon, p.lat};
    if (!to_xy.apply(p.xy.x, p.xy.y)) return bad(c_lon, "the point cannot be transformed to the display CRS");
    if (c_level >= 0) p.level = f[c_level];
    if (c_focus >= 0) p.focus = f[c_focus];
    auto eco = ecosystemFromId(trim(f[c_eco]));
    if (!eco) return bad(c_eco, "unknown ecosystem '" + f[c_eco] + "' (expected iot, bio, equip, mat, energy or other)");
    p.main_ecosystem = *eco;
    if (c_rad >= 0 && !trim(f[c_rad]).empty()) {
      auto r = parseNumber(f[c_rad]);
      if (!r || *r <= 0 || *r > 100) return bad(c_rad, "'" + f[c_rad] + "' is not a radius in km (0–100)");
      p.radius_km = *r;
    }
    for (const Park& q : out)
      if (q.id == p.id) return bad(c_id, "duplicate park id '" + p.id + "'");
    out.push_back(std::move(p));
  }
  if (out.empty()) return R::fail(fileError(path, "contains no parks"));
  LonLatBox box;
  for (const Park& p : out) box.add(p.lon, p.lat);
  if (const std::string far = farFromHangzhou(box, "lon/lat degrees (WGS 84)"); !far.empty()) {
    const std::string msg = fileError(path, far + "; check its lon and lat columns");
    if (!warnings) return R::fail(msg);
    warnings->push_back(msg + "; the parks are left out");
    out.clear();
  }
  return out;
}

}  // namespace cm
