// Values as people write them in project tables (app/data/import/values.*, app/core/dates.*):
// amounts with units, loose numbers, dates in every accepted form, catalogue/district/park names.
// Every function is documented as total: any bytes → a value or nullopt, never a crash or a throw.
#include <cmath>
#include <cstdlib>

#include "core/dates.h"
#include "data/import/field_mapping.h"
#include "data/import/values.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const cmfuzz::Reference& ref = cmfuzz::reference();
  std::string_view s(reinterpret_cast<const char*>(data), size);
  if (auto a = cm::parseAmount(s)) {
    if (!std::isfinite(a->value)) std::abort();  // amounts feed sums and the legend
    (void)cm::yuanPer(a->unit, 7.1);
  }
  if (auto n = cm::parseLooseNumber(s); n && !std::isfinite(*n)) std::abort();  // "a plain finite number"
  for (bool serial : {true, false}) {
    if (auto d = cm::parseAnyDate(s, serial)) {
      // A parsed date formats and reads back as the same day.
      std::string text = cm::formatDate(*d);
      auto back = cm::parseDate(text);
      if (!back || *back != *d) std::abort();
    }
  }
  if (auto d = cm::parseDate(s)) (void)cm::formatDate(*d);
  if (auto m = cm::parseMonth(s)) {
    (void)cm::formatMonth(*m);
    (void)cm::firstDayOfMonth(*m);
    (void)cm::lastDayOfMonth(*m);
  }
  (void)cm::unitFromHeader(s);
  (void)cm::moneyUnitFromId(s);
  (void)cm::matchEcosystem(s);
  (void)cm::matchCatalogChain(s);
  (void)cm::matchStage(s);
  (void)cm::matchSector(s);
  (void)cm::parseYesNo(s);
  (void)cm::matchChainRole(s);
  cm::DistrictMatch dm = cm::matchDistrict(s, ref.districts);
  for (int i : dm.candidates)
    if (i < 0 || i >= static_cast<int>(ref.districts.size())) std::abort();
  if (auto p = cm::matchPark(s, ref.parks); p && (*p < 0 || *p >= static_cast<int>(ref.parks.size()))) std::abort();
  (void)cm::normalizeKey(s);
  (void)cm::headerScore(s);
  (void)cm::fieldFromId(s);
  (void)cm::coordSystemFromId(s);
  return 0;
}
