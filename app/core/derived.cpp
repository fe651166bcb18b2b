#include "core/derived.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core/ids.h"
#include "core/view.h"

#include <algorithm>

namespace cm {

namespace {

// An object that reads the model, sharing the model's lifetime: the model cannot go before it.
template <class T, class... Args>
std::shared_ptr<T> coOwned(const std::shared_ptr<const Model>& m, Args&&... args) {
  return std::shared_ptr<T>(new T(std::forward<Args>(args)...), [keep = m](T* p) { delete p; });
}
}  // namespace

bool showsBins(const HexPyramid& p, const LevelBlend& b, const View& view, Aggregate mode) {
  if (mode == Aggregate::Off || p.levels.empty()) return false;
  if (mode == Aggregate::On) return true;
  if (p.members <= 4000 || b.below_finest) return false;
  // Bubbles while one on screen holds more than one project; else the projects look the same and
  // the projects layer (rings, life cycle, pulses) draws them.
  const HexLevel& hex_level = p.levels[b.main()];
  if (view.width <= 1) return std::any_of(hex_level.bins.begin(), hex_level.bins.end(), [](const Bin& x) { return x.count() > 1; });
  const Vec2 lo = view.toWorld({0, double(view.height)}), hi = view.toWorld({double(view.width), 0});
  std::vector<uint32_t> seen;
  hex_level.visible(lo.x, lo.y, hi.x, hi.y, seen);
  return std::any_of(seen.begin(), seen.end(), [&](uint32_t k) { return hex_level.bins[k].count() > 1; });
}

void Derived::decide() {
  blend_ = pyramid_.get().blendFor(cell_units_);
  // Before the first pyramid of a large table arrives, draw neither (not a million sprites).
  aggregated_ = pyramid_.key() ? showsBins(pyramid_.get(), blend_, view_, mode_)
                               : mode_ != Aggregate::Off && (pyramid_.pending() || order_.pending());
}

bool Derived::pending() const {
  if (order_.pending() || pyramid_.pending() || index_.pending() || (remote_ && remote_->pending())) return true;
  return std::any_of(products_.begin(), products_.end(), [](const auto& p) { return p.second->pending(); });
}

void Derived::addProduct(std::string id, std::unique_ptr<DerivedProduct> p) { products_.emplace_back(std::move(id), std::move(p)); }

float Derived::productsProgress() const {
  float f = 1;
  for (const auto& [id, p] : products_)
    if (p->pending()) f = std::min(f, p->progress());
  return f;
}

void Derived::updateProducts(const DerivedInputs& in) {
  if (products_.empty() || !in.features || remote_) return;  // remote mode: no rows for the analyses
  const ProductInputs pi{in.model, in.model_rev, in.filter, *in.features, in.demanded, in.allow_async, *this};
  for (auto& [id, p] : products_) p->update(pi);
}
const Stats& Derived::stats() const { return remote_ ? remote_->stats() : stats_.get(); }
uint64_t Derived::statsRevision() const { return remote_ ? remote_->statsRevision() + (1ull << 40) : stats_.revision(); }
const Filter* Derived::statsFilter() const {
  if (remote_) return remote_->statsFilter();
  return stats_.key() ? &std::get<1>(*stats_.key()) : nullptr;
}
const Stats& Derived::allTime() const { return remote_ ? remote_->allTime() : all_time_.get(); }

void Derived::update(const DerivedInputs& in) {
  if (!in.model) return;
  if (remote_) {
    // The pinned card's row (ui/features/remote_card.cpp).
    const RemoteSelection* sel = in.features ? &in.features->get<RemoteSelection>(ids::kRemote) : nullptr;
    const RemoteInputs r{.filter = in.filter,
                         .first_month = in.first_month,
                         .last_month = in.last_month,
                         .view = in.view,
                         .cell_units = in.bin_cell_px * in.units_per_px,
                         .aggregate = in.aggregate,
                         .allow_async = in.allow_async,
                         .targets = targets_in_ ? &*targets_in_ : nullptr,
                         .card_id = sel ? sel->id : std::string(),
                         .card_xy = sel ? sel->xy : Vec2{}};
    remote_->update(r);
  }
  model_ = in.model;
  last_in_ = in;
  const Model& m = *in.model;
  const uint64_t rev = in.model_rev;
  const Filter& f = in.filter;

  engine_.update(rev, [&] { return coOwned<StatsEngine>(in.model, m); });
  origin_.update(rev, [&] {
    Extent e;
    for (const District& d : m.districts)
      for (const Polygon& p : d.xy)
        for (const Vec2& v : p.rings[0]) e.add(v);
    return e.valid() ? Vec2{(e.minx + e.maxx) / 2, (e.miny + e.maxy) / 2} : Vec2{};
  });
  StatsEngine& engine = *engine_.get();
  stats_.update({rev, f}, [&] {
    engine.setAttributeFilter(f);  // O(n) only when more than the time window changed
    return engine.query(f.month_from, f.month_to, f.undated);
  });
  all_time_.update({rev, f.attributes(), in.first_month, in.last_month}, [&] {
    engine.setAttributeFilter(f);
    return engine.query(in.first_month, in.last_month, true);  // the timeline's bars, the undated one too
  });

  if (targets_in_ && !remote_) {  // core/targets.h: the same figure as --stats and the exports (remote: the database's)
    const std::tuple<uint64_t, int> key{rev, std::clamp(f.month_to, in.first_month, std::max(in.first_month, in.last_month))};
    if (in.allow_async) {  // a window: an engine of its own (over the same cube), so the time slider's every step is free
      target_engine_.update(rev, [&] {
        auto e = coOwned<StatsEngine>(in.model, engine, StatsEngine::SameCube{});
        e->setAttributeFilter(targetFilter());
        return e;
      });
      targets_.update(key, [&] { return targetProgress(*target_engine_.get(), *targets_in_, f.month_to, in.first_month, in.last_month); });
    } else {  // a screenshot, a video: one pass over the rows when the month changes (no second cube)
      targets_.update(key, [&] { return targetProgressOfRows(m, *targets_in_, f.month_to, in.first_month, in.last_month); });
    }
  }

  const bool async = in.allow_async && m.projects.size() > in.async_rows;
  // The pyramid costs ~25 ms at 100k rows (several passes): a worker from 50k on.
  const bool async_pyramid = in.allow_async && m.projects.size() > std::min<size_t>(in.async_rows, 50'000);
  order_.update(
      rev,
      [model = in.model](TaskControl&) {
        return std::shared_ptr<const std::vector<uint32_t>>(
            std::make_shared<std::vector<uint32_t>>(spatialOrder(model->projects)));
      },
      async_pyramid);
  order_.poll();
  if (order_.key() && *order_.key() == rev) {  // the pyramid walks the rows in the model's spatial order
    const bool started = async_pyramid && !pyramid_.pending() && pyramid_.key() && !(*pyramid_.key() == std::tuple{rev, f});
    pyramid_.update(
        {rev, f},
        [model = in.model, f, order = order_.get()](TaskControl& c) {
          HexPyramid p = buildHexPyramid(model->projects, f, order.get(), &c);
#ifdef __GLIBC__
          // The build's working lists (~50 MB at 1M rows) were freed inside this thread's heap,
          // where the next build, on another thread, would not reuse them: handed back now.
          malloc_trim(0);
#endif
          return p;
        },
        async_pyramid);
    // While the next filter's pyramid is built, the window keeps only what this view draws of the
    // last one (the levels it shows, around the view), not the whole of it beside the new one.
    if (started && std::get<0>(*pyramid_.key()) == rev && in.view.width > 1 && blend_.fine >= 0) {
      const Vec2 a = in.view.toWorld({-0.5 * in.view.width, 1.5 * in.view.height}),
                 b = in.view.toWorld({1.5 * in.view.width, -0.5 * in.view.height});
      pyramid_.edit([&](HexPyramid& p) { p = trimmedPyramid(p, blend_.fine, blend_.coarse, a.x, a.y, b.x, b.y); });
    }
  }
  const bool fresh = pyramid_.poll() || !async_pyramid;
  // Per frame, O(visible bins): the levels for this zoom and whether bubbles show at all.
  const double cell = in.bin_cell_px * in.units_per_px;
  if (fresh || cell != cell_units_ || in.aggregate != mode_ || !(in.view == view_)) {
    cell_units_ = cell;
    mode_ = in.aggregate;
    view_ = in.view;
    decide();
  }

  if (in.picking || !aggregated_) {
    index_.update(
        rev,
        [model = in.model](TaskControl&) {
          return model->projects.size() ? coOwned<PointIndex>(model, model->projects.x, model->projects.y)
                                        : std::shared_ptr<PointIndex>();
        },
        async);
  }
  index_.poll();
  updateProducts(in);
}

void Derived::wait() {
  if (remote_) remote_->wait();
  for (auto& [id, p] : products_) p->wait();
  order_.wait();
  if (last_in_) update(*last_in_);  // starts the pyramid if it was waiting for the order
  pyramid_.wait();
  index_.wait();
  decide();
}

}  // namespace cm
