// Start-up phases on stderr when CHAINMAP_TRACE is set: "trace: 123.4 ms  what". The clock starts
// at the first call (main calls trace("start") first). For finding where a second goes; the
// benchmark measures. CHAINMAP_TRACE=mem adds the memory then (/proc/self/status: the resident
// anonymous and file-backed megabytes, and the peak so far).
#pragma once
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cm {

inline void trace(const char* what) {
  static const bool on = std::getenv("CHAINMAP_TRACE") != nullptr;
  static const auto t0 = std::chrono::steady_clock::now();
  if (!on) return;
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  static const bool mem = std::strcmp(std::getenv("CHAINMAP_TRACE"), "mem") == 0;
  long anon = 0, file = 0, peak = 0;
  if (std::FILE* f = mem ? std::fopen("/proc/self/status", "r") : nullptr) {
    char line[256];
    while (std::fgets(line, sizeof line, f)) {
      std::sscanf(line, "RssAnon: %ld", &anon);
      std::sscanf(line, "RssFile: %ld", &file);
      std::sscanf(line, "VmHWM: %ld", &peak);
    }
    std::fclose(f);
    std::fprintf(stderr, "trace: %8.1f ms  %-40s anon %4ld MB, file %4ld MB, peak %4ld MB\n", ms, what, anon >> 10, file >> 10, peak >> 10);
    return;
  }
  std::fprintf(stderr, "trace: %8.1f ms  %s\n", ms, what);
}

}  // namespace cm
