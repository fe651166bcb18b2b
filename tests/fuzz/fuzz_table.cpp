// The importer's table reading (app/data/import/table.* through GDAL's CSV driver) and what it
// does next: text decoding (UTF-8 / BOM / GB18030 detection) and separator detection in memory,
// then readTable on a scratch .csv (header row search under title rows, row shaping) and the
// field-mapping guess from headers and values.
#include <cstdlib>

#include "data/import/field_mapping.h"
#include "data/gdal/table.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (auto dec = cm::decodeText(bytes, "fuzz.csv")) {
    char sep = cm::detectSeparator(dec->utf8);
    if (sep != ',' && sep != ';' && sep != '\t' && sep != '|') std::abort();
  }
  const std::string path = cmfuzz::scratchFile(data, size, "table", ".csv");
  auto t = cm::readTable(path, cm::ReadOptions{});
  if (!t) {
    if (t.error().empty()) std::abort();
    return 0;
  }
  if (t->rows.size() != t->row_numbers.size()) std::abort();
  for (const auto& r : t->rows)
    if (r.size() != t->columns.size()) std::abort();  // table.h: every row columns.size() long
  cm::FieldMapping m = cm::guessMapping(*t);
  for (const cm::FieldChoice& c : m.fields)
    if (c.column < -1 || c.column >= static_cast<int>(t->columns.size())) std::abort();
  (void)cm::mappingToJson(m, *t);
  return 0;
}
