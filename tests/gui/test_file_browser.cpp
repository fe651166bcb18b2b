// The file browser (ui/file_browser.h) drawn in the App's frames and driven by the pointer and the
// keys as a user drives it: the places column (recent sources), the path bar (Up, Home, a typed
// path, Go), the listing (order, filter, click, double-click), the Open footer (the extension
// filter, Open), the Save footer (name, format, Save, "Replace?") and the keys (Enter, Esc,
// Backspace). A test panel draws one FileBrowser of the test's own, so its state can be read.
// Where to click is read from ImGui's windows of the previous frame (the modal, the listing's
// table, the recent column, a combo's popup) and the style's sizes.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#define GLFW_INCLUDE_NONE  // GLFW without the GL header (glad provides it)
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "started_app.h"
#include "temp_dir.h"
#include "ui/file_browser.h"
#include "test_paths.h"

using namespace cm;
namespace fs = std::filesystem;

namespace {

using cm::test::kFixture;

void touch(const fs::path& p, size_t bytes = 10) { std::ofstream(p) << std::string(bytes, 'x'); }

class FileBrowserUi : public ::testing::Test {
 protected:
  test::Started s{kFixture, 1000, 700};
  test::TempDir tmp{"chainmap-browser"};
  std::string dir;  // tmp, as the browser names it
  FileBrowser fb;
  RecentFiles recent;
  std::vector<std::string> chosen;  // what draw() returned, in order

  void SetUp() override {
    ASSERT_TRUE(s.ok);
    s.app.state().lang = Lang::En;
    dir = absoluteFolder(tmp.path.string());
    // sub/ (with c.csv), a.xlsx, b.csv; filtered out: notes.pdf, hidden .h.csv.
    fs::create_directories(tmp.path / "sub");
    touch(tmp.path / "sub" / "c.csv");
    touch(tmp.path / "a.xlsx", 2048);
    touch(tmp.path / "b.csv");
    touch(tmp.path / "notes.pdf");
    touch(tmp.path / ".h.csv");
    s.app.addPanel({"file_browser_test", Dock::RightTop, false, [this](UiContext&) {
                      if (auto p = fb.draw(recent, Lang::En)) chosen.push_back(*p);
                    }});
    // The keys the browser and its text fields read, where the GLFW backend maps them in a window.
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    io.KeyMap[ImGuiKey_KeyPadEnter] = GLFW_KEY_KP_ENTER;
    io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
    io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
    io.KeyMap[ImGuiKey_A] = GLFW_KEY_A;
    s.app.feed({-1, -1, 0});
    // Every window of the App shown once before the modal opens: a window appearing for the first
    // time after a modal that has just opened trips ImGui 1.86's FindBlockingModal assertion.
    frame(3);
  }

  void frame(int n = 1) {
    for (int i = 0; i < n; ++i) s.app.advance(1.0 / 60);
  }
  void show(FileBrowser::Mode mode, std::vector<std::string> exts, std::string name = "") {
    fb.show(mode, dir, std::move(exts), std::move(name));
    frame(2);  // opened, then placed
  }
  // A press and a release (`presses` times, a frame apart), then a pause longer than a double
  // click's (ImGui counts repeated clicks) and a frame for what they opened or changed to settle
  // (a combo's popup sizes itself on its first frame; a window's content size lags a frame).
  void click(ImVec2 p, int presses = 1) {
    for (int i = 0; i < presses; ++i) {
      s.app.feed({p.x, p.y, 1});
      frame();
      s.app.feed({p.x, p.y, 0});
      frame();
    }
    s.app.advance(ImGui::GetIO().MouseDoubleClickTime + 0.05);
    frame();
  }
  void doubleClick(ImVec2 p) { click(p, 2); }
  void key(int glfw_key, bool ctrl = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeysDown[glfw_key] = true;
    frame();
    io.KeysDown[glfw_key] = false;
    io.KeyCtrl = false;
    frame();
  }
  void type(const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    frame();
  }

  // ---- where things are (the previous frame's windows) ----
  ImGuiWindow* modal() const {
    ImGuiWindow* w = ImGui::FindWindowByName("###chainmap_file_browser");
    return w && w->Active ? w : nullptr;
  }
  ImGuiWindow* child(const char* name) const {  // "##files" → ".../##files_XXXXXXXX"
    const std::string tag = std::string("/") + name + "_";
    for (ImGuiWindow* w : GImGui->Windows)
      if (w->Active && w->ParentWindow == modal() && std::strstr(w->Name, tag.c_str())) return w;
    return nullptr;
  }
  static float frameH() { return ImGui::GetFrameHeight(); }
  static ImVec2 spacing() { return ImGui::GetStyle().ItemSpacing; }
  static float buttonW(const char* label) {
    return std::max(ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2, 80.f);
  }
  // Row i of the listing (0 = the first entry below the header).
  ImVec2 row(int i) const {
    ImGuiWindow* t = child("##files");
    EXPECT_NE(t, nullptr) << "no listing";
    if (!t) return {-1, -1};
    const float h = ImGui::GetFontSize() + 2 * ImGui::GetStyle().CellPadding.y;  // the header's and each row's
    return {t->Pos.x + 40, t->Pos.y + h * (static_cast<float>(i) + 1.5f)};
  }
  // Entry k of the recent column.
  ImVec2 recentEntry(int k) const {
    ImGuiWindow* r = child("##recent");
    EXPECT_NE(r, nullptr) << "no places column";
    if (!r) return {-1, -1};
    const int n = static_cast<int>(recent.size());
    const float bottom = r->DC.CursorStartPos.y + r->ContentSize.y;
    const float y = bottom - static_cast<float>(n - 1 - k) * (ImGui::GetFontSize() + spacing().y) - ImGui::GetFontSize() / 2;
    return {r->Pos.x + 30, y};
  }
  // The modal's content: where it starts and the region it fills. When the browser is not shown:
  // a failure, and a box off screen (a click there lands nowhere).
  struct Box {
    ImVec2 start;
    ImRect content;
  };
  Box box() const {
    if (ImGuiWindow* w = modal()) return {w->DC.CursorStartPos, w->ContentRegionRect};
    ADD_FAILURE() << "the browser is not shown";
    return {{-1000, -1000}, ImRect(-1000, -1000, -900, -900)};
  }
  float firstRowY() const { return box().start.y + frameH() / 2; }
  float lastRowY() const { return box().content.Max.y - spacing().y - frameH() / 2; }
  ImVec2 pathBar() const { return {box().content.GetCenter().x, firstRowY()}; }
  ImVec2 upButton() const { return {box().start.x + buttonW(tr(Lang::En, S::FbUp)) / 2, firstRowY()}; }
  ImVec2 homeButton() const {
    const float up = buttonW(tr(Lang::En, S::FbUp));
    return {box().start.x + up + spacing().x + buttonW(tr(Lang::En, S::FbHome)) / 2, firstRowY()};
  }
  ImVec2 goButton() const { return {box().content.Max.x - buttonW(tr(Lang::En, S::FbGo)) / 2, firstRowY()}; }
  // The footer's right-hand pair: `first` left of `second`, both at the right edge, on row y.
  ImVec2 leftOfPair(Str first, Str second, float y) const {
    const float w2 = buttonW(tr(Lang::En, second)), w1 = buttonW(tr(Lang::En, first));
    return {box().content.Max.x - w2 - spacing().x - w1 / 2, y};
  }
  ImVec2 rightOfPair(Str second, float y) const { return {box().content.Max.x - buttonW(tr(Lang::En, second)) / 2, y}; }
  // Item k of the combo popup that is open.
  ImVec2 comboItem(int k) const {
    const float pitch = ImGui::GetFontSize() + spacing().y;
    for (ImGuiWindow* w : GImGui->Windows)
      if (w->Active && std::strncmp(w->Name, "##Combo_", 8) == 0)
        return {w->Pos.x + 20, w->DC.CursorStartPos.y + static_cast<float>(k) * pitch + ImGui::GetFontSize() / 2};
    ADD_FAILURE() << "no combo open";
    return {-1, -1};
  }
  std::vector<std::string> names() const {
    std::vector<std::string> n;
    for (const DirEntry& e : fb.entries()) n.push_back(e.name);
    return n;
  }
};

}  // namespace

TEST_F(FileBrowserUi, OpensCentredWithFoldersFirstAndOnlyTheTablesItReads) {
  show(FileBrowser::Mode::Open, FileBrowser::openExtensions());
  ImGuiWindow* w = modal();
  ASSERT_NE(w, nullptr) << "the browser is not shown";
  EXPECT_GE(w->Size.x, 520.f);
  EXPECT_GE(w->Size.y, 360.f);
  EXPECT_NEAR(w->Pos.x + w->Size.x / 2, 500.f, 2.f);
  EXPECT_NEAR(w->Pos.y + w->Size.y / 2, 350.f, 2.f);
  EXPECT_EQ(fb.dir, dir);
  EXPECT_EQ(names(), (std::vector<std::string>{"sub", "a.xlsx", "b.csv"}));
  EXPECT_TRUE(fb.error.empty()) << fb.error;
  EXPECT_NE(child("##recent"), nullptr) << "Open mode shows the places column";
}

TEST_F(FileBrowserUi, AClickSelectsADoubleClickChoosesAFileOrEntersAFolder) {
  show(FileBrowser::Mode::Open, FileBrowser::openExtensions());
  ASSERT_NE(modal(), nullptr);
  click(row(1));
  EXPECT_EQ(fb.selected, dir + "/a.xlsx");
  EXPECT_TRUE(chosen.empty());
  doubleClick(row(0));
  EXPECT_EQ(fb.dir, dir + "/sub");
  EXPECT_EQ(names(), (std::vector<std::string>{"c.csv"}));
  EXPECT_TRUE(fb.open);
  doubleClick(row(0));
  EXPECT_EQ(chosen, (std::vector<std::string>{dir + "/sub/c.csv"}));
  EXPECT_FALSE(fb.open);
  frame();
  EXPECT_EQ(modal(), nullptr) << "the window stays after a choice";
}

TEST_F(FileBrowserUi, UpHomeBackspaceAndEnterMoveBetweenFolders) {
  show(FileBrowser::Mode::Open, FileBrowser::openExtensions());
  ASSERT_NE(modal(), nullptr);
  click(row(0));  // sub/
  key(GLFW_KEY_ENTER);  // enters the selected folder
  EXPECT_EQ(fb.dir, dir + "/sub");
  key(GLFW_KEY_BACKSPACE);  // up, with the folder we came from selected
  EXPECT_EQ(fb.dir, dir);
  EXPECT_EQ(fb.selected, dir + "/sub");
  click(upButton());
  EXPECT_EQ(fb.dir, parentFolder(dir));
  const char* home = std::getenv("HOME");
  const std::string old_home = home ? home : "";
  ::setenv("HOME", (dir + "/sub").c_str(), 1);
  click(homeButton());
  if (home) ::setenv("HOME", old_home.c_str(), 1);
  else ::unsetenv("HOME");
  EXPECT_EQ(fb.dir, dir + "/sub");
  EXPECT_TRUE(chosen.empty());
}

TEST_F(FileBrowserUi, ThePathBarGoesWhereItSays) {
  show(FileBrowser::Mode::Open, FileBrowser::openExtensions());
  ASSERT_NE(modal(), nullptr);
  auto enterPath = [&](const char* text, bool with_go) {
    click(pathBar());
    key(GLFW_KEY_A, true);  // select what is there
    type(text);
    if (with_go) click(goButton());
    else key(GLFW_KEY_ENTER);
  };
  enterPath("sub", false);  // relative to the folder shown
  EXPECT_EQ(fb.dir, dir + "/sub");
  enterPath("nowhere", true);
  EXPECT_EQ(fb.dir, dir + "/sub");
  EXPECT_NE(fb.error.find("nowhere: no such folder or file"), std::string::npos) << fb.error;
  ASSERT_NE(modal(), nullptr);
  enterPath((dir + "/b.csv").c_str(), false);  // a file: chosen (Open mode)
  EXPECT_EQ(chosen, (std::vector<std::string>{dir + "/b.csv"}));
  EXPECT_FALSE(fb.open);
}

TEST_F(FileBrowserUi, TheExtensionFilterNarrowsTheListingAndOpenNeedsASelection) {
  show(FileBrowser::Mode::Open, FileBrowser::openExtensions());
  ASSERT_NE(modal(), nullptr);
  const ImVec2 open_button = leftOfPair(S::FbOpen, S::FbCancel, lastRowY());
  click(open_button);  // disabled: nothing selected
  EXPECT_TRUE(fb.open);
  EXPECT_TRUE(chosen.empty());
  click({box().start.x + 20, lastRowY()});  // the filter combo
  click(comboItem(3));  // all supported, CSV, Text, Excel, …
  EXPECT_EQ(fb.ext_filter, 3);
  EXPECT_EQ(fb.activeExtensions(), (std::vector<std::string>{".xlsx"}));
  EXPECT_EQ(names(), (std::vector<std::string>{"sub", "a.xlsx"}));
  click(row(1));
  click(open_button);
  EXPECT_EQ(chosen, (std::vector<std::string>{dir + "/a.xlsx"}));
}

TEST_F(FileBrowserUi, RecentSourcesShowTheirFolderAndAreChosenByADoubleClick) {
  recent.add(dir + "/sub/c.csv");
  recent.add("PG:dbname=ledgers");
  recent.add(dir + "/gone.csv");  // most recent first: gone.csv, PG:…, c.csv
  show(FileBrowser::Mode::Open, FileBrowser::openExtensions());
  ASSERT_NE(modal(), nullptr);
  click(recentEntry(2));
  EXPECT_EQ(fb.selected, dir + "/sub/c.csv");
  EXPECT_EQ(fb.dir, dir + "/sub") << "a recent file shows its folder";
  click(recentEntry(0));  // gone: selected, the folder stays; Open says so
  EXPECT_EQ(fb.selected, dir + "/gone.csv");
  EXPECT_EQ(fb.dir, dir + "/sub");
  click(leftOfPair(S::FbOpen, S::FbCancel, lastRowY()));
  EXPECT_NE(fb.error.find("file not found"), std::string::npos) << fb.error;
  EXPECT_TRUE(chosen.empty());
  doubleClick(recentEntry(1));
  EXPECT_EQ(chosen, (std::vector<std::string>{"PG:dbname=ledgers"}));
}

TEST_F(FileBrowserUi, SaveTakesANameAsksBeforeReplacingAndFollowsTheFormat) {
  const std::vector<std::string> formats{".csv", ".xlsx", ".gpkg"};
  show(FileBrowser::Mode::Save, formats, "a.xlsx");
  ASSERT_NE(modal(), nullptr);
  EXPECT_EQ(fb.filename, "a.xlsx");
  EXPECT_EQ(fb.format, 1);
  EXPECT_EQ(names(), (std::vector<std::string>{"sub", "a.xlsx"})) << "the listing shows the format's files";
  EXPECT_EQ(child("##recent"), nullptr) << "no places column when saving";
  key(GLFW_KEY_ENTER);  // in the name field (focused when the window appears): a.xlsx exists
  EXPECT_TRUE(chosen.empty());
  key(GLFW_KEY_ESCAPE);  // takes the question back
  EXPECT_TRUE(fb.open);
  const float buttons_y = lastRowY(), name_y = buttons_y - frameH() - spacing().y;
  click(leftOfPair(S::FbSave, S::FbCancel, buttons_y));  // asks again
  EXPECT_TRUE(chosen.empty());
  click(leftOfPair(S::FbReplace, S::FbCancel, buttons_y));
  EXPECT_EQ(chosen, (std::vector<std::string>{dir + "/a.xlsx"}));
  EXPECT_FALSE(fb.open);

  show(FileBrowser::Mode::Save, formats, "out.csv");
  ASSERT_NE(modal(), nullptr);
  EXPECT_EQ(fb.format, 0);
  click({box().content.Max.x - 20, name_y});  // the format combo
  click(comboItem(2));
  EXPECT_EQ(fb.format, 2);
  EXPECT_EQ(fb.filename, "out.gpkg") << "the name takes the format's extension";
  click(row(0));  // a folder: the name stays
  EXPECT_EQ(fb.filename, "out.gpkg");
  fb.filename.clear();
  click(leftOfPair(S::FbSave, S::FbCancel, buttons_y));
  EXPECT_EQ(fb.error, tr(Lang::En, S::FbNeedName));
  EXPECT_TRUE(chosen.size() == 1 && fb.open);
  click({box().content.Min.x + box().content.GetWidth() * 0.4f, name_y});  // the name field
  type("new");
  key(GLFW_KEY_ENTER);
  EXPECT_EQ(chosen.back(), dir + "/new.gpkg");
}

TEST_F(FileBrowserUi, SaveModeEnterInThePathBarMovesWithoutSaving) {
  show(FileBrowser::Mode::Save, {".csv"}, "out.csv");
  ASSERT_NE(modal(), nullptr);
  click(pathBar());
  key(GLFW_KEY_A, true);
  type("sub");
  key(GLFW_KEY_ENTER);
  EXPECT_EQ(fb.dir, dir + "/sub");
  EXPECT_TRUE(chosen.empty()) << "Enter in the path bar saved " << chosen.front();
  EXPECT_TRUE(fb.open);
  key(GLFW_KEY_ENTER);  // now the browser's: saves under the name
  EXPECT_EQ(chosen, (std::vector<std::string>{dir + "/sub/out.csv"}));
}

TEST_F(FileBrowserUi, SaveModeTakesAClickedFilesNameAndFormat) {
  touch(tmp.path / "old.csv");
  show(FileBrowser::Mode::Save, {".csv", ".xlsx", ".gpkg"}, "x.gpkg");
  ASSERT_NE(modal(), nullptr);
  EXPECT_EQ(names(), (std::vector<std::string>{"sub"}));
  fb.format = 0;  // CSV: the listing follows
  frame();
  EXPECT_EQ(names(), (std::vector<std::string>{"sub", "b.csv", "old.csv"}));
  click(row(2));
  EXPECT_EQ(fb.filename, "old.csv");
  EXPECT_EQ(fb.format, 0);
  EXPECT_EQ(fb.savePath(), dir + "/old.csv");
}

TEST_F(FileBrowserUi, EscCancelsAndAWindowClosedFromOutsideLetsGo) {
  show(FileBrowser::Mode::Open, FileBrowser::openExtensions());
  ASSERT_NE(modal(), nullptr);
  click(rightOfPair(S::FbCancel, lastRowY()));
  EXPECT_FALSE(fb.open);
  frame();
  EXPECT_EQ(modal(), nullptr);
  show(FileBrowser::Mode::Open, FileBrowser::openExtensions());
  ASSERT_NE(modal(), nullptr);
  key(GLFW_KEY_ESCAPE);
  EXPECT_FALSE(fb.open);
  frame();
  EXPECT_EQ(modal(), nullptr);
  show(FileBrowser::Mode::Open, FileBrowser::openExtensions());
  ASSERT_NE(modal(), nullptr);
  fb.close();  // from outside, e.g. the App replacing the dialog
  frame(2);
  EXPECT_EQ(modal(), nullptr) << "a closed browser's modal still blocks the windows behind it";
  EXPECT_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
  EXPECT_TRUE(chosen.empty());
}

