// A throwaway PostgreSQL + PostGIS server (tests/common/pg_server.h): a table loaded through psql
// reads back through GDAL's PostgreSQL driver, and changes made afterwards show up on reopening.
// No server is a failure, not a skip: CI installs postgresql-15 and postgresql-15-postgis-3.
#include <gtest/gtest.h>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>

#include <map>
#include <memory>
#include <string>

#include "pg_server.h"

namespace {

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(GDALDataset::ToHandle(d)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr openVector(const std::string& src) {
  GDALAllRegister();
  CPLErrorReset();
  return DatasetPtr(GDALDataset::FromHandle(GDALOpenEx(src.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
}

struct Row {
  double investment = 0;
  int year = 0, month = 0, day = 0;
  double x = 0, y = 0;
};

// name → row, read through GDAL; false (with a gtest failure) when the layer cannot be read.
bool readProjects(const std::string& src, std::map<std::string, Row>& rows) {
  rows.clear();
  DatasetPtr ds = openVector(src);
  EXPECT_TRUE(ds) << "GDALOpenEx(" << src << "): " << CPLGetLastErrorMsg();
  if (!ds) return false;
  OGRLayer* layer = ds->GetLayerByName("projects");
  EXPECT_NE(layer, nullptr) << "no layer 'projects' in " << src;
  if (!layer) return false;

  OGRFeatureDefn* defn = layer->GetLayerDefn();
  const int name = defn->GetFieldIndex("name"), inv = defn->GetFieldIndex("investment"),
            signed_on = defn->GetFieldIndex("signed_on");
  EXPECT_GE(name, 0);
  EXPECT_GE(inv, 0);
  EXPECT_GE(signed_on, 0);
  if (name < 0 || inv < 0 || signed_on < 0) return false;
  EXPECT_EQ(defn->GetFieldDefn(name)->GetType(), OFTString);
  EXPECT_EQ(defn->GetFieldDefn(inv)->GetType(), OFTReal);
  EXPECT_EQ(defn->GetFieldDefn(signed_on)->GetType(), OFTDate);
  EXPECT_EQ(wkbFlatten(layer->GetGeomType()), wkbPoint);
  const OGRSpatialReference* srs = layer->GetSpatialRef();
  EXPECT_TRUE(srs && srs->GetAuthorityCode(nullptr) && std::string(srs->GetAuthorityCode(nullptr)) == "4326");

  layer->ResetReading();
  for (auto& f : *layer) {
    Row r;
    r.investment = f->GetFieldAsDouble(inv);
    int h = 0, mi = 0, tz = 0;
    float s = 0;
    EXPECT_TRUE(f->GetFieldAsDateTime(signed_on, &r.year, &r.month, &r.day, &h, &mi, &s, &tz));
    const OGRGeometry* g = f->GetGeometryRef();
    EXPECT_TRUE(g && wkbFlatten(g->getGeometryType()) == wkbPoint);
    if (g && wkbFlatten(g->getGeometryType()) == wkbPoint) {
      r.x = g->toPoint()->getX();
      r.y = g->toPoint()->getY();
    }
    rows[f->GetFieldAsString(name)] = r;
  }
  EXPECT_EQ(layer->GetFeatureCount(), static_cast<GIntBig>(rows.size()));
  return true;
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

TEST(PgServer, PostgisTableReadsThroughGdalAndSeesChanges) {
  cm::test::PgServer pg;
  ASSERT_TRUE(pg.ok()) << pg.error();
  EXPECT_EQ(pg.gdal(), "PG:" + pg.conninfo());

  ASSERT_TRUE(pg.exec(R"sql(
    CREATE TABLE projects (
      id         serial PRIMARY KEY,
      name       text NOT NULL,
      investment numeric(12, 2),
      signed_on  date,
      geom       geometry(Point, 4326)
    );
    INSERT INTO projects (name, investment, signed_on, geom) VALUES
      ('芯片封测基地', 52.50, '2024-03-15', ST_SetSRID(ST_MakePoint(120.1551, 30.2741), 4326)),
      ('生物医药产业园', 12.00, '2023-11-02', ST_SetSRID(ST_MakePoint(120.2632, 30.1853), 4326)),
      ('Smart equipment plant', 3.75, '2024-07-31', ST_SetSRID(ST_MakePoint(119.9536, 30.0512), 4326));
  )sql")) << pg.execError();

  std::string out;
  ASSERT_TRUE(pg.exec("SELECT count(*), sum(investment) FROM projects", &out)) << pg.execError();
  EXPECT_EQ(out, "3|68.25");
  ASSERT_TRUE(pg.exec("SELECT name FROM projects ORDER BY id", &out)) << pg.execError();
  EXPECT_EQ(out, "芯片封测基地\n生物医药产业园\nSmart equipment plant");

  // A failing statement is reported, with psql's message.
  EXPECT_FALSE(pg.exec("SELECT * FROM no_such_table", &out));
  EXPECT_NE(pg.execError().find("no_such_table"), std::string::npos) << pg.execError();

  std::map<std::string, Row> rows;
  ASSERT_TRUE(readProjects(pg.gdal(), rows));
  ASSERT_EQ(rows.size(), 3u);
  ASSERT_TRUE(rows.count("芯片封测基地"));
  const Row& chip = rows["芯片封测基地"];
  EXPECT_DOUBLE_EQ(chip.x, 120.1551);
  EXPECT_DOUBLE_EQ(chip.y, 30.2741);
  EXPECT_DOUBLE_EQ(chip.investment, 52.5);
  EXPECT_EQ(chip.year, 2024);
  EXPECT_EQ(chip.month, 3);
  EXPECT_EQ(chip.day, 15);
  ASSERT_TRUE(rows.count("Smart equipment plant"));
  EXPECT_DOUBLE_EQ(rows["Smart equipment plant"].x, 119.9536);
  EXPECT_DOUBLE_EQ(rows["Smart equipment plant"].y, 30.0512);

  // Change one row and add one through psql; a fresh GDAL open sees both.
  ASSERT_TRUE(pg.exec(R"sql(
    UPDATE projects SET investment = 99.90, geom = ST_SetSRID(ST_MakePoint(120.3012, 30.4198), 4326)
      WHERE name = '生物医药产业园';
    INSERT INTO projects (name, investment, signed_on, geom)
      VALUES ('新能源电池项目', 150.00, '2024-01-09', ST_SetSRID(ST_MakePoint(120.5821, 30.0413), 4326));
  )sql")) << pg.execError();

  ASSERT_TRUE(readProjects(pg.gdal(), rows));
  ASSERT_EQ(rows.size(), 4u);
  ASSERT_TRUE(rows.count("生物医药产业园"));
  EXPECT_DOUBLE_EQ(rows["生物医药产业园"].investment, 99.9);
  EXPECT_DOUBLE_EQ(rows["生物医药产业园"].x, 120.3012);
  EXPECT_DOUBLE_EQ(rows["生物医药产业园"].y, 30.4198);
  ASSERT_TRUE(rows.count("新能源电池项目"));
  EXPECT_DOUBLE_EQ(rows["新能源电池项目"].investment, 150.0);
  EXPECT_EQ(rows["新能源电池项目"].year, 2024);
  EXPECT_EQ(rows["新能源电池项目"].month, 1);
  EXPECT_EQ(rows["新能源电池项目"].day, 9);
  EXPECT_DOUBLE_EQ(rows["新能源电池项目"].x, 120.5821);
}

TEST(PgServer, TwoServersAtOnceAreSeparateAndLeaveNothingBehind) {
  std::string dir_a, dir_b;
  {
    cm::test::PgServer a, b;
    ASSERT_TRUE(a.ok()) << a.error();
    ASSERT_TRUE(b.ok()) << b.error();
    EXPECT_NE(a.conninfo(), b.conninfo());
    EXPECT_NE(a.dir(), b.dir());
    dir_a = a.dir();
    dir_b = b.dir();
    ASSERT_TRUE(a.exec("CREATE TABLE only_in_a (v int); INSERT INTO only_in_a VALUES (7)")) << a.execError();
    std::string out;
    ASSERT_TRUE(a.exec("SELECT v FROM only_in_a", &out)) << a.execError();
    EXPECT_EQ(out, "7");
    ASSERT_TRUE(b.exec("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'", &out)) << b.execError();
    EXPECT_EQ(out, "0");
    ASSERT_TRUE(b.exec("SELECT PostGIS_Lib_Version() IS NOT NULL", &out)) << b.execError();
    EXPECT_EQ(out, "t");
  }
  EXPECT_FALSE(exists(dir_a)) << dir_a;
  EXPECT_FALSE(exists(dir_b)) << dir_b;
}
