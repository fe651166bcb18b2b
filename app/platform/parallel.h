// Work spread over the cores without a pool: each call starts its threads and joins them.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace cm {

// Runs fn(i) for i in [0, n) on up to `threads` threads (the calling thread included), each taking
// the next index; fn must not throw. parallelFor(2, 2, ...) runs two halves side by side.
template <class F>
void parallelFor(size_t n, unsigned threads, F&& fn) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  const unsigned extra = n > 1 && threads > 1 ? static_cast<unsigned>(std::min<size_t>(threads, n)) - 1 : 0;
  std::vector<std::thread> pool;
  pool.reserve(extra);
  for (unsigned t = 0; t < extra; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

}  // namespace cm
