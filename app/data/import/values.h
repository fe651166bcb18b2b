// Reading the values people put in project tables: numbers with units and thousands separators,
// dates in the forms Chinese offices use (and Excel serials), and names for the catalogue's
// ecosystems, chains, stages, districts (by adcode, qualified names, addresses, old and retired
// names; places outside Hangzhou recognised as such) and parks (with the short forms people use).
// GL-free, no I/O; every function is total (bad text → nullopt / no match, never a throw).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ecosystem.h"
#include "core/model.h"

namespace cm {

// Money units a column or a value can carry; amounts are converted to 亿元 (1e8 CNY).
enum class MoneyUnit { Yuan, Wan, Yi, Usd, WanUsd, YiUsd, Unknown };
inline constexpr MoneyUnit kMoneyUnits[] = {MoneyUnit::Yuan, MoneyUnit::Wan, MoneyUnit::Yi,
                                            MoneyUnit::Usd, MoneyUnit::WanUsd, MoneyUnit::YiUsd};
const char* moneyUnitId(MoneyUnit u);                 // "yuan", "wan", "yi", "usd", "wan_usd", "yi_usd", ""
const char* moneyUnitZh(MoneyUnit u);                 // "元", "万元", "亿元", "美元", "万美元", "亿美元", ""
std::optional<MoneyUnit> moneyUnitFromId(std::string_view id);
// The unit a header states: "总投资(万元)" → Wan, "投资额（亿元）" → Yi, "Investment (USD)" → Usd.
MoneyUnit unitFromHeader(std::string_view header);
// Yuan per unit (the dollar units use `cny_per_usd`).
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

// Districts as offices write them. Each form feeds the district:
//   adcodes 330110, "330110.0" (XLSX), 9- and 12-digit town codes "330110000000";
//   names with or without 区/县/市 and in English: 余杭区, 余杭, Yuhang District, Yuhang;
//   qualified by province/city before or after: 浙江省杭州市余杭区, 杭州余杭区, 浙江杭州余杭,
//   "Yuhang, Hangzhou"; addresses that start with the names: 杭州市西湖区转塘街道…;
//   old names of today's districts: 萧山市/萧山县, 余杭市/余杭县, 富阳市/富阳县, 临安市/临安县,
//   建德县 (and their old adcodes 330121…330126, 330181…330185);
//   names the 2021 division retired: 江干区 → 上城区 or 钱塘区, 下城区 → 拱墅区, 原余杭区 → 余杭区
//   or 临平区, 钱塘新区 → 钱塘区; area names: 下沙, 大江东 → 钱塘区;
//   several districts in one cell ("西湖区、余杭区"): each is a candidate.
// When a name's area is now split, `candidates` lists today's districts in it, the main successor
// first: the caller decides by the row's location (and takes the first without one).
// Places outside Hangzhou (上海市浦东新区, 宁波市, 绍兴市柯桥区, 湖州市德清县, 310115, "Pudong,
// Shanghai") never match a district: `how` is Outside and `place` names what the row wrote.
enum class DistrictHow : uint8_t {
  None,       // nothing recognised (or empty)
  Adcode,     // 330110, "330110.0"
  TownCode,   // a 9- or 12-digit division code: its first six digits
  Name,       // 余杭区, 余杭, Yuhang District
  Qualified,  // the name with its province/city: 浙江省杭州市余杭区, 杭州余杭, "Yuhang, Hangzhou"
  Address,    // an address that starts with the names: 杭州市西湖区转塘街道云栖小镇…
  OldName,    // the county or county-level city before it became a district: 萧山市, 余杭县
  Retired,    // a name the 2021 division (or 2019's new area) retired: 江干区, 下城区, 原余杭区, 钱塘新区
  Area,       // an area name people use for a district: 下沙, 大江东
  Several,    // names two or more districts ("西湖区、余杭区"): candidates holds each
  CityOnly,   // Hangzhou but no district: 杭州市, 330100, 杭州市区
  Outside,    // a place outside Hangzhou
};
const char* districtHowId(DistrictHow h);  // "none", "adcode", "town_code", "name", … "outside"

struct DistrictMatch {
  std::vector<int> candidates;  // indices into `districts`; one for a current name
  bool retired_name = false;    // matched through a name no longer in use (OldName, Retired)
  DistrictHow how = DistrictHow::None;
  // For the report, short: "prefix 浙江省杭州市 dropped", "address, read up to 西湖区", "old name
  // 萧山市 (county-level city 1988–2001)", "上海市浦东新区, outside Hangzhou". "" for a plain name.
  std::string how_text;
  // The administrative name as recognised: "杭州市西湖区", "萧山市", "上海市浦东新区", "湖州市德清县".
  std::string place;
  bool outside() const { return how == DistrictHow::Outside; }
};
DistrictMatch matchDistrict(std::string_view text, const std::vector<District>& districts);

// Parks by id, by full name (zh/en), by the short forms people use (下沙, 杭州经开区, 大江东, 空港,
// 青山湖, 千岛湖, 海创园, 云栖, 医药港, 高新区(滨江) …; see kParkAliases in values.cpp), prefixed
// with 浙江省/杭州市/a district ("萧山区经济技术开发区", "钱塘区医药港园区"), or by a longer text
// holding one of them ("临安青山湖科技城", "下沙医药港": the one written last wins). A short form
// that several parks share (高新区: Hangzhou's or Jiande's hi-tech park; 经开区, 科技城, 开发区)
// picks none: `ambiguous` is set and `candidates` lists the parks it could be.
struct ParkMatch {
  int park = -1;                // index into `parks`, -1 none
  bool ambiguous = false;
  std::vector<int> candidates;  // ambiguous: the parks the text could name
  std::string how_text;         // "id", "name", "short name 下沙", "contains 青山湖科技城", "高新区: 2 parks"
};
ParkMatch matchParkDetail(std::string_view text, const std::vector<Park>& parks);
std::optional<int> matchPark(std::string_view text, const std::vector<Park>& parks);  // .park, when one

// The same matches with the parks' aliases worked out once and every distinct text matched once
// (a ledger repeats few values over many rows). Holds its own caches: one per import or thread,
// not shared between threads. The vectors must outlive it.
class PlaceMatcher {
 public:
  PlaceMatcher(const std::vector<District>& districts, const std::vector<Park>& parks);
  ~PlaceMatcher();
  PlaceMatcher(PlaceMatcher&&) noexcept;
  DistrictMatch district(std::string_view text);
  ParkMatch park(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A cell without the spaces around it (ASCII white space and the ideographic space U+3000).
std::string trimCell(std::string_view s);
// Lower-case ASCII, drop spaces, full-width brackets to ASCII: for comparing headers and names.
std::string normalizeKey(std::string_view s);
// Full-width ASCII forms (U+FF01..U+FF5E: "１２０．１５", "，", "（") to ASCII, U+3000 to a space.
std::string foldFullWidth(std::string_view s);

}  // namespace cm
