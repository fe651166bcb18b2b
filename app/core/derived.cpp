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

bool showsBins(const HexPyramid& p, const LevelBlend& b, const View& view, Aggregate mode) {
  if (mode == Aggregate::Off || p.levels.empty()) return false;
  if (mode == Aggregate::On) return true;
  if (p.members <= 4000 || b.below_finest) return false;
  const HexLevel& L = p.levels[b.main()];
  if (view.width <= 1) return 2.0 * L.bins.size() < p.members;
  const Vec2 lo = view.toWorld({0, double(view.height)}), hi = view.toWorld({double(view.width), 0});
  std::vector<uint32_t> seen;
  L.visible(lo.x, lo.y, hi.x, hi.y, seen);
  int64_t members = 0;
  for (uint32_t k : seen) members += L.bins[k].count;
  return members > 2 * static_cast<int64_t>(seen.size());
}

void Derived::decide() {
  blend_ = pyramid_.get().blendFor(cell_units_);
  // Before the first pyramid of a large table arrives, draw neither (not a million sprites).
  aggregated_ = pyramid_.key() ? showsBins(pyramid_.get(), blend_, view_, mode_) : mode_ != Aggregate::Off && pyramid_.pending();
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
  pyramid_.update(
      {rev, f}, [model = in.model, f](TaskControl& c) { return buildHexPyramid(model->projects, f, &c); }, async);
  const bool fresh = pyramid_.poll() || !async;
  // Per frame, O(visible bins): the levels for this zoom and whether bubbles show at all.
  const double cell = in.bin_cell_px * in.units_per_px;
  if (fresh || cell != cell_units_ || in.aggregate != mode_ || !(in.view == view_)) {
    cell_units_ = cell;
    mode_ = in.aggregate;
    view_ = in.view;
    decide();
  }

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
  pyramid_.wait();
  index_.wait();
  decide();
}

}  // namespace cm
