// Features as modules. A feature (clusters, the heatmap, park conformance, the choropleth, the
// measuring tool, the project table, tours, imports, exports …) brings everything it is:
//   settings  its part of the document (core/feature_settings.h); to_tour/from_tour say what a
//             tour step keeps of it (a step key named by the feature's id)
//   products  its derived data, registered into the one pipeline (core/derived.h) and computed
//             only while `demands` says something shown needs them
//   layers    its map layers (render/map_layer.h)
//   panels    docked panels, or sections of another panel (the Layers and Analysis panels)
//   windows   floating windows
//   table_columns  columns of its own in the project table
//   analyses  its command-line analyses (`--analyze ID`: flags, the one analysis function, JSON,
//             layers for QGIS; data/analysis_reports/analysis_command.h)
//   keys, files, click, escape, advance, overlay
//             what it does with a key, a file the file browser returned, a click on the map,
//             Escape, time passing, and what it draws over the map
// and registers in ui/feature_registry.cpp with one line. The App, the frame, capture, the idle
// check, tours and the command line iterate the registry; none of them names a feature.
#pragma once
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/derived.h"
#include "core/feature_settings.h"
#include "core/tour.h"
#include "data/analysis_reports/analysis_command.h"
#include "render/map_layer.h"
#include "ui/panels.h"

struct ImDrawList;

namespace cm {

// What the App does for features: the services every feature may ask for, nothing
// feature-specific (ui/app_load.cpp implements them).
class AppServices {
 public:
  virtual ~AppServices() = default;
  virtual void openProjects(const std::string& source) = 0;  // any table, loaded on a worker
  virtual void reloadProjects() = 0;                          // F5: the source on screen again
  virtual void saveImage(const std::string& png) = 0;         // the view as the Export image dialog says, after this frame
  virtual void quit() = 0;
};

// What a feature's commands get: the document, the data, the App's services.
struct FeatureContext {
  AppState& st;
  const Model& model;
  const Derived& derived;
  AppServices& app;
};

// A click on the map: where, whether it was the second of a double-click, and what was under the
// cursor where the button went down (the layers' hit test).
struct MapClick {
  Vec2 world;   // display CRS
  Vec2 screen;  // framebuffer pixels
  bool double_click = false;
  Pick pick;
};

struct KeyBinding {
  int key = 0;   // GLFW key code
  int mods = 0;  // modifiers that must be held (GLFW_MOD_CONTROL …); others may be held too
  std::function<bool(FeatureContext&, int mods)> run;  // true: taken (no later binding sees the key)
};

// A file the feature asks the file browser for: a panel puts `id` into st.requests.browse; the
// App shows the browser and hands the path chosen to `chosen`.
struct FileAction {
  std::string id;
  bool save = false;  // a Save dialog (else Open)
  std::vector<std::string> extensions;
  std::string default_name;  // Save: the name offered
  std::function<void(FeatureContext&, const std::string& path)> chosen;
};

struct WindowSpec {
  std::string imgui_name;  // the window's ImGui name ("###conformance"): its box is kept clear by labels
  std::function<void(UiContext&)> draw;  // floating; drawn only in the full (not presentation) layout
};

// A column a feature adds to the project table: sortable, and a row of the selected project's
// details. Its numbers come from the feature's derived product.
struct TableColumn {
  std::string id;        // the details' key ("to_park_centre_km")
  std::string head;      // a strings.json key: the header in the UI's language
  float width = 100;     // design pixels
  double scale = 1;      // shown: value × scale, printed with `format`
  const char* format = "%.2f";
  // Per model row (NaN: empty); null while not computed. A new pointer when the values change.
  std::function<std::shared_ptr<const std::vector<float>>(const UiContext&)> values;
};

struct UiFeature {
  std::string id;
  std::function<std::unique_ptr<FeatureSettings>()> settings;  // its document settings (none: empty)
  std::function<void(Derived&)> products;
  std::function<void(std::vector<std::unique_ptr<MapLayer>>&)> layers;
  std::vector<PanelSpec> panels;
  std::vector<WindowSpec> windows;
  std::vector<KeyBinding> keys;
  std::vector<FileAction> files;
  std::vector<AnalysisCommand> analyses;
  std::vector<TableColumn> table_columns;
  std::function<void(const AppState&, std::set<std::string>&)> demands;  // products shown this frame
  std::function<void(AppState&, const Model&, double dt)> advance;      // time passing (tours)
  std::function<void(UiContext&, ImDrawList*)> overlay;                  // over the map, under the panels
  std::function<bool(FeatureContext&, const MapClick&)> click;           // a click on the map it takes
  std::function<bool(AppState&)> escape;                                 // Escape; true when it took it
  std::function<std::string(const AppState&)> display_text;             // text it shows beyond the model's (the atlas holds it)
  // Tour steps: what this step keeps of the feature (null: nothing), and applying a step's value
  // (null when the step has none): "" or the problem, which names the value and what is allowed.
  std::function<nlohmann::json(const AppState&)> to_tour;
  std::function<std::string(AppState&, const TourStep&, const nlohmann::json* value)> from_tour;
};

// Every feature, in registration order (the order of the Layers panel's switches, of panels within
// a dock, of key bindings): ui/feature_registry.cpp, one line a feature. Each call makes fresh
// instances (a panel's or window's own state belongs to one App).
std::vector<UiFeature> makeFeatures();

// The registry's pieces, gathered.
std::vector<std::unique_ptr<MapLayer>> featureLayers(const std::vector<UiFeature>& fs);
std::vector<PanelSpec> featurePanels(const std::vector<UiFeature>& fs);  // docked and section panels, in order
void registerProducts(const std::vector<UiFeature>& fs, Derived& d);
std::set<std::string> demandedProducts(const std::vector<UiFeature>& fs, const AppState& st);
const FileAction* findFileAction(const std::vector<UiFeature>& fs, const std::string& id);
// A key: the first binding that takes it. Escape goes to the features' escape handlers in order.
bool dispatchKey(const std::vector<UiFeature>& fs, FeatureContext& ctx, int key, int mods);
bool dispatchEscape(const std::vector<UiFeature>& fs, AppState& st);
bool dispatchClick(const std::vector<UiFeature>& fs, FeatureContext& ctx, const MapClick& click);
// The text the features show beyond the model's names and the UI's strings.
std::string featuresDisplayText(const std::vector<UiFeature>& fs, const AppState& st);
// Tour steps: every feature's part of the state into a step, and a step's into the state.
void featuresToStep(const std::vector<UiFeature>& fs, const AppState& st, TourStep& step);
std::string featuresFromStep(const std::vector<UiFeature>& fs, AppState& st, const TourStep& step);  // "" or the problem
// A step's keys that no registered feature takes (a tour made by a newer chainmap): ignored, with a warning.
std::vector<std::string> unknownStepFeatures(const std::vector<UiFeature>& fs, const TourStep& step);
// The features' tour values of the state, as JSON (the idle capture's state file).
nlohmann::json featuresJson(const std::vector<UiFeature>& fs, const AppState& st);
// The layer switches (--layers, tour steps' layers_on): what the registered layers offer.
std::vector<std::string> layerToggleIds();

}  // namespace cm
