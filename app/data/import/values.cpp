#include "data/import/values.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "core/catalog.h"
#include "core/dates.h"

namespace cm {
namespace {

bool startsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool endsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }
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

void replaceAll(std::string& s, std::string_view from, std::string_view to) {
  for (size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
}

// Removes `suffix` when `s` ends with it; returns whether it did.
bool chop(std::string& s, std::string_view suffix) {
  if (!endsWith(s, suffix)) return false;
  s.resize(s.size() - suffix.size());
  return true;
}

}  // namespace

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
    case MoneyUnit::Unknown: return "";
  }
  return "";
}

std::optional<MoneyUnit> moneyUnitFromId(std::string_view id) {
  for (MoneyUnit u : {MoneyUnit::Yuan, MoneyUnit::Wan, MoneyUnit::Yi, MoneyUnit::Usd, MoneyUnit::WanUsd})
    if (id == moneyUnitId(u)) return u;
  return std::nullopt;
}

MoneyUnit unitFromHeader(std::string_view header) {
  const std::string h = normalizeKey(header);
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
  if (chop(s, "万美元")) a.unit = MoneyUnit::WanUsd;
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

DistrictMatch matchDistrict(std::string_view text, const std::vector<District>& districts) {
  DistrictMatch m;
  std::string k = normalizeKey(text);
  if (k.empty()) return m;
  auto byAdcode = [&](int code) {
    for (size_t i = 0; i < districts.size(); ++i)
      if (districts[i].adcode == code) return static_cast<int>(i);
    return -1;
  };
  if (std::all_of(k.begin(), k.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) && k.size() == 6) {
    const int code = std::atoi(k.c_str());
    if (const int i = byAdcode(code); i >= 0) {
      m.candidates.push_back(i);
      return m;
    }
    k = code == 330103 ? "下城区" : code == 330104 ? "江干区" : k;  // retired adcodes
  }
  // Current names, with or without the suffix, in Chinese or English.
  auto bare = [](std::string s) {
    for (std::string_view suffix : {"区", "县", "市", "district", "county", "city"})
      if (chop(s, suffix)) break;
    return s;
  };
  const std::string kb = bare(k);
  for (size_t i = 0; i < districts.size(); ++i) {
    const std::string zh = normalizeKey(districts[i].name_zh), en = normalizeKey(districts[i].name_en);
    if (k == zh || k == en || (!kb.empty() && (kb == bare(zh) || kb == bare(en)))) {
      m.candidates.push_back(static_cast<int>(i));
      return m;
    }
  }
  // Names the 2021 division retired (and the area names people still use).
  struct Retired {
    std::string_view name;
    int now[2];
  };
  static constexpr Retired kRetired[] = {
      {"江干", {330102, 330114}}, {"jianggan", {330102, 330114}}, {"下城", {330105, 0}}, {"xiacheng", {330105, 0}},
      {"大江东", {330114, 0}}, {"钱塘新", {330114, 0}}, {"下沙", {330114, 0}}, {"余杭", {330110, 330113}},
  };
  for (const Retired& r : kRetired) {
    if (kb != r.name && bare(kb) != r.name) continue;
    for (int code : r.now)
      if (code)
        if (const int i = byAdcode(code); i >= 0) m.candidates.push_back(i);
    m.retired_name = true;
    return m;
  }
  return m;
}

// Every short form a park's names go by: the full names, each "/" alternative, the name without
// its parenthesis, and the usual abbreviations (高新技术产业开发区 → 高新区, 经济技术开发区 → 经开区).
static std::vector<std::string> parkAliases(const Park& p) {
  std::vector<std::string> out;
  auto add = [&](std::string s) {
    s = normalizeKey(s);
    if (s.size() >= 4 && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  };
  for (const std::string& name : {p.name_zh, p.name_en}) {
    std::vector<std::string> parts{name};
    for (size_t a = 0, b; (b = name.find('/', a)) != std::string::npos; a = b + 1) {
      parts.push_back(name.substr(a, b - a));
      if (name.find('/', b + 1) == std::string::npos) parts.push_back(name.substr(b + 1));
    }
    for (std::string part : parts) {
      add(part);
      std::string bare = normalizeKey(part);
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
  return out;
}

std::optional<int> matchPark(std::string_view text, const std::vector<Park>& parks) {
  const std::string k = normalizeKey(text);
  if (k.empty()) return std::nullopt;
  for (size_t i = 0; i < parks.size(); ++i)
    if (k == normalizeKey(parks[i].id)) return static_cast<int>(i);
  std::vector<std::vector<std::string>> aliases;
  for (const Park& p : parks) aliases.push_back(parkAliases(p));
  for (size_t i = 0; i < parks.size(); ++i)
    for (const std::string& a : aliases[i])
      if (k == a) return static_cast<int>(i);
  // A longer or shorter form ("临安青山湖科技城"): the park whose alias it contains or is contained
  // in, the longest such alias winning.
  int best = -1;
  size_t best_len = 0;
  for (size_t i = 0; i < parks.size(); ++i)
    for (const std::string& a : aliases[i])
      if (a.size() >= 6 && k.size() >= 6 && (contains(k, a) || contains(a, k)) && a.size() > best_len)
        best = static_cast<int>(i), best_len = a.size();
  if (best >= 0) return best;
  return std::nullopt;
}

}  // namespace cm
