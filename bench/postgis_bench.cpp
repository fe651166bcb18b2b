// chainmap-bench --postgis-rows N: what a view costs when the registry stays in PostGIS. A
// throwaway server (tests/pg/pg_throwaway.sh) gets an N-row table made in SQL (generate_series:
// points clustered round the real parks, the canonical columns, a GiST index on the point in the
// display CRS); then PostgisSource is timed as the viewer would use it: bins at the city, district,
// neighbourhood zooms, rows at street level under a cap, and the statistics panel — each under a
// few filters, median of a few runs after one warm-up. The table's in-park flag is a column here;
// one extra statistics run works it out per row (geodesic), as for a table without that column.
#include "postgis_bench.h"

#include <postgresql/libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <filesystem>

#include "core/catalog.h"
#include "platform/data_paths.h"
#include "data/model_loader.h"
#include "data/postgis_source.h"
#include "bench_util.h"

namespace cm {

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using json = nlohmann::json;

std::string exec(PGconn* pg, const std::string& sql) {  // "" or the error
  PGresult* r = PQexec(pg, sql.c_str());
  const ExecStatusType s = PQresultStatus(r);
  std::string err = (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) ? "" : PQerrorMessage(pg);
  PQclear(r);
  return err;
}

std::string literal(PGconn* pg, const std::string& s) {
  char* q = PQescapeLiteral(pg, s.c_str(), s.size());
  std::string out = q ? q : "''";
  PQfreemem(q);
  return out;
}

int sridOf(const std::string& crs) {  // "EPSG:4549" → 4549
  const size_t colon = crs.find(':');
  return colon == std::string::npos ? 0 : std::atoi(crs.c_str() + colon + 1);
}

// The bench table: N rows, 70 % within a few km of a park (half of those in its catchment),
// the rest spread over the city; investment log-uniform 0.05..150 亿; two years of signings.
std::string makeTable(PGconn* pg, const Model& map, size_t rows) {
  std::string parks = "INSERT INTO bench_parks VALUES ";
  for (size_t i = 0; i < map.parks.size(); ++i) {
    const Park& p = map.parks[i];
    char b[256];
    std::snprintf(b, sizeof b, "(%zu, %.3f, %.3f, %.1f, %d, ", i + 1, p.xy.x, p.xy.y, p.radius_km * 1000, p.district_adcode);
    parks += (i ? "," : "") + std::string(b) + literal(pg, p.id) + ")";
  }
  std::string chains = "INSERT INTO bench_chains VALUES ";
  for (size_t i = 0; i < kChains.size(); ++i)
    chains += (i ? "," : "") + std::string("(") + std::to_string(i + 1) + ", " + literal(pg, std::string(kChains[i].id)) +
              ", " + literal(pg, std::string(info(kChains[i].ecosystem).id)) + ")";
  const std::string np = std::to_string(map.parks.size()), nc = std::to_string(kChains.size());
  const std::string made = exec(pg,
              "SET client_min_messages = warning; SELECT setseed(0.42);"
              "CREATE TEMP TABLE bench_parks (k int, x float8, y float8, r float8, adcode int, id text);" + parks + ";" +
              "CREATE TEMP TABLE bench_chains (k int, chain text, eco text);" + chains + ";" +
              "CREATE UNLOGGED TABLE projects AS SELECT 'B' || g AS id, '项目 ' || g AS name_zh, c.eco AS ecosystem, "
              "c.chain, CASE WHEN r.r1 < 0.8 THEN 'manufacturing' ELSE 'service' END AS sector, "
              "(0.05 * exp(r.r2 * 8.0))::real AS investment_yi, DATE '2023-01-01' + (r.r3 * 730)::int AS signed_date, "
              "pk.adcode AS district, CASE WHEN r.near THEN pk.id END AS park_id, "
              "CASE WHEN r.r5 < 0.1 THEN (r.r5 * 900)::real ELSE 0::real END AS fdi_musd, "
              "(ARRAY['task_force','overseas_mission','soe_invest','other'])[1 + floor(r.r6 * 4)::int] AS channel, "
              "(r.near AND sqrt(r.dx * r.dx + r.dy * r.dy) <= pk.r) AS in_park, "
              "ST_SetSRID(ST_MakePoint(pk.x + r.dx, pk.y + r.dy), " + std::to_string(sridOf(map.display_crs)) + ") AS geom "
              "FROM generate_series(1, " + std::to_string(rows) + ") g "
              "CROSS JOIN LATERAL (SELECT random() + 0 * g AS r1, random() AS r2, random() AS r3, random() AS r5, "
              "random() AS r6, 1 + floor(random() * " + np + ")::int AS kp, 1 + floor(random() * " + nc + ")::int AS kc, "
              "random() < 0.7 AS near, (random() + random() - 1) AS ux, (random() + random() - 1) AS uy) r0 "
              "CROSS JOIN LATERAL (SELECT r0.*, CASE WHEN r0.near THEN 5000 ELSE 40000 END * r0.ux AS dx, "
              "CASE WHEN r0.near THEN 5000 ELSE 40000 END * r0.uy AS dy) r "
              "JOIN bench_parks pk ON pk.k = r.kp JOIN bench_chains c ON c.k = r.kc;"
              "CREATE INDEX ON projects USING gist (geom);");
  return made.empty() ? exec(pg, "VACUUM ANALYZE projects") : made;
}

// A summary's cells and size on disk into r[key + "_cells"], r[key + "_mb"].
void summarySize(json& r, const std::string& conn, const std::string& relation, const std::string& key) {
  PGconn* c = PQconnectdb(conn.c_str());
  PGresult* s = PQexec(c, ("SELECT count(*), pg_total_relation_size('" + relation + "') FROM " + relation).c_str());
  if (PQresultStatus(s) == PGRES_TUPLES_OK) {
    r[key + "_cells"] = std::atoll(PQgetvalue(s, 0, 0));
    r[key + "_mb"] = std::atof(PQgetvalue(s, 0, 1)) / 1048576.0;
  }
  PQclear(s);
  PQfinish(c);
}

}  // namespace

json runPostgisBench(const std::string& data_dir, size_t rows, const std::string& pg_script) {
  json r;
  r["rows"] = rows;
  LoadReport rep;
  const Model map = loadModel({data_dir, defaultProjectsFile(), "", "", ""}, rep);  // districts, parks
  const fs::path dir = fs::temp_directory_path() / ("chainmap-postgis-bench-" + std::to_string(getpid()));
  const std::string conn = shell(pg_script + " start " + dir.string() + " 2>&1");
  if (conn.rfind("host=", 0) != 0) {
    r["error"] = "no throwaway PostGIS server: " + conn;
    return r;
  }
  PGconn* pg = PQconnectdb(conn.c_str());
  auto t = Clock::now();
  std::string err = PQstatus(pg) == CONNECTION_OK ? makeTable(pg, map, rows) : PQerrorMessage(pg);
  r["create_table_s"] = msSince(t) / 1000.0;
  if (err.empty()) {
    PGresult* s = PQexec(pg, "SELECT pg_total_relation_size('projects')");
    r["table_mb"] = std::atof(PQgetvalue(s, 0, 0)) / 1048576.0;
    PQclear(s);
  }
  PQfinish(pg);
  if (!err.empty()) {
    r["error"] = err;
    shell(pg_script + " stop " + dir.string());
    return r;
  }
  RemoteTable table;
  table.conninfo = conn;
  table.table = "projects";
  table.in_park = "in_park";
  t = Clock::now();
  auto src = PostgisSource::open(table, map);
  r["open_ms"] = msSince(t);
  if (!src) {
    r["error"] = src.error();
    shell(pg_script + " stop " + dir.string());
    return r;
  }
  // Views centred on the first park, 1600 px wide, as the viewer bins them (36 px cells).
  const Vec2 c = map.parks.empty() ? Vec2{} : map.parks[0].xy;
  auto view = [&](double units_per_px) {
    return Extent{c.x - 800 * units_per_px, c.y - 500 * units_per_px, c.x + 800 * units_per_px, c.y + 500 * units_per_px};
  };
  struct Zoom {
    const char* name;
    double units_per_px;
  };
  const Zoom zooms[] = {{"city (125 m/px)", 125}, {"district (30 m/px)", 30}, {"neighbourhood (4 m/px)", 4}};
  std::vector<std::pair<std::string, Filter>> filters;
  filters.push_back({"no filter", Filter{}});
  {
    Filter f;
    f.ecosystems = 1u << static_cast<int>(Ecosystem::Bio);
    filters.push_back({"one ecosystem", f});
    f = Filter{};
    f.min_investment_yi = 10;
    f.park = ParkMode::InPark;
    filters.push_back({">= 10 yi, in parks", f});
    f = Filter{};
    f.month_from = monthIndex(2024, 1);
    f.month_to = monthIndex(2024, 6);
    filters.push_back({"Jan-Jun 2024", f});
  }
  const int runs = std::max(1, std::atoi(std::getenv("CHAINMAP_BENCH_RUNS") ? std::getenv("CHAINMAP_BENCH_RUNS") : "3"));
  r["runs"] = runs;
  auto time = [&](auto&& fn) {
    fn();  // warm-up
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
      const auto t0 = Clock::now();
      fn();
      ms.push_back(msSince(t0));
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
  };
  json out = json::array();
  // CHAINMAP_BENCH_SUMMARIES_ONLY=1: only the summaries (the rows take minutes at 10M rows).
  const bool rows_too = !std::getenv("CHAINMAP_BENCH_SUMMARIES_ONLY");
  for (const auto& [fname, f] : filters) {
    if (!rows_too) break;
    for (const Zoom& z : zooms) {
      size_t bins = 0;
      const double ms = time([&] {
        double spacing = kHexSpacing0;  // the pyramid's level for 36-px cells (core/hex_pyramid.h)
        while (spacing * 2 <= 36 * z.units_per_px) spacing *= 2;
        auto b = (*src)->bins(f, view(z.units_per_px), spacing / std::sqrt(3.0));
        if (!b) err = b.error();
        bins = b ? b->bins.size() : 0;
      });
      out.push_back({{"what", std::string("bins, ") + z.name}, {"filter", fname}, {"ms", ms}, {"results", bins}});
    }
    size_t n = 0;
    bool truncated = false;
    const double ms = time([&] {
      auto rr = (*src)->rows(f, view(1), 5000);
      if (!rr) err = rr.error();
      n = rr ? rr->rows.size() : 0;
      truncated = rr && rr->truncated;
    });
    out.push_back({{"what", "rows, street (1 m/px, cap 5000)"}, {"filter", fname}, {"ms", ms}, {"results", n}, {"truncated", truncated}});
    int64_t count = 0;
    const double sms = time([&] {
      auto s = (*src)->stats(f);
      if (!s) err = s.error();
      count = s ? s->total.count : 0;
    });
    out.push_back({{"what", "statistics panel"}, {"filter", fname}, {"ms", sms}, {"results", count}});
  }
  // The statistics rollup (a materialized view of the counts cube), then the panel from it.
  t = Clock::now();
  if (auto ok = (*src)->createRollup(); !ok) err = ok.error();
  r["rollup_s"] = msSince(t) / 1000.0;
  summarySize(r, conn, "projects_chainmap_cube", "rollup");
  for (const auto& [fname, f] : filters) {
    int64_t count = 0;
    const double ms = time([&] {
      auto s = (*src)->stats(f);
      if (!s) err = s.error();
      count = s ? s->total.count : 0;
    });
    out.push_back({{"what", "statistics panel from the rollup"}, {"filter", fname}, {"ms", ms}, {"results", count}});
  }
  // The bin pyramid (a materialized view per level from 1 km up), then the same bins from it.
  t = Clock::now();
  if (auto ok = (*src)->createPyramid(); !ok) err = ok.error();
  r["pyramid_s"] = msSince(t) / 1000.0;
  summarySize(r, conn, "projects_chainmap_bins", "pyramid");
  for (const auto& [fname, f] : filters) {
    for (const Zoom& z : zooms) {
      double spacing = kHexSpacing0;
      while (spacing * 2 <= 36 * z.units_per_px) spacing *= 2;
      const double size = spacing / std::sqrt(3.0);
      if (!(*src)->usesPyramid(f, size)) continue;  // a level below it, or a filter it cannot answer: the rows, as above
      size_t bins = 0;
      const double ms = time([&] {
        auto b = (*src)->bins(f, view(z.units_per_px), size);
        if (!b) err = b.error();
        bins = b ? b->bins.size() : 0;
      });
      out.push_back({{"what", std::string("bins from the pyramid, ") + z.name}, {"filter", fname}, {"ms", ms}, {"results", bins}});
    }
  }
  {  // a card: one row by its id where it is drawn
    PGconn* c = PQconnectdb(conn.c_str());
    PGresult* s = PQexec(c, "SELECT id, ST_X(geom), ST_Y(geom) FROM projects OFFSET 12345 LIMIT 1");
    if (PQresultStatus(s) == PGRES_TUPLES_OK && PQntuples(s)) {
      const std::string id = PQgetvalue(s, 0, 0);
      const Vec2 xy{std::atof(PQgetvalue(s, 0, 1)), std::atof(PQgetvalue(s, 0, 2))};
      bool found = false;
      const double ms = time([&] {
        auto card = (*src)->card(id, xy);
        if (!card) err = card.error();
        found = card && card->found;
      });
      out.push_back({{"what", "a card (one row by id, where it is drawn)"}, {"filter", "-"}, {"ms", ms}, {"results", found ? 1 : 0}});
    }
    PQclear(s);
    PQfinish(c);
  }
  // The same statistics when the table has no in-park column: worked out per row, geodesically.
  table.in_park.clear();
  table.table = "projects_plain";  // (no rollup beside it)
  {  // a view of the table: the same rows, no rollup beside it
    PGconn* c = PQconnectdb(conn.c_str());
    exec(c, "CREATE VIEW projects_plain AS SELECT * FROM projects");
    PQfinish(c);
  }
  if (auto plain = rows_too ? PostgisSource::open(table, map) : Result<std::unique_ptr<PostgisSource>>::fail("")) {
    Filter f;
    const auto t0 = Clock::now();
    auto s = (*plain)->stats(f);
    out.push_back({{"what", "statistics panel, in-park computed per row"}, {"filter", "no filter"}, {"ms", msSince(t0)},
                   {"results", s ? s->total.count : 0}});
  }
  r["queries"] = out;
  if (!err.empty()) r["error"] = err;
  shell(pg_script + " stop " + dir.string());
  return r;
}

void printPostgisTable(const json& r) {
  std::printf("\nA %zu-row registry left in PostGIS (table made in %.0f s, %.0f MB; source opened in %.0f ms)\n",
              r.value("rows", size_t{0}), r.value("create_table_s", 0.0), r.value("table_mb", 0.0), r.value("open_ms", 0.0));
  if (r.contains("error")) std::printf("error: %s\n", r["error"].get<std::string>().c_str());
  if (!r.contains("queries")) return;
  std::printf("statistics rollup: made in %.1f s, %lld cells, %.1f MB\n", r.value("rollup_s", 0.0),
              static_cast<long long>(r.value("rollup_cells", int64_t{0})), r.value("rollup_mb", 0.0));
  std::printf("bin pyramid: made in %.1f s, %lld cells, %.1f MB (median of %d runs after a warm-up)\n", r.value("pyramid_s", 0.0),
              static_cast<long long>(r.value("pyramid_cells", int64_t{0})), r.value("pyramid_mb", 0.0), r.value("runs", 3));
  std::printf("%-46s %-20s %10s %10s\n", "query", "filter", "ms", "results");
  for (const json& q : r["queries"])
    std::printf("%-46s %-20s %10.1f %10lld%s\n", q["what"].get<std::string>().c_str(), q["filter"].get<std::string>().c_str(),
                q["ms"].get<double>(), static_cast<long long>(q["results"].get<int64_t>()),
                q.value("truncated", false) ? " (capped)" : "");
}

}  // namespace cm
