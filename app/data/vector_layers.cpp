#include "data/vector_layers.h"

#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "data/gdal_util.h"
#include "geo/geodesic.h"
#include "geo/projection.h"

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

struct Transforms {
  const Transform* to_ll;
  const Transform* to_xy;
};

Result<Transforms> makeTransforms(const std::string& path, OGRLayer* layer, const std::string& display_crs) {
  std::string src = kWgs84;
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2018", nullptr};
    if (srs->exportToWkt(&wkt, opts) == OGRERR_NONE && wkt) src = wkt;
    CPLFree(wkt);
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

R readVectorFile(const std::string& path, GeomKind kind, const std::string& display_crs) {
  ensureGdalRegistered();
  if (!fileExists(path)) return R::fail(fileError(path, "file not found"));
  if (endsWithShp(path)) {
    for (const char* ext : {".shx", ".dbf"})
      if (!fileExists(sidecar(path, ext)))
        return R::fail(fileError(path, std::string("the shapefile's companion file ") + ext +
                                           " is missing (a shapefile needs .shp, .shx and .dbf side by side)"));
  }
  GdalErrorCapture capture;
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds) return R::fail(fileError(path, "not a readable vector file" + (capture.last().empty() ? "" : " (" + capture.last() + ")")));
  if (ds->GetLayerCount() < 1) return R::fail(fileError(path, "contains no layer"));
  OGRLayer* layer = ds->GetLayer(0);
  auto tr = makeTransforms(path, layer, display_crs);
  if (!tr) return R::fail(tr.error());

  std::vector<VectorFeature> out;
  layer->ResetReading();
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  long fid_no = 0;
  for (auto& feat : *layer) {
    ++fid_no;
    VectorFeature vf;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      std::string v = feat->IsFieldSetAndNotNull(i) ? feat->GetFieldAsString(i) : "";
      if (!isValidUtf8(v))
        return R::fail(fileError(path, "feature " + std::to_string(fid_no) + ", field '" +
                                           defn->GetFieldDefn(i)->GetNameRef() +
                                           "': text is not valid UTF-8 (check the .cpg encoding file)"));
      vf.attrs[defn->GetFieldDefn(i)->GetNameRef()] = std::move(v);
    }
    const OGRGeometry* g = feat->GetGeometryRef();
    if (!g || g->IsEmpty()) continue;
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
        if (!convertPolygon(p, *tr, a, b)) return R::fail(where + ": has coordinates that are not valid in its CRS");
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
        if (!convertPoints(l, *tr, a, b)) return R::fail(where + ": has coordinates that are not valid in its CRS");
        vf.lines_ll.push_back(std::move(a));
        vf.lines_xy.push_back(std::move(b));
      }
    }
    out.push_back(std::move(vf));
  }
  if (out.empty()) return R::fail(fileError(path, "contains no usable features"));
  return out;
}

Result<std::vector<District>> loadDistricts(const std::string& path, const std::string& display_crs) {
  using RD = Result<std::vector<District>>;
  auto feats = readVectorFile(path, GeomKind::Polygons, display_crs);
  if (!feats) return RD::fail(feats.error());
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
    d.area_km2 = geodesicAreaKm2(d.ll);
    out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end(), [](const District& a, const District& b) { return a.adcode < b.adcode; });
  return out;
}

Result<std::vector<WaterBody>> loadWater(const std::string& path, const std::string& display_crs) {
  using RW = Result<std::vector<WaterBody>>;
  auto feats = readVectorFile(path, GeomKind::Polygons, display_crs);
  if (!feats) return RW::fail(feats.error());
  std::vector<WaterBody> out;
  for (VectorFeature& f : *feats) {
    WaterBody w;
    w.name_zh = f.attrs["name_zh"];
    w.name_en = f.attrs["name_en"];
    w.kind = f.attrs["kind"];
    w.ll = std::move(f.ll);
    w.xy = std::move(f.xy);
    out.push_back(std::move(w));
  }
  return out;
}

Result<std::vector<River>> loadRivers(const std::string& path, const std::string& display_crs) {
  using RR = Result<std::vector<River>>;
  auto feats = readVectorFile(path, GeomKind::Lines, display_crs);
  if (!feats) return RR::fail(feats.error());
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
