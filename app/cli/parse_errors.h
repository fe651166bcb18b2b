// One way every chainmap program (chainmap, chainmap-gen, chainmap-data, chainmap-bench) answers a
// command line it cannot take: CLI11's message on stderr, a "did you mean --stats?" for an option
// that is a typo of a real one, and exit 2 (0 for --help). CLI11's own exit codes (105 for a value
// out of range, 109 for an unknown flag …) are not what the README promises.
#pragma once
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "platform/edit_distance.h"

namespace cm::cli {

// The long option of `app` (and its subcommands) closest to `given` ("--stat" → "--stats"), or ""
// when none is within two edits or a plain prefix of it.
inline std::string closestOption(const CLI::App& app, const std::string& given) {
  std::string flag = given.substr(0, given.find('='));
  if (flag.rfind("--", 0) != 0) return "";
  std::string best;
  size_t best_d = 3;
  auto consider = [&](const CLI::App& a) {
    for (const CLI::Option* o : a.get_options()) {
      for (const std::string& name : o->get_lnames()) {
        const std::string full = "--" + name;
        const size_t d = full.rfind(flag, 0) == 0 ? 1 : editDistance(flag, full);
        if (d < best_d) best_d = d, best = full;
      }
    }
  };
  consider(app);
  for (const CLI::App* sub : app.get_subcommands({})) consider(*sub);
  return best;
}

// Prints the error (and the suggestion) for `program` and returns the exit code: 0 for --help and
// --version, 2 for everything else.
inline int exitCode(CLI::App& app, const CLI::ParseError& e) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
  app.exit(e);
  std::vector<std::string> extra = app.remaining();  // the program's, and its subcommands' (chainmap-data where …)
  for (const CLI::App* sub : app.get_subcommands({}))
    for (const std::string& a : sub->remaining()) extra.push_back(a);
  for (const std::string& arg : extra) {
    const std::string near = closestOption(app, arg);
    if (!near.empty()) std::fprintf(stderr, "did you mean %s (not %s)?\n", near.c_str(), arg.c_str());
  }
  return 2;
}

}  // namespace cm::cli

// CLI11_PARSE, with chainmap's exit codes and suggestions.
#define CHAINMAP_CLI_PARSE(app, argc, argv)           \
  try {                                               \
    (app).parse((argc), (argv));                      \
  } catch (const CLI::ParseError& e_) {               \
    return ::cm::cli::exitCode((app), e_);            \
  }
