#include "data/gdal/fetch.h"

#include <cpl_conv.h>
#include <cpl_vsi.h>
#include <curl/curl.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "platform/data_paths.h"
#include "data/gdal/gdal_util.h"
#include "data/gdal/vector_layers.h"
#include "geo/gcj02.h"
#include "geo/geodesic.h"
#include "geo/geos_ops.h"
#include "geo/projection.h"

namespace fs = std::filesystem;

namespace cm {

const std::vector<ExpectedDistrict>& expectedHangzhouDistricts() {
  static const std::vector<ExpectedDistrict> kTable{
      {330102, "上城区", "Shangcheng District", "district", 120.5},
      {330105, "拱墅区", "Gongshu District", "district", 98.8},
      {330106, "西湖区", "Xihu District", "district", 311.4},
      {330108, "滨江区", "Binjiang District", "district", 71.2},
      {330109, "萧山区", "Xiaoshan District", "district", 999.1},
      {330110, "余杭区", "Yuhang District", "district", 948.4},
      {330111, "富阳区", "Fuyang District", "district", 1827.3},
      {330112, "临安区", "Lin'an District", "district", 3110.5},
      {330113, "临平区", "Linping District", "district", 282.8},
      {330114, "钱塘区", "Qiantang District", "district", 522.5},
      {330122, "桐庐县", "Tonglu County", "county", 1837.6},
      {330127, "淳安县", "Chun'an County", "county", 4420.9},
      {330182, "建德市", "Jiande City", "county-level city", 2325.8}};
  return kTable;
}

namespace {

constexpr const char* kSetExts[] = {".shp", ".shx", ".dbf", ".prj", ".cpg"};
constexpr const char* kStaleExts[] = {".qix", ".sbn", ".sbx"};  // indexes of an older .shp
constexpr const char* kNoteMarker = "<!-- written by chainmap-data fetch -->";

// Adcodes of the pre-2021 division, named in the message when a stale copy is fetched.
const std::map<int, const char*> kAbolished{{330103, "下城区"}, {330104, "江干区"}};

std::string utcDate() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string fmt1(double v, const char* f = "%.1f") {
  double r = std::round(v * 10) / 10;
  if (r == 0) r = 0;  // no "-0.0"
  char buf[32];
  std::snprintf(buf, sizeof buf, f, r);
  return buf;
}

// ---- download ---------------------------------------------------------------------------------

struct Body {
  std::string text;
  size_t max_bytes;
};

size_t onBody(char* data, size_t size, size_t n, void* user) {
  auto* body = static_cast<Body*>(user);
  if (body->text.size() + size * n > body->max_bytes) return 0;  // aborts the transfer
  body->text.append(data, size * n);
  return size * n;
}

std::string tooLarge(size_t max_bytes) {
  return "larger than " + (max_bytes >= (1u << 20) ? std::to_string(max_bytes >> 20) + " MB" : std::to_string(max_bytes) + " bytes") +
         ", not the expected file";
}

Result<std::string> readLocalFile(const std::string& path, size_t max_bytes) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return Result<std::string>::fail(fileError(path, notAFileReason(path)));
  // The limit before a byte is read: a wrong file the size of a disk is never taken into memory.
  if (const auto n = fs::file_size(path, ec); !ec && n > max_bytes) return Result<std::string>::fail(fileError(path, tooLarge(max_bytes)));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in && !in.eof()) return Result<std::string>::fail(fileError(path, "cannot be read"));
  return ss.str();
}

// ---- parse + convert --------------------------------------------------------------------------

double round6(double v) { return std::round(v * 1e6) / 1e6; }

// Every vertex of a fetched unit lies in this box (lon, lat; Hangzhou spans 118.34–120.72 E,
// 29.19–30.57 N, with room for GCJ-02's offset and a redrawn coastline).
constexpr double kHangzhouBox[4] = {118.0, 28.9, 121.2, 30.9};
std::string boxText() { return "118.0–121.2 E, 28.9–30.9 N"; }

// A JSON value for a message, cut to 40 characters.
std::string quotedJson(const nlohmann::json& v) {
  std::string s = v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return s.size() > 40 ? s.substr(0, 40) + "…" : s;
}

Ring convertRing(const OGRLinearRing* r) {
  Ring out(r->getNumPoints());
  for (int i = 0; i < r->getNumPoints(); ++i) {
    const Vec2 w = gcj02ToWgs84({r->getX(i), r->getY(i)});
    out[i] = {round6(w.x), round6(w.y)};
  }
  return out;
}

bool parseAdcode(const std::string& s, int& out) {
  const char* b = s.data();
  const char* e = b + s.size();
  auto [p, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && p == e && out > 0;
}

// ---- write ------------------------------------------------------------------------------------

std::unique_ptr<OGRGeometry> toOgr(const MultiPolygon& mp) {
  auto poly = [](const Polygon& p) {
    auto g = std::make_unique<OGRPolygon>();
    for (const Ring& r : p.rings) {
      OGRLinearRing ring;
      ring.setNumPoints(static_cast<int>(r.size()), FALSE);
      for (size_t i = 0; i < r.size(); ++i) ring.setPoint(static_cast<int>(i), r[i].x, r[i].y);
      g->addRing(&ring);
    }
    return g;
  };
  if (mp.size() == 1) return poly(mp[0]);  // one part: Polygon, as in the shared set
  auto m = std::make_unique<OGRMultiPolygon>();
  for (const Polygon& p : mp) m->addGeometryDirectly(poly(p).release());
  return m;
}

// Moves the new set from `from` into `to`, keeping what it replaces in `backup` until every
// rename succeeded; on a failure everything is put back as it was.
std::string commitFiles(const std::vector<std::pair<std::string, std::string>>& files, const fs::path& from,
                        const fs::path& to, const fs::path& backup) {
  std::vector<std::string> backed_up, moved;
  std::error_code ec;
  auto rollback = [&] {
    std::error_code e2;
    for (const std::string& f : moved) fs::remove(to / f, e2);
    for (const std::string& f : backed_up) fs::rename(backup / f, to / f, e2);
  };
  fs::create_directories(backup, ec);
  for (const auto& [src, dst] : files) {
    if (fs::exists(to / dst)) {
      fs::rename(to / dst, backup / dst, ec);
      if (ec) {
        rollback();
        return fileError((to / dst).string(), "cannot be replaced (" + ec.message() + ")");
      }
      backed_up.push_back(dst);
    }
  }
  for (const auto& [src, dst] : files) {
    fs::rename(from / src, to / dst, ec);
    if (ec) {
      rollback();
      return fileError((to / dst).string(), "cannot be written (" + ec.message() + ")");
    }
    moved.push_back(dst);
  }
  return "";
}

}  // namespace

// ---- public steps -----------------------------------------------------------------------------

bool isUrl(const std::string& s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

Result<std::string> downloadUrl(const std::string& url, long connect_timeout_s, long timeout_s, size_t max_bytes) {
  using R = Result<std::string>;
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return R::fail(fileError(url, "cannot start libcurl"));
  Body body{{}, max_bytes};
  char err[CURL_ERROR_SIZE] = {0};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, connect_timeout_s);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_s);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate when offered
  curl_easy_setopt(c, CURLOPT_USERAGENT, "chainmap-data/0.1 (libcurl)");
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) {
    std::string why = err[0] ? err : curl_easy_strerror(rc);
    if (rc == CURLE_WRITE_ERROR) why = tooLarge(max_bytes);
    return R::fail(fileError(url, "cannot download (" + why + ")"));
  }
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) return R::fail(fileError(url, "the server answered HTTP " + std::to_string(status) + " (expected 200)"));
  if (body.text.empty()) return R::fail(fileError(url, "the server sent an empty file"));
  return std::move(body.text);
}

std::string dataVSchemaProblem(const std::string& text, const std::string& origin) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) return fileError(origin, "not a GeoJSON FeatureCollection (not valid JSON)");
  if (!j.is_object() || j.value("type", nlohmann::json()) != "FeatureCollection")
    return fileError(origin, "not a GeoJSON FeatureCollection (the top level must be {\"type\": \"FeatureCollection\", \"features\": [...]})");
  const auto features = j.find("features");
  if (features == j.end() || !features->is_array()) return fileError(origin, "not a GeoJSON FeatureCollection ('features' must be an array)");
  if (features->empty()) return fileError(origin, "contains no features");
  long n = 0;
  for (const nlohmann::json& f : *features) {
    const std::string where = fileError(origin, "feature " + std::to_string(++n));
    if (!f.is_object() || f.value("type", nlohmann::json()) != "Feature") return where + ": not a GeoJSON Feature";
    const auto props = f.find("properties");
    if (props == f.end() || !props->is_object()) return where + ": has no 'properties' object";
    const auto adcode = props->find("adcode");
    if (adcode == props->end() || !adcode->is_number_integer())
      return where + ": 'adcode' must be a whole number (DataV GeoAtlas's format), got " +
             (adcode == props->end() ? std::string("none") : quotedJson(*adcode));
    const auto name = props->find("name");
    if (name == props->end() || !name->is_string()) return where + ": 'name' must be text";
    const auto geom = f.find("geometry");
    if (geom == f.end() || !geom->is_object() || !geom->contains("coordinates") || !(*geom)["coordinates"].is_array())
      return where + " (adcode " + adcode->dump() + "): has no geometry";
    const nlohmann::json type = geom->value("type", nlohmann::json());
    if (type != "Polygon" && type != "MultiPolygon")
      return where + " (adcode " + adcode->dump() + "): expected Polygon or MultiPolygon, found " + quotedJson(type);
  }
  return "";
}

Result<std::vector<FetchedDistrict>> parseDataVDistricts(const std::string& text, const std::string& origin) {
  using R = Result<std::vector<FetchedDistrict>>;
  // The shape first, by our own rules: GDAL's GeoJSON reader also takes a lone Feature, a
  // geometry, string adcodes and features without properties.
  if (std::string p = dataVSchemaProblem(text, origin); !p.empty()) return R::fail(p);
  ensureGdalRegistered();
  static std::atomic<int> counter{0};
  const std::string mem = "/vsimem/chainmap_fetch_" + std::to_string(::getpid()) + "_" +
                          std::to_string(counter++) + ".geojson";
  VSILFILE* f = VSIFileFromMemBuffer(mem.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(text.data())),
                                     static_cast<vsi_l_offset>(text.size()), FALSE);
  if (!f) return R::fail(fileError(origin, "cannot be buffered for GDAL"));
  VSIFCloseL(f);
  struct Unlink {
    std::string p;
    ~Unlink() { VSIUnlink(p.c_str()); }
  } unlink{mem};

  GdalErrorCapture capture;
  const char* drivers[] = {"GeoJSON", nullptr};
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
      GDALOpenEx(mem.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr)));
  if (!ds || ds->GetLayerCount() < 1)
    return R::fail(fileError(origin, "not a GeoJSON FeatureCollection" +
                                         (capture.last().empty() ? std::string() : " (GDAL: " + capture.last() + ")")));
  OGRLayer* layer = ds->GetLayer(0);
  const int i_adcode = layer->GetLayerDefn()->GetFieldIndex("adcode");
  const int i_name = layer->GetLayerDefn()->GetFieldIndex("name");
  if (i_adcode < 0) return R::fail(fileError(origin, "the features have no 'adcode' property (expected DataV GeoAtlas's format)"));

  std::vector<FetchedDistrict> out;
  long n = 0;
  for (auto& feat : *layer) {
    ++n;
    const std::string where = fileError(origin, "feature " + std::to_string(n));
    FetchedDistrict d;
    const std::string ad = feat->IsFieldSetAndNotNull(i_adcode) ? feat->GetFieldAsString(i_adcode) : "";
    if (!parseAdcode(ad, d.adcode)) return R::fail(where + ": 'adcode' is not a number ('" + ad + "')");
    if (i_name >= 0 && feat->IsFieldSetAndNotNull(i_name)) d.source_name = feat->GetFieldAsString(i_name);
    const OGRGeometry* g = feat->GetGeometryRef();
    if (!g || g->IsEmpty()) return R::fail(where + " (adcode " + ad + "): has no geometry");
    std::vector<const OGRPolygon*> parts;
    const auto type = wkbFlatten(g->getGeometryType());
    if (type == wkbPolygon) parts.push_back(g->toPolygon());
    else if (type == wkbMultiPolygon)
      for (const OGRPolygon* p : *g->toMultiPolygon()) parts.push_back(p);
    else
      return R::fail(where + " (adcode " + ad + "): expected Polygon or MultiPolygon, found " + OGRGeometryTypeToName(type));
    MultiPolygon source;  // as given (GCJ-02), for the validity check
    for (const OGRPolygon* p : parts) {
      Polygon poly, src;
      if (!p->getExteriorRing()) continue;
      for (int r = 0; r <= p->getNumInteriorRings(); ++r) {
        const OGRLinearRing* ring = r == 0 ? p->getExteriorRing() : p->getInteriorRing(r - 1);
        Ring given(ring->getNumPoints());
        for (int i = 0; i < ring->getNumPoints(); ++i) {
          const double x = ring->getX(i), y = ring->getY(i);
          if (!std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > 180 || std::fabs(y) > 90)
            return R::fail(where + " (adcode " + ad + "): has a coordinate that is not a longitude/latitude");
          if (x < kHangzhouBox[0] || y < kHangzhouBox[1] || x > kHangzhouBox[2] || y > kHangzhouBox[3])
            return R::fail(where + " (adcode " + ad + "): has a vertex at " + fmt1(x, "%.4f") + ", " + fmt1(y, "%.4f") +
                           ", outside Hangzhou (" + boxText() + ")");
          given[i] = {x, y};
        }
        Ring conv = convertRing(ring);
        if (conv.size() < 4) continue;
        d.vertices += conv.size();
        poly.rings.push_back(std::move(conv));
        src.rings.push_back(std::move(given));
      }
      if (!poly.rings.empty()) d.ll.push_back(std::move(poly)), source.push_back(std::move(src));
    }
    if (d.ll.empty()) return R::fail(where + " (adcode " + ad + "): has only degenerate rings");
    if (std::string v = validityProblem(source); !v.empty())
      return R::fail(where + " (adcode " + ad + "): the geometry is not valid (" + v + ")");
    d.area_km2 = geodesicAreaKm2(d.ll);
    out.push_back(std::move(d));
  }
  if (out.empty()) return R::fail(fileError(origin, "contains no features"));
  return out;
}

std::string checkDistricts(std::vector<FetchedDistrict>& d, const std::string& origin) {
  const auto& expected = expectedHangzhouDistricts();
  std::map<int, const ExpectedDistrict*> want;
  for (const ExpectedDistrict& e : expected) want[e.adcode] = &e;
  std::vector<std::string> problems;
  std::set<int> seen;
  for (const FetchedDistrict& x : d) {
    if (!seen.insert(x.adcode).second) problems.push_back("adcode " + std::to_string(x.adcode) + " appears twice");
    if (want.count(x.adcode)) continue;
    std::string p = "unexpected adcode " + std::to_string(x.adcode);
    if (!x.source_name.empty()) p += " (" + x.source_name + ")";
    if (kAbolished.count(x.adcode))
      p += ": " + std::string(kAbolished.at(x.adcode)) + " was abolished in 2021, so this is the pre-2021 division";
    problems.push_back(p);
  }
  for (const ExpectedDistrict& e : expected)
    if (!seen.count(e.adcode))
      problems.push_back("missing adcode " + std::to_string(e.adcode) + " (" + e.name_zh + " " + e.name_en + ")");
  if (d.size() != expected.size())
    problems.insert(problems.begin(), "expected " + std::to_string(expected.size()) + " county-level units, found " +
                                          std::to_string(d.size()));
  if (!problems.empty()) {
    std::string m = fileError(origin, "is not the current Hangzhou division (adcode 330100, 13 units since 2021):");
    for (const std::string& p : problems) m += "\n  - " + p;
    return m;
  }
  for (const FetchedDistrict& x : d)
    if (!x.source_name.empty() && x.source_name != want.at(x.adcode)->name_zh)
      problems.push_back("adcode " + std::to_string(x.adcode) + " is called " + x.source_name + ", expected " + want.at(x.adcode)->name_zh);
  if (!problems.empty()) {
    std::string m = fileError(origin, "the unit names do not match the current division:");
    for (const std::string& p : problems) m += "\n  - " + p;
    return m;
  }
  double total = 0, expected_total = 0;
  for (FetchedDistrict& x : d) {
    const ExpectedDistrict& e = *want.at(x.adcode);
    total += x.area_km2;
    expected_total += e.area_km2;
    const double rel = x.area_km2 / e.area_km2 - 1.0;
    if (std::fabs(rel) > kAreaTolerance)
      problems.push_back(std::to_string(x.adcode) + " " + e.name_en + ": geodesic area " + fmt1(x.area_km2) +
                         " km² differs from the expected " + fmt1(e.area_km2) + " km² by " + fmt1(rel * 100, "%+.1f") +
                         " % (allowed ±" + fmt1(kAreaTolerance * 100) + " %)");
    x.name_zh = e.name_zh;
    x.name_en = e.name_en;
    x.kind = e.kind;
  }
  if (!problems.empty()) {
    std::string m = fileError(origin, "the district areas do not match the reference set (wrong CRS or a different boundary set?): "
                                      "together " + fmt1(total) + " km², expected " + fmt1(expected_total) + " km²:");
    for (const std::string& p : problems) m += "\n  - " + p;
    return m;
  }
  std::sort(d.begin(), d.end(), [](const FetchedDistrict& a, const FetchedDistrict& b) { return a.adcode < b.adcode; });
  return "";
}

std::string writeDistrictsShapefile(const std::vector<FetchedDistrict>& d, const std::string& dir) {
  ensureGdalRegistered();
  const std::string path = dir + "/districts.shp";
  GdalErrorCapture capture;
  auto gdalWhy = [&](const std::string& what) {
    return fileError(path, what + (capture.last().empty() ? "" : " (GDAL: " + capture.last() + ")"));
  };
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  if (!drv) return fileError(path, "GDAL has no ESRI Shapefile driver");
  std::unique_ptr<GDALDataset> ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) return gdalWhy("cannot be created");
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const char* lco[] = {"ENCODING=UTF-8", nullptr};
  OGRLayer* layer = ds->CreateLayer("districts", &wgs84, wkbPolygon, const_cast<char**>(lco));
  if (!layer) return gdalWhy("cannot create the layer");
  auto addField = [&](const char* name, OGRFieldType t, int width) {
    OGRFieldDefn f(name, t);
    f.SetWidth(width);
    return layer->CreateField(&f) == OGRERR_NONE;
  };
  if (!addField("adcode", OFTInteger, 9) || !addField("name_zh", OFTString, 80) ||
      !addField("name_en", OFTString, 80) || !addField("kind", OFTString, 80))
    return gdalWhy("cannot create the fields");
  for (const FetchedDistrict& x : d) {
    OGRFeature feat(layer->GetLayerDefn());
    feat.SetField("adcode", x.adcode);
    feat.SetField("name_zh", x.name_zh.c_str());
    feat.SetField("name_en", x.name_en.c_str());
    feat.SetField("kind", x.kind.c_str());
    feat.SetGeometryDirectly(toOgr(x.ll).release());
    if (layer->CreateFeature(&feat) != OGRERR_NONE)
      return gdalWhy("cannot write the feature for adcode " + std::to_string(x.adcode));
  }
  ds.reset();  // closes the dataset: flushes .shp/.shx/.dbf and writes .prj/.cpg
  if (!capture.last().empty()) return gdalWhy("cannot be completed");
  return "";
}

std::string fetchSourcesNote(const std::vector<FetchedDistrict>& d, const std::string& source, const std::string& date) {
  std::ostringstream s;
  size_t vertices = 0;
  for (const FetchedDistrict& x : d) vertices += x.vertices;
  s << kNoteMarker << "\n"
    << "# Hangzhou district boundaries (districts.*)\n\n"
    << "- Source: " << source << "\n"
    << (source == kDataVHangzhouUrl ? std::string()
                                    : "  (given with --from: a copy of " + std::string(kDataVHangzhouUrl) + ")\n")
    << "  Alibaba Cloud DataV.GeoAtlas, areas_v3, adcode 330100 `_full`: GeoJSON in GCJ-02.\n"
    << "- Fetched: " << date << " (UTC) by `chainmap-data fetch`\n"
    << "- Conversion: every vertex GCJ-02 -> WGS 84 by iterative inversion of the widely published\n"
    << "  GCJ-02 forward formula (Krasovsky a = 6378245 m, e^2 = 0.00669342162296594323; fixed-point\n"
    << "  iteration until the residual is below 1e-9 degrees), rounded to 1e-6 degrees. The public\n"
    << "  formula is commonly reported to match the official one to about 1 m.\n"
    << "- Fields: adcode (int), name_zh, name_en (pinyin), kind (district | county | county-level city);\n"
    << "  source properties dropped; features sorted by adcode. " << d.size() << " units, " << vertices
    << " vertices.\n"
    << "- Written with GDAL's OGR API: ESRI Shapefile, ENCODING=UTF-8, CRS WGS 84 (EPSG:4326).\n"
    << "- Checked: the 13 adcodes of the current (post-2021) division, and each geodesic area within\n"
    << "  " << fmt1(kAreaTolerance * 100) << " % of the reference set (../shared/data/hangzhou/SOURCES.md):\n\n"
    << "| adcode | name | geodesic km² | reference km² | diff |\n|---|---|---|---|---|\n";
  std::map<int, double> ref;
  for (const ExpectedDistrict& e : expectedHangzhouDistricts()) ref[e.adcode] = e.area_km2;
  for (const FetchedDistrict& x : d)
    s << "| " << x.adcode << " | " << x.name_zh << " " << x.name_en << " | " << fmt1(x.area_km2) << " | "
      << fmt1(ref[x.adcode]) << " | " << fmt1((x.area_km2 / ref[x.adcode] - 1) * 100, "%+.1f") << " % |\n";
  s << "\n## Licence\n"
    << "**No open-data licence.** The geometry comes from Alibaba Cloud DataV.GeoAtlas, built on\n"
    << "AutoNavi/Amap data; Alibaba Cloud DataV and Amap terms of use apply. It was downloaded for your\n"
    << "own use on this machine: do not redistribute these files (chainmap's repository never holds\n"
    << "them for this reason).\n";
  return s.str();
}

std::string whereToPutFilesMessage(const std::string& out_dir) {
  const char* env = std::getenv("CHAINMAP_DATA");
  std::string m =
      "chainmap-data fetch needs internet access to download the district boundaries once.\n"
      "Without it, copy districts.shp, .shx, .dbf, .prj and .cpg (WGS 84; e.g. made by `chainmap-data fetch`\n"
      "on another machine) into one of these folders. chainmap uses the first one that holds districts.shp:\n"
      "  1. the folder given with --data DIR\n"
      "  2. $CHAINMAP_DATA" +
      std::string(env && *env ? " (now " + std::string(env) + ")" : " (not set)") +
      "\n"
      "  3. " + userDataDir() + "   (your data folder; `chainmap-data fetch` writes here)\n"
      "  4. " + (fs::path(CHAINMAP_SOURCE_DIR) / "../shared/data/hangzhou").lexically_normal().string() +
      "   (beside the checkout)\n";
  if (!out_dir.empty() && fs::path(out_dir).lexically_normal() != fs::path(userDataDir()).lexically_normal())
    m += "(this fetch was writing to " + out_dir + ")\n";
  m += "Or download " + std::string(kDataVHangzhouUrl) +
       " on a machine that has internet access and run:\n  chainmap-data fetch --from 330100_full.json";
  return m;
}

// ---- the pipeline -----------------------------------------------------------------------------

FetchOutcome fetchDistricts(const FetchOptions& opt) {
  FetchOutcome o;
  o.out_dir = opt.out_dir.empty() ? userDataDir() : opt.out_dir;
  const fs::path out(o.out_dir);
  auto fail = [&](FetchStatus s, std::string msg) {
    o.status = s;
    o.message = std::move(msg);
    return o;
  };
  std::error_code ec;
  if (fs::exists(out / "districts.shp", ec) && !opt.force)
    return fail(FetchStatus::Exists, fileError((out / "districts.shp").string(),
                                               "already exists; nothing was changed (use --force to replace it)"));

  // 1. Read or download the source.
  std::string source = opt.source.empty() ? kDataVHangzhouUrl : opt.source;
  Result<std::string> text = Result<std::string>::fail("");
  if (isUrl(source)) {
    text = downloadUrl(source, opt.connect_timeout_s, opt.timeout_s, opt.max_bytes);
    if (!text) return fail(FetchStatus::NoSource, text.error() + "\n" + whereToPutFilesMessage(o.out_dir));
  } else {
    if (source.rfind("file://", 0) == 0) source = source.substr(7);
    text = readLocalFile(source, opt.max_bytes);
    if (!text) return fail(FetchStatus::NoSource, text.error());
  }

  // 2.-3. Parse, convert GCJ-02 -> WGS 84, check: all in memory, nothing on disk yet.
  auto parsed = parseDataVDistricts(*text, source);
  if (!parsed) return fail(FetchStatus::Failed, parsed.error() + "\nNothing was written.");
  o.districts = parsed.take();
  if (std::string p = checkDistricts(o.districts, source); !p.empty())
    return fail(FetchStatus::Failed, p + "\nNothing was written.");
  for (const FetchedDistrict& x : o.districts) {
    if (std::string v = validityProblem(x.ll); !v.empty())
      o.warnings.push_back(std::to_string(x.adcode) + " " + x.name_en + ": geometry is not valid after conversion (" + v + ")");
  }

  // 4. Write into a temporary folder inside the output folder (same file system: renames are cheap).
  const bool out_existed = fs::exists(out, ec);
  fs::create_directories(out, ec);
  if (ec) return fail(FetchStatus::Failed, fileError(o.out_dir, "cannot create the folder (" + ec.message() + ")"));
  std::string tmpl = (out / ".chainmap-fetch-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) {
    const std::string why = std::strerror(errno);
    if (!out_existed) fs::remove(out, ec);
    return fail(FetchStatus::Failed, fileError(o.out_dir, "cannot create a temporary folder there (" + why + ")"));
  }
  const fs::path tmp(tmpl), fresh = tmp / "new";
  struct Cleanup {
    fs::path tmp, out;
    bool remove_out;
    ~Cleanup() {
      std::error_code e;
      fs::remove_all(tmp, e);
      if (remove_out && fs::is_empty(out, e)) fs::remove(out, e);
    }
  } cleanup{tmp, out, !out_existed};
  fs::create_directories(fresh, ec);
  if (std::string p = writeDistrictsShapefile(o.districts, fresh.string()); !p.empty())
    return fail(FetchStatus::Failed, p + "\nNothing was changed in " + o.out_dir + ".");
  {
    std::ofstream note(fresh / "SOURCES.md");
    note << fetchSourcesNote(o.districts, source, utcDate());
    if (!note) return fail(FetchStatus::Failed, fileError((fresh / "SOURCES.md").string(), "cannot be written"));
  }

  // 5. Read the written set back with the viewer's own loader before it replaces anything.
  auto back = loadDistricts((fresh / "districts.shp").string(), kWgs84);
  if (!back) return fail(FetchStatus::Failed, "the written shapefile does not load: " + back.error());
  if (back->size() != o.districts.size())
    return fail(FetchStatus::Failed, fileError((fresh / "districts.shp").string(), "read back " +
                                                   std::to_string(back->size()) + " units instead of " +
                                                   std::to_string(o.districts.size())));

  // 6. Move into place. The SOURCES note goes to SOURCES.md unless that file is someone else's.
  std::string note_name = "SOURCES.md";
  if (fs::exists(out / note_name)) {
    std::ifstream in(out / note_name);
    std::string first;
    std::getline(in, first);
    if (first != kNoteMarker) note_name = "SOURCES.districts.md";
  }
  std::vector<std::pair<std::string, std::string>> files;
  for (const char* ext : kSetExts) files.emplace_back(std::string("districts") + ext, std::string("districts") + ext);
  files.emplace_back("SOURCES.md", note_name);
  if (std::string p = commitFiles(files, fresh, out, tmp / "previous"); !p.empty())
    return fail(FetchStatus::Failed, p + "\nThe previous files were kept.");
  for (const char* ext : kStaleExts) fs::remove(out / (std::string("districts") + ext), ec);
  o.sources_note = (out / note_name).string();
  o.status = FetchStatus::Ok;
  size_t vertices = 0;
  for (const FetchedDistrict& x : o.districts) vertices += x.vertices;
  o.message = "wrote " + std::to_string(o.districts.size()) + " districts (" + std::to_string(vertices) +
              " vertices, GCJ-02 -> WGS 84) to " + (out / "districts.shp").string();
  return o;
}

}  // namespace cm
