// Derived data, one pipeline: everything the panels and the map layers show that is computed
// from the model and the state — statistics for the filter and its time window, the histogram's
// all-time series, annual-target progress, the bubbles' hex pyramid, the pick index, the model's
// drawing origin. Each product is cached by the key of its inputs (model revision, filter, zoom
// where needed) and recomputed only when that key changes. The frame driver calls update() after
// the panels have edited the state and before anything is drawn, so totals and map never
// disagree. Slow products run on a worker thread (core/cached.h) and arrive a frame later;
// pending() says so.
//
// A new product: a Cached/AsyncCached member, one line in update(), an accessor.
#pragma once
#include <memory>
#include <optional>

#include "core/cached.h"
#include "core/hex_pyramid.h"
#include "core/filter.h"
#include "core/remote_stats.h"
#include "core/model.h"
#include "core/stats.h"
#include "core/stats_report.h"
#include "core/targets.h"
#include "core/derived_product.h"
#include "core/symbology.h"
#include "core/view.h"
#include "geo/spatial_index.h"

namespace cm {

struct DerivedInputs {
  std::shared_ptr<const Model> model;
  uint64_t model_rev = 0;  // bumped whenever the model is replaced
  Filter filter;
  int first_month = 0, last_month = 0;  // the timeline's span (the histogram's range)
  double units_per_px = 1;              // zoom, for the bubbles' cell size
  Aggregate aggregate = Aggregate::Auto;
  double bin_cell_px = kBinCellPx;  // bubbles' cell size on screen (grows with the UI scale)
  bool allow_async = true;  // false: everything is computed before update() returns
  // Something may point at a project (a window's cursor): the pick index is built even while the
  // map shows bubbles (a screenshot of bubbles needs none: 0.4 s and 30 MB at 1M).
  bool picking = true;
  size_t async_rows = 200'000;  // slow products go to a worker above this many projects
  View view;  // what is on screen (width 1: everything), for the bubbles' occupancy there
  const FeatureStates* features = nullptr;  // the features' settings (their products key on them)
  std::set<std::string> demanded;           // the features' products something shown needs
};

class Derived {
 public:
  // The annual targets progress is measured against (assets/targets.json); none: no progress.
  void setTargets(std::optional<Targets> t) {
    targets_in_ = t;
    targets_ = {};
  }

  // A registry left in PostGIS: statistics come from the database instead of the (empty) model's
  // engine, and the remote layer draws its bins and rows (null: the model's projects).
  void setRemote(std::shared_ptr<RemoteStats> r) { remote_ = std::move(r); }
  const RemoteStats* remote() const { return remote_.get(); }

  // A feature's product (core/derived_product.h), updated after the built-in ones in the order added.
  void addProduct(std::string id, std::unique_ptr<DerivedProduct> p);
  // The product registered as `id`, as P (null when none, or another type).
  template <class P>
  const P* product(std::string_view id) const {
    for (const auto& [k, p] : products_)
      if (k == id) return dynamic_cast<const P*>(p.get());
    return nullptr;
  }
  float productsProgress() const;  // the slowest pending product's progress (1: none pending)

  // Recomputes what is stale for `in`; takes results of finished background products.
  void update(const DerivedInputs& in);
  bool pending() const;
  void wait();  // until nothing is pending (screenshots, tests)

  const Stats& stats() const;       // filter and time window
  uint64_t statsRevision() const;
  const Filter* statsFilter() const;
  const Stats& allTime() const;  // attribute filter, whole timeline
  const TargetProgress* targets() const {
    if (remote_) return targets_in_ ? remote_->targets() : nullptr;
    return targets_in_ ? &targets_.get() : nullptr;
  }
  // F5 in remote mode (RemoteStats::refresh).
  void refreshRemote() {
    if (remote_) remote_->refresh();
  }
  // The bubbles' hex pyramid for the filter (built once per filter; the zoom only picks levels).
  const HexPyramid& pyramid() const { return pyramid_.get(); }
  uint64_t pyramidRevision() const { return pyramid_.revision(); }
  const LevelBlend& blend() const { return blend_; }          // the levels this zoom shows
  bool aggregated() const { return aggregated_; }            // the map shows bubbles instead of projects
  // The projects' k-d tree: null until built (a large table's on a worker), or while nothing can
  // point and the map shows bubbles (DerivedInputs::picking).
  const PointIndex* index() const { return index_.get().get(); }
  Vec2 origin() const { return origin_.get(); }              // centre of the districts' extent

 private:
  using StatsKey = std::tuple<uint64_t, Filter>;
  std::optional<Targets> targets_in_;
  std::shared_ptr<RemoteStats> remote_;
  std::shared_ptr<const Model> model_;  // co-owned: the engines below read it
  std::optional<DerivedInputs> last_in_;  // wait() finishes what the last update() started
  Cached<uint64_t, std::shared_ptr<StatsEngine>> engine_, target_engine_;
  Cached<uint64_t, Vec2> origin_;
  Cached<StatsKey, Stats> stats_;
  Cached<std::tuple<uint64_t, Filter, int, int>, Stats> all_time_;
  Cached<std::tuple<uint64_t, int>, TargetProgress> targets_;
  std::vector<std::pair<std::string, std::unique_ptr<DerivedProduct>>> products_;
  void updateProducts(const DerivedInputs& in);
  AsyncCached<uint64_t, std::shared_ptr<const std::vector<uint32_t>>> order_;  // spatialOrder, per model
  AsyncCached<std::tuple<uint64_t, Filter>, HexPyramid> pyramid_;
  AsyncCached<uint64_t, std::shared_ptr<PointIndex>> index_;
  bool aggregated_ = false;
  LevelBlend blend_;
  Aggregate mode_ = Aggregate::Auto;
  double cell_units_ = 0;
  View view_;
  void decide();  // blend_ and aggregated_ for the current pyramid, cell size and view
};

// Whether bubbles are shown instead of the projects: always (On), never (Off), or (Auto) when
// more than 4,000 projects pass the filter, the zoom is not finer than the pyramid's finest level,
// and the bins on screen at the level shown average more than two projects.
bool showsBins(const HexPyramid& p, const LevelBlend& b, const View& view, Aggregate mode);

}  // namespace cm
