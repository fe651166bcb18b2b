#include "data/gdal/park_boundaries.h"

#include <ogr_api.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>

#include "data/gdal/gdal_util.h"
#include "data/import/values.h"
#include "geo/projection.h"
#include "platform/text.h"

namespace cm {
namespace {

using ParkLoadResult = Result<ParkPolygonsLoad>;


bool isOneOf(const std::string& name, std::initializer_list<const char*> names) {
  const std::string k = normalizeKey(name);
  for (const char* n : names)
    if (k == normalizeKey(n)) return true;
  return false;
}

// A park name without its kind: "萧山经济技术开发区" → "萧山", "临安经开区" → "临安",
// "Xiaoshan Economic and Technological Development Zone" → "xiaoshan". Parentheses go first.
std::string bareName(const std::string& name) {
  std::string k = normalizeKey(name);
  for (size_t o; (o = k.find('(')) != std::string::npos;) {
    const size_t c = k.find(')', o);
    k.erase(o, c == std::string::npos ? std::string::npos : c - o + 1);
  }
  static const char* kSuffixes[] = {"高新技术产业开发区", "经济技术开发区", "经济开发区", "产业开发区", "产业集聚区", "开发区", "经开区", "高新区",
                                    "产业园区", "工业园区", "产业园", "园区", "科技城", "小镇", "集聚区", "示范区", "新区", "平台",
                                    "economicandtechnologicaldevelopmentzone", "economicdevelopmentzone", "industrialdevelopmentzone",
                                    "developmentzone", "industrialpark", "sciencepark", "hitechzone", "zone", "park", "area"};
  for (bool again = true; again;) {
    again = false;
    for (const char* s : kSuffixes) {
      const std::string suf = normalizeKey(s);
      if (k.size() > suf.size() && k.compare(k.size() - suf.size(), suf.size(), suf) == 0) {
        k.erase(k.size() - suf.size());
        again = true;
      }
    }
  }
  return k;
}

std::vector<std::string> bareNames(const Park& p) {
  std::vector<std::string> out;
  for (const std::string& name : {p.name_zh, p.name_en}) {
    std::vector<std::string> parts{name};
    for (size_t a = 0, b; (b = name.find('/', a)) != std::string::npos; a = b + 1) {
      parts.push_back(name.substr(a, b - a));
      if (name.find('/', b + 1) == std::string::npos) parts.push_back(name.substr(b + 1));
    }
    for (const std::string& part : parts)
      if (std::string b = bareName(part); b.size() >= 4 && std::find(out.begin(), out.end(), b) == out.end()) out.push_back(b);
  }
  return out;
}

bool pointInPolygons(const MultiPolygon& mp, double x, double y) {
  bool in = false;
  for (const Polygon& poly : mp)
    for (const Ring& r : poly.rings)
      for (size_t i = 0, j = r.empty() ? 0 : r.size() - 1; i < r.size(); j = i++)
        if ((r[i].y > y) != (r[j].y > y) && x < (r[j].x - r[i].x) * (y - r[i].y) / (r[j].y - r[i].y) + r[i].x) in = !in;
  return in;
}

Vec2 centre(const MultiPolygon& mp) {
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  for (const Polygon& poly : mp)
    for (const Vec2& v : poly.rings[0]) x0 = std::min(x0, v.x), x1 = std::max(x1, v.x), y0 = std::min(y0, v.y), y1 = std::max(y1, v.y);
  return {(x0 + x1) / 2, (y0 + y1) / 2};
}

bool polygonal(OGRwkbGeometryType t) {
  t = wkbFlatten(t);
  return t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon || t == wkbMultiSurface || t == wkbSurface ||
         t == wkbPolyhedralSurface || t == wkbTIN;
}

}  // namespace

std::vector<std::string> ParkPolygonsLoad::report() const {
  std::vector<std::string> out;
  size_t matched = 0;
  for (const MultiPolygon& p : polygons) matched += !p.empty();
  out.push_back("layer '" + layer + "': " + std::to_string(features) + " polygon features, " + std::to_string(matched) + " parks with a boundary, " +
                std::to_string(parks_without.size()) + " parks keep their catchment circle, " + std::to_string(unmatched.size()) +
                " features matched no park");
  for (const Unmatched& u : unmatched)
    out.push_back("feature " + std::to_string(u.feature) + (u.label.empty() ? "" : " ('" + u.label + "')") + ": " + u.why);
  return out;
}

Result<ParkPolygonsLoad> loadParkBoundaries(const std::string& path, const Model& m, std::string layer_name) {
  ensureGdalRegistered();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) && path.rfind("/vsi", 0) != 0) return ParkLoadResult::fail(fileError(path, "file not found"));
  GdalErrorCapture capture;
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds) return ParkLoadResult::fail(fileError(path, "not a readable vector file" + (capture.last().empty() ? "" : " (" + capture.last() + ")")));
  OGRLayer* layer = nullptr;
  if (!layer_name.empty()) {
    layer = ds->GetLayerByName(layer_name.c_str());
    if (!layer) {
      std::string names;
      for (int i = 0; i < ds->GetLayerCount(); ++i) names += (i ? ", " : "") + std::string(ds->GetLayer(i)->GetName());
      return ParkLoadResult::fail(fileError(path, "has no layer '" + layer_name + "' (layers: " + names + ")"));
    }
  } else {
    for (int i = 0; i < ds->GetLayerCount() && !layer; ++i) {
      OGRLayer* l = ds->GetLayer(i);
      if (polygonal(l->GetGeomType())) layer = l;
      else if (wkbFlatten(l->GetGeomType()) == wkbUnknown) {  // KML, GeoJSON collections: look at the features
        l->ResetReading();
        for (auto& feat : *l)
          if (const OGRGeometry* g = feat->GetGeometryRef(); g && polygonal(g->getGeometryType())) {
            layer = l;
            break;
          }
      }
    }
    if (!layer) return ParkLoadResult::fail(fileError(path, "contains no polygon layer (park boundaries are polygons)"));
  }
  ParkPolygonsLoad out;
  out.layer = layer->GetName();
  out.polygons.resize(m.parks.size());
  out.matched_by.resize(m.parks.size());

  std::string src = kWgs84;
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    char* wkt = nullptr;
    const char* opts[] = {"FORMAT=WKT2_2018", nullptr};
    if (srs->exportToWkt(&wkt, opts) == OGRERR_NONE && wkt) src = wkt;
    CPLFree(wkt);
  }
  const std::string display = displayCrsOf(m.display_crs);
  auto to_xy = sharedTransform(src, display);
  if (!to_xy) return ParkLoadResult::fail(fileError(path, "its CRS cannot be used: " + to_xy.error()));

  // Which fields hold ids and names.
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  std::vector<int> id_fields, name_fields, text_fields;
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    const std::string n = defn->GetFieldDefn(i)->GetNameRef();
    if (isOneOf(n, {"id", "park_id", "parkid", "code", "park_code", "编号", "园区编号", "园区代码", "代码"})) id_fields.push_back(i);
    else if (isOneOf(n, {"name", "name_zh", "name_en", "名称", "园区名称", "园区", "开发区", "开发区名称", "平台名称", "park", "park_name",
                         "parkname", "title", "label", "zone", "zone_name"}))
      name_fields.push_back(i);
    else if (defn->GetFieldDefn(i)->GetType() == OFTString) text_fields.push_back(i);
  }
  std::vector<std::vector<std::string>> bare(m.parks.size());
  for (size_t k = 0; k < m.parks.size(); ++k) bare[k] = bareNames(m.parks[k]);

  layer->ResetReading();
  long fid_no = 0;
  for (auto& feat : *layer) {
    ++fid_no;
    const OGRGeometry* g = feat->GetGeometryRef();
    if (!g || g->IsEmpty() || !polygonal(g->getGeometryType())) continue;
    ++out.features;
    // Geometry → display CRS.
    std::unique_ptr<OGRGeometry> mpoly(OGRGeometryFactory::forceToMultiPolygon(g->clone()));
    MultiPolygon xy;
    if (mpoly && wkbFlatten(mpoly->getGeometryType()) == wkbMultiPolygon) {
      for (const OGRPolygon* poly : *mpoly->toMultiPolygon()) {
        Polygon out_poly;
        const int nr = poly->getExteriorRing() ? 1 + poly->getNumInteriorRings() : 0;
        for (int r = 0; r < nr; ++r) {
          const OGRLinearRing* ring = r == 0 ? poly->getExteriorRing() : poly->getInteriorRing(r - 1);
          Ring pts;
          for (int i = 0; i < ring->getNumPoints(); ++i) {
            double x = ring->getX(i), y = ring->getY(i);
            if (!std::isfinite(x) || !std::isfinite(y) || !(*to_xy)->apply(x, y) || !std::isfinite(x) || !std::isfinite(y))
              return ParkLoadResult::fail(fileError(path, "layer '" + out.layer + "', feature " + std::to_string(fid_no) +
                                                 ": has coordinates that are not valid in its CRS"));
            pts.push_back({x, y});
          }
          if (pts.size() >= 4) out_poly.rings.push_back(std::move(pts));
          else if (r == 0) break;
        }
        if (!out_poly.rings.empty()) xy.push_back(std::move(out_poly));
      }
    }
    if (xy.empty()) continue;

    auto field = [&](int i) { return feat->IsFieldSetAndNotNull(i) ? std::string(feat->GetFieldAsString(i)) : std::string(); };
    std::string label;
    for (int i : id_fields)
      if (label.empty()) label = field(i);
    for (int i : name_fields)
      if (label.empty()) label = field(i);
    int park = -1;
    std::string how;
    // 1. By id (any id-like field, then any text field holding exactly a park's id).
    for (const std::vector<int>* fields : {&id_fields, &name_fields, &text_fields})
      for (int i : *fields) {
        if (park >= 0) break;
        const std::string v = asciiLower(field(i));
        if (v.empty()) continue;
        for (size_t k = 0; k < m.parks.size() && park < 0; ++k)
          if (v == asciiLower(m.parks[k].id)) park = static_cast<int>(k), how = "id '" + field(i) + "'";
      }
    // 2. By name, as the importer matches park names.
    for (int i : name_fields) {
      if (park >= 0) break;
      const std::string v = field(i);
      if (auto k = matchPark(v, m.parks)) park = *k, how = "name '" + v + "'";
    }
    // 3. By the name without its kind (开发区, 园区, 经开区, zone …), when exactly one park has it.
    for (int i : name_fields) {
      if (park >= 0) break;
      const std::string b = bareName(field(i));
      if (b.size() < 4) continue;
      int found = -1, n = 0;
      for (size_t k = 0; k < m.parks.size(); ++k)
        if (std::find(bare[k].begin(), bare[k].end(), b) != bare[k].end()) found = static_cast<int>(k), ++n;
      if (n == 1) park = found, how = "name '" + field(i) + "' (without its suffix)";
    }
    // 4. By the park's point inside the polygon (the nearest to the polygon's centre).
    if (park < 0) {
      const Vec2 c = centre(xy);
      double best = INFINITY;
      for (size_t k = 0; k < m.parks.size(); ++k)
        if (pointInPolygons(xy, m.parks[k].xy.x, m.parks[k].xy.y)) {
          const double d = std::hypot(m.parks[k].xy.x - c.x, m.parks[k].xy.y - c.y);
          if (d < best) best = d, park = static_cast<int>(k), how = "contains the park's point";
        }
    }
    if (park < 0) {
      out.unmatched.push_back({fid_no, label, "no park with this id or name, and no park's point inside it"});
      continue;
    }
    MultiPolygon& dst = out.polygons[static_cast<size_t>(park)];
    for (Polygon& p : xy) dst.push_back(std::move(p));
    std::string& by = out.matched_by[static_cast<size_t>(park)];
    by += (by.empty() ? "" : "; ") + how;
  }
  if (out.features == 0) return ParkLoadResult::fail(fileError(path, "layer '" + out.layer + "' has no polygon features"));
  for (size_t k = 0; k < m.parks.size(); ++k)
    if (out.polygons[k].empty()) out.parks_without.push_back(static_cast<int>(k));
  if (out.parks_without.size() == m.parks.size())
    return ParkLoadResult::fail(fileError(path, "none of the " + std::to_string(out.features) + " polygons of layer '" + out.layer +
                                       "' matches a park (by id, by name, or by containing a park's point)"));
  return out;
}

}  // namespace cm
