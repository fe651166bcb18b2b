// Civil dates as day numbers (days since 1970-01-01) and month indices (year*12 + month-1).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cm {

struct YMD {
  int y = 1970, m = 1, d = 1;
};

int32_t daysFromCivil(int y, int m, int d);
YMD civilFromDays(int32_t days);
// Accepts YYYY-MM-DD, YYYY/MM/DD and YYYY-M-D; nullopt for anything else or an impossible date.
std::optional<int32_t> parseDate(std::string_view s);
// YYYY-MM → month index.
std::optional<int> parseMonth(std::string_view s);
std::string formatDate(int32_t days);   // YYYY-MM-DD
std::string formatMonth(int month_index);  // YYYY-MM
// Days 1970-01-01 … 2149-06-06 are looked up in a table (a filter pass asks it once per row).
int monthOfDaySlow(int32_t days);
const uint16_t* monthTable();  // 65,536 days from 1970-01-01: months since 1970-01
inline int monthOfDay(int32_t days) {
  static const uint16_t* table = monthTable();
  if (days >= 0 && days < 65536) return 1970 * 12 + table[days];
  return monthOfDaySlow(days);
}
// The first and the last day of a month index: firstDayOfMonth(2024*12+1) is 2024-02-01,
// lastDayOfMonth(2024*12+1) is 2024-02-29.
int32_t firstDayOfMonth(int month_index);
int32_t lastDayOfMonth(int month_index);

}  // namespace cm
