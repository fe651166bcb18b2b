// The window's view of a registry left in PostGIS (data/postgis_source.h): what the map and the
// panels need, asked of the database on worker threads so a frame never waits for it.
//
//   bins   the hex pyramid's level whose spacing matches the bubbles' cell size (as
//          HexPyramid::blendFor picks the level counts use), over the view rounded outward to
//          whole hexagons of that level: panning inside those hexagons asks nothing new;
//   rows   the rows in that same extent, at most kRemoteRowCap, asked once the bins say the
//          extent holds no more than that (a zoomed-out view asks for bins only);
//   stats  the statistics panel's numbers for the filter, and for the filter over the whole
//          timeline (the histogram).
// Each is keyed by its inputs. One worker thread asks the database, always for the newest key
// of each product (keys wanted meanwhile and already outdated are skipped, never queued); a frame
// only hands over keys and takes results, so it never waits for a query, and the last result
// stays drawn until the newer one arrives (pending() then shows "computing…"). Not AsyncCached:
// replacing its task joins the running one, and a query cannot be cut short. The source has one
// connection: the worker and a synchronous update (screenshots, tests) take turns on a mutex.
#pragma once
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <string>
#include <tuple>

#include "core/filter.h"
#include "core/remote_stats.h"
#include "core/stats.h"
#include "core/symbology.h"
#include "core/view.h"
#include "data/postgis_source.h"

namespace cm {

inline constexpr size_t kRemoteRowCap = 5000;

// The hex level (0 = finest, kHexSpacing0 × 2^k) counts would use for this cell size.
int remoteLevelFor(double cell_units);
// The view (a margin of one hexagon) rounded outward to multiples of the level's spacing.
Extent remoteExtent(const View& v, double spacing);

class RemoteProducts final : public RemoteStats {
 public:
  // `map` co-owns what the source reads (districts, parks).
  RemoteProducts(std::shared_ptr<PostgisSource> src, std::shared_ptr<const Model> map);
  ~RemoteProducts();  // cancels the query in flight, if any, and waits for the worker
  RemoteProducts(const RemoteProducts&) = delete;
  RemoteProducts& operator=(const RemoteProducts&) = delete;
  void update(const RemoteInputs& in) override;
  // Statistics already known for `f` (e.g. the table's whole span, asked at start-up): not asked again.
  void seed(const Filter& f, Stats s);
  bool pending() const override;
  void wait() override;  // until every product matches the last update()'s keys

  struct StatsResult {
    Stats stats;
    std::string error;
  };
  struct BinsResult {
    RemoteBins bins;
    double size = 0;  // the hexagons' circumradius
    Extent extent;
    std::string error;
  };
  struct RowsResult {
    RemoteRows rows;
    double size = 0;  // the hexagon size of the view they were asked for
    Extent extent;
    std::string error;
  };
  const Stats& stats() const override { return stats_.get().stats; }
  uint64_t statsRevision() const override { return stats_.revision; }
  const Filter* statsFilter() const override { return stats_.key(); }
  const Stats& allTime() const override { return all_time_.get().stats; }
  const TargetProgress* targets() const override { return targets_.key() ? &targets_.get().progress : nullptr; }
  void refresh() override;
  struct CardResult {
    RemoteCard card;
    std::string error;
  };
  // The pinned card's row, once asked (RemoteInputs::card_id); null while none is in for that id.
  const CardResult* card() const { return card_.key() && card_.wanted && *card_.key() == *card_.wanted ? &card_.get() : nullptr; }
  const BinsResult& bins() const { return bins_.get(); }
  uint64_t binsRevision() const { return bins_.revision; }
  const RowsResult& rows() const { return rows_.get(); }
  uint64_t rowsRevision() const { return rows_.revision; }
  bool hasRows() const { return rows_.key() != nullptr; }
  // The last query's failure, if any (the panels show it).
  std::string error() const;
  // Which summaries the answers use (and whether one is there but older than the table).
  SummaryState summaries() const;
  bool refreshing() const { return refreshing_; }  // F5 asked, its summaries not yet made
  Aggregate aggregate() const { return aggregate_; }

 private:
  using AreaKey = std::tuple<Filter, double, double, double, double, double>;  // filter, extent, size
  using TargetsKey = std::tuple<int, int, int, int, int, int>;  // window end, first and last month, the targets
  using CardKey = std::tuple<std::string, double, double>;       // id, where it is drawn
  struct TargetsResult {
    TargetProgress progress;
    std::string error;
  };
  // One product: the key wanted, the value shown and the key it was made for.
  template <class Key, class Value>
  struct Slot {
    std::function<Value(const Key&)> compute;
    std::optional<Key> wanted, shown, todo;  // todo: wanted and not started (guarded by mu_)
    std::optional<std::pair<Key, Value>> arrived;  // guarded by mu_
    Value value{};
    uint64_t revision = 0;
    const Value& get() const { return value; }
    const Key* key() const { return shown ? &*shown : nullptr; }
  };
  template <class Key, class Value>
  void want(Slot<Key, Value>& s, const Key& k, bool async);
  template <class Key, class Value>
  void take(Slot<Key, Value>& s);
  template <class Key, class Value>
  bool runOne(Slot<Key, Value>& s, std::unique_lock<std::mutex>& lock);
  void work();
  void follow();
  void askRows(bool async);  // once the bins say the view holds few enough rows
  void takeAll();            // every product's answer that has arrived
  std::optional<AreaKey> area_;  // the last view's key  // the histogram's statistics are the panel's when the window spans the timeline

  std::shared_ptr<PostgisSource> src_;
  std::shared_ptr<const Model> map_;
  Aggregate aggregate_ = Aggregate::Auto;
  std::mutex query_;  // one connection: one query at a time
  mutable std::mutex mu_;  // the slots' todo and arrived
  std::condition_variable cv_, done_;
  bool stop_ = false;
  int in_flight_ = 0;
  Slot<Filter, StatsResult> stats_, all_time_;
  Slot<AreaKey, BinsResult> bins_;
  Slot<AreaKey, RowsResult> rows_;
  Slot<TargetsKey, TargetsResult> targets_;
  Slot<CardKey, CardResult> card_;
  bool refresh_todo_ = false, refreshed_ = false;  // guarded by mu_: F5 asked / done on the worker
  bool refreshing_ = false;                        // the main thread's: F5 asked, not yet taken in
  std::string refresh_error_;                      // guarded by mu_
  SummaryState summaries_;                         // guarded by mu_
  void takeRefresh();
  std::thread worker_;
};

}  // namespace cm
