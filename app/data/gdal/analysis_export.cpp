#include "data/gdal/analysis_export.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <memory>

#include "data/gdal/gdal_util.h"
#include "data/gdal/export_projects.h"
#include "geo/projection.h"

namespace cm {
namespace {

namespace fs = std::filesystem;

fs::path tempBeside(const std::string& path) {
  const fs::path target(path);
  return target.parent_path() / ("." + target.stem().string() + ".tmp-chainmap" + target.extension().string());
}

// Moves the finished temporary into place; removes it on failure.
Result<bool> moveIntoPlace(const fs::path& tmp, const std::string& path) {
  std::error_code ec;
  fs::rename(tmp, fs::path(path), ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Result<bool>::fail(fileError(path, "cannot move the finished file into place"));
  }
  return true;
}

struct TempGuard {  // removes the temporary unless released
  fs::path p;
  bool keep = false;
  ~TempGuard() {
    if (keep) return;
    std::error_code ec;
    fs::remove(p, ec);
  }
};

std::unique_ptr<OGRSpatialReference> displaySrs(const std::string& crs) {
  auto srs = std::make_unique<OGRSpatialReference>();
  if (srs->SetFromUserInput(displayCrsOf(crs).c_str()) != OGRERR_NONE) return nullptr;
  srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

OGRPolygon toOgr(const Polygon& p) {
  OGRPolygon out;
  for (const Ring& r : p.rings) {
    OGRLinearRing ring;
    for (const Vec2& v : r) ring.addPoint(v.x, v.y);
    if (!r.empty() && !(r.front() == r.back())) ring.addPoint(r.front().x, r.front().y);
    out.addRing(&ring);
  }
  return out;
}

OGRMultiPolygon toOgr(const MultiPolygon& mp) {
  OGRMultiPolygon out;
  for (const Polygon& p : mp) {
    OGRPolygon poly = toOgr(p);
    out.addGeometry(&poly);
  }
  return out;
}

struct LayerField {
  const char* name;
  OGRFieldType type;
};

class Writer {
 public:
  Writer(GDALDataset* ds, const OGRSpatialReference* srs, const std::string& path, GdalErrorCapture& cap)
      : ds_(ds), srs_(srs), path_(path), cap_(cap) {}
  std::string error;

  OGRLayer* layer(const char* name, OGRwkbGeometryType type, const std::vector<LayerField>& fields) {
    OGRLayer* l = ds_->CreateLayer(name, const_cast<OGRSpatialReference*>(srs_), type, nullptr);
    if (!l) return fail(std::string("cannot create layer ") + name), nullptr;
    for (const LayerField& f : fields) {
      OGRFieldDefn d(f.name, f.type);
      if (l->CreateField(&d) != OGRERR_NONE) return fail(std::string("cannot add field ") + name + "." + f.name), nullptr;
    }
    in_tx_ = l->StartTransaction() == OGRERR_NONE;
    return l;
  }
  bool add(OGRLayer* l, OGRFeature& f) {
    if (l->CreateFeature(&f) != OGRERR_NONE) return fail(std::string("cannot write a feature of layer ") + l->GetName());
    return true;
  }
  bool done(OGRLayer* l, size_t n, AnalysisExportSummary& s) {
    if (in_tx_ && l->CommitTransaction() != OGRERR_NONE) return fail(std::string("cannot finish layer ") + l->GetName());
    s.layers.emplace_back(l->GetName(), n);
    return true;
  }
  bool fail(const std::string& what) {
    error = fileError(path_, what + (cap_.last().empty() ? "" : ": " + cap_.last()));
    return false;
  }

 private:
  GDALDataset* ds_;
  const OGRSpatialReference* srs_;
  std::string path_;
  GdalErrorCapture& cap_;
  bool in_tx_ = false;
};

const char* parkId(const Model& m, int k) { return k >= 0 && static_cast<size_t>(k) < m.parks.size() ? m.parks[static_cast<size_t>(k)].id.c_str() : ""; }

}  // namespace

Result<AnalysisExportSummary> writeAnalysisGpkg(const std::string& path, const Model& m, const AnalysisLayers& in) {
  using R = Result<AnalysisExportSummary>;
  ensureGdalRegistered();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!drv) return R::fail(fileError(path, "GDAL has no GeoPackage writer"));
  auto srs = displaySrs(m.display_crs);
  if (!srs) return R::fail(fileError(path, "the display CRS '" + m.display_crs + "' is not one GDAL knows"));
  TempGuard tmp{tempBeside(path)};
  std::error_code ec;
  fs::remove(tmp.p, ec);
  GdalErrorCapture cap;
  AnalysisExportSummary sum;
  {
    std::unique_ptr<GDALDataset> ds(drv->Create(tmp.p.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) return R::fail(fileError(path, "cannot create the file (is the folder writable?)" + (cap.last().empty() ? "" : ": " + cap.last())));
    Writer w(ds.get(), srs.get(), path, cap);
    const Projects& p = m.projects;

    if (const Conformance* c = in.conformance) {
      std::vector<LayerField> fields{{"park_id", OFTString},   {"name_zh", OFTString},     {"name_en", OFTString},  {"main_ecosystem", OFTString},
                                {"radius_km", OFTReal},   {"boundary", OFTString},    {"count", OFTInteger64}, {"investment_yi", OFTReal},
                                {"matching", OFTInteger64}, {"match_share", OFTReal}, {"hhi", OFTReal},        {"mismatched", OFTInteger64}};
      std::vector<std::string> lq_names;
      for (int e = 0; e < kEcosystemCount; ++e) lq_names.push_back("lq_" + std::string(info(static_cast<Ecosystem>(e)).id));
      for (const std::string& n : lq_names) fields.push_back({n.c_str(), OFTReal});
      OGRLayer* l = w.layer("park_conformance", wkbMultiPolygon, fields);
      if (!l) return R::fail(w.error);
      size_t n = 0;
      for (const ParkFigures& pf : c->parks) {
        if (pf.park < 0 || static_cast<size_t>(pf.park) >= m.parks.size()) continue;
        const Park& park = m.parks[static_cast<size_t>(pf.park)];
        const size_t k = static_cast<size_t>(pf.park);
        const ParkShapes* s = in.shapes;
        const bool has_poly = s && k < s->polygons.size() && !s->polygons[k].empty();
        const double r_km = s && k < s->radius_km.size() && s->radius_km[k] > 0 ? s->radius_km[k] : park.radius_km;
        OGRFeature f(l->GetLayerDefn());
        f.SetField("park_id", park.id.c_str());
        f.SetField("name_zh", park.name_zh.c_str());
        f.SetField("name_en", park.name_en.c_str());
        f.SetField("main_ecosystem", std::string(info(park.main_ecosystem).id).c_str());
        f.SetField("radius_km", r_km);
        f.SetField("boundary", has_poly ? "polygon" : "catchment_circle");
        f.SetField("count", static_cast<GIntBig>(pf.count));
        f.SetField("investment_yi", pf.investment_yi);
        f.SetField("matching", static_cast<GIntBig>(pf.matching));
        f.SetField("match_share", pf.match_share);
        f.SetField("hhi", pf.hhi);
        f.SetField("mismatched", static_cast<GIntBig>(pf.mismatched.size()));
        for (int e = 0; e < kEcosystemCount; ++e) f.SetField(lq_names[static_cast<size_t>(e)].c_str(), pf.lq[static_cast<size_t>(e)]);
        OGRMultiPolygon g = has_poly ? toOgr(s->polygons[k]) : toOgr(MultiPolygon{catchmentPolygon(m, pf.park, r_km)});
        f.SetGeometry(&g);
        if (!w.add(l, f)) return R::fail(w.error);
        ++n;
      }
      if (!w.done(l, n, sum)) return R::fail(w.error);

      l = w.layer("outside_projects", wkbPoint,
                  {{"project_id", OFTString}, {"name_zh", OFTString}, {"ecosystem", OFTString}, {"investment_yi", OFTReal},
                   {"nearest_park", OFTString}, {"nearest_m", OFTReal}, {"suggested_park", OFTString}, {"suggested_m", OFTReal}});
      if (!l) return R::fail(w.error);
      n = 0;
      for (const OutsideProject& o : c->outside) {
        if (o.row >= p.size()) continue;
        OGRFeature f(l->GetLayerDefn());
        f.SetField("project_id", p.id[o.row].c_str());
        f.SetField("name_zh", p.name_zh[o.row].c_str());
        f.SetField("ecosystem", std::string(info(p.ecosystem[o.row]).id).c_str());
        f.SetField("investment_yi", static_cast<double>(p.investment_yi[o.row]));
        f.SetField("nearest_park", parkId(m, o.nearest_park));
        if (std::isfinite(o.nearest_m)) f.SetField("nearest_m", o.nearest_m);
        if (o.suggested_park >= 0) {
          f.SetField("suggested_park", parkId(m, o.suggested_park));
          f.SetField("suggested_m", o.suggested_m);
        }
        OGRPoint pt(p.x[o.row], p.y[o.row]);
        f.SetGeometry(&pt);
        if (!w.add(l, f)) return R::fail(w.error);
        ++n;
      }
      if (!w.done(l, n, sum)) return R::fail(w.error);
    }

    if (const std::vector<ChainArc>* arcs = in.arcs) {
      OGRLayer* l = w.layer("chain_arcs", wkbLineString,
                            {{"leader_id", OFTString}, {"follower_id", OFTString}, {"leader_name", OFTString}, {"follower_name", OFTString},
                             {"chain", OFTString}, {"role", OFTString}, {"distance_m", OFTReal}});
      if (!l) return R::fail(w.error);
      size_t n = 0;
      for (const ChainArc& a : *arcs) {
        if (a.leader >= p.size() || a.follower >= p.size()) continue;
        OGRFeature f(l->GetLayerDefn());
        f.SetField("leader_id", p.id[a.leader].c_str());
        f.SetField("follower_id", p.id[a.follower].c_str());
        f.SetField("leader_name", p.name_zh[a.leader].c_str());
        f.SetField("follower_name", p.name_zh[a.follower].c_str());
        if (p.chain[a.follower] < p.chain_names.size()) f.SetField("chain", p.chain_names[p.chain[a.follower]].c_str());
        f.SetField("role", chainRoleId(a.role));
        f.SetField("distance_m", a.distance_m);
        OGRLineString line;
        line.addPoint(p.x[a.leader], p.y[a.leader]);
        line.addPoint(p.x[a.follower], p.y[a.follower]);
        f.SetGeometry(&line);
        if (!w.add(l, f)) return R::fail(w.error);
        ++n;
      }
      if (!w.done(l, n, sum)) return R::fail(w.error);
    }

    if (const std::vector<ClusterHullRecord>* hulls = in.hulls) {
      OGRLayer* l = w.layer("cluster_hulls", wkbMultiPolygon,
                            {{"cluster", OFTInteger}, {"count", OFTInteger64}, {"investment_yi", OFTReal}, {"ecosystem", OFTString},
                             {"matched_park", OFTString}, {"overlap_share", OFTReal}, {"same_industry", OFTInteger}});
      if (!l) return R::fail(w.error);
      size_t n = 0;
      for (const ClusterHullRecord& h : *hulls) {
        OGRFeature f(l->GetLayerDefn());
        f.SetField("cluster", h.cluster);
        f.SetField("count", static_cast<GIntBig>(h.count));
        f.SetField("investment_yi", h.investment_yi);
        f.SetField("ecosystem", std::string(info(h.ecosystem).id).c_str());
        if (h.matched_park >= 0) f.SetField("matched_park", parkId(m, h.matched_park));
        f.SetField("overlap_share", h.overlap_share);
        f.SetField("same_industry", h.same_industry ? 1 : 0);
        if (!h.hull.empty()) {
          OGRMultiPolygon g = toOgr(h.hull);
          f.SetGeometry(&g);
        }
        if (!w.add(l, f)) return R::fail(w.error);
        ++n;
      }
      if (!w.done(l, n, sum)) return R::fail(w.error);
    }

    if (const std::vector<ClusterLabelRecord>* labels = in.labels) {
      OGRLayer* l = w.layer("cluster_labels", wkbPoint, {{"project_id", OFTString}, {"cluster", OFTInteger}, {"ecosystem", OFTString}});
      if (!l) return R::fail(w.error);
      size_t n = 0;
      for (const ClusterLabelRecord& r : *labels) {
        if (r.row >= p.size()) continue;
        OGRFeature f(l->GetLayerDefn());
        f.SetField("project_id", p.id[r.row].c_str());
        f.SetField("cluster", r.label);
        f.SetField("ecosystem", std::string(info(p.ecosystem[r.row]).id).c_str());
        OGRPoint pt(p.x[r.row], p.y[r.row]);
        f.SetGeometry(&pt);
        if (!w.add(l, f)) return R::fail(w.error);
        ++n;
      }
      if (!w.done(l, n, sum)) return R::fail(w.error);
    }
    if (sum.layers.empty()) return R::fail(fileError(path, "no analysis result to write"));
    ds.reset();  // closed (and flushed) before the rename
  }
  if (auto ok = moveIntoPlace(tmp.p, path); !ok) return R::fail(ok.error());
  tmp.keep = true;
  return sum;
}

Result<bool> writeDensityGeoTiff(const std::string& path, double x0, double y0, double cell, int w, int h,
                                 const std::vector<float>& values, const std::string& display_crs) {
  using R = Result<bool>;
  if (w <= 0 || h <= 0 || !(cell > 0) || values.size() != static_cast<size_t>(w) * static_cast<size_t>(h))
    return R::fail(fileError(path, "the density grid is empty or its size does not match its values"));
  ensureGdalRegistered();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (!drv) return R::fail(fileError(path, "GDAL has no GeoTIFF writer"));
  auto srs = displaySrs(display_crs);
  if (!srs) return R::fail(fileError(path, "the display CRS '" + display_crs + "' is not one GDAL knows"));
  TempGuard tmp{tempBeside(path)};
  std::error_code ec;
  fs::remove(tmp.p, ec);
  GdalErrorCapture cap;
  {
    const char* opts[] = {"COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES", nullptr};
    std::unique_ptr<GDALDataset> ds(drv->Create(tmp.p.string().c_str(), w, h, 1, GDT_Float32, const_cast<char**>(opts)));
    if (!ds) return R::fail(fileError(path, "cannot create the file (is the folder writable?)" + (cap.last().empty() ? "" : ": " + cap.last())));
    double gt[6] = {x0, cell, 0, y0 + cell * h, 0, -cell};  // north up: the first row written is the north row
    ds->SetGeoTransform(gt);
    char* wkt = nullptr;
    srs->exportToWkt(&wkt);
    ds->SetProjection(wkt);
    CPLFree(wkt);
    GDALRasterBand* band = ds->GetRasterBand(1);
    band->SetDescription("density");
    std::vector<float> row(static_cast<size_t>(w));
    for (int r = 0; r < h; ++r) {
      const float* src = &values[static_cast<size_t>(h - 1 - r) * static_cast<size_t>(w)];
      std::copy(src, src + w, row.begin());
      if (band->RasterIO(GF_Write, 0, r, w, 1, row.data(), w, 1, GDT_Float32, 0, 0) != CE_None)
        return R::fail(fileError(path, "cannot write the raster" + (cap.last().empty() ? "" : ": " + cap.last())));
    }
    ds->FlushCache();
    ds.reset();
    if (!cap.last().empty()) return R::fail(fileError(path, "cannot write the raster: " + cap.last()));
  }
  if (auto ok = moveIntoPlace(tmp.p, path); !ok) return ok;
  tmp.keep = true;
  return true;
}

Result<size_t> writeProjectsSelection(const std::string& path, const Model& m, const std::vector<uint32_t>& rows) {
  return exportProjects(m, rows, path);
}

}  // namespace cm
