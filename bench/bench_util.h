#pragma once
// Small helpers the benchmark's parts share (one definition: the benchmark compiles as one unity
// batch, CHAINMAP_UNITY).
#include <chrono>
#include <cstdio>
#include <string>

namespace cm {

// Milliseconds since t.
inline double msSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// What `cmd` prints on stdout (sh -c), trailing newlines and spaces cut.
inline std::string shell(const std::string& cmd) {
  std::string out;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[512];
    while (fgets(buf, sizeof buf, p)) out += buf;
    pclose(p);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace cm
