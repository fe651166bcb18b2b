// The map layers chainmap draws, one file each (see render/map_layer.h for the interface and
// render/layer_stack.cpp for the registration table).
#pragma once
#include <imgui.h>

#include <memory>
#include <string>
#include <string_view>

#include "render/map_layer.h"

namespace cm {

std::unique_ptr<MapLayer> makeDistrictsLayer();  // fills, outlines, city outline, district names
std::unique_ptr<MapLayer> makeWaterLayer();      // lakes and the estuary
std::unique_ptr<MapLayer> makeRiversLayer();     // major and minor rivers
std::unique_ptr<MapLayer> makeParksLayer();      // markers, catchment circles, names, hover
std::unique_ptr<MapLayer> makeProjectsLayer();   // one sprite a project, GPU-filtered
std::unique_ptr<MapLayer> makeBubblesLayer();    // aggregated projects with counts
std::unique_ptr<MapLayer> makeLabelsLayer();     // places every layer's labels without overlaps
std::unique_ptr<MapLayer> makeFurnitureLayer();  // scale bar, north arrow, credits, synthetic note
std::unique_ptr<MapLayer> makeChoroplethLayer(); // districts coloured by investment or projects
std::unique_ptr<MapLayer> makeHeatmapLayer();    // kernel density of the filtered projects
std::unique_ptr<MapLayer> makeClustersLayer();   // DBSCAN clusters as hulls, matched to parks
std::unique_ptr<MapLayer> makeOutsideLayer();    // projects outside every park, and where they should have gone
std::unique_ptr<MapLayer> makeArcsLayer();       // chain leaders and the projects that followed them
std::unique_ptr<MapLayer> makeRemoteLayer();     // a registry left in PostGIS: its bins and rows (data/remote_products.h)

// Shared drawing helpers (the legend and tooltips use them too).
void drawParkMarker(ImDrawList* dl, ImVec2 c, float r);
// name, ecosystem, chain, ... (ImGui); with `derived`, why it is (not) in a park under the park
// shapes in use (projectParkStatus, the conformance window's membership rule).
void drawProjectDetails(const Model& m, Lang lang, int row, const Derived* derived = nullptr);
// What a project's card shows, wherever the project lives (the model's row, a PostGIS row).
struct ProjectDetails {
  std::string name;  // in the UI's language
  std::string note;  // greyed under the name ("" none): the synthetic sample, the database row
  Ecosystem ecosystem = Ecosystem::Other;
  std::string chain;  // its name in the UI's language
  bool investment_known = true;
  double investment_yi = 0;
  std::string signed_date;  // YYYY-MM-DD, "" undated
  std::string district;
  std::string park;          // parkStatusText
  bool park_counted = false;  // shown greyed when not
  uint8_t approx = 0;         // Projects::approx
  bool chain_leader = false;
  std::string foreign;
  double fdi_musd = 0;
};
void drawProjectDetails(Lang lang, const ProjectDetails& d);
// The ecosystems' colours with the filtered counts (the legend of points and of bubbles alike).
void drawEcosystemKey(const LayerFrame& f);
inline constexpr float kParkMarkerHalfPx = 7.f;  // a park marker's half size (× the UI scale) that labels keep clear of
// A bubble's count (text size `text`) is centred on the bubble (centre `c`, inner radius `inner`)
// unless a park marker (box half-size `half`, centres `marks`; drawn over the bubbles) would
// cover it: then it moves just below the marker, or above it, while it still fits in the disc.
// Returns the count's centre height; the centre itself when nothing fits (the labels layer then
// puts the digits on a dark plate of their own).
double countClearOfMarkers(Vec2 c, Vec2 text, double inner, const std::vector<Vec2>& marks, double half);
inline ImU32 rgbColor(uint32_t rgb, int alpha = 255) {
  return IM_COL32(rgb >> 16, (rgb >> 8) & 255, rgb & 255, alpha);
}
inline ImVec2 toImVec(Vec2 v) { return {static_cast<float>(v.x), static_cast<float>(v.y)}; }
// Tooltips wrap at this width (long Chinese park names stay whole).
inline constexpr float kTooltipWrapPx = 340.f;

}  // namespace cm
