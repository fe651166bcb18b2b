// A columnar cache of loaded project tables, so that reopening a large file costs a read of its
// columns instead of a parse. After a successful load the model's project columns (and the load's
// warnings) are written to one binary file in the user's cache folder:
//   $CHAINMAP_CACHE_DIR, else $XDG_CACHE_HOME/chainmap/projects, else ~/.cache/chainmap/projects.
// The file is named by a hash of the source path and CRS (one file per table: a changed table
// replaces its old cache) and holds the whole key: the source's absolute path,
// size and mtime, the mapping's content, the display CRS, the size and mtime of the files the
// x/y, district and park columns depend on, and the format version. Any change of any part misses
// the cache; a truncated or corrupt file (sizes, layout, a checksum, indices in range: see
// readProjectsCache) is ignored and rewritten. Files are written atomically (platform/atomic_file.h). Never in the repository.
// CHAINMAP_NO_CACHE=1 (or --no-cache) turns it off.
#pragma once
#include <cstdint>
#include <memory>
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
// Where the PROJ pipelines are remembered between processes (geo/projection.h
// rememberTransformsIn): transforms.json in the cache folder; "" with no cache.
std::string transformsCachePath();

// The key's text (what the file must hold), or "" when a part cannot be read (no cache then).
std::string projectsCacheKeyText(const ProjectsCacheKey& key);
// The cache file for a key inside `dir`: one per source (and CRS), so a changed source replaces
// its old cache instead of leaving it behind.
std::string projectsCachePath(const std::string& dir, const ProjectsCacheKey& key);

// The sizes of the tables that the cached columns index (district_index, park_index): a value
// past them fails the check.
struct CacheLimits {
  size_t districts = INT16_MAX, parks = INT16_MAX;
};

// nullopt when there is no file, it holds another key, or it fails any check. The columns are
// served in place: views of a private mapping of the file (core/column.h), read only where read.
// The check reads the file's structure (every length, the layout, the checksum over all but the
// columns' middles) and the columns that index tables; not the coordinates, amounts or names.
std::optional<CachedProjects> readProjectsCache(const std::string& file, const std::string& key_text, const CacheLimits& limits = {});
// Every district_index and park_index within the limits: for a cache read before the map's tables
// were loaded (readProjectsCache with the default limits), checked once they are.
bool indicesWithin(const Projects& p, const CacheLimits& limits);
Result<bool> writeProjectsCache(const std::string& file, const std::string& key_text, const Projects& p, bool synthetic,
                                const std::vector<std::string>& warnings);

// A cache write left for later: a first open answers (the map, the statistics) before it writes.
struct PendingCacheWrite {
  std::string file, key;
  bool synthetic = false;
  std::vector<std::string> warnings;
};
// Writes the cache of `m`'s projects on a thread of its own at a lower priority, keeping the model
// alive meanwhile (it must not change: the App's models are const).
void writeCacheInBackground(std::shared_ptr<const Model> m, std::shared_ptr<const PendingCacheWrite> w);
// Waits for every write started (main, on every exit path: the first open's cache is kept).
void finishCacheWrites();

}  // namespace cm
