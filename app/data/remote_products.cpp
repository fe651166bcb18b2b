#include "data/remote_products.h"

#include <algorithm>
#include <cmath>

#include "core/hex_pyramid.h"
#include "core/targets.h"
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
  summaries_ = src_->summaries();
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
  targets_.compute = [this](const TargetsKey& k) {
    TargetsResult r;
    const Targets t{std::get<3>(k), std::get<4>(k), std::get<5>(k)};
    auto query = [&](const Filter& f) {  // the window's rule (core/targets.h), asked of the database
      auto s = src_->stats(f);
      if (!s) r.error = s.error();
      return s ? std::move(*s) : Stats{};
    };
    r.progress = targetProgress(query, t, std::get<0>(k), std::get<1>(k), std::get<2>(k));
    trace("remote: targets");
    return r;
  };
  card_.compute = [this](const CardKey& k) {
    CardResult r;
    auto c = src_->card(std::get<0>(k), {std::get<1>(k), std::get<2>(k)});
    if (c) r.card = std::move(*c);
    else r.error = c.error();
    trace("remote: card");
    return r;
  };
  worker_ = std::thread([this] { work(); });
}

RemoteProducts::~RemoteProducts() {
  bool running;
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    running = in_flight_ > 0;
  }
  cv_.notify_all();
  if (running) src_->cancelRunning();  // a query (or F5's remake) stops now instead of being waited for
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
    cv_.wait(lock, [&] {
      return stop_ || refresh_todo_ || stats_.todo || all_time_.todo || bins_.todo || rows_.todo || targets_.todo || card_.todo;
    });
    if (stop_) return;
    if (refresh_todo_) {  // F5: the summaries made again when the table changed, then every answer asked again
      refresh_todo_ = false;
      ++in_flight_;
      lock.unlock();
      std::string error;
      {
        std::lock_guard q(query_);
        if (src_->tableChanged() || src_->summaries().stale)
          if (auto ok = src_->prepareSummaries(false); !ok) error = ok.error();
      }
      trace("remote: refreshed");
      const SummaryState now = src_->summaries();
      lock.lock();
      summaries_ = now;
      refresh_error_ = error;
      refreshed_ = true;
      --in_flight_;
      done_.notify_all();
      continue;
    }
    // The statistics first (the panels' totals), a card asked for, then what the map draws.
    runOne(stats_, lock) || runOne(card_, lock) || runOne(bins_, lock) || runOne(rows_, lock) || runOne(all_time_, lock) ||
        runOne(targets_, lock);
  }
}

void RemoteProducts::refresh() {
  {
    std::lock_guard lock(mu_);
    refresh_todo_ = true;
  }
  refreshing_ = true;
  cv_.notify_one();
}

// F5 done on the worker: every product is asked again (what is shown stays until the answer).
void RemoteProducts::takeRefresh() {
  {
    std::lock_guard lock(mu_);
    if (!refreshed_) return;
    refreshed_ = false;
  }
  refreshing_ = false;
  auto forget = [](auto& s) { s.wanted.reset(), s.shown.reset(); };
  forget(stats_), forget(all_time_), forget(bins_), forget(rows_), forget(targets_), forget(card_);
}

void RemoteProducts::update(const RemoteInputs& in) {
  const bool async = in.allow_async;
  takeRefresh();
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
  if (in.targets) {
    const int last = std::max(in.first_month, in.last_month);
    want(targets_, TargetsKey{std::clamp(in.filter.month_to, in.first_month, last), in.first_month, last, in.targets->year,
                              in.targets->projects_1yi, in.targets->projects_10yi},
         async);
  }
  if (!in.card_id.empty()) want(card_, CardKey{in.card_id, in.card_xy.x, in.card_xy.y}, async);
  takeAll();
  askRows(async);
}

void RemoteProducts::takeAll() {
  take(stats_);
  take(all_time_);
  take(bins_);
  take(rows_);
  take(targets_);
  take(card_);
  follow();
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
  return refreshing_ || differs(stats_) || differs(all_time_) || differs(bins_) || differs(rows_) || differs(targets_) ||
         differs(card_);
}

void RemoteProducts::wait() {
  for (;;) {
    takeRefresh();
    takeAll();
    askRows(true);
    if (!pending()) return;
    std::unique_lock lock(mu_);
    const bool idle = !in_flight_ && !refresh_todo_ && !refreshed_ && !stats_.todo && !all_time_.todo && !bins_.todo && !rows_.todo &&
                      !targets_.todo && !card_.todo && !stats_.arrived && !all_time_.arrived && !bins_.arrived &&
                      !rows_.arrived && !targets_.arrived && !card_.arrived;
    if (idle) return;  // nothing more will come (should not happen)
    done_.wait_for(lock, std::chrono::milliseconds(20));
  }
}

SummaryState RemoteProducts::summaries() const {
  std::lock_guard lock(mu_);
  return summaries_;
}

std::string RemoteProducts::error() const {
  for (const std::string* e : {&stats_.value.error, &all_time_.value.error, &bins_.value.error, &rows_.value.error,
                               &targets_.value.error, &card_.value.error})
    if (!e->empty()) return *e;
  std::lock_guard lock(mu_);
  return refresh_error_;
}

}  // namespace cm
