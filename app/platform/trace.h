// Start-up phases on stderr when CHAINMAP_TRACE is set: "trace: 123.4 ms  what". The clock starts
// at the first call (main calls trace("start") first). For finding where a second goes; the
// benchmark measures.
#pragma once
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace cm {

inline void trace(const char* what) {
  static const bool on = std::getenv("CHAINMAP_TRACE") != nullptr;
  static const auto t0 = std::chrono::steady_clock::now();
  if (!on) return;
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "trace: %8.1f ms  %s\n", ms, what);
}

}  // namespace cm
