// Runs the real chainmap binary on the Hangzhou test data with some flags and returns its exit
// code and standard output (stderr is dropped): the command line's figures, for tests that compare
// them with the core's or the window's.
#pragma once
#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace cm::test {

struct CliRun {
  int code = -1;
  std::string out;
};

inline CliRun runChainmap(const std::string& exe, const std::string& args) {
  const std::string cmd = exe + " --data " CHAINMAP_TEST_DATA " " + args + " 2>/dev/null";
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 65536> buf;
  for (size_t n; (n = std::fread(buf.data(), 1, buf.size(), p)) > 0;) r.out.append(buf.data(), n);
  const int rc = pclose(p);
  r.code = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return r;
}

}  // namespace cm::test
