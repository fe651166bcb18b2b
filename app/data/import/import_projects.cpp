#include "data/import/import_projects.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "core/catalog.h"
#include "core/view.h"
#include "data/atomic_file.h"
#include "data/data_paths.h"
#include "data/gdal_util.h"
#include "geo/geodesic.h"
#include "geo/geos_ops.h"

namespace cm {

void ImportReport::add(const std::string& kind, long row, const std::string& example, bool skip) {
  auto it = std::find_if(problems.begin(), problems.end(), [&](const Problem& p) { return p.kind == kind; });
  if (it == problems.end()) {
    problems.push_back({kind, {}, example, skip});
    it = problems.end() - 1;
  }
  it->rows.push_back(row);
}

static std::string thousands(long v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string ImportReport::summary() const {
  return thousands(rows) + " rows: " + thousands(placed) + " placed, " + thousands(approximate) + " at an approximate location, " +
         thousands(skipped) + " skipped" + (truncated ? " (the source ended early or the load was cancelled)" : "");
}

std::vector<std::string> ImportReport::lines() const {
  std::vector<std::string> out;
  for (const Problem& p : problems) {
    std::string rows_text;
    for (size_t i = 0; i < p.rows.size() && i < 8; ++i) rows_text += (i ? ", " : "") + std::to_string(p.rows[i]);
    if (p.rows.size() > 8) rows_text += ", …";
    out.push_back(std::to_string(p.rows.size()) + (p.rows.size() == 1 ? " row: " : " rows: ") + p.kind +
                  (p.skipped ? " (skipped)" : "") + " — row" + (p.rows.size() == 1 ? " " : "s ") + rows_text +
                  (p.example.empty() ? "" : " (e.g. '" + p.example + "')"));
  }
  return out;
}

static std::string csvCell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

Result<bool> ImportReport::writeCsv(const std::string& path) const {
  std::string out = "\xEF\xBB\xBF" "problem,skipped,count,rows,example\n";  // BOM: Excel opens it as UTF-8
  out += csvCell(summary()) + ",,,,\n";
  for (const std::string& d : decisions) out += csvCell(d) + ",,,,\n";
  for (const Problem& p : problems) {
    std::string rows_text;
    for (long r : p.rows) rows_text += (rows_text.empty() ? "" : " ") + std::to_string(r);
    out += csvCell(p.kind) + "," + (p.skipped ? "yes" : "no") + "," + std::to_string(p.rows.size()) + "," + csvCell(rows_text) +
           "," + csvCell(p.example) + "\n";
  }
  return writeFileAtomically(path, out);
}

std::string reportPathFor(const std::string& source, const std::string& layer) {
  if (!isDatabaseSource(source)) return source + ".chainmap-report.csv";
  std::string safe;
  for (char c : layer.empty() ? std::string("table") : layer) safe.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return (std::filesystem::path(userDataDir()).parent_path() / ("pg_" + safe + ".chainmap-report.csv")).string();
}

namespace {

std::string trimmed(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

std::optional<Channel> matchChannel(const std::string& text) {
  const std::string k = normalizeKey(text);
  if (k.empty() || k == "other" || k == "其他") return Channel::Other;
  if (k == "taskforce" || k.find("专班") != std::string::npos || k.find("产业链招商") != std::string::npos) return Channel::TaskForce;
  if (k == "overseasmission" || k.find("出访") != std::string::npos || k.find("海外") != std::string::npos) return Channel::OverseasMission;
  if (k == "soeinvest" || k.find("国资") != std::string::npos || k.find("国企") != std::string::npos) return Channel::SoeInvest;
  return std::nullopt;
}

// A deterministic point inside district d for a row without coordinates (the same id always
// lands on the same spot).
Vec2 pointInDistrict(const District& d, const PolygonSet& set, size_t index, const std::string& id) {
  Extent e;
  for (const Polygon& p : d.ll)
    for (const Vec2& v : p.rings[0]) e.add(v);
  uint64_t h = 1469598103934665603ull;
  for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  for (int tries = 0; tries < 400 && e.valid(); ++tries) {
    h ^= h << 13, h ^= h >> 7, h ^= h << 17;
    const double u = (h & 0xFFFFFFFF) / 4294967296.0, v = (h >> 32) / 4294967296.0;
    const double lon = e.minx + u * (e.maxx - e.minx), lat = e.miny + v * (e.maxy - e.miny);
    if (set.contains(index, lon, lat)) return {lon, lat};
  }
  return labelPoint(d.ll, 1e-4);
}

}  // namespace

Result<ImportResult> importProjects(const RawTable& t, const FieldMapping& m, const std::vector<District>& districts,
                                    const std::vector<Park>& parks, const Transform& to_xy) {
  using R = Result<ImportResult>;
  const std::string& src = t.display_source;
  if (const auto missing = missingRequired(m, t.has_points); !missing.empty()) {
    std::string names;
    for (Field f : missing) names += (names.empty() ? "" : ", ") + std::string(fieldId(f)) + " (" + fieldLabelZh(f) + ")";
    return R::fail(fileError(src, "no column for " + names + "; map them in the mapping file " + mappingPathFor(t.source, t.layer)));
  }
  ImportResult out;
  ImportReport& rep = out.report;
  rep.source = src;
  rep.layer = t.layer;
  rep.format = t.format;
  rep.encoding = t.encoding;
  rep.truncated = t.truncated;
  Projects& p = out.projects;
  std::unordered_map<std::string, uint16_t> chain_ids;
  for (const ChainInfo& ch : kChains) {  // known chains keep their index whatever the file holds
    chain_ids.emplace(std::string(ch.id), static_cast<uint16_t>(p.chain_names.size()));
    p.chain_names.emplace_back(ch.id);
  }
  const size_t n = t.rows.size();
  rep.rows = static_cast<long>(n);
  auto col = [&](Field f) { return m.column(f); };
  auto cell = [&](size_t r, Field f) -> std::string {
    const int c = col(f);
    return c >= 0 && c < static_cast<int>(t.rows[r].size()) ? trimmed(t.rows[r][c]) : std::string();
  };
  auto header = [&](Field f) { return col(f) >= 0 ? t.columns[col(f)] : std::string(fieldLabelZh(f)); };

  // Location hints first: they decide the coordinate system.
  std::vector<DistrictMatch> dmatch(n);
  std::vector<int> dhint(n, -1), phint(n, -1);
  for (size_t r = 0; r < n; ++r) {
    if (col(Field::District) >= 0) {
      dmatch[r] = matchDistrict(cell(r, Field::District), districts);
      if (dmatch[r].candidates.size() == 1) dhint[r] = dmatch[r].candidates[0];
    }
    if (col(Field::Park) >= 0)
      if (auto k = matchPark(cell(r, Field::Park), parks)) phint[r] = *k;
  }
  CoordInput ci;
  const bool columns_xy = col(Field::Lon) >= 0 && col(Field::Lat) >= 0;
  ci.a.assign(n, NAN);
  ci.b.assign(n, NAN);
  ci.ok.assign(n, 0);
  ci.district_hint = dhint;
  ci.park_hint = phint;
  if (columns_xy) {
    for (size_t r = 0; r < n; ++r) {
      auto a = parseLooseNumber(cell(r, Field::Lon)), b = parseLooseNumber(cell(r, Field::Lat));
      if (a && b && !(*a == 0 && *b == 0)) ci.a[r] = *a, ci.b[r] = *b, ci.ok[r] = 1;
    }
  } else if (t.has_points) {
    ci.a = t.gx;
    ci.b = t.gy;
    ci.ok = t.g_ok;
    ci.layer_crs = t.crs;
  }
  const bool any_coords = std::any_of(ci.ok.begin(), ci.ok.end(), [](uint8_t o) { return o != 0; });
  if (any_coords) {
    out.coords = detectCoordinates(ci, districts, parks, m);
    rep.decisions.push_back("coordinates: " + out.coords.evidence);
    if (out.coords.chosen.swapped) rep.decisions.push_back("the longitude and latitude columns hold latitude and longitude: swapped");
  }
  const CoordConverter conv(out.coords.chosen);

  if (col(Field::Investment) >= 0) {
    const MoneyUnit u = m.investment_unit == MoneyUnit::Unknown ? MoneyUnit::Yi : m.investment_unit;
    rep.decisions.push_back(header(Field::Investment) + ": " + moneyUnitId(u) + " → 亿元" +
                            (m.investment_unit_why.empty() ? "" : " (" + m.investment_unit_why + ")") +
                            (u == MoneyUnit::Usd || u == MoneyUnit::WanUsd ? ", at " + std::to_string(m.cny_per_usd).substr(0, 4) + " CNY/USD" : ""));
  }
  std::vector<const MultiPolygon*> polys;
  for (const District& d : districts) polys.push_back(&d.ll);
  const PolygonSet set(polys);
  // Columns no field took travel along for export.
  std::vector<bool> used(t.columns.size(), false);
  for (const FieldChoice& f : m.fields)
    if (f.column >= 0 && f.column < static_cast<int>(used.size())) used[f.column] = true;
  std::vector<int> extra_cols;
  for (size_t c = 0; c < t.columns.size(); ++c)
    if (!used[c]) extra_cols.push_back(static_cast<int>(c)), p.extra_names.push_back(t.columns[c]);
  p.extra.resize(extra_cols.size());

  std::unordered_map<std::string, size_t> seen_ids;
  std::vector<std::string> leader_ids;
  const double rate = m.cny_per_usd;
  for (size_t r = 0; r < n; ++r) {
    const long row = r < t.row_numbers.size() ? t.row_numbers[r] : static_cast<long>(r + 1);
    auto skip = [&](const std::string& kind, const std::string& example) {
      rep.add(kind, row, example, true);
      ++rep.skipped;
    };
    std::string id = cell(r, Field::Id);
    if (id.empty()) id = "row-" + std::to_string(row);
    if (seen_ids.count(id)) {
      skip(header(Field::Id) + " repeats an earlier row's", id);
      continue;
    }
    std::string zh = cell(r, Field::NameZh), en = cell(r, Field::NameEn);
    if (zh.empty() && en.empty()) {
      skip("no project name", "");
      continue;
    }
    if (!isValidUtf8(zh) || !isValidUtf8(en)) {
      skip("text is not valid UTF-8", "");
      continue;
    }
    if (zh.empty()) zh = en;
    if (en.empty()) en = zh;
    // Investment in 亿元.
    const std::string inv_text = cell(r, Field::Investment);
    const auto amount = parseAmount(inv_text);
    if (!amount || amount->value < 0) {
      skip(header(Field::Investment) + " is not an amount", inv_text);
      continue;
    }
    const MoneyUnit unit = amount->unit != MoneyUnit::Unknown ? amount->unit
                           : m.investment_unit != MoneyUnit::Unknown ? m.investment_unit : MoneyUnit::Yi;
    const double yi = amount->value * yuanPer(unit, rate) / 1e8;
    const std::string date_text = cell(r, Field::SignedDate);
    const auto signed_day = parseAnyDate(date_text);
    if (!signed_day) {
      skip(header(Field::SignedDate) + " is not a date", date_text);
      continue;
    }
    int32_t started = Projects::kNoDay;
    if (const std::string s = cell(r, Field::StartedDate); !s.empty()) {
      if (auto d = parseAnyDate(s)) started = *d;
      else rep.add(header(Field::StartedDate) + " is not a date: left empty", row, s, false);
    }
    int32_t producing = Projects::kNoDay;
    if (const std::string s = cell(r, Field::ProducingDate); !s.empty()) {
      if (auto d = parseAnyDate(s)) producing = *d;
      else rep.add(header(Field::ProducingDate) + " is not a date: left empty", row, s, false);
    }
    if (producing != Projects::kNoDay && (producing < *signed_day || (started != Projects::kNoDay && producing < started)))
      rep.add(header(Field::ProducingDate) + " is before the " +
                  (producing < *signed_day ? header(Field::SignedDate) : header(Field::StartedDate)) + ": kept",
              row, cell(r, Field::ProducingDate), false);
    // Ecosystem and chain.
    std::optional<Ecosystem> eco;
    std::string chain = cell(r, Field::Chain);
    std::optional<int> cat_chain = chain.empty() ? std::nullopt : matchCatalogChain(chain);
    if (cat_chain) chain = std::string(kChains[*cat_chain].id);
    if (const std::string e = cell(r, Field::Ecosystem); !e.empty()) {
      eco = matchEcosystem(e);
      if (!eco) rep.add(header(Field::Ecosystem) + " '" + e + "' is not one of the five ecosystems: read as other", row, e, false);
    }
    if (!eco && cat_chain) eco = kChains[*cat_chain].ecosystem;
    if (!eco) eco = Ecosystem::Other;
    if (!chain.empty() && !cat_chain)
      rep.add(header(Field::Chain) + " '" + chain + "' is not in the catalogue: kept as its own chain", row, chain, false);
    if (chain.empty()) chain = std::string(info(*eco).id);  // one catch-all chain per ecosystem
    auto [cit, added] = chain_ids.try_emplace(chain, static_cast<uint16_t>(p.chain_names.size()));
    if (added) p.chain_names.push_back(chain);
    // Location.
    double lon = NAN, lat = NAN;
    uint8_t approx = 0;
    if (ci.ok[r] && conv.toWgs84(ci.a[r], ci.b[r], lon, lat)) {
      if (!districts.empty() && set.indexAt(lon, lat) < 0) rep.add("the point lies outside Hangzhou's districts", row, std::to_string(lon) + ", " + std::to_string(lat), false);
    } else {
      if (ci.ok[r]) rep.add("the coordinates cannot be converted: placed by park or district", row, cell(r, Field::Lon) + ", " + cell(r, Field::Lat), false);
      if (phint[r] >= 0) {
        lon = parks[phint[r]].lon, lat = parks[phint[r]].lat, approx = 1;
      } else if (!dmatch[r].candidates.empty()) {
        const int d = dmatch[r].candidates[0];
        const Vec2 q = pointInDistrict(districts[d], set, static_cast<size_t>(d), id);
        lon = q.x, lat = q.y, approx = 2;
      } else {
        skip("no coordinates, and no district or park to place it by", cell(r, Field::District) + cell(r, Field::Park));
        continue;
      }
    }
    double x = lon, y = lat;
    if (!to_xy.apply(x, y) || !std::isfinite(x) || !std::isfinite(y)) {
      skip("the point cannot be transformed to the display CRS", "");
      continue;
    }
    int district = -1;
    if (!dmatch[r].candidates.empty()) {
      for (int d : dmatch[r].candidates)
        if (district < 0 && set.contains(static_cast<size_t>(d), lon, lat)) district = d;
      if (district < 0) district = dmatch[r].candidates[0];
      if (dmatch[r].retired_name)
        rep.add(header(Field::District) + " '" + cell(r, Field::District) + "' is a pre-2021 name: read as " + districts[district].name_zh +
                    (approx == 0 ? " by the project's location" : " (no coordinates to tell which of today's districts)"),
                row, cell(r, Field::District), false);
      if (approx == 0 && !set.contains(static_cast<size_t>(district), lon, lat))
        rep.add("the point lies outside the district the row names", row, cell(r, Field::District), false);
    } else {
      if (const std::string d = cell(r, Field::District); !d.empty() && !districts.empty())  // none loaded: said once
        rep.add(header(Field::District) + " '" + d + "' is not a Hangzhou district: taken from the point", row, d, false);
      district = set.indexAt(lon, lat);
    }
    int park = phint[r];
    if (park < 0)
      if (const std::string k = cell(r, Field::Park); !k.empty()) rep.add(header(Field::Park) + " '" + k + "' is not a known park", row, k, false);
    Sector sector = Sector::Manufacturing;
    if (const std::string s = cell(r, Field::Sector); !s.empty()) {
      if (auto g = matchSector(s)) sector = *g == SectorGuess::Service ? Sector::Service : Sector::Manufacturing;
      else rep.add(header(Field::Sector) + " '" + s + "' is neither manufacturing nor service: read as manufacturing", row, s, false);
    }
    int stage = producing != Projects::kNoDay ? kStageInOperation
                : started != Projects::kNoDay ? kStageConstructionStarted : kStageSigned;
    if (const std::string s = cell(r, Field::Stage); !s.empty()) {
      if (auto k = matchStage(s)) stage = *k;
      else rep.add(header(Field::Stage) + " '" + s + "' is not a known stage: taken from the dates", row, s, false);
    }
    double fdi = 0;
    if (const std::string s = cell(r, Field::Fdi); !s.empty()) {
      if (auto a = parseAmount(s); a && a->value >= 0) {
        const MoneyUnit u = a->unit != MoneyUnit::Unknown ? a->unit : m.fdi_unit;
        fdi = u == MoneyUnit::Unknown ? a->value : a->value * yuanPer(u, rate) / (rate * 1e6);  // million USD
      } else {
        rep.add(header(Field::Fdi) + " is not an amount: read as 0", row, s, false);
      }
    }
    auto role = matchChainRole(cell(r, Field::ChainRole));
    if (!role) {
      rep.add(header(Field::ChainRole) + " '" + cell(r, Field::ChainRole) + "' is not upstream, midstream or downstream (上游/中游/下游): read as unknown",
              row, cell(r, Field::ChainRole), false);
      role = ChainRole::Unknown;
    }
    auto channel = matchChannel(cell(r, Field::Channel));
    if (!channel) {
      rep.add(header(Field::Channel) + " '" + cell(r, Field::Channel) + "' is not a known channel: read as other", row, cell(r, Field::Channel), false);
      channel = Channel::Other;
    }

    seen_ids.emplace(id, p.size());
    p.id.push_back(id);
    p.name_zh.push_back(zh);
    p.name_en.push_back(en);
    p.ecosystem.push_back(*eco);
    p.chain.push_back(cit->second);
    p.sector.push_back(sector);
    p.investment_yi.push_back(static_cast<float>(yi));
    p.signed_day.push_back(*signed_day);
    p.started_day.push_back(started);
    p.producing_day.push_back(producing);
    p.stage.push_back(static_cast<uint8_t>(stage));
    p.district_adcode.push_back(district >= 0 ? districts[district].adcode : 0);
    p.district_index.push_back(static_cast<int16_t>(district));
    p.park_index.push_back(static_cast<int16_t>(park));
    const bool in = park >= 0 && geodesicDistanceM(lon, lat, parks[park].lon, parks[park].lat) <= parks[park].radius_km * 1000.0;
    p.in_park.push_back(in ? 1 : 0);
    p.lon.push_back(lon);
    p.lat.push_back(lat);
    p.x.push_back(x);
    p.y.push_back(y);
    p.foreign.push_back(cell(r, Field::Foreign));
    p.fdi_musd.push_back(static_cast<float>(fdi));
    p.chain_leader.push_back(parseYesNo(cell(r, Field::ChainLeader)).value_or(false) ? 1 : 0);
    p.leader_index.push_back(-1);
    p.chain_role.push_back(*role);
    p.channel.push_back(*channel);
    p.synthetic.push_back(parseYesNo(cell(r, Field::Synthetic)).value_or(false) ? 1 : 0);
    p.approx.push_back(approx);
    for (size_t k = 0; k < extra_cols.size(); ++k) p.extra[k].push_back(t.rows[r][extra_cols[k]]);
    (approx ? rep.approximate : rep.placed)++;
  }
  if (p.size() == 0)
    return R::fail(fileError(src, "no project could be loaded (" + std::to_string(rep.skipped) + " rows skipped" +
                                      (rep.lines().empty() ? "" : "; " + rep.lines().front()) + ")"));
  out.synthetic = std::all_of(p.synthetic.begin(), p.synthetic.end(), [](uint8_t s) { return s != 0; });
  return out;
}

}  // namespace cm
