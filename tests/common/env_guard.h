#pragma once
// An environment variable set (or unset) for a test's scope and restored, or unset, after it.
#include <cstdlib>
#include <string>

namespace cm::test {

struct EnvGuard {
  std::string name;
  bool had = false;
  std::string old;
  // Remembers the variable; the test may change it.
  explicit EnvGuard(const char* n) : name(n) {
    const char* v = std::getenv(n);
    had = v != nullptr;
    if (v) old = v;
  }
  // Remembers it and sets it to `value` (unsets it with nullptr).
  EnvGuard(const char* n, const char* value) : EnvGuard(n) {
    if (value) ::setenv(n, value, 1);
    else ::unsetenv(n);
  }
  ~EnvGuard() {
    if (had) ::setenv(name.c_str(), old.c_str(), 1);
    else ::unsetenv(name.c_str());
  }
  EnvGuard(const EnvGuard&) = delete;
  EnvGuard& operator=(const EnvGuard&) = delete;
};

}  // namespace cm::test
