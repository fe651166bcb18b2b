// The project table (Ctrl+T, "Project table…"): every filtered project, searchable and sortable,
// a click flies to it; its Export writes the rows as shown.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "data/gdal/analysis_export.h"
#include "ui/features/features.h"
#include "ui/project_table.h"

namespace cm {

UiFeature makeTableFeature() {
  UiFeature f;
  f.id = ids::kTable;
  f.settings = [] { return std::make_unique<Settings<TableSettings>>(); };
  auto table = std::make_shared<ProjectTable>();  // this App's: its search, sort and rows
  f.windows = {{"###project_table", [table](UiContext& ui) { table->draw(ui, ui.st.features.get<TableSettings>(ids::kTable).open); }}};
  f.keys = {{GLFW_KEY_T, GLFW_MOD_CONTROL, [](FeatureContext& c, int) {
               bool& open = c.st.features.get<TableSettings>(ids::kTable).open;
               open = !open;
               return true;
             }}};
  f.panels = {{"table_button", Dock::Left, false,
               [](UiContext& ui) {
                 bool& open = ui.st.features.get<TableSettings>(ids::kTable).open;
                 if (ImGui::SmallButton(tr(ui.st.lang, S::ProjectTable))) open = !open;
               },
               {}, "toolbar", 30}};
  f.files = {{"export_rows", true, {".csv", ".xlsx", ".gpkg"}, "chainmap-selection.csv", [table](FeatureContext& c, const std::string& path) {
                auto n = writeProjectsSelection(path, c.model, std::exchange(table->export_rows, {}));
                c.st.status = n ? std::string(tr(c.st.lang, S::Exported)) + " " + std::to_string(*n) + " → " + path : n.error();
                if (!n) c.st.errors.push_back(n.error());
              }}};
  return f;
}

}  // namespace cm
