#include "core/dates.h"

#include <vector>

#include <cstdio>

namespace cm {

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
int32_t daysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

YMD civilFromDays(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

int monthOfDaySlow(int32_t days) {
  const YMD c = civilFromDays(days);
  return c.y * 12 + c.m - 1;
}

const uint16_t* monthTable() {
  static const std::vector<uint16_t> table = [] {
    std::vector<uint16_t> t(65536);
    for (int32_t d = 0; d < 65536; ++d) t[d] = static_cast<uint16_t>(monthOfDaySlow(d) - 1970 * 12);
    return t;
  }();
  return table.data();
}

static void splitMonth(int mi, int& y, int& m) {
  y = mi >= 0 ? mi / 12 : -((-mi + 11) / 12);  // floor division
  m = mi - y * 12 + 1;
}

int32_t firstDayOfMonth(int month_index) {
  int y, m;
  splitMonth(month_index, y, m);
  return daysFromCivil(y, m, 1);
}

int32_t lastDayOfMonth(int month_index) { return firstDayOfMonth(month_index + 1) - 1; }

static bool parseInt(std::string_view s, size_t& pos, int& out, int max_digits) {
  int n = 0, v = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && n < max_digits) {
    v = v * 10 + (s[pos] - '0');
    ++pos;
    ++n;
  }
  out = v;
  return n > 0;
}

std::optional<int32_t> parseDate(std::string_view s) {
  size_t p = 0;
  int y, m, d;
  if (!parseInt(s, p, y, 4) || p >= s.size() || (s[p] != '-' && s[p] != '/')) return std::nullopt;
  const char sep = s[p++];
  if (!parseInt(s, p, m, 2) || p >= s.size() || s[p] != sep) return std::nullopt;
  ++p;
  if (!parseInt(s, p, d, 2) || p != s.size()) return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const int32_t days = daysFromCivil(y, m, d);
  const YMD back = civilFromDays(days);
  if (back.m != m || back.d != d) return std::nullopt;  // e.g. 2023-02-30
  return days;
}

std::optional<int> parseMonth(std::string_view s) {
  size_t p = 0;
  int y, m;
  if (!parseInt(s, p, y, 4) || p >= s.size() || s[p] != '-') return std::nullopt;
  ++p;
  if (!parseInt(s, p, m, 2) || p != s.size() || m < 1 || m > 12) return std::nullopt;
  return y * 12 + m - 1;
}

std::string formatDate(int32_t days) {
  const YMD c = civilFromDays(days);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
  return buf;
}

std::string formatMonth(int mi) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", mi / 12, mi % 12 + 1);
  return buf;
}

}  // namespace cm
