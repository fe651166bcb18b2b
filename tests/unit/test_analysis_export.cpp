// The analyses written for QGIS (data/analysis_export.h), read back through GDAL.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <memory>

#include "core/analysis/chains.h"
#include "core/analysis/conformance.h"
#include "data/gdal/analysis_export.h"
#include "data/gdal/gdal_util.h"
#include "data/gdal/table.h"
#include "geo/geodesic.h"
#include "sample_model.h"
#include "temp_dir.h"

using namespace cm;
namespace fs = std::filesystem;

namespace {

class Export : public test::SampleSuite {};

std::unique_ptr<GDALDataset> open(const std::string& path, unsigned flags) {
  ensureGdalRegistered();
  return std::unique_ptr<GDALDataset>(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), flags | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

bool onlyTarget(const fs::path& dir, const std::string& name) {  // no temporary left beside it
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename() != name) return false;
  return true;
}

TEST_F(Export, GeoPackageLayersReadBackInQgisTerms) {
  test::TempDir dir("chainmap-aexp");
  Filter f;
  f.month_from = monthIndex(2024, 1);
  f.month_to = monthIndex(2024, 7);
  f.sectors = 1;
  f.min_investment_yi = 1;
  const Conformance c = parkConformance(m(), f, ParkShapes{});
  const auto arcs = leaderArcs(m(), Filter{}, -1);
  const int la = park("la_qingshanhu");
  // Two clusters as plain data (what DBSCAN + hulls give), and labels for three projects.
  const Vec2 o = m().parks[la].xy;
  MultiPolygon hull{Polygon{{{{o.x - 500, o.y - 500}, {o.x + 500, o.y - 500}, {o.x + 500, o.y + 500}, {o.x - 500, o.y + 500}}}}};
  const std::vector<ClusterHullRecord> hulls{{0, 12, 88.5, Ecosystem::Iot, la, 0.9, true, hull}, {1, 5, 7.0, Ecosystem::Bio, -1, 0.1, false, {}}};
  const std::vector<ClusterLabelRecord> labels{{0, 0}, {1, -1}, {2, 1}};
  AnalysisLayers layers;
  layers.conformance = &c;
  layers.arcs = &arcs;
  layers.hulls = &hulls;
  layers.labels = &labels;
  const std::string path = (dir.path / "analysis.gpkg").string();
  auto r = writeAnalysisGpkg(path, m(), layers);
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->layers.size(), 5u);
  EXPECT_TRUE(onlyTarget(dir.path, "analysis.gpkg"));

  auto ds = open(path, GDAL_OF_VECTOR);
  ASSERT_TRUE(ds);
  ASSERT_EQ(ds->GetLayerCount(), 5);
  OGRLayer* pc = ds->GetLayerByName("park_conformance");
  ASSERT_TRUE(pc);
  EXPECT_EQ(pc->GetFeatureCount(), static_cast<GIntBig>(m().parks.size()));
  EXPECT_EQ(wkbFlatten(pc->GetGeomType()), wkbMultiPolygon);
  ASSERT_TRUE(pc->GetSpatialRef());
  EXPECT_STREQ(pc->GetSpatialRef()->GetAuthorityCode(nullptr), "4549");
  pc->SetAttributeFilter("park_id = 'la_qingshanhu'");
  std::unique_ptr<OGRFeature> laf(pc->GetNextFeature());
  ASSERT_TRUE(laf);
  EXPECT_EQ(laf->GetFieldAsInteger64("count"), c.parks[la].count);
  EXPECT_NEAR(laf->GetFieldAsDouble("match_share"), c.parks[la].match_share, 1e-12);
  EXPECT_NEAR(laf->GetFieldAsDouble("lq_iot"), c.parks[la].lq[0], 1e-12);
  EXPECT_STREQ(laf->GetFieldAsString("boundary"), "catchment_circle");
  // The catchment circle: its area is π r² on the ground (r = 5 km, Gauss–Krüger scale ≈ 1).
  const OGRGeometry* g = laf->GetGeometryRef();
  ASSERT_TRUE(g);
  const double r_m = m().parks[la].radius_km * 1000;
  EXPECT_NEAR(g->toMultiPolygon()->get_Area(), M_PI * r_m * r_m, 0.01 * M_PI * r_m * r_m);

  OGRLayer* out = ds->GetLayerByName("outside_projects");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->GetFeatureCount(), 34);
  std::unique_ptr<OGRFeature> first(out->GetNextFeature());
  ASSERT_TRUE(first);
  EXPECT_STREQ(first->GetFieldAsString("project_id"), m().projects.id[c.outside[0].row].c_str());
  EXPECT_NEAR(first->GetFieldAsDouble("nearest_m"), c.outside[0].nearest_m, 1e-6);

  OGRLayer* al = ds->GetLayerByName("chain_arcs");
  ASSERT_TRUE(al);
  EXPECT_EQ(al->GetFeatureCount(), 30);
  EXPECT_EQ(wkbFlatten(al->GetGeomType()), wkbLineString);
  std::unique_ptr<OGRFeature> arc(al->GetNextFeature());
  ASSERT_TRUE(arc);
  EXPECT_NEAR(arc->GetFieldAsDouble("distance_m"), arcs[0].distance_m, 1e-6);
  EXPECT_STREQ(arc->GetFieldAsString("role"), chainRoleId(arcs[0].role));
  const OGRLineString* line = arc->GetGeometryRef()->toLineString();
  EXPECT_DOUBLE_EQ(line->getX(0), m().projects.x[arcs[0].leader]);
  EXPECT_DOUBLE_EQ(line->getY(1), m().projects.y[arcs[0].follower]);

  OGRLayer* hl = ds->GetLayerByName("cluster_hulls");
  ASSERT_TRUE(hl);
  EXPECT_EQ(hl->GetFeatureCount(), 2);
  std::unique_ptr<OGRFeature> h0(hl->GetNextFeature());
  EXPECT_STREQ(h0->GetFieldAsString("matched_park"), "la_qingshanhu");
  EXPECT_EQ(h0->GetFieldAsInteger64("count"), 12);
  EXPECT_NEAR(h0->GetGeometryRef()->toMultiPolygon()->get_Area(), 1e6, 1e-3);
  std::unique_ptr<OGRFeature> h1(hl->GetNextFeature());
  EXPECT_FALSE(h1->IsFieldSetAndNotNull(h1->GetFieldIndex("matched_park")));

  OGRLayer* ll = ds->GetLayerByName("cluster_labels");
  ASSERT_TRUE(ll);
  EXPECT_EQ(ll->GetFeatureCount(), 3);
}

TEST_F(Export, DensityGeoTiffIsNorthUpWithItsGeotransform) {
  test::TempDir dir("chainmap-aexp");
  // 3 columns x 2 rows, row 0 the south row.
  const std::vector<float> v{1, 2, 3,    // south
                             10, 20, 30};  // north
  const std::string path = (dir.path / "density.tif").string();
  auto ok = writeDensityGeoTiff(path, 500000, 3300000, 250, 3, 2, v, kDefaultDisplayCrs);
  ASSERT_TRUE(ok) << ok.error();
  EXPECT_TRUE(onlyTarget(dir.path, "density.tif"));
  auto ds = open(path, GDAL_OF_RASTER);
  ASSERT_TRUE(ds);
  EXPECT_EQ(ds->GetRasterXSize(), 3);
  EXPECT_EQ(ds->GetRasterYSize(), 2);
  double gt[6];
  ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
  EXPECT_DOUBLE_EQ(gt[0], 500000);
  EXPECT_DOUBLE_EQ(gt[1], 250);
  EXPECT_DOUBLE_EQ(gt[3], 3300000 + 2 * 250);
  EXPECT_DOUBLE_EQ(gt[5], -250);
  OGRSpatialReference srs(ds->GetProjectionRef());
  EXPECT_STREQ(srs.GetAuthorityCode(nullptr), "4549");
  std::vector<float> back(6);
  ASSERT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, 3, 2, back.data(), 3, 2, GDT_Float32, 0, 0), CE_None);
  EXPECT_EQ(back, (std::vector<float>{10, 20, 30, 1, 2, 3}));  // the first raster row is the north row
  double sum = 0;
  for (float x : back) sum += x;
  EXPECT_DOUBLE_EQ(sum, 66);
  // A grid whose size does not match its values is refused; nothing is written.
  auto bad = writeDensityGeoTiff((dir.path / "bad.tif").string(), 0, 0, 1, 4, 4, v, kDefaultDisplayCrs);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("bad.tif"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir.path / "bad.tif"));
}

TEST_F(Export, ASelectionOfProjectsAsCsv) {
  test::TempDir dir("chainmap-aexp");
  const std::string path = (dir.path / "sel.csv").string();
  const std::vector<uint32_t> rows{42, 7, 1000};
  auto n = writeProjectsSelection(path, m(), rows);
  ASSERT_TRUE(n) << n.error();
  EXPECT_EQ(*n, 3u);
  EXPECT_TRUE(onlyTarget(dir.path, "sel.csv"));
  auto t = readTable(path, ReadOptions{});
  ASSERT_TRUE(t) << t.error();
  ASSERT_EQ(t->rows.size(), 3u);
  EXPECT_EQ(t->columns[0], "id");
  EXPECT_EQ(t->rows[0][0], m().projects.id[42]);
  EXPECT_EQ(t->rows[1][0], m().projects.id[7]);
  EXPECT_EQ(t->rows[2][0], m().projects.id[1000]);
}

TEST_F(Export, FailuresNameTheFileAndLeaveNothing) {
  test::TempDir dir("chainmap-aexp");
  const Conformance c = parkConformance(m(), Filter{}, ParkShapes{});
  AnalysisLayers layers;
  layers.conformance = &c;
  const std::string path = (dir.path / "no" / "such" / "folder" / "a.gpkg").string();
  auto r = writeAnalysisGpkg(path, m(), layers);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("a.gpkg"), std::string::npos) << r.error();
  auto empty = writeAnalysisGpkg((dir.path / "empty.gpkg").string(), m(), AnalysisLayers{});
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().find("no analysis result"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(dir.path));
}

TEST_F(Export, CatchmentPolygonIsTheGeodesicCircle) {
  const int jd = park("jd_edz");
  const Polygon p = catchmentPolygon(m(), jd, 4.0);
  ASSERT_EQ(p.rings.size(), 1u);
  ASSERT_EQ(p.rings[0].size(), 65u);
  EXPECT_EQ(p.rings[0].front(), p.rings[0].back());
  for (const Vec2& v : p.rings[0]) EXPECT_NEAR(std::hypot(v.x - m().parks[jd].xy.x, v.y - m().parks[jd].xy.y), 4000, 4000 * 1e-3);
  EXPECT_TRUE(catchmentPolygon(m(), -1, 4.0).rings.empty());
}

}  // namespace
