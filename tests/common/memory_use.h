// How much memory the process uses, for the long-run tests (tests/gui/test_long_run.cpp, the
// kiosk day in test_present_app.cpp): the resident size in a normal build. Under AddressSanitizer
// the allocator's live bytes instead: ASan keeps freed blocks in a quarantine (256 MB by default)
// before reuse, so the resident size climbs with no leak at all, while the live heap is exactly
// what a leak would grow.
#pragma once
#include <unistd.h>

#include <fstream>

#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
// The sanitizer runtime's allocator statistics (libasan exports it; GCC ships no header for it,
// clang's is <sanitizer/allocator_interface.h>).
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

namespace cm::test {

// "resident" or "live heap": what memoryInUseMb() measures in this build, for messages.
inline const char* memoryMeasure() {
#if defined(__SANITIZE_ADDRESS__)
  return "live heap";
#else
  return "resident";
#endif
}

inline double memoryInUseMb() {
#if defined(__SANITIZE_ADDRESS__)
  return static_cast<double>(__sanitizer_get_current_allocated_bytes()) / 1048576.0;
#else
  std::ifstream in("/proc/self/statm");
  long pages = 0, resident = 0;
  in >> pages >> resident;
  return static_cast<double>(resident) * (static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0);
#endif
}

}  // namespace cm::test
