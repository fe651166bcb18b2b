// A file browser drawn with Dear ImGui (no third-party dialog): open a project table, or choose
// where an export goes. A modal, centred window (60 % × 70 % of the viewport, at least 520×360):
// a path bar (editable; Enter or Go goes there) with Up and Home buttons, the recent sources on
// the left (Open mode), the current folder's sub-folders then files (filtered by extension,
// sorted, hidden dot-files skipped) with sizes and modification dates, and at the bottom the
// extension filter (Open) or the file name and format (Save), the Open/Save and Cancel buttons.
// Mouse: double-click a folder to enter it, a file (or a recent entry) to choose it.
// Keys: Enter chooses the selection (or enters a selected folder; Enter in the path bar or the name
// field is theirs alone), Backspace goes up, Esc cancels.
// Every filesystem problem (unreadable folder, vanished file) is shown in `error`, never thrown.
// All state lives in the struct; one FileBrowser per use (or one shared, re-shown each time).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/strings.h"
#include "ui_support/file_listing.h"
#include "ui_support/recent_files.h"

namespace cm {

struct FileBrowser {
  enum class Mode { Open, Save };
  bool open = false;  // the window is shown
  Mode mode = Mode::Open;
  std::string dir;                      // current folder (absolute)
  std::string filename;                 // Save mode: the name typed
  std::vector<std::string> extensions;  // Open: the filter list ({} = every file); Save: the formats
  int ext_filter = 0;  // Open mode: the filter combo (0 = all supported, then one per extension)
  int format = 0;      // Save mode: the format combo, an index into `extensions` (fixes the extension)
  std::string error;   // e.g. a folder that cannot be read

  // Open mode: the project-table formats chainmap reads; Save mode: the export formats.
  static std::vector<std::string> openExtensions();  // .csv .txt .xlsx .ods .gpkg .shp .geojson .fgb
  static std::vector<std::string> saveExtensions();  // .csv .xlsx .gpkg

  // Shows the window. `start_dir` may be a folder or a file (its folder is shown and it is
  // selected); empty or unusable → the folder the last use ended in, else the current folder, else
  // home. `suggested_name` may carry a folder ("/out/x.xlsx"). Save mode: `exts` empty →
  // saveExtensions(); `suggested_name` picks the format when it ends with one of them.
  void show(Mode m, std::string start_dir, std::vector<std::string> exts, std::string suggested_name = "");
  void close() { open = false; }

  // Draws the window when open (call once a frame between NewFrame and Render). Returns the chosen
  // path (or recent "PG:…" source) once, then the window closes; std::nullopt otherwise. `recent`
  // is listed on the left in Open mode; `lang` picks the labels.
  std::optional<std::string> draw(const RecentFiles& recent, Lang lang);

  // Navigation (also usable from code): enter a folder, go up, re-read the folder.
  void enter(const std::string& folder);
  void up();
  void refresh() { listed_dir_.clear(); }

  // The extensions the listing is filtered with now.
  std::vector<std::string> activeExtensions() const;
  // Save mode: dir + filename with the chosen format's extension ("" when no name is typed).
  std::string savePath() const;
  const std::vector<DirEntry>& entries() const { return entries_; }

  // --- state (kept here, never in function statics) ---
  std::string selected;  // full path (or recent source) of the selected row
 private:
  std::vector<DirEntry> entries_;
  std::string listed_dir_;  // folder and filter the listing was read for ("" = stale)
  std::vector<std::string> listed_exts_;
  std::string list_error_;
  std::string path_edit_;          // the path bar's text
  std::string path_edit_dir_;      // the folder that text was taken from ("" = take it again)
  std::string confirm_overwrite_;  // Save mode: an existing file waiting for "Replace?"
  bool popup_pending_ = false;     // OpenPopup still to be called
  bool popup_live_ = false;        // our modal is open in ImGui (to close it when `open` is cleared)
  bool path_active_ = false;       // the path bar was being edited last frame
  bool scroll_top_ = false;        // the listing changed folder: scroll it back to the top
  float last_vp_w_ = 0, last_vp_h_ = 0;
  std::vector<std::string> recent_seen_;  // `recent` as last drawn, and which of them are missing
  std::vector<char> recent_missing_;

  // What a double-click asked for while the places column or the listing was drawn, done after.
  struct Picks {
    std::string enter_dir;  // a folder to enter
    std::string choose;     // a file (or recent source) to choose
  };

  // draw()'s parts, top to bottom (file_browser.cpp). Those returning a path end the browser.
  void closeLeftoverPopup(const std::string& title);
  bool beginWindow(const std::string& title);
  std::optional<std::string> drawPathBar(Lang lang);
  void drawError() const;
  float middleHeight() const;
  void checkRecent(const RecentFiles& recent);
  void drawPlaces(const RecentFiles& recent, Lang lang, float height, Picks& picks);
  void drawListing(Lang lang, float height, Picks& picks);
  void drawEntry(int i, Lang lang, Picks& picks);
  std::optional<std::string> applyPicks(const Picks& picks, Lang lang);
  std::optional<std::string> drawOpenFooter(Lang lang);
  void drawExtensionFilter(Lang lang);
  std::optional<std::string> drawSaveFooter(Lang lang);
  bool drawNameAndFormat(Lang lang);
  std::optional<std::string> drawSaveButtons(Lang lang, bool enter_pressed);
  std::optional<std::string> drawReplaceQuestion(Lang lang);
  std::optional<std::string> handleKeys(Lang lang, bool enter_taken);

  void ensureListing();
  std::optional<std::string> chooseOpen(const std::string& path);
  std::optional<std::string> chooseSave(Lang lang);
  std::optional<std::string> finish(std::string path);  // by value: callers pass members it clears
  std::optional<std::string> navigateTo(const std::string& text);
  std::optional<std::string> activate(const std::string& path);  // Enter / Open on a selection
  void cancel();
};

}  // namespace cm
