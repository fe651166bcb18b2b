// A read table + its field mapping → the model's projects, and a report of what was loaded and
// what was not (data/import/import_report.h). The steps, each in its own file:
//   row_kinds       which rows are projects (subtotal, total, note rows left out)
//   import_place    the place of each row: coordinate system, exact or approximate position, district
//   import_category ecosystem and chain from the office's industry words (or a person's decision)
//   this file       values (amounts, dates, sector, stage, FDI …), duplicates, the projects
// Only a name (or an id) and a place are required: a row without a signing date is undated, one
// without an amount has an unknown investment; both are kept, counted and reported.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "platform/result.h"
#include "data/import/coords.h"
#include "data/import/field_mapping.h"
#include "data/import/import_category.h"
#include "data/import/import_report.h"
#include "data/gdal/table.h"
#include "geo/projection.h"

namespace cm {

struct ImportResult {
  Projects projects;
  bool synthetic = false;  // every row says synthetic = 1
  ImportReport report;
  CoordDecision coords;
  // Every distinct text of the ecosystem, chain and industry columns and how it was read; those
  // that need a decision are what the category dialog lists.
  std::vector<IndustryValue> industries;
};

// Errors (in `lang`) only when nothing can be loaded (no rows placed); everything else goes to the report.
Result<ImportResult> importProjects(const RawTable& t, const FieldMapping& m, const std::vector<District>& districts,
                                    const std::vector<Park>& parks, const Transform& wgs84_to_display, Lang lang = Lang::En);

// Where the report CSV goes: FILE.chainmap-report.csv beside a file (a database: the data folder).
std::string reportPathFor(const std::string& source, const std::string& layer);

}  // namespace cm
