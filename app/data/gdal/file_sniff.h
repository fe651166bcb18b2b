// What a file really is, from its first bytes: a table named .xlsx that is plain text, a PNG, an
// old .xls or a ZIP without xl/workbook.xml is otherwise refused by GDAL with a generic "not a
// table", which leaves a user guessing. Used by readTable before GDAL opens a spreadsheet.
#pragma once
#include <string>

namespace cm {

// "" when `path` looks like what its extension `ext` (lower case, no dot) says — xlsx/xlsm: a ZIP
// holding xl/workbook.xml; ods: a ZIP holding content.xml; else why not, e.g. "not an Excel
// workbook (it is a PNG image)". Other extensions: always "".
std::string spreadsheetMismatch(const std::string& path, const std::string& ext);

}  // namespace cm
