#pragma once
// Small helpers the benchmark's parts share (one definition: the benchmark compiles as one unity
// batch, CHAINMAP_UNITY).
#include <chrono>
#include <cstdio>
#include <string>

#include "platform/command.h"

namespace cm {

// Milliseconds since t.
inline double msSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// What `cmd` prints on stdout (sh -c), trailing newlines and spaces cut.
inline std::string shell(const std::string& cmd) { return commandLine(cmd); }

}  // namespace cm
