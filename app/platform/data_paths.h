// Where chainmap finds its data. The Hangzhou data folder is searched in this order:
//   --data DIR, $CHAINMAP_DATA, the user's data folder ($XDG_DATA_HOME/chainmap/hangzhou or
//   ~/.local/share/chainmap/hangzhou), ../shared/data/hangzhou beside the checkout.
// The first folder that holds districts.shp wins. Water, rivers and parks come from that folder
// when present there, else from the copies shipped in assets/hangzhou/.
#pragma once
#include <string>
#include <vector>

namespace cm {

struct DataPaths {
  std::string data_dir;  // folder that holds districts.shp ("" when none was found)
  std::string districts, water, rivers, parks;
  std::vector<std::string> searched;  // every folder looked at, in order (for messages)
};

std::string userDataDir();     // XDG data folder for the Hangzhou layers (may not exist yet)
std::string assetDir();        // assets/ of this build (source tree or installed copy)
std::string shaderDir();       // shaders/ of this build
std::string defaultProjectsFile();  // assets/hangzhou/projects_sample.csv

DataPaths resolveDataPaths(const std::string& cli_data_dir);

// A message for the user when no districts file was found: where we looked and what to do.
std::string noDistrictsMessage(const DataPaths& p);

}  // namespace cm
