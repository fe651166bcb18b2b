// A registry left in a database (data/remote_products.h implements it for PostGIS): what Derived
// serves in place of the model's own statistics engine when the rows stay in the database. The
// core knows this interface only; the data layer provides it.
#pragma once
#include <cstdint>

#include "core/filter.h"
#include "core/stats.h"
#include "core/symbology.h"
#include "core/view.h"

namespace cm {

struct RemoteInputs {
  Filter filter;
  int first_month = 0, last_month = 0;  // the timeline's span
  View view;
  double cell_units = 0;  // bubbles' cell size in display units (bin_cell_px × units_per_px)
  Aggregate aggregate = Aggregate::Auto;  // bins or rows (the remote layer decides with it)
  bool allow_async = true;
};

class RemoteStats {
 public:
  virtual ~RemoteStats() = default;
  virtual void update(const RemoteInputs& in) = 0;
  virtual bool pending() const = 0;
  virtual void wait() = 0;  // until every product matches the last update()'s keys
  virtual const Stats& stats() const = 0;     // the filter and its window
  virtual uint64_t statsRevision() const = 0;
  virtual const Filter* statsFilter() const = 0;
  virtual const Stats& allTime() const = 0;   // the attribute filter over the whole timeline
};

}  // namespace cm
