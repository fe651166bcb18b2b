// Runs the real chainmap binary on the Hangzhou test data with some flags and returns its exit
// code and standard output (stderr is dropped): the command line's figures, for tests that compare
// them with the core's or the window's.
#pragma once
#include <string>

#include "platform/command.h"

namespace cm::test {

struct CliRun {
  int code = -1;
  std::string out;
};

inline CliRun runChainmap(const std::string& exe, const std::string& args) {
  const std::string cmd = exe + " --data " CHAINMAP_TEST_DATA " " + args + " 2>/dev/null";
  const CommandRun run = runCommand(cmd);
  return {run.code, run.out};
}

}  // namespace cm::test
