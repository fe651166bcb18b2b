// Which map layers are drawn; set by the Layers panel and by --layers.
#pragma once
#include <string>

#include "core/result.h"

namespace cm {

struct LayerToggles {
  bool districts = true, water = true, rivers = true, parks = true, projects = true, labels = true;
  bool operator==(const LayerToggles&) const = default;
};

// "districts,water,rivers,parks,projects,labels" (any subset) → toggles; unknown names fail.
Result<LayerToggles> parseLayers(const std::string& csv);

}  // namespace cm
