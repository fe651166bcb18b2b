// The window's remote products (data/remote_products.h) on their worker: the sample in a
// throwaway PostGIS; after wait() the statistics, bins and rows are those of the last keys asked
// for (earlier keys skipped or superseded), and going away with a query in flight is clean.
#include <gtest/gtest.h>

#include <climits>
#include <chrono>
#include <cmath>
#include <thread>

#include "core/hex_pyramid.h"
#include "core/stats.h"
#include "platform/data_paths.h"
#include "data/remote_products.h"
#include "pg_server.h"
#include "sample_sql.h"
#include "sample_model.h"

using namespace cm;


TEST(RemoteProducts, WorkerAnswersTheLastKeys) {
  test::PgServer pg;
  ASSERT_TRUE(pg.ok()) << pg.error();
  ASSERT_TRUE(pg.exec(test::sampleTableSql())) << pg.execError();
  Model local;
  ASSERT_TRUE(test::loadModel(local, defaultProjectsFile()));
  auto map = std::make_shared<Model>();
  ASSERT_TRUE(test::loadMap(*map));
  RemoteTable t;
  t.conninfo = pg.conninfo();
  t.table = "projects";
  auto src = PostgisSource::open(t, *map);
  ASSERT_TRUE(src) << src.error();
  map->projects.chain_names = (*src)->chainNames();

  // A view of the whole city, 1000×700 px, 250 m a pixel.
  Extent home;
  for (const District& d : map->districts)
    for (const Polygon& p : d.xy)
      for (const Vec2& v : p.rings[0]) home.add(v);
  RemoteInputs in;
  in.view.center = {(home.minx + home.maxx) / 2, (home.miny + home.maxy) / 2};
  in.view.units_per_px = 250;
  in.view.width = 1000;
  in.view.height = 700;
  in.cell_units = 36 * in.view.units_per_px;
  in.first_month = INT_MIN / 2;  // the histogram's span: everything
  in.last_month = INT_MAX / 2;
  {
    RemoteProducts r(std::shared_ptr<PostgisSource>(std::move(*src)), map);
    // Several keys in a row, as frames during a drag would hand them over; only the last counts.
    for (int e = 0; e < kEcosystemCount; ++e) {
      in.filter.ecosystems = 1u << e;
      r.update(in);
    }
    r.wait();
    EXPECT_FALSE(r.pending());
    ASSERT_NE(r.statsFilter(), nullptr);
    EXPECT_TRUE(*r.statsFilter() == in.filter);
    const Stats ref = computeStats(local, in.filter);
    EXPECT_EQ(r.stats().total.count, ref.total.count);
    EXPECT_EQ(r.allTime().total.count, ref.total.count);
    // The bins: the zoom's level (36 px × 250 m = 9 km: 8,192 m spacing), every filtered row with
    // a point in the city (the view covers it) in exactly one of them.
    const double spacing = r.bins().size * std::sqrt(3.0);
    EXPECT_NEAR(spacing, kHexSpacing0 * std::ldexp(1.0, remoteLevelFor(in.cell_units)), 1e-6);
    EXPECT_EQ(remoteLevelFor(in.cell_units), 9);
    int members = 0;
    for (const Bin& b : r.bins().bins.bins) members += b.count();
    EXPECT_EQ(members, r.bins().bins.members);
    EXPECT_GT(members, ref.total.count * 9 / 10);
    EXPECT_LE(members, ref.total.count);
    EXPECT_TRUE(r.hasRows());
    EXPECT_FALSE(r.rows().rows.truncated);  // ≤ 5,000 rows
    EXPECT_LE(static_cast<int>(r.rows().rows.rows.size()), members);  // the extent; bins: whole hexagons
    EXPECT_GT(static_cast<int>(r.rows().rows.rows.size()), members * 9 / 10);
    for (const RemoteRow& row : r.rows().rows.rows) EXPECT_EQ(row.ecosystem, Ecosystem::Other);
    EXPECT_TRUE(r.error().empty()) << r.error();

    // Synchronous (a screenshot): current before update() returns.
    in.filter = Filter{};
    in.allow_async = false;
    r.update(in);
    EXPECT_FALSE(r.pending());
    EXPECT_EQ(r.stats().total.count, static_cast<int64_t>(local.projects.size()));

    // Gone with a query asked for and maybe running: the destructor waits for it, nothing leaks.
    in.allow_async = true;
    in.filter.sectors = 1;
    r.update(in);
  }
}

// Going away in the middle of a long statement (F5 remaking a 10M-row table's summaries, a
// whole-city query) cancels it on the server instead of waiting for it: here a view whose every
// row's ecosystem takes 20 ms once the switch is on (a full scan: half a minute).
TEST(RemoteProducts, GoingAwayCancelsTheStatementInFlight) {
  test::PgServer pg;
  ASSERT_TRUE(pg.ok()) << pg.error();
  ASSERT_TRUE(pg.exec(test::sampleTableSql() +
                      "CREATE TABLE slow_switch (on_ bool); INSERT INTO slow_switch VALUES (false);\n"
                      "CREATE FUNCTION slow_text(v text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$ BEGIN "
                      "IF (SELECT on_ FROM slow_switch) THEN PERFORM pg_sleep(0.02); END IF; RETURN v; END $$;\n"
                      "CREATE VIEW slow_projects AS SELECT id, name_zh, name_en, slow_text(ecosystem) AS ecosystem, chain, sector, "
                      "investment_yi, signed_date, district, park_id, fdi_musd, channel, geom FROM projects;"))
      << pg.execError();
  auto map = std::make_shared<Model>();
  ASSERT_TRUE(test::loadMap(*map));
  RemoteTable t;
  t.conninfo = pg.conninfo();
  t.table = "slow_projects";
  auto src = PostgisSource::open(t, *map);  // quick while the switch is off
  ASSERT_TRUE(src) << src.error();
  ASSERT_TRUE(pg.exec("UPDATE slow_switch SET on_ = true")) << pg.execError();
  RemoteInputs in;
  in.filter.sectors = 1;  // not the rollup's: the rows, every one of them
  const auto t0 = std::chrono::steady_clock::now();
  {
    RemoteProducts r(std::shared_ptr<PostgisSource>(std::move(*src)), map);
    r.update(in);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // the statistics query is running
    r.update(in);  // takes whatever has arrived: nothing yet
    EXPECT_TRUE(r.pending());
    EXPECT_TRUE(r.error().empty()) << r.error();
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(s, 5.0) << "the destructor waited for the statement instead of cancelling it";
}
