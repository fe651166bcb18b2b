#include "data/import/field_mapping.h"

#include <algorithm>
#include <numeric>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <type_traits>

#include "core/catalog.h"
#include "platform/atomic_file.h"
#include "platform/data_paths.h"
#include "data/import/places.h"

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
      {"id", "项目编号", {"id", "项目编号", "编号", "序号", "项目代码", "项目id", "项目序号", "no", "no.", "projectid", "code", "项目赋码", "统一项目代码"}, {"编号", "代码"}},
      {"name_zh", "项目名称", {"name_zh", "项目名称", "名称", "项目", "项目名", "企业名称", "项目全称", "项目(企业)名称", "name", "projectname", "project"}, {"项目名称", "名称"}},
      {"name_en", "英文名称", {"name_en", "英文名称", "英文名", "englishname", "nameen", "projectnameen"}, {"英文"}},
      {"ecosystem", "所属生态圈", {"ecosystem", "所属生态圈", "生态圈", "产业生态圈", "所属产业生态圈", "产业领域", "领域", "所属领域"}, {"生态圈"}},
      {"chain", "产业链", {"chain", "产业链", "所属产业链", "细分产业链", "重点产业链", "industrychain", "链条"}, {"产业链"}},
      // The office's own industry words (free text, GB/T 4754 codes): classified, not read as a sector.
      {"industry", "产业类别", {"industry", "产业类别", "行业", "所属行业", "行业分类", "产业分类", "产业方向", "所属产业", "产业", "国民经济行业",
                                "国民经济行业分类", "行业代码", "行业门类", "细分行业", "细分领域", "主导产业", "产业类型"},
       {"行业", "产业类别", "产业分类", "industry"}},
      {"sector", "行业类别", {"sector", "行业类别", "类别", "项目类型", "类型", "项目类别", "制造业/服务业", "项目性质"}, {"类型", "类别"}},
      {"investment_yi", "总投资", {"investment_yi", "investment", "总投资", "投资额", "计划总投资", "投资总额", "总投资额", "协议投资", "协议总投资", "协议投资额",
                                   "计划投资", "投资金额", "项目金额", "totalinvestment", "investmentyi"}, {"总投资", "投资额", "投资总额", "金额", "investment"}},
      {"signed_date", "签约日期", {"signed_date", "签约日期", "签约时间", "签约", "签约年月", "date", "signed", "signingdate", "signeddate", "签订日期", "签约月份"}, {"签约"}},
      {"started_date", "开工日期", {"started_date", "开工日期", "开工时间", "开工", "动工日期", "动工时间", "动工", "实际开工日期", "开工年月",
                                  "started", "startdate", "startedat", "constructionstart", "constructionstartdate", "constructionstarted"}, {"开工", "动工日期", "动工时间", "constructionstart"}},
      {"producing_date", "投产日期", {"producing_date", "投产日期", "投产时间", "投产", "竣工投产", "竣工投产日期", "竣工投产时间", "实际投产日期", "投产年月",
                                    "达产日期", "达产时间", "达产", "运营日期", "投运日期", "productiondate", "producingdate", "productionstart", "operationdate", "operationstart", "startofoperation", "startofproduction", "commissioningdate"},
       // Only dates: "投产状态" or "是否投产" is a stage or a yes/no, not this field.
       {"投产日期", "投产时间", "投产年月", "达产日期", "达产时间", "投运日期", "投运时间", "productiondate", "operationdate",
        "productionstart", "operationstart"}},
      {"stage", "项目阶段", {"stage", "阶段", "状态", "项目状态", "项目阶段", "进展", "进度", "项目进展", "推进情况", "进展情况", "status"}, {"阶段", "状态", "进展"}},
      {"district", "所在区县", {"district", "所在区县", "区县", "区域", "所属区县", "行政区", "所在区", "区(县、市)", "区县市", "区、县(市)", "属地", "adcode", "county",
                                "所属区域", "所在区域", "所在地区", "区县(市)", "所属区县(市)", "落地区县", "落户区县"}, {"区县", "区域", "行政区"}},
      {"park_id", "所在园区", {"park_id", "park", "园区", "开发区", "所在园区", "所属园区", "平台", "所在平台", "园区名称", "产业平台", "所属平台", "落地平台"}, {"园区", "开发区", "平台"}},
      {"address", "项目地址", {"address", "地址", "项目地址", "建设地点", "项目地点", "所在地", "详细地址", "落地地址", "建设地址", "项目所在地"}, {"地址", "地点"}},
      {"lon", "经度", {"lon", "lng", "long", "longitude", "经度", "x", "坐标x", "x坐标", "东经", "高德经度", "百度经度", "gps经度"}, {"经度"}},
      {"lat", "纬度", {"lat", "latitude", "纬度", "y", "坐标y", "y坐标", "北纬", "高德纬度", "百度纬度", "gps纬度"}, {"纬度"}},
      {"lonlat", "经纬度", {"lonlat", "lnglat", "latlng", "latlon", "经纬度", "坐标", "经纬度坐标", "坐标位置", "位置", "地理坐标", "高德坐标", "百度坐标", "gps坐标",
                             "coordinates", "coordinate", "location", "point"}, {"经纬度", "坐标"}},
      {"foreign", "外资来源", {"foreign", "外资来源", "资金来源地", "投资方国别", "来源国", "国别", "外资国别", "外资来源地"}, {"外资来源", "国别"}},
      {"fdi_musd", "外资金额", {"fdi_musd", "fdi", "外资", "外资金额", "合同外资", "实际利用外资", "到资", "实际到资", "外商投资", "外资额", "利用外资", "外资投资额"},
       {"外资金额", "合同外资", "利用外资", "外商投资", "外资", "fdi"}},
      {"chain_leader", "链主企业", {"chain_leader", "链主", "是否链主", "链主企业", "chainleader"}, {"链主"}},
      {"chain_role", "产业链环节", {"chain_role", "产业链环节", "链条环节", "环节", "所处环节", "上下游", "上中下游", "产业链位置", "链上位置",
                                  "chainrole", "chainposition", "positioninchain", "valuechainposition"},
       {"环节", "上下游", "上中下游", "chainposition", "chainrole"}},
      {"channel", "招商渠道", {"channel", "招商渠道", "渠道", "招商方式", "来源渠道"}, {"渠道"}},
      {"synthetic", "合成数据", {"synthetic"}, {}},
  }};
  return t;
}

// The header without a unit in brackets or a sub-header's lead-in: "总投资(万元)" → "总投资",
// "其中：外资（万美元）" → "外资", "含外资" → "外资".
std::string headerKey(std::string_view header) {
  std::string k = normalizeKey(header);
  for (std::string_view lead : {"其中:", "其中", "含:", "含"})
    if (k.size() > lead.size() && k.compare(0, lead.size(), lead) == 0) {
      k.erase(0, lead.size());
      break;
    }
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
  int sectors = 0, pairs = 0, angles = 0;
  std::array<int, 8> units{};  // values that state their unit, by MoneyUnit
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
      if (a->unit != MoneyUnit::Unknown) ++s.units[static_cast<size_t>(a->unit)];
      nums.push_back(a->value);
      if (a->value >= 73 && a->value <= 136) ++s.lon;  // China's longitudes
      if (a->value >= 18 && a->value <= 54) ++s.lat;
      if (a->value >= 330100 && a->value <= 330199 && a->value == std::floor(a->value)) ++s.adcodes;
    } else if (auto d = parseDegrees(v)) {  // 120°09′18.7″
      ++s.angles;
      if (*d >= 73 && *d <= 136) ++s.lon;
      if (*d >= 18 && *d <= 54) ++s.lat;
    }
    if (parseAnyDate(v, false)) ++s.dates;
    else if (parseAnyDate(v, true)) ++s.serials;  // a number that could be an Excel date
    if (hasCjk(v)) ++s.cjk;
    else if (!parseLooseNumber(v)) ++s.ascii_text;
    if (matchEcosystem(v)) ++s.ecosystems;
    if (matchCatalogChain(v)) ++s.chains;
    if (matchSector(v)) ++s.sectors;
    if (auto p = parseCoordPair(v); p && plausibleChinaPair(p->first.degrees, p->second.degrees)) ++s.pairs;
  }
  if (!nums.empty()) {
    std::nth_element(nums.begin(), nums.begin() + nums.size() / 2, nums.end());
    s.median = nums[nums.size() / 2];
  }
  return s;
}

const char* kConfidence[] = {"none", "low", "medium", "high"};

Msg fieldMsg(Field f) { return Msg("field." + std::string(table()[static_cast<int>(f)].id)); }

}  // namespace

const char* fieldId(Field f) { return table()[static_cast<int>(f)].id; }
const char* fieldLabelZh(Field f) { return table()[static_cast<int>(f)].zh; }
std::string fieldLabel(Field f, Lang lang) {  // the name a user knows, then the id a mapping file uses
  const std::string name = tr(lang, std::string("field.") + fieldId(f));
  return lang == Lang::Zh ? name + "（" + fieldId(f) + "）" : name + " (" + fieldId(f) + ")";
}
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
  if (m.column(Field::NameZh) < 0 && m.column(Field::NameEn) < 0 && m.column(Field::Id) < 0) out.push_back(Field::NameZh);
  const bool located = has_points || (m.column(Field::Lon) >= 0 && m.column(Field::Lat) >= 0) || m.column(Field::LonLat) >= 0 ||
                       m.column(Field::District) >= 0 || m.column(Field::Park) >= 0 || m.column(Field::Address) >= 0;
  if (!located) {
    out.push_back(Field::Lon);
    out.push_back(Field::Lat);
  }
  return out;
}

bool confident(const FieldMapping& m, bool has_points) {
  if (!missingRequired(m, has_points).empty()) return false;
  auto ok = [&](Field f) { return m.column(f) < 0 || m[f].confidence >= Confidence::Medium; };
  // An id alone is enough to load (a GIS export's feature codes), but a person confirms it first:
  // a table without a recognised name column usually has one under a header the guess missed.
  const bool name_ok = (m.column(Field::NameZh) >= 0 && ok(Field::NameZh)) || (m.column(Field::NameEn) >= 0 && ok(Field::NameEn));
  return name_ok && ok(Field::Investment) && ok(Field::SignedDate) && ok(Field::Lon) && ok(Field::Lat) && ok(Field::LonLat);
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
    ch.why = Msg(k.score == 3 ? "map.header_is" : "map.header_contains")
                 .arg("header", t.columns[k.column])
                 .argKey("field", fieldMsg(static_cast<Field>(k.field)).key);
    taken[k.column] = true;
  }
  std::vector<ValueStats> stats(nc);
  for (int c = 0; c < nc; ++c) stats[c] = valueStats(t, c);
  // A generic "name" column holding Latin text is the English name.
  if (m.column(Field::NameZh) >= 0 && m.column(Field::NameEn) < 0) {
    const ValueStats& s = stats[m.column(Field::NameZh)];
    if (s.n > 0 && s.cjk == 0 && s.ascii_text > 0) {
      std::swap(m[Field::NameZh], m[Field::NameEn]);
      m[Field::NameEn].why = Msg("map.latin_name").arg("header", t.columns[m.column(Field::NameEn)]);
    }
  }
  // A "行业类别"/"类型" column that holds industries (集成电路, 生物医药), not 制造业/服务业.
  if (const int c = m.column(Field::Sector); c >= 0 && m.column(Field::Industry) < 0 && stats[c].n > 0 &&
                                             stats[c].sectors * 2 < stats[c].n) {
    m[Field::Industry] = {c, Confidence::Medium, Msg("map.sector_is_industry").arg("header", t.columns[c]), {}};
    m[Field::Sector] = {};
  }
  // A coordinates-looking header ("位置", "location") whose values are no pairs: an address, or nothing.
  if (const int c = m.column(Field::LonLat); c >= 0 && stats[c].n > 0 && stats[c].pairs * 2 < stats[c].n) {
    m[Field::LonLat] = {};
    if (m.column(Field::Address) < 0 && stats[c].cjk * 2 >= stats[c].n)
      m[Field::Address] = {c, Confidence::Medium, Msg("map.lonlat_is_address").arg("header", t.columns[c]), {}};
    else taken[c] = false;
  }
  // 2. Values, for what the headers left open.
  auto byValues = [&](Field f, auto&& test, const char* why) {
    if (m.column(f) >= 0) return;
    for (int c = 0; c < nc; ++c) {
      if (taken[c] || stats[c].n == 0 || !test(stats[c])) continue;
      m[f] = {c, Confidence::Low, Msg("map.values_are").arg("header", t.columns[c]).argKey("what", why), {}};
      taken[c] = true;
      return;
    }
  };
  const bool have_xy = (m.column(Field::Lon) >= 0 && m.column(Field::Lat) >= 0) || m.column(Field::LonLat) >= 0;
  if (!have_xy) {
    byValues(Field::LonLat, [](const ValueStats& s) { return s.pairs * 10 >= s.n * 9; }, "map.v_pairs");
    if (m.column(Field::LonLat) < 0) {
      byValues(Field::Lon, [](const ValueStats& s) { return s.lon * 10 >= s.n * 9 && s.numbers + s.angles == s.n; }, "map.v_lon");
      byValues(Field::Lat, [](const ValueStats& s) { return s.lat * 10 >= s.n * 9 && s.numbers + s.angles == s.n; }, "map.v_lat");
    }
  }
  byValues(Field::SignedDate, [](const ValueStats& s) { return s.dates * 10 >= s.n * 9; }, "map.v_dates");
  byValues(Field::District, [](const ValueStats& s) { return s.adcodes * 10 >= s.n * 9; }, "map.v_adcodes");
  byValues(Field::Ecosystem, [](const ValueStats& s) { return s.ecosystems * 10 >= s.n * 8; }, "map.v_ecosystems");
  byValues(Field::Chain, [](const ValueStats& s) { return s.chains * 10 >= s.n * 8; }, "map.v_chains");
  // Header matches confirmed or doubted by their values.
  auto check = [&](Field f, auto&& test, const char* doubt) {
    FieldChoice& ch = m[f];
    if (ch.column < 0 || stats[ch.column].n == 0 || test(stats[ch.column])) return;
    ch.confidence = Confidence::Low;
    ch.but = Msg(doubt);
  };
  check(Field::Investment, [](const ValueStats& s) { return s.numbers * 2 >= s.n; }, "map.d_numbers");
  check(Field::SignedDate, [](const ValueStats& s) { return (s.dates + s.serials) * 2 >= s.n; }, "map.d_dates");
  check(Field::StartedDate, [](const ValueStats& s) { return (s.dates + s.serials) * 2 >= s.n; }, "map.d_dates");
  check(Field::ProducingDate, [](const ValueStats& s) { return (s.dates + s.serials) * 2 >= s.n; }, "map.d_dates");
  check(Field::Lon, [](const ValueStats& s) { return (s.numbers + s.angles) * 10 >= s.n * 9; }, "map.d_coords");
  check(Field::Lat, [](const ValueStats& s) { return (s.numbers + s.angles) * 10 >= s.n * 9; }, "map.d_coords");
  // 3. Units of the amounts: from the header, else from the values' size.
  if (const int c = m.column(Field::Investment); c >= 0) {
    m.investment_unit = unitFromHeader(t.columns[c]);
    const auto& units = stats[c].units;
    const int with_unit = std::accumulate(units.begin(), units.end(), 0);
    if (m.investment_unit == MoneyUnit::Unknown && with_unit * 2 >= std::max(1, stats[c].numbers)) {
      // "3.5亿元", "8000万元": the values carry their units; one without is read in the commonest.
      m.investment_unit = static_cast<MoneyUnit>(std::max_element(units.begin(), units.end()) - units.begin());
      m.investment_unit_why = Msg("map.unit_in_values").argKey("unit", std::string("unit.") + moneyUnitId(m.investment_unit));
    } else if (m.investment_unit != MoneyUnit::Unknown) {
      m.investment_unit_why = Msg("map.unit_header").arg("header", t.columns[c]).argKey("unit", std::string("unit.") + moneyUnitId(m.investment_unit));
    } else if (stats[c].numbers > 0) {
      const double med = stats[c].median;
      m.investment_unit = med >= 1e6 ? MoneyUnit::Yuan : med >= 500 ? MoneyUnit::Wan : MoneyUnit::Yi;
      m.investment_unit_why = Msg("map.unit_values")
                                  .arg("median", std::to_string(static_cast<long long>(med)))
                                  .argKey("unit", std::string("unit.") + moneyUnitId(m.investment_unit));
      if (m[Field::Investment].confidence > Confidence::Medium) m[Field::Investment].confidence = Confidence::Medium;
    } else {
      m.investment_unit = MoneyUnit::Yi;  // no number to judge by: every value states its own, or is unknown
      m.investment_unit_why = Msg("map.unit_default");
    }
  }
  if (const int c = m.column(Field::Fdi); c >= 0) m.fdi_unit = unitFromHeader(t.columns[c]);
  return m;
}

std::string whyText(const FieldChoice& c, Lang lang) {
  std::string s = c.why.empty() ? std::string() : render(lang, c.why);
  if (!c.but.empty()) s = render(lang, Msg("map.but").arg("why", s).argKey("doubt", c.but.key));
  return s;
}

namespace {

const char* kMappingKeys[] = {"chainmap_mapping", "layer",       "fields",      "investment_unit", "fdi_unit",
                              "cny_per_usd",      "coordinates", "epsg",        "swap_lonlat",     "categories"};

std::string joined(const std::vector<std::string>& v, size_t most = 40) {
  std::string s;
  for (size_t i = 0; i < v.size() && i < most; ++i) s += (i ? ", " : "") + v[i];
  if (v.size() > most) s += ", …";
  return s;
}

std::string unitIds() {
  std::vector<std::string> ids;
  for (MoneyUnit u : kMoneyUnits) ids.push_back(moneyUnitId(u));
  return joined(ids) + " (元, 万元, 亿元, 美元, 万美元, 亿美元)";
}

// A unit as a mapping file writes it: an id ("wan") or its Chinese name ("万元").
std::optional<MoneyUnit> unitFromText(const std::string& text) {
  if (auto u = moneyUnitFromId(text)) return u;
  for (MoneyUnit u : kMoneyUnits)
    if (text == moneyUnitZh(u)) return u;
  return std::nullopt;
}

// "categories": {"集成电落": "integrated_circuits", "文旅": "other", "跨境电商": {"ecosystem": "other", "chain": "digital_trade"}}
std::optional<CategoryChoice> categoryFromJson(const nlohmann::json& v, std::string& problem, Lang L) {
  std::string eco_text, chain_text;
  if (v.is_string()) {
    const std::string id = v.get<std::string>();
    if (chainFromId(id)) chain_text = id;
    else eco_text = id;
  } else if (v.is_object()) {
    for (const auto& [k, x] : v.items()) {
      if ((k != "ecosystem" && k != "chain") || !x.is_string()) {
        problem = render(L, Msg("mapfile.category_form"));
        return std::nullopt;
      }
      (k == "ecosystem" ? eco_text : chain_text) = x.get<std::string>();
    }
  } else {
    problem = render(L, Msg("mapfile.category_form"));
    return std::nullopt;
  }
  CategoryChoice c;
  if (!chain_text.empty()) {
    const auto k = chainFromId(chain_text);
    if (!k) {
      problem = render(L, Msg("mapfile.unknown_chain").arg("value", quotedValue(chain_text)));
      return std::nullopt;
    }
    c.chain = chain_text;
    c.ecosystem = kChains[*k].ecosystem;
  }
  if (!eco_text.empty()) {
    const auto e = ecosystemFromId(eco_text);
    if (!e) {
      problem = render(L, Msg("mapfile.unknown_ecosystem").arg("value", quotedValue(eco_text)));
      return std::nullopt;
    }
    if (!c.chain.empty() && *e != c.ecosystem) {
      problem = render(L, Msg("mapfile.chain_other_ecosystem").arg("chain", c.chain).arg("ecosystem", eco_text));
      return std::nullopt;
    }
    c.ecosystem = *e;
  }
  if (eco_text.empty() && chain_text.empty()) {
    problem = render(L, Msg("mapfile.category_form"));
    return std::nullopt;
  }
  return c;
}

}  // namespace

nlohmann::json mappingToJson(const FieldMapping& m, const RawTable& t) {
  using nlohmann::json;
  json fields = json::object();
  for (int f = 0; f < kFieldCount; ++f) {
    const FieldChoice& ch = m.fields[f];
    if (ch.column >= 0 && ch.column < static_cast<int>(t.columns.size())) fields[fieldId(static_cast<Field>(f))] = t.columns[ch.column];
  }
  json j{{"chainmap_mapping", 1}, {"layer", m.layer}, {"fields", fields}, {"cny_per_usd", m.cny_per_usd},
         {"coordinates", coordSystemId(m.coords)}, {"swap_lonlat", m.swap_lonlat}};
  if (m.investment_unit != MoneyUnit::Unknown) j["investment_unit"] = moneyUnitId(m.investment_unit);
  if (m.fdi_unit != MoneyUnit::Unknown) j["fdi_unit"] = moneyUnitId(m.fdi_unit);
  if (m.coords == CoordSystem::Epsg) j["epsg"] = m.epsg;
  if (!m.categories.empty()) {
    json cats = json::object();
    for (const auto& [text, c] : m.categories)
      cats[text] = c.chain.empty() ? json(std::string(info(c.ecosystem).id)) : json{{"ecosystem", info(c.ecosystem).id}, {"chain", c.chain}};
    j["categories"] = cats;
  }
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

Result<FieldMapping> mappingFromJson(const nlohmann::json& j, const RawTable& t, const std::string& path, Lang L) {
  using R = Result<FieldMapping>;
  auto fail = [&](const Msg& m) { return R::fail(fileError(path, render(L, m))); };
  if (!j.is_object() || !j.contains("fields") || !j["fields"].is_object()) return fail(Msg("mapfile.not_mapping"));
  for (const auto& [key, value] : j.items())
    if (std::find(std::begin(kMappingKeys), std::end(kMappingKeys), key) == std::end(kMappingKeys))
      return fail(Msg("mapfile.unknown_key")
                      .arg("key", quotedValue(key))
                      .arg("allowed", joined(std::vector<std::string>(std::begin(kMappingKeys), std::end(kMappingKeys)))));
  FieldMapping m;
  m.from_file = true;
  m.path = path;
  m.layer = t.layer;
  if (!optionalKey(j, "layer", m.layer)) return fail(Msg("mapfile.wrong_type").arg("key", "layer").argKey("type", "mapfile.t_text"));
  if (!mappingLayerAllowed(m.layer)) return fail(Msg("mapfile.bad_layer").arg("value", quotedValue(m.layer)));
  for (const auto& [key, value] : j["fields"].items()) {
    const auto f = fieldFromId(key);
    if (!f) {
      std::vector<std::string> ids;
      for (int i = 0; i < kFieldCount; ++i) ids.push_back(fieldId(static_cast<Field>(i)));
      return fail(Msg("mapfile.unknown_field").arg("key", quotedValue(key)).arg("allowed", joined(ids)));
    }
    if (!value.is_string()) return fail(Msg("mapfile.field_not_text").arg("key", key));
    const std::string col = value.get<std::string>();
    const auto it = std::find(t.columns.begin(), t.columns.end(), col);
    if (it == t.columns.end())
      return fail(Msg("mapfile.no_column").arg("key", key).arg("value", quotedValue(col)).arg("columns", joined(t.columns, 30)));
    m[*f] = {static_cast<int>(it - t.columns.begin()), Confidence::High, Msg("map.saved"), {}};
  }
  for (const auto& [key, unit, why] : {std::tuple{"investment_unit", &m.investment_unit, &m.investment_unit_why},
                                      std::tuple{"fdi_unit", &m.fdi_unit, static_cast<Msg*>(nullptr)}}) {
    std::string text;
    if (!optionalKey(j, key, text)) return fail(Msg("mapfile.wrong_type").arg("key", key).argKey("type", "mapfile.t_text"));
    if (text.empty()) continue;  // not given: decided below as a guess would
    const auto u = unitFromText(text);
    if (!u) return fail(Msg("mapfile.bad_unit").arg("key", key).arg("value", quotedValue(text)).arg("allowed", unitIds()));
    *unit = *u;
    if (why) *why = Msg("map.unit_saved").argKey("unit", std::string("unit.") + moneyUnitId(*u));
  }
  // Units the file leaves out: the header's, else the values' size (never a silent 亿元).
  if (m.investment_unit == MoneyUnit::Unknown && m.column(Field::Investment) >= 0) {
    const FieldMapping g = guessMapping(t);
    if (g.column(Field::Investment) == m.column(Field::Investment)) {
      m.investment_unit = g.investment_unit, m.investment_unit_why = g.investment_unit_why;
    } else {
      m.investment_unit = unitFromHeader(t.columns[m.column(Field::Investment)]);
      if (m.investment_unit == MoneyUnit::Unknown) m.investment_unit = MoneyUnit::Yi, m.investment_unit_why = Msg("map.unit_default");
      else m.investment_unit_why = Msg("map.unit_header").arg("header", t.columns[m.column(Field::Investment)])
                                       .argKey("unit", std::string("unit.") + moneyUnitId(m.investment_unit));
    }
    m.investment_unit_why = Msg("map.unit_not_in_file").arg("why", render(L, m.investment_unit_why));
  }
  if (m.fdi_unit == MoneyUnit::Unknown && m.column(Field::Fdi) >= 0) m.fdi_unit = unitFromHeader(t.columns[m.column(Field::Fdi)]);
  m.cny_per_usd = 7.1;
  if (!optionalKey(j, "cny_per_usd", m.cny_per_usd) || !(m.cny_per_usd > 0) || !std::isfinite(m.cny_per_usd))
    return fail(Msg("mapfile.bad_rate"));
  std::string coords = "auto";
  if (!optionalKey(j, "coordinates", coords)) return fail(Msg("mapfile.bad_coords").arg("value", j["coordinates"].dump().substr(0, 40)));
  const auto cs = coordSystemFromId(coords);
  if (!cs) return fail(Msg("mapfile.bad_coords").arg("value", quotedValue(coords)));
  m.coords = *cs;
  if (!optionalKey(j, "epsg", m.epsg)) return fail(Msg("mapfile.wrong_type").arg("key", "epsg").argKey("type", "mapfile.t_text"));
  if (!m.epsg.empty() && !mappingCrsAllowed(m.epsg)) return fail(Msg("mapfile.bad_epsg").arg("value", quotedValue(m.epsg)));
  if (m.coords == CoordSystem::Epsg && m.epsg.empty()) return fail(Msg("mapfile.epsg_needed"));
  if (!optionalKey(j, "swap_lonlat", m.swap_lonlat)) return fail(Msg("mapfile.wrong_type").arg("key", "swap_lonlat").argKey("type", "mapfile.t_bool"));
  if (const auto it = j.find("categories"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) return fail(Msg("mapfile.wrong_type").arg("key", "categories").argKey("type", "mapfile.t_object"));
    for (const auto& [text, v] : it->items()) {
      std::string problem;
      const auto c = categoryFromJson(v, problem, L);
      if (!c) return fail(Msg("mapfile.bad_category").arg("text", quotedValue(text)).arg("problem", problem));
      m.categories[text] = *c;
    }
  }
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

Result<FieldMapping> loadMapping(const std::string& path, const RawTable& t, Lang L) {
  std::ifstream in(path);
  if (!in) return Result<FieldMapping>::fail(fileError(path, render(L, Msg("mapfile.not_found"))));
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded()) return Result<FieldMapping>::fail(fileError(path, render(L, Msg("mapfile.not_json"))));
  return mappingFromJson(j, t, path, L);
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
