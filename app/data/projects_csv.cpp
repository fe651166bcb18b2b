#include "data/projects_csv.h"

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "core/catalog.h"
#include "core/dates.h"
#include "data/csv_parse.h"
#include "data/csv_reader.h"
#include "data/gdal_util.h"
#include "data/import/values.h"
#include "geo/geodesic.h"
#include "geo/geos_ops.h"

namespace cm {
namespace {

constexpr size_t kMaxWarnings = 50;

struct Columns {
  int id, name_zh, name_en, ecosystem, chain, sector, investment, signed_date, started_date, producing_date, stage,
      district, park_id, lon, lat, foreign, fdi, chain_leader, leader_id, channel, synthetic, chain_role;
};

std::optional<Channel> channelFromId(const std::string& s) {
  if (s == "task_force") return Channel::TaskForce;
  if (s == "overseas_mission") return Channel::OverseasMission;
  if (s == "soe_invest") return Channel::SoeInvest;
  if (s == "other" || s.empty()) return Channel::Other;
  return std::nullopt;
}

bool flag(const std::string& s) { return s == "1" || s == "true" || s == "yes"; }

// Appends one row to p; returns "" or the reason the row is skipped. Warnings for patched values
// (unknown park, district, stage or channel) go to `notes`.
std::string parseRow(const std::vector<std::string>& f, const Columns& c, const Transform& to_xy,
                     const std::vector<District>& districts, const std::vector<Park>& parks,
                     const std::unordered_map<std::string, int>& park_ids, const PolygonSet* district_polys,
                     std::unordered_map<std::string, uint16_t>& chain_ids, Projects& p,
                     std::vector<std::string>& leader_ids, std::vector<std::string>& notes) {
  auto get = [&](int col) -> std::string { return col >= 0 ? trim(f[col]) : std::string(); };
  for (const std::string& v : f)
    if (!isValidUtf8(v)) return "text is not valid UTF-8 (save the file as UTF-8)";
  const std::string id = get(c.id);
  if (id.empty()) return "empty id";
  const std::string zh = get(c.name_zh), en = get(c.name_en);
  if (zh.empty() && en.empty()) return "no name (name_zh and name_en are both empty)";
  const auto eco = ecosystemFromId(get(c.ecosystem));
  if (!eco) return "unknown ecosystem '" + get(c.ecosystem) + "' (expected iot, bio, equip, mat, energy or other)";
  const std::string sector_s = get(c.sector);
  if (!sector_s.empty() && sector_s != "manufacturing" && sector_s != "service")
    return "unknown sector '" + sector_s + "' (expected manufacturing or service)";
  const auto inv = parseNumber(get(c.investment));
  if (!inv || *inv < 0) return "investment_yi '" + get(c.investment) + "' is not a non-negative number";
  const auto signed_day = parseDate(get(c.signed_date));
  if (!signed_day) return "signed_date '" + get(c.signed_date) + "' is not a date (YYYY-MM-DD)";
  int32_t started = Projects::kNoDay;
  if (!get(c.started_date).empty()) {
    const auto s = parseDate(get(c.started_date));
    if (!s) return "started_date '" + get(c.started_date) + "' is not a date (YYYY-MM-DD)";
    started = *s;
  }
  int32_t producing = Projects::kNoDay;
  if (!get(c.producing_date).empty()) {
    const auto s = parseDate(get(c.producing_date));
    if (!s) return "producing_date '" + get(c.producing_date) + "' is not a date (YYYY-MM-DD)";
    producing = *s;
  }
  const auto lon = parseNumber(get(c.lon)), lat = parseNumber(get(c.lat));
  if (!lon || *lon < -180 || *lon > 180) return "lon '" + get(c.lon) + "' is not a longitude in degrees";
  if (!lat || *lat < -90 || *lat > 90) return "lat '" + get(c.lat) + "' is not a latitude in degrees";
  double x = *lon, y = *lat;
  if (!to_xy.apply(x, y) || !std::isfinite(x) || !std::isfinite(y)) return "the point cannot be transformed to the display CRS";
  double fdi = 0;
  if (!get(c.fdi).empty()) {
    const auto v = parseNumber(get(c.fdi));
    if (!v || *v < 0) return "fdi_musd '" + get(c.fdi) + "' is not a non-negative number";
    fdi = *v;
  }

  // Patched values: the row stays, with a note.
  int adcode = 0, district_index = -1;
  if (!get(c.district).empty()) {
    const auto a = parseInt(get(c.district));
    if (a) adcode = static_cast<int>(*a);
    auto it = std::lower_bound(districts.begin(), districts.end(), adcode,
                               [](const District& d, int v) { return d.adcode < v; });
    if (it != districts.end() && it->adcode == adcode) district_index = static_cast<int>(it - districts.begin());
    else notes.push_back("unknown district '" + get(c.district) + "'");
  } else if (district_polys) {
    district_index = district_polys->indexAt(*lon, *lat);
    if (district_index >= 0) adcode = districts[district_index].adcode;
  }
  int park = -1;
  if (!get(c.park_id).empty()) {
    auto it = park_ids.find(get(c.park_id));
    if (it != park_ids.end()) park = it->second;
    else notes.push_back("unknown park_id '" + get(c.park_id) + "'");
  }
  if (producing != Projects::kNoDay && (producing < *signed_day || (started != Projects::kNoDay && producing < started)))
    notes.push_back("producing_date " + get(c.producing_date) + " is before the " +
                    (producing < *signed_day ? "signing" : "start") + " date (kept)");
  int stage = producing != Projects::kNoDay ? kStageInOperation
              : started != Projects::kNoDay ? kStageConstructionStarted : kStageSigned;
  if (!get(c.stage).empty()) {
    if (auto s = stageFromId(get(c.stage))) stage = *s;
    else if (auto n = parseInt(get(c.stage)); n && *n >= 0 && *n < kStageCount) stage = static_cast<int>(*n);
    else notes.push_back("unknown stage '" + get(c.stage) + "', taken from the dates");
  }
  auto role = matchChainRole(get(c.chain_role));
  if (!role) {
    notes.push_back("unknown chain_role '" + get(c.chain_role) + "' (expected upstream, midstream, downstream or empty), read as unknown");
    role = ChainRole::Unknown;
  }
  auto channel = channelFromId(get(c.channel));
  if (!channel) {
    notes.push_back("unknown channel '" + get(c.channel) + "', read as other");
    channel = Channel::Other;
  }
  std::string chain = get(c.chain);
  if (chain.empty()) chain = std::string(info(*eco).id);  // one catch-all chain per ecosystem
  auto [cit, added] = chain_ids.try_emplace(chain, static_cast<uint16_t>(p.chain_names.size()));
  if (added) p.chain_names.push_back(chain);

  p.id.push_back(id);
  p.name_zh.push_back(zh);
  p.name_en.push_back(en);
  p.ecosystem.push_back(*eco);
  p.chain.push_back(cit->second);
  p.sector.push_back(sector_s == "service" ? Sector::Service : Sector::Manufacturing);
  p.investment_yi.push_back(static_cast<float>(*inv));
  p.signed_day.push_back(*signed_day);
  p.started_day.push_back(started);
  p.producing_day.push_back(producing);
  p.stage.push_back(static_cast<uint8_t>(stage));
  p.district_adcode.push_back(adcode);
  p.district_index.push_back(static_cast<int16_t>(district_index));
  p.park_index.push_back(static_cast<int16_t>(park));
  const bool in = park >= 0 && geodesicDistanceM(*lon, *lat, parks[park].lon, parks[park].lat) <= parks[park].radius_km * 1000.0;
  p.in_park.push_back(in ? 1 : 0);
  p.lon.push_back(*lon);
  p.lat.push_back(*lat);
  p.x.push_back(x);
  p.y.push_back(y);
  p.foreign.push_back(get(c.foreign));
  p.fdi_musd.push_back(static_cast<float>(fdi));
  p.chain_leader.push_back(flag(get(c.chain_leader)) ? 1 : 0);
  p.leader_index.push_back(-1);
  p.chain_role.push_back(*role);
  leader_ids.push_back(get(c.leader_id));
  p.channel.push_back(*channel);
  p.synthetic.push_back(flag(get(c.synthetic)) ? 1 : 0);
  p.approx.push_back(0);
  return "";
}

}  // namespace

Result<ProjectsLoad> loadProjectsCsv(const std::string& path, const Transform& to_xy,
                                     const std::vector<District>& districts, const std::vector<Park>& parks) {
  using R = Result<ProjectsLoad>;
  auto csv = CsvReader::open(path);
  if (!csv) return R::fail(csv.error());
  const char* kExpected = " (required: id, name_zh or name_en, ecosystem, investment_yi, signed_date, lon, lat)";
  for (const char* req : {"id", "ecosystem", "investment_yi", "signed_date", "lon", "lat"})
    if (csv->column(req) < 0) return R::fail(fileError(path, std::string("missing required column '") + req + "'" + kExpected));
  if (csv->column("name_zh") < 0 && csv->column("name_en") < 0)
    return R::fail(fileError(path, std::string("missing required column 'name_zh' or 'name_en'") + kExpected));
  auto col = [&](const char* n) { return csv->column(n); };
  const Columns c{col("id"), col("name_zh"), col("name_en"), col("ecosystem"), col("chain"), col("sector"),
                  col("investment_yi"), col("signed_date"), col("started_date"), col("producing_date"), col("stage"), col("district"),
                  col("park_id"), col("lon"), col("lat"), col("foreign"), col("fdi_musd"), col("chain_leader"),
                  col("leader_id"), col("channel"), col("synthetic"), col("chain_role")};

  ProjectsLoad out;
  Projects& p = out.projects;
  std::unordered_map<std::string, uint16_t> chain_ids;
  for (const ChainInfo& ch : kChains) {  // known chains keep their index whatever the file holds
    chain_ids.emplace(std::string(ch.id), static_cast<uint16_t>(p.chain_names.size()));
    p.chain_names.emplace_back(ch.id);
  }
  std::unordered_map<std::string, int> park_ids;
  for (size_t i = 0; i < parks.size(); ++i) park_ids.emplace(parks[i].id, static_cast<int>(i));
  std::unique_ptr<PolygonSet> polys;
  if (c.district < 0 && !districts.empty()) {
    std::vector<const MultiPolygon*> mp;
    for (const District& d : districts) mp.push_back(&d.ll);
    polys = std::make_unique<PolygonSet>(mp);
  }
  std::unordered_map<std::string, size_t> row_of_id;
  std::vector<std::string> leader_ids, notes;
  size_t warned = 0, skipped = 0;
  auto warn = [&](long row, const std::string& what) {
    if (warned++ < kMaxWarnings) out.warnings.push_back(fileError(path, "row " + std::to_string(row) + ": " + what));
  };
  std::vector<std::string> f;
  long row = 0;
  while (csv->next(f, row)) {
    notes.clear();
    const std::string id = c.id >= 0 ? trim(f[c.id]) : "";
    if (!id.empty() && row_of_id.count(id)) {
      warn(row, "duplicate id '" + id + "', row skipped");
      ++skipped;
      continue;
    }
    const std::string problem = parseRow(f, c, to_xy, districts, parks, park_ids, polys.get(), chain_ids, p, leader_ids, notes);
    if (!problem.empty()) {
      warn(row, problem + ", row skipped");
      ++skipped;
      continue;
    }
    row_of_id.emplace(id, p.size() - 1);
    for (const std::string& n : notes) warn(row, n);
  }
  for (size_t i = 0; i < p.size(); ++i) {
    if (leader_ids[i].empty()) continue;
    auto it = row_of_id.find(leader_ids[i]);
    if (it != row_of_id.end() && it->second != i) p.leader_index[i] = static_cast<int32_t>(it->second);
    else if (warned++ < kMaxWarnings)
      out.warnings.push_back(fileError(path, "project '" + p.id[i].str() + "': leader_id '" + leader_ids[i] +
                                                 "' is not another project in this file"));
  }
  if (warned > kMaxWarnings)
    out.warnings.push_back(fileError(path, std::to_string(warned - kMaxWarnings) + " more warnings not shown"));
  if (p.size() == 0)
    return R::fail(fileError(path, skipped ? "no valid project rows (" + std::to_string(skipped) + " skipped; first: " +
                                                 (out.warnings.empty() ? "" : out.warnings.front()) + ")"
                                           : "contains no project rows"));
  out.synthetic = std::all_of(p.synthetic.begin(), p.synthetic.end(), [](uint8_t s) { return s != 0; });
  if (skipped) out.warnings.push_back(fileError(path, std::to_string(skipped) + " of " + std::to_string(row) + " rows skipped"));
  return out;
}

}  // namespace cm
