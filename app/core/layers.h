// Which map layers are shown, by the toggle names the layers declare ("districts", "projects",
// ...: LayerInfo::toggle in render/map_layer.h; the features bring the layers and
// layerToggleIds() in ui/feature_registry.cpp lists their toggles). Stored as the set switched
// off, so a layer added later is shown by default.
#pragma once
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.h"

namespace cm {

struct LayerVisibility {
  std::vector<std::string> off;  // sorted

  bool on(std::string_view id) const { return !std::binary_search(off.begin(), off.end(), id, std::less<>()); }
  void set(std::string_view id, bool show) {
    auto it = std::lower_bound(off.begin(), off.end(), id, std::less<>());
    const bool present = it != off.end() && *it == id;
    if (show && present) off.erase(it);
    if (!show && !present) off.insert(it, std::string(id));
  }
  bool operator==(const LayerVisibility&) const = default;
};

// "districts,projects" (any subset of `known`, the registry's toggle names) → exactly those on.
// Unknown names fail with a message that lists the known ones.
Result<LayerVisibility> parseLayers(const std::string& csv, const std::vector<std::string>& known);

}  // namespace cm
