#include "cli/analyze.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "ui/feature.h"

namespace cm {
namespace {

int fail(int code, const std::string& msg) {
  std::fprintf(stderr, "error: %s\n", msg.c_str());
  return code;
}

std::string lowerExt(const std::string& path) {
  std::string e = std::filesystem::path(path).extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

}  // namespace

const std::vector<AnalysisCommand>& analysisCommands() {
  static const std::vector<AnalysisCommand> all = [] {
    std::vector<AnalysisCommand> v;
    for (UiFeature& f : makeFeatures())
      for (AnalysisCommand& c : f.analyses) v.push_back(std::move(c));
    return v;
  }();
  return all;
}

int runAnalysis(const Options& o, const Model& m, const Filter& f) {
  const auto& all = analysisCommands();
  const auto it = std::find_if(all.begin(), all.end(), [&](const AnalysisCommand& c) { return c.id == o.analyze; });
  if (it == all.end()) return fail(2, "--analyze: unknown analysis '" + o.analyze + "'");
  const AnalysisCommand& cmd = *it;
  // Each analysis flag belongs to some analyses only.
  for (const auto& [given, value] : o.analysis_args.given) {
    if (std::any_of(cmd.flags.begin(), cmd.flags.end(), [&](const AnalysisFlag& fl) { return fl.name == given; })) continue;
    std::string which;
    for (const AnalysisCommand& c : all)
      if (std::any_of(c.flags.begin(), c.flags.end(), [&](const AnalysisFlag& fl) { return fl.name == given; }))
        which += (which.empty() ? "" : " or ") + c.id;
    return fail(2, given + ": only with --analyze " + which);
  }
  if (!o.analyze_out.empty()) {
    if (cmd.out_extensions.empty()) return fail(2, "--analyze-out: --analyze " + cmd.id + " has no layers to write");
    const std::string e = lowerExt(o.analyze_out);
    if (std::find(cmd.out_extensions.begin(), cmd.out_extensions.end(), e) == cmd.out_extensions.end())
      return fail(2, "--analyze-out " + o.analyze_out + ": --analyze " + cmd.id + " writes " + cmd.out_what);
  }
  if (m.projects.size() == 0) return fail(1, "no projects loaded");
  const AnalysisReport r = cmd.run({m, f, o.analysis_args, o.lang == "en" ? Lang::En : Lang::Zh});
  for (const std::string& n : r.notes) std::fprintf(stderr, "%s\n", n.c_str());
  if (r.exit_code) return fail(r.exit_code, r.error);
  if (o.json) {
    std::cout << r.json.dump(2) << "\n";
  } else {
    for (const std::string& line : r.summary) std::cout << line << "\n";
    if (m.projects_synthetic) std::cout << "(synthetic sample)\n";
  }
  if (o.analyze_out.empty() || !r.write) return 0;
  std::string wrote;
  const std::string err = r.write(o.analyze_out, wrote);
  if (!err.empty()) return fail(1, err);
  std::fprintf(stderr, "%s: %s\n", o.analyze_out.c_str(), wrote.c_str());
  return 0;
}

}  // namespace cm
