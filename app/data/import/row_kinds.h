// Which rows of an office's table are projects. Ledgers carry rows that are not: a subtotal after
// each district ("余杭区小计"), a total at the end ("合计", "总计"), the header repeated where two
// sheets were pasted together, a note under the table ("注：…", "填报人：…"). They are recognised
// by the words offices use, from the cells of the id, name and district columns (or the first
// column), left out and reported in one line each — never "fixed" by a clerk into projects.
#pragma once
#include <cstdint>
#include <vector>

#include "data/import/field_mapping.h"
#include "data/gdal/table.h"

namespace cm {

enum class RowKind : uint8_t { Project, Subtotal, Total, RepeatedHeader, Note };

std::vector<RowKind> classifyRows(const RawTable& t, const FieldMapping& m);

// One cell: is it a subtotal / total label ("小计", "余杭区小计", "合  计", "Subtotal", "Grand total")?
RowKind totalLabelKind(std::string_view cell);

}  // namespace cm
