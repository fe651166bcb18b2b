#include "data/import/values.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <unordered_map>

#include "core/catalog.h"
#include "core/dates.h"
#include "platform/text.h"

namespace cm {
namespace {

bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

std::string trimmed(std::string_view s) {
  // ASCII spaces and the ideographic space U+3000 (E3 80 80).
  size_t a = 0, b = s.size();
  for (;;) {
    if (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    else if (b - a >= 3 && s.substr(a, 3) == "\xE3\x80\x80") a += 3;
    else break;
  }
  for (;;) {
    if (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    else if (b - a >= 3 && s.substr(b - 3, 3) == "\xE3\x80\x80") b -= 3;
    else break;
  }
  return std::string(s.substr(a, b - a));
}

// Builds a new string rather than replacing in place: std::string::replace with a shorter
// literal made GCC 12 warn (-Wrestrict, a false positive of its -O3 inlining).
void replaceAll(std::string& s, std::string_view from, std::string_view to) {
  if (from.empty() || s.find(from) == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  size_t at = 0;
  for (size_t p; (p = s.find(from, at)) != std::string::npos; at = p + from.size()) out.append(s, at, p - at).append(to);
  out.append(s, at, std::string::npos);
  s = std::move(out);
}

// Removes `suffix` when `s` ends with it; returns whether it did.
bool chop(std::string& s, std::string_view suffix) {
  if (!endsWith(s, suffix)) return false;
  s.resize(s.size() - suffix.size());
  return true;
}

}  // namespace

std::string trimCell(std::string_view s) { return trimmed(s); }

std::string normalizeKey(std::string_view in) {
  std::string s = trimmed(in);
  // Full-width forms people type in Chinese headers.
  replaceAll(s, "（", "(");
  replaceAll(s, "）", ")");
  replaceAll(s, "：", ":");
  replaceAll(s, "　", "");
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

const char* moneyUnitId(MoneyUnit u) {
  switch (u) {
    case MoneyUnit::Yuan: return "yuan";
    case MoneyUnit::Wan: return "wan";
    case MoneyUnit::Yi: return "yi";
    case MoneyUnit::Usd: return "usd";
    case MoneyUnit::WanUsd: return "wan_usd";
    case MoneyUnit::YiUsd: return "yi_usd";
    case MoneyUnit::Unknown: return "";
  }
  return "";
}

const char* moneyUnitZh(MoneyUnit u) {
  switch (u) {
    case MoneyUnit::Yuan: return "元";
    case MoneyUnit::Wan: return "万元";
    case MoneyUnit::Yi: return "亿元";
    case MoneyUnit::Usd: return "美元";
    case MoneyUnit::WanUsd: return "万美元";
    case MoneyUnit::YiUsd: return "亿美元";
    case MoneyUnit::Unknown: return "";
  }
  return "";
}

std::optional<MoneyUnit> moneyUnitFromId(std::string_view id) {
  for (MoneyUnit u : kMoneyUnits)
    if (id == moneyUnitId(u)) return u;
  return std::nullopt;
}

MoneyUnit unitFromHeader(std::string_view header) {
  const std::string h = normalizeKey(header);
  if (contains(h, "亿美元") || contains(h, "100musd")) return MoneyUnit::YiUsd;
  if (contains(h, "万美元") || contains(h, "10kusd")) return MoneyUnit::WanUsd;
  if (contains(h, "美元") || contains(h, "usd") || contains(h, "us$")) return MoneyUnit::Usd;
  if (contains(h, "亿")) return MoneyUnit::Yi;
  if (contains(h, "万")) return MoneyUnit::Wan;
  if (contains(h, "(元)") || endsWith(h, "元") || contains(h, "(cny)") || contains(h, "(rmb)")) return MoneyUnit::Yuan;
  if (contains(h, "100mcny") || contains(h, "(yi)") || endsWith(h, "yi")) return MoneyUnit::Yi;  // investment_yi
  return MoneyUnit::Unknown;
}

double yuanPer(MoneyUnit u, double cny_per_usd) {
  switch (u) {
    case MoneyUnit::Yuan: return 1;
    case MoneyUnit::Wan: return 1e4;
    case MoneyUnit::Yi: return 1e8;
    case MoneyUnit::Usd: return cny_per_usd;
    case MoneyUnit::WanUsd: return 1e4 * cny_per_usd;
    case MoneyUnit::YiUsd: return 1e8 * cny_per_usd;
    case MoneyUnit::Unknown: return 1e8;
  }
  return 1e8;
}

std::optional<double> parseLooseNumber(std::string_view text) {
  std::string s = trimmed(text);
  replaceAll(s, "−", "-");  // U+2212
  std::string digits;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ',' || c == ' ' || c == '\'') continue;  // thousands separators
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') digits.push_back(c);
    else return std::nullopt;
  }
  if (digits.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<Amount> parseAmount(std::string_view text) {
  std::string s = trimmed(text);
  Amount a;
  for (std::string_view p : {"¥", "￥", "RMB", "CNY", "$", "US$", "USD"}) {
    if (startsWith(s, p)) {
      if (p == "$" || p == "US$" || p == "USD") a.unit = MoneyUnit::Usd;
      s = trimmed(std::string_view(s).substr(p.size()));
    }
  }
  // Units written after the number, longest first.
  if (chop(s, "亿美元")) a.unit = MoneyUnit::YiUsd;
  else if (chop(s, "万美元")) a.unit = MoneyUnit::WanUsd;
  else if (chop(s, "美元") || chop(s, "USD") || chop(s, "usd")) a.unit = MoneyUnit::Usd;
  else if (chop(s, "亿元") || chop(s, "亿")) a.unit = MoneyUnit::Yi;
  else if (chop(s, "万元") || chop(s, "万")) a.unit = MoneyUnit::Wan;
  else if (chop(s, "元")) a.unit = MoneyUnit::Yuan;
  const auto v = parseLooseNumber(s);
  if (!v) return std::nullopt;
  a.value = *v;
  return a;
}

std::optional<int32_t> parseAnyDate(std::string_view text, bool allow_serial) {
  std::string s = trimmed(text);
  if (s.empty()) return std::nullopt;
  // Drop a time of day ("2024-03-05 10:30:00", "2024-03-05T10:30").
  if (const size_t t = s.find_first_of(" T"); t != std::string::npos && t >= 6) s.resize(t);
  auto make = [](long y, long m, long d) -> std::optional<int32_t> {
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    const int32_t days = daysFromCivil(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
    const YMD back = civilFromDays(days);
    if (back.y != y || back.m != m || back.d != d) return std::nullopt;  // 2023-02-29
    return days;
  };
  // 2024年3月5日 / 2024年3月 / 2024年03月05号
  if (contains(s, "年")) {
    std::string t = s;
    replaceAll(t, "年", "-");
    replaceAll(t, "月", "-");
    replaceAll(t, "日", "");
    replaceAll(t, "号", "");
    if (!t.empty() && t.back() == '-') t += "1";
    s = t;
  }
  // Split on - / . separators.
  std::vector<std::string> parts;
  std::string cur;
  for (char c : s) {
    if (c == '-' || c == '/' || c == '.') {
      parts.push_back(cur);
      cur.clear();
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      cur.push_back(c);
    } else {
      return std::nullopt;
    }
  }
  parts.push_back(cur);
  auto num = [](const std::string& p) { return std::strtol(p.c_str(), nullptr, 10); };
  if (parts.size() == 1 && parts[0].size() == 8)  // 20240715
    return make(num(parts[0].substr(0, 4)), num(parts[0].substr(4, 2)), num(parts[0].substr(6, 2)));
  for (const std::string& p : parts)
    if (p.empty() || p.size() > 5) return std::nullopt;
  if (parts.size() == 3 && parts[0].size() == 4) return make(num(parts[0]), num(parts[1]), num(parts[2]));
  if (parts.size() == 2 && parts[0].size() == 4) return make(num(parts[0]), num(parts[1]), 1);  // 2024-03
  if (parts.size() == 1) {
    const std::string& d = parts[0];
    if (allow_serial && d.size() == 5) {  // Excel serial day: 1 = 1900-01-01 (with Excel's leap-year bug)
      const long n = num(d);
      if (n >= 20000 && n <= 80000) return daysFromCivil(1899, 12, 30) + static_cast<int32_t>(n);
    }
  }
  // Excel serials GDAL gives as "45356.0" or with a fraction of a day.
  if (allow_serial && parts.size() == 2 && parts[0].size() == 5) {
    const long n = num(parts[0]);
    if (n >= 20000 && n <= 80000) return daysFromCivil(1899, 12, 30) + static_cast<int32_t>(n);
  }
  return std::nullopt;
}

std::optional<Ecosystem> matchEcosystem(std::string_view text) {
  const std::string k = normalizeKey(text);
  if (k.empty()) return std::nullopt;
  for (int e = 0; e < kEcosystemCount; ++e) {
    const EcosystemInfo& i = kEcosystems[e];
    if (k == i.id || k == normalizeKey(i.zh) || k == normalizeKey(i.en)) return static_cast<Ecosystem>(e);
  }
  struct Alias {
    std::string_view key;
    Ecosystem e;
  };
  static constexpr Alias kAliases[] = {
      {"智能物联生态圈", Ecosystem::Iot}, {"物联网", Ecosystem::Iot}, {"数字经济", Ecosystem::Iot},
      {"数字安防", Ecosystem::Iot}, {"iot", Ecosystem::Iot}, {"smartiot", Ecosystem::Iot},
      {"生物医药生态圈", Ecosystem::Bio}, {"生命健康", Ecosystem::Bio}, {"医药", Ecosystem::Bio},
      {"biomedicine", Ecosystem::Bio}, {"biopharma", Ecosystem::Bio}, {"lifesciences", Ecosystem::Bio},
      {"高端装备生态圈", Ecosystem::Equip}, {"高端装备制造", Ecosystem::Equip}, {"装备制造", Ecosystem::Equip},
      {"highendequipment", Ecosystem::Equip}, {"equipment", Ecosystem::Equip},
      {"新材料生态圈", Ecosystem::Mat}, {"材料", Ecosystem::Mat}, {"newmaterials", Ecosystem::Mat},
      {"materials", Ecosystem::Mat},
      {"绿色能源生态圈", Ecosystem::Energy}, {"新能源", Ecosystem::Energy}, {"能源", Ecosystem::Energy},
      {"greenenergy", Ecosystem::Energy}, {"newenergy", Ecosystem::Energy}, {"energy", Ecosystem::Energy},
      {"其它", Ecosystem::Other}, {"其他产业", Ecosystem::Other},
  };
  for (const Alias& a : kAliases)
    if (k == a.key) return a.e;
  return std::nullopt;
}

std::optional<int> matchCatalogChain(std::string_view text) {
  const std::string k = normalizeKey(text);
  if (k.empty()) return std::nullopt;
  for (size_t i = 0; i < kChains.size(); ++i) {
    const ChainInfo& c = kChains[i];
    if (k == normalizeKey(c.id) || k == normalizeKey(c.zh) || k == normalizeKey(c.en)) return static_cast<int>(i);
  }
  // "集成电路产业链", "视觉智能产业": the name with a common suffix.
  std::string t = k;
  for (std::string_view suffix : {"产业链", "产业", "chain", "industry"})
    if (chop(t, suffix)) break;
  for (size_t i = 0; i < kChains.size(); ++i)
    if (t == normalizeKey(kChains[i].zh) || t == normalizeKey(kChains[i].en)) return static_cast<int>(i);
  return std::nullopt;
}

std::optional<int> matchStage(std::string_view text) {
  const std::string k = normalizeKey(text);
  if (k.empty()) return std::nullopt;
  for (int i = 0; i < kStageCount; ++i)
    if (k == kStages[i].id || k == normalizeKey(kStages[i].zh) || k == normalizeKey(kStages[i].en)) return i;
  struct Alias {
    std::string_view key;
    int stage;
  };
  static constexpr Alias kAliases[] = {
      {"已签约", 2}, {"签约项目", 2}, {"在谈", 1}, {"在建", 8}, {"已开工", 8}, {"开工建设", 8},
      {"洽谈中", 1}, {"在洽谈", 1}, {"意向", 1}, {"意向项目", 1}, {"拟签约", 1}, {"待签约", 1}, {"跟踪", 0}, {"在谈项目", 1},
      {"签约未开工", 2}, {"已落地", 2}, {"落地", 2}, {"在建项目", 8}, {"建设中项目", 8}, {"已建成", 9}, {"建成", 9},
      {"竣工投产", 10}, {"投产", 10}, {"已投运", 10}, {"达产", 11}, {"negotiating", 1}, {"signed", 2},
      {"建设中", 8}, {"已竣工", 9}, {"已投产", 10}, {"投产运营", 10}, {"运营", 10}, {"已达产", 11},
      {"储备", 0}, {"谋划中", 0}, {"已注册", 3}, {"已供地", 4}, {"underconstruction", 8}, {"operating", 10},
  };
  for (const Alias& a : kAliases)
    if (k == a.key) return a.stage;
  return std::nullopt;
}

std::optional<SectorGuess> matchSector(std::string_view text) {
  const std::string k = normalizeKey(text);
  if (k.empty()) return std::nullopt;
  if (k == "manufacturing" || k == "制造业" || k == "制造" || k == "工业" || k == "制造业项目" || k == "m")
    return SectorGuess::Manufacturing;
  if (k == "service" || k == "services" || k == "服务业" || k == "服务" || k == "服务业项目" || k == "s")
    return SectorGuess::Service;
  return std::nullopt;
}

std::optional<bool> parseYesNo(std::string_view text) {
  const std::string k = normalizeKey(text);
  if (k == "1" || k == "是" || k == "yes" || k == "y" || k == "true" || k == "√" || k == "✓") return true;
  if (k == "0" || k == "否" || k == "no" || k == "n" || k == "false" || k.empty()) return false;
  return std::nullopt;
}

std::optional<ChainRole> matchChainRole(std::string_view text) {
  const std::string k = normalizeKey(text);
  if (k.empty()) return ChainRole::Unknown;
  if (k == "upstream" || k == "up" || k == "u" || k == "上" || contains(k, "上游")) return ChainRole::Upstream;
  if (k == "midstream" || k == "mid" || k == "middle" || k == "m" || k == "中" || contains(k, "中游")) return ChainRole::Midstream;
  if (k == "downstream" || k == "down" || k == "d" || k == "下" || contains(k, "下游")) return ChainRole::Downstream;
  if (k == "unknown" || k == "未知" || k == "-" || k == "—" || k == "/") return ChainRole::Unknown;
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Places: districts and parks as offices write them.

namespace {

}  // namespace

// "３３０１１０", "余杭区，杭州市" and "（滨江）" read as their ASCII forms.
std::string foldFullWidth(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xEF && i + 2 < s.size()) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      const unsigned cp = ((c & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0xFF01 && cp <= 0xFF5E) {
        out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
        i += 3;
        continue;
      }
    }
    if (s.substr(i, 3) == "\xE3\x80\x80") {  // U+3000
      out.push_back(' ');
      i += 3;
      continue;
    }
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

namespace {

// Bytes of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
size_t u8len(unsigned char c) { return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }
size_t codePoints(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); i += u8len(static_cast<unsigned char>(s[i]))) ++n;
  return n;
}
bool isAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}
bool eat(std::string& s, std::string_view prefix) {
  if (prefix.empty() || !startsWith(s, prefix)) return false;
  s.erase(0, prefix.size());
  return true;
}

// A place text as compared: width folded, lower case, no spaces, no apostrophes or middle dots
// ("Lin'an", "Chun’an", "杭州·余杭"), 【】 and [] as (). One pass: district names are keyed per call.
std::string placeKey(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      if (std::isspace(c) || c == '_' || c == '-' || c == '\'' || c == '`' || c == '"') continue;
      out.push_back(c == '[' ? '(' : c == ']' ? ')' : static_cast<char>(std::tolower(c)));
      continue;
    }
    const size_t len = std::min(u8len(c), text.size() - i);
    const std::string_view ch = text.substr(i, len);
    i += len;
    if (len == 3 && c == 0xEF) {  // full-width ASCII forms
      const std::string f = foldFullWidth(ch);
      if (f.size() == 1) {
        const auto a = static_cast<unsigned char>(f[0]);
        if (std::isspace(a) || a == '_' || a == '-' || a == '\'' || a == '`' || a == '"') continue;
        out.push_back(a == '[' ? '(' : a == ']' ? ')' : static_cast<char>(std::tolower(a)));
        continue;
      }
    }
    if (c == 0xE2 || c == 0xC2 || c == 0xE3) {  // only these lead bytes start the marks below
      if (ch == "\xE3\x80\x80" || ch == "’" || ch == "‘" || ch == "·" || ch == "•") continue;
      if (ch == "【" || ch == "】") {
        out.push_back(ch == "【" ? '(' : ')');
        continue;
      }
    }
    out.append(ch);
  }
  return out;
}

// Text outside parentheses, and the parenthesised text: "钱塘区(原江干区)" → "钱塘区", "原江干区".
void splitParens(const std::string& s, std::string& main, std::string& inner) {
  int depth = 0;
  for (char c : s) {
    if (c == '(') {
      if (depth++ > 0) inner.push_back(c);
    } else if (c == ')') {
      if (depth > 0 && --depth > 0) inner.push_back(c);
    } else {
      (depth > 0 ? inner : main).push_back(c);
    }
  }
}

std::vector<std::string> splitParts(const std::string& s) {
  std::string t = s;
  for (std::string_view sep : {"、", ";", "/", "|", "&", "\\", "，"}) replaceAll(t, sep, ",");
  std::vector<std::string> out;
  size_t a = 0;
  for (size_t b; (b = t.find(',', a)) != std::string::npos; a = b + 1)
    if (b > a) out.push_back(t.substr(a, b - a));
  if (a < t.size()) out.push_back(t.substr(a));
  return out;
}

// --- tables ----------------------------------------------------------------------------------

struct OldName {
  std::string_view full, bare;  // bare: "" when the bare form is a current name (萧山市 → 萧山 is 萧山区)
  int now[2];                   // today's districts in its area, the main successor first
  DistrictHow how;
  std::string_view note;
};
constexpr OldName kOldNames[] = {
    {"萧山市", "", {330109, 330114}, DistrictHow::OldName, "county-level city 1988–2001"},
    {"萧山县", "", {330109, 330114}, DistrictHow::OldName, "county until 1988"},
    {"余杭市", "", {330110, 330113}, DistrictHow::OldName, "county-level city 1994–2001"},
    {"余杭县", "", {330110, 330113}, DistrictHow::OldName, "county until 1994"},
    {"富阳市", "", {330111, 0}, DistrictHow::OldName, "county-level city 1994–2014"},
    {"富阳县", "", {330111, 0}, DistrictHow::OldName, "county until 1994"},
    {"临安市", "", {330112, 0}, DistrictHow::OldName, "county-level city 1996–2017"},
    {"临安县", "", {330112, 0}, DistrictHow::OldName, "county until 1996"},
    {"建德县", "", {330182, 0}, DistrictHow::OldName, "county until 1992"},
    {"江干区", "江干", {330102, 330114}, DistrictHow::Retired, "district until 2021"},
    {"下城区", "下城", {330105, 0}, DistrictHow::Retired, "district until 2021"},
    {"钱塘新区", "", {330114, 0}, DistrictHow::Retired, "new area 2019–2021"},
    {"下沙", "", {330114, 0}, DistrictHow::Area, "area name"},
    {"大江东", "", {330114, 0}, DistrictHow::Area, "area name"},
};
// English forms of the same.
struct OldNameEn {
  std::string_view key;
  std::string_view zh;  // the kOldNames entry
};
constexpr OldNameEn kOldNamesEn[] = {
    {"jianggan", "江干区"}, {"jiangganqu", "江干区"}, {"jianggandistrict", "江干区"}, {"xiacheng", "下城区"},
    {"xiachengqu", "下城区"}, {"xiachengdistrict", "下城区"}, {"qiantangnewarea", "钱塘新区"},
    {"qiantangnewdistrict", "钱塘新区"}, {"xiasha", "下沙"}, {"dajiangdong", "大江东"},
};
// Areas a pre-2021 district held that are now split: "原余杭区" → 余杭区 or 临平区.
struct FormerSplit {
  int code;
  int now[2];
};
constexpr FormerSplit kFormerSplit[] = {{330110, {330110, 330113}}, {330109, {330109, 330114}}};

// Adcodes no longer in use.
struct OldCode {
  int code;
  std::string_view name;  // its kOldNames entry
};
constexpr OldCode kOldCodes[] = {
    {330103, "下城区"}, {330104, "江干区"}, {330121, "萧山县"}, {330181, "萧山市"}, {330125, "余杭县"}, {330184, "余杭市"},
    {330123, "富阳县"}, {330183, "富阳市"}, {330124, "临安县"}, {330185, "临安市"}, {330126, "建德县"},
};

// Provinces (and the municipalities at their level) other than Zhejiang.
struct Region {
  std::string_view full, bare, en;
};
constexpr Region kProvinces[] = {
    {"北京市", "北京", "beijing"}, {"天津市", "天津", "tianjin"}, {"上海市", "上海", "shanghai"}, {"重庆市", "重庆", "chongqing"},
    {"河北省", "河北", "hebei"}, {"山西省", "山西", "shanxi"}, {"内蒙古自治区", "内蒙古", "innermongolia"},
    {"辽宁省", "辽宁", "liaoning"}, {"吉林省", "吉林", "jilin"}, {"黑龙江省", "黑龙江", "heilongjiang"},
    {"江苏省", "江苏", "jiangsu"}, {"安徽省", "安徽", "anhui"}, {"福建省", "福建", "fujian"}, {"江西省", "江西", "jiangxi"},
    {"山东省", "山东", "shandong"}, {"河南省", "河南", "henan"}, {"湖北省", "湖北", "hubei"}, {"湖南省", "湖南", "hunan"},
    {"广东省", "广东", "guangdong"}, {"广西壮族自治区", "广西", "guangxi"}, {"海南省", "海南", "hainan"},
    {"四川省", "四川", "sichuan"}, {"贵州省", "贵州", "guizhou"}, {"云南省", "云南", "yunnan"}, {"西藏自治区", "西藏", "tibet"},
    {"陕西省", "陕西", "shaanxi"}, {"甘肃省", "甘肃", "gansu"}, {"青海省", "青海", "qinghai"},
    {"宁夏回族自治区", "宁夏", "ningxia"}, {"新疆维吾尔自治区", "新疆", "xinjiang"}, {"台湾省", "台湾", "taiwan"},
    {"香港特别行政区", "香港", "hongkong"}, {"澳门特别行政区", "澳门", "macau"},
};
// Prefecture-level cities outside Hangzhou: Zhejiang's ten, and the others a Hangzhou ledger
// names most (the Yangtze delta, the provincial capitals, the largest cities).
constexpr Region kCities[] = {
    {"宁波市", "宁波", "ningbo"}, {"温州市", "温州", "wenzhou"}, {"嘉兴市", "嘉兴", "jiaxing"}, {"湖州市", "湖州", "huzhou"},
    {"绍兴市", "绍兴", "shaoxing"}, {"金华市", "金华", "jinhua"}, {"衢州市", "衢州", "quzhou"}, {"舟山市", "舟山", "zhoushan"},
    {"台州市", "台州", "taizhou"}, {"丽水市", "丽水", "lishui"},
    {"南京市", "南京", "nanjing"}, {"苏州市", "苏州", "suzhou"}, {"无锡市", "无锡", "wuxi"}, {"常州市", "常州", "changzhou"},
    {"南通市", "南通", "nantong"}, {"扬州市", "扬州", "yangzhou"}, {"镇江市", "镇江", "zhenjiang"}, {"泰州市", "泰州", ""},
    {"徐州市", "徐州", "xuzhou"}, {"盐城市", "盐城", "yancheng"}, {"连云港市", "连云港", "lianyungang"},
    {"淮安市", "淮安", "huaian"}, {"宿迁市", "宿迁", "suqian"}, {"合肥市", "合肥", "hefei"}, {"芜湖市", "芜湖", "wuhu"},
    {"马鞍山市", "马鞍山", "maanshan"}, {"宣城市", "宣城", "xuancheng"}, {"黄山市", "黄山", "huangshan"},
    {"滁州市", "滁州", "chuzhou"}, {"安庆市", "安庆", "anqing"}, {"福州市", "福州", "fuzhou"}, {"厦门市", "厦门", "xiamen"},
    {"泉州市", "泉州", "quanzhou"}, {"南昌市", "南昌", "nanchang"}, {"上饶市", "上饶", "shangrao"},
    {"景德镇市", "景德镇", "jingdezhen"}, {"济南市", "济南", "jinan"}, {"青岛市", "青岛", "qingdao"},
    {"烟台市", "烟台", "yantai"}, {"郑州市", "郑州", "zhengzhou"}, {"武汉市", "武汉", "wuhan"}, {"长沙市", "长沙", "changsha"},
    {"广州市", "广州", "guangzhou"}, {"深圳市", "深圳", "shenzhen"}, {"东莞市", "东莞", "dongguan"}, {"佛山市", "佛山", "foshan"},
    {"珠海市", "珠海", "zhuhai"}, {"成都市", "成都", "chengdu"}, {"西安市", "西安", "xian"}, {"沈阳市", "沈阳", "shenyang"},
    {"大连市", "大连", "dalian"}, {"长春市", "长春", "changchun"}, {"哈尔滨市", "哈尔滨", "harbin"},
    {"石家庄市", "石家庄", "shijiazhuang"}, {"太原市", "太原", "taiyuan"}, {"呼和浩特市", "呼和浩特", "hohhot"},
    {"南宁市", "南宁", "nanning"}, {"海口市", "海口", "haikou"}, {"贵阳市", "贵阳", "guiyang"}, {"昆明市", "昆明", "kunming"},
    {"拉萨市", "拉萨", "lhasa"}, {"兰州市", "兰州", "lanzhou"}, {"西宁市", "西宁", "xining"}, {"银川市", "银川", "yinchuan"},
    {"乌鲁木齐市", "乌鲁木齐", "urumqi"}, {"雄安新区", "雄安", "xiongan"},
};
// Zhejiang's counties and districts outside Hangzhou (the neighbours a Hangzhou ledger most often
// names: 德清, 安吉, 海宁, 桐乡, 诸暨, 柯桥 …). `bare` is "" where the bare form is also a place
// inside Hangzhou or a common word (象山 is also Xihu's 象山, 南湖 is also Yuhang's 南湖).
struct County {
  std::string_view full, bare, en, city;
};
constexpr County kCounties[] = {
    {"海曙区", "海曙", "haishu", "宁波市"}, {"江北区", "江北", "", "宁波市"}, {"北仑区", "北仑", "beilun", "宁波市"},
    {"镇海区", "镇海", "zhenhai", "宁波市"}, {"鄞州区", "鄞州", "yinzhou", "宁波市"}, {"奉化区", "奉化", "fenghua", "宁波市"},
    {"象山县", "", "xiangshancounty", "宁波市"}, {"宁海县", "宁海", "ninghai", "宁波市"}, {"余姚市", "余姚", "yuyao", "宁波市"},
    {"慈溪市", "慈溪", "cixi", "宁波市"}, {"江东区", "", "", "宁波市"}, {"杭州湾新区", "杭州湾", "", ""},
    {"鹿城区", "鹿城", "lucheng", "温州市"}, {"龙湾区", "龙湾", "longwan", "温州市"}, {"瓯海区", "瓯海", "ouhai", "温州市"},
    {"洞头区", "洞头", "dongtou", "温州市"}, {"永嘉县", "永嘉", "yongjia", "温州市"}, {"平阳县", "平阳", "pingyang", "温州市"},
    {"苍南县", "苍南", "cangnan", "温州市"}, {"文成县", "文成", "wencheng", "温州市"}, {"泰顺县", "泰顺", "taishun", "温州市"},
    {"瑞安市", "瑞安", "ruian", "温州市"}, {"乐清市", "乐清", "yueqing", "温州市"}, {"龙港市", "龙港", "longgang", "温州市"},
    {"南湖区", "", "", "嘉兴市"}, {"秀洲区", "秀洲", "xiuzhou", "嘉兴市"}, {"嘉善县", "嘉善", "jiashan", "嘉兴市"},
    {"海盐县", "海盐", "haiyan", "嘉兴市"}, {"海宁市", "海宁", "haining", "嘉兴市"}, {"平湖市", "平湖", "pinghu", "嘉兴市"},
    {"桐乡市", "桐乡", "tongxiang", "嘉兴市"},
    {"吴兴区", "吴兴", "wuxing", "湖州市"}, {"南浔区", "南浔", "nanxun", "湖州市"}, {"德清县", "德清", "deqing", "湖州市"},
    {"长兴县", "长兴", "changxing", "湖州市"}, {"安吉县", "安吉", "anji", "湖州市"},
    {"越城区", "越城", "yuecheng", "绍兴市"}, {"柯桥区", "柯桥", "keqiao", "绍兴市"}, {"上虞区", "上虞", "shangyu", "绍兴市"},
    {"新昌县", "新昌", "xinchang", "绍兴市"}, {"诸暨市", "诸暨", "zhuji", "绍兴市"}, {"嵊州市", "嵊州", "shengzhou", "绍兴市"},
    {"绍兴县", "", "", "绍兴市"},
    {"婺城区", "婺城", "wucheng", "金华市"}, {"金东区", "金东", "jindong", "金华市"}, {"武义县", "武义", "wuyi", "金华市"},
    {"浦江县", "浦江", "pujiang", "金华市"}, {"磐安县", "磐安", "panan", "金华市"}, {"兰溪市", "兰溪", "lanxi", "金华市"},
    {"义乌市", "义乌", "yiwu", "金华市"}, {"东阳市", "东阳", "dongyang", "金华市"}, {"永康市", "永康", "yongkang", "金华市"},
    {"柯城区", "柯城", "kecheng", "衢州市"}, {"衢江区", "衢江", "qujiang", "衢州市"}, {"常山县", "常山", "changshan", "衢州市"},
    {"开化县", "开化", "kaihua", "衢州市"}, {"龙游县", "龙游", "longyou", "衢州市"}, {"江山市", "江山", "jiangshan", "衢州市"},
    {"定海区", "定海", "dinghai", "舟山市"}, {"普陀区", "普陀", "putuo", "舟山市"}, {"岱山县", "岱山", "daishan", "舟山市"},
    {"嵊泗县", "嵊泗", "shengsi", "舟山市"},
    {"椒江区", "椒江", "jiaojiang", "台州市"}, {"黄岩区", "黄岩", "huangyan", "台州市"}, {"路桥区", "", "", "台州市"},
    {"三门县", "三门", "sanmen", "台州市"}, {"天台县", "天台", "tiantai", "台州市"}, {"仙居县", "仙居", "xianju", "台州市"},
    {"温岭市", "温岭", "wenling", "台州市"}, {"临海市", "临海", "linhai", "台州市"}, {"玉环市", "玉环", "yuhuan", "台州市"},
    {"莲都区", "莲都", "liandu", "丽水市"}, {"青田县", "青田", "qingtian", "丽水市"}, {"缙云县", "缙云", "jinyun", "丽水市"},
    {"遂昌县", "遂昌", "suichang", "丽水市"}, {"松阳县", "松阳", "songyang", "丽水市"}, {"云和县", "云和", "yunhe", "丽水市"},
    {"庆元县", "庆元", "qingyuan", "丽水市"}, {"景宁畲族自治县", "景宁", "jingning", "丽水市"}, {"龙泉市", "龙泉", "longquan", "丽水市"},
};
constexpr int kProvincePrefixes[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
                                     43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82};

// What follows a district's bare name in an address ("萧山宁围街道") — and what follows it in a
// park's name instead ("余杭经济技术开发区" is in 临平区), which must not read as the district.
constexpr std::string_view kAddressWords[] = {"街道", "镇", "乡", "路", "街", "号", "村", "社区", "弄", "巷", "幢", "栋", "大厦", "广场", "小区", "大道"};
constexpr std::string_view kParkWords[] = {"开发区", "园区", "新区", "新城", "科技城", "小镇", "产业", "集聚区", "示范区", "高新", "经开", "度假区", "医药港", "基地", "风景"};
constexpr std::string_view kStreetWords[] = {"路", "街", "道", "巷", "弄"};

bool looksLikeAddressTail(std::string_view rest) {
  for (std::string_view w : kParkWords)
    if (contains(rest, w)) return false;
  for (std::string_view w : kAddressWords)
    if (contains(rest, w)) return true;
  return false;
}
bool startsWithAny(std::string_view s, const std::string_view* words, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (startsWith(s, words[i])) return true;
  return false;
}
bool streetFollows(std::string_view rest) { return startsWithAny(rest, kStreetWords, std::size(kStreetWords)); }
// `s` starts with `name` and the name is not the start of a longer word (萧山市场, 安吉路).
bool nameStarts(std::string_view s, std::string_view name, bool bare) {
  if (name.empty() || !startsWith(s, name)) return false;
  const std::string_view rest = s.substr(name.size());
  if (endsWith(name, "市") && startsWith(rest, "场")) return false;
  if (bare && streetFollows(rest)) return false;
  return true;
}

// The administrative unit at the start of `s` ("浦东新区…" → "浦东新区", "德清县武康街道" → "德清县"):
// up to the first 区/县/市/旗 within eight characters, or "".
std::string adminSegment(std::string_view s) {
  size_t i = 0;
  for (int n = 0; n < 8 && i < s.size(); ++n) {
    const size_t len = std::min(u8len(static_cast<unsigned char>(s[i])), s.size() - i);  // a cut-off sequence
    const std::string_view ch = s.substr(i, len);
    i += len;
    if (n >= 1 && (ch == "区" || ch == "县" || ch == "旗" || (ch == "市" && !startsWith(s.substr(i), "场")))) return std::string(s.substr(0, i));
  }
  return "";
}

// English suffixes: "district", "county", "city", and pinyin "qu", "xian", "shi".
std::string bareEn(std::string s) {
  for (std::string_view suffix : {"district", "dist", "county", "city", "qu", "xian", "shi"})
    if (s.size() > suffix.size() + 2 && chop(s, suffix)) break;
  return s;
}
std::string bareZh(std::string s) {
  for (std::string_view suffix : {"区", "县", "市"})
    if (s.size() > suffix.size() + 3 && chop(s, suffix)) break;
  return s;
}

const OldName* oldNameByFull(std::string_view full) {
  for (const OldName& o : kOldNames)
    if (o.full == full) return &o;
  return nullptr;
}

}  // namespace

const char* districtHowId(DistrictHow h) {
  switch (h) {
    case DistrictHow::None: return "none";
    case DistrictHow::Adcode: return "adcode";
    case DistrictHow::TownCode: return "town_code";
    case DistrictHow::Name: return "name";
    case DistrictHow::Qualified: return "qualified";
    case DistrictHow::Address: return "address";
    case DistrictHow::OldName: return "old_name";
    case DistrictHow::Retired: return "retired";
    case DistrictHow::Area: return "area";
    case DistrictHow::Several: return "several";
    case DistrictHow::CityOnly: return "city_only";
    case DistrictHow::Outside: return "outside";
  }
  return "none";
}

namespace {

// A district's names as compared.
struct DistrictKey {
  int adcode = 0;
  std::string zh, zh_bare, en, en_bare;
};
std::vector<DistrictKey> districtKeys(const std::vector<District>& districts) {
  std::vector<DistrictKey> out;
  out.reserve(districts.size());
  for (const District& d : districts) {
    DistrictKey k;
    k.adcode = d.adcode;
    k.zh = placeKey(d.name_zh);
    k.zh_bare = bareZh(k.zh);
    k.en = placeKey(d.name_en);
    k.en_bare = bareEn(k.en);
    out.push_back(std::move(k));
  }
  return out;
}

// One part of a cell, matched: today's adcodes (main first) or a kind without a district.
struct PartMatch {
  DistrictHow how = DistrictHow::None;
  std::vector<int> codes;
  std::string name;      // the name matched ("余杭区", "萧山市", "上海市浦东新区")
  std::string how_text;  // without the prefix note
  std::string prefix;    // province/city dropped before the name ("浙江省杭州市")
};

void addCodes(PartMatch& m, const int* now, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (now[i]) m.codes.push_back(now[i]);
}

PartMatch fromOld(const OldName& o, std::string_view written) {
  PartMatch m;
  m.how = o.how;
  addCodes(m, o.now, std::size(o.now));
  m.name = std::string(written);
  m.how_text = (o.how == DistrictHow::Area ? "area name " : o.how == DistrictHow::OldName ? "old name " : "retired name ") +
               std::string(written) + (o.how == DistrictHow::Area ? "" : " (" + std::string(o.note) + ")");
  return m;
}

PartMatch outsideMatch(std::string place, std::string_view also = {}) {
  PartMatch m;
  m.how = DistrictHow::Outside;
  m.how_text = place + ", outside Hangzhou" + (also.empty() ? "" : " (" + std::string(also) + ")");
  m.name = std::move(place);
  return m;
}

PartMatch matchCode(std::string_view digits, const std::vector<DistrictKey>& keys) {
  PartMatch m;
  if (digits.size() != 6 && digits.size() != 9 && digits.size() != 12) return m;
  const int code = std::atoi(std::string(digits.substr(0, 6)).c_str());
  const bool town = digits.size() > 6;
  const std::string code_s = std::string(digits.substr(0, 6));
  for (const DistrictKey& k : keys)
    if (k.adcode == code) {
      m.how = town ? DistrictHow::TownCode : DistrictHow::Adcode;
      m.codes.push_back(code);
      m.name = k.zh;
      if (town) m.how_text = "town code " + std::string(digits) + ": district " + code_s;
      return m;
    }
  for (const OldCode& o : kOldCodes)
    if (o.code == code)
      if (const OldName* on = oldNameByFull(o.name)) {
        m = fromOld(*on, on->full);
        m.how_text = "old adcode " + code_s + " (" + std::string(on->full) + ", " + std::string(on->note) + ")";
        return m;
      }
  if (code == 330100 || code == 330101) {
    m.how = DistrictHow::CityOnly;
    m.how_text = "code " + code_s + " is Hangzhou without a district";
    return m;
  }
  const int province = code / 10000;
  if (std::find(std::begin(kProvincePrefixes), std::end(kProvincePrefixes), province) != std::end(kProvincePrefixes) &&
      code % 10000 != 0 && code / 100 != 3301) {
    m = outsideMatch("adcode " + code_s);
    return m;
  }
  if (province == 33 && code % 10000 == 0) m.how_text = "code " + code_s + " is Zhejiang province";
  return m;
}

PartMatch matchEnglish(std::string e, const std::vector<DistrictKey>& keys) {
  PartMatch m;
  replaceAll(e, ".", "");
  for (std::string_view p : {"hangzhoubay", "ningbohangzhoubay"})  // 杭州湾新区 is Ningbo's
    if (startsWith(e, p)) return outsideMatch("杭州湾新区");
  std::string prefix;
  bool hz = false, zj = false;
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : {"peoplesrepublicofchina", "china", "prc"})
      if (e.size() > p.size() && (eat(e, p) || chop(e, p))) again = true;
    for (std::string_view p : {"zhejiangprovince", "zhejiang"})
      if (eat(e, p) || chop(e, p)) again = zj = true;
    for (std::string_view p : {"hangzhoucity", "hangzhoushi", "hangzhou"})
      if (eat(e, p) || chop(e, p)) again = hz = true;
  }
  if (hz) prefix = "Hangzhou";
  if (e.empty()) {
    if (hz) m.how = DistrictHow::CityOnly, m.how_text = "Hangzhou without a district";
    else if (zj) m.how_text = "Zhejiang province only";
    return m;
  }
  const std::string eb = bareEn(e);
  for (const DistrictKey& k : keys)
    if (e == k.en || e == k.en_bare || eb == k.en_bare) {
      m.how = DistrictHow::Name;
      m.codes.push_back(k.adcode);
      m.name = k.zh;
      m.prefix = prefix;
      return m;
    }
  for (const OldNameEn& o : kOldNamesEn)
    if (e == o.key || eb == o.key)
      if (const OldName* on = oldNameByFull(o.zh)) {
        m = fromOld(*on, on->full);
        m.prefix = prefix;
        return m;
      }
  for (const Region& r : kProvinces)
    if (e == r.en || eb == r.en || (r.en.size() >= 5 && startsWith(e, r.en))) return outsideMatch(std::string(r.full));
  for (const Region& r : kCities)
    if (!r.en.empty() && (e == r.en || eb == r.en || (r.en.size() >= 5 && startsWith(e, r.en)))) return outsideMatch(std::string(r.full));
  for (const County& c : kCounties)
    if (!c.en.empty() && (e == c.en || eb == c.en)) return outsideMatch(std::string(c.full), c.city.empty() ? std::string() : std::string(c.city) + std::string(c.full));
  if (hz) m.how = DistrictHow::CityOnly, m.how_text = "Hangzhou, but '" + e + "' is not a district";
  return m;
}

PartMatch matchChinese(std::string r, const std::vector<DistrictKey>& keys, int depth = 0);

// The name at the start of `r` (after province/city): exact names, then names an address starts
// with. `r` is not empty.
PartMatch matchLocalName(const std::string& r, const std::vector<DistrictKey>& keys, int depth) {
  PartMatch m;
  // Exact: today's names, old and retired names, another county of Zhejiang.
  for (const DistrictKey& k : keys)
    if (r == k.zh || r == k.zh_bare) {
      m.how = DistrictHow::Name, m.codes.push_back(k.adcode), m.name = r;
      return m;
    }
  for (const OldName& o : kOldNames)
    if (r == o.full || r == o.bare) return fromOld(o, r);
  for (const County& c : kCounties)
    if (r == c.full || r == c.bare) return outsideMatch(r, c.city.empty() ? std::string() : std::string(c.city) + std::string(c.full));
  // 桐庐市, 建德区: today's bare name with another suffix.
  if (const std::string rb = bareZh(r); rb != r)
    for (const DistrictKey& k : keys)
      if (rb == k.zh_bare) {
        m.how = DistrictHow::Name, m.codes.push_back(k.adcode), m.name = k.zh;
        m.how_text = "written " + r;
        return m;
      }
  // An address: the longest full name it starts with.
  size_t best = 0;
  for (const DistrictKey& k : keys)
    if (k.zh.size() > best && nameStarts(r, k.zh, false)) {
      best = k.zh.size();
      m = PartMatch{};
      m.how = DistrictHow::Name, m.codes = {k.adcode}, m.name = k.zh;
    }
  for (const OldName& o : kOldNames)
    if (o.full.size() > best && nameStarts(r, o.full, false)) best = o.full.size(), m = fromOld(o, o.full);
  for (const County& c : kCounties)
    if (c.full.size() > best && nameStarts(r, c.full, false))
      best = c.full.size(), m = outsideMatch(std::string(c.full), c.city.empty() ? std::string() : std::string(c.city) + std::string(c.full));
  // …or a bare name followed by a street or town ("萧山宁围街道"), not by a park's name.
  if (best == 0) {
    for (const DistrictKey& k : keys)
      if (k.zh_bare.size() > best && nameStarts(r, k.zh_bare, true) && looksLikeAddressTail(std::string_view(r).substr(k.zh_bare.size()))) {
        best = k.zh_bare.size();
        m = PartMatch{};
        m.how = DistrictHow::Name, m.codes = {k.adcode}, m.name = k.zh_bare;
      }
    for (const OldName& o : kOldNames)
      if (!o.bare.empty() && o.bare.size() > best && nameStarts(r, o.bare, true) && looksLikeAddressTail(std::string_view(r).substr(o.bare.size())))
        best = o.bare.size(), m = fromOld(o, o.bare);
    for (const County& c : kCounties)  // 德清经济开发区: any tail but a street
      if (!c.bare.empty() && c.bare.size() > best && nameStarts(r, c.bare, true))
        best = c.bare.size(), m = outsideMatch(std::string(c.bare), c.city.empty() ? std::string() : std::string(c.city) + std::string(c.full));
  }
  if (best == 0) return m;
  const std::string rest = r.substr(best);
  if (rest.empty()) return m;
  // "滨江区萧山区": the rest names another district.
  if (m.how != DistrictHow::Outside && depth < 3) {
    const PartMatch next = matchChinese(rest, keys, depth + 1);
    if (!next.codes.empty() && next.how != DistrictHow::Address && next.how != DistrictHow::Outside) {
      PartMatch both = m;
      both.how = DistrictHow::Several;
      for (int c : next.codes)
        if (std::find(both.codes.begin(), both.codes.end(), c) == both.codes.end()) both.codes.push_back(c);
      both.how_text = "names " + m.name + " and " + next.name;
      both.name = m.name + next.name;
      return both;
    }
  }
  if (m.how == DistrictHow::Outside) return m;
  const std::string note = m.how_text;
  if (m.how == DistrictHow::Name) m.how = DistrictHow::Address;
  m.how_text = "address, read up to " + m.name + (note.empty() ? "" : "; " + note);
  return m;
}

PartMatch matchChinese(std::string r, const std::vector<DistrictKey>& keys, int depth) {
  PartMatch m;
  std::string prefix;
  for (std::string_view p : {"中华人民共和国", "中国"})
    if (eat(r, p)) break;
  bool zj = false, hz = false;
  for (std::string_view p : {"浙江省", "浙江"})
    if (eat(r, p)) {
      prefix += p, zj = true;
      break;
    }
  if (!zj)
    for (const Region& p : kProvinces)
      for (std::string_view name : {p.full, p.bare})
        if (nameStarts(r, name, name == p.bare)) {
          std::string rest = r.substr(name.size());
          // 江苏省苏州市工业园区: the city too.
          std::string place = std::string(name);
          if (const std::string seg = adminSegment(rest); !seg.empty()) place += seg, rest.erase(0, seg.size());
          if (const std::string seg = adminSegment(rest); !seg.empty()) place += seg;
          return outsideMatch(place);
        }
  if (!startsWith(r, "杭州湾")) {
    for (std::string_view p : {"杭州市", "杭州"})
      if (eat(r, p)) {
        prefix += p, hz = true;
        break;
      }
  }
  if (!hz)
    for (const Region& c : kCities)
      for (std::string_view name : {c.full, c.bare})
        if (nameStarts(r, name, name == c.bare)) {
          const std::string rest = r.substr(name.size());
          return outsideMatch(prefix + std::string(name) + adminSegment(rest));
        }
  for (std::string_view p : {"市辖区", "市区", "主城区", "市本级", "全市"})
    if (hz && r == p) r.clear();
  if (r.empty()) {
    if (hz) m.how = DistrictHow::CityOnly, m.how_text = prefix + " without a district";
    else if (zj) m.how_text = prefix + " only";
    return m;
  }
  const bool former = eat(r, "原");
  m = matchLocalName(r, keys, depth);
  if (m.how == DistrictHow::None) {
    if (!hz && depth == 0) {
      // Another city by its suffix ("某某市…"; every province is in kProvinces).
      const std::string seg = adminSegment(r);
      if (!seg.empty() && endsWith(seg, "市") && codePoints(seg) >= 3) return outsideMatch(prefix + seg);
    }
    if (hz) {
      m.how = DistrictHow::CityOnly;
      const std::string seg = adminSegment(r);
      m.how_text = prefix + ", but " + (seg.empty() ? r : seg) + " is not one of its districts";
    }
    return m;
  }
  if (former && (m.how == DistrictHow::Name || m.how == DistrictHow::Address) && m.codes.size() == 1) {
    for (const FormerSplit& f : kFormerSplit)
      if (f.code == m.codes[0]) {
        m.codes.assign(std::begin(f.now), std::end(f.now));
        m.how = DistrictHow::Retired;
        m.how_text = "former " + m.name + " (its area before 2021)";
      }
    m.name = "原" + m.name;
  }
  m.prefix = prefix;
  return m;
}

PartMatch matchPart(const std::string& part, const std::vector<DistrictKey>& keys) {
  std::string k = part;
  // 330110, "330110.0" (XLSX numbers), 330110000000.
  if (const size_t dot = k.find('.'); dot != std::string::npos && allDigits(k.substr(0, dot)) &&
                                      std::all_of(k.begin() + static_cast<long>(dot) + 1, k.end(), [](char c) { return c == '0'; }))
    k.resize(dot);
  if (allDigits(k)) return matchCode(k, keys);
  if (isAscii(k)) return matchEnglish(k, keys);
  return matchChinese(k, keys);
}

DistrictMatch matchDistrictKeys(std::string_view text, const std::vector<DistrictKey>& keys) {
  DistrictMatch out;
  const std::string k = placeKey(text);
  if (k.empty()) return out;
  std::string main, inner;
  splitParens(k, main, inner);
  std::vector<PartMatch> parts;
  for (const std::string& p : splitParts(main)) parts.push_back(matchPart(p, keys));
  const auto found = [&] {
    return std::any_of(parts.begin(), parts.end(), [](const PartMatch& m) { return !m.codes.empty() || m.how == DistrictHow::Outside; });
  };
  if (!found() && !inner.empty())  // "(原江干区)": only the parenthesis says
    for (const std::string& p : splitParts(inner)) parts.push_back(matchPart(p, keys));
  const PartMatch* district = nullptr;
  const PartMatch* outside = nullptr;
  const PartMatch* city = nullptr;
  const PartMatch* other = nullptr;
  std::vector<const PartMatch*> with_codes;
  for (const PartMatch& m : parts) {
    if (m.how == DistrictHow::Outside && !outside) outside = &m;
    if (m.how == DistrictHow::CityOnly && !city) city = &m;
    if (m.how == DistrictHow::None && !m.how_text.empty() && !other) other = &m;
    if (!m.codes.empty()) {
      with_codes.push_back(&m);
      if (!district) district = &m;
    }
  }
  auto toIndices = [&](const std::vector<int>& codes) {
    for (int c : codes)
      for (size_t i = 0; i < keys.size(); ++i)
        if (keys[i].adcode == c && std::find(out.candidates.begin(), out.candidates.end(), static_cast<int>(i)) == out.candidates.end())
          out.candidates.push_back(static_cast<int>(i));
  };
  if (outside) {  // a foreign place anywhere in the cell wins over a district name
    out.how = DistrictHow::Outside;
    out.place = outside->name;
    out.how_text = outside->how_text;
    if (district) out.how_text += "; also names " + district->name;
    return out;
  }
  if (!district) {
    if (city) out.how = DistrictHow::CityOnly, out.how_text = city->how_text, out.place = "杭州市";
    else if (other) out.how_text = other->how_text;
    return out;
  }
  bool several = false;
  for (const PartMatch* m : with_codes) {
    toIndices(m->codes);
    if (m != district && m->codes != district->codes) several = true;
  }
  if (out.candidates.empty()) {  // the districts it names are not in the map loaded
    out.how_text = district->name + ": not among the districts loaded";
    return out;
  }
  out.how = district->how;
  out.retired_name = district->how == DistrictHow::OldName || district->how == DistrictHow::Retired;
  out.place = district->prefix + district->name;
  std::string text_how = district->how_text;
  if (several) {
    out.how = DistrictHow::Several;
    std::string names;
    for (const PartMatch* m : with_codes) names += (names.empty() ? "" : ", ") + m->name;
    text_how = "names several districts: " + names;
  }
  // Province/city written before or after the name.
  std::string qualifier;
  if (!district->prefix.empty()) qualifier = "prefix " + district->prefix + " dropped";
  else if (city || parts.size() > 1) {
    for (const PartMatch& m : parts)
      if (&m != district && m.codes.empty() && (m.how == DistrictHow::CityOnly || !m.how_text.empty())) qualifier = "city or province written after it";
  }
  if (!qualifier.empty() && out.how == DistrictHow::Name) out.how = DistrictHow::Qualified;
  out.how_text = text_how.empty() ? qualifier : qualifier.empty() ? text_how : text_how + "; " + qualifier;
  return out;
}

}  // namespace

DistrictMatch matchDistrict(std::string_view text, const std::vector<District>& districts) {
  return matchDistrictKeys(text, districtKeys(districts));
}

// --- parks -------------------------------------------------------------------------------------

namespace {

// The short forms people use for the shipped parks (assets/hangzhou/parks.csv), by park id, '|'
// between them; the full names and their usual abbreviations are added from the names themselves.
struct ParkAliasRow {
  std::string_view id, aliases;
};
constexpr ParkAliasRow kParkAliases[] = {
    {"hz_hitech_binjiang",
     "杭州高新区|滨江高新区|高新区(滨江)|高新区滨江|杭州高新区滨江|杭州滨江高新区|滨江高新技术产业开发区|杭州国家高新区|"
     "杭州高新开发区|杭州国家高新技术产业开发区|hangzhouhitechzone|binjianghitechzone|hangzhouhightechzone|hhtz"},
    {"hz_etdz_xiasha",
     "下沙|下沙经开区|下沙经济技术开发区|下沙经济开发区|下沙开发区|杭州经开区|杭州经济开发区|杭州经济技术开发区|经开区(下沙)|"
     "杭州下沙经济技术开发区|杭州下沙经开区|xiasha|xiashaetdz|hangzhouetdz|heda"},
    {"hz_qiantang_newarea", "钱塘新区|杭州钱塘新区|钱塘新区管委会|qiantangnewarea|qiantangnewdistrict"},
    {"hz_dajiangdong", "大江东|大江东产业集聚区|大江东新城|杭州大江东|杭州大江东产业集聚区|dajiangdong"},
    {"xs_etdz", "萧山经开区|萧山经济开发区|萧山开发区|萧山经济技术开发区|杭州萧山经济技术开发区|xiaoshanetdz"},
    {"xs_robot_town", "机器人小镇|萧山机器人小镇|robottown"},
    {"xs_xianghu", "湘湖|湘湖实验室|湘湖度假区|湘湖旅游度假区|湘湖国家旅游度假区|xianghu|xianghulake"},
    {"xs_airport_zone",
     "临空经济区|临空经济示范区|杭州临空经济示范区|临空区|临空|空港|空港经济区|空港新城|萧山临空经济区|萧山空港|杭州空港经济区|"
     "airporteconomyzone|airporteconomiczone"},
    {"yh_etdz_linping",
     "余杭经开区|余杭经济开发区|余杭经济技术开发区|余杭开发区|临平经开区|临平经济开发区|临平经济技术开发区|临平开发区|"
     "杭州余杭经济技术开发区|杭州临平经济技术开发区|yuhangetdz|linpingetdz"},
    {"la_qingshanhu",
     "青山湖|青山湖科技城|临安青山湖|杭州青山湖科技城|临安经开区|临安经济开发区|临安经济技术开发区|临安开发区|qingshanhu|"
     "qingshanlake|qingshanhuscitechcity|linanedz"},
    {"fy_etdz", "富阳经开区|富阳经济开发区|富阳经济技术开发区|富阳开发区|fuyangetdz"},
    {"tl_edz", "桐庐经开区|桐庐经济开发区|桐庐经济技术开发区|桐庐开发区|tongluedz"},
    {"jd_edz", "建德经开区|建德经济开发区|建德经济技术开发区|建德开发区|建德高新区|建德高新园区|建德高新技术产业园区|建德高新技术产业园|jiandeedz"},
    {"ca_edz_qiandaohu", "千岛湖|淳安经开区|淳安经济开发区|淳安开发区|千岛湖经济开发区|千岛湖经开区|淳安经济技术开发区|qiandaohu|qiandaolake|chunanedz"},
    {"yh_future_scitech", "未来科技城|海创园|杭州未来科技城|余杭未来科技城|杭州海创园|futurescitechcity|futurescitechcity(haichuangpark)"},
    {"yh_dream_town", "梦想小镇|余杭梦想小镇|仓前梦想小镇|dreamtown"},
    {"xh_zijingang", "紫金港|紫金港科技城|西湖紫金港科技城|zijingang"},
    {"xh_yunqi", "云栖|云栖小镇|西湖云栖小镇|cloudtown|yunqi|yunqitown"},
    {"qt_biopharma_port", "医药港|医药港小镇|钱塘医药港|杭州医药港|杭州医药港小镇|下沙医药港|biopharmaport|hangzhoubiopharmatown"},
};

// Kinds of zone, not names of one: alone they could be any of several parks.
constexpr std::string_view kGenericParkWords[] = {
    "高新区", "经开区", "开发区", "经济开发区", "经济技术开发区", "高新技术产业开发区", "高新技术开发区", "高新园区",
    "高新技术产业园区", "高新技术产业园", "科技城", "小镇", "特色小镇", "产业园", "产业园区", "工业园", "工业园区", "园区",
    "新区", "新城", "集聚区", "产业集聚区", "示范区", "经济区", "度假区", "实验室", "科技园", "hitechzone", "etdz", "edz",
    "developmentzone", "industrialpark", "scitechcity", "newarea", "town"};
bool genericParkWord(std::string_view k) {
  return std::find(std::begin(kGenericParkWords), std::end(kGenericParkWords), k) != std::end(kGenericParkWords);
}

// Hangzhou's district names, today's and old, for "萧山区经济技术开发区" → "萧山经济技术开发区".
struct ZoneDistrict {
  std::string_view full, bare;
  int adcode;
};
constexpr ZoneDistrict kZoneDistricts[] = {
    {"上城区", "上城", 330102}, {"拱墅区", "拱墅", 330105}, {"西湖区", "西湖", 330106}, {"滨江区", "滨江", 330108},
    {"萧山区", "萧山", 330109}, {"余杭区", "余杭", 330110}, {"富阳区", "富阳", 330111}, {"临安区", "临安", 330112},
    {"临平区", "临平", 330113}, {"钱塘区", "钱塘", 330114}, {"桐庐县", "桐庐", 330122}, {"淳安县", "淳安", 330127},
    {"建德市", "建德", 330182}, {"江干区", "江干", 330114}, {"下城区", "下城", 330105}, {"萧山市", "萧山", 330109},
    {"余杭市", "余杭", 330110}, {"富阳市", "富阳", 330111}, {"临安市", "临安", 330112},
};

size_t minAliasBytes(std::string_view a) { return isAscii(a) ? 4 : 6; }  // two Chinese characters

std::vector<std::string> parkAliases(const Park& p) {
  std::vector<std::string> out;
  auto add = [&](std::string s) {
    s = placeKey(s);
    if (s.size() >= minAliasBytes(s) && !genericParkWord(s) && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  };
  for (const std::string& name : {p.name_zh, p.name_en}) {
    std::vector<std::string> parts{name};
    for (size_t a = 0, b; (b = name.find('/', a)) != std::string::npos; a = b + 1) {
      parts.push_back(name.substr(a, b - a));
      if (name.find('/', b + 1) == std::string::npos) parts.push_back(name.substr(b + 1));
    }
    for (const std::string& part : parts) {
      add(part);
      const std::string bare = placeKey(part);
      if (const size_t o = bare.find('('); o != std::string::npos) {
        const size_t c = bare.find(')', o);
        add(bare.substr(0, o));
        if (c != std::string::npos) add(bare.substr(0, o) + bare.substr(c + 1));
      }
      for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"高新技术产业开发区", "高新区"},
                              {"经济技术开发区", "经开区"}, {"经济开发区", "经开区"}}) {
        std::string t = bare;
        replaceAll(t, from, to);
        if (t != bare) {
          add(t);
          if (const size_t o = t.find('('); o != std::string::npos) add(t.substr(0, o));
        }
      }
    }
  }
  for (const ParkAliasRow& row : kParkAliases)
    if (row.id == p.id) {
      std::string_view s = row.aliases;
      for (size_t a = 0; a <= s.size();) {
        size_t b = s.find('|', a);
        if (b == std::string_view::npos) b = s.size();
        add(std::string(s.substr(a, b - a)));
        a = b + 1;
      }
    }
  return out;
}

struct ParkTables {
  std::vector<std::string> ids;
  std::vector<std::vector<std::string>> aliases;
};
ParkTables parkTables(const std::vector<Park>& parks) {
  ParkTables t;
  for (const Park& p : parks) {
    t.ids.push_back(placeKey(p.id));
    t.aliases.push_back(parkAliases(p));
  }
  return t;
}

// The forms worth trying, most specific first: as written; without 浙江省/杭州市 (and "杭州" kept
// in front: 杭州市高新区 → 杭州高新区); without a district before the zone's name, with the district's
// bare name in front of it instead (萧山区经济技术开发区 → 萧山经济技术开发区); without 园区/管委会 at the end.
struct ParkVariants {
  std::vector<std::string> forms;
  int district_adcode = 0;  // a district written before the zone's name
  std::string rest;         // the text after province, city and district
};
ParkVariants parkVariants(const std::string& k) {
  ParkVariants v;
  auto add = [&](const std::string& s) {
    if (!s.empty() && std::find(v.forms.begin(), v.forms.end(), s) == v.forms.end()) v.forms.push_back(s);
  };
  add(k);
  std::string r = k;
  for (std::string_view p : {"中国", "浙江省", "浙江"}) eat(r, p);
  add(r);
  if (eat(r, "杭州市") || (!startsWith(r, "杭州湾") && eat(r, "杭州"))) {
    add("杭州" + r);
    add(r);
  }
  for (const ZoneDistrict& d : kZoneDistricts)
    if (startsWith(r, d.full) && r.size() > d.full.size()) {
      const std::string rest = r.substr(d.full.size());
      v.district_adcode = d.adcode;
      add(std::string(d.bare) + rest);
      add(rest);
      r = rest;
      break;
    }
  v.rest = r;
  for (std::string_view tail : {"管理委员会", "管委会", "园区", "片区"})
    for (size_t i = 0, n = v.forms.size(); i < n; ++i) {
      std::string f = v.forms[i];
      if (f.size() > tail.size() + 6 && chop(f, tail) && !genericParkWord(f)) add(f);
    }
  return v;
}

ParkMatch ambiguousAmong(std::vector<int> cands, const std::vector<Park>& parks, int district_adcode, const std::string& said) {
  ParkMatch m;
  if (district_adcode) {  // the district written before it settles which
    std::vector<int> in;
    for (int i : cands)
      if (parks[i].district_adcode == district_adcode) in.push_back(i);
    if (in.size() == 1) {
      m.park = in[0];
      m.how_text = said + " in the district written before it";
      return m;
    }
    if (!in.empty()) cands = in;
  }
  m.ambiguous = true;
  m.candidates = std::move(cands);
  m.how_text = said + ": " + std::to_string(m.candidates.size()) + " parks go by it";
  return m;
}

ParkMatch matchParkTables(std::string_view text, const std::vector<Park>& parks, const ParkTables& t) {
  ParkMatch m;
  const std::string k = placeKey(text);
  if (k.empty()) return m;
  for (size_t i = 0; i < parks.size(); ++i)
    if (k == t.ids[i]) {
      m.park = static_cast<int>(i), m.how_text = "id";
      return m;
    }
  const ParkVariants v = parkVariants(k);
  // 1. A form equal to an alias.
  for (const std::string& f : v.forms) {
    std::vector<int> hits;
    for (size_t i = 0; i < parks.size(); ++i)
      if (std::find(t.aliases[i].begin(), t.aliases[i].end(), f) != t.aliases[i].end()) hits.push_back(static_cast<int>(i));
    if (hits.size() == 1) {
      m.park = hits[0];
      m.how_text = f == k ? "name" : "name " + f;
      return m;
    }
    if (hits.size() > 1) return ambiguousAmong(hits, parks, v.district_adcode, f);
  }
  // 2. A kind of zone and no more ("高新区", "经开区", "杭州市科技城"): any park of that kind.
  for (const std::string& f : {k, v.rest})
    if (genericParkWord(f)) {
      std::vector<int> cands;
      for (size_t i = 0; i < parks.size(); ++i)
        if (std::any_of(t.aliases[i].begin(), t.aliases[i].end(), [&](const std::string& a) { return contains(a, f); }))
          cands.push_back(static_cast<int>(i));
      return ambiguousAmong(cands, parks, v.district_adcode, f);
    }
  // 3. A longer text holding an alias ("临安青山湖科技城", "下沙医药港"): the alias written last
  // (Chinese names go from the general to the particular), the longer on a tie.
  for (const std::string& f : v.forms) {
    int best = -1;
    size_t best_end = 0, best_len = 0;
    bool tie = false;
    std::string best_alias;
    for (size_t i = 0; i < parks.size(); ++i)
      for (const std::string& a : t.aliases[i]) {
        if (a.size() >= f.size()) continue;
        const size_t at = f.rfind(a);
        if (at == std::string::npos) continue;
        const size_t end = at + a.size();
        if (end > best_end || (end == best_end && a.size() > best_len)) {
          tie = false;
          best = static_cast<int>(i), best_end = end, best_len = a.size(), best_alias = a;
        } else if (end == best_end && a.size() == best_len && best != static_cast<int>(i)) {
          tie = true;
        }
      }
    if (best >= 0 && !tie) {
      m.park = best;
      m.how_text = "contains " + best_alias;
      return m;
    }
    if (best >= 0 && tie) {
      std::vector<int> cands;
      for (size_t i = 0; i < parks.size(); ++i)
        for (const std::string& a : t.aliases[i])
          if (a.size() == best_len && a.size() < f.size() && f.rfind(a) != std::string::npos && f.rfind(a) + a.size() == best_end)
            if (std::find(cands.begin(), cands.end(), static_cast<int>(i)) == cands.end()) cands.push_back(static_cast<int>(i));
      return ambiguousAmong(cands, parks, v.district_adcode, f);
    }
  }
  // 4. A shorter form of one alias ("湘湖实验", "青山湖科"): three characters or more, one park.
  const std::string& f = v.rest.empty() ? k : v.rest;
  if (f.size() >= (isAscii(f) ? 6u : 9u)) {
    std::vector<int> cands;
    for (size_t i = 0; i < parks.size(); ++i)
      if (std::any_of(t.aliases[i].begin(), t.aliases[i].end(), [&](const std::string& a) { return a.size() > f.size() && contains(a, f); }))
        cands.push_back(static_cast<int>(i));
    if (cands.size() == 1) {
      m.park = cands[0];
      m.how_text = "short form " + f;
      return m;
    }
    if (cands.size() > 1) return ambiguousAmong(cands, parks, v.district_adcode, f);
  }
  return m;
}

}  // namespace

ParkMatch matchParkDetail(std::string_view text, const std::vector<Park>& parks) {
  return matchParkTables(text, parks, parkTables(parks));
}

std::optional<int> matchPark(std::string_view text, const std::vector<Park>& parks) {
  const ParkMatch m = matchParkDetail(text, parks);
  if (m.park >= 0) return m.park;
  return std::nullopt;
}

// --- PlaceMatcher ------------------------------------------------------------------------------

struct PlaceMatcher::Impl {
  const std::vector<District>* districts;
  const std::vector<Park>* parks;
  std::vector<DistrictKey> keys;
  ParkTables park_tables;
  std::unordered_map<std::string, DistrictMatch> district_cache;
  std::unordered_map<std::string, ParkMatch> park_cache;
  static constexpr size_t kMaxCached = 100000;  // a column of distinct addresses: stop storing
};

PlaceMatcher::PlaceMatcher(const std::vector<District>& districts, const std::vector<Park>& parks)
    : impl_(std::make_unique<Impl>()) {
  impl_->districts = &districts;
  impl_->parks = &parks;
  impl_->keys = districtKeys(districts);
  impl_->park_tables = parkTables(parks);
}
PlaceMatcher::~PlaceMatcher() = default;
PlaceMatcher::PlaceMatcher(PlaceMatcher&&) noexcept = default;

DistrictMatch PlaceMatcher::district(std::string_view text) {
  const std::string key(text);
  if (auto it = impl_->district_cache.find(key); it != impl_->district_cache.end()) return it->second;
  DistrictMatch m = matchDistrictKeys(text, impl_->keys);
  if (impl_->district_cache.size() < Impl::kMaxCached) impl_->district_cache.emplace(key, m);
  return m;
}

ParkMatch PlaceMatcher::park(std::string_view text) {
  const std::string key(text);
  if (auto it = impl_->park_cache.find(key); it != impl_->park_cache.end()) return it->second;
  ParkMatch m = matchParkTables(text, *impl_->parks, impl_->park_tables);
  if (impl_->park_cache.size() < Impl::kMaxCached) impl_->park_cache.emplace(key, m);
  return m;
}

}  // namespace cm
