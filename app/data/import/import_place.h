// Where each row of a user's table goes: its place as written (a district in any admin form, an
// address, a park, coordinates in two columns, one combined cell or the layer's geometry, decimal
// or degree-minute-second), the table's coordinate system decided from the rows that name a
// district or park, then each row placed — exactly where its point is, or approximately (at its
// park, inside its district) where the point is missing, (0,0), or far outside Hangzhou, with the
// row's lon/lat swapped back where only the swapped reading lands in its own district. Every
// assumption is a problem in the report (Severity::Position). GL-free.
#pragma once
#include <memory>
#include <vector>

#include "core/model.h"
#include "data/import/coords.h"
#include "data/import/field_mapping.h"
#include "data/import/import_report.h"
#include "data/import/row_kinds.h"
#include "data/gdal/table.h"
#include "data/import/values.h"
#include "geo/geos_ops.h"

namespace cm {

struct RowPlace {
  bool placed = false;  // false: no coordinates and nothing to place it by (the row is skipped)
  double lon = 0, lat = 0;
  uint8_t approx = 0;   // 0 from the row, 1 at its park, 2 inside its district (Projects::approx)
  int district = -1;    // index into districts, -1 unknown
  int park = -1;        // index into parks, -1 none
  bool outside_named = false;  // the row names a place outside Hangzhou (上海市浦东新区, 德清县)
};

class RowPlacer {
 public:
  // Reads every project row's place and decides the coordinate system (`rows` marks which rows are
  // projects: subtotals and notes are left out of the evidence).
  RowPlacer(const RawTable& t, const FieldMapping& m, const std::vector<RowKind>& rows, const std::vector<District>& districts,
            const std::vector<Park>& parks);
  ~RowPlacer();

  const CoordDecision& decision() const { return decision_; }
  bool anyCoordinates() const { return any_coords_; }
  // Places row r (reports what it assumed). `id` keeps a district point stable for the same project.
  RowPlace place(size_t r, long row_number, const std::string& id, ImportReport& rep);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  CoordDecision decision_;
  bool any_coords_ = false;
};

}  // namespace cm
