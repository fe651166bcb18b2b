#include "core/derived.h"

#include "core/view.h"

#include <algorithm>

namespace cm {

namespace {
int floorDiv(int a, int b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

// An object that reads the model, sharing the model's lifetime: the model cannot go before it.
template <class T, class... Args>
std::shared_ptr<T> coOwned(const std::shared_ptr<const Model>& m, Args&&... args) {
  return std::shared_ptr<T>(new T(std::forward<Args>(args)...), [keep = m](T* p) { delete p; });
}
}  // namespace

bool showsBins(const Binning& b, Aggregate mode) {
  return mode == Aggregate::On || (mode == Aggregate::Auto && b.members > 4000 && b.meanOccupancy() > 2.0);
}

void Derived::update(const DerivedInputs& in) {
  if (!in.model) return;
  model_ = in.model;
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
    return engine.query(f.month_from, f.month_to);
  });
  all_time_.update({rev, f.attributes(), in.first_month, in.last_month}, [&] {
    engine.setAttributeFilter(f);
    return engine.query(in.first_month, in.last_month);
  });

  if (targets_in_) {
    target_engine_.update(rev, [&] {
      auto e = coOwned<StatsEngine>(in.model, m);
      Filter manufacturing;
      manufacturing.sectors = 1;
      e->setAttributeFilter(manufacturing);
      return e;
    });
    const int to = std::clamp(f.month_to, in.first_month, std::max(in.first_month, in.last_month));
    targets_.update({rev, to}, [&] {
      TargetProgress t;
      t.targets = *targets_in_;
      t.year = floorDiv(to, 12);
      t.through_month = to;
      t.has_target = t.year == t.targets.year;
      if (t.has_target) {
        const Stats s = target_engine_.get()->query(t.year * 12, to);
        t.n1 = s.by_size[0].count;
        t.n10 = s.by_size[1].count;
      }
      return t;
    });
  }

  const bool async = in.allow_async && m.projects.size() > in.async_rows;
  const double cell = in.bin_cell_px * in.units_per_px;
  bins_.update(
      {rev, f, cell, in.aggregate},
      [model = in.model, f, cell, mode = in.aggregate](TaskControl&) {
        return mode == Aggregate::Off ? Binning{} : binProjects(model->projects, f, cell);
      },
      async);
  bins_.poll();
  aggregated_ = bins_.key() && showsBins(bins_.get(), std::get<3>(*bins_.key()));

  index_.update(
      rev,
      [model = in.model](TaskControl&) {
        return model->projects.size() ? coOwned<PointIndex>(model, model->projects.x, model->projects.y)
                                      : std::shared_ptr<PointIndex>();
      },
      async);
  index_.poll();
}

void Derived::wait() {
  bins_.wait();
  index_.wait();
  if (bins_.key()) aggregated_ = showsBins(bins_.get(), std::get<3>(*bins_.key()));
}

}  // namespace cm
