// Derived data, one pipeline: everything the panels and the map layers show that is computed
// from the model and the state — statistics for the filter and its time window, the histogram's
// all-time series, annual-target progress, bubbles for the zoom, the pick index, the model's
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

#include "core/binning.h"
#include "core/cached.h"
#include "core/filter.h"
#include "core/model.h"
#include "core/stats.h"
#include "core/stats_report.h"
#include "core/symbology.h"
#include "geo/spatial_index.h"

namespace cm {

// Progress towards the annual targets (assets/targets.json): manufacturing projects signed from
// January of the year the time window ends in, through the window's end.
struct TargetProgress {
  Targets targets;        // as loaded (one year)
  int year = 0;           // the year the window ends in
  bool has_target = false;  // targets.year == year
  int through_month = 0;  // last month counted
  int64_t n1 = 0, n10 = 0;
};

struct DerivedInputs {
  std::shared_ptr<const Model> model;
  uint64_t model_rev = 0;  // bumped whenever the model is replaced
  Filter filter;
  int first_month = 0, last_month = 0;  // the timeline's span (the histogram's range)
  double units_per_px = 1;              // zoom, for the bubbles' cell size
  Aggregate aggregate = Aggregate::Auto;
  double bin_cell_px = kBinCellPx;  // bubbles' cell size on screen (grows with the UI scale)
  bool allow_async = true;  // false: everything is computed before update() returns
  size_t async_rows = 200'000;  // slow products go to a worker above this many projects
};

class Derived {
 public:
  // The annual targets progress is measured against (assets/targets.json); none: no progress.
  void setTargets(std::optional<Targets> t) {
    targets_in_ = t;
    targets_ = {};
  }

  // Recomputes what is stale for `in`; takes results of finished background products.
  void update(const DerivedInputs& in);
  bool pending() const { return bins_.pending() || index_.pending(); }
  void wait();  // until nothing is pending (screenshots, tests)

  const Stats& stats() const { return stats_.get(); }       // filter and time window
  uint64_t statsRevision() const { return stats_.revision(); }
  const Filter* statsFilter() const { return stats_.key() ? &std::get<1>(*stats_.key()) : nullptr; }
  const Stats& allTime() const { return all_time_.get(); }  // attribute filter, whole timeline
  const TargetProgress* targets() const { return targets_in_ ? &targets_.get() : nullptr; }
  const Binning& bins() const { return bins_.get(); }
  bool aggregated() const { return aggregated_; }            // the map shows bins() instead of projects
  uint64_t binsRevision() const { return bins_.revision(); }
  const PointIndex* index() const { return index_.get().get(); }
  Vec2 origin() const { return origin_.get(); }              // centre of the districts' extent

 private:
  using StatsKey = std::tuple<uint64_t, Filter>;
  std::optional<Targets> targets_in_;
  std::shared_ptr<const Model> model_;  // co-owned: the engines below read it
  Cached<uint64_t, std::shared_ptr<StatsEngine>> engine_, target_engine_;
  Cached<uint64_t, Vec2> origin_;
  Cached<StatsKey, Stats> stats_;
  Cached<std::tuple<uint64_t, Filter, int, int>, Stats> all_time_;
  Cached<std::tuple<uint64_t, int>, TargetProgress> targets_;
  AsyncCached<std::tuple<uint64_t, Filter, double, Aggregate>, Binning> bins_;
  AsyncCached<uint64_t, std::shared_ptr<PointIndex>> index_;
  bool aggregated_ = false;
};

// Whether a binning is shown instead of the projects: always (On), never (Off), or (Auto) when
// more than 4,000 projects average more than two a cell.
bool showsBins(const Binning& b, Aggregate mode);

}  // namespace cm
