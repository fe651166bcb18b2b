#include "data/generator.h"

#include "platform/atomic_file.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>

#include "core/dates.h"
#include "data/generator_detail.h"
#include "geo/geodesic.h"

namespace cm {
namespace gen {

Context::Context(const std::vector<District>& d, const std::vector<Park>& p, uint64_t seed)
    : districts(d), parks(p), rng(seed), seed_(seed) {
  std::vector<const MultiPolygon*> mp;
  for (const District& x : d) mp.push_back(&x.ll);
  polys_ = std::make_unique<PolygonSet>(mp);
  anchors_.resize(d.size());
  for (const Park& x : p) {
    park_district_.push_back(districtIndex(x.district_adcode));
    if (park_district_.back() >= 0) anchors_[park_district_.back()].push_back({x.lon, x.lat});
  }
  for (size_t i = 0; i < d.size(); ++i) anchors_[i].push_back(labelPoint(d[i].ll, 0.001));
}

int Context::parkIndex(const std::string& id) const {
  for (size_t i = 0; i < parks.size(); ++i)
    if (parks[i].id == id) return static_cast<int>(i);
  return -1;
}

int Context::districtIndex(int adcode) const {
  for (size_t i = 0; i < districts.size(); ++i)
    if (districts[i].adcode == adcode) return static_cast<int>(i);
  return -1;
}

int Context::chainIndex(const char* id) const { return *chainFromId(id); }

Ecosystem Context::pickEcosystem(bool allow_other) {
  // iot, bio, equip, mat, energy, other
  static const std::vector<double> w{0.30, 0.19, 0.22, 0.11, 0.12, 0.06};
  std::vector<double> ww = w;
  if (!allow_other) ww.back() = 0;
  return static_cast<Ecosystem>(rng.weighted(ww));
}

int Context::pickChain(Ecosystem e) {
  std::vector<double> w(kChains.size(), 0.0);
  for (size_t i = 0; i < kChains.size(); ++i)
    if (kChains[i].ecosystem == e && kChains[i].id != "water_beverages") w[i] = 1.0;
  // The named chains of the report are the big ones.
  for (const char* big : {"visual_intelligence", "integrated_circuits", "synthetic_biology",
                          "intelligent_robotics", "new_energy_vehicles"})
    if (w[chainIndex(big)] > 0) w[chainIndex(big)] = 2.0;
  return rng.weighted(w);
}

int Context::pickPark(int chain, double match_share) {
  const std::string_view cid = kChains[chain].id;
  const Ecosystem e = kChains[chain].ecosystem;
  auto weight = [&](const Park& p) { return p.level == "national" ? 2.0 : p.level == "provincial" ? 1.5 : 1.0; };
  std::vector<double> w(parks.size(), 0.0);
  if (cid == "water_beverages") return parkIndex("ca_edz_qiandaohu");
  if (cid == "modern_logistics") return parkIndex(rng.chance(0.7) ? "xs_airport_zone" : "hz_dajiangdong");
  if (cid == "modern_textiles") return parkIndex(rng.chance(0.6) ? "yh_etdz_linping" : "xs_etdz");
  const bool match = rng.chance(match_share);
  bool any = false;
  for (size_t i = 0; i < parks.size(); ++i) {
    if (parks[i].id == "ca_edz_qiandaohu" || parks[i].id == "xs_xianghu") continue;  // water / tourism
    if ((parks[i].main_ecosystem == e) == match) {
      w[i] = weight(parks[i]);
      any = true;
    }
  }
  if (!any) {  // an ecosystem without a park of its own (green energy): the big manufacturing zones
    for (const char* id : {"jd_edz", "hz_dajiangdong", "yh_etdz_linping", "fy_etdz", "tl_edz", "hz_qiantang_newarea"})
      w[parkIndex(id)] = 1.0;
  }
  return rng.weighted(w);
}

int Context::pickDistrict() {
  static const std::map<int, double> w{{330102, 0.6}, {330105, 0.6}, {330106, 1.2}, {330108, 1.5},
                                       {330109, 2.5}, {330110, 2.2}, {330111, 1.6}, {330112, 1.6},
                                       {330113, 1.6}, {330114, 2.5}, {330122, 1.0}, {330127, 0.6},
                                       {330182, 1.0}};
  std::vector<double> ww;
  for (const District& d : districts) ww.push_back(w.count(d.adcode) ? w.at(d.adcode) : 1.0);
  return rng.weighted(ww);
}

double Context::logUniform(double a, double b) {
  const double v = a * std::exp(rng.uniform() * std::log(b / a));
  return std::clamp(std::floor(v * 100) / 100, a, std::nextafter(b, a) - 0.005);
}

int32_t Context::pickDay(int from, int to) {
  static const double month_w[12] = {0.9, 0.6, 1.1, 1.0, 1.1, 1.2, 1.0, 0.9, 1.0, 0.8, 1.0, 1.3};
  std::vector<double> w;
  for (int m = from; m <= to; ++m) w.push_back(month_w[m % 12]);
  const int m = from + rng.weighted(w);
  const int y = m / 12, mo = m % 12 + 1;
  const int32_t first = daysFromCivil(y, mo, 1);
  const int32_t next = mo == 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, mo + 1, 1);
  return first + rng.below(next - first);
}

static double round6(double v) { return std::round(v * 1e6) / 1e6; }

void Context::placeInPark(Row& r, int park) {
  const Park& p = parks[park];
  r.park = park;
  r.district = park_district_[park];
  const double radius_m = p.radius_km * 1000.0;
  for (int attempt = 0; attempt < 2000; ++attempt) {
    // Denser towards the zone's centre; a small margin keeps rounding inside the circle.
    const double d = 0.97 * radius_m * std::pow(rng.uniform(), 0.7);
    const double th = 6.283185307179586 * rng.uniform();
    const double lat = round6(p.lat + d * std::cos(th) / 110850.0);
    const double lon = round6(p.lon + d * std::sin(th) / (111320.0 * std::cos(p.lat * 0.017453292519943295)));
    if (geodesicDistanceM(lon, lat, p.lon, p.lat) > radius_m) continue;
    if (!polys_->contains(static_cast<size_t>(r.district), lon, lat)) continue;
    r.lon = lon;
    r.lat = lat;
    return;
  }
  r.lon = p.lon;  // the park point itself lies in its district
  r.lat = p.lat;
}

void Context::placeInDistrict(Row& r, int district) {
  r.park = -1;
  r.district = district;
  const MultiPolygon& mp = districts[district].ll;
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  for (const Polygon& poly : mp)
    for (const Vec2& v : poly.rings[0]) {
      x0 = std::min(x0, v.x), x1 = std::max(x1, v.x), y0 = std::min(y0, v.y), y1 = std::max(y1, v.y);
    }
  const auto& anchors = anchors_[district];
  for (int attempt = 0; attempt < 5000; ++attempt) {
    double lon, lat;
    if (rng.chance(0.6)) {  // clustered around a town, park or the district centre
      const Vec2 a = anchors[static_cast<size_t>(rng.below(static_cast<int>(anchors.size())))];
      const double sigma_km = 2.0 + 4.0 * rng.uniform();
      lon = a.x + rng.normal() * sigma_km / 96.0;
      lat = a.y + rng.normal() * sigma_km / 111.0;
    } else {
      lon = rng.uniform(x0, x1);
      lat = rng.uniform(y0, y1);
    }
    lon = round6(lon);
    lat = round6(lat);
    if (polys_->contains(static_cast<size_t>(district), lon, lat)) {
      r.lon = lon;
      r.lat = lat;
      return;
    }
  }
  const Vec2 a = anchors.back();  // the label point is always inside
  r.lon = round6(a.x);
  r.lat = round6(a.y);
}

void Context::setProgress(Row& r, int32_t as_of) {
  const int32_t age = as_of - r.signed_day;
  r.started_day = Projects::kNoDay;
  if (age > 45 && rng.chance(std::min(0.92, age / 480.0))) {
    const int32_t lag = 30 + rng.below(std::max(1, std::min(age - 30, 330)));
    r.started_day = r.signed_day + std::min(lag, age);
    const int32_t built = as_of - r.started_day;  // days since construction started
    int stage = kStageConstructionStarted;
    if (built > 330 + rng.below(120)) stage = 9;   // completed
    if (built > 420 + rng.below(120)) stage = 10;  // in operation
    if (built > 600 + rng.below(120)) stage = 11;  // full production
    r.stage = stage;
  } else {
    // Signed, not started: registration, land, approval and permits follow over the months.
    r.stage = std::min(kStageConstructionStarted - 1, kStageSigned + age / 60 + rng.below(2));
  }
  setProducing(r, as_of);
}

Rng Context::rowStream(uint64_t salt, uint64_t seq) const {
  auto mix = [](uint64_t z) {  // splitmix64's finaliser: a per-row seed far from its neighbours'
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  return Rng(mix(mix(seed_ ^ salt) ^ seq));
}

void Context::setProducing(Row& r, int32_t as_of) const {
  constexpr int kFullProduction = 11;  // 达产
  r.producing_day = Projects::kNoDay;
  if (r.started_day == Projects::kNoDay || r.stage < kStageInOperation) return;
  Rng life = rowStream(0x6C6966656379636Cull /* "lifecycl" */, r.seq);
  // Start of construction to production, in days: services (fit-out of offices, labs) 6–15
  // months, manufacturing 12–24, large manufacturing (>= 50亿) 18–36.
  const int lo = r.service ? 180 : r.inv >= 50 ? 540 : 365;
  const int hi = r.service ? 450 : r.inv >= 50 ? 1080 : 730;
  int32_t lag = lo + life.below(hi - lo + 1);
  // The stage says production had begun by `as_of` — for full production (达产) a few months
  // before. A draw past that is moved into the last three months it may take.
  const int32_t built = as_of - r.started_day;
  const int32_t latest = built - (r.stage >= kFullProduction ? 90 : 0);
  const int32_t earliest = r.service ? 90 : 180;
  if (lag > latest) lag = std::max(earliest, latest - life.below(91));
  r.producing_day = r.started_day + std::min(lag, latest);
}

// Where a chain sits, roughly: 0 materials and parts, 1 core products, 2 equipment and systems,
// 3 applications and services.
static int chainTier(int chain) {
  static const std::pair<const char*, int> tiers[] = {
      {"semiconductor_materials", 0}, {"advanced_fibres", 0}, {"fine_chemicals", 0}, {"smart_sensors", 0}, {"hydrogen", 0},
      {"integrated_circuits", 1}, {"synthetic_biology", 1}, {"chemical_drugs", 1}, {"photovoltaics", 1}, {"energy_storage", 1},
      {"intelligent_equipment", 2}, {"intelligent_robotics", 2}, {"new_energy_vehicles", 2}, {"aerospace", 2},
      {"medical_devices", 2}, {"smart_grid", 2}, {"network_communication", 2}, {"smart_computing", 2}, {"biologics", 2},
      {"modern_textiles", 2}};
  if (chain < 0 || chain >= static_cast<int>(kChains.size())) return 1;
  for (const auto& [id, t] : tiers)
    if (kChains[chain].id == id) return t;
  return 3;  // visual intelligence, software, Chinese medicine, water beverages, logistics
}

void Context::setRole(Row& r, int leader_chain) const {
  Rng s = rowStream(0x636861696E726F6Cull /* "chainrol" */, r.seq);
  const double u = s.uniform();
  if (r.leader) {
    r.role = ChainRole::Midstream;
    return;
  }
  if (leader_chain >= 0) {
    const int a = chainTier(r.chain), b = chainTier(leader_chain);
    r.role = a < b ? ChainRole::Upstream : a > b ? ChainRole::Downstream
             : u < 0.4 ? ChainRole::Upstream : u < 0.6 ? ChainRole::Midstream : ChainRole::Downstream;
    return;
  }
  if (u < 0.1) {
    r.role = ChainRole::Unknown;
    return;
  }
  const double v = s.uniform();
  switch (chainTier(r.chain)) {
    case 0: r.role = v < 0.8 ? ChainRole::Upstream : ChainRole::Midstream; break;
    case 1: r.role = v < 0.25 ? ChainRole::Upstream : v < 0.85 ? ChainRole::Midstream : ChainRole::Downstream; break;
    case 2: r.role = v < 0.1 ? ChainRole::Upstream : v < 0.7 ? ChainRole::Midstream : ChainRole::Downstream; break;
    default: r.role = v < 0.2 ? ChainRole::Midstream : ChainRole::Downstream; break;
  }
}

std::string projectId(uint64_t n, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "SYN-%0*llu", width, static_cast<unsigned long long>(n));
  return buf;
}

namespace {

struct Syllable {
  const char* zh;
  const char* en;
};
// Invented two-syllable brand names, clearly fictional.
constexpr Syllable kFirst[] = {{"澜", "Lan"}, {"曜", "Yao"}, {"岚", "Lan"}, {"睿", "Rui"}, {"溯", "Su"},
                               {"翎", "Ling"}, {"珩", "Heng"}, {"昕", "Xin"}, {"沅", "Yuan"}, {"霁", "Ji"},
                               {"橙", "Cheng"}, {"拓", "Tuo"}, {"栖", "Qi"}, {"钧", "Jun"}, {"湃", "Pai"},
                               {"璟", "Jing"}, {"朔", "Shuo"}, {"峤", "Qiao"}, {"禾", "He"}, {"芮", "Rui"}};
constexpr Syllable kSecond[] = {{"芯", "xin"}, {"衡", "heng"}, {"启", "qi"}, {"源", "yuan"}, {"拓", "tuo"},
                                {"晟", "sheng"}, {"弈", "yi"}, {"川", "chuan"}, {"辰", "chen"}, {"泽", "ze"},
                                {"屿", "yu"}, {"途", "tu"}, {"衍", "yan"}, {"阑", "lan"}, {"策", "ce"},
                                {"棠", "tang"}, {"砚", "yan"}, {"翊", "yi"}, {"纬", "wei"}, {"骁", "xiao"}};
constexpr Syllable kMakeKinds[] = {{"制造基地", "Manufacturing Base"}, {"生产线", "Production Line"},
                                   {"产业化", "Industrialisation"}, {"智能工厂", "Smart Factory"},
                                   {"扩产", "Capacity Expansion"}};
constexpr Syllable kServiceKinds[] = {{"研发中心", "R&D Centre"}, {"区域总部", "Regional Headquarters"},
                                      {"创新中心", "Innovation Centre"}, {"运营中心", "Operations Centre"}};

const char* ecosystemId(Ecosystem e) { return info(e).id.data(); }

std::string titleCase(std::string_view s) {  // "New-energy vehicles" → "New-Energy Vehicles"
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i)
    if ((i == 0 || out[i - 1] == ' ' || out[i - 1] == '-') && out[i] >= 'a' && out[i] <= 'z') out[i] = static_cast<char>(out[i] - 32);
  return out;
}

}  // namespace

void writeRow(std::string& out, const Row& r, const std::string& id, const std::string& leader_id,
              const std::vector<District>& districts, const std::vector<Park>& parks) {
  const ChainInfo& c = kChains[r.chain];
  const uint64_t k = r.name_key;
  const Syllable& a = kFirst[k % std::size(kFirst)];
  const Syllable& b = kSecond[(k / 20) % std::size(kSecond)];
  const Syllable& kind = r.service ? kServiceKinds[(k / 400) % std::size(kServiceKinds)]
                                   : kMakeKinds[(k / 400) % std::size(kMakeKinds)];
  const std::string name_zh = std::string(a.zh) + b.zh + std::string(c.zh) + kind.zh + "项目";
  const std::string name_en = std::string(a.en) + b.en + " " + titleCase(c.en) + " " + kind.en + " Project";
  const std::string started = r.started_day == Projects::kNoDay ? "" : formatDate(r.started_day);
  const std::string producing = r.producing_day == Projects::kNoDay ? "" : formatDate(r.producing_day);
  char fdi[32] = "0";
  if (r.fdi > 0) std::snprintf(fdi, sizeof fdi, "%.1f", r.fdi);
  static const char* channels[] = {"task_force", "overseas_mission", "soe_invest", "other"};
  char buf[1024];
  std::snprintf(buf, sizeof buf, "%s,%s,%s,%s,%s,%s,%.2f,%s,%s,%s,%s,%d,%s,%.6f,%.6f,%s,%s,%d,%s,%s,1,%s\n", id.c_str(),
                name_zh.c_str(), name_en.c_str(), ecosystemId(c.ecosystem), std::string(c.id).c_str(),
                r.service ? "service" : "manufacturing", r.inv, formatDate(r.signed_day).c_str(), started.c_str(),
                producing.c_str(), std::string(kStages[r.stage].id).c_str(), districts[r.district].adcode,
                r.park >= 0 ? parks[r.park].id.c_str() : "", r.lon, r.lat, r.foreign >= 0 ? kForeign[r.foreign] : "",
                fdi, r.leader ? 1 : 0, leader_id.c_str(), channels[static_cast<int>(r.channel)], chainRoleId(r.role));
  out += buf;
}

// A scale set: dates run in order over 2023-01..2024-12 so a follower never precedes its leader.
static Result<size_t> writeScaleSet(std::FILE* f, Context& ctx, size_t count) {
  const int32_t day0 = daysFromCivil(2023, 1, 1), day1 = daysFromCivil(2025, 1, 1);
  const int32_t as_of = day1 - 1;
  const int width = count >= 1000000 ? 7 : 6;
  std::vector<int64_t> park_leader(ctx.parks.size(), -1);
  std::vector<int> park_leader_chain(ctx.parks.size(), -1);
  const int chun_an = ctx.districtIndex(330127);
  std::string out;
  out.reserve(1 << 22);
  out += kProjectsCsvHeader;
  out += '\n';
  for (size_t i = 0; i < count; ++i) {
    Row r;
    r.seq = i + 1;
    r.signed_day = day0 + static_cast<int32_t>((static_cast<uint64_t>(i) * (day1 - day0)) / count);
    r.service = ctx.rng.chance(0.25);
    const bool water = ctx.rng.chance(0.003);
    r.chain = water ? ctx.chainIndex("water_beverages") : ctx.pickChain(ctx.pickEcosystem(true));
    const double u = ctx.rng.uniform();
    r.inv = u < 0.4 ? ctx.logUniform(0.1, 1) : u < 0.9 ? ctx.logUniform(1, 10) : u < 0.99 ? ctx.logUniform(10, 50) : ctx.logUniform(50, 150);
    if (water && ctx.rng.chance(0.5)) ctx.placeInDistrict(r, chun_an);
    else if (water || ctx.rng.chance(0.75)) ctx.placeInPark(r, ctx.pickPark(r.chain, 0.85));
    else ctx.placeInDistrict(r, ctx.pickDistrict());
    if (ctx.rng.chance(0.05)) {
      r.foreign = ctx.pickForeign();
      r.fdi = std::round(r.inv * ctx.rng.uniform(2.0, 12.0) * 10) / 10;
    }
    const double ch = ctx.rng.uniform();
    r.channel = r.foreign >= 0 && ch < 0.6 ? Channel::OverseasMission
                : ch < 0.5 ? Channel::TaskForce : ch < 0.56 ? Channel::SoeInvest : Channel::Other;
    if (r.park >= 0) {
      if (r.inv >= 20 && !r.service && ctx.rng.chance(0.1)) {
        r.leader = true;
        park_leader[r.park] = static_cast<int64_t>(r.seq);
        park_leader_chain[r.park] = r.chain;
      } else if (park_leader[r.park] >= 0 && ctx.rng.chance(0.08)) {
        r.leader_seq = park_leader[r.park];
      }
    }
    ctx.setRole(r, r.leader_seq >= 0 ? park_leader_chain[r.park] : -1);
    ctx.setProgress(r, as_of);
    r.name_key = ctx.rng.next();
    writeRow(out, r, projectId(r.seq, width), r.leader_seq >= 0 ? projectId(static_cast<uint64_t>(r.leader_seq), width) : "",
             ctx.districts, ctx.parks);
    if (out.size() > (1u << 22) - 4096) {
      if (std::fwrite(out.data(), 1, out.size(), f) != out.size()) return Result<size_t>::fail("write failed");
      out.clear();
    }
  }
  if (std::fwrite(out.data(), 1, out.size(), f) != out.size()) return Result<size_t>::fail("write failed");
  return count;
}

}  // namespace gen

Result<size_t> generateProjects(const std::string& out_path, const GeneratorOptions& opt,
                                const std::vector<District>& districts, const std::vector<Park>& parks) {
  using R = Result<size_t>;
  for (const char* id : {"la_qingshanhu", "ca_edz_qiandaohu", "xs_airport_zone", "yh_etdz_linping", "xs_etdz",
                         "jd_edz", "hz_dajiangdong", "fy_etdz", "tl_edz", "hz_qiantang_newarea", "hz_etdz_xiasha"})
    if (std::none_of(parks.begin(), parks.end(), [&](const Park& p) { return p.id == id; }))
      return R::fail(fileError(out_path, std::string("the parks list lacks park '") + id + "' that the generator needs"));
  for (int ad : {330112, 330127})
    if (std::none_of(districts.begin(), districts.end(), [&](const District& d) { return d.adcode == ad; }))
      return R::fail(fileError(out_path, "the districts lack adcode " + std::to_string(ad)));
  gen::Context ctx(districts, parks, opt.seed);
  // Written whole or not at all: a generator stopped halfway leaves the previous file.
  Result<size_t> made = R::fail(fileError(out_path, "write failed"));
  auto written = writeStdioAtomically(out_path, [&](std::FILE* f) {
    if (opt.count > 0) {
      made = gen::writeScaleSet(f, ctx, opt.count);
      if (!made) made = R::fail(fileError(out_path, made.error()));
      return static_cast<bool>(made);
    }
    std::vector<gen::Row> rows = gen::calibratedSample(ctx);
    {  // roles last: every leader is known by now
      std::map<uint64_t, int> chain_of;
      for (const gen::Row& r : rows) chain_of[r.seq] = r.chain;
      for (gen::Row& r : rows) ctx.setRole(r, r.leader_seq >= 0 ? chain_of[static_cast<uint64_t>(r.leader_seq)] : -1);
    }
    std::sort(rows.begin(), rows.end(), [](const gen::Row& a, const gen::Row& b) {
      return a.signed_day != b.signed_day ? a.signed_day < b.signed_day : a.seq < b.seq;
    });
    std::map<uint64_t, std::string> ids;
    for (size_t i = 0; i < rows.size(); ++i) ids[rows[i].seq] = gen::projectId(i + 1, 5);
    std::string out = std::string(kProjectsCsvHeader) + "\n";
    for (const gen::Row& r : rows)
      gen::writeRow(out, r, ids[r.seq], r.leader_seq >= 0 ? ids[static_cast<uint64_t>(r.leader_seq)] : "", districts, parks);
    if (std::fwrite(out.data(), 1, out.size(), f) != out.size()) return false;
    made = rows.size();
    return true;
  });
  if (!written) return made ? R::fail(written.error()) : made;
  return made;
}

}  // namespace cm
