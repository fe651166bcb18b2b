// The names things go by, once: map layers and their switches (--layers, the Layers panel, tour
// steps' layers_on), features (their settings in AppState::features), and the derived products
// the features register (Derived::product). Code names them through these constants, never as
// string literals of its own.
#pragma once

namespace cm::ids {

// Map layers; a layer's switch has the layer's id unless noted.
inline constexpr const char* kDistricts = "districts";
inline constexpr const char* kChoropleth = "choropleth";
inline constexpr const char* kWater = "water";
inline constexpr const char* kRivers = "rivers";
inline constexpr const char* kHeatmap = "heatmap";
inline constexpr const char* kClusters = "clusters";
inline constexpr const char* kParks = "parks";
inline constexpr const char* kProjects = "projects";
inline constexpr const char* kBubbles = "bubbles";   // switched by kProjects
inline constexpr const char* kRemote = "remote";     // switched by kProjects
inline constexpr const char* kOutside = "outside";
inline constexpr const char* kArcs = "arcs";
inline constexpr const char* kLabels = "labels";
inline constexpr const char* kFurniture = "furniture";

// Features (settings in AppState::features) that are not also a layer of the same name.
inline constexpr const char* kConformance = "conformance";  // parks: what-if radii, boundaries, the window
inline constexpr const char* kNni = "nni";
inline constexpr const char* kChains = "chains";
inline constexpr const char* kMeasure = "measure";
inline constexpr const char* kTable = "table";

// Derived products the features register.
inline constexpr const char* kParkShapes = "park_shapes";
inline constexpr const char* kDensity = "density";  // the heatmap's grid

}  // namespace cm::ids
