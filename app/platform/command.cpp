#include "platform/command.h"

#include <sys/wait.h>

#include <cstdio>

namespace cm {

CommandRun runCommand(const std::string& cmd) {
  CommandRun r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.code = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string commandLine(const std::string& cmd) {
  std::string out = runCommand(cmd).out;
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace cm
