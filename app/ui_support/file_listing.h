// Folder listings for the file browser (ui/file_browser.h), GL-free so they can be tested alone.
// Every std::filesystem error is caught and reported as a message; nothing here throws.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace cm {

struct DirEntry {
  std::string name;     // file or folder name, no path
  std::string path;     // dir + "/" + name
  bool is_dir = false;  // a folder (or a link to one)
  uintmax_t size = 0;   // bytes (files only)
  int64_t mtime = 0;    // last modification, seconds since 1970 UTC (0 when unknown)
};

// The visible sub-folders and files of `dir`: hidden (dot) names skipped, files kept only when
// their name ends with one of `exts` (case-insensitive, ".csv" matches "A.CSV"; empty = every
// file), other kinds (sockets, broken links) skipped. Sorted folders first, then by name,
// case-insensitive with digit runs compared as numbers ("p2" before "p10"). When the folder cannot
// be read, returns what was read (usually nothing) and sets *error (if given) to a message naming
// the folder; on success *error is cleared. Entries that vanish while being listed are skipped.
std::vector<DirEntry> listFolder(const std::string& dir, const std::vector<std::string>& exts, std::string* error);

// True when `name` ends with one of `exts` (case-insensitive); an empty list matches everything.
bool hasExtension(const std::string& name, const std::vector<std::string>& exts);

// The sort order of listFolder for two names (true when a comes first).
bool naturalLess(const std::string& a, const std::string& b);

// `name` with its extension set to `ext`: a trailing extension that is one of `known` (or `ext`
// itself, any case) is replaced, otherwise `ext` is appended. ("x.csv", ".xlsx") → "x.xlsx",
// ("x", ".csv") → "x.csv", ("v1.2", ".csv") → "v1.2.csv". An empty name stays empty.
std::string withExtension(const std::string& name, const std::string& ext, const std::vector<std::string>& known);

// An absolute, normal form of `dir` without a trailing '/' ("/" stays "/"); relative paths are
// taken from the current folder. "" gives the current folder.
std::string absoluteFolder(const std::string& dir);
std::string parentFolder(const std::string& dir);  // "/a/b" → "/a", "/" → "/"
std::string homeFolder();                          // $HOME, else "/"
bool isFolder(const std::string& path);            // exists and is a folder (errors → false)
bool isFile(const std::string& path);              // exists and is a regular file (errors → false)

// "812 B", "4.2 KB", "17.0 MB", "1.3 GB" (1 KB = 1024 B).
std::string formatSize(uintmax_t bytes);
// Local time "YYYY-MM-DD HH:MM" ("" for 0).
std::string formatTime(int64_t unix_seconds);

}  // namespace cm
