#include "core/layers.h"

#include <sstream>

namespace cm {

Result<LayerToggles> parseLayers(const std::string& csv) {
  LayerToggles t{false, false, false, false, false, false};
  std::stringstream ss(csv);
  std::string name;
  while (std::getline(ss, name, ',')) {
    if (name == "districts") t.districts = true;
    else if (name == "water") t.water = true;
    else if (name == "rivers") t.rivers = true;
    else if (name == "parks") t.parks = true;
    else if (name == "projects") t.projects = true;
    else if (name == "labels") t.labels = true;
    else if (!name.empty())
      return Result<LayerToggles>::fail("--layers: unknown layer '" + name +
                                        "' (use districts,water,rivers,parks,projects,labels)");
  }
  return t;
}

}  // namespace cm
