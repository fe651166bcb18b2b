// Cached<Key, Value>: a derived product and the key of the inputs it was made from. It is
// recomputed only when the key changes; its revision says when its consumers must refresh.
//
// AsyncCached<Key, Value>: the same for slow products. A new key starts the computation on a
// worker thread; the last finished value stays readable meanwhile, pending() tells the UI to
// show progress, and poll() (main thread, once a frame) takes the new value when it arrives.
// The compute function must copy or co-own its inputs (e.g. a shared_ptr to the model).
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <utility>

namespace cm {

template <class Key, class Value>
class Cached {
 public:
  // Returns whether it recomputed.
  template <class F>
  bool update(const Key& key, F&& compute) {
    if (key_ && *key_ == key) return false;
    value_ = compute();
    key_ = key;
    ++revision_;
    return true;
  }
  const Value& get() const { return value_; }
  bool has() const { return key_.has_value(); }
  const Key* key() const { return key_ ? &*key_ : nullptr; }
  uint64_t revision() const { return revision_; }

 private:
  std::optional<Key> key_;
  Value value_{};
  uint64_t revision_ = 0;
};

// What a background computation can see: whether it should stop, and where to report progress.
struct TaskControl {
  std::atomic<bool> cancel{false};
  std::atomic<float> progress{0.f};  // 0..1
};

// One computation on a worker thread; its result is taken with poll() on the owner's thread.
template <class T>
class BackgroundTask {
 public:
  BackgroundTask() = default;
  BackgroundTask(const BackgroundTask&) = delete;
  BackgroundTask& operator=(const BackgroundTask&) = delete;
  ~BackgroundTask() { stop(); }

  // Starts fn(TaskControl&) -> T, cancelling (and joining) any computation still running.
  template <class F>
  void start(F fn) {
    stop();
    auto state = std::make_shared<State>();
    state_ = state;
    worker_ = std::thread([state, fn = std::move(fn)]() mutable {
      state->result.emplace(fn(state->control));
      state->done.store(true, std::memory_order_release);
    });
  }
  bool running() const { return state_ && !state_->done.load(std::memory_order_acquire); }
  bool idle() const { return !state_; }
  float progress() const { return state_ ? state_->control.progress.load() : 0.f; }
  // The result once finished (then the task is idle again); nothing while running or idle.
  std::optional<T> poll() {
    if (!state_ || !state_->done.load(std::memory_order_acquire)) return std::nullopt;
    if (worker_.joinable()) worker_.join();
    const std::shared_ptr<State> done = std::move(state_);
    return std::move(done->result);
  }
  void wait() {
    if (worker_.joinable()) worker_.join();
  }
  // Asks the computation to stop (it checks TaskControl::cancel); its result still arrives.
  void cancel() {
    if (state_) state_->control.cancel = true;
  }
  void stop() {
    if (state_) state_->control.cancel = true;
    if (worker_.joinable()) worker_.join();
    state_.reset();
  }

 private:
  struct State {
    TaskControl control;
    std::optional<T> result;
    std::atomic<bool> done{false};
  };
  std::shared_ptr<State> state_;
  std::thread worker_;
};

template <class Key, class Value>
class AsyncCached {
 public:
  // `compute(TaskControl&) -> Value`. When `async` is false it runs here and now (small inputs,
  // or a caller that needs the value this frame, e.g. a screenshot).
  template <class F>
  void update(const Key& key, F compute, bool async) {
    if (wanted_ && *wanted_ == key) return;
    wanted_ = key;
    if (!async) {
      task_.stop();
      TaskControl control;
      value_ = compute(control);
      key_ = key;
      ++revision_;
      return;
    }
    task_.start([key, compute = std::move(compute)](TaskControl& c) mutable { return std::pair{key, compute(c)}; });
  }
  // Takes a finished result; returns whether the value changed.
  bool poll() {
    auto r = task_.poll();
    if (!r) return false;
    key_ = std::move(r->first);
    value_ = std::move(r->second);
    ++revision_;
    return true;
  }
  bool pending() const { return !task_.idle(); }
  float progress() const { return task_.progress(); }
  const Value& get() const { return value_; }
  // Changes the value held (a new revision; the key stays): e.g. trimmed while the next is built.
  template <class F>
  void edit(F f) {
    f(value_);
    ++revision_;
  }
  const Key* key() const { return key_ ? &*key_ : nullptr; }
  uint64_t revision() const { return revision_; }
  void wait() {  // blocks until the wanted value is in (screenshots, tests)
    task_.wait();
    poll();
  }

 private:
  std::optional<Key> wanted_, key_;
  Value value_{};
  uint64_t revision_ = 0;
  BackgroundTask<std::pair<Key, Value>> task_;
};

}  // namespace cm
