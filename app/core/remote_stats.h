// A registry left in a database (data/remote_products.h implements it for PostGIS): what Derived
// serves in place of the model's own statistics engine when the rows stay in the database. The
// core knows this interface only; the data layer provides it.
#pragma once
#include <cstdint>

#include <string>

#include "core/filter.h"
#include "core/stats.h"
#include "core/targets.h"
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
  const Targets* targets = nullptr;  // the annual targets (null: no progress asked)
  std::string card_id;               // the row whose card is pinned ("" none): RemoteSelection
  Vec2 card_xy;
};

// The remote card feature's settings (ui/features/remote_card.cpp): the row whose card is pinned, by its id
// (the database's rows have no index in the model), and where it lies (display CRS).
struct RemoteSelection {
  std::string id;
  Vec2 xy;
  std::string name;  // as the rows gave it: the font atlas must hold its glyphs for the card
  bool operator==(const RemoteSelection&) const = default;
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
  virtual const TargetProgress* targets() const { return nullptr; }  // when RemoteInputs::targets asks
  // F5: the source again — its summaries made again if the table changed, every answer asked again
  // (the ones shown stay until the new ones are in).
  virtual void refresh() {}
};

}  // namespace cm
