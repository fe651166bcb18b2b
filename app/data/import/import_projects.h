// A read table + its field mapping → the model's projects, and a report of what was loaded and
// what was not: rows read, placed, approximate (no coordinates: put at their park, or spread
// inside their district), skipped; problems grouped by kind with counts and row numbers; the
// decisions taken (units, coordinate system with its evidence, unknown category values).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/result.h"
#include "data/import/coords.h"
#include "data/import/field_mapping.h"
#include "data/import/table.h"
#include "geo/projection.h"

namespace cm {

struct ImportReport {
  std::string source, layer, format, encoding;
  long rows = 0, placed = 0, approximate = 0, skipped = 0;
  std::vector<std::string> decisions;  // "总投资(万元): 万元 → 亿元", "coordinates: GCJ-02: 97 % ..."
  struct Problem {
    std::string kind;        // "总投资 is not a number"
    std::vector<long> rows;  // source rows
    std::string example;     // one offending value
    bool skipped = false;    // the rows were left out (else patched and kept)
  };
  std::vector<Problem> problems;  // in order of first appearance
  bool truncated = false;

  void add(const std::string& kind, long row, const std::string& example, bool skipped);
  // "12 rows: 总投资 is not a number — rows 4, 9, 15, … (e.g. '待定')"
  std::vector<std::string> lines() const;
  std::string summary() const;  // "1,204 rows: 1,180 placed, 20 approximate, 4 skipped"
  // problem, count, rows, example — beside the source, for fixing it (written atomically).
  Result<bool> writeCsv(const std::string& path) const;
};

struct ImportResult {
  Projects projects;
  bool synthetic = false;  // every row says synthetic = 1
  ImportReport report;
  CoordDecision coords;
};

// Errors only when nothing can be loaded (no rows placed); everything else goes to the report.
Result<ImportResult> importProjects(const RawTable& t, const FieldMapping& m, const std::vector<District>& districts,
                                    const std::vector<Park>& parks, const Transform& wgs84_to_display);

// Where the report CSV goes: FILE.chainmap-report.csv beside a file (a database: the data folder).
std::string reportPathFor(const std::string& source, const std::string& layer);

}  // namespace cm
