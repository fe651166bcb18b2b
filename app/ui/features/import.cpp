// Opening tables (any format chainmap reads: the file browser with the recent sources, Ctrl+O, a
// file dropped on the window), reading the source again (F5), and editing its field mapping.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "ui/features/features.h"
#include "ui/file_browser.h"

namespace cm {

UiFeature makeImportFeature() {
  UiFeature f;
  f.id = "import";
  f.panels = {{"open_button", Dock::Left, false,
               [](UiContext& ui) {
                 if (toolbarButton(tr(ui.st.lang, S::OpenFile))) ui.st.requests.browse.push_back("open_projects");
               },
               {}, "toolbar", 10},
              {"reload_buttons", Dock::Left, false,
               [](UiContext& ui) {
                 AppState& st = ui.st;
                 if (st.reloadable && toolbarButton(tr(st.lang, S::Reload)) && ui.app) ui.app->reloadProjects();
                 if (st.mappable && toolbarButton(tr(st.lang, S::EditMapping))) st.requests.edit_mapping = true;
               },
               {}, "toolbar", 50}};
  f.keys = {{GLFW_KEY_O, GLFW_MOD_CONTROL, [](FeatureContext& c, int) { return c.st.requests.browse.push_back("open_projects"), true; }},
            {GLFW_KEY_F5, 0, [](FeatureContext& c, int) { return c.app.reloadProjects(), true; }}};
  f.files = {{"open_projects", false, FileBrowser::openExtensions(), "",
              [](FeatureContext& c, const std::string& path) { c.app.openProjects(path); }}};
  return f;
}

}  // namespace cm
