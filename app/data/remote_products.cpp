#include "data/remote_products.h"

#include <algorithm>
#include <cmath>

#include "core/hex_pyramid.h"
#include "platform/trace.h"

namespace cm {

int remoteLevelFor(double cell_units) {
  if (!(cell_units > kHexSpacing0)) return 0;
  // blendFor's main(): the finer level until halfway through the octave (in log scale).
  const int k = static_cast<int>(std::floor(std::log2(cell_units / kHexSpacing0) + 0.5));
  return std::clamp(k, 0, kHexLevels - 1);
}

Extent remoteExtent(const View& v, double spacing) {
  const Vec2 lo = v.toWorld({0, double(v.height)}), hi = v.toWorld({double(v.width), 0});
  Extent e;
  e.minx = (std::floor(lo.x / spacing) - 1) * spacing;
  e.miny = (std::floor(lo.y / spacing) - 1) * spacing;
  e.maxx = (std::ceil(hi.x / spacing) + 1) * spacing;
  e.maxy = (std::ceil(hi.y / spacing) + 1) * spacing;
  return e;
}

RemoteProducts::RemoteProducts(std::shared_ptr<PostgisSource> src, std::shared_ptr<const Model> map)
    : src_(std::move(src)), map_(std::move(map)) {
  auto statsOf = [this](const Filter& f) {
    StatsResult r;
    auto s = src_->stats(f);
    if (s) r.stats = std::move(*s);
    else r.error = s.error();
    trace("remote: statistics");
    return r;
  };
  stats_.compute = statsOf;
  all_time_.compute = statsOf;
  bins_.compute = [this](const AreaKey& k) {
    BinsResult r;
    r.size = std::get<5>(k);
    r.extent.minx = std::get<1>(k), r.extent.miny = std::get<2>(k), r.extent.maxx = std::get<3>(k), r.extent.maxy = std::get<4>(k);
    auto b = src_->bins(std::get<0>(k), r.extent, r.size);
    if (b) r.bins = std::move(*b);
    else r.error = b.error();
    trace("remote: bins");
    return r;
  };
  rows_.compute = [this](const AreaKey& k) {
    RowsResult r;
    r.size = std::get<5>(k);
    r.extent.minx = std::get<1>(k), r.extent.miny = std::get<2>(k), r.extent.maxx = std::get<3>(k), r.extent.maxy = std::get<4>(k);
    auto rows = src_->rows(std::get<0>(k), r.extent, kRemoteRowCap);
    if (rows) r.rows = std::move(*rows);
    else r.error = rows.error(), r.rows.truncated = true;
    trace("remote: rows");
    return r;
  };
  worker_ = std::thread([this] { work(); });
}

RemoteProducts::~RemoteProducts() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

template <class Key, class Value>
void RemoteProducts::want(Slot<Key, Value>& s, const Key& k, bool async) {
  if (s.wanted && *s.wanted == k) return;
  s.wanted = k;
  if (!async) {  // here and now (the worker may be mid-query: take turns)
    {
      std::lock_guard lock(mu_);
      s.todo.reset();
    }
    std::lock_guard q(query_);
    s.value = s.compute(k);
    s.shown = k;
    ++s.revision;
    return;
  }
  {
    std::lock_guard lock(mu_);
    s.todo = k;  // replaces an older key not yet started
  }
  cv_.notify_one();
}

template <class Key, class Value>
void RemoteProducts::take(Slot<Key, Value>& s) {
  std::optional<std::pair<Key, Value>> a;
  {
    std::lock_guard lock(mu_);
    a.swap(s.arrived);
  }
  if (!a) return;
  if (s.shown && s.wanted && *s.shown == *s.wanted) return;  // already current: an older key's result
  s.shown = std::move(a->first);
  s.value = std::move(a->second);
  ++s.revision;
}

template <class Key, class Value>
bool RemoteProducts::runOne(Slot<Key, Value>& s, std::unique_lock<std::mutex>& lock) {
  if (!s.todo) return false;
  Key k = std::move(*s.todo);
  s.todo.reset();
  ++in_flight_;
  lock.unlock();
  std::optional<Value> v;
  {
    std::lock_guard q(query_);
    v.emplace(s.compute(k));
  }
  lock.lock();
  s.arrived.emplace(std::move(k), std::move(*v));
  --in_flight_;
  done_.notify_all();
  return true;
}

void RemoteProducts::work() {
  std::unique_lock lock(mu_);
  for (;;) {
    cv_.wait(lock, [&] { return stop_ || stats_.todo || all_time_.todo || bins_.todo || rows_.todo; });
    if (stop_) return;
    // The statistics first (the panels' totals), then what the map draws.
    runOne(stats_, lock) || runOne(bins_, lock) || runOne(rows_, lock) || runOne(all_time_, lock);
  }
}

void RemoteProducts::update(const RemoteInputs& in) {
  const bool async = in.allow_async;
  aggregate_ = in.aggregate;
  want(stats_, in.filter, async);
  Filter whole = in.filter;
  whole.month_from = in.first_month;
  whole.month_to = std::max(in.first_month, in.last_month);
  if (whole == in.filter) {  // the same query: follow() copies the panel's answer
    all_time_.wanted = whole;
    std::lock_guard lock(mu_);
    all_time_.todo.reset();
  } else {
    want(all_time_, whole, async);
  }
  if (in.view.width > 1 && in.view.height > 1) {
    const int level = remoteLevelFor(in.cell_units);
    const double spacing = kHexSpacing0 * std::ldexp(1.0, level);
    const Extent e = remoteExtent(in.view, spacing);
    const AreaKey key{in.filter, e.minx, e.miny, e.maxx, e.maxy, spacing / std::sqrt(3.0)};
    want(bins_, key, async);
    area_ = key;
  }
  take(stats_);
  take(all_time_);
  take(bins_);
  take(rows_);
  follow();
  askRows(async);
}

void RemoteProducts::askRows(bool async) {
  if (area_ && bins_.shown && *bins_.shown == *area_ && bins_.value.error.empty() &&
      bins_.value.bins.members <= static_cast<int>(kRemoteRowCap))
    want(rows_, *area_, async);
}

void RemoteProducts::follow() {
  const auto& w = all_time_.wanted;
  if (!w || !stats_.shown || !(*stats_.shown == *w) || (all_time_.shown && *all_time_.shown == *w)) return;
  all_time_.value = stats_.value;
  all_time_.shown = *w;
  ++all_time_.revision;
}

void RemoteProducts::seed(const Filter& f, Stats s) {
  stats_.wanted = stats_.shown = f;
  stats_.value = StatsResult{std::move(s), {}};
  ++stats_.revision;
}

bool RemoteProducts::pending() const {
  auto differs = [](const auto& s) { return s.wanted && !(s.shown && *s.shown == *s.wanted); };
  if (differs(stats_) || differs(all_time_) || differs(bins_) || differs(rows_)) return true;
  return false;
}

void RemoteProducts::wait() {
  for (;;) {
    take(stats_);
    take(all_time_);
    take(bins_);
    take(rows_);
    follow();
    askRows(true);
    if (!pending()) return;
    std::unique_lock lock(mu_);
    const bool idle = !in_flight_ && !stats_.todo && !all_time_.todo && !bins_.todo && !rows_.todo &&
                      !stats_.arrived && !all_time_.arrived && !bins_.arrived && !rows_.arrived;
    if (idle) return;  // nothing more will come (should not happen)
    done_.wait_for(lock, std::chrono::milliseconds(20));
  }
}

std::string RemoteProducts::error() const {
  for (const std::string* e : {&stats_.value.error, &all_time_.value.error, &bins_.value.error, &rows_.value.error})
    if (!e->empty()) return *e;
  return {};
}

}  // namespace cm
