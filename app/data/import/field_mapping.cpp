#include "data/import/field_mapping.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <type_traits>

#include "data/atomic_file.h"
#include "data/data_paths.h"

namespace cm {
namespace {

struct FieldInfo {
  const char* id;
  const char* zh;
  // Synonyms, compared after normalizeKey (lower case, no spaces/underscores; units in brackets
  // are removed first). Exact synonyms score High; a header that contains one scores Medium.
  std::vector<const char*> exact;
  std::vector<const char*> contains;
};

const std::array<FieldInfo, kFieldCount>& table() {
  static const std::array<FieldInfo, kFieldCount> t{{
      {"id", "项目编号", {"id", "项目编号", "编号", "序号", "项目代码", "项目id", "项目序号", "no", "no.", "projectid", "code"}, {"编号", "代码"}},
      {"name_zh", "项目名称", {"name_zh", "项目名称", "名称", "项目", "项目名", "企业名称", "项目全称", "name", "projectname", "project"}, {"项目名称", "名称"}},
      {"name_en", "英文名称", {"name_en", "英文名称", "英文名", "englishname", "nameen", "projectnameen"}, {"英文"}},
      {"ecosystem", "所属生态圈", {"ecosystem", "所属生态圈", "生态圈", "产业生态圈", "所属产业生态圈", "产业领域", "领域"}, {"生态圈"}},
      {"chain", "产业链", {"chain", "产业链", "所属产业链", "细分产业链", "industrychain", "链条"}, {"产业链"}},
      {"sector", "行业类别", {"sector", "行业类别", "类别", "产业类型", "项目类型", "类型", "行业", "industry", "type"}, {"类型", "类别"}},
      {"investment_yi", "总投资", {"investment_yi", "investment", "总投资", "投资额", "计划总投资", "投资总额", "总投资额", "协议投资", "协议总投资", "totalinvestment", "investmentyi"}, {"总投资", "投资额", "投资总额", "investment"}},
      {"signed_date", "签约日期", {"signed_date", "签约日期", "签约时间", "签约", "签约年月", "date", "signed", "signingdate", "signeddate", "签订日期"}, {"签约"}},
      {"started_date", "开工日期", {"started_date", "开工日期", "开工时间", "开工", "动工日期", "动工时间", "动工", "实际开工日期", "开工年月",
                                  "started", "startdate", "startedat", "constructionstart", "constructionstartdate", "constructionstarted"}, {"开工", "动工日期", "动工时间", "constructionstart"}},
      {"producing_date", "投产日期", {"producing_date", "投产日期", "投产时间", "投产", "竣工投产", "竣工投产日期", "竣工投产时间", "实际投产日期", "投产年月",
                                    "达产日期", "达产时间", "达产", "运营日期", "投运日期", "productiondate", "producingdate", "productionstart", "operationdate", "operationstart", "startofoperation", "startofproduction", "commissioningdate"},
       // Only dates: "投产状态" or "是否投产" is a stage or a yes/no, not this field.
       {"投产日期", "投产时间", "投产年月", "达产日期", "达产时间", "投运日期", "投运时间", "productiondate", "operationdate",
        "productionstart", "operationstart"}},
      {"stage", "项目阶段", {"stage", "阶段", "状态", "项目状态", "项目阶段", "进展", "进度", "status"}, {"阶段", "状态"}},
      {"district", "所在区县", {"district", "所在区县", "区县", "区域", "所属区县", "行政区", "所在区", "区(县、市)", "区县市", "区、县(市)", "属地", "adcode", "county"}, {"区县", "区域", "行政区"}},
      {"park_id", "所在园区", {"park_id", "park", "园区", "开发区", "所在园区", "所属园区", "平台", "所在平台", "园区名称", "产业平台"}, {"园区", "开发区", "平台"}},
      {"lon", "经度", {"lon", "lng", "long", "longitude", "经度", "x", "坐标x", "x坐标", "东经"}, {"经度"}},
      {"lat", "纬度", {"lat", "latitude", "纬度", "y", "坐标y", "y坐标", "北纬"}, {"纬度"}},
      {"foreign", "外资来源", {"foreign", "外资来源", "资金来源地", "投资方国别", "来源国", "国别", "外资国别"}, {"外资来源", "国别"}},
      {"fdi_musd", "外资金额", {"fdi_musd", "fdi", "外资", "外资金额", "合同外资", "实际利用外资", "到资"}, {"外资金额", "合同外资", "利用外资"}},
      {"chain_leader", "链主企业", {"chain_leader", "链主", "是否链主", "链主企业", "chainleader"}, {"链主"}},
      {"chain_role", "产业链环节", {"chain_role", "产业链环节", "链条环节", "环节", "所处环节", "上下游", "上中下游", "产业链位置", "链上位置",
                                  "chainrole", "chainposition", "positioninchain", "valuechainposition"},
       {"环节", "上下游", "上中下游", "chainposition", "chainrole"}},
      {"channel", "招商渠道", {"channel", "招商渠道", "渠道", "招商方式", "来源渠道"}, {"渠道"}},
      {"synthetic", "合成数据", {"synthetic"}, {}},
  }};
  return t;
}

// The header without a unit in brackets: "总投资(万元)" → "总投资".
std::string headerKey(std::string_view header) {
  std::string k = normalizeKey(header);
  if (const size_t o = k.find('('); o != std::string::npos && o > 0) k = k.substr(0, o);
  return k;
}

int scoreFor(const FieldInfo& f, const std::string& key) {
  for (const char* s : f.exact)
    if (key == normalizeKey(s)) return 3;
  for (const char* s : f.contains)
    if (key.find(normalizeKey(s)) != std::string::npos) return 2;
  return 0;
}

bool hasCjk(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0xE4 && c <= 0xE9) return true;  // lead bytes of U+4E00..U+9FFF
  return false;
}

// What the first rows' values of column c look like.
struct ValueStats {
  int n = 0, numbers = 0, dates = 0, serials = 0, lon = 0, lat = 0, cjk = 0, ascii_text = 0, adcodes = 0, ecosystems = 0, chains = 0;
  double median = 0;
};

ValueStats valueStats(const RawTable& t, int c) {
  ValueStats s;
  std::vector<double> nums;
  for (size_t r = 0; r < t.rows.size() && r < 200; ++r) {
    const std::string& v = t.rows[r][c];
    if (v.empty()) continue;
    ++s.n;
    if (auto a = parseAmount(v)) {
      ++s.numbers;
      nums.push_back(a->value);
      if (a->value >= 73 && a->value <= 136) ++s.lon;  // China's longitudes
      if (a->value >= 18 && a->value <= 54) ++s.lat;
      if (a->value >= 330100 && a->value <= 330199 && a->value == std::floor(a->value)) ++s.adcodes;
    }
    if (parseAnyDate(v, false)) ++s.dates;
    else if (parseAnyDate(v, true)) ++s.serials;  // a number that could be an Excel date
    if (hasCjk(v)) ++s.cjk;
    else if (!parseLooseNumber(v)) ++s.ascii_text;
    if (matchEcosystem(v)) ++s.ecosystems;
    if (matchCatalogChain(v)) ++s.chains;
  }
  if (!nums.empty()) {
    std::nth_element(nums.begin(), nums.begin() + nums.size() / 2, nums.end());
    s.median = nums[nums.size() / 2];
  }
  return s;
}

const char* kConfidence[] = {"none", "low", "medium", "high"};

}  // namespace

const char* fieldId(Field f) { return table()[static_cast<int>(f)].id; }
const char* fieldLabelZh(Field f) { return table()[static_cast<int>(f)].zh; }
std::optional<Field> fieldFromId(std::string_view id) {
  for (int i = 0; i < kFieldCount; ++i)
    if (id == table()[i].id) return static_cast<Field>(i);
  if (id == "park") return Field::Park;
  if (id == "investment") return Field::Investment;
  return std::nullopt;
}
const char* confidenceId(Confidence c) { return kConfidence[static_cast<int>(c)]; }

const char* coordSystemId(CoordSystem c) {
  switch (c) {
    case CoordSystem::Auto: return "auto";
    case CoordSystem::Wgs84: return "wgs84";
    case CoordSystem::Gcj02: return "gcj02";
    case CoordSystem::Bd09: return "bd09";
    case CoordSystem::Epsg: return "epsg";
  }
  return "auto";
}
std::optional<CoordSystem> coordSystemFromId(std::string_view id) {
  for (CoordSystem c : {CoordSystem::Auto, CoordSystem::Wgs84, CoordSystem::Gcj02, CoordSystem::Bd09, CoordSystem::Epsg})
    if (id == coordSystemId(c)) return c;
  return std::nullopt;
}

int headerScore(std::string_view cell) {
  const std::string key = headerKey(cell);
  if (key.empty()) return 0;
  int best = 0;
  for (const FieldInfo& f : table()) best = std::max(best, scoreFor(f, key));
  return best;
}

std::vector<Field> missingRequired(const FieldMapping& m, bool has_points) {
  std::vector<Field> out;
  if (m.column(Field::NameZh) < 0 && m.column(Field::NameEn) < 0) out.push_back(Field::NameZh);
  if (m.column(Field::Investment) < 0) out.push_back(Field::Investment);
  if (m.column(Field::SignedDate) < 0) out.push_back(Field::SignedDate);
  const bool located = has_points || (m.column(Field::Lon) >= 0 && m.column(Field::Lat) >= 0) ||
                       m.column(Field::District) >= 0 || m.column(Field::Park) >= 0;
  if (!located) {
    out.push_back(Field::Lon);
    out.push_back(Field::Lat);
  }
  return out;
}

bool confident(const FieldMapping& m, bool has_points) {
  if (!missingRequired(m, has_points).empty()) return false;
  auto ok = [&](Field f) { return m.column(f) < 0 || m[f].confidence >= Confidence::Medium; };
  const bool name_ok = (m.column(Field::NameZh) >= 0 && ok(Field::NameZh)) || (m.column(Field::NameEn) >= 0 && ok(Field::NameEn));
  return name_ok && ok(Field::Investment) && ok(Field::SignedDate) && ok(Field::Lon) && ok(Field::Lat);
}

FieldMapping guessMapping(const RawTable& t) {
  FieldMapping m;
  m.layer = t.layer;
  const int nc = static_cast<int>(t.columns.size());
  std::vector<bool> taken(nc, false);
  // 1. Headers: the best-scoring column for each field, highest scores first.
  struct Cand {
    int score, field, column;
  };
  std::vector<Cand> cands;
  for (int c = 0; c < nc; ++c) {
    const std::string key = headerKey(t.columns[c]);
    for (int f = 0; f < kFieldCount; ++f)
      if (const int s = scoreFor(table()[f], key); s > 0) cands.push_back({s, f, c});
  }
  std::stable_sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.score > b.score; });
  for (const Cand& k : cands) {
    FieldChoice& ch = m.fields[k.field];
    if (ch.column >= 0 || taken[k.column]) continue;
    ch.column = k.column;
    ch.confidence = k.score == 3 ? Confidence::High : Confidence::Medium;
    ch.why = "header '" + t.columns[k.column] + "' " + (k.score == 3 ? "is" : "contains") + " a name for " + fieldId(static_cast<Field>(k.field));
    taken[k.column] = true;
  }
  // A generic "name" column holding Latin text is the English name.
  if (m.column(Field::NameZh) >= 0 && m.column(Field::NameEn) < 0) {
    const ValueStats s = valueStats(t, m.column(Field::NameZh));
    if (s.n > 0 && s.cjk == 0 && s.ascii_text > 0) std::swap(m[Field::NameZh], m[Field::NameEn]);
  }
  // 2. Values, for what the headers left open.
  std::vector<ValueStats> stats(nc);
  for (int c = 0; c < nc; ++c) stats[c] = valueStats(t, c);
  auto byValues = [&](Field f, auto&& test, const char* why) {
    if (m.column(f) >= 0) return;
    for (int c = 0; c < nc; ++c) {
      if (taken[c] || stats[c].n == 0 || !test(stats[c])) continue;
      m[f] = {c, Confidence::Low, std::string("values of '") + t.columns[c] + "' " + why};
      taken[c] = true;
      return;
    }
  };
  byValues(Field::Lon, [](const ValueStats& s) { return s.lon * 10 >= s.n * 9 && s.numbers == s.n; }, "are numbers in China's longitude range");
  byValues(Field::Lat, [](const ValueStats& s) { return s.lat * 10 >= s.n * 9 && s.numbers == s.n; }, "are numbers in China's latitude range");
  byValues(Field::SignedDate, [](const ValueStats& s) { return s.dates * 10 >= s.n * 9; }, "look like dates");
  byValues(Field::District, [](const ValueStats& s) { return s.adcodes * 10 >= s.n * 9; }, "look like Hangzhou adcodes");
  byValues(Field::Ecosystem, [](const ValueStats& s) { return s.ecosystems * 10 >= s.n * 8; }, "name ecosystems");
  byValues(Field::Chain, [](const ValueStats& s) { return s.chains * 10 >= s.n * 8; }, "name industrial chains");
  // Header matches confirmed or doubted by their values.
  auto check = [&](Field f, auto&& test, const char* doubt) {
    FieldChoice& ch = m[f];
    if (ch.column < 0 || stats[ch.column].n == 0 || test(stats[ch.column])) return;
    ch.confidence = Confidence::Low;
    ch.why += std::string(", but ") + doubt;
  };
  check(Field::Investment, [](const ValueStats& s) { return s.numbers * 2 >= s.n; }, "most values are not numbers");
  check(Field::SignedDate, [](const ValueStats& s) { return (s.dates + s.serials) * 2 >= s.n; }, "most values are not dates");
  check(Field::StartedDate, [](const ValueStats& s) { return (s.dates + s.serials) * 2 >= s.n; }, "most values are not dates");
  check(Field::ProducingDate, [](const ValueStats& s) { return (s.dates + s.serials) * 2 >= s.n; }, "most values are not dates");
  check(Field::Lon, [](const ValueStats& s) { return s.numbers * 10 >= s.n * 9; }, "values are not numbers");
  check(Field::Lat, [](const ValueStats& s) { return s.numbers * 10 >= s.n * 9; }, "values are not numbers");
  // 3. Units of the investment: from the header, else from the values' size.
  if (const int c = m.column(Field::Investment); c >= 0) {
    m.investment_unit = unitFromHeader(t.columns[c]);
    if (m.investment_unit != MoneyUnit::Unknown) {
      m.investment_unit_why = std::string("header '") + t.columns[c] + "' states " + moneyUnitId(m.investment_unit);
    } else if (stats[c].numbers > 0) {
      const double med = stats[c].median;
      m.investment_unit = med >= 1e6 ? MoneyUnit::Yuan : med >= 500 ? MoneyUnit::Wan : MoneyUnit::Yi;
      m.investment_unit_why = "no unit in the header; values around " + std::to_string(static_cast<long long>(med)) +
                              " read as " + moneyUnitId(m.investment_unit) + " (a project's investment is usually 0.1–500 亿元)";
      if (m[Field::Investment].confidence > Confidence::Medium) m[Field::Investment].confidence = Confidence::Medium;
    }
  }
  if (const int c = m.column(Field::Fdi); c >= 0) m.fdi_unit = unitFromHeader(t.columns[c]);
  return m;
}

nlohmann::json mappingToJson(const FieldMapping& m, const RawTable& t) {
  using nlohmann::json;
  json fields = json::object();
  for (int f = 0; f < kFieldCount; ++f) {
    const FieldChoice& ch = m.fields[f];
    if (ch.column >= 0 && ch.column < static_cast<int>(t.columns.size())) fields[fieldId(static_cast<Field>(f))] = t.columns[ch.column];
  }
  json j{{"chainmap_mapping", 1}, {"layer", m.layer}, {"fields", fields},
         {"investment_unit", moneyUnitId(m.investment_unit)}, {"fdi_unit", moneyUnitId(m.fdi_unit)},
         {"cny_per_usd", m.cny_per_usd}, {"coordinates", coordSystemId(m.coords)}, {"swap_lonlat", m.swap_lonlat}};
  if (m.coords == CoordSystem::Epsg) j["epsg"] = m.epsg;
  return j;
}

namespace {
// An optional key of a mapping file, of the type it must have: j.value() would throw on a wrong
// type (a mapping file is user input), so the type is checked and a wrong one is an error.
template <class T>
bool optionalKey(const nlohmann::json& j, const char* key, T& out) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return true;
  if constexpr (std::is_same_v<T, std::string>) {
    if (!it->is_string()) return false;
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!it->is_boolean()) return false;
  } else {
    if (!it->is_number()) return false;
  }
  out = it->template get<T>();
  return true;
}
}  // namespace

Result<FieldMapping> mappingFromJson(const nlohmann::json& j, const RawTable& t, const std::string& path) {
  using R = Result<FieldMapping>;
  if (!j.is_object() || !j.contains("fields") || !j["fields"].is_object())
    return R::fail(fileError(path, "not a chainmap mapping (expected {\"fields\": {\"name_zh\": \"项目名称\", ...}})"));
  FieldMapping m;
  m.from_file = true;
  m.layer = t.layer;
  if (!optionalKey(j, "layer", m.layer)) return R::fail(fileError(path, "'layer' must be text"));
  if (!mappingLayerAllowed(m.layer))
    return R::fail(fileError(path, "'layer' " + quotedValue(m.layer) + " is not a sheet or layer name (a mapping names a layer of its own table, "
                                   "never a path or a database)"));
  for (const auto& [key, value] : j["fields"].items()) {
    const auto f = fieldFromId(key);
    if (!f) return R::fail(fileError(path, "unknown field '" + key + "'"));
    if (!value.is_string()) return R::fail(fileError(path, "field '" + key + "' must name a column"));
    const std::string col = value.get<std::string>();
    const auto it = std::find(t.columns.begin(), t.columns.end(), col);
    if (it == t.columns.end()) return R::fail(fileError(path, "field '" + key + "': the table has no column '" + col + "'"));
    m[*f] = {static_cast<int>(it - t.columns.begin()), Confidence::High, "saved mapping"};
  }
  std::string inv_unit, fdi_unit, coords = "auto";
  if (!optionalKey(j, "investment_unit", inv_unit)) return R::fail(fileError(path, "'investment_unit' must be text"));
  if (!optionalKey(j, "fdi_unit", fdi_unit)) return R::fail(fileError(path, "'fdi_unit' must be text"));
  if (auto u = moneyUnitFromId(inv_unit)) m.investment_unit = *u;
  if (auto u = moneyUnitFromId(fdi_unit)) m.fdi_unit = *u;
  m.investment_unit_why = "saved mapping";
  m.cny_per_usd = 7.1;
  if (!optionalKey(j, "cny_per_usd", m.cny_per_usd) || !(m.cny_per_usd > 0) || !std::isfinite(m.cny_per_usd))
    return R::fail(fileError(path, "cny_per_usd must be a positive number"));
  if (!optionalKey(j, "coordinates", coords)) return R::fail(fileError(path, "coordinates must be auto, wgs84, gcj02, bd09 or epsg"));
  const auto cs = coordSystemFromId(coords);
  if (!cs) return R::fail(fileError(path, "coordinates must be auto, wgs84, gcj02, bd09 or epsg"));
  m.coords = *cs;
  if (!optionalKey(j, "epsg", m.epsg)) return R::fail(fileError(path, "'epsg' must be text such as \"EPSG:4549\""));
  if (!m.epsg.empty() && !mappingCrsAllowed(m.epsg))
    return R::fail(fileError(path, "'epsg' " + quotedValue(m.epsg) + " must be an authority code such as \"EPSG:4549\" (a PROJ string or "
                                   "WKT could name files to read)"));
  if (m.coords == CoordSystem::Epsg && m.epsg.empty()) return R::fail(fileError(path, "coordinates 'epsg' needs \"epsg\": \"EPSG:NNNN\""));
  if (!optionalKey(j, "swap_lonlat", m.swap_lonlat)) return R::fail(fileError(path, "'swap_lonlat' must be true or false"));
  return m;
}

namespace {
bool printable(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}
}  // namespace

std::string quotedValue(const std::string& v) {
  std::string s = v.size() > 80 ? v.substr(0, 80) + "…" : v;
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  return "\"" + s + "\"";
}

bool mappingLayerAllowed(const std::string& layer) {
  if (layer.size() > 255 || !printable(layer)) return false;
  if (layer.find('/') != std::string::npos || layer.find('\\') != std::string::npos) return false;
  return !isDatabaseSource(layer) && layer != "." && layer != "..";
}

bool mappingCrsAllowed(const std::string& crs) {
  const size_t colon = crs.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == crs.size() || crs.size() > 40) return false;
  for (size_t i = 0; i < colon; ++i)
    if (!std::isalpha(static_cast<unsigned char>(crs[i]))) return false;
  for (size_t i = colon + 1; i < crs.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(crs[i]))) return false;
  return true;
}

std::string savedMappingLayer(const nlohmann::json& j) {
  if (!j.is_object()) return {};
  const auto it = j.find("layer");
  if (it == j.end() || !it->is_string()) return {};
  std::string layer = it->get<std::string>();
  return mappingLayerAllowed(layer) ? layer : std::string();
}

Result<FieldMapping> loadMapping(const std::string& path, const RawTable& t) {
  std::ifstream in(path);
  if (!in) return Result<FieldMapping>::fail(fileError(path, "file not found"));
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded()) return Result<FieldMapping>::fail(fileError(path, "not valid JSON"));
  return mappingFromJson(j, t, path);
}

Result<bool> saveMapping(const std::string& path, const FieldMapping& m, const RawTable& t) {
  // What loadMapping would refuse is not written (the dialog takes any CRS PROJ knows for Apply).
  if (m.coords == CoordSystem::Epsg && !mappingCrsAllowed(m.epsg))
    return Result<bool>::fail(fileError(path, "not saved: the CRS " + quotedValue(m.epsg) + " must be an authority code such as \"EPSG:4549\""));
  return writeFileAtomically(path, mappingToJson(m, t).dump(2) + "\n");
}

std::string mappingPathFor(const std::string& source, const std::string& layer) {
  if (!isDatabaseSource(source)) return source + ".chainmap.json";
  std::string safe;
  for (char c : layer.empty() ? std::string("table") : layer) safe.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return (std::filesystem::path(userDataDir()).parent_path() / "mappings" / ("pg_" + safe + ".chainmap.json")).string();
}

}  // namespace cm
