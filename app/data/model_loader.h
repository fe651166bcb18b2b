// Assembles the Model from files: districts (required), water, rivers, parks, projects.
// Everything that goes wrong becomes a message naming the file and the problem; loading goes on
// with what could be read, so the viewer can still show it and say what is missing.
#pragma once
#include <string>
#include <vector>

#include "core/model.h"

namespace cm {

struct LoadOptions {
  std::string data_dir;       // --data ("" = search, see data/data_paths.h)
  std::string projects_file;  // --projects ("" = the shipped synthetic sample)
  std::string crs;            // display CRS ("" = the default)
};

struct LoadReport {
  std::vector<std::string> errors;    // a layer could not be read
  std::vector<std::string> warnings;  // rows skipped, fallbacks used
  bool fatal() const { return !errors.empty(); }
};

Model loadModel(const LoadOptions& opt, LoadReport& report);

}  // namespace cm
