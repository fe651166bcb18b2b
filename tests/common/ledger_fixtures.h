// Messy 招商 office ledgers derived from the synthetic sample (assets/hangzhou/projects_sample.csv),
// with their truth: what a correct import of each must count, sum and place (issue 16).
//
//   office_2024h1.xlsx  a municipal office's signing ledger: title and 填报单位 rows, a two-row
//                       header (the FDI sub-header alone on row 4), rows grouped by district with
//                       "XX区小计" rows and a "合计" row, the office's own industry words, 万元 with
//                       thousands separators, mixed date and district forms, one "lon,lat" cell in
//                       GCJ-02 (Amap), and eight kinds of dirty rows (truth.json lists them).
//   pipeline_gbk.csv    a pipeline of 在谈 projects in GBK: no signing date, 亿元 with some 待定,
//                       "浙江省杭州市西湖区" regions, 高德经度/高德纬度 (GCJ-02) in two columns.
//   gis_export_gbk.shp  an office GIS export: points in EPSG:4549, Chinese field names and text in
//                       GBK with no .cpg and an unmarked DBF code page (GDAL alone hands the GBK
//                       bytes through undecoded), 总投资 in 万元 without the unit in its name.
//   dms_ledger.csv      UTF-8, WGS 84 as degree-minute-second text (three notations), amounts with
//                       their units in the cells (亿元, 万元), FDI in 亿美元 for a few rows.
//   truth.json          per ledger: counts, sums, per-district and per-ecosystem counts, each
//                       project (sample id, ledger id and row, name, WGS 84 position or null,
//                       ecosystem, chain), the rows that are not projects and the dirty-row cases.
//
// Rows are picked from the sample by fixed rules on the id number; choices among forms and words
// use a hash of the sample id (FNV-1a + xorshift), so the bytes do not depend on any library's
// random generator. Coordinates are made with chainmap's own transforms (wgs84ToGcj02, PROJ for
// EPSG:4549). writeLedgerFixtures(DIR) writes them; tests/fixtures/ledgers holds the committed copy
// (CHAINMAP_WRITE_FIXTURES=1 chainmap_unit_tests --gtest_filter=LedgerFixtures.* rewrites it).
#pragma once
#include <cpl_conv.h>
#include <cpl_string.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/dates.h"
#include "core/model.h"
#include "platform/data_paths.h"
#include "data/gdal/gdal_util.h"
#include "geo/gcj02.h"
#include "geo/geos_ops.h"
#include "geo/projection.h"
#include "import_fixtures.h"
#include "sample_model.h"

namespace cm::test {
namespace ledger {

// One project of the sample, as the ledgers need it.
struct Src {
  std::string id, name;
  int num = 0;  // SYN-00123 → 123
  std::string eco, chain;
  bool service = false;
  long wan = 0;  // 总投资 in 万元 (the sample's 亿元 × 10,000; the sample has 2 decimals)
  int32_t day = 0;
  int stage = 0;
  int adcode = 0;
  std::string park;  // park id, "" none
  double lon = 0, lat = 0;
  long fdi_wusd = 0;  // 外资 in 万美元 (the sample's million USD × 100)
};

// A deterministic hash of a sample id and a salt: the same row always gets the same form.
inline uint64_t mix(const std::string& id, const char* salt) {
  uint64_t h = 1469598103934665603ull;
  for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  for (const char* s = salt; *s; ++s) h = (h ^ static_cast<unsigned char>(*s)) * 1099511628211ull;
  for (int i = 0; i < 3; ++i) h ^= h << 13, h ^= h >> 7, h ^= h << 17;
  return h;
}
inline size_t pick(const Src& s, const char* salt, size_t n) { return static_cast<size_t>(mix(s.id, salt) % n); }

// The districts as the ledgers name them, in the order offices list them (by adcode).
inline const std::map<int, std::string>& districtNames() {
  static const std::map<int, std::string> names{
      {330102, "上城区"}, {330105, "拱墅区"}, {330106, "西湖区"}, {330108, "滨江区"}, {330109, "萧山区"},
      {330110, "余杭区"}, {330111, "富阳区"}, {330112, "临安区"}, {330113, "临平区"}, {330114, "钱塘区"},
      {330122, "桐庐县"}, {330127, "淳安县"}, {330182, "建德市"}};
  return names;
}

// The office's own words for a chain (as 招商 ledgers write 产业类别 / 行业 / 产业链): trade
// words, product words and a few GB/T 4754-2017 codes. Written for these fixtures, independent of
// any classifier in app/.
inline const std::vector<std::string>& officeWords(const std::string& chain) {
  static const std::map<std::string, std::vector<std::string>> words{
      {"visual_intelligence", {"数字安防", "视频监控设备", "机器视觉", "智能安防"}},
      {"integrated_circuits", {"集成电路设计", "芯片制造", "半导体封测", "IC设计", "C3973", "3973 集成电路制造"}},
      {"network_communication", {"光通信器件", "5G通信设备", "通信设备制造", "C3921 通信系统设备制造"}},
      {"smart_computing", {"服务器制造", "算力设备", "智能计算", "人工智能算力中心"}},
      {"smart_sensors", {"传感器", "MEMS传感器", "智能传感器件"}},
      {"software_services", {"软件开发", "工业软件", "信息技术服务"}},
      {"synthetic_biology", {"合成生物", "生物制造", "生物基材料", "酶制剂"}},
      {"chemical_drugs", {"化学药", "原料药", "创新化药", "C2720 化学药品制剂制造"}},
      {"biologics", {"创新药研发", "抗体药物", "疫苗", "C2761 生物药品制造"}},
      {"medical_devices", {"生物医药-医疗器械", "高端医疗设备", "体外诊断", "3581 医疗诊断、监护及治疗设备制造"}},
      {"modern_chinese_medicine", {"中药饮片", "中成药", "现代中药"}},
      {"intelligent_robotics", {"工业机器人", "服务机器人", "C3491 工业机器人制造", "机器人"}},
      {"new_energy_vehicles", {"新能源汽车零部件", "整车制造", "智能网联汽车", "C3612 新能源车整车制造"}},
      {"aerospace", {"航空零部件", "卫星制造", "通用航空", "无人机"}},
      {"intelligent_equipment", {"高端装备制造", "数控机床", "智能制造装备", "工程机械"}},
      {"semiconductor_materials", {"电子化学品", "半导体材料", "半导体硅片", "3985 电子专用材料制造"}},
      {"advanced_fibres", {"碳纤维复合材料", "高性能纤维", "新型纤维材料"}},
      {"fine_chemicals", {"精细化工", "化工新材料", "功能性涂料"}},
      {"photovoltaics", {"光伏组件", "光伏", "太阳能电池", "C3825 光伏设备及元器件制造"}},
      {"energy_storage", {"储能电池", "新型储能", "3841 锂离子电池制造", "储能系统集成"}},
      {"hydrogen", {"氢燃料电池", "氢能装备", "制氢加氢"}},
      {"smart_grid", {"智能电网", "输配电设备", "电力装备"}},
      {"water_beverages", {"饮用水", "饮料制造", "食品饮料"}},
      {"modern_textiles", {"纺织服装", "化纤纺织", "印染"}},
      {"modern_logistics", {"现代物流", "冷链物流", "供应链管理"}},
  };
  static const std::vector<std::string> none{"其他"};
  auto it = words.find(chain);
  return it == words.end() ? none : it->second;
}
inline std::string officeWord(const Src& s) {
  const auto& w = officeWords(s.chain);
  return w[pick(s, "industry", w.size())];
}

// Parks as people write them: the full name, a short form, or nothing.
inline std::string parkWritten(const Src& s) {
  static const std::map<std::string, std::vector<std::string>> forms{
      {"hz_hitech_binjiang", {"杭州高新技术产业开发区（滨江）", "杭州高新区（滨江）", "滨江高新区"}},
      {"hz_etdz_xiasha", {"杭州经济技术开发区", "下沙", "杭州经开区"}},
      {"hz_qiantang_newarea", {"钱塘新区", "钱塘区（原钱塘新区）"}},
      {"hz_dajiangdong", {"大江东产业集聚区", "大江东"}},
      {"xs_etdz", {"萧山经济技术开发区", "萧山经开区"}},
      {"xs_robot_town", {"萧山机器人小镇", "机器人小镇"}},
      {"xs_xianghu", {"湘湖"}},
      {"xs_airport_zone", {"杭州临空经济示范区", "空港经济区"}},
      {"yh_etdz_linping", {"余杭经济技术开发区", "余杭经开区"}},
      {"la_qingshanhu", {"青山湖科技城", "临安经济开发区"}},
      {"fy_etdz", {"富阳经济技术开发区", "富阳经开区"}},
      {"tl_edz", {"桐庐经济开发区"}},
      {"jd_edz", {"建德经济开发区", "建德高新区"}},
      {"ca_edz_qiandaohu", {"淳安经济开发区", "千岛湖"}},
      {"yh_future_scitech", {"未来科技城", "海创园"}},
      {"yh_dream_town", {"梦想小镇"}},
      {"xh_zijingang", {"紫金港科技城"}},
      {"xh_yunqi", {"云栖小镇"}},
      {"qt_biopharma_port", {"钱塘医药港", "医药港小镇"}},
  };
  if (s.park.empty() || pick(s, "park-blank", 5) == 0) return "";  // offices often leave it blank
  auto it = forms.find(s.park);
  if (it == forms.end()) return "";
  return it->second[pick(s, "park", it->second.size())];
}

// "浙江省杭州市滨江区", "杭州市滨江区" or "滨江区".
inline std::string districtWritten(int adcode, size_t form) {
  const std::string& d = districtNames().at(adcode);
  return form == 0 ? d : form == 1 ? "杭州市" + d : "浙江省杭州市" + d;
}

inline std::string thousands(long v) {
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}
// A decimal with no trailing zeros ("3.5", "12", "0.231").
inline std::string trimmedDecimal(double v, int decimals) {
  std::string s = fmt(v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}
inline std::string dateIso(int32_t day) { return formatDate(day); }

// CSV as Excel saves it: CRLF, a field with a comma, a quote or a line break in quotes, quotes doubled.
inline std::string csv(const std::vector<std::vector<std::string>>& t) {
  std::string s;
  for (const auto& row : t) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) s += ',';
      if (row[i].find_first_of(",\"\r\n") == std::string::npos) {
        s += row[i];
        continue;
      }
      s += '"';
      for (char c : row[i]) s += c == '"' ? std::string("\"\"") : std::string(1, c);
      s += '"';
    }
    s += "\r\n";
  }
  return s;
}

// 120°09′18.7″ (or 120°9'18.7" or 120度09分18.7秒): WGS 84, seconds to 0.1″ (about 3 m).
inline std::string dms(double v, int notation) {
  long tenths = std::lround(v * 36000.0);  // tenths of a second
  const long deg = tenths / 36000;
  tenths -= deg * 36000;
  const long min = tenths / 600;
  tenths -= min * 600;
  char b[160];  // room for any long (GCC checks the worst case)
  if (notation == 0) std::snprintf(b, sizeof b, "%ld°%02ld′%02ld.%ld″", deg, min, tenths / 10, tenths % 10);
  else if (notation == 1) std::snprintf(b, sizeof b, "%ld°%ld'%ld.%ld\"", deg, min, tenths / 10, tenths % 10);
  else std::snprintf(b, sizeof b, "%ld度%02ld分%02ld.%ld秒", deg, min, tenths / 10, tenths % 10);
  return b;
}

// ---- truth ---------------------------------------------------------------------------------

struct TruthProject {
  long row = 0;           // as a user sees it: the Excel row, the CSV line, the shapefile's FID
  std::string ledger_id;  // the 序号 as written ("" where the ledger has none)
  const Src* src = nullptr;
  int adcode = 0;         // the district a correct import gives it
  bool coords = true;     // the ledger gives usable coordinates (else null in the truth)
  bool invest_known = true;
  long wan = 0;           // 总投资 in 万元 when known
  long fdi_wusd = 0;      // 外资 as the ledger gives it, in 万美元 (0: none)
  bool undated = false;
  std::string written_industry, written_district, written_date;
};

struct DirtyCase {
  std::string id;    // "a_duplicate_id", ...
  std::vector<long> rows;
  std::vector<std::string> sample_ids;
  std::string written;  // the offending cell(s) as written
  std::string expect;   // what a correct import must do
};

struct NotProject {
  long row = 0;
  std::string kind;  // "title", "header", "subtotal", "total", "re-signed duplicate"
  std::string text;
};

struct LedgerTruth {
  std::string file, format, layer, encoding, coordinates, investment_unit, notes;
  std::vector<TruthProject> projects;
  std::vector<NotProject> not_projects;
  std::vector<DirtyCase> dirty;
};

inline std::string jsonString(const std::string& s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\', o += c;
    else if (static_cast<unsigned char>(c) < 0x20) {
      char b[8];
      std::snprintf(b, sizeof b, "\\u%04x", c);
      o += b;
    } else o += c;
  }
  return o + "\"";
}

inline std::string truthJson(const std::vector<LedgerTruth>& ledgers) {
  std::string j = "{\n  \"about\": " +
                  jsonString("Synthetic 招商 office ledgers derived from assets/hangzhou/projects_sample.csv by "
                             "tests/common/ledger_fixtures.h, and what a correct import of each must give. Rows are as a user "
                             "sees them (Excel row, CSV line; shapefile: feature id from 0). Amounts: investment_yi in 亿元, "
                             "fdi_musd in million USD; positions WGS 84 (null where the ledger gives no usable coordinates); "
                             "districts by adcode; ecosystems and chains by the catalogue's ids.") +
                  ",\n  \"ledgers\": [\n";
  for (size_t li = 0; li < ledgers.size(); ++li) {
    const LedgerTruth& ledger = ledgers[li];
    long wan = 0, fdi = 0;
    int unknown = 0, undated = 0, no_coords = 0;
    std::map<int, int> per_district;
    std::map<std::string, int> per_eco;
    for (const TruthProject& p : ledger.projects) {
      if (p.invest_known) wan += p.wan;
      else ++unknown;
      fdi += p.fdi_wusd;
      undated += p.undated;
      no_coords += !p.coords;
      ++per_district[p.adcode];
      ++per_eco[p.src->eco];
    }
    j += "    {\n";
    j += "      \"file\": " + jsonString(ledger.file) + ",\n";
    j += "      \"format\": " + jsonString(ledger.format) + ",\n";
    j += "      \"layer\": " + jsonString(ledger.layer) + ",\n";
    j += "      \"encoding\": " + jsonString(ledger.encoding) + ",\n";
    j += "      \"coordinates\": " + jsonString(ledger.coordinates) + ",\n";
    j += "      \"investment_unit\": " + jsonString(ledger.investment_unit) + ",\n";
    j += "      \"notes\": " + jsonString(ledger.notes) + ",\n";
    j += "      \"project_count\": " + std::to_string(ledger.projects.size()) + ",\n";
    j += "      \"investment_yi_sum\": " + fmt(wan / 1e4, 4) + ",\n";
    j += "      \"investment_unknown_count\": " + std::to_string(unknown) + ",\n";
    j += "      \"fdi_musd_sum\": " + fmt(fdi / 100.0, 2) + ",\n";
    j += "      \"undated_count\": " + std::to_string(undated) + ",\n";
    j += "      \"without_coordinates_count\": " + std::to_string(no_coords) + ",\n";
    j += "      \"per_district\": {";
    bool first = true;
    for (const auto& [a, n] : per_district) j += std::string(first ? "" : ", ") + "\"" + std::to_string(a) + "\": " + std::to_string(n), first = false;
    j += "},\n      \"per_ecosystem\": {";
    first = true;
    for (const EcosystemInfo& e : kEcosystems)
      if (per_eco.count(std::string(e.id)))
        j += std::string(first ? "" : ", ") + jsonString(std::string(e.id)) + ": " + std::to_string(per_eco[std::string(e.id)]), first = false;
    j += "},\n      \"not_projects\": [\n";
    for (size_t i = 0; i < ledger.not_projects.size(); ++i) {
      const NotProject& n = ledger.not_projects[i];
      j += "        {\"row\": " + std::to_string(n.row) + ", \"kind\": " + jsonString(n.kind) + ", \"text\": " + jsonString(n.text) + "}" +
           (i + 1 < ledger.not_projects.size() ? ",\n" : "\n");
    }
    j += "      ],\n      \"dirty_rows\": [\n";
    for (size_t i = 0; i < ledger.dirty.size(); ++i) {
      const DirtyCase& d = ledger.dirty[i];
      j += "        {\"case\": " + jsonString(d.id) + ", \"rows\": [";
      for (size_t k = 0; k < d.rows.size(); ++k) j += (k ? ", " : "") + std::to_string(d.rows[k]);
      j += "], \"sample_ids\": [";
      for (size_t k = 0; k < d.sample_ids.size(); ++k) j += (k ? ", " : "") + jsonString(d.sample_ids[k]);
      j += "], \"written\": " + jsonString(d.written) + ", \"expect\": " + jsonString(d.expect) + "}" + (i + 1 < ledger.dirty.size() ? ",\n" : "\n");
    }
    j += "      ],\n      \"projects\": [\n";
    for (size_t i = 0; i < ledger.projects.size(); ++i) {
      const TruthProject& p = ledger.projects[i];
      const Src& s = *p.src;
      j += "        {\"row\": " + std::to_string(p.row) + ", \"ledger_id\": " + (p.ledger_id.empty() ? "null" : jsonString(p.ledger_id)) +
           ", \"sample_id\": " + jsonString(s.id) + ", \"name\": " + jsonString(s.name) + ", \"district\": " + std::to_string(p.adcode) +
           ", \"lon\": " + (p.coords ? fmt(s.lon, 6) : "null") + ", \"lat\": " + (p.coords ? fmt(s.lat, 6) : "null") +
           ", \"ecosystem\": " + jsonString(s.eco) + ", \"chain\": " + jsonString(s.chain) +
           ", \"investment_yi\": " + (p.invest_known ? fmt(p.wan / 1e4, 4) : "null") + ", \"fdi_musd\": " + fmt(p.fdi_wusd / 100.0, 2) +
           ", \"signed\": " + (p.undated ? "null" : jsonString(dateIso(s.day))) + ", \"undated\": " + (p.undated ? "true" : "false") +
           ", \"park\": " + (s.park.empty() ? "null" : jsonString(s.park)) + ", \"written\": {\"industry\": " + jsonString(p.written_industry) +
           ", \"district\": " + jsonString(p.written_district) + ", \"date\": " + jsonString(p.written_date) + "}}" +
           (i + 1 < ledger.projects.size() ? ",\n" : "\n");
    }
    j += "      ]\n    }";
    j += li + 1 < ledgers.size() ? ",\n" : "\n";
  }
  return j + "  ]\n}\n";
}

// ---- the sample ----------------------------------------------------------------------------

// The sample through chainmap's own loader; only projects whose point lies in the district the
// sample gives them (so "the district" of a project is one thing), names unique.
inline std::vector<Src> sampleRows() {
  Model m;
  if (!loadModel(m, defaultProjectsFile())) return {};
  std::vector<const MultiPolygon*> polys;
  for (const District& d : m.districts) polys.push_back(&d.ll);
  const PolygonSet set(polys);
  const Projects& p = m.projects;
  std::vector<Src> out;
  std::set<std::string> names;
  std::map<std::string, int> name_count;
  for (size_t i = 0; i < p.size(); ++i) ++name_count[std::string(p.name_zh[i])];
  for (size_t i = 0; i < p.size(); ++i) {
    Src s;
    s.id = p.id[i];
    s.name = p.name_zh[i];
    if (name_count[s.name] > 1) continue;  // a name two sample projects share: not matchable by name
    s.num = std::atoi(s.id.c_str() + s.id.find_first_of("0123456789"));
    s.eco = std::string(info(p.ecosystem[i]).id);
    s.chain = p.chain_names[p.chain[i]];
    s.service = p.sector[i] == Sector::Service;
    s.wan = std::lround(static_cast<double>(p.investment_yi[i]) * 1e4);
    s.day = p.signed_day[i];
    s.stage = p.stage[i];
    s.adcode = p.district_adcode[i];
    s.park = p.park_index[i] >= 0 ? m.parks[p.park_index[i]].id : "";
    s.lon = p.lon[i];
    s.lat = p.lat[i];
    s.fdi_wusd = std::lround(static_cast<double>(p.fdi_musd[i]) * 100.0);
    const int at = set.indexAt(s.lon, s.lat);
    if (at < 0 || m.districts[at].adcode != s.adcode || !districtNames().count(s.adcode)) continue;
    out.push_back(s);
  }
  return out;
}

// ---- 1. the municipal office's signing ledger (XLSX) ---------------------------------------

inline LedgerTruth writeOfficeXlsx(const std::vector<Src>& sample, const std::filesystem::path& dir) {
  LedgerTruth ledger;
  ledger.file = "office_2024h1.xlsx";
  ledger.format = "XLSX";
  ledger.layer = "2024年1-7月签约项目";
  ledger.encoding = "UTF-8 (XLSX)";
  ledger.coordinates = "GCJ-02 (Amap), one cell \"lon,lat\" (some with \"，\" or \" \")";
  ledger.investment_unit = "总投资 万元, 外资 万美元";
  ledger.notes = "Two-row header (rows 3-4; the FDI sub-header 其中：外资（万美元） alone on row 4 under a blank cell), "
            "rows grouped by district with XX区小计 rows and a 合计 row; 序号 runs through the sheet.";
  const int32_t from = daysFromCivil(2024, 1, 1), to = daysFromCivil(2024, 7, 31);
  std::vector<const Src*> rows;
  for (const Src& s : sample) {
    if (s.day < from || s.day > to) continue;
    const bool manufacturing_major = !s.service && s.wan >= 10000 && s.num % 3 != 0;
    const bool some_service = s.service && s.wan >= 20000 && s.num % 6 == 0;
    if (manufacturing_major || some_service) rows.push_back(&s);
  }
  // The ledger's district of each row: the sample's, except the (h) row, which the 余杭 office
  // still files under 余杭区 though its point lies in today's 临平区.
  const Src* h_row = nullptr;
  for (const Src* s : rows)
    if (!h_row && s->adcode == 330113 && s->fdi_wusd == 0) h_row = s;
  auto group = [&](const Src* s) { return s == h_row ? 330110 : s->adcode; };
  std::stable_sort(rows.begin(), rows.end(), [&](const Src* a, const Src* b) {
    if (group(a) != group(b)) return group(a) < group(b);
    if (a->day != b->day) return a->day < b->day;
    return a->num < b->num;
  });
  // The dirty rows, by position in the ledger's order of projects.
  std::set<const Src*> taken{h_row};
  auto pickAt = [&](size_t start, auto&& ok) -> size_t {
    for (size_t k = start; k < rows.size(); ++k)
      if (!taken.count(rows[k]) && ok(*rows[k])) {
        taken.insert(rows[k]);
        return k;
      }
    return rows.size();
  };
  auto any = [](const Src&) { return true; };
  auto domestic = [](const Src& s) { return s.fdi_wusd == 0; };
  size_t dup_id = pickAt(40, [&](const Src&) { return true; });  // rows[dup_id] and rows[dup_id+1] share 序号
  taken.insert(rows[dup_id + 1]);
  const size_t tbd = pickAt(25, domestic), blank = pickAt(90, domestic);
  size_t resign = rows.size();
  for (size_t k = 0; k < rows.size() && resign == rows.size(); ++k)  // the first 滨江区 project signed by April
    if (rows[k]->adcode == 330108 && !taken.count(rows[k]) && rows[k]->day <= daysFromCivil(2024, 4, 30)) resign = k, taken.insert(rows[k]);
  const size_t swap1 = pickAt(17, any), swap2 = pickAt(120, any);
  const size_t shanghai = pickAt(60, any);
  const size_t zero = pickAt(75, domestic);
  const size_t null_island = pickAt(105, [](const Src& s) { return !s.park.empty(); });

  const size_t ncol = 10;
  std::vector<std::vector<std::string>> sheet;
  auto blankRow = [&] { return std::vector<std::string>(ncol); };
  {
    auto r = blankRow();
    r[0] = "杭州市2024年1—7月制造业重大项目签约情况表";
    sheet.push_back(r);
    ledger.not_projects.push_back({1, "title", r[0]});
    r = blankRow();
    r[0] = "填报单位：市投资促进局";
    r[8] = "单位：万元、万美元";
    sheet.push_back(r);
    ledger.not_projects.push_back({2, "title", r[0] + " / " + r[8]});
    sheet.push_back({"序号", "项目名称", "所在区县", "产业类别", "总投资（万元）", "", "签约时间", "项目状态", "所在平台", "经纬度"});
    ledger.not_projects.push_back({3, "header", "序号 … 经纬度 (总投资（万元） over two columns)"});
    r = blankRow();
    r[5] = "其中：外资（万美元）";
    sheet.push_back(r);
    ledger.not_projects.push_back({4, "header", r[5] + " (the second header row: the FDI column's sub-header)"});
  }
  auto excelRow = [&] { return static_cast<long>(sheet.size()) + 1; };
  auto dateWritten = [](const Src& s, int32_t day) {
    const YMD c = civilFromDays(day);
    char b[64];
    switch (pick(s, "date", 5)) {
      case 0:
      case 1: std::snprintf(b, sizeof b, "%d年%d月%d日", c.y, c.m, c.d); break;
      case 2:
      case 3: std::snprintf(b, sizeof b, "%d/%d/%d", c.y, c.m, c.d); break;
      default: std::snprintf(b, sizeof b, "%d.%02d", c.y, c.m); break;
    }
    return std::string(b);
  };
  auto status = [](const Src& s) -> std::string {
    if (s.stage >= kStageInOperation) return "投产";
    if (s.stage == kStageConstructionStarted) return pick(s, "status", 2) ? "开工" : "在建";
    if (s.stage > kStageConstructionStarted) return "在建";
    return "签约";
  };
  auto lonlatCell = [](const Src& s) {
    const Vec2 g = wgs84ToGcj02({s.lon, s.lat});
    const size_t k = pick(s, "sep", 10);
    return fmt(g.x, 6) + (k == 0 ? "，" : k == 1 ? " " : ",") + fmt(g.y, 6);
  };
  auto dcase = [&](const char* id, std::vector<long> rws, std::vector<std::string> ids, std::string written, std::string expect) {
    ledger.dirty.push_back({id, std::move(rws), std::move(ids), std::move(written), std::move(expect)});
  };
  long seq = 0;
  long total_wan = 0, total_fdi = 0;
  long resign_first_row = 0;
  for (size_t k = 0; k < rows.size();) {
    const int g = group(rows[k]);
    long sub_wan = 0, sub_fdi = 0;
    std::vector<std::pair<const Src*, bool>> block;  // (project, is the re-signed repeat)
    for (; k < rows.size() && group(rows[k]) == g; ++k) block.push_back({rows[k], false});
    if (resign < rows.size() && group(rows[resign]) == g) block.push_back({rows[resign], true});
    for (const auto& [sp, repeat] : block) {
      const Src& s = *sp;
      const size_t pos = static_cast<size_t>(std::find(rows.begin(), rows.end(), sp) - rows.begin());
      const long row = excelRow();
      auto r = blankRow();
      ++seq;
      if (!repeat && pos == dup_id + 1) --seq;  // the mistyped 序号: the same number twice …
      if (!repeat && pos == dup_id + 2) ++seq;  // … and the next one as it should be
      r[0] = std::to_string(seq);
      r[1] = s.name;
      const int adcode_written = sp == h_row ? 330110 : s.adcode;
      r[2] = districtWritten(adcode_written, pick(s, repeat ? "district-again" : "district", 3));
      r[3] = officeWord(s);
      r[4] = thousands(s.wan);
      r[5] = s.fdi_wusd > 0 ? thousands(s.fdi_wusd) : "";
      const int32_t day = repeat ? s.day + 56 : s.day;
      r[6] = repeat ? [&] {
        const YMD c = civilFromDays(day);
        return std::to_string(c.y) + "年" + std::to_string(c.m) + "月" + std::to_string(c.d) + "日";
      }()
                    : dateWritten(s, day);
      r[7] = repeat ? "签约" : status(s);
      r[8] = parkWritten(s);
      r[9] = lonlatCell(s);
      TruthProject t;
      t.row = row;
      t.ledger_id = r[0];
      t.src = sp;
      t.adcode = s.adcode;
      t.wan = s.wan;
      t.fdi_wusd = s.fdi_wusd;
      t.written_industry = r[3];
      t.written_district = r[2];
      t.written_date = r[6];
      const Vec2 g2 = wgs84ToGcj02({s.lon, s.lat});
      if (!repeat) {
        if (pos == tbd) {
          r[4] = "待定", t.invest_known = false;
          dcase("b_investment_tbd", {row}, {s.id}, "总投资 '待定'", "kept, counted, investment unknown (not summed, not 0)");
        }
        if (pos == blank) {
          r[4] = "", t.invest_known = false;
          dcase("b_investment_blank", {row}, {s.id}, "总投资 blank", "kept, counted, investment unknown (not summed, not 0)");
        }
        if (pos == zero) {
          r[4] = "0", t.wan = 0;
          dcase("f_zero_investment", {row}, {s.id}, "总投资 '0'", "kept with investment 0 (a value, summed as 0, not unknown); reported as suspicious");
        }
        if (pos == swap1 || pos == swap2) {
          r[9] = fmt(g2.y, 6) + "," + fmt(g2.x, 6);
          dcase("d_lonlat_swapped", {row}, {s.id}, "经纬度 '" + r[9] + "' (lat,lon while the rest are lon,lat)",
                "placed where it is (within 50 m of the truth), the swap recognised for this row");
        }
        if (pos == shanghai) {
          r[9] = "121.473701,31.230416";
          t.coords = false;
          dcase("e_coordinates_in_shanghai", {row}, {s.id}, "经纬度 '" + r[9] + "' (Shanghai) with 所在区县 '" + r[2] + "'",
                "kept in its district (" + districtNames().at(s.adcode) + ", placed approximately: at its park or inside the district), reported");
        }
        if (pos == null_island) {
          r[9] = "0,0";
          t.coords = false;
          dcase("g_coordinates_zero", {row}, {s.id}, "经纬度 '0,0'",
                "placed by its park or district (approximate), reported; the point 0,0 is never used");
        }
        if (sp == h_row)
          dcase("h_old_district_name", {row}, {s.id}, "所在区县 '" + r[2] + "' for a point in today's 临平区",
                "district 临平区 (330113), taken from the point: 临平 was split from 余杭 in 2021");
        if (pos == resign) resign_first_row = row;
        ledger.projects.push_back(t);
      } else {
        ledger.not_projects.push_back({row, "re-signed duplicate", "repeats row " + std::to_string(resign_first_row) + " (" + s.name + ")"});
        dcase("c_resigned_duplicate", {resign_first_row, row}, {s.id},
              "row " + std::to_string(row) + " repeats row " + std::to_string(resign_first_row) + ": same 项目名称, district and 总投资, new 序号 " +
                  r[0] + ", later 签约时间 " + r[6],
              "counted once (the first signing, row " + std::to_string(resign_first_row) + "); its investment summed once");
      }
      if (!r[4].empty() && r[4] != "待定") sub_wan += repeat ? s.wan : t.wan;
      sub_fdi += s.fdi_wusd;
      sheet.push_back(r);
    }
    auto r = blankRow();
    r[1] = districtNames().at(g) + "小计";
    r[4] = thousands(sub_wan);
    r[5] = thousands(sub_fdi);
    ledger.not_projects.push_back({excelRow(), "subtotal", r[1]});
    sheet.push_back(r);
    total_wan += sub_wan, total_fdi += sub_fdi;
  }
  {
    auto r = blankRow();
    r[1] = "合计";
    r[4] = thousands(total_wan);
    r[5] = thousands(total_fdi);
    ledger.not_projects.push_back({excelRow(), "total", r[1]});
    sheet.push_back(r);
  }
  // The mistyped 序号 pair, described once both rows are known.
  for (const TruthProject& t : ledger.projects)
    if (t.src == rows[dup_id])
      for (const TruthProject& u : ledger.projects)
        if (u.src == rows[dup_id + 1])
          dcase("a_duplicate_id", {t.row, u.row}, {t.src->id, u.src->id}, "序号 '" + t.ledger_id + "' on two different projects",
                "both kept as two projects (the 序号 is not unique; an id may get a suffix)");
  std::sort(ledger.dirty.begin(), ledger.dirty.end(), [](const DirtyCase& a, const DirtyCase& b) { return a.id < b.id; });
  std::vector<std::string> names;
  for (size_t i = 0; i < ncol; ++i) names.push_back("Field" + std::to_string(i + 1));  // GDAL writes no header row for FieldN names
  writeOgr(dir / ledger.file, "XLSX", ledger.layer.c_str(), names, std::vector<OGRFieldType>(ncol, OFTString), sheet);
  return ledger;
}

// ---- 2. the pipeline of 在谈 projects (GBK CSV) ----------------------------------------------

inline LedgerTruth writePipelineCsv(const std::vector<Src>& sample, const std::filesystem::path& dir) {
  LedgerTruth ledger;
  ledger.file = "pipeline_gbk.csv";
  ledger.format = "CSV";
  ledger.encoding = "GBK (GB18030 bytes), CRLF";
  ledger.coordinates = "GCJ-02 (Amap) in 高德经度 / 高德纬度";
  ledger.investment_unit = "亿元";
  ledger.notes = "A title line above the header; no signing date (projects under negotiation): every project is undated.";
  std::vector<std::vector<std::string>> t{{"杭州市重大产业项目在谈清单（截至2024年7月底）", "", "", "", "", "", "", ""},
                                          {"序号", "项目名称", "行业", "所属区域", "计划总投资（亿元）", "项目进展", "高德经度", "高德纬度"}};
  ledger.not_projects.push_back({1, "title", t[0][0]});
  ledger.not_projects.push_back({2, "header", "序号,项目名称,行业,所属区域,计划总投资（亿元）,项目进展,高德经度,高德纬度"});
  const int32_t from = daysFromCivil(2024, 8, 1);
  static const char* progress[] = {"在谈", "洽谈中", "意向"};
  int n = 0;
  for (const Src& s : sample) {
    if (s.day < from || s.num % 6 != 1) continue;
    ++n;
    const long line = static_cast<long>(t.size()) + 1;
    const Vec2 g = wgs84ToGcj02({s.lon, s.lat});
    TruthProject p;
    p.row = line;
    p.ledger_id = std::to_string(n);
    p.src = &s;
    p.adcode = s.adcode;
    p.wan = s.wan;
    p.undated = true;
    std::string amount = trimmedDecimal(s.wan / 1e4, 4);
    if (n % 15 == 7) {  // 序号 7, 22, 37, 52: the amount is not settled yet
      amount = "待定";
      p.invest_known = false;
      ledger.dirty.push_back({"b_investment_tbd", {line}, {s.id}, "计划总投资（亿元） '待定'", "kept, counted, investment unknown (not summed, not 0)"});
    }
    p.written_industry = officeWord(s);
    p.written_district = districtWritten(s.adcode, pick(s, "region", 6) == 0 ? 1 : 2);
    t.push_back({p.ledger_id, s.name, p.written_industry, p.written_district, amount, progress[pick(s, "progress", 3)], fmt(g.x, 6), fmt(g.y, 6)});
    ledger.projects.push_back(p);
  }
  writeFile(dir / ledger.file, toGbk(csv(t)));
  return ledger;
}

// ---- 3. the office GIS export (Shapefile, GBK without .cpg, EPSG:4549) ----------------------

inline LedgerTruth writeGisShapefile(const std::vector<Src>& sample, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  LedgerTruth ledger;
  ledger.file = "gis_export_gbk.shp";
  ledger.format = "ESRI Shapefile";
  ledger.layer = "gis_export_gbk";
  ledger.encoding = "GBK attribute text and field names, no .cpg, DBF language driver byte 0 (unmarked)";
  ledger.coordinates = "EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E) points, .prj present";
  ledger.investment_unit = "万元 (field 总投资, the unit not named)";
  ledger.notes = "With no .cpg and no code page byte GDAL hands the GBK bytes of field names and text through undecoded "
            "(not UTF-8): the import must recognise GBK (SHAPE_ENCODING=CP936 reads it). Rows are feature ids from 0.";
  std::vector<const Src*> rows;
  for (const Src& s : sample)
    if (s.day < daysFromCivil(2024, 1, 1) && s.num % 19 == 3) rows.push_back(&s);
  ensureGdalRegistered();
  for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) fs::remove(dir / ("gis_export_gbk" + std::string(ext)));
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  std::unique_ptr<GDALDataset> ds(drv ? drv->Create((dir / ledger.file).string().c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
  if (!ds) return ledger;
  OGRSpatialReference srs;
  srs.SetFromUserInput("EPSG:4549");
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  // LDID/0: no .cpg and no code page byte, and no recoding: the GBK bytes go in as given.
  const char* opts[] = {"ENCODING=LDID/0", nullptr};
  OGRLayer* layer = ds->CreateLayer(ledger.layer.c_str(), &srs, wkbPoint, const_cast<char**>(opts));
  if (!layer) return ledger;
  struct F {
    const char* name;
    OGRFieldType type;
    int width, precision;
  };
  const F fields[] = {{"项目名称", OFTString, 100, 0}, {"产业领域", OFTString, 40, 0}, {"总投资", OFTReal, 16, 2},
                      {"签约日期", OFTDate, 8, 0}, {"区县", OFTString, 30, 0}};
  for (const F& f : fields) {
    OGRFieldDefn d(toGbk(f.name).c_str(), f.type);
    d.SetWidth(f.width);
    d.SetPrecision(f.precision);
    layer->CreateField(&d);
  }
  auto to4549 = Transform::create(kWgs84, "EPSG:4549");
  long fid = 0;
  for (const Src* sp : rows) {
    const Src& s = *sp;
    TruthProject p;
    p.row = fid++;
    p.src = sp;
    p.adcode = s.adcode;
    p.wan = s.wan;
    p.written_industry = officeWord(s);
    p.written_district = districtWritten(s.adcode, pick(s, "gis-district", 4) == 0 ? 1 : 0);
    p.written_date = dateIso(s.day);
    OGRFeature f(layer->GetLayerDefn());
    f.SetField(0, toGbk(s.name).c_str());
    f.SetField(1, toGbk(p.written_industry).c_str());
    f.SetField(2, static_cast<double>(s.wan));
    const YMD c = civilFromDays(s.day);
    f.SetField(3, c.y, c.m, c.d);
    f.SetField(4, toGbk(p.written_district).c_str());
    double x = s.lon, y = s.lat;
    to4549->apply(x, y);
    OGRPoint pt(std::round(x * 1000) / 1000, std::round(y * 1000) / 1000);  // millimetres, as GIS tools keep them
    f.SetGeometry(&pt);
    if (layer->CreateFeature(&f) != OGRERR_NONE) return ledger;
    ledger.projects.push_back(p);
  }
  ds.reset();
  // The DBF's "last update" date (bytes 1-3) would be today's: fix it to the export date.
  {
    std::fstream dbf(dir / "gis_export_gbk.dbf", std::ios::in | std::ios::out | std::ios::binary);
    const char date[3] = {124, 7, 31};  // 2024-07-31
    dbf.seekp(1);
    dbf.write(date, 3);
  }
  return ledger;
}

// ---- 4. degree-minute-second ledger (UTF-8 CSV) ---------------------------------------------

inline LedgerTruth writeDmsCsv(const std::vector<Src>& sample, const std::filesystem::path& dir) {
  LedgerTruth ledger;
  ledger.file = "dms_ledger.csv";
  ledger.format = "CSV";
  ledger.encoding = "UTF-8, CRLF";
  ledger.coordinates = "WGS 84 as degree-minute-second text: 120°09′18.7″, 120°9'18.7\" or 120度09分18.7秒";
  ledger.investment_unit = "投资额 with the unit in each cell (亿元 or 万元); 外商投资 in 亿美元";
  ledger.notes = "Seconds to 0.1″ (about 3 m).";
  std::vector<std::vector<std::string>> t{{"序号", "项目名称", "所在区县", "产业链", "签约日期", "投资额", "外商投资", "经度", "纬度"}};
  ledger.not_projects.push_back({1, "header", "序号,项目名称,所在区县,产业链,签约日期,投资额,外商投资,经度,纬度"});
  int n = 0;
  for (const Src& s : sample) {
    if (s.day >= daysFromCivil(2024, 1, 1)) continue;
    if (!(s.num % 19 == 11 || (s.fdi_wusd > 0 && s.num % 7 == 2))) continue;
    ++n;
    TruthProject p;
    p.row = static_cast<long>(t.size()) + 1;
    p.ledger_id = std::to_string(n);
    p.src = &s;
    p.adcode = s.adcode;
    p.wan = s.wan;
    p.fdi_wusd = s.fdi_wusd;
    p.written_industry = officeWord(s);
    p.written_district = districtWritten(s.adcode, pick(s, "dms-district", 3) == 0 ? 1 : 0);
    const YMD c = civilFromDays(s.day);
    char d[64];
    switch (pick(s, "dms-date", 3)) {
      case 0: std::snprintf(d, sizeof d, "%04d-%02d-%02d", c.y, c.m, c.d); break;
      case 1: std::snprintf(d, sizeof d, "%d年%d月%d日", c.y, c.m, c.d); break;
      default: std::snprintf(d, sizeof d, "%d.%d.%d", c.y, c.m, c.d); break;
    }
    p.written_date = d;
    std::string amount;
    if (s.wan >= 10000 && pick(s, "dms-unit", 3) != 0) amount = trimmedDecimal(s.wan / 1e4, 4) + "亿元";
    else amount = (pick(s, "dms-sep", 2) ? thousands(s.wan) : std::to_string(s.wan)) + "万元";
    const std::string fdi = s.fdi_wusd > 0 ? trimmedDecimal(s.fdi_wusd / 1e4, 6) + "亿美元" : "";
    const int notation = static_cast<int>(pick(s, "dms", 5) % 3 == 0 ? pick(s, "dms-alt", 2) + 1 : 0);
    t.push_back({p.ledger_id, s.name, p.written_district, p.written_industry, p.written_date, amount, fdi, dms(s.lon, notation), dms(s.lat, notation)});
    ledger.projects.push_back(p);
  }
  writeFile(dir / ledger.file, csv(t));
  return ledger;
}

}  // namespace ledger

// Writes every ledger and truth.json into `dir`; returns the file names written.
inline std::vector<std::string> writeLedgerFixtures(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const std::vector<ledger::Src> sample = ledger::sampleRows();
  if (sample.empty()) return {};
  std::vector<ledger::LedgerTruth> truth;
  truth.push_back(ledger::writeOfficeXlsx(sample, dir));
  truth.push_back(ledger::writePipelineCsv(sample, dir));
  truth.push_back(ledger::writeGisShapefile(sample, dir));
  truth.push_back(ledger::writeDmsCsv(sample, dir));
  writeFile(dir / "truth.json", ledger::truthJson(truth));
  return {"office_2024h1.xlsx", "pipeline_gbk.csv", "gis_export_gbk.shp", "gis_export_gbk.shx", "gis_export_gbk.dbf",
          "gis_export_gbk.prj", "dms_ledger.csv", "truth.json"};
}

}  // namespace cm::test
