// `chainmap --analyze ID [--json] [--analyze-out FILE]`: one of the features' command-line
// analyses (data/analysis_reports/analysis_command.h; each feature registers its own in
// ui/feature_registry.cpp) of the filtered projects (the --stats filter flags, no window), printed
// as JSON (--json) or a short summary, and with --analyze-out its layers written for QGIS.
// Exit codes as --stats: 0 ok, 1 data not loaded (or a file could not be read or written),
// 2 a bad flag. Each analysis's JSON is described in its report's header
// (data/analysis_reports/*_report.h).
#pragma once
#include <vector>

#include "cli/options.h"
#include "core/filter.h"
#include "core/model.h"
#include "data/analysis_reports/analysis_command.h"

namespace cm {

// Every registered analysis, in registration order.
const std::vector<AnalysisCommand>& analysisCommands();

// Runs the analysis the options name and returns the exit code (messages on stderr, the result on
// stdout).
int runAnalysis(const Options& o, const Model& m, const Filter& f);

}  // namespace cm
