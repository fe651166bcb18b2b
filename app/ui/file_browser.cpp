#include "ui/file_browser.h"

#include <imgui.h>
#include <imgui_stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <filesystem>

#include "data/gdal/table.h"

namespace cm {

namespace fs = std::filesystem;

namespace {

// One popup id whatever the language (the title before ### changes, the id does not).
constexpr const char* kPopupId = "###chainmap_file_browser";

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string fileName(const std::string& path) {
  try {
    const std::string n = fs::path(path).filename().string();
    return n.empty() ? path : n;
  } catch (const std::exception&) {
    return path;
  }
}

std::string folderOf(const std::string& path) {
  try {
    return fs::path(path).parent_path().string();
  } catch (const std::exception&) {
    return "";
  }
}

// "CSV (*.csv)", "Excel (*.xlsx)", … for the combos.
std::string formatLabel(const std::string& ext) {
  std::string e = ext;
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const char* name = nullptr;
  if (e == ".csv") name = "CSV";
  else if (e == ".txt") name = "Text";
  else if (e == ".xlsx") name = "Excel";
  else if (e == ".ods") name = "OpenDocument";
  else if (e == ".gpkg") name = "GeoPackage";
  else if (e == ".shp") name = "Shapefile";
  else if (e == ".geojson") name = "GeoJSON";
  else if (e == ".fgb") name = "FlatGeobuf";
  return (name ? std::string(name) + " " : std::string()) + "(*" + ext + ")";
}

bool keyPressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); }

float buttonWidth(const char* label) {
  return std::max(ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2, 80.f);
}

// Moves the cursor so that buttons of these labels end at the right edge of the content region.
void alignRight(std::initializer_list<const char*> labels) {
  float w = 0;
  for (const char* l : labels) w += buttonWidth(l);
  w += ImGui::GetStyle().ItemSpacing.x * static_cast<float>(labels.size() - 1);
  const float x = ImGui::GetWindowContentRegionMax().x - w;
  if (x > ImGui::GetCursorPosX()) ImGui::SetCursorPosX(x);
}

bool button(const char* label) { return ImGui::Button(label, {buttonWidth(label), 0}); }

}  // namespace

std::vector<std::string> FileBrowser::openExtensions() {
  return {".csv", ".txt", ".xlsx", ".ods", ".gpkg", ".shp", ".geojson", ".fgb"};
}

std::vector<std::string> FileBrowser::saveExtensions() { return {".csv", ".xlsx", ".gpkg"}; }

void FileBrowser::show(Mode m, std::string start_dir, std::vector<std::string> exts, std::string suggested_name) {
  mode = m;
  extensions = std::move(exts);
  if (mode == Mode::Save && extensions.empty()) extensions = saveExtensions();
  ext_filter = 0;
  format = 0;
  filename.clear();
  selected.clear();
  error.clear();
  confirm_overwrite_.clear();
  entries_.clear();
  listed_dir_.clear();
  path_active_ = false;
  path_edit_dir_.clear();
  scroll_top_ = true;
  last_vp_w_ = last_vp_h_ = 0;  // place and size the window again

  // A suggested name with a folder ("/out/x.csv") gives the folder too when none is given.
  std::string name = trim(suggested_name);
  if (!name.empty() && name.find('/') != std::string::npos) {
    const std::string folder = folderOf(name);
    if (start_dir.empty() && isFolder(folder)) start_dir = folder;
    name = fileName(name);
  }

  std::string start = trim(start_dir);
  std::string chosen, pick;  // the folder to show, a file in it to select
  if (!start.empty() && start[0] == '~') start = homeFolder() + start.substr(1);
  if (!start.empty() && !isDatabaseSource(start)) {
    const std::string a = absoluteFolder(start);
    if (isFolder(a)) {
      chosen = a;
    } else if (isFolder(folderOf(a))) {
      chosen = folderOf(a);
      if (isFile(a)) pick = a;
    }
  }
  if (chosen.empty() && isFolder(dir)) chosen = absoluteFolder(dir);  // where the last use ended
  if (chosen.empty()) {
    const std::string cwd = absoluteFolder("");
    chosen = isFolder(cwd) ? cwd : homeFolder();
  }
  dir = chosen;
  selected = pick;

  if (mode == Mode::Save) {
    for (size_t i = 0; i < extensions.size(); ++i)
      if (hasExtension(name, {extensions[i]})) format = static_cast<int>(i);
    filename = extensions.empty() ? name : withExtension(name, extensions[format], extensions);
  }
  open = true;
  popup_pending_ = true;
}

std::vector<std::string> FileBrowser::activeExtensions() const {
  if (mode == Mode::Save) {
    if (format >= 0 && format < static_cast<int>(extensions.size())) return {extensions[format]};
    return extensions;
  }
  if (ext_filter > 0 && ext_filter <= static_cast<int>(extensions.size())) return {extensions[ext_filter - 1]};
  return extensions;
}

std::string FileBrowser::savePath() const {
  const std::string name = trim(filename);
  if (name.empty()) return "";
  try {
    std::string n = name;
    if (format >= 0 && format < static_cast<int>(extensions.size()))
      n = withExtension(name, extensions[format], extensions);
    if (!n.empty() && n[0] == '~') n = homeFolder() + n.substr(1);
    return (fs::path(dir) / n).lexically_normal().string();
  } catch (const std::exception&) {
    return "";
  }
}

void FileBrowser::enter(const std::string& folder) {
  dir = absoluteFolder(folder);
  selected.clear();
  confirm_overwrite_.clear();
  error.clear();
  listed_dir_.clear();  // read it again, even when it is the same folder
  path_edit_dir_.clear();  // and show it in the path bar
  scroll_top_ = true;
}

void FileBrowser::up() {
  const std::string from = dir;
  enter(parentFolder(dir));
  if (from != dir) selected = from;  // the folder we came from stays selected
}

void FileBrowser::ensureListing() {
  const std::vector<std::string> exts = activeExtensions();
  if (!listed_dir_.empty() && listed_dir_ == dir && listed_exts_ == exts) return;
  if (listed_dir_ != dir) scroll_top_ = true;
  entries_ = listFolder(dir, exts, &list_error_);
  listed_dir_ = dir;
  listed_exts_ = exts;
  error = list_error_;
}

std::optional<std::string> FileBrowser::finish(std::string path) {
  open = false;
  popup_live_ = false;
  confirm_overwrite_.clear();
  ImGui::CloseCurrentPopup();
  return path;
}

void FileBrowser::cancel() {
  open = false;
  popup_live_ = false;
  confirm_overwrite_.clear();
  ImGui::CloseCurrentPopup();
}

std::optional<std::string> FileBrowser::chooseOpen(const std::string& path) {
  if (path.empty()) return std::nullopt;
  if (isDatabaseSource(path)) return finish(path);
  if (isFolder(path)) {
    enter(path);
    return std::nullopt;
  }
  if (isFile(path)) return finish(path);
  error = path + ": file not found (it may have been moved or deleted)";
  listed_dir_.clear();  // the listing is out of date
  const std::string keep = error;
  ensureListing();
  if (error.empty()) error = keep;
  return std::nullopt;
}

std::optional<std::string> FileBrowser::chooseSave(Lang lang) {
  const std::string path = savePath();
  if (path.empty()) {
    error = tr(lang, S::FbNeedName);
    return std::nullopt;
  }
  if (isFolder(path)) {  // a folder's name typed: go there
    enter(path);
    filename.clear();
    return std::nullopt;
  }
  const std::string folder = folderOf(path);
  if (!isFolder(folder)) {
    error = folder + ": folder not found";
    return std::nullopt;
  }
  if (::access(folder.c_str(), W_OK) != 0) {
    error = folder + ": this folder cannot be written to";
    return std::nullopt;
  }
  std::error_code ec;
  if (fs::exists(path, ec) && !ec) {
    confirm_overwrite_ = path;  // ask first
    return std::nullopt;
  }
  return finish(path);
}

std::optional<std::string> FileBrowser::activate(const std::string& path) {
  if (path.empty()) return std::nullopt;
  if (!isDatabaseSource(path) && isFolder(path)) {
    enter(path);
    return std::nullopt;
  }
  if (mode == Mode::Open) return chooseOpen(path);
  filename = fileName(path);
  return std::nullopt;  // Save: the name is taken; Save (or Enter in the name field) confirms
}

std::optional<std::string> FileBrowser::navigateTo(const std::string& text) {
  std::string t = trim(text);
  if (t.empty()) return std::nullopt;
  if (isDatabaseSource(t)) {
    if (mode == Mode::Open) return finish(t);
    error = t + ": exports go to a file";
    return std::nullopt;
  }
  if (t[0] == '~') t = homeFolder() + t.substr(1);
  std::string p;
  try {
    p = (fs::path(dir) / t).lexically_normal().string();
  } catch (const std::exception& e) {
    error = t + ": " + e.what();
    return std::nullopt;
  }
  if (isFolder(p)) {
    enter(p);
    return std::nullopt;
  }
  if (isFile(p)) {
    if (mode == Mode::Open) return chooseOpen(p);
    enter(folderOf(p));
    filename = fileName(p);
    return std::nullopt;
  }
  error = t + ": no such folder or file";
  return std::nullopt;
}

// ---- drawing: draw() and its parts, top to bottom ---------------------------------------------

std::optional<std::string> FileBrowser::draw(const RecentFiles& recent, Lang lang) {
  const std::string title = std::string(tr(lang, mode == Mode::Open ? S::FbOpenTitle : S::FbSaveTitle)) + kPopupId;
  if (!open) {
    closeLeftoverPopup(title);
    return std::nullopt;
  }
  if (!beginWindow(title)) return std::nullopt;
  // A text field being edited as the frame begins reads Enter itself (the path bar goes, the name
  // field saves); the browser's keys must not take the same press again.
  const bool enter_taken = ImGui::IsAnyItemActive();
  ensureListing();
  std::optional<std::string> result = drawPathBar(lang);
  if (!result) {
    ensureListing();  // the path bar may have changed the folder
    drawError();
    Picks picks;  // deferred: the listing must not change while it is drawn
    const float middle_h = middleHeight();
    if (mode == Mode::Open) {
      drawPlaces(recent, lang, middle_h, picks);
      ImGui::SameLine();
    }
    drawListing(lang, middle_h, picks);
    result = applyPicks(picks, lang);
  }
  if (!result) result = mode == Mode::Open ? drawOpenFooter(lang) : drawSaveFooter(lang);
  if (!result) result = handleKeys(lang, enter_taken);
  ImGui::EndPopup();
  return result;
}

// Closed from outside (close(), open = false) while ImGui still has our modal open: close it,
// off screen, or it would keep blocking the windows behind it.
void FileBrowser::closeLeftoverPopup(const std::string& title) {
  using namespace ImGui;
  if (!popup_live_) return;
  popup_live_ = false;
  SetNextWindowPos({-10000, -10000}, ImGuiCond_Always);
  SetNextWindowSize({1, 1}, ImGuiCond_Always);
  if (BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    CloseCurrentPopup();
    EndPopup();
  }
}

// Opens the modal when it is due, centres and sizes it when shown or when the viewport changed
// size, and begins it. False when it is not drawn this frame (nothing to end then); the title
// bar's close button closes the browser.
bool FileBrowser::beginWindow(const std::string& title) {
  using namespace ImGui;
  if (popup_pending_ || !IsPopupOpen(kPopupId)) {
    OpenPopup(kPopupId);
    popup_pending_ = false;
  }
  const ImGuiViewport* vp = GetMainViewport();
  const ImVec2 min_size{std::min(520.f, vp->WorkSize.x), std::min(360.f, vp->WorkSize.y)};
  const ImVec2 size{std::min(std::max(520.f, vp->WorkSize.x * 0.6f), vp->WorkSize.x),
                    std::min(std::max(360.f, vp->WorkSize.y * 0.7f), vp->WorkSize.y)};
  const bool place = vp->WorkSize.x != last_vp_w_ || vp->WorkSize.y != last_vp_h_;  // shown, or window resized
  last_vp_w_ = vp->WorkSize.x;
  last_vp_h_ = vp->WorkSize.y;
  SetNextWindowPos(vp->GetWorkCenter(), place ? ImGuiCond_Always : ImGuiCond_Appearing, {0.5f, 0.5f});
  SetNextWindowSize(size, place ? ImGuiCond_Always : ImGuiCond_Appearing);
  SetNextWindowSizeConstraints(min_size, {FLT_MAX, FLT_MAX});
  bool keep_open = true;
  if (!BeginPopupModal(title.c_str(), &keep_open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    if (!keep_open) {  // the title bar's close button
      open = false;
      popup_live_ = false;
    }
    return false;
  }
  popup_live_ = true;
  return true;
}

// The path bar: Up, Home, the folder (editable), Go. Enter in the folder or Go goes where it says;
// a database source or a file typed there can end the browser (Open mode). The text shows the
// folder again after a move or a go, not as soon as the field loses the focus: a click on Go
// takes the focus a frame before Go reports the click, and the typed text must still be there.
std::optional<std::string> FileBrowser::drawPathBar(Lang lang) {
  using namespace ImGui;
  if (button(tr(lang, S::FbUp))) up();
  SameLine();
  if (button(tr(lang, S::FbHome))) enter(homeFolder());
  SameLine();
  if (!path_active_ && path_edit_dir_ != dir) path_edit_ = path_edit_dir_ = dir;
  SetNextItemWidth(-(buttonWidth(tr(lang, S::FbGo)) + GetStyle().ItemSpacing.x));
  bool go = InputText("##path", &path_edit_, ImGuiInputTextFlags_EnterReturnsTrue);
  path_active_ = IsItemActive();
  SameLine();
  go |= button(tr(lang, S::FbGo));
  if (!go) return std::nullopt;
  path_active_ = false;
  path_edit_dir_.clear();  // show the folder again, wherever it went
  return navigateTo(path_edit_);
}

void FileBrowser::drawError() const {
  if (error.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(180, 30, 30, 255));
  ImGui::TextWrapped("%s", error.c_str());
  ImGui::PopStyleColor();
}

// What the places column and the listing get: the room left above the footer (one row in Open
// mode, two in Save mode), at least three rows.
float FileBrowser::middleHeight() const {
  using namespace ImGui;
  const ImGuiStyle& style = GetStyle();
  const float footer = mode == Mode::Save ? GetFrameHeightWithSpacing() * 2 + style.ItemSpacing.y
                                          : GetFrameHeightWithSpacing() + style.ItemSpacing.y;
  return std::max(GetContentRegionAvail().y - footer, GetFrameHeight() * 3);
}

// Which recent files are gone (checked when the list changes, not every frame).
void FileBrowser::checkRecent(const RecentFiles& recent) {
  if (recent_seen_ == recent.items()) return;
  recent_seen_ = recent.items();
  recent_missing_.assign(recent_seen_.size(), 0);
  for (size_t i = 0; i < recent_seen_.size(); ++i)
    recent_missing_[i] = !isDatabaseSource(recent_seen_[i]) && !isFile(recent_seen_[i]);
}

// Open mode, left of the listing: the recent sources (a file by its name, a database source
// whole, the full text in a tooltip; a file that is gone greyed). A click selects one and shows
// its folder; a double-click chooses it.
void FileBrowser::drawPlaces(const RecentFiles& recent, Lang lang, float height, Picks& picks) {
  using namespace ImGui;
  checkRecent(recent);
  const float left_w = std::max(160.f, GetContentRegionAvail().x * 0.28f);
  BeginChild("##recent", {left_w, height}, true);
  TextDisabled("%s", tr(lang, S::FbRecent));
  Separator();
  if (recent_seen_.empty()) TextDisabled("%s", tr(lang, S::FbNoRecent));
  for (size_t i = 0; i < recent_seen_.size(); ++i) {
    const std::string& src = recent_seen_[i];
    const bool db = isDatabaseSource(src);
    PushID(static_cast<int>(i));
    if (Selectable("##r", selected == src, ImGuiSelectableFlags_AllowDoubleClick)) {
      if (!db && !recent_missing_[i] && isFolder(folderOf(src)) && folderOf(src) != dir) enter(folderOf(src));
      selected = src;
      if (IsMouseDoubleClicked(0)) picks.choose = src;
    }
    if (IsItemHovered()) SetTooltip("%s", src.c_str());
    SameLine(0, 0);
    if (recent_missing_[i]) PushStyleColor(ImGuiCol_Text, GetStyle().Colors[ImGuiCol_TextDisabled]);
    TextUnformatted(db ? src.c_str() : fileName(src).c_str());
    if (recent_missing_[i]) PopStyleColor();
    PopID();
  }
  EndChild();
}

// The folder's sub-folders then files, in the order listFolder gives (filtered by the active
// extensions, sorted, hidden files left out): name, size, modified; only the visible rows drawn.
void FileBrowser::drawListing(Lang lang, float height, Picks& picks) {
  using namespace ImGui;
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable;
  if (!BeginTable("##files", 3, flags, {0, height})) return;
  if (scroll_top_) {
    SetScrollY(0);
    scroll_top_ = false;
  }
  TableSetupScrollFreeze(0, 1);
  TableSetupColumn(tr(lang, S::FbName), ImGuiTableColumnFlags_WidthStretch);
  TableSetupColumn(tr(lang, S::FbSize), ImGuiTableColumnFlags_WidthFixed,
                   std::max(CalcTextSize("1023.9 MB").x, CalcTextSize(tr(lang, S::FbFolder)).x));
  TableSetupColumn(tr(lang, S::FbModified), ImGuiTableColumnFlags_WidthFixed, CalcTextSize("2024-12-31 23:59").x);
  TableHeadersRow();
  if (entries_.empty() && list_error_.empty()) {
    TableNextRow();
    TableSetColumnIndex(0);
    TextDisabled("%s", tr(lang, S::FbEmpty));
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(entries_.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) drawEntry(i, lang, picks);
  EndTable();
}

// One row of the listing. A click selects it (Save mode: a file's name goes into the name field,
// its extension picks the format); a double-click enters a folder or chooses a file.
void FileBrowser::drawEntry(int i, Lang lang, Picks& picks) {
  using namespace ImGui;
  const DirEntry& e = entries_[i];
  TableNextRow();
  TableSetColumnIndex(0);
  PushID(i);
  if (Selectable("##row", selected == e.path, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
    selected = e.path;
    if (mode == Mode::Save && !e.is_dir) {
      filename = e.name;
      for (size_t k = 0; k < extensions.size(); ++k)
        if (hasExtension(e.name, {extensions[k]})) format = static_cast<int>(k);
    }
    if (IsMouseDoubleClicked(0)) {
      if (e.is_dir) picks.enter_dir = e.path;
      else picks.choose = e.path;
    }
  }
  SameLine(0, 0);
  TextUnformatted(e.is_dir ? (e.name + "/").c_str() : e.name.c_str());
  TableSetColumnIndex(1);
  if (e.is_dir) TextDisabled("%s", tr(lang, S::FbFolder));
  else TextUnformatted(formatSize(e.size).c_str());
  TableSetColumnIndex(2);
  TextUnformatted(formatTime(e.mtime).c_str());
  PopID();
}

// What a double-click in the places column or the listing asked for, now that they are drawn.
std::optional<std::string> FileBrowser::applyPicks(const Picks& picks, Lang lang) {
  if (!picks.enter_dir.empty()) enter(picks.enter_dir);
  if (picks.choose.empty()) return std::nullopt;
  if (mode == Mode::Open) return chooseOpen(picks.choose);
  return chooseSave(lang);  // the double-clicked file's name is in `filename`
}

// Open mode's footer: the extension filter, then Open (for the selection; disabled without one)
// and Cancel at the right edge.
std::optional<std::string> FileBrowser::drawOpenFooter(Lang lang) {
  using namespace ImGui;
  const char* ok_label = tr(lang, S::FbOpen);
  const char* cancel_label = tr(lang, S::FbCancel);
  drawExtensionFilter(lang);
  SameLine();
  alignRight({ok_label, cancel_label});
  std::optional<std::string> result;
  BeginDisabled(selected.empty());
  if (button(ok_label)) result = activate(selected);
  EndDisabled();
  SameLine();
  if (button(cancel_label)) cancel();
  return result;
}

// The filter combo: all supported (the patterns in a tooltip), then one entry per extension.
void FileBrowser::drawExtensionFilter(Lang lang) {
  using namespace ImGui;
  std::string patterns;  // "*.csv *.txt …"
  for (size_t i = 0; i < extensions.size(); ++i) patterns += (i ? " *" : "*") + extensions[i];
  const std::string all = std::string(tr(lang, S::FbAllSupported)) + (patterns.empty() ? "" : " (" + patterns + ")");
  if (ext_filter < 0 || ext_filter > static_cast<int>(extensions.size())) ext_filter = 0;
  const std::string preview = ext_filter == 0 ? tr(lang, S::FbAllSupported) : formatLabel(extensions[ext_filter - 1]);
  SetNextItemWidth(std::min(GetContentRegionAvail().x * 0.45f,
                            std::max(CalcTextSize(tr(lang, S::FbAllSupported)).x, CalcTextSize("OpenDocument (*.ods)").x) +
                                GetFrameHeight() + GetStyle().FramePadding.x * 2));
  const bool combo_open = BeginCombo("##filter", preview.c_str());
  if (!combo_open && ext_filter == 0 && !patterns.empty() && IsItemHovered()) SetTooltip("%s", patterns.c_str());
  if (!combo_open) return;
  if (Selectable(all.c_str(), ext_filter == 0)) ext_filter = 0;
  for (size_t i = 0; i < extensions.size(); ++i) {
    PushID(static_cast<int>(i));
    const int entry = static_cast<int>(i) + 1;
    if (Selectable(formatLabel(extensions[i]).c_str(), ext_filter == entry)) ext_filter = entry;
    PopID();
  }
  EndCombo();
}

// Save mode's footer: the name field and the format on one row; below, Save and Cancel, or —
// when the file exists — the question whether to replace it.
std::optional<std::string> FileBrowser::drawSaveFooter(Lang lang) {
  const bool enter_pressed = drawNameAndFormat(lang);
  return confirm_overwrite_.empty() ? drawSaveButtons(lang, enter_pressed) : drawReplaceQuestion(lang);
}

// The name field (focused when the window appears) and the format combo; a format picked puts its
// extension on the name. Returns whether Enter was pressed in the name field.
bool FileBrowser::drawNameAndFormat(Lang lang) {
  using namespace ImGui;
  const ImGuiStyle& style = GetStyle();
  AlignTextToFramePadding();
  TextUnformatted(tr(lang, S::FbFileName));
  SameLine();
  const char* fmt_label = tr(lang, S::FbFormat);
  const float combo_w = CalcTextSize("GeoPackage (*.gpkg)").x + GetFrameHeight() + style.FramePadding.x * 2;
  SetNextItemWidth(std::max(120.f, GetContentRegionAvail().x - combo_w - CalcTextSize(fmt_label).x - style.ItemSpacing.x * 2));
  if (IsWindowAppearing()) SetKeyboardFocusHere();
  const bool enter_pressed = InputText("##filename", &filename, ImGuiInputTextFlags_EnterReturnsTrue);
  SameLine();
  AlignTextToFramePadding();
  TextUnformatted(fmt_label);
  SameLine();
  SetNextItemWidth(combo_w);
  if (format < 0 || format >= static_cast<int>(extensions.size())) format = 0;
  if (!extensions.empty() && BeginCombo("##format", formatLabel(extensions[format]).c_str())) {
    for (size_t i = 0; i < extensions.size(); ++i) {
      PushID(static_cast<int>(i));
      if (Selectable(formatLabel(extensions[i]).c_str(), format == static_cast<int>(i))) {
        format = static_cast<int>(i);
        if (!trim(filename).empty()) filename = withExtension(trim(filename), extensions[format], extensions);
        confirm_overwrite_.clear();
      }
      PopID();
    }
    EndCombo();
  }
  return enter_pressed;
}

// Save (or Enter in the name field) checks the name and the folder (chooseSave) and Cancel.
std::optional<std::string> FileBrowser::drawSaveButtons(Lang lang, bool enter_pressed) {
  const char* ok_label = tr(lang, S::FbSave);
  const char* cancel_label = tr(lang, S::FbCancel);
  std::optional<std::string> result;
  alignRight({ok_label, cancel_label});
  if (button(ok_label) || enter_pressed) result = chooseSave(lang);
  ImGui::SameLine();
  if (!result && button(cancel_label)) cancel();
  return result;
}

// "NAME  exists" with Replace (chooses it) and Cancel (back to the name).
std::optional<std::string> FileBrowser::drawReplaceQuestion(Lang lang) {
  using namespace ImGui;
  const char* replace_label = tr(lang, S::FbReplace);
  const char* cancel_label = tr(lang, S::FbCancel);
  std::optional<std::string> result;
  PushStyleColor(ImGuiCol_Text, IM_COL32(170, 90, 0, 255));
  AlignTextToFramePadding();
  TextUnformatted((fileName(confirm_overwrite_) + "  " + tr(lang, S::FbExists)).c_str());
  PopStyleColor();
  SameLine();
  alignRight({replace_label, cancel_label});
  if (button(replace_label)) result = finish(confirm_overwrite_);
  SameLine();
  if (!result && button(cancel_label)) confirm_overwrite_.clear();
  return result;
}

// Keys, while the window (or a child) has the focus and no text field is being edited: Esc
// cancels (or takes back "Replace?"), Enter chooses (replaces; Save mode: saves unless a folder is
// selected, which it enters) unless a text field took it, Backspace goes up.
std::optional<std::string> FileBrowser::handleKeys(Lang lang, bool enter_taken) {
  using namespace ImGui;
  if (!open || !IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) || IsAnyItemActive()) return std::nullopt;
  if (keyPressed(ImGuiKey_Escape)) {
    if (!confirm_overwrite_.empty()) confirm_overwrite_.clear();
    else cancel();
  } else if (!enter_taken && (keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter))) {
    if (!confirm_overwrite_.empty()) return finish(confirm_overwrite_);
    if (mode == Mode::Save && (selected.empty() || !isFolder(selected))) return chooseSave(lang);
    return activate(selected);
  } else if (keyPressed(ImGuiKey_Backspace)) {
    up();
  }
  return std::nullopt;
}

}  // namespace cm
