// A project registry too large to pull into the viewer, left in PostGIS: the view asks the
// database for what it draws and counts, one query each, and never holds the rows.
//
//   auto src = PostgisSource::open({"host=... dbname=...", "projects"}, model);  // districts, parks, CRS
//   RemoteBins b = *src->bins(filter, view_extent, size);     // GROUP BY the pyramid's hexagon of `size`
//   RemoteRows r = *src->rows(filter, view_extent, 5000);     // the rows themselves, when few enough
//   Stats s = *src->stats(filter);                            // GROUP BY GROUPING SETS (month×ecosystem, size, …)
//
// The results are the in-memory engine's types (core/hex_pyramid.h's Bin, core/stats.h's Stats)
// and mean the same: the tests compare them with hexOf() grouping and computeStats() on the same
// rows. The table has the canonical CSV's columns (names configurable in RemoteTable) and a point
// geometry column in any SRID; values are the CSV's ids (ecosystem, chain, sector, channel; a
// sector that is NULL, empty or neither manufacturing nor service is Sector::Unknown),
// district adcodes and park ids. Whether a project lies in its park's catchment is worked out in
// the query (geodesic, as the loader does) unless the table has an in-park column.
//
// Safety: libpq with bound parameters for every value (filter values, extents, the parks list);
// table and column names go through PQescapeIdentifier. Nothing a user types reaches the SQL text.
// What the loader does and the database cannot (a row without a point placed at its park or
// inside its district, a district found from the point) is not done: such rows count in the
// statistics under their stated district but draw in no bin.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/hex_pyramid.h"
#include "core/filter.h"
#include "core/model.h"
#include "platform/result.h"
#include "core/stats.h"
#include "core/view.h"

namespace cm {

struct RemoteTable {
  std::string conninfo;  // libpq connection string; a GDAL-style leading "PG:" is accepted
  std::string table;     // the table's name as it is (any characters)
  std::string schema;    // empty: the search path
  // Columns, by role (the canonical CSV's names).
  std::string geometry = "geom", id = "id", name_zh = "name_zh", ecosystem = "ecosystem", chain = "chain",
              sector = "sector", investment = "investment_yi", signed_date = "signed_date", district = "district",
              park = "park_id", fdi = "fdi_musd", channel = "channel";
  std::string in_park;  // a boolean column that says it; empty: computed from the point and the park
};

struct RemoteRow {
  std::string id, name_zh;
  Vec2 xy;  // display CRS
  Ecosystem ecosystem = Ecosystem::Other;
  float investment_yi = 0;
};
struct RemoteBins {
  std::vector<Bin> bins;
  int members = 0;
  double max_investment_yi = 0;
};
struct RemoteRows {
  std::vector<RemoteRow> rows;
  bool truncated = false;  // more rows in the view than the cap: draw bins instead
};
// One row's details for its card (card()): the canonical columns the table has, as text, and
// what the loader would work out from them.
struct RemoteCard {
  bool found = false;
  std::string id, name_zh, name_en, chain, signed_date, foreign;
  Ecosystem ecosystem = Ecosystem::Other;
  bool investment_known = false;
  double investment_yi = 0, fdi_musd = 0;
  int district_index = -1, park_index = -1;  // Model::districts / Model::parks of the map, -1 none
  bool in_park = false, chain_leader = false;
  Vec2 xy;  // display CRS
};
// What the database's summaries are (prepareSummaries()).
struct SummaryState {
  bool rollup = false, pyramid = false;  // there, of this layout, and made from the table as it is now
  bool stale = false;                    // one is there but older than the table (not used)
};

class PostgisSource {
 public:
  // Connects and reads the geometry column's SRID and the table's chains (catalogue chains first,
  // then the table's others, as the loader numbers them). `map` gives districts (adcode → index),
  // parks (id → index, catchments) and the display CRS; it must outlive the source.
  static Result<std::unique_ptr<PostgisSource>> open(const RemoteTable& t, const Model& map);
  ~PostgisSource();
  PostgisSource(const PostgisSource&) = delete;
  PostgisSource& operator=(const PostgisSource&) = delete;

  // Projects::chain_names for this table: what Filter::chains and Stats::by_chain index.
  const std::vector<std::string>& chainNames() const { return chain_names_; }

  // The projects that pass f gathered into the hex pyramid's hexagons of circumradius `size`
  // (display CRS; core/hex_pyramid.h's hexOf, computed the same way in SQL), every hexagon that
  // meets the view with all its members; Bin::example and Bin::first are -1 (no row index).
  Result<RemoteBins> bins(const Filter& f, const Extent& view, double size) const;
  // The rows in the view that pass f, at most `cap` (truncated set when there are more).
  Result<RemoteRows> rows(const Filter& f, const Extent& view, size_t cap) const;
  // The statistics panel's numbers for f, as computeStats() gives them.
  Result<Stats> stats(const Filter& f) const;
  // The row whose id column is `id`, drawn at `xy` (display CRS; the spatial index finds it
  // without an index on the id): found = false when there is none there.
  Result<RemoteCard> card(const std::string& id, Vec2 xy) const;

  // The statistics rollup: a materialized view beside the table (TABLE_chainmap_cube), the counts
  // cube of core/stats.h in SQL — one row per (month, ecosystem, sector, chain, district, park,
  // in-park, size class, channel) with count, investment and FDI. stats() reads it instead of the
  // rows whenever the minimum investment is a size-class boundary (0, 1, 10, 50, 100 亿: all the
  // panel offers), a pass over tens of thousands of cells instead of millions of rows. It is a
  // snapshot: createRollup() again (REFRESH MATERIALIZED VIEW) after the table changes; in-park
  // is taken with the parks of `map` at that time. Found by open() when it exists and is of this
  // layout (its COMMENT says so); one of an older layout (sector bits before Sector::Unknown) is
  // not read, and createRollup() replaces it.
  Result<bool> createRollup();
  bool hasRollup() const { return has_rollup_; }
  bool usesRollup(const Filter& f) const;

  // The bin pyramid: a table beside it (TABLE_chainmap_bins) with the table's rows gathered into
  // the hex pyramid's hexagons (hexOf itself, the rows streamed out once) of every level from
  // `from_level` up (kHexSpacing0 × 2^level), one row per (level, hexagon, month, ecosystem):
  // count, investment and the sums of x and y. bins() reads it for a level it holds whenever the
  // filter narrows no more than the ecosystems and the time window (the presenter's filters), so
  // a whole-city view adds up a few thousand cells instead of every row. Made or refreshed like
  // the rollup, found by open() likewise (its COMMENT gives the layout and the levels).
  // `batch_cells`: cells gathered here before they go to the database (~120 bytes each).
  Result<bool> createPyramid(int from_level = kRemotePyramidFrom, size_t batch_cells = 400'000);
  bool hasPyramid() const { return has_pyramid_; }
  bool usesPyramid(const Filter& f, double size) const;
  static constexpr int kRemotePyramidFrom = 6;  // 1 km hexagons and coarser: district and city views

  // Both summaries are snapshots of the table, stamped with its write counters and file
  // (pg_stat_all_tables' inserts, updates and deletes; pg_relation_filenode, which TRUNCATE
  // changes) when made. One older than the table is not used (answers come from the table,
  // slower but right) until prepareSummaries() makes it again: it makes what is missing or
  // stale (both, when `make_missing`; else only those there) and says what is in use after.
  // A writer's counters reach the statistics within about a second of its commit (at the
  // latest when it disconnects; PostgreSQL 15 flushes a busy session's every 10 s at most).
  Result<SummaryState> prepareSummaries(bool make_missing);
  SummaryState summaries() const { return {has_rollup_, has_pyramid_, stale_}; }
  // Asks the server to stop the statement running on this source's connection, if any (any
  // thread may call it: the window going away while F5 remakes a 10M-row pyramid).
  void cancelRunning() const;
  // Whether the table changed since the summaries in use were made (a query; false for a view,
  // which has no counters).
  bool tableChanged() const;

  struct Query;  // SQL text and its bound parameters (postgis_source.cpp)

 private:
  PostgisSource(const RemoteTable& t, const Model& map);
  std::string col(const std::string& c) const;
  std::string pointExpr() const;
  std::string chainExpr() const;
  std::string invExpr() const;
  std::string sectorBitExpr() const;
  std::string monthExpr() const;
  std::string inParkExpr() const;
  std::string ecoIndexExpr(Query& q) const;
  std::string fromParks(Query& q) const;
  std::string fromParks(Query& q, const std::string& table, const std::string& park_id) const;
  std::string statsRows(Query& q) const;
  std::string whereRollup(const Filter& f, Query& q) const;
  bool needsParks(const Filter& f) const;
  std::string where(const Filter& f, Query& q) const;
  std::string inExtent(const Extent& e, Query& q) const;
  std::string monthCond(const std::string& month, const Filter& f, Query& q) const;
  std::string tableStamp() const;
  void describeSummaries();  // "inserts+updates+deletes:filenode"; "" for a view
  int levelOf(double size) const;
  static RemoteBins gatherBins(const void* pg_result, const Extent& view, double size);
  Result<RemoteBins> pyramidBins(const Filter& f, const Extent& view, double size, int level) const;

  RemoteTable t_;
  const Model& map_;
  struct Conn;
  std::unique_ptr<Conn> conn_;
  int srid_ = 0, display_srid_ = 0;
  std::vector<std::string> chain_names_;
  std::string from_;    // quoted "schema"."table"
  std::string rollup_;  // quoted "schema"."table_chainmap_cube"
  std::string pyramid_;  // quoted "schema"."table_chainmap_bins"
  bool has_rollup_ = false;
  bool stale_rollup_ = false;  // a rollup of an older layout is there (replaced by createRollup)
  bool rollup_layout_ok_ = false;  // a rollup of this layout is there (fresh or not)
  bool has_pyramid_ = false, pyramid_there_ = false, pyramid_layout_ok_ = false;
  int pyramid_from_ = kHexLevels;
  bool stale_ = false;        // a summary is there but older than the table
  std::string made_stamp_;    // the table's stamp when the summaries in use were made
};

}  // namespace cm
