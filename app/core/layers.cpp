#include "core/layers.h"

#include <sstream>

namespace cm {

Result<LayerVisibility> parseLayers(const std::string& csv, const std::vector<std::string>& known) {
  std::vector<std::string> listed;
  std::stringstream ss(csv);
  for (std::string name; std::getline(ss, name, ',');) {
    if (name.empty()) continue;
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::string all;
      for (const std::string& k : known) all += (all.empty() ? "" : ",") + k;
      return Result<LayerVisibility>::fail("--layers: unknown layer '" + name + "' (use " + all + ")");
    }
    listed.push_back(name);
  }
  LayerVisibility v;
  for (const std::string& k : known)
    if (std::find(listed.begin(), listed.end(), k) == listed.end()) v.set(k, false);
  return v;
}

}  // namespace cm
