// Field mapping files, FILE.chainmap.json (app/data/import/field_mapping.*): the bytes as JSON
// against a table with the canonical columns plus a few Chinese ones. A mapping that loads must
// save and load again.
#include <cstdlib>

#include "data/import/field_mapping.h"

namespace {
const cm::RawTable& table() {
  static const cm::RawTable t = [] {
    cm::RawTable r;
    r.source = "fuzz.csv";
    r.format = "CSV";
    r.columns = {"id", "name_zh", "name_en", "ecosystem", "chain", "sector", "investment_yi", "signed_date",
                 "lon", "lat", "district", "park_id", "总投资(万元)", "签约日期", "经度", "纬度", ""};
    r.rows = {std::vector<std::string>(r.columns.size(), "1")};
    r.row_numbers = {2};
    return r;
  }();
  return t;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;
  auto m = cm::mappingFromJson(j, table(), "fuzz.chainmap.json");
  if (!m) {
    if (m.error().empty()) std::abort();
    return 0;
  }
  for (const cm::FieldChoice& c : m->fields)
    if (c.column < -1 || c.column >= static_cast<int>(table().columns.size())) std::abort();
  (void)cm::missingRequired(*m, false);
  auto again = cm::mappingFromJson(cm::mappingToJson(*m, table()), table(), "fuzz.chainmap.json");
  if (!again) std::abort();
  return 0;
}
