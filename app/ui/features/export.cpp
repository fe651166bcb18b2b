// Exports: the filtered projects to XLSX, CSV or GeoPackage; the view as an image up to 8K in the
// full, map-only, poster or presentation frame; Ctrl+S saves the window as it is.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "data/gdal/export_projects.h"
#include "ui/features/features.h"
#include "ui/file_browser.h"

namespace cm {

namespace {

// Size up to 8K and the frame around the map; Save asks where.
void drawImageExport(UiContext& ui) {
  AppState& st = ui.st;
  const Lang L = st.lang;
  if (toolbarButton(tr(L, S::ExportImage))) ImGui::OpenPopup("##export_image");
  if (!ImGui::BeginPopup("##export_image")) return;
  AppState::ImageExport& e = st.image_export;
  ImGui::TextUnformatted(tr(L, S::ExportImageTitle));
  ImGui::Separator();
  ImGui::TextDisabled("%s", tr(L, S::ExportSize));
  const int sizes[][2] = {{0, 0}, {1920, 1080}, {3840, 2160}, {7680, 4320}};
  for (const auto& sz : sizes) {
    const std::string label = sz[0] ? std::to_string(sz[0]) + " × " + std::to_string(sz[1]) : tr(L, S::ExportSizeWindow);
    if (ImGui::RadioButton(label.c_str(), e.w == sz[0] && e.h == sz[1])) e.w = sz[0], e.h = sz[1];
  }
  ImGui::TextDisabled("%s", tr(L, S::ExportLayout));
  int mode = e.present ? 3 : static_cast<int>(e.chrome);
  ImGui::RadioButton(tr(L, S::LayoutFull), &mode, 0);
  ImGui::RadioButton(tr(L, S::LayoutMap), &mode, 2);
  ImGui::RadioButton(tr(L, S::LayoutPoster), &mode, 1);
  ImGui::RadioButton(tr(L, S::LayoutPresent), &mode, 3);
  e.present = mode == 3;
  e.chrome = mode == 3 ? layout::Chrome::Full : static_cast<layout::Chrome>(mode);
  if (ImGui::Button(tr(L, S::ExportSave))) {
    st.requests.browse.push_back("export_image");
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace

UiFeature makeExportFeature() {
  UiFeature f;
  f.id = "export";
  f.panels = {{"export_buttons", Dock::Left, false,
               [](UiContext& ui) {
                 if (toolbarButton(tr(ui.st.lang, S::ExportFile))) ui.st.requests.browse.push_back("export_projects");
                 drawImageExport(ui);
               },
               {}, "toolbar", 20}};
  f.keys = {{GLFW_KEY_S, GLFW_MOD_CONTROL, [](FeatureContext& c, int) { return c.app.saveImage(""), true; }}};
  f.files = {{"export_projects", true, FileBrowser::saveExtensions(), "chainmap-projects.xlsx",
              [](FeatureContext& c, const std::string& path) {
                auto n = exportProjects(c.model, c.st.filter, path);
                c.st.status = n ? std::string(tr(c.st.lang, S::Exported)) + " " + std::to_string(*n) + " → " + path : n.error();
                if (!n) c.st.errors.push_back(n.error());
              }},
             {"export_image", true, {".png"}, "chainmap-map.png", [](FeatureContext& c, const std::string& path) { c.app.saveImage(path); }}};
  return f;
}

}  // namespace cm
