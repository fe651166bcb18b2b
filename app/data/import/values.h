// Reading the values people put in project tables: numbers with units and thousands separators,
// dates in the forms Chinese offices use (and Excel serials), and names for the catalogue's
// ecosystems, chains, stages, districts (also by adcode and by pre-2021 names) and parks.
// GL-free, no I/O; every function is total (bad text → nullopt / no match, never a throw).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ecosystem.h"
#include "core/model.h"

namespace cm {

// Money units a column or a value can carry; amounts are converted to 亿元 (1e8 CNY).
enum class MoneyUnit { Yuan, Wan, Yi, Usd, WanUsd, Unknown };
const char* moneyUnitId(MoneyUnit u);                 // "yuan", "wan", "yi", "usd", "wan_usd", ""
std::optional<MoneyUnit> moneyUnitFromId(std::string_view id);
// The unit a header states: "总投资(万元)" → Wan, "投资额（亿元）" → Yi, "Investment (USD)" → Usd.
MoneyUnit unitFromHeader(std::string_view header);
// Yuan per unit (Usd and WanUsd use `cny_per_usd`).
double yuanPer(MoneyUnit u, double cny_per_usd);

// "150,000", "1.5万", "2亿元", "3,000万元", "¥12.5", "15 000" → the number and any unit written
// with it. nullopt when the text is not a number.
struct Amount {
  double value = 0;
  MoneyUnit unit = MoneyUnit::Unknown;  // Unknown: none written with the value
};
std::optional<Amount> parseAmount(std::string_view text);
// A plain finite number with optional thousands separators ("1,234.5", "−3", "1e3").
std::optional<double> parseLooseNumber(std::string_view text);

// Dates: 2024-03-05, 2024/4/18, 2024.06.30, 20240715, 2024年3月5日, 2024年3月 (→ the 1st),
// 2024-03 (→ the 1st), "2024-03-05 10:30:00", Excel serials 20000..80000 (when `allow_serial`).
// Returns days since 1970-01-01.
std::optional<int32_t> parseAnyDate(std::string_view text, bool allow_serial = true);

// Catalogue matches; `text` may be Chinese, English or an id, in any case, with spaces.
std::optional<Ecosystem> matchEcosystem(std::string_view text);
std::optional<int> matchCatalogChain(std::string_view text);  // index into kChains
std::optional<int> matchStage(std::string_view text);         // index into kStages
enum class SectorGuess { Manufacturing, Service };
std::optional<SectorGuess> matchSector(std::string_view text);
std::optional<bool> parseYesNo(std::string_view text);         // 是/否/yes/no/1/0/true/false/√
// 产业链环节: upstream/midstream/downstream, 上游/中游/下游 (also 上/中/下, 上游企业, 上游配套, up/mid/down).
// Empty text → Unknown; text that names no role → nullopt.
std::optional<ChainRole> matchChainRole(std::string_view text);

// Districts: by adcode, by name with or without 区/县/市 (and in English), and by names the 2021
// division retired: 江干区 → 上城区 or 钱塘区, 下城区 → 拱墅区, old 余杭区 → 余杭区 or 临平区 (the
// candidates are returned; the caller picks by location).
struct DistrictMatch {
  std::vector<int> candidates;  // indices into `districts`; one for a current name
  bool retired_name = false;    // matched through a pre-2021 name
};
DistrictMatch matchDistrict(std::string_view text, const std::vector<District>& districts);
// Parks by id, by full name (zh/en) or by a name that contains / is contained in the park's.
std::optional<int> matchPark(std::string_view text, const std::vector<Park>& parks);

// Lower-case ASCII, drop spaces, full-width brackets to ASCII: for comparing headers and names.
std::string normalizeKey(std::string_view s);

}  // namespace cm
