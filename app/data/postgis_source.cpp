#include "data/postgis_source.h"


#include <algorithm>
#include <map>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cctype>
#include <cstdlib>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/catalog.h"
#include "core/ecosystem.h"
#include "data/pq_api.h"

namespace cm {

namespace {
// libpq's table where a connection was made (so pqApi() succeeded before).
const PqApi& pq() { return **pqApi(); }
}  // namespace

struct PostgisSource::Conn {
  PGconn* pg = nullptr;
  PGcancel* cancel = nullptr;  // made once at connect: PQcancel through it is safe from any thread
  ~Conn() {
    if (cancel) pq().PQfreeCancel(cancel);
    if (pg) pq().PQfinish(pg);
  }
};

void PostgisSource::cancelRunning() const {
  if (!conn_->cancel) return;
  char err[256];
  pq().PQcancel(conn_->cancel, err, sizeof err);  // the server stops the statement; its caller gets an error
}

// SQL text with $n placeholders and the values they bind (all sent as text; the SQL casts).
struct PostgisSource::Query {
  std::string sql;
  std::vector<std::string> values;
  PGconn* literal = nullptr;  // set: values go into the text as escaped literals (DDL takes no parameters)
  std::string bind(std::string v) {
    if (literal) {
      char* q = pq().PQescapeLiteral(literal, v.c_str(), v.size());
      std::string s = q ? q : "NULL";
      pq().PQfreemem(q);
      return s;
    }
    values.push_back(std::move(v));
    return "$" + std::to_string(values.size());
  }
};

namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { pq().PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

std::string chomped(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

Result<PgResult> run(PGconn* pg, const PostgisSource::Query& q) {
  std::vector<const char*> v;
  for (const std::string& s : q.values) v.push_back(s.c_str());
  PgResult r(pq().PQexecParams(pg, q.sql.c_str(), static_cast<int>(v.size()), nullptr, v.data(), nullptr, nullptr, 0));
  if (!r || pq().PQresultStatus(r.get()) != PGRES_TUPLES_OK)
    return Result<PgResult>::fail("PostGIS query failed: " + chomped(pq().PQerrorMessage(pg)));
  return r;
}

// A summary's DDL with room for its grouping in memory: with the default work_mem (4 MB) millions
// of groups spill to disk. The session's setting is put back whatever happened.
PgResult execRoomy(PGconn* pg, const std::string& sql) {
  pq().PQclear(pq().PQexec(pg, "SET work_mem = '512MB'"));
  PgResult r(pq().PQexec(pg, sql.c_str()));
  pq().PQclear(pq().PQexec(pg, "RESET work_mem"));
  return r;
}

std::string ident(PGconn* pg, const std::string& name) {
  char* q = pq().PQescapeIdentifier(pg, name.c_str(), name.size());
  std::string s = q ? q : "\"\"";
  pq().PQfreemem(q);
  return s;
}

// A text[] literal for binding: {"a","b"} with quotes and backslashes escaped.
std::string textArray(const std::vector<std::string>& items) {
  std::string s = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) s += ',';
    s += '"';
    for (char c : items[i]) {
      if (c == '"' || c == '\\') s += '\\';
      s += c;
    }
    s += '"';
  }
  return s + "}";
}

std::string num(double v) {
  char b[64];
  std::snprintf(b, sizeof b, "%.17g", v);
  return b;
}

// The rollup's COMMENT: the layout of its cells (bump when statsRows() changes what a cell holds).
// 2: the sector as 1 manufacturing, 2 service, 4 not stated (Sector::Unknown).
constexpr const char* kRollupLayout = "chainmap counts cube 2";

// The bin pyramid's COMMENT: its layout, then the first level it holds ("… from 6").
constexpr const char* kPyramidLayout = "chainmap bin pyramid 2 from ";

// A summary's COMMENT: the layout on the first line, then "stamp " and the table's stamp when it
// was made (core of freshness: PostgisSource::prepareSummaries).
struct SummaryComment {
  bool there = false;
  std::string layout, stamp;
};
SummaryComment parseComment(bool there, const char* text) {
  SummaryComment c;
  c.there = there;
  if (!text) return c;
  const std::string t = text;
  const size_t nl = t.find('\n');
  c.layout = t.substr(0, nl);
  if (nl != std::string::npos && t.compare(nl + 1, 6, "stamp ") == 0) c.stamp = t.substr(nl + 7);
  return c;
}

double levelSize(int level) { return kHexSpacing0 * std::ldexp(1.0, level) / std::sqrt(3.0); }

int sridOf(const std::string& crs) {  // "EPSG:4549" → 4549
  const size_t colon = crs.find(':');
  return colon == std::string::npos ? 0 : std::atoi(crs.c_str() + colon + 1);
}

const char* value(const PGresult* r, int row, int col) { return pq().PQgetisnull(r, row, col) ? nullptr : pq().PQgetvalue(r, row, col); }
double real(const PGresult* r, int row, int col) {
  const char* v = value(r, row, col);
  return v ? std::strtod(v, nullptr) : 0.0;
}
int64_t integer(const PGresult* r, int row, int col) {
  const char* v = value(r, row, col);
  return v ? std::strtoll(v, nullptr, 10) : 0;
}

}  // namespace

PostgisSource::PostgisSource(const RemoteTable& t, const Model& map) : t_(t), map_(map), conn_(new Conn) {}
PostgisSource::~PostgisSource() = default;

Result<std::unique_ptr<PostgisSource>> PostgisSource::open(const RemoteTable& t, const Model& map) {
  using R = Result<std::unique_ptr<PostgisSource>>;
  std::unique_ptr<PostgisSource> s(new PostgisSource(t, map));
  std::string conninfo = t.conninfo;
  if (conninfo.rfind("PG:", 0) == 0) conninfo.erase(0, 3);
  if (!pqApi()) return R::fail("cannot connect to PostGIS for table '" + (t.schema.empty() ? "" : t.schema + ".") + t.table + "': " + pqApi().error());
  s->conn_->pg = pq().PQconnectdb(conninfo.c_str());
  PGconn* pg = s->conn_->pg;
  const std::string name = (t.schema.empty() ? "" : t.schema + ".") + t.table;
  if (!pg || pq().PQstatus(pg) != CONNECTION_OK)  // libpq's message names host and port, never the password
    return R::fail("cannot connect to PostGIS for table '" + name + "': " + (pg ? chomped(pq().PQerrorMessage(pg)) : "out of memory"));
  pq().PQsetNoticeProcessor(pg, [](void*, const char*) {}, nullptr);  // the server's NOTICEs ("… does not exist, skipping") are not the user's
  s->conn_->cancel = pq().PQgetCancel(pg);
  s->from_ = (t.schema.empty() ? "" : ident(pg, t.schema) + ".") + ident(pg, t.table);
  s->display_srid_ = sridOf(map.display_crs);
  if (s->display_srid_ <= 0) return R::fail("PostGIS source: the display CRS '" + map.display_crs + "' has no EPSG code");
  // The geometry column's SRID (from a row: also works for an unconstrained geometry column).
  Query q;
  q.sql = "SELECT ST_SRID(" + ident(pg, t.geometry) + ") FROM " + s->from_ + " WHERE " + ident(pg, t.geometry) +
          " IS NOT NULL LIMIT 1";
  auto r = run(pg, q);
  if (!r) return R::fail("table '" + name + "': " + r.error());
  s->srid_ = pq().PQntuples(r->get()) ? static_cast<int>(integer(r->get(), 0, 0)) : s->display_srid_;
  if (s->srid_ <= 0) return R::fail("table '" + name + "': column '" + t.geometry + "' has no SRID");
  // Chains: the catalogue's in its order, then the table's others, sorted.
  for (const ChainInfo& c : kChains) s->chain_names_.emplace_back(c.id);
  Query c;
  c.sql = "SELECT DISTINCT " + s->chainExpr() + " FROM " + s->from_ + " t ORDER BY 1";
  auto cr = run(pg, c);
  if (!cr) return R::fail("table '" + name + "': " + cr.error());
  for (int i = 0; i < pq().PQntuples(cr->get()); ++i) {
    const char* v = value(cr->get(), i, 0);
    if (v && std::find(s->chain_names_.begin(), s->chain_names_.end(), v) == s->chain_names_.end())
      s->chain_names_.emplace_back(v);
  }
  s->rollup_ = (t.schema.empty() ? "" : ident(pg, t.schema) + ".") + ident(pg, t.table + "_chainmap_cube");
  s->pyramid_ = (t.schema.empty() ? "" : ident(pg, t.schema) + ".") + ident(pg, t.table + "_chainmap_bins");
  s->describeSummaries();
  return s;
}

std::string PostgisSource::tableStamp() const {
  Query q;
  q.sql = "SELECT COALESCE(s.n_tup_ins, 0) + COALESCE(s.n_tup_upd, 0) + COALESCE(s.n_tup_del, 0), pg_relation_filenode(c.oid) "
          "FROM pg_class c LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid WHERE c.oid = to_regclass(" + q.bind(from_) + ")";
  auto r = run(conn_->pg, q);
  if (!r || !pq().PQntuples(r->get()) || !value(r->get(), 0, 1)) return "";  // a view: no counters, no file
  return std::string(pq().PQgetvalue(r->get(), 0, 0)) + ":" + pq().PQgetvalue(r->get(), 0, 1);
}

bool PostgisSource::tableChanged() const {
  const std::string now = tableStamp();
  return !now.empty() && now != made_stamp_;
}

// What summaries are there, of which layout and age: the ones in use are of this layout and
// stamped with the table as it is now (a view, which has no stamp, trusts what is there).
void PostgisSource::describeSummaries() {
  auto describe = [&](const std::string& rel) {
    Query q;
    q.sql = "SELECT to_regclass(" + q.bind(rel) + ") IS NOT NULL, obj_description(to_regclass(" + q.bind(rel) + "), 'pg_class')";
    auto r = run(conn_->pg, q);
    const bool there = r && pq().PQntuples(r->get()) && std::string(pq().PQgetvalue(r->get(), 0, 0)) == "t";
    return parseComment(there, there ? value(r->get(), 0, 1) : nullptr);
  };
  made_stamp_ = tableStamp();
  auto fresh = [&](const SummaryComment& c) { return made_stamp_.empty() || c.stamp == made_stamp_; };
  const SummaryComment rc = describe(rollup_), pc = describe(pyramid_);
  rollup_layout_ok_ = rc.there && rc.layout == kRollupLayout;
  stale_rollup_ = rc.there && !rollup_layout_ok_;
  has_rollup_ = rollup_layout_ok_ && fresh(rc);
  pyramid_there_ = pc.there;
  pyramid_layout_ok_ = false;
  const size_t n = std::string(kPyramidLayout).size();
  if (pc.there && pc.layout.compare(0, n, kPyramidLayout) == 0) {
    const int from = std::atoi(pc.layout.c_str() + n);
    if (from >= 0 && from < kHexLevels) pyramid_from_ = from, pyramid_layout_ok_ = true;
  }
  has_pyramid_ = pyramid_layout_ok_ && fresh(pc);
  stale_ = (rollup_layout_ok_ && !has_rollup_) || (pyramid_layout_ok_ && !has_pyramid_);
}

Result<SummaryState> PostgisSource::prepareSummaries(bool make_missing) {
  describeSummaries();
  const bool view = made_stamp_.empty();  // no stamp: refresh what is there
  if ((rollup_layout_ok_ && (view || !has_rollup_)) || stale_rollup_ || (!rollup_layout_ok_ && make_missing))
    if (auto ok = createRollup(); !ok) return Result<SummaryState>::fail(ok.error());
  if ((pyramid_layout_ok_ && (view || !has_pyramid_)) || (pyramid_there_ && !pyramid_layout_ok_) || (!pyramid_there_ && make_missing))
    if (auto ok = createPyramid(pyramid_layout_ok_ ? pyramid_from_ : kRemotePyramidFrom); !ok)
      return Result<SummaryState>::fail(ok.error());
  describeSummaries();
  return summaries();
}

// Column expressions, quoted; `t` is the table, `k` the parks joined to it.
std::string PostgisSource::col(const std::string& c) const { return "t." + ident(conn_->pg, c); }
std::string PostgisSource::pointExpr() const {
  const std::string g = col(t_.geometry);
  return srid_ == display_srid_ ? g : "ST_Transform(" + g + ", " + std::to_string(display_srid_) + ")";
}
std::string PostgisSource::chainExpr() const {  // an empty chain is its ecosystem's catch-all, as the loader reads it
  return "COALESCE(NULLIF(" + col(t_.chain) + "::text, ''), " + col(t_.ecosystem) + "::text)";
}
std::string PostgisSource::invExpr() const { return "(" + col(t_.investment) + ")::float4::float8"; }
// The row's Filter::sectors bit: 1 manufacturing, 2 service, 4 not stated (NULL, empty or any
// other value: Sector::Unknown, never manufacturing).
std::string PostgisSource::sectorBitExpr() const {
  return "(CASE " + col(t_.sector) + "::text WHEN 'manufacturing' THEN 1 WHEN 'service' THEN 2 ELSE 4 END)";
}
std::string PostgisSource::monthExpr() const {
  const std::string d = "NULLIF(" + col(t_.signed_date) + "::text, '')::date";  // empty: undated
  return "(EXTRACT(YEAR FROM " + d + ") * 12 + EXTRACT(MONTH FROM " + d + ") - 1)::int";
}
std::string PostgisSource::inParkExpr() const {
  if (!t_.in_park.empty()) return "COALESCE((" + col(t_.in_park) + ")::bool, false)";
  return "COALESCE(ST_DWithin(ST_Transform(" + col(t_.geometry) +
         ", 4326)::geography, ST_SetSRID(ST_MakePoint(k.lon, k.lat), 4326)::geography, k.r), false)";
}
std::string PostgisSource::ecoIndexExpr(Query& q) const {
  std::vector<std::string> ids;
  for (const EcosystemInfo& e : kEcosystems) ids.emplace_back(e.id);
  return "(array_position(" + q.bind(textArray(ids)) + "::text[], " + col(t_.ecosystem) + "::text) - 1)";
}

// FROM the table LEFT JOIN the model's parks (id, lon, lat, catchment radius in metres, main
// ecosystem, index), all bound as arrays.
std::string PostgisSource::fromParks(Query& q) const { return fromParks(q, from_ + " t", col(t_.park) + "::text"); }
std::string PostgisSource::fromParks(Query& q, const std::string& table, const std::string& park_id) const {
  std::vector<std::string> ids, lon, lat, r, eco, idx;
  for (size_t i = 0; i < map_.parks.size(); ++i) {
    const Park& p = map_.parks[i];
    ids.push_back(p.id), lon.push_back(num(p.lon)), lat.push_back(num(p.lat)), r.push_back(num(p.radius_km * 1000.0));
    eco.push_back(std::to_string(static_cast<int>(p.main_ecosystem))), idx.push_back(std::to_string(i));
  }
  auto arr = [](const std::vector<std::string>& v) {
    std::string s = "{";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + v[i];
    return s + "}";
  };
  return " FROM " + table + " LEFT JOIN unnest(" + q.bind(textArray(ids)) + "::text[], " + q.bind(arr(lon)) +
         "::float8[], " + q.bind(arr(lat)) + "::float8[], " + q.bind(arr(r)) + "::float8[], " + q.bind(arr(eco)) +
         "::int[], " + q.bind(arr(idx)) + "::int[]) AS k(id, lon, lat, r, eco, idx) ON k.id = " + park_id;
}

// Bins and rows join the parks only to tell in-park rows when the filter asks and no column says.
bool PostgisSource::needsParks(const Filter& f) const { return f.park != ParkMode::Any && t_.in_park.empty(); }

// The WHERE condition for f, time window included (passes() in SQL).
std::string PostgisSource::where(const Filter& f, Query& q) const {
  std::vector<std::string> w;
  std::vector<std::string> ecos;
  for (int e = 0; e < kEcosystemCount; ++e)
    if (f.ecosystems >> e & 1u) ecos.emplace_back(info(static_cast<Ecosystem>(e)).id);
  w.push_back(col(t_.ecosystem) + "::text = ANY(" + q.bind(textArray(ecos)) + "::text[])");  // also drops unknown ones
  if (!f.chains.isAll()) {
    std::vector<std::string> chains;
    for (size_t c = 0; c < chain_names_.size(); ++c)
      if (f.chains.contains(static_cast<int>(c))) chains.push_back(chain_names_[c]);
    w.push_back(chainExpr() + " = ANY(" + q.bind(textArray(chains)) + "::text[])");
  }
  if ((f.sectors & kAllSectors) != kAllSectors)
    w.push_back("(" + sectorBitExpr() + " & " + q.bind(std::to_string(f.sectors & kAllSectors)) + "::int) <> 0");
  if (!std::isnan(f.min_investment_yi))
    w.push_back(invExpr() + " >= " + q.bind(num(f.min_investment_yi)) + "::float4::float8");
  if (!f.districts.isAll()) {
    std::vector<std::string> codes;
    for (size_t d = 0; d < map_.districts.size(); ++d)
      if (f.districts.contains(static_cast<int>(d))) codes.push_back(std::to_string(map_.districts[d].adcode));
    w.push_back(col(t_.district) + "::text = ANY(" + q.bind(textArray(codes)) + "::text[])");
  }
  if (f.park != ParkMode::Any) w.push_back(std::string(f.park == ParkMode::InPark ? "" : "NOT ") + inParkExpr());
  if (f.foreign_only) w.push_back("COALESCE((" + col(t_.fdi) + ")::float4::float8, 0) > 0");  // foreignInvested()
  if (std::string m = monthCond(monthExpr(), f, q); !m.empty()) w.push_back(m);
  std::string s;
  for (size_t i = 0; i < w.size(); ++i) s += (i ? " AND " : "") + w[i];
  return s;
}

// The time window over a month column (NULL: undated), as passesTime(): undated rows pass when
// the filter admits them (Filter::undated); "" when every row passes.
std::string PostgisSource::monthCond(const std::string& m, const Filter& f, Query& q) const {
  const bool window = f.month_from != INT_MIN || f.month_to != INT_MAX;
  if (!window) return f.undated ? "" : m + " IS NOT NULL";
  return "(" + m + " BETWEEN " + q.bind(std::to_string(std::max(f.month_from, -1000000))) + "::int AND " +
         q.bind(std::to_string(std::min(f.month_to, 1000000))) + "::int" + (f.undated ? " OR " + m + " IS NULL)" : ")");
}

// The view's rectangle as an index condition on the geometry column, plus the exact test in the
// display CRS when the column is in another one.
std::string PostgisSource::inExtent(const Extent& e, Query& q) const {
  const std::string x0 = q.bind(num(e.minx)), y0 = q.bind(num(e.miny)), x1 = q.bind(num(e.maxx)), y1 = q.bind(num(e.maxy));
  const std::string env = "ST_MakeEnvelope(" + x0 + "::float8, " + y0 + "::float8, " + x1 + "::float8, " + y1 +
                          "::float8, " + std::to_string(display_srid_) + ")";
  if (srid_ == display_srid_) return col(t_.geometry) + " && " + env;
  // Corners alone may cut a curved edge: widen the envelope for the index, then test exactly.
  return col(t_.geometry) + " && ST_Transform(ST_Expand(" + env + ", 0.05 * (" + x1 + "::float8 - " + x0 +
         "::float8 + " + y1 + "::float8 - " + y0 + "::float8)), " + std::to_string(srid_) + ") AND ST_X(" + pointExpr() +
         ") BETWEEN " + x0 + "::float8 AND " + x1 + "::float8 AND ST_Y(" + pointExpr() + ") BETWEEN " + y0 +
         "::float8 AND " + y1 + "::float8";
}

Result<RemoteBins> PostgisSource::bins(const Filter& f, const Extent& view, double size) const {
  if (!(size > 0) || !view.valid()) return RemoteBins{};
  if (usesPyramid(f, size)) return pyramidBins(f, view, size, levelOf(size));  // a level it holds, a filter it answers
  // Whole hexagons: every member of a hexagon that meets the view lies within its diameter of it.
  const Extent e{view.minx - 2 * size, view.miny - 2 * size, view.maxx + 2 * size, view.maxy + 2 * size};
  Query q;
  // hexOf() of core/hex_pyramid.cpp in SQL, operation for operation (IEEE doubles both sides, the
  // constants bound at full precision), so a point lands in the same hexagon as in memory.
  const std::string inv = q.bind(num(1.0 / size)) + "::float8", k1 = q.bind(num(1.7320508075688772 / 3)) + "::float8",
                    k2 = q.bind(num(2.0 / 3)) + "::float8";
  auto half_away = [](const std::string& v) { return "trunc(" + v + " + CASE WHEN " + v + " >= 0 THEN 0.5 ELSE -0.5 END)"; };
  const std::string eco = col(t_.ecosystem) + "::text";  // grouped as text, named here (cheaper per row)
  const std::string from = needsParks(f) ? fromParks(q) : " FROM " + from_ + " t";
  const std::string cond = where(f, q) + " AND " + inExtent(e, q);
  const std::string scaled = "SELECT x, y, e, v, " + k1 + " * (x * " + inv + ") - (y * " + inv + ") / 3::float8 AS qf, " + k2 +
                             " * (y * " + inv + ") AS rf FROM (SELECT ST_X(" + pointExpr() + ") AS x, ST_Y(" + pointExpr() +
                             ") AS y, " + eco + " AS e, " + invExpr() + " AS v" + from + " WHERE " + cond + ") r0";
  const std::string rounded = "SELECT x, y, e, v, qf, rf, -qf - rf AS sf, " + half_away("qf") + " AS rq, " + half_away("rf") +
                              " AS rr, " + half_away("(-qf - rf)") + " AS rs FROM (" + scaled + ") r1";
  q.sql = "SELECT CASE WHEN abs(rq - qf) > abs(rr - rf) AND abs(rq - qf) > abs(rs - sf) THEN -rr - rs ELSE rq END::int8 AS hq, "
          "CASE WHEN abs(rq - qf) > abs(rr - rf) AND abs(rq - qf) > abs(rs - sf) THEN rr "
          "WHEN abs(rr - rf) > abs(rs - sf) THEN -rq - rs ELSE rr END::int8 AS hr, e, count(*), sum(x), sum(y), sum(v) FROM (" +
          rounded + ") r2 GROUP BY 1, 2, 3";
  auto r = run(conn_->pg, q);
  if (!r) return Result<RemoteBins>::fail(r.error());
  return gatherBins(r->get(), view, size);
}

// Rows of (hq, hr, ecosystem id or index, count, Σx, Σy, Σinvestment) into bins: the hexagons that
// meet the view, each with its members' centroid and ecosystem mix.
RemoteBins PostgisSource::gatherBins(const void* result, const Extent& view, double size) {
  const PGresult* res = static_cast<const PGresult*>(result);
  RemoteBins out;
  std::map<std::pair<int64_t, int64_t>, Bin> hexes;
  std::map<std::pair<int64_t, int64_t>, std::pair<double, double>> sums;
  for (int i = 0; i < pq().PQntuples(res); ++i) {
    const char* e = value(res, i, 2);
    if (!e) continue;
    const auto id = std::isdigit(static_cast<unsigned char>(e[0])) ? std::nullopt : ecosystemFromId(e);
    const int64_t eco = id ? static_cast<int>(*id) : integer(res, i, 2);
    if (eco < 0 || eco >= kEcosystemCount || (!id && !std::isdigit(static_cast<unsigned char>(e[0])))) continue;
    const std::pair<int64_t, int64_t> key{integer(res, i, 0), integer(res, i, 1)};
    Bin& b = hexes[key];
    const int n = static_cast<int>(integer(res, i, 3));
    sums[key].first += real(res, i, 4), sums[key].second += real(res, i, 5);
    b.investment_yi += real(res, i, 6);
    b.by_ecosystem[eco] += n;
  }
  for (auto& [key, b] : hexes) {
    b.hex = {static_cast<int32_t>(key.first), static_cast<int32_t>(key.second)};
    if (!hexIntersectsRect(b.hex, size, view.minx, view.miny, view.maxx, view.maxy)) continue;
    const int n = b.count();
    b.xy = {sums[key].first / n, sums[key].second / n};
    out.members += n;
    out.max_investment_yi = std::max(out.max_investment_yi, b.investment_yi);
    out.bins.push_back(b);
  }
  return out;
}

// The bins from the pyramid's level: its cells of the hexagons whose centres lie within one
// circumradius of the view (every hexagon that meets it), summed over the filter's months and
// ecosystems.
Result<RemoteBins> PostgisSource::pyramidBins(const Filter& f, const Extent& view, double size, int level) const {
  Query q;
  const double w = size * std::sqrt(3.0);
  const std::string r0 = q.bind(std::to_string(static_cast<int64_t>(std::floor((view.miny - size) / (1.5 * size))))),
                    r1 = q.bind(std::to_string(static_cast<int64_t>(std::ceil((view.maxy + size) / (1.5 * size))))),
                    c0 = q.bind(num((view.minx - w) / w)), c1 = q.bind(num((view.maxx + w) / w));
  std::string ecos = "{";
  for (int e = 0; e < kEcosystemCount; ++e)
    if (f.ecosystems >> e & 1u) ecos += (ecos.size() > 1 ? "," : "") + std::to_string(e);
  std::string cond = "p.lvl = " + q.bind(std::to_string(level)) + "::int2 AND p.e = ANY(" + q.bind(ecos + "}") +
                     "::int2[]) AND p.hr BETWEEN " + r0 + "::int AND " + r1 + "::int AND p.hq::float8 + p.hr::float8 * 0.5::float8 BETWEEN " +
                     c0 + "::float8 AND " + c1 + "::float8";
  if (std::string m = monthCond("p.m", f, q); !m.empty()) cond += " AND " + m;
  q.sql = "SELECT p.hq, p.hr, p.e, sum(p.n), sum(p.sx), sum(p.sy), sum(p.v) FROM " + pyramid_ + " p WHERE " + cond + " GROUP BY 1, 2, 3";
  auto r = run(conn_->pg, q);
  if (!r) return Result<RemoteBins>::fail(r.error());
  return gatherBins(r->get(), view, size);
}

Result<RemoteRows> PostgisSource::rows(const Filter& f, const Extent& view, size_t cap) const {
  RemoteRows out;
  if (!view.valid()) return out;
  Query q;
  const std::string eco = col(t_.ecosystem) + "::text";
  const std::string from = needsParks(f) ? fromParks(q) : " FROM " + from_ + " t";
  const std::string cond = where(f, q) + " AND " + inExtent(view, q);
  q.sql = "SELECT " + col(t_.id) + "::text, " + col(t_.name_zh) + "::text, ST_X(" + pointExpr() + "), ST_Y(" +
          pointExpr() + "), " + eco + ", " + invExpr() + from + " WHERE " + cond + " LIMIT " + q.bind(std::to_string(cap + 1)) +
          "::int8";
  auto r = run(conn_->pg, q);
  if (!r) return Result<RemoteRows>::fail(r.error());
  const PGresult* res = r->get();
  const size_t n = static_cast<size_t>(pq().PQntuples(res));
  out.truncated = n > cap;
  for (size_t i = 0; i < std::min(n, cap); ++i) {
    RemoteRow row;
    const int k = static_cast<int>(i);
    row.id = value(res, k, 0) ? value(res, k, 0) : "";
    row.name_zh = value(res, k, 1) ? value(res, k, 1) : "";
    row.xy = {real(res, k, 2), real(res, k, 3)};
    row.ecosystem = ecosystemFromId(value(res, k, 4) ? value(res, k, 4) : "").value_or(Ecosystem::Other);
    row.investment_yi = static_cast<float>(real(res, k, 5));
    out.rows.push_back(std::move(row));
  }
  return out;
}

// The rows as the statistics see them: month, ecosystem index, count (1), investment, FDI, size
// class, sector bits, channel, chain, district, park id, in park, and the park's index and main
// ecosystem — FROM the table joined to the parks (no WHERE yet).
std::string PostgisSource::statsRows(Query& q) const {
  const std::string v = invExpr();
  return "SELECT " + monthExpr() + " AS m, " + ecoIndexExpr(q) + " AS e, 1 AS n, " + v + " AS v, COALESCE((" +
         col(t_.fdi) + ")::float4::float8, 0) AS fdi, CASE WHEN " + v + " >= 100 THEN 4 WHEN " + v + " >= 50 THEN 3 WHEN " +
         v + " >= 10 THEN 2 WHEN " + v + " >= 1 THEN 1 ELSE 0 END AS sc, " + sectorBitExpr() + " AS s, CASE COALESCE(" +
         col(t_.channel) + "::text, '') WHEN 'task_force' THEN 0 WHEN 'overseas_mission' THEN 1 WHEN 'soe_invest' THEN 2 ELSE 3 END AS chi, " + chainExpr() +
         " AS c, " + col(t_.district) + "::text AS d, " + col(t_.park) + "::text AS park, (k.idx IS NOT NULL AND " +
         inParkExpr() + ") AS ip, k.idx AS pk, k.eco AS ke" + fromParks(q);
}

// The size class a minimum investment starts, when it is a boundary the rollup keeps (0, 1, 10, 50, 100).
static int rollupClass(float min) {
  const float b[] = {0.f, 1.f, 10.f, 50.f, 100.f};
  for (int k = 0; k < 5; ++k)
    if (min == b[k]) return k;
  return -1;
}

Result<bool> PostgisSource::createRollup() {
  Query q;
  q.literal = conn_->pg;
  Filter known;  // the rows the loader keeps: a known ecosystem, an investment of at least 0
  std::string channels;  // the channels ride in each cell: four times fewer cells than with a channel key
  for (int k = 0; k < kChannelCount; ++k)
    channels += ", COALESCE(sum(n) FILTER (WHERE chi = " + std::to_string(k) + "), 0)::int8 AS n" + std::to_string(k) +
                ", COALESCE(sum(v) FILTER (WHERE chi = " + std::to_string(k) + "), 0) AS v" + std::to_string(k);
  const std::string cells = "SELECT m, e, sum(n)::int8 AS n, sum(v) AS v, sum(fdi) AS fdi, sc, s, c, d, park, ip" + channels +
                            " FROM (" + statsRows(q) + " WHERE " + where(known, q) + ") r GROUP BY m, e, sc, s, c, d, park, ip";
  const std::string stamp = tableStamp();  // before reading: a write meanwhile leaves it stale
  // One of this layout is refreshed (its grants kept); one of an older layout is replaced. The
  // COMMENT says the layout and the table's stamp (open() checks both).
  Query ddl;
  ddl.literal = conn_->pg;
  ddl.sql = std::string(rollup_layout_ok_ ? "REFRESH MATERIALIZED VIEW " + rollup_
                               : "DROP MATERIALIZED VIEW IF EXISTS " + rollup_ + "; CREATE MATERIALIZED VIEW " + rollup_ + " AS " + cells) +
            "; COMMENT ON MATERIALIZED VIEW " + rollup_ + " IS " + ddl.bind(std::string(kRollupLayout) + "\nstamp " + stamp);
  PgResult r = execRoomy(conn_->pg, ddl.sql);
  if (!r || pq().PQresultStatus(r.get()) != PGRES_COMMAND_OK)
    return Result<bool>::fail("cannot make the statistics rollup " + rollup_ + ": " + chomped(pq().PQerrorMessage(conn_->pg)));
  has_rollup_ = rollup_layout_ok_ = true;
  stale_rollup_ = false;
  stale_ = pyramid_layout_ok_ && !has_pyramid_;
  return true;
}

namespace {

// One cell of the pyramid: a level's hexagon × month × ecosystem, and its sums.
struct CellKey {
  int32_t level, q, r, month;  // month INT32_MIN: undated
  int32_t eco;
  bool operator==(const CellKey&) const = default;
};
struct CellKeyHash {
  size_t operator()(const CellKey& k) const {
    uint64_t h = 1469598103934665603ull;
    for (const int32_t v : {k.level, k.q, k.r, k.month, k.eco}) h = (h ^ static_cast<uint32_t>(v)) * 1099511628211ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};
struct CellSums {
  int64_t n = 0;
  double sx = 0, sy = 0, v = 0;
};

// The fields of a COPY text row ("a\tb\t\\N\n"), in place.
std::vector<std::string_view> copyFields(const char* line, size_t len) {
  std::vector<std::string_view> f;
  size_t start = 0;
  for (size_t i = 0; i <= len; ++i)
    if (i == len || line[i] == '\t' || line[i] == '\n') {
      f.emplace_back(line + start, i - start);
      if (i < len && line[i] == '\n') break;
      start = i + 1;
    }
  return f;
}

}  // namespace

// The table's rows are streamed out once (COPY: x, y in the display CRS, month, ecosystem,
// investment) and gathered here with hexOf() itself — the in-memory pyramid's function, so a
// hexagon is the same on both sides by construction — into every level's cells; they go back
// (COPY, on a second connection) into a staging table in batches that bound this process's
// memory, and one GROUP BY over the batches makes the pyramid table, sorted by (level, hexagon
// row, q) so a view's range is a few pages, with its index; it replaces the old one in one
// transaction (readers see the old pyramid or the new one, never half of one). SQL evaluating
// the hexagon for every row and level took 5 minutes at 10M rows; this, under one.
Result<bool> PostgisSource::createPyramid(int from_level, size_t batch_cells) {
  using R = Result<bool>;
  from_level = std::clamp(from_level, 0, kHexLevels - 1);
  const std::string what = "cannot make the bin pyramid " + pyramid_ + ": ";
  const std::string stamp = tableStamp();  // before reading: a write meanwhile leaves it stale
  const std::string staging = (t_.schema.empty() ? "" : ident(conn_->pg, t_.schema) + ".") + ident(conn_->pg, t_.table + "_chainmap_bins_new");
  auto exec = [&](PGconn* pg, const std::string& sql) -> std::string {  // "" or the error
    PgResult r(pq().PQexec(pg, sql.c_str()));
    const ExecStatusType st = r ? pq().PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? "" : chomped(pq().PQerrorMessage(pg));
  };
  if (std::string e = exec(conn_->pg, "DROP TABLE IF EXISTS " + staging + "; CREATE UNLOGGED TABLE " + staging +
                                          " (lvl int2, hq int4, hr int4, m int4, e int2, n int8, sx float8, sy float8, v float8)");
      !e.empty())
    return R::fail(what + e);
  // The batches go in on a second connection while the first streams the rows out.
  std::string conninfo = t_.conninfo;
  if (conninfo.rfind("PG:", 0) == 0) conninfo.erase(0, 3);
  Conn in;
  in.pg = pq().PQconnectdb(conninfo.c_str());
  if (!in.pg || pq().PQstatus(in.pg) != CONNECTION_OK) return R::fail(what + (in.pg ? chomped(pq().PQerrorMessage(in.pg)) : "out of memory"));
  pq().PQsetNoticeProcessor(in.pg, [](void*, const char*) {}, nullptr);
  {
    PgResult c(pq().PQexec(in.pg, ("COPY " + staging + " FROM STDIN").c_str()));
    if (!c || pq().PQresultStatus(c.get()) != PGRES_COPY_IN) return R::fail(what + chomped(pq().PQerrorMessage(in.pg)));
  }
  std::unordered_map<CellKey, CellSums, CellKeyHash> cells;
  std::string failed;
  auto flush = [&] {
    std::string buf;
    char line[256];
    for (const auto& [k, c] : cells) {
      const std::string m = k.month == INT32_MIN ? "\\N" : std::to_string(k.month);
      std::snprintf(line, sizeof line, "%d\t%d\t%d\t%s\t%d\t%lld\t%.17g\t%.17g\t%.17g\n", k.level, k.q, k.r, m.c_str(), k.eco,
                    static_cast<long long>(c.n), c.sx, c.sy, c.v);
      buf += line;
      if (buf.size() > (1 << 20)) {
        if (pq().PQputCopyData(in.pg, buf.data(), static_cast<int>(buf.size())) != 1) failed = chomped(pq().PQerrorMessage(in.pg));
        buf.clear();
      }
    }
    if (!buf.empty() && pq().PQputCopyData(in.pg, buf.data(), static_cast<int>(buf.size())) != 1) failed = chomped(pq().PQerrorMessage(in.pg));
    cells.clear();
  };
  Query q;
  q.literal = conn_->pg;  // COPY takes no parameters
  Filter known;
  const std::string rows = "SELECT ST_X(" + pointExpr() + "), ST_Y(" + pointExpr() + "), " + monthExpr() + ", " + ecoIndexExpr(q) +
                           ", " + invExpr() + " FROM " + from_ + " t WHERE " + where(known, q) + " AND " + col(t_.geometry) + " IS NOT NULL";
  {
    PgResult c(pq().PQexec(conn_->pg, ("COPY (" + rows + ") TO STDOUT").c_str()));
    if (!c || pq().PQresultStatus(c.get()) != PGRES_COPY_OUT) failed = chomped(pq().PQerrorMessage(conn_->pg));
  }
  std::vector<double> sizes;
  for (int k = from_level; k < kHexLevels; ++k) sizes.push_back(levelSize(k));
  char* line = nullptr;
  int len = 0;
  while (failed.empty() && (len = pq().PQgetCopyData(conn_->pg, &line, 0)) > 0) {
    const auto f = copyFields(line, static_cast<size_t>(len));
    if (f.size() == 5 && f[0] != "\\N" && f[1] != "\\N" && f[3] != "\\N") {
      const double x = std::strtod(std::string(f[0]).c_str(), nullptr), y = std::strtod(std::string(f[1]).c_str(), nullptr);
      const int32_t month = f[2] == "\\N" ? INT32_MIN : static_cast<int32_t>(std::strtol(std::string(f[2]).c_str(), nullptr, 10));
      const int32_t eco = static_cast<int32_t>(std::strtol(std::string(f[3]).c_str(), nullptr, 10));
      const double v = f[4] == "\\N" ? 0.0 : std::strtod(std::string(f[4]).c_str(), nullptr);
      for (size_t k = 0; k < sizes.size(); ++k) {
        const HexCoord h = hexOf({x, y}, sizes[k]);
        CellSums& c = cells[{from_level + static_cast<int32_t>(k), h.q, h.r, month, eco}];
        ++c.n, c.sx += x, c.sy += y, c.v += v;
      }
      if (cells.size() >= batch_cells) flush();
    }
    pq().PQfreemem(line);
  }
  if (len == -2 && failed.empty()) failed = chomped(pq().PQerrorMessage(conn_->pg));
  while (PGresult* r = pq().PQgetResult(conn_->pg)) {  // the COPY's end (or its error)
    if (pq().PQresultStatus(r) != PGRES_COMMAND_OK && failed.empty()) failed = chomped(pq().PQerrorMessage(conn_->pg));
    pq().PQclear(r);
  }
  if (failed.empty()) flush();
  pq().PQputCopyEnd(in.pg, failed.empty() ? nullptr : "stopped");
  while (PGresult* r = pq().PQgetResult(in.pg)) {
    if (pq().PQresultStatus(r) != PGRES_COMMAND_OK && failed.empty()) failed = chomped(pq().PQerrorMessage(in.pg));
    pq().PQclear(r);
  }
  if (!failed.empty()) {
    exec(conn_->pg, "DROP TABLE IF EXISTS " + staging);
    return R::fail(what + failed);
  }
  Query ddl;
  ddl.literal = conn_->pg;
  const std::string index = ident(conn_->pg, t_.table + "_chainmap_bins_at");
  std::string drop_old;  // what is there under the name: a table of ours, or a view of an older layout
  {
    Query k;
    k.sql = "SELECT relkind FROM pg_class WHERE oid = to_regclass(" + k.bind(pyramid_) + ")";
    auto kind = run(conn_->pg, k);
    const std::string rk = kind && pq().PQntuples(kind->get()) ? pq().PQgetvalue(kind->get(), 0, 0) : "";
    if (rk == "m") drop_old = "DROP MATERIALIZED VIEW " + pyramid_ + "; ";
    else if (rk == "r") drop_old = "DROP TABLE " + pyramid_ + "; ";
    else if (!rk.empty()) return R::fail(what + "something else of that name is in the way");
  }
  const std::string swap =
      "BEGIN; " + drop_old + "CREATE TABLE " + pyramid_ + " AS SELECT lvl, hq, hr, m, e, sum(n)::int8 AS n, " +
      "sum(sx) AS sx, sum(sy) AS sy, sum(v) AS v FROM " + staging + " GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 3, 2; CREATE INDEX " + index +
      " ON " + pyramid_ + " (lvl, hr, hq); COMMENT ON TABLE " + pyramid_ + " IS " +
      ddl.bind(kPyramidLayout + std::to_string(from_level) + "\nstamp " + stamp) + "; DROP TABLE " + staging + "; COMMIT";
  PgResult r = execRoomy(conn_->pg, swap);
  if (!r || pq().PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
    const std::string e = chomped(pq().PQerrorMessage(conn_->pg));
    exec(conn_->pg, "ROLLBACK");
    exec(conn_->pg, "DROP TABLE IF EXISTS " + staging);
    return R::fail(what + e);
  }
  exec(conn_->pg, "ANALYZE " + pyramid_);
  has_pyramid_ = pyramid_there_ = pyramid_layout_ok_ = true;
  pyramid_from_ = from_level;
  stale_ = rollup_layout_ok_ && !has_rollup_;
  return true;
}

// The pyramid's level of hexagons of circumradius `size`; -1 when it holds none.
int PostgisSource::levelOf(double size) const {
  for (int k = pyramid_from_; k < kHexLevels; ++k)
    if (std::abs(levelSize(k) - size) <= 1e-12 * size) return k;
  return -1;
}

bool PostgisSource::usesPyramid(const Filter& f, double size) const {
  if (!has_pyramid_ || levelOf(size) < 0) return false;
  Filter a = f.attributes();  // only the ecosystems and the time window may narrow
  a.ecosystems = kAllEcosystems;
  return a == Filter{};
}

// The WHERE condition for f over the rollup's columns (the minimum investment as a size class).
std::string PostgisSource::whereRollup(const Filter& f, Query& q) const {
  std::vector<std::string> w;
  std::string ecos = "{";
  for (int e = 0; e < kEcosystemCount; ++e)
    if (f.ecosystems >> e & 1u) ecos += (ecos.size() > 1 ? "," : "") + std::to_string(e);
  w.push_back("r.e = ANY(" + q.bind(ecos + "}") + "::int[])");
  if (!f.chains.isAll()) {
    std::vector<std::string> chains;
    for (size_t c = 0; c < chain_names_.size(); ++c)
      if (f.chains.contains(static_cast<int>(c))) chains.push_back(chain_names_[c]);
    w.push_back("r.c = ANY(" + q.bind(textArray(chains)) + "::text[])");
  }
  if ((f.sectors & kAllSectors) != kAllSectors)
    w.push_back("(r.s & " + q.bind(std::to_string(f.sectors & kAllSectors)) + "::int) <> 0");
  if (const int k = rollupClass(f.min_investment_yi); k > 0) w.push_back("r.sc >= " + q.bind(std::to_string(k)) + "::int");
  if (!f.districts.isAll()) {
    std::vector<std::string> codes;
    for (size_t d = 0; d < map_.districts.size(); ++d)
      if (f.districts.contains(static_cast<int>(d))) codes.push_back(std::to_string(map_.districts[d].adcode));
    w.push_back("r.d = ANY(" + q.bind(textArray(codes)) + "::text[])");
  }
  if (f.park != ParkMode::Any) w.push_back(f.park == ParkMode::InPark ? "r.ip" : "NOT r.ip");
  if (std::string m = monthCond("r.m", f, q); !m.empty()) w.push_back(m);
  std::string s;
  for (size_t i = 0; i < w.size(); ++i) s += (i ? " AND " : "") + w[i];
  return s;
}

// The roll-up has no foreign-invested dimension: that filter reads the table.
bool PostgisSource::usesRollup(const Filter& f) const {
  return has_rollup_ && !f.foreign_only && rollupClass(f.min_investment_yi) >= 0;
}

Result<Stats> PostgisSource::stats(const Filter& f) const {
  Stats s;
  s.by_chain.resize(chain_names_.size());
  s.by_district.resize(map_.districts.size());
  s.by_park.resize(map_.parks.size());
  Query q;
  // The rows that pass f: from the table, or the rollup's cells (n rows each) when it can say.
  const std::string rows =
      usesRollup(f) ? "SELECT r.*, k.idx AS pk, k.eco AS ke" + fromParks(q, rollup_ + " r", "r.park") + " WHERE " + whereRollup(f, q)
                    : statsRows(q) + " WHERE " + where(f, q);
  std::string channels;
  for (const char* what : {"n", "v"})
    for (int k = 0; k < kChannelCount; ++k)
      channels += usesRollup(f) ? ", sum(" + std::string(what) + std::to_string(k) + ")"
                                : ", sum(" + std::string(what) + ") FILTER (WHERE chi = " + std::to_string(k) + ")";
  // One pass, six groupings: (month, ecosystem) carries the totals and the channels, the rest one
  // panel list each; the sector's grouping and value come last (columns 20, 21).
  q.sql = "SELECT GROUPING(m, e, sc, c, d, pk), m, e, sc, c, d, pk, sum(n), sum(v), sum(fdi), "
          "sum(n) FILTER (WHERE ip), sum(n) FILTER (WHERE ip AND ke = e)" + channels + ", GROUPING(s), s FROM (" + rows +
          ") x GROUP BY GROUPING SETS ((m, e), (sc), (c), (d), (pk), (s))";
  auto r = run(conn_->pg, q);
  if (!r) return Result<Stats>::fail(r.error());
  std::unordered_map<std::string, int> chain_index, district_index;
  for (size_t i = 0; i < chain_names_.size(); ++i) chain_index.emplace(chain_names_[i], static_cast<int>(i));
  for (size_t i = 0; i < map_.districts.size(); ++i) district_index.emplace(std::to_string(map_.districts[i].adcode), static_cast<int>(i));
  std::vector<std::pair<int, std::pair<Tally, std::array<int64_t, kEcosystemCount>>>> months;
  std::array<Tally, 5> by_class{};
  const PGresult* res = r->get();
  for (int i = 0; i < pq().PQntuples(res); ++i) {
    const int g = static_cast<int>(integer(res, i, 0));
    const Tally t{integer(res, i, 7), real(res, i, 8)};
    auto add = [&](Tally& x) { x.count += t.count, x.investment_yi += t.investment_yi; };
    auto text = [&](int col) { return std::string(value(res, i, col) ? value(res, i, col) : ""); };
    if (g == 15) {  // (m, e)
      const int m = static_cast<int>(integer(res, i, 1)), e = static_cast<int>(integer(res, i, 2));
      if (e < 0 || e >= kEcosystemCount) continue;
      add(s.total);
      add(s.by_ecosystem[e]);
      s.fdi_musd += real(res, i, 9);
      s.in_parks += integer(res, i, 10);
      s.park_match += integer(res, i, 11);
      for (int k = 0; k < kChannelCount; ++k)
        s.by_channel[k].count += integer(res, i, 12 + k), s.by_channel[k].investment_yi += real(res, i, 16 + k);
      if (!value(res, i, 1)) {  // no signing date (the filter admits them): their own bar, in no month
        add(s.undated);
        s.undated_ecosystem[e] += t.count;
        continue;
      }
      auto it = std::find_if(months.begin(), months.end(), [&](const auto& x) { return x.first == m; });
      if (it == months.end()) months.push_back({m, {}}), it = months.end() - 1;
      add(it->second.first);
      it->second.second[e] += t.count;
    } else if (g == 55) {  // (sc)
      add(by_class[std::clamp<int64_t>(integer(res, i, 3), 0, 4)]);
    } else if (g == 59) {  // (c)
      if (auto it = chain_index.find(text(4)); it != chain_index.end()) add(s.by_chain[it->second]);
    } else if (g == 61) {  // (d)
      if (auto it = district_index.find(text(5)); it != district_index.end()) add(s.by_district[it->second]);
    } else if (g == 62) {  // (pk)
      if (value(res, i, 6)) {
        const int64_t k = integer(res, i, 6);
        if (k >= 0 && static_cast<size_t>(k) < s.by_park.size()) add(s.by_park[k]);
      }
    } else if (g == 63 && integer(res, i, 20) == 0) {  // (s): the bit 1, 2 or 4 → Sector 0, 1, 2
      const int64_t bit = integer(res, i, 21);
      const int k = bit == 1 ? 0 : bit == 2 ? 1 : 2;
      add(s.by_sector[k]);
    }
  }
  for (int k = 0; k < 4; ++k)  // cumulative: by_size[k] holds every class from k+1 up
    for (int c = k + 1; c < 5; ++c) s.by_size[k].count += by_class[c].count, s.by_size[k].investment_yi += by_class[c].investment_yi;
  std::sort(months.begin(), months.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [m, te] : months) {
    s.by_month.push_back({m, te.first});
    s.by_month_ecosystem.push_back(te.second);
  }
  return s;
}

Result<RemoteCard> PostgisSource::card(const std::string& id, Vec2 xy) const {
  RemoteCard c;
  Query q;
  // Every column the row has, as JSON (whatever the table holds beside the canonical ones), the
  // point in the display CRS and, unless a column says it, whether it lies in its park.
  q.sql = "SELECT to_jsonb(t) - " + q.bind(t_.geometry) + "::text, ST_X(" + pointExpr() + "), ST_Y(" + pointExpr() + "), k.idx, " +
          "(k.idx IS NOT NULL AND " + inParkExpr() + ")" + fromParks(q) + " WHERE " + inExtent({xy.x - 1, xy.y - 1, xy.x + 1, xy.y + 1}, q) +
          " AND " + col(t_.id) + "::text = " + q.bind(id) + " LIMIT 1";
  auto r = run(conn_->pg, q);
  if (!r) return Result<RemoteCard>::fail(r.error());
  const PGresult* res = r->get();
  if (!pq().PQntuples(res)) return c;
  const nlohmann::json row = nlohmann::json::parse(value(res, 0, 0) ? value(res, 0, 0) : "{}", nullptr, false);
  auto text = [&](const std::string& key) -> std::string {
    if (!row.is_object() || !row.contains(key) || row[key].is_null()) return "";
    return row[key].is_string() ? row[key].get<std::string>() : row[key].dump();
  };
  c.found = true;
  c.id = text(t_.id), c.name_zh = text(t_.name_zh), c.name_en = text("name_en");
  c.signed_date = text(t_.signed_date).substr(0, 10), c.foreign = text("foreign");
  c.chain = text(t_.chain);
  c.ecosystem = ecosystemFromId(text(t_.ecosystem)).value_or(Ecosystem::Other);
  if (c.chain.empty()) c.chain = text(t_.ecosystem);  // its ecosystem's catch-all, as the loader reads it
  const std::string inv = text(t_.investment), fdi = text(t_.fdi);
  char* end = nullptr;
  c.investment_yi = std::strtod(inv.c_str(), &end);
  c.investment_known = !inv.empty() && end && *end == 0;
  if (!c.investment_known) c.investment_yi = 0;
  c.fdi_musd = std::strtod(fdi.c_str(), nullptr);
  const std::string leader = text("chain_leader");
  c.chain_leader = leader == "1" || leader == "true" || leader == "t";
  const std::string district = text(t_.district);
  for (size_t d = 0; d < map_.districts.size(); ++d)
    if (std::to_string(map_.districts[d].adcode) == district) c.district_index = static_cast<int>(d);
  c.xy = {real(res, 0, 1), real(res, 0, 2)};
  c.park_index = value(res, 0, 3) ? static_cast<int>(integer(res, 0, 3)) : -1;
  c.in_park = value(res, 0, 4) && std::string(value(res, 0, 4)) == "t";
  return c;
}

}  // namespace cm
