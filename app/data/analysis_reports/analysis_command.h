// An analysis as the command line runs it (`chainmap --analyze ID`): the flags it reads, the one
// analysis function it calls (core/analysis/products.h and friends, the same the window's derived
// products call), and its result as JSON, a short summary and, with --analyze-out, layers for QGIS.
// Each feature brings its own (ui/features/*.cpp: UiFeature::analyses); the command line
// registers their flags and runs the one --analyze names (cli/analyze.cpp). GL-free.
#pragma once
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/filter.h"
#include "core/model.h"
#include "core/strings.h"
#include "platform/result.h"

namespace cm {

// One flag of an analysis (several analyses may read the same flag: it is registered once).
struct AnalysisFlag {
  enum class Kind { Number, Integer, Switch, Text };
  std::string name;  // "--eps"
  std::string help;
  Kind kind = Kind::Text;
  double min = 0, max = 0;           // Number and Integer: the allowed range
  std::vector<std::string> choices;  // Text: the allowed values (empty: any)
};

// The analysis flags given on the command line, by name ("--eps" → "800"; a switch → "true" or
// "false"). Values are already checked against the flag's kind, range and choices.
struct AnalysisArgs {
  std::map<std::string, std::string> given;
  bool has(const std::string& flag) const { return given.count(flag) > 0; }
  std::string text(const std::string& flag, const std::string& otherwise = "") const;
  double number(const std::string& flag, double otherwise) const;
  bool on(const std::string& flag, bool otherwise) const;
};

struct AnalysisRequest {
  const Model& model;
  const Filter& filter;
  const AnalysisArgs& args;
  Lang lang = Lang::Zh;
};

// What an analysis gives back: exit 0 with the JSON and the summary, or an error (exit 1: data
// or a file the analysis reads could not be used; exit 2: a flag's value does not fit the data).
struct AnalysisReport {
  int exit_code = 0;
  std::string error;
  nlohmann::json json;
  std::vector<std::string> summary;  // the lines printed without --json
  std::vector<std::string> notes;    // said on stderr (e.g. how a boundary layer matched the parks)
  // --analyze-out FILE: writes the result's layers; "" or the problem. What it wrote goes to
  // `wrote` ("park_conformance (12), outside_projects (34)").
  std::function<std::string(const std::string& path, std::string& wrote)> write;

  static AnalysisReport failure(int code, std::string message) {
    AnalysisReport r;
    r.exit_code = code;
    r.error = std::move(message);
    return r;
  }
};

struct AnalysisCommand {
  std::string id;    // --analyze ID
  std::string help;  // one phrase for --help ("parks (conformance)")
  std::vector<AnalysisFlag> flags;
  // --analyze-out: the extensions it writes (lower case, first is the one named in messages; none:
  // the analysis writes no layers) and what that is ("a GeoPackage (.gpkg)").
  std::vector<std::string> out_extensions;
  std::string out_what;
  std::function<AnalysisReport(const AnalysisRequest&)> run;
};

}  // namespace cm
