// A columnar cache of loaded project tables, so that reopening a large file costs a read of its
// columns instead of a parse. After a successful load the model's project columns (and the load's
// warnings) are written to one binary file in the user's cache folder:
//   $CHAINMAP_CACHE_DIR, else $XDG_CACHE_HOME/chainmap/projects, else ~/.cache/chainmap/projects.
// The file is named by a hash of the source path and CRS (one file per table: a changed table
// replaces its old cache) and holds the whole key: the source's absolute path,
// size and mtime, the mapping's content, the display CRS, the size and mtime of the files the
// x/y, district and park columns depend on, and the format version. Any change of any part misses
// the cache; a truncated or corrupt file (sizes and a checksum over every byte) is ignored and
// rewritten. Files are written atomically (platform/atomic_file.h). Never in the repository.
// CHAINMAP_NO_CACHE=1 (or --no-cache) turns it off.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "platform/result.h"

namespace cm {

struct ProjectsCacheKey {
  std::string source;               // the source file
  std::string mapping;              // the mapping's content ("" for none)
  std::string crs;                  // the display CRS
  std::vector<std::string> depends; // files the derived columns depend on (districts, parks)
};

struct CachedProjects {
  Projects projects;
  bool synthetic = false;
  std::vector<std::string> warnings;
};

// The folder, or "" when the cache is off (CHAINMAP_NO_CACHE) or no folder can be named.
std::string projectsCacheDir();

// The key's text (what the file must hold), or "" when a part cannot be read (no cache then).
std::string projectsCacheKeyText(const ProjectsCacheKey& key);
// The cache file for a key inside `dir`: one per source (and CRS), so a changed source replaces
// its old cache instead of leaving it behind.
std::string projectsCachePath(const std::string& dir, const ProjectsCacheKey& key);

// nullopt when there is no file, it holds another key, or it fails any check.
std::optional<CachedProjects> readProjectsCache(const std::string& file, const std::string& key_text);
Result<bool> writeProjectsCache(const std::string& file, const std::string& key_text, const Projects& p, bool synthetic,
                                const std::vector<std::string>& warnings);

}  // namespace cm
