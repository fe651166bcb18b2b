// Running a shell command and taking what it prints: the tools' peers (geopandas, scikit-learn),
// the tests' helpers (the real binaries, xdotool, ffprobe, the throwaway PostgreSQL) all need it.
#pragma once
#include <string>

namespace cm {

struct CommandRun {
  int code = -1;    // the exit status; -1 when it could not start or did not exit normally
  std::string out;  // everything it wrote on stdout (binary-safe)
};

// `sh -c cmd`, stdout captured (stderr as the command line says).
CommandRun runCommand(const std::string& cmd);

// Its stdout with trailing newlines and spaces cut (a one-line answer).
std::string commandLine(const std::string& cmd);

}  // namespace cm
