// Remote mode in the window (--remote): the sample loaded into a throwaway PostGIS, the App started
// with the base map alone and the source (as main.cpp starts it). The totals equal the in-memory
// statistics of the same CSV, the map shows bubbles drawn from the database's bins (pixels in the
// dominant ecosystem's colour where the largest bin is), and a filter change brings new totals.
// Headless frames ask the database synchronously, so each capture shows the current answers.
#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdlib>

#include "ui/features/features.h"
#include "core/stats.h"
#include "core/targets.h"
#include "platform/data_paths.h"
#include "data/model_loader.h"
#include "data/postgis_source.h"
#include "data/remote_products.h"
#include "pg_server.h"
#include "sample_sql.h"
#include "started_app.h"

using namespace cm;

namespace {

// Pixels within `r` of (cx, cy) whose colour is within `tol` of rgb in every channel.
int near(const Image& img, int cx, int cy, int r, uint32_t rgb, int tol = 40) {
  int n = 0;
  for (int y = std::max(0, cy - r); y <= std::min(img.h - 1, cy + r); ++y)
    for (int x = std::max(0, cx - r); x <= std::min(img.w - 1, cx + r); ++x) {
      const unsigned char* p = &img.rgba[(size_t(y) * img.w + x) * 4];
      if (std::abs(p[0] - int(rgb >> 16)) <= tol && std::abs(p[1] - int((rgb >> 8) & 255)) <= tol && std::abs(p[2] - int(rgb & 255)) <= tol) ++n;
    }
  return n;
}

// The App as main.cpp starts it with --remote: the base map alone, then the source (its summaries
// made first when `summaries`), the home view at w×h.
void startRemote(App& app, test::PgServer& pg, int w, int h, bool summaries) {
  ASSERT_TRUE(pg.ok()) << pg.error();  // fail, not skip: CI installs the packages
  ASSERT_TRUE(pg.exec(test::sampleTableSql())) << pg.execError();
  LoadOptions base{CHAINMAP_TEST_DATA, "", "", "", ""};
  base.map_only = true;
  StartupLoader load(base, true);
  auto window = app.openHeadless(w, h);
  load.join();
  ASSERT_TRUE(window) << window.error();
  ASSERT_FALSE(load.report.fatal());
  ASSERT_TRUE(*load.fonts);
  ASSERT_EQ(load.model->projects.size(), 0u) << "remote mode keeps the rows out of the model";
  RemoteTable t;
  t.conninfo = pg.gdal();
  t.table = "projects";
  auto src = PostgisSource::open(t, *load.model);
  ASSERT_TRUE(src) << src.error();
  if (summaries) ASSERT_TRUE((*src)->prepareSummaries(true)) << "the rollup and the pyramid beside the table";
  load.model->projects.chain_names = (*src)->chainNames();
  AppState st = defaultState(*load.model);
  st.view.width = w;
  st.view.height = h;
  fitHome(st);
  ASSERT_TRUE(app.start(load.model, st, load.fonts->take()));
  ASSERT_TRUE(app.setRemote(std::shared_ptr<PostgisSource>(std::move(*src))));
  EXPECT_TRUE(app.remote());
}

// The reference: the same CSV in memory (loaded GL-free: a second App would take over ImGui's context).
Model localSample() {
  LoadReport report;
  Model m = loadModel({CHAINMAP_TEST_DATA, "", "", "", ""}, report);
  EXPECT_FALSE(report.fatal());
  EXPECT_GT(m.projects.size(), 1000u);
  return m;
}

}  // namespace

TEST(RemoteApp, TotalsBubblesAndFilterFromPostgis) {
  test::PgServer pg;
  const int w = 1280, h = 720;
  App app;
  ASSERT_NO_FATAL_FAILURE(startRemote(app, pg, w, h, false));
  const Model local = localSample();  // over the timeline the remote mode found
  const Filter all = app.state().filter;
  EXPECT_EQ(all.month_from, defaultState(local).filter.month_from);
  EXPECT_EQ(all.month_to, defaultState(local).filter.month_to);
  const Stats ref = computeStats(local, all);

  auto img = app.capture();
  ASSERT_TRUE(img) << img.error();
  EXPECT_EQ(app.model().projects.size(), 0u);
  EXPECT_EQ(app.derived().stats().total.count, ref.total.count);
  EXPECT_NEAR(app.derived().stats().total.investment_yi, ref.total.investment_yi, 1e-6 * ref.total.investment_yi);
  for (int e = 0; e < kEcosystemCount; ++e) EXPECT_EQ(app.derived().stats().by_ecosystem[e].count, ref.by_ecosystem[e].count);

  // Bubbles: the database's bins at the zoom's level, the largest drawn in its dominant colour.
  const auto* r = dynamic_cast<const RemoteProducts*>(app.derived().remote());
  ASSERT_NE(r, nullptr);
  const auto& bins = r->bins().bins.bins;
  ASSERT_FALSE(bins.empty());
  EXPECT_GT(r->bins().bins.members, 1000) << "the home view holds most of the sample";
  const Bin& big = *std::max_element(bins.begin(), bins.end(), [](const Bin& a, const Bin& b) { return a.count() < b.count(); });
  EXPECT_GT(big.count(), 5);
  const Vec2 at = app.state().view.toScreen(big.xy);
  const uint32_t rgb = kEcosystems[static_cast<int>(big.dominant())].rgb;
  const int coloured = near(*img, int(at.x), int(at.y), 14, rgb);
  EXPECT_GT(coloured, 40) << "no bubble in " << std::hex << rgb << " at " << at.x << "," << at.y;
  if (const char* out = std::getenv("CHAINMAP_REMOTE_PNG")) (void)writePng(out, *img);

  // With the projects switched off the same place shows no such colour: the pixels were the bubble.
  app.state().layers.set("projects", false);
  auto off = app.capture();
  ASSERT_TRUE(off);
  EXPECT_LT(near(*off, int(at.x), int(at.y), 14, rgb), coloured / 4);
  app.state().layers.set("projects", true);

  // A filter change: one ecosystem, manufacturing only; the totals follow.
  Filter f = all;
  f.ecosystems = 1u << static_cast<int>(Ecosystem::Iot);
  f.sectors = 1;
  app.state().filter = f;
  ASSERT_TRUE(app.capture());
  const Stats ref_f = computeStats(local, f);
  ASSERT_LT(ref_f.total.count, ref.total.count);
  EXPECT_EQ(app.derived().stats().total.count, ref_f.total.count);
  EXPECT_EQ(app.derived().stats().by_ecosystem[static_cast<int>(Ecosystem::Bio)].count, 0);
  EXPECT_EQ(r->bins().bins.members <= ref_f.total.count, true);

  // The panels that need rows say so instead of listing nothing (or crashing).
  app.state().features.get<TableSettings>(ids::kTable).open = true;
  EXPECT_TRUE(app.capture());
}

// Targets, a row's card and F5 in remote mode: the annual-target progress is asked of the database
// (the same figures as the CSV in memory), a click on a row drawn from the database pins its card
// with the row's details, and F5 after the table changed brings the new totals — its summaries
// made again, not read stale.
TEST(RemoteApp, TargetsCardsAndF5) {
  test::PgServer pg;
  const int w = 1280, h = 720;
  App app;
  ASSERT_NO_FATAL_FAILURE(startRemote(app, pg, w, h, true));
  const Model local = localSample();

  // Targets: as --stats counts them on the CSV.
  ASSERT_TRUE(app.capture());
  const auto targets = loadTargets(assetDir() + "/targets.json");
  ASSERT_TRUE(targets) << targets.error();
  const TargetProgress* tp = app.derived().targets();
  ASSERT_NE(tp, nullptr) << "remote mode shows the annual targets";
  const TargetProgress want = targetProgress(local, *targets, app.state().filter.month_to);
  EXPECT_EQ(tp->year, want.year);
  EXPECT_EQ(tp->through_month, want.through_month);
  EXPECT_EQ(tp->n1, want.n1);
  EXPECT_EQ(tp->n10, want.n10);
  EXPECT_GT(want.n1, 0);

  // Zoomed in on a row until the database's rows are drawn, then a click on one pins its card.
  const Projects& p = local.projects;
  size_t k = 0;
  while (k < p.size() && !p.in_park[k]) ++k;
  ASSERT_LT(k, p.size());
  app.state().view.center = {p.x[k], p.y[k]};
  app.state().view.units_per_px = 3;
  ASSERT_TRUE(app.capture());
  const auto* r = dynamic_cast<const RemoteProducts*>(app.derived().remote());
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(r->hasRows());
  const auto& rows = r->rows().rows.rows;
  const auto row = std::find_if(rows.begin(), rows.end(), [&](const RemoteRow& x) { return x.id == p.id[k].str(); });
  ASSERT_NE(row, rows.end()) << "the row under the view centre";
  const Vec2 at = app.state().view.toScreen(row->xy);
  for (int buttons : {1, 0}) {
    app.feed({float(at.x), float(at.y), buttons});
    app.advance(0.05);
  }
  const RemoteSelection& sel = app.state().features.get<RemoteSelection>(ids::kRemote);
  ASSERT_EQ(sel.id, p.id[k].str()) << "the click pinned the row's card";
  auto img = app.capture();
  ASSERT_TRUE(img);
  ASSERT_NE(r->card(), nullptr);
  const RemoteCard& c = r->card()->card;
  ASSERT_TRUE(c.found);
  EXPECT_EQ(c.name_zh, p.name_zh[k].str());
  EXPECT_EQ(c.park_index, p.park_index[k]);
  EXPECT_TRUE(c.in_park);
  EXPECT_EQ(c.district_index, p.district_index[k]);
  if (const char* out = std::getenv("CHAINMAP_REMOTE_CARD_PNG")) (void)writePng(out, *img);
  // Escape closes it; the card was drawn beside the row: right of it the two frames differ.
  app.feed({float(at.x), float(at.y), 0, 0, GLFW_KEY_ESCAPE});
  app.advance(0.05);
  EXPECT_TRUE(app.state().features.get<RemoteSelection>(ids::kRemote).id.empty());
  auto closed = app.capture();
  ASSERT_TRUE(closed);
  int changed = 0;
  for (int y = std::max(0, int(at.y) - 20); y < std::min(h, int(at.y) + 60); ++y)
    for (int x = std::max(0, int(at.x) + 30); x < std::min(w, int(at.x) + 200); ++x) {
      const size_t o = (size_t(y) * img->w + x) * 4;
      changed += std::abs(img->rgba[o] - closed->rgba[o]) + std::abs(img->rgba[o + 1] - closed->rgba[o + 1]) +
                     std::abs(img->rgba[o + 2] - closed->rgba[o + 2]) > 24;
    }
  EXPECT_GT(changed, 2000) << "no card beside the row (" << changed << " pixels changed)";

  // F5 after the table changed: ten more rows, counted (the summaries made again, not read stale).
  const int64_t before = app.derived().stats().total.count;
  ASSERT_EQ(before, static_cast<int64_t>(p.size()));
  const long long w0 = pg.writes();
  ASSERT_TRUE(pg.exec("INSERT INTO projects SELECT 'N' || id, name_zh, name_en, ecosystem, chain, sector, investment_yi, "
                      "signed_date, started_date, producing_date, stage, district, park_id, lon, lat, \"foreign\", fdi_musd, "
                      "chain_leader, leader_id, channel, synthetic, chain_role, geom FROM projects ORDER BY id LIMIT 10"))
      << pg.execError();
  ASSERT_TRUE(pg.awaitWrites(w0)) << "the insert never reached the statistics";
  ASSERT_TRUE(app.capture());
  EXPECT_EQ(app.derived().stats().total.count, before) << "the answers shown stay until F5";
  app.feed({-1, -1, 0, 0, GLFW_KEY_F5});
  app.advance(0.05);
  ASSERT_TRUE(app.capture());
  EXPECT_EQ(app.derived().stats().total.count, before + 10);
  EXPECT_FALSE(r->summaries().stale);
  EXPECT_TRUE(r->summaries().rollup && r->summaries().pyramid) << "made again by F5";
  EXPECT_TRUE(r->error().empty()) << r->error();
}
