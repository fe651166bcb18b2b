#include "data/gdal/vector_layers.h"

#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>

#include "data/extent_check.h"
#include "data/gdal/gdal_util.h"
#include "geo/geodesic.h"
#include "geo/geos_ops.h"
#include "geo/projection.h"
#include "geo/stairs.h"

namespace cm {
namespace {

using R = Result<std::vector<VectorFeature>>;

std::string sidecar(const std::string& shp, const char* ext) {
  return shp.substr(0, shp.size() - 4) + ext;
}

bool endsWithShp(const std::string& p) {
  if (p.size() < 4) return false;
  std::string e = p.substr(p.size() - 4);
  std::transform(e.begin(), e.end(), e.begin(), ::tolower);
  return e == ".shp";
}

// --- A shapefile cut short (a failed copy) --------------------------------------------------
// GDAL reads what it can of a truncated .shp and drops the rest quietly, so the headers are checked
// here: the .shp and .shx headers declare their file length (in 16-bit words, big-endian, at byte
// 24), the .shx has one 8-byte record per feature, the .dbf declares its record count (byte 4) and
// sizes. A file shorter than its header says is cut short; the features expected are the .shx/.dbf
// counts.

long fileSize(const std::string& path) {
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  return f ? static_cast<long>(f.tellg()) : -1;
}

bool readHeader(const std::string& path, unsigned char* buf, size_t n) {
  std::ifstream f(path, std::ios::binary);
  return f && f.read(reinterpret_cast<char*>(buf), static_cast<std::streamsize>(n)) && f.gcount() == static_cast<std::streamsize>(n);
}

uint32_t be32(const unsigned char* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }
uint32_t le32(const unsigned char* p) { return uint32_t(p[3]) << 24 | uint32_t(p[2]) << 16 | uint32_t(p[1]) << 8 | p[0]; }
uint16_t le16(const unsigned char* p) { return uint16_t(p[1] << 8 | p[0]); }

struct ShpIntegrity {
  long expected = -1;  // features the .shx/.dbf list (-1: unknown)
  std::string short_file;  // the first file shorter than its header says ("" when all are whole)
  long short_at = 0;       // its real size in bytes
};

ShpIntegrity checkShapefile(const std::string& shp) {
  ShpIntegrity r;
  auto cut = [&](const std::string& f, long declared) {
    const long size = fileSize(f);
    if (r.short_file.empty() && size >= 0 && declared > size) {
      r.short_file = f;
      r.short_at = size;
    }
  };
  unsigned char h[100];
  if (readHeader(shp, h, 100)) cut(shp, 2L * be32(h + 24));
  const std::string shx = sidecar(shp, ".shx");
  if (readHeader(shx, h, 100)) {
    const long declared = 2L * be32(h + 24);
    cut(shx, declared);
    if (declared >= 100) r.expected = (declared - 100) / 8;
  }
  const std::string dbf = sidecar(shp, ".dbf");
  if (readHeader(dbf, h, 32)) {
    const long n = le32(h + 4);
    cut(dbf, static_cast<long>(le16(h + 8)) + n * le16(h + 10));
    if (n >= 0 && n < (1L << 30)) r.expected = std::max(r.expected, n);
  }
  return r;
}

std::string baseName(const std::string& p) {
  const size_t s = p.find_last_of('/');
  return s == std::string::npos ? p : p.substr(s + 1);
}


struct Transforms {
  const Transform* to_ll;
  const Transform* to_xy;
};

// How to name a CRS in a message: "EPSG:3857 (WGS 84 / Pseudo-Mercator)", or its name alone.
std::string describeCrs(const OGRSpatialReference& srs) {
  std::unique_ptr<OGRSpatialReference> c(srs.Clone());
  if (!c->GetAuthorityCode(nullptr)) c->AutoIdentifyEPSG();
  const char* auth = c->GetAuthorityName(nullptr);
  const char* code = c->GetAuthorityCode(nullptr);
  const std::string name = srs.GetName() ? srs.GetName() : "an unnamed CRS";
  return auth && code ? std::string(auth) + ":" + code + " (" + name + ")" : name;
}

Result<Transforms> makeTransforms(const std::string& path, OGRLayer* layer, const std::string& display_crs, std::string& read_as,
                                  std::string& prj) {
  std::string src = kWgs84;
  read_as = "EPSG:4326 (WGS 84)";
  prj.clear();
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2018", nullptr};
    if (srs->exportToWkt(&wkt, opts) == OGRERR_NONE && wkt) src = wkt;
    CPLFree(wkt);
    read_as = describeCrs(*srs);
  } else if (endsWithShp(path)) {  // a shapefile says its CRS only in its .prj: without one, lon/lat is assumed
    prj = fileExists(sidecar(path, ".prj")) || fileExists(sidecar(path, ".PRJ")) ? "its .prj is not a coordinate system" : "no .prj file";
    read_as = "WGS 84 lon/lat (" + prj + ")";
  }
  auto ll = sharedTransform(src, kWgs84);
  if (!ll) return Result<Transforms>::fail(fileError(path, "its CRS cannot be used: " + ll.error()));
  auto xy = sharedTransform(src, display_crs);
  if (!xy) return Result<Transforms>::fail(fileError(path, xy.error()));
  return Transforms{*ll, *xy};
}

// Converts one OGR ring/line into lon/lat and display coordinates; false on a bad coordinate.
bool convertPoints(const OGRSimpleCurve* c, const Transforms& t, LineString& ll, LineString& xy) {
  const int n = c->getNumPoints();
  ll.resize(n);
  xy.resize(n);
  for (int i = 0; i < n; ++i) {
    const double x = c->getX(i), y = c->getY(i);
    if (!std::isfinite(x) || !std::isfinite(y)) return false;
    Vec2 a{x, y}, b{x, y};
    if (!t.to_ll->apply(a.x, a.y) || !t.to_xy->apply(b.x, b.y)) return false;
    if (a.x < -180 || a.x > 180 || a.y < -90 || a.y > 90) return false;
    ll[i] = a;
    xy[i] = b;
  }
  return true;
}

bool convertPolygon(const OGRPolygon* poly, const Transforms& t, Polygon& ll, Polygon& xy) {
  const int n = poly->getExteriorRing() ? 1 + poly->getNumInteriorRings() : 0;
  for (int r = 0; r < n; ++r) {
    const OGRLinearRing* ring = r == 0 ? poly->getExteriorRing() : poly->getInteriorRing(r - 1);
    Ring a, b;
    if (!convertPoints(ring, t, a, b)) return false;
    if (a.size() < 4) continue;  // degenerate ring
    ll.rings.push_back(std::move(a));
    xy.rings.push_back(std::move(b));
  }
  return !ll.rings.empty();
}

}  // namespace

namespace {

// One pass over the first layer, opened with `open_options` (the encoding); `bad_text` is set
// (and nothing returned) when a text field is not valid UTF-8, so the caller can retry as GBK.
R readOnce(const std::string& path, GeomKind kind, const std::string& display_crs, const char* const* open_options,
           std::string& bad_text, long& null_geometries, long& first_null, std::string& read_as, std::string& prj) {
  GdalErrorCapture capture;
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options, nullptr)));
  if (!ds) return R::fail(fileError(path, "not a readable vector file" + (capture.last().empty() ? "" : " (" + capture.last() + ")")));
  if (ds->GetLayerCount() < 1) return R::fail(fileError(path, "contains no layer"));
  OGRLayer* layer = ds->GetLayer(0);
  auto tr = makeTransforms(path, layer, display_crs, read_as, prj);
  if (!tr) return R::fail(tr.error());
  // Coordinates that do not transform: without a .prj, most likely projected metres read as degrees.
  auto badCoordinates = [&](const std::string& where, const OGRGeometry* g) {
    if (prj.empty()) return R::fail(where + ": has coordinates that are not valid in its CRS");
    OGREnvelope e;
    g->getEnvelope(&e);
    char xy[96];
    std::snprintf(xy, sizeof xy, "%.1f, %.1f", e.MinX, e.MinY);
    return R::fail(where + ": has coordinates that are not valid in its CRS: " + prj + ", so it was read as WGS 84 lon/lat, but (" + xy +
                   ") are not degrees; add the .prj that came with it");
  };

  std::vector<VectorFeature> out;
  layer->ResetReading();
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  long fid_no = 0;
  for (auto& feat : *layer) {
    ++fid_no;
    VectorFeature vf;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      std::string v = feat->IsFieldSetAndNotNull(i) ? feat->GetFieldAsString(i) : "";
      if (!isValidUtf8(v)) {
        bad_text = fileError(path, "feature " + std::to_string(fid_no) + ", field '" + defn->GetFieldDefn(i)->GetNameRef() +
                                       "': text is not valid UTF-8 (check the .cpg encoding file)");
        return R::fail(bad_text);
      }
      vf.attrs[defn->GetFieldDefn(i)->GetNameRef()] = std::move(v);
    }
    const OGRGeometry* g = feat->GetGeometryRef();
    if (!g || g->IsEmpty()) {
      if (null_geometries++ == 0) first_null = fid_no;
      continue;
    }
    const auto type = wkbFlatten(g->getGeometryType());
    const std::string where = fileError(path, "feature " + std::to_string(fid_no));
    if (kind == GeomKind::Polygons) {
      std::vector<const OGRPolygon*> parts;
      if (type == wkbPolygon) parts.push_back(g->toPolygon());
      else if (type == wkbMultiPolygon)
        for (const OGRPolygon* p : *g->toMultiPolygon()) parts.push_back(p);
      else
        return R::fail(where + ": expected Polygon or MultiPolygon, found " + OGRGeometryTypeToName(type));
      for (const OGRPolygon* p : parts) {
        Polygon a, b;
        if (!convertPolygon(p, *tr, a, b)) return badCoordinates(where, g);
        vf.ll.push_back(std::move(a));
        vf.xy.push_back(std::move(b));
      }
    } else {
      std::vector<const OGRLineString*> parts;
      if (type == wkbLineString) parts.push_back(g->toLineString());
      else if (type == wkbMultiLineString)
        for (const OGRLineString* l : *g->toMultiLineString()) parts.push_back(l);
      else
        return R::fail(where + ": expected LineString or MultiLineString, found " + OGRGeometryTypeToName(type));
      for (const OGRLineString* l : parts) {
        LineString a, b;
        if (!convertPoints(l, *tr, a, b)) return badCoordinates(where, g);
        vf.lines_ll.push_back(std::move(a));
        vf.lines_xy.push_back(std::move(b));
      }
    }
    out.push_back(std::move(vf));
  }
  return out;
}

}  // namespace

R readVectorFile(const std::string& path, GeomKind kind, const std::string& display_crs, VectorReadNotes* notes) {
  ensureGdalRegistered();
  if (!fileExists(path)) return R::fail(fileError(path, notAFileReason(path)));
  const bool shp = endsWithShp(path);
  if (shp) {
    for (const char* ext : {".shx", ".dbf"})
      if (!fileExists(sidecar(path, ext)))
        return R::fail(fileError(path, std::string("the shapefile's companion file ") + ext +
                                           " is missing (a shapefile needs .shp, .shx and .dbf side by side)"));
  }
  std::string bad_text, read_as, prj;
  long null_geometries = 0, first_null = 0;
  R res = readOnce(path, kind, display_crs, nullptr, bad_text, null_geometries, first_null, read_as, prj);
  std::string encoding_note;
  if (!res && !bad_text.empty() && shp && !shapefileHasCpg(path)) {
    // Most Chinese shapefiles arrive in GBK with no .cpg: read again as CP936 (GBK).
    const char* gbk[] = {"ENCODING=CP936", nullptr};
    std::string bad2;
    null_geometries = 0;
    R again = readOnce(path, kind, display_crs, gbk, bad2, null_geometries, first_null, read_as, prj);
    if (again) {
      res = std::move(again);
      encoding_note = fileError(path, "its text is not UTF-8 and no .cpg file names its encoding; read as GBK (add a .cpg file "
                                      "containing 'GBK' or 'UTF-8' to say so)");
    }
  }
  if (!res && shp && bad_text.empty()) {
    // GDAL refuses a shapefile whose .shx is cut short: say so rather than only "unreadable".
    const ShpIntegrity in = checkShapefile(path);
    if (!in.short_file.empty())
      return R::fail(res.error() + "; " + baseName(in.short_file) + " ends early at byte " + std::to_string(in.short_at) +
                     " (cut short, e.g. by a failed copy)");
  }
  if (!res) return res;
  if (res->empty()) return R::fail(fileError(path, "contains no usable features"));
  if (notes) {
    notes->encoding = encoding_note;
    notes->no_geometry = null_geometries;
    notes->first_no_geometry = first_null;
    notes->read_as = read_as;
    notes->prj = prj;
    LonLatBox box;
    for (const VectorFeature& f : *res) {
      for (const Polygon& p : f.ll)
        for (const Ring& r : p.rings)
          for (const Vec2& v : r) box.add(v.x, v.y);
      for (const LineString& l : f.lines_ll)
        for (const Vec2& v : l) box.add(v.x, v.y);
    }
    notes->far = farFromHangzhou(box, read_as);
  }
  if (shp && notes) {
    const ShpIntegrity in = checkShapefile(path);
    const long read = static_cast<long>(res->size());
    if (!in.short_file.empty()) {
      notes->partial = fileError(baseName(path), std::to_string(read) + " of " +
                                                     (in.expected >= 0 ? std::to_string(in.expected) : std::string("?")) +
                                                     " features read; " +
                                                     (in.short_file == path ? std::string("the file") : baseName(in.short_file)) +
                                                     " ends early at byte " + std::to_string(in.short_at) + " (" + path +
                                                     " was cut short, e.g. by a failed copy)");
    } else if (in.expected > 0 && read + null_geometries < in.expected) {
      notes->partial = fileError(baseName(path), std::to_string(read) + " of " + std::to_string(in.expected) +
                                                     " features read (" + path + ": the .shx/.dbf list more features than GDAL could read)");
    }
  }
  return res;
}

namespace {
// The notes of a read that succeeded, as warnings.
void addNotes(const std::string& path, const VectorReadNotes& n, std::vector<std::string>* warnings) {
  if (!warnings) return;
  if (!n.encoding.empty()) warnings->push_back(n.encoding);
  if (!n.partial.empty()) warnings->push_back(n.partial);
  if (!n.prj.empty())  // it did land in Hangzhou (else `far` said so): lon/lat was the right guess
    warnings->push_back(fileError(path, n.prj + ": read as WGS 84 lon/lat (EPSG:4326), which puts it in Hangzhou (add a .prj to "
                                            "say so)"));
}

// A self-crossing outline (a bow-tie) fills wrongly and answers point-in-polygon wrongly: it is
// repaired with GEOS MakeValid, both in lon/lat and in display coordinates. "" when it was valid;
// else the warning naming `which` feature and GEOS's reason — or, with `ok` false, the error when
// nothing polygonal remains.
std::string repairOutline(const std::string& path, const std::string& which, MultiPolygon& ll, MultiPolygon& xy, bool& ok) {
  ok = true;
  const std::string why = validityProblem(ll);
  if (why.empty()) return "";
  MultiPolygon ll2 = makeValidPolygons(ll), xy2 = makeValidPolygons(xy);
  if (ll2.empty() || xy2.empty()) {
    ok = false;
    return fileError(path, which + ": its outline is not a valid polygon (" + why + ") and cannot be repaired");
  }
  ll = std::move(ll2);
  xy = std::move(xy2);
  return fileError(path, which + ": its outline is not a valid polygon (" + why + "); repaired with GEOS MakeValid into " +
                             std::to_string(ll.size()) + " part(s)");
}

// A layer that landed far from Hangzhou: what it was read as, where it landed, what to fix.
std::string farMessage(const std::string& path, const VectorReadNotes& n) {
  return fileError(path, n.far + (n.prj.empty() ? "; its .prj is probably wrong"
                                                : "; add the .prj that came with it"));
}
}  // namespace

Result<std::vector<District>> loadDistricts(const std::string& path, const std::string& display_crs,
                                            std::vector<std::string>* warnings) {
  using RD = Result<std::vector<District>>;
  VectorReadNotes notes;
  auto feats = readVectorFile(path, GeomKind::Polygons, display_crs, &notes);
  if (!feats) return RD::fail(feats.error());
  // A map with missing districts lies: a districts file cut short is an error.
  if (!notes.partial.empty()) return RD::fail(notes.partial);
  if (notes.no_geometry > 0)
    return RD::fail(fileError(path, std::to_string(notes.no_geometry) + " feature(s) have no geometry (the first: feature " +
                                        std::to_string(notes.first_no_geometry) + "); every district needs its outline"));
  if (!notes.far.empty()) return RD::fail(farMessage(path, notes));  // a map of districts elsewhere lies
  addNotes(path, notes, warnings);
  std::vector<District> out;
  for (VectorFeature& f : *feats) {
    for (const char* field : {"adcode", "name_zh", "name_en"})
      if (!f.attrs.count(field))
        return RD::fail(fileError(path, std::string("missing field '") + field + "' (expected adcode, name_zh, name_en, kind)"));
    District d;
    d.adcode = std::atoi(f.attrs["adcode"].c_str());
    if (d.adcode <= 0) return RD::fail(fileError(path, "a feature has no valid adcode ('" + f.attrs["adcode"] + "')"));
    d.name_zh = f.attrs["name_zh"];
    d.name_en = f.attrs["name_en"];
    d.kind = f.attrs.count("kind") ? f.attrs["kind"] : "";
    d.ll = std::move(f.ll);
    d.xy = std::move(f.xy);
    const std::string which = "district " + d.name_zh + (d.name_en.empty() ? "" : " (" + d.name_en + ")") + ", adcode " +
                              std::to_string(d.adcode) + ", feature " + std::to_string(&f - feats->data() + 1);
    bool ok = true;
    const std::string note = repairOutline(path, which, d.ll, d.xy, ok);
    if (!ok) return RD::fail(note);
    if (!note.empty() && warnings) warnings->push_back(note);
    d.area_km2 = geodesicAreaKm2(d.ll);
    out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end(), [](const District& a, const District& b) { return a.adcode < b.adcode; });
  return out;
}

Result<std::vector<WaterBody>> loadWater(const std::string& path, const std::string& display_crs,
                                         std::vector<std::string>* warnings) {
  using RW = Result<std::vector<WaterBody>>;
  VectorReadNotes notes;
  auto feats = readVectorFile(path, GeomKind::Polygons, display_crs, &notes);
  if (!feats) return RW::fail(feats.error());
  if (!notes.far.empty()) return RW::fail(farMessage(path, notes) + "; the layer is left out");
  addNotes(path, notes, warnings);
  std::vector<WaterBody> out;
  for (VectorFeature& f : *feats) {
    WaterBody w;
    w.name_zh = f.attrs["name_zh"];
    w.name_en = f.attrs["name_en"];
    w.kind = f.attrs["kind"];
    w.ll = std::move(f.ll);
    w.xy = std::move(f.xy);
    const std::string name = w.name_zh.empty() ? w.name_en : w.name_zh;
    bool ok = true;
    const std::string note =
        repairOutline(path, "feature " + std::to_string(&f - feats->data() + 1) + (name.empty() ? "" : " (" + name + ")"), w.ll, w.xy, ok);
    if (!note.empty() && warnings) warnings->push_back(ok ? note : note + "; left out");
    if (!ok) continue;
    // Traced from a raster mask (the shipped layer is): banks would stair-step when zoomed.
    smoothStairs(w.ll, w.xy, stairCellSize(w.ll));
    out.push_back(std::move(w));
  }
  return out;
}

Result<std::vector<River>> loadRivers(const std::string& path, const std::string& display_crs,
                                      std::vector<std::string>* warnings) {
  using RR = Result<std::vector<River>>;
  VectorReadNotes notes;
  auto feats = readVectorFile(path, GeomKind::Lines, display_crs, &notes);
  if (!feats) return RR::fail(feats.error());
  if (!notes.far.empty()) return RR::fail(farMessage(path, notes) + "; the layer is left out");
  addNotes(path, notes, warnings);
  std::vector<River> out;
  for (VectorFeature& f : *feats) {
    for (size_t i = 0; i < f.lines_ll.size(); ++i) {
      River r;
      r.level = std::atoi(f.attrs["wdb_level"].c_str());
      r.kind = f.attrs["class"];
      r.ll = std::move(f.lines_ll[i]);
      r.xy = std::move(f.lines_xy[i]);
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace cm
