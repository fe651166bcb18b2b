// The projects CSV (assets/hangzhou/projects_sample.csv or a user's file) → cm::Projects.
// Required columns: id, name_zh or name_en, ecosystem, investment_yi, signed_date, lon, lat.
// Optional (with defaults): chain, sector (manufacturing or service; empty or a file without the
// column: Sector::Unknown, not stated — never counted as manufacturing), started_date and
// producing_date (投产; empty: none; a file without the producing_date column loads as before),
// stage (from the dates: in_operation with a producing date, construction_started with a start
// date, else signed), district (from the point), park_id, foreign, fdi_musd (0), chain_leader (0),
// leader_id, channel (other), synthetic (0), chain_role (upstream, midstream, downstream or
// 上游/中游/下游; empty or a file without the column: unknown).
#pragma once
#include <string>
#include <vector>

#include "core/cached.h"
#include "core/model.h"
#include "platform/result.h"
#include "geo/projection.h"

namespace cm {

struct ProjectsLoad {
  Projects projects;
  bool synthetic = false;             // every row says synthetic = 1
  std::vector<std::string> warnings;  // "FILE: row N: problem" for each skipped or patched row
};

// How the file is read: on `threads` threads (0: one per core) in chunks of about `chunk_bytes`;
// the result is the same whatever the numbers. `control` (optional) gets the share of bytes read
// and can cancel ("FILE: loading cancelled").
struct CsvLoadOptions {
  unsigned threads = 0;
  size_t chunk_bytes = size_t{4} << 20;
  TaskControl* control = nullptr;
};

// The file is memory-mapped, cut into chunks at row boundaries and parsed in parallel; rows are
// then checked for duplicate ids and numbered in file order, so warnings and their row numbers do
// not depend on the threads.
// Bad rows (coordinates out of range, unparseable numbers or dates, unknown ecosystem or sector,
// text that is not UTF-8, duplicate ids) are skipped with a warning. An error ("FILE: problem")
// when the file cannot be read, a required column is missing or no valid row remains.
// `districts` must be sorted by adcode (as loadDistricts returns them).
Result<ProjectsLoad> loadProjectsCsv(const std::string& path, const Transform& wgs84_to_display,
                                     const std::vector<District>& districts, const std::vector<Park>& parks,
                                     const CsvLoadOptions& options = {});

}  // namespace cm
