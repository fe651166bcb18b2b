// The sources a user opened last (file paths or "PG:…" database strings), most recent first, no
// duplicates, at most `limit` of them; kept in ~/.local/share/chainmap/recent.json. GL-free.
// A database string is stored without its password ("PG:host=h dbname=d password=x" →
// "PG:host=h dbname=d"): reopening it then takes the password from PGPASSWORD or ~/.pgpass.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace cm {

class RecentFiles {
 public:
  explicit RecentFiles(size_t limit = 10) : limit_(limit == 0 ? 1 : limit) {}

  // Puts `source` first (an earlier copy is removed; the oldest entry falls off past the limit).
  // A file path is made absolute and normal ("/a/./b.csv" → "/a/b.csv"); a PG: string loses its
  // password. An empty source is ignored.
  void add(const std::string& source);
  bool remove(const std::string& source);  // true when it was there (same normalisation as add)
  void clear() { items_.clear(); }

  const std::vector<std::string>& items() const { return items_; }
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  size_t limit() const { return limit_; }
  void setLimit(size_t n);  // at least 1; trims the list

  // Replaces the list with the file's. A missing file loads as empty and returns "". A file that
  // cannot be read or is not a recent-files JSON loads as empty and returns a message naming it.
  // Entries are normalised as by add() (passwords stripped, duplicates dropped, limit applied).
  std::string load(const std::string& path);

  // Writes {"version": 1, "recent": [...]} to a temporary file beside `path`, flushes it to disk and
  // renames it into place, so `path` is always either the old or the new complete file. Creates the
  // parent folder when needed. Returns "" on success, else a message (the old file is kept).
  std::string save(const std::string& path) const;

  // The form add() stores `source` in ("" for an empty one).
  static std::string normalise(const std::string& source);

 private:
  size_t limit_;
  std::vector<std::string> items_;
};

// <parent of userDataDir()>/recent.json: $XDG_DATA_HOME/chainmap/recent.json, or
// ~/.local/share/chainmap/recent.json.
std::string recentFilesPath();

}  // namespace cm
