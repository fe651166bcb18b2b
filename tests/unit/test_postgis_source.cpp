// The remote source against the in-memory engine: the sample loaded into a throwaway PostGIS,
// then bins, rows and statistics asked of the database equal hexOf() grouping, passes() and
// computeStats() on the same rows, for many filters; odd table, schema and chain names are
// quoted, never executed.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "core/dates.h"
#include "core/hex_pyramid.h"
#include "core/stats.h"
#include "data/postgis_source.h"
#include "pg_server.h"
#include "sample_sql.h"
#include "sample_model.h"

using namespace cm;

namespace {


bool relClose(double a, double b, double rel = 1e-9) { return std::abs(a - b) <= rel * std::max(std::abs(b), 1e-12); }

// Stats from the database against the reference; chains compared by name (the two sides number
// the table's extra chains each their own way).
void expectSameStats(const Stats& r, const Stats& ref, const std::vector<std::string>& r_chains,
                     const std::vector<std::string>& ref_chains, const std::string& what) {
  auto tally = [&](const Tally& a, const Tally& b, const std::string& w) {
    EXPECT_EQ(a.count, b.count) << what << " " << w;
    EXPECT_TRUE(relClose(a.investment_yi, b.investment_yi)) << what << " " << w << ": " << a.investment_yi << " vs " << b.investment_yi;
  };
  tally(r.total, ref.total, "total");
  EXPECT_EQ(r.in_parks, ref.in_parks) << what;
  EXPECT_EQ(r.park_match, ref.park_match) << what;
  EXPECT_TRUE(relClose(r.fdi_musd, ref.fdi_musd)) << what;
  for (int e = 0; e < kEcosystemCount; ++e) tally(r.by_ecosystem[e], ref.by_ecosystem[e], "eco");
  for (size_t k = 0; k < r.by_size.size(); ++k) tally(r.by_size[k], ref.by_size[k], "size " + std::to_string(k));
  for (int c = 0; c < kChannelCount; ++c) tally(r.by_channel[c], ref.by_channel[c], "channel");
  for (int k = 0; k < kSectorCount; ++k) tally(r.by_sector[k], ref.by_sector[k], "sector " + std::to_string(k));
  ASSERT_EQ(r.by_district.size(), ref.by_district.size());
  for (size_t d = 0; d < r.by_district.size(); ++d) tally(r.by_district[d], ref.by_district[d], "district");
  ASSERT_EQ(r.by_park.size(), ref.by_park.size());
  for (size_t k = 0; k < r.by_park.size(); ++k) tally(r.by_park[k], ref.by_park[k], "park");
  std::map<std::string, Tally> a, b;
  for (size_t c = 0; c < r.by_chain.size(); ++c)
    if (r.by_chain[c].count) a[r_chains[c]] = r.by_chain[c];
  for (size_t c = 0; c < ref.by_chain.size(); ++c)
    if (ref.by_chain[c].count) b[ref_chains[c]] = ref.by_chain[c];
  ASSERT_EQ(a.size(), b.size()) << what;
  for (const auto& [name, t] : b) tally(a[name], t, "chain " + name);
  ASSERT_EQ(r.by_month.size(), ref.by_month.size()) << what;
  for (size_t i = 0; i < r.by_month.size(); ++i) {
    EXPECT_EQ(r.by_month[i].first, ref.by_month[i].first) << what;
    tally(r.by_month[i].second, ref.by_month[i].second, "month");
  }
  EXPECT_EQ(r.by_month_ecosystem, ref.by_month_ecosystem) << what;
}

// The reference: the filtered rows grouped by their hexagon of `size` (hexOf), as the pyramid does.
std::map<std::pair<int, int>, Bin> hexBins(const Projects& p, const Filter& f, double size) {
  std::map<std::pair<int, int>, Bin> m;
  std::map<std::pair<int, int>, Vec2> sum;
  for (size_t i = 0; i < p.size(); ++i) {
    if (!passes(p, i, f)) continue;
    const HexCoord h = hexOf({p.x[i], p.y[i]}, size);
    Bin& b = m[{h.q, h.r}];
    b.hex = h;
    b.investment_yi += p.investment_yi[i];
    ++b.by_ecosystem[static_cast<int>(p.ecosystem[i])];
    sum[{h.q, h.r}].x += p.x[i], sum[{h.q, h.r}].y += p.y[i];
  }
  for (auto& [k, b] : m) b.xy = {sum[k].x / b.count(), sum[k].y / b.count()};
  return m;
}

void expectSameBins(const RemoteBins& remote, const Projects& p, const Filter& f, double size, const Extent& view,
                    const std::string& what) {
  std::map<std::pair<int, int>, Bin> r, want;  // the reference's hexagons that meet the view
  for (const Bin& b : remote.bins) r[{b.hex.q, b.hex.r}] = b;
  int members = 0;
  for (const auto& [k, b] : hexBins(p, f, size))
    if (hexIntersectsRect(b.hex, size, view.minx, view.miny, view.maxx, view.maxy)) want[k] = b, members += b.count();
  ASSERT_EQ(r.size(), want.size()) << what;
  EXPECT_EQ(remote.members, members) << what;
  for (const auto& [k, b] : want) {
    auto it = r.find(k);
    ASSERT_NE(it, r.end()) << what << " hexagon " << k.first << "," << k.second;
    EXPECT_EQ(it->second.count(), b.count()) << what;
    EXPECT_TRUE(relClose(it->second.investment_yi, b.investment_yi)) << what;
    EXPECT_NEAR(it->second.xy.x, b.xy.x, 1e-3) << what;  // millimetres (sums in another order, PROJ vs PostGIS)
    EXPECT_NEAR(it->second.xy.y, b.xy.y, 1e-3) << what;
    EXPECT_EQ(it->second.by_ecosystem, b.by_ecosystem) << what;
    EXPECT_EQ(it->second.dominant(), b.dominant()) << what;
  }
}

Filter randomFilter(std::mt19937& rng, const Model& m) {
  auto coin = [&](int in) { return std::uniform_int_distribution<int>(0, in - 1)(rng) == 0; };
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Filter f;
  if (coin(2)) f.ecosystems = static_cast<uint32_t>(pick(1, static_cast<int>(kAllEcosystems)));
  if (coin(3)) f.sectors = static_cast<uint32_t>(pick(0, static_cast<int>(kAllSectors)));
  if (coin(3)) {
    f.chains = IdSet::none();
    for (int c = 0; c < static_cast<int>(m.projects.chain_names.size()); ++c)
      if (coin(3)) f.chains.set(c, true, 1 << 16);
  }
  if (coin(3)) {
    f.districts = IdSet::none();
    for (int d = 0; d < static_cast<int>(m.districts.size()); ++d)
      if (coin(2)) f.districts.set(d, true, 1 << 16);
  }
  f.park = static_cast<ParkMode>(pick(0, 2));
  static const float kMins[] = {0.f, 0.f, 1.f, 10.f, 50.f, 3.3f, 0.5f};
  f.min_investment_yi = kMins[pick(0, 6)];
  if (coin(2)) {
    f.month_from = monthIndex(2023, pick(1, 12));
    f.month_to = f.month_from + pick(0, 18);
  }
  return f;
}

// The throwaway server with the sample CSV as table `projects`, points in `srid`.
void sampleTable(test::PgServer& pg, int srid) {
  ASSERT_TRUE(pg.ok()) << "the throwaway PostGIS server did not start: " << pg.error();
  ASSERT_TRUE(pg.exec(test::sampleTableSql("projects", srid))) << pg.execError();
}

// The rows' `column` set to each SQL value given (NULL, '', 'mining' …) for its list of quoted ids.
void setColumn(test::PgServer& pg, const std::string& column, const std::vector<std::pair<std::string, std::string>>& value_ids) {
  std::string sql;
  for (const auto& [value, ids] : value_ids)
    if (!ids.empty()) sql += "UPDATE projects SET " + column + " = " + value + " WHERE id IN (" + ids + ");\n";
  ASSERT_TRUE(pg.exec(sql)) << pg.execError();
}

class Remote : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model_ = new Model;
    ok_ = test::loadModel(*model_, defaultProjectsFile());
  }
  static void TearDownTestSuite() { delete model_; }
  void SetUp() override { ASSERT_TRUE(ok_); }
  static const Model& m() { return *model_; }
  static Extent dataExtent() {
    Extent e;
    for (size_t i = 0; i < m().projects.size(); ++i) e.add({m().projects.x[i], m().projects.y[i]});
    return e;
  }
  static inline Model* model_ = nullptr;
  static inline bool ok_ = false;
};

}  // namespace

TEST_F(Remote, BinsRowsAndStatsEqualTheInMemoryEngine) {
  test::PgServer pg;
  ASSERT_NO_FATAL_FAILURE(sampleTable(pg, 4549));
  auto src = PostgisSource::open({pg.conninfo(), "projects"}, m());
  ASSERT_TRUE(src) << src.error();
  const PostgisSource& s = **src;

  const Extent all = dataExtent();
  const Extent centre{all.minx + 0.3 * (all.maxx - all.minx), all.miny + 0.35 * (all.maxy - all.miny),
                      all.minx + 0.55 * (all.maxx - all.minx), all.miny + 0.6 * (all.maxy - all.miny)};
  std::mt19937 rng(7);
  for (int i = 0; i < 24; ++i) {
    const Filter f = i == 0 ? Filter{} : randomFilter(rng, m());
    const std::string what = "filter #" + std::to_string(i);
    auto st = s.stats(f);
    ASSERT_TRUE(st) << st.error();
    expectSameStats(*st, computeStats(m(), f), s.chainNames(), m().projects.chain_names, what);
    for (const double size : {20000.0, 1847.5}) {
      auto b = s.bins(f, all, size);
      ASSERT_TRUE(b) << b.error();
      expectSameBins(*b, m().projects, f, size, all, what + " whole extent");
      auto c = s.bins(f, centre, size);
      ASSERT_TRUE(c) << c.error();
      expectSameBins(*c, m().projects, f, size, centre, what + " centre");
    }
    // Rows in the centre: all of them under a large cap, a truncated set under a small one.
    size_t want = 0;
    for (size_t k = 0; k < m().projects.size(); ++k) {
      const Projects& p = m().projects;
      want += passes(p, k, f) && p.x[k] >= centre.minx && p.x[k] <= centre.maxx && p.y[k] >= centre.miny && p.y[k] <= centre.maxy;
    }
    auto rows = s.rows(f, centre, 100000);
    ASSERT_TRUE(rows) << rows.error();
    EXPECT_EQ(rows->rows.size(), want) << what;
    EXPECT_FALSE(rows->truncated);
    if (want > 5) {
      auto few = s.rows(f, centre, 5);
      ASSERT_TRUE(few) << few.error();
      EXPECT_EQ(few->rows.size(), 5u);
      EXPECT_TRUE(few->truncated);
    }
    if (HasFailure()) return;
  }
}

TEST_F(Remote, OddNamesAreQuotedAndAnotherSridIsTransformed) {
  test::PgServer pg;
  ASSERT_TRUE(pg.ok()) << "the throwaway PostGIS server did not start: " << pg.error();
  // A schema and a table whose names would break (or abuse) unquoted SQL, points in lon/lat,
  // and a chain whose name is an injection attempt.
  const std::string schema = "plan \"office\"", table = "projects'); DROP TABLE keep; --";
  const std::string sql_name = "\"plan \"\"office\"\"\".\"projects'); DROP TABLE keep; --\"";
  ASSERT_TRUE(pg.exec("CREATE TABLE keep (x int); CREATE SCHEMA \"plan \"\"office\"\"\";\n" + test::sampleTableSql(sql_name, 4326) +
                      "UPDATE " + sql_name + " SET chain = 'x''); DROP TABLE keep; --' WHERE id IN "
                      "(SELECT id FROM " + sql_name + " ORDER BY id LIMIT 3);"))
      << pg.execError();
  RemoteTable t{pg.conninfo(), table, schema};
  auto src = PostgisSource::open(t, m());
  ASSERT_TRUE(src) << src.error();
  const auto& names = (*src)->chainNames();
  const auto odd = std::find(names.begin(), names.end(), "x'); DROP TABLE keep; --");
  ASSERT_NE(odd, names.end());
  Filter f;
  f.chains = IdSet::only(static_cast<int>(odd - names.begin()));
  auto st = (*src)->stats(f);
  ASSERT_TRUE(st) << st.error();
  EXPECT_EQ(st->total.count, 3);
  auto all = (*src)->stats(Filter{});
  ASSERT_TRUE(all) << all.error();
  EXPECT_EQ(all->total.count, static_cast<int64_t>(m().projects.size()));
  // The points are in EPSG:4326; the bins come back in the display CRS, as in memory.
  const Extent e = dataExtent();
  auto b = (*src)->bins(Filter{}, e, 20000.0);
  ASSERT_TRUE(b) << b.error();
  EXPECT_EQ(b->members, static_cast<int>(m().projects.size()));
  expectSameBins(*b, m().projects, Filter{}, 20000.0, e, "EPSG:4326 column");
  std::string out;
  ASSERT_TRUE(pg.exec("SELECT count(*) FROM keep", &out)) << "the table the names tried to drop is gone: " << pg.execError();
  // A table that is not there: the message names it.
  auto missing = PostgisSource::open({pg.conninfo(), "no_such_table"}, m());
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("no_such_table"), std::string::npos) << missing.error();
}

namespace {

nlohmann::json runStats(const std::string& args) {
  const std::string out = ::testing::TempDir() + "chainmap_remote_stats_" + std::to_string(getpid()) + ".json";
  const std::string cmd = std::string(CHAINMAP_BIN_DIR) + "/chainmap --data " CHAINMAP_TEST_DATA " --stats " + args + " >" +
                          out + " 2>" + out + ".err";
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(rc), 0) << cmd;
  std::ifstream in(out);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  std::remove(out.c_str());
  std::remove((out + ".err").c_str());
  if (j.is_object()) j.erase("synthetic"), j.erase("data");  // the database does not say where its rows came from
  return j;
}

}  // namespace

TEST_F(Remote, TheCommandLineAsksTheDatabaseForTheStatistics) {
  test::PgServer pg;
  ASSERT_TRUE(pg.ok()) << "the throwaway PostGIS server did not start: " << pg.error();
  ASSERT_TRUE(pg.exec("CREATE SCHEMA office;\n" + test::sampleTableSql("office.projects", 4549))) << pg.execError();
  const std::string pgsrc = "--projects \"" + pg.gdal() + "\" --layer office.projects --remote ";
  for (const std::string filter : {"", "--time 2024-01..2024-07 --sector manufacturing --min-investment 1",
                                   "--park in --chain water_beverages,integrated_circuits", "--district 330127 --min-investment 3"}) {
    const nlohmann::json local = runStats("--projects " + defaultProjectsFile() + " " + filter);
    const nlohmann::json remote = runStats(pgsrc + filter);
    ASSERT_TRUE(local.is_object() && remote.is_object()) << filter;
    EXPECT_GT(local["count"].get<int>(), 0) << filter;
    EXPECT_EQ(remote, local) << filter;
  }
  // --summaries makes the rollup and the bin pyramid beside the table first: the same answers.
  const std::string window = "--time 2024-01..2024-07 --ecosystem iot,bio";
  EXPECT_EQ(runStats(pgsrc + "--summaries " + window), runStats("--projects " + defaultProjectsFile() + " " + window));
  std::string made;
  ASSERT_TRUE(pg.exec("SELECT (SELECT count(*) FROM office.projects_chainmap_bins) > 0, (SELECT count(*) FROM office.projects_chainmap_cube) > 0",
                      &made)) << pg.execError();
  EXPECT_EQ(made, "t|t");
  // A bad combination and a table that is not there: clear messages, no crash.
  const std::string err = ::testing::TempDir() + "chainmap_remote_err_" + std::to_string(getpid()) + ".txt";
  const std::string base = std::string(CHAINMAP_BIN_DIR) + "/chainmap --data " CHAINMAP_TEST_DATA " ";
  EXPECT_EQ(WEXITSTATUS(std::system((base + "--remote --stats 2>" + err).c_str())), 2);
  EXPECT_EQ(WEXITSTATUS(std::system((base + "--projects \"" + pg.gdal() + "\" --layer nothing_here --remote --stats >/dev/null 2>" + err).c_str())), 1);
  std::ifstream in(err);
  const std::string msg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(msg.find("nothing_here"), std::string::npos) << msg;
  std::remove(err.c_str());
}

TEST_F(Remote, TheStatisticsRollupGivesTheSameNumbersUntilTheTableChanges) {
  test::PgServer pg;
  ASSERT_NO_FATAL_FAILURE(sampleTable(pg, 4549));
  auto src = PostgisSource::open({pg.conninfo(), "projects"}, m());
  ASSERT_TRUE(src) << src.error();
  PostgisSource& s = **src;
  EXPECT_FALSE(s.hasRollup());
  ASSERT_TRUE(s.createRollup()) << s.createRollup().error();
  ASSERT_TRUE(s.hasRollup());
  std::string cells;
  ASSERT_TRUE(pg.exec("SELECT count(*) FROM projects_chainmap_cube", &cells)) << pg.execError();
  EXPECT_LT(std::stoi(cells), static_cast<int>(m().projects.size()));  // rows share cells
  std::mt19937 rng(11);
  int rolled = 0;
  for (int i = 0; i < 30; ++i) {
    const Filter f = randomFilter(rng, m());
    rolled += s.usesRollup(f);
    auto st = s.stats(f);
    ASSERT_TRUE(st) << st.error();
    expectSameStats(*st, computeStats(m(), f), s.chainNames(), m().projects.chain_names, "rollup filter #" + std::to_string(i));
    if (HasFailure()) return;
  }
  EXPECT_GT(rolled, 10);
  EXPECT_LT(rolled, 30);  // thresholds inside a class ask the rows
  // A snapshot stamped with the table: once a row is added it is older than the table, and not
  // used (the answers come from the rows) until it is made again.
  const long long w0 = pg.writes();
  ASSERT_TRUE(pg.exec("INSERT INTO projects SELECT * FROM projects WHERE id = (SELECT min(id) FROM projects)")) << pg.execError();
  ASSERT_TRUE(pg.awaitWrites(w0)) << "the insert never reached the statistics";
  auto again = PostgisSource::open({pg.conninfo(), "projects"}, m());
  ASSERT_TRUE(again) << again.error();
  EXPECT_FALSE((*again)->hasRollup());
  EXPECT_TRUE((*again)->summaries().stale);
  const auto n = static_cast<int64_t>(m().projects.size());
  EXPECT_EQ((*again)->stats(Filter{})->total.count, n + 1);
  auto made = (*again)->prepareSummaries(false);  // what is there, made again; nothing new
  ASSERT_TRUE(made) << made.error();
  EXPECT_TRUE(made->rollup);
  EXPECT_FALSE(made->pyramid) << "prepareSummaries(false) makes no summary that was not there";
  EXPECT_FALSE(made->stale);
  EXPECT_TRUE((*again)->usesRollup(Filter{}));
  EXPECT_EQ((*again)->stats(Filter{})->total.count, n + 1);
  EXPECT_FALSE((*again)->tableChanged());
  const long long w1 = pg.writes();
  ASSERT_TRUE(pg.exec("DELETE FROM projects WHERE id = (SELECT min(id) FROM projects)")) << pg.execError();
  ASSERT_TRUE(pg.awaitWrites(w1));
  EXPECT_TRUE((*again)->tableChanged());
}

namespace {
double levelSize(int k) { return kHexSpacing0 * std::ldexp(1.0, k) / std::sqrt(3.0); }  // as the window asks
}  // namespace

TEST_F(Remote, TheBinPyramidGivesTheTablesBinsForThePresentersFilters) {
  test::PgServer pg;
  ASSERT_TRUE(pg.ok()) << "the throwaway PostGIS server did not start: " << pg.error();
  ASSERT_TRUE(pg.exec(test::sampleTableSql("projects", 4326))) << pg.execError();  // transformed, as most tables are
  auto src = PostgisSource::open({pg.conninfo(), "projects"}, m());
  ASSERT_TRUE(src) << src.error();
  PostgisSource& s = **src;
  EXPECT_FALSE(s.hasPyramid());
  // Made in batches of 1,000 cells (a 10M-row table's are 400,000): the database adds them up.
  ASSERT_TRUE(s.createPyramid(2, 1000)) << s.createPyramid(2, 1000).error();
  ASSERT_TRUE(s.hasPyramid());
  std::string cells;
  ASSERT_TRUE(pg.exec("SELECT count(*) FROM projects_chainmap_bins WHERE lvl = 14", &cells)) << pg.execError();
  EXPECT_LT(std::stoi(cells), static_cast<int>(m().projects.size()) / 3) << "the coarsest level: a hexagon or two × months × ecosystems";
  auto again = PostgisSource::open({pg.conninfo(), "projects"}, m());  // found by a new source, fresh
  ASSERT_TRUE(again);
  EXPECT_TRUE((*again)->hasPyramid());
  EXPECT_FALSE((*again)->summaries().stale);

  const Extent all = dataExtent();
  const Extent centre{all.minx + 0.3 * (all.maxx - all.minx), all.miny + 0.35 * (all.maxy - all.miny),
                      all.minx + 0.55 * (all.maxx - all.minx), all.miny + 0.6 * (all.maxy - all.miny)};
  std::mt19937 rng(5);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int i = 0; i < 12; ++i) {
    Filter f;  // the presenter's filters: ecosystems and the time window (undated rows as the rule says)
    if (i % 2) f.ecosystems = static_cast<uint32_t>(pick(1, static_cast<int>(kAllEcosystems)));
    if (i % 3) f.month_from = monthIndex(2023, pick(1, 12)), f.month_to = f.month_from + pick(0, 18), f.undated = i % 4 == 0;
    const std::string what = "pyramid filter #" + std::to_string(i);
    for (const int k : {2, 5, 9, 14}) {
      ASSERT_TRUE(s.usesPyramid(f, levelSize(k))) << what;
      for (const Extent& e : {all, centre}) {
        auto b = s.bins(f, e, levelSize(k));
        ASSERT_TRUE(b) << b.error();
        expectSameBins(*b, m().projects, f, levelSize(k), e, what + " level " + std::to_string(k));
      }
    }
    if (HasFailure()) return;
  }
  // What it cannot answer goes to the rows: a level below it, a district, a minimum investment.
  EXPECT_FALSE(s.usesPyramid(Filter{}, levelSize(1)));
  EXPECT_FALSE(s.usesPyramid(Filter{}, 1847.5));
  Filter d;
  d.districts = IdSet::only(0);
  EXPECT_FALSE(s.usesPyramid(d, levelSize(9)));
  Filter v;
  v.min_investment_yi = 10;
  EXPECT_FALSE(s.usesPyramid(v, levelSize(9)));
  auto b = s.bins(v, all, levelSize(9));
  ASSERT_TRUE(b) << b.error();
  expectSameBins(*b, m().projects, v, levelSize(9), all, "min investment, from the rows");

  // The table changes: the pyramid is not used until made again, then has the new row.
  const long long w0 = pg.writes();
  ASSERT_TRUE(pg.exec("INSERT INTO projects SELECT * FROM projects WHERE id = (SELECT min(id) FROM projects)")) << pg.execError();
  ASSERT_TRUE(pg.awaitWrites(w0)) << "the insert never reached the statistics";
  auto changed = PostgisSource::open({pg.conninfo(), "projects"}, m());
  ASSERT_TRUE(changed);
  EXPECT_FALSE((*changed)->hasPyramid());
  EXPECT_TRUE((*changed)->summaries().stale);
  const int n = static_cast<int>(m().projects.size());
  EXPECT_EQ((*changed)->bins(Filter{}, all, levelSize(14))->members, n + 1) << "from the rows";
  auto made = (*changed)->prepareSummaries(false);
  ASSERT_TRUE(made) << made.error();
  EXPECT_TRUE(made->pyramid);
  EXPECT_FALSE(made->rollup) << "no rollup was there";
  ASSERT_TRUE((*changed)->usesPyramid(Filter{}, levelSize(14)));
  EXPECT_EQ((*changed)->bins(Filter{}, all, levelSize(14))->members, n + 1) << "from the pyramid made again";
}

TEST_F(Remote, UndatedRowsFollowTheTimeWindowsRuleInEveryAnswer) {
  // Rows with no signing date (NULL or empty): in a window that covers the timeline, or when asked
  // (Filter::undated), as passesTime() says — in the rows, the rollup and the pyramid alike.
  test::PgServer pg;
  ASSERT_NO_FATAL_FAILURE(sampleTable(pg, 4549));
  Model mm = m();
  Projects& p = mm.projects;
  std::string nulls, empties;
  for (size_t i = 3, k = 0; i < p.size(); i += 11, ++k) {
    p.signed_day[i] = Projects::kNoDay;
    std::string& l = k % 2 ? empties : nulls;
    l += (l.empty() ? "'" : ",'") + p.id[i].str() + "'";
  }
  ASSERT_NO_FATAL_FAILURE(setColumn(pg, "signed_date", {{"NULL", nulls}, {"''", empties}}));
  auto src = PostgisSource::open({pg.conninfo(), "projects"}, mm);
  ASSERT_TRUE(src) << src.error();
  PostgisSource& s = **src;
  const Extent all = dataExtent();
  auto check = [&](const std::string& what) {
    for (int i = 0; i < 4; ++i) {
      Filter f;
      if (i >= 1) f.month_from = monthIndex(2023, 3), f.month_to = monthIndex(2024, 2);
      f.undated = i != 2;
      if (i == 3) f.ecosystems = 1u << static_cast<int>(Ecosystem::Bio);
      const std::string w = what + " case " + std::to_string(i);
      auto st = s.stats(f);
      ASSERT_TRUE(st) << st.error();
      const Stats ref = computeStats(mm, f);
      expectSameStats(*st, ref, s.chainNames(), p.chain_names, w);
      EXPECT_EQ(st->undated.count, ref.undated.count) << w;
      EXPECT_EQ(st->undated_ecosystem, ref.undated_ecosystem) << w;
      auto b = s.bins(f, all, levelSize(12));
      ASSERT_TRUE(b) << b.error();
      expectSameBins(*b, p, f, levelSize(12), all, w + " bins");
    }
  };
  check("rows");
  ASSERT_GT(computeStats(mm, Filter{}).undated.count, 50);
  auto made = s.prepareSummaries(true);
  ASSERT_TRUE(made) << made.error();
  ASSERT_TRUE(made->rollup && made->pyramid);
  check("summaries");
}

TEST_F(Remote, ACardIsTheRowAskedByItsIdWhereItIsDrawn) {
  test::PgServer pg;
  ASSERT_NO_FATAL_FAILURE(sampleTable(pg, 4326));
  auto src = PostgisSource::open({pg.conninfo(), "projects"}, m());
  ASSERT_TRUE(src) << src.error();
  const Projects& p = m().projects;
  int checked = 0, in_park = 0;
  for (size_t i = 0; i < p.size(); i += 97) {
    auto c = (*src)->card(p.id[i].str(), {p.x[i], p.y[i]});
    ASSERT_TRUE(c) << c.error();
    const std::string what = "row " + p.id[i].str();
    ASSERT_TRUE(c->found) << what;
    EXPECT_EQ(c->id, p.id[i].str()) << what;
    EXPECT_EQ(c->name_zh, p.name_zh[i].str()) << what;
    EXPECT_EQ(c->name_en, p.name_en[i].str()) << what;
    EXPECT_EQ(c->ecosystem, p.ecosystem[i]) << what;
    EXPECT_EQ(c->chain, p.chain_names[p.chain[i]]) << what;
    EXPECT_NEAR(c->investment_yi, p.investment_yi[i], 1e-4 * std::max(1.0, double(p.investment_yi[i]))) << what;
    EXPECT_EQ(c->signed_date, formatDate(p.signed_day[i])) << what;
    EXPECT_EQ(c->district_index, p.district_index[i]) << what;
    EXPECT_EQ(c->park_index, p.park_index[i]) << what;
    EXPECT_EQ(c->in_park, p.in_park[i] != 0) << what;
    EXPECT_NEAR(c->xy.x, p.x[i], 1e-3) << what;
    EXPECT_NEAR(c->xy.y, p.y[i], 1e-3) << what;
    ++checked, in_park += c->in_park;
  }
  EXPECT_GT(checked, 10);
  EXPECT_GT(in_park, 0);
  // Another id, or the right id somewhere else: not found (no error).
  auto none = (*src)->card("no-such-id", {p.x[0], p.y[0]});
  ASSERT_TRUE(none) << none.error();
  EXPECT_FALSE(none->found);
  auto elsewhere = (*src)->card(p.id[0].str(), {p.x[0] + 5000, p.y[0]});
  ASSERT_TRUE(elsewhere);
  EXPECT_FALSE(elsewhere->found);
  auto odd = (*src)->card("x'); DROP TABLE projects; --", {p.x[0], p.y[0]});
  ASSERT_TRUE(odd) << odd.error();
  EXPECT_FALSE(odd->found);
}

TEST_F(Remote, ASectorThatIsNullEmptyOrAnotherValueIsNotStatedAsInMemory) {
  // Rows whose sector is NULL, '' or neither value: Sector::Unknown, as the loaders read them —
  // filtered by its own bit, counted in by_sector, in the rollup too. Never manufacturing.
  test::PgServer pg;
  ASSERT_NO_FATAL_FAILURE(sampleTable(pg, 4549));
  Model mm = m();
  Projects& p = mm.projects;
  std::string lists[3];  // NULL, '', 'mining'
  for (size_t i = 0, k = 0; i < p.size(); i += 9, ++k) {
    p.sector[i] = Sector::Unknown;
    std::string& l = lists[k % 3];
    l += (l.empty() ? "'" : ",'") + p.id[i].str() + "'";  // the sample's ids: letters, digits, '-'
  }
  ASSERT_NO_FATAL_FAILURE(setColumn(pg, "sector", {{"NULL", lists[0]}, {"''", lists[1]}, {"'mining'", lists[2]}}));
  auto src = PostgisSource::open({pg.conninfo(), "projects"}, mm);
  ASSERT_TRUE(src) << src.error();
  PostgisSource& s = **src;
  const Extent all = dataExtent();
  auto check = [&](const std::string& what) {
    for (uint32_t bits = 0; bits <= kAllSectors; ++bits) {
      Filter f;
      f.sectors = bits;
      auto st = s.stats(f);
      ASSERT_TRUE(st) << st.error();
      expectSameStats(*st, computeStats(mm, f), s.chainNames(), p.chain_names, what + " sectors=" + std::to_string(bits));
      auto b = s.bins(f, all, 20000.0);
      ASSERT_TRUE(b) << b.error();
      expectSameBins(*b, p, f, 20000.0, all, what + " bins sectors=" + std::to_string(bits));
    }
    auto st = s.stats(Filter{});
    ASSERT_TRUE(st);
    EXPECT_EQ(st->by_sector[static_cast<int>(Sector::Unknown)].count, static_cast<int64_t>((p.size() + 8) / 9)) << what;
  };
  check("rows");
  if (HasFailure()) return;
  // A rollup of the layout before Sector::Unknown (the sector as 1 or 2, no COMMENT): not read,
  // and replaced by createRollup().
  ASSERT_TRUE(pg.exec("CREATE MATERIALIZED VIEW projects_chainmap_cube AS SELECT 1 AS s")) << pg.execError();
  auto old = PostgisSource::open({pg.conninfo(), "projects"}, mm);
  ASSERT_TRUE(old) << old.error();
  EXPECT_FALSE((*old)->hasRollup()) << "a rollup of an older layout is not read";
  ASSERT_TRUE((*old)->createRollup()) << (*old)->createRollup().error();
  auto fresh = PostgisSource::open({pg.conninfo(), "projects"}, mm);
  ASSERT_TRUE(fresh) << fresh.error();
  EXPECT_TRUE((*fresh)->hasRollup());
  const PostgisSource& r = **fresh;
  for (uint32_t bits = 0; bits <= kAllSectors; ++bits) {
    Filter f;
    f.sectors = bits;
    ASSERT_TRUE(r.usesRollup(f));
    auto st = r.stats(f);
    ASSERT_TRUE(st) << st.error();
    expectSameStats(*st, computeStats(mm, f), r.chainNames(), p.chain_names, "rollup sectors=" + std::to_string(bits));
  }
}
