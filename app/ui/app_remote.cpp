// Remote mode's hook into the App: the derived pipeline gets the remote products (statistics from
// the database, the remote layer's bins and rows) and the timeline gets the table's span. The
// model stays the base map alone: the panels that need rows say so (S::RemoteNoRows: the Analysis header, the project table).
#include "data/postgis_source.h"
#include "data/remote_products.h"
#include "ui/app_impl.h"

namespace cm {

Result<bool> App::setRemote(std::shared_ptr<PostgisSource> src, bool whole_timeline) {
  auto all = src->stats(Filter{});
  if (!all) return Result<bool>::fail(all.error());
  st_.timeline.dated = !all->by_month.empty();  // the targets count signings
  if (!all->by_month.empty()) {
    st_.timeline.first_month = all->by_month.front().first;
    st_.timeline.last_month = all->by_month.back().first;
    if (whole_timeline) {
      st_.filter.month_from = st_.timeline.first_month;
      st_.filter.month_to = st_.timeline.last_month;
    }
  }
  auto products = std::make_shared<RemoteProducts>(std::move(src), model_);
  // The start-up's answer is the first frame's when the filter takes every row (no attribute
  // filter, the whole span, every row dated): not asked again.
  int64_t dated = 0;
  for (const auto& [month, tally] : all->by_month) dated += tally.count;
  if (st_.filter.attributes() == Filter{} && (whole_timeline || st_.filter == Filter{}) && dated == all->total.count)
    products->seed(st_.filter, std::move(*all));
  impl_->derived.setRemote(std::move(products));
  return true;
}

bool App::remote() const { return impl_->derived.remote() != nullptr; }

}  // namespace cm
