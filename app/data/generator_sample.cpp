// The calibrated sample: every figure of the report (shared/seed/FACTS.md) is built in by hand,
// the rest is drawn at random around it, in buckets that cannot disturb those figures.
//
// C = manufacturing projects signed 2024-01..2024-07 with investment >= 1亿 (the report's
// "landed" projects). Built in:
//   |C| = 220; 38 >= 10亿 (36 in the five ecosystems); 5 >= 50亿; 186 in parks; 11 SOE
//   invest-to-attract; FDI 2,950 M USD (plus 1,840 M from service projects = 4,790 M).
//   Lin'an EDZ (la_qingshanhu) July 2024: one signing day, 10 projects, 160亿, two of 50亿,
//   five >= 10亿 and no other project there that month.
//   Lin'an's 2023 chain leader (120亿) with 12 followers, one of them a 50亿 project of that batch.
//   22 water-beverage projects, all in Chun'an; 2023 has three projects >= 50亿.
#include <algorithm>

#include "core/dates.h"
#include "data/generator_detail.h"

namespace cm::gen {
namespace {

class SampleBuilder {
 public:
  explicit SampleBuilder(Context& c) : ctx(c) {
    la = ctx.parkIndex("la_qingshanhu");
    ca = ctx.parkIndex("ca_edz_qiandaohu");
    linan = ctx.districtIndex(330112);
    chunan = ctx.districtIndex(330127);
  }

  Context& ctx;
  std::vector<Row> rows;
  int la, ca, linan, chunan;
  static constexpr int kJan23 = 2023 * 12, kDec23 = 2023 * 12 + 11, kJan24 = 2024 * 12, kJun24 = 2024 * 12 + 5,
                       kJul24 = 2024 * 12 + 6, kAug24 = 2024 * 12 + 7, kDec24 = 2024 * 12 + 11;

  Row make(const char* chain, bool service, double inv, int32_t day) {
    Row r;
    r.chain = ctx.chainIndex(chain);
    r.service = service;
    r.inv = inv;
    r.signed_day = day;
    return r;
  }
  Row makeRandom(bool allow_other, bool service, double inv, int month_from, int month_to) {
    Row r;
    r.chain = ctx.pickChain(ctx.pickEcosystem(allow_other));
    r.service = service;
    r.inv = inv;
    r.signed_day = ctx.pickDay(month_from, month_to);
    return r;
  }
  void place(Row& r, bool in_park) {
    if (in_park) ctx.placeInPark(r, ctx.pickPark(r.chain, 0.85));
    else ctx.placeInDistrict(r, ctx.pickDistrict());
  }
  void setChannel(Row& r, double soe_share) {
    const double u = ctx.rng.uniform();
    if (r.foreign >= 0) r.channel = u < 0.6 ? Channel::OverseasMission : Channel::TaskForce;
    else r.channel = u < soe_share ? Channel::SoeInvest : u < 0.55 ? Channel::TaskForce : Channel::Other;
  }
  // Finishes and stores a row; returns its index. Only the July signing ceremony may use Lin'an EDZ
  // in July 2024: anything else drawn there moves to June.
  size_t add(Row r, bool linan_batch = false) {
    if (!linan_batch && r.park == la && monthOfDay(r.signed_day) == kJul24) r.signed_day -= 31;
    r.seq = rows.size() + 1;
    ctx.setProgress(r, daysFromCivil(2024, 12, 31));
    r.name_key = ctx.rng.next();
    rows.push_back(r);
    return rows.size() - 1;
  }
  double small() { return ctx.logUniform(1, 10); }
  double mid() { return ctx.logUniform(10, 50); }
  double tiny() { return ctx.logUniform(0.1, 1); }

  void linanFamily();
  void restOfC();
  void waterBeverages();
  std::vector<size_t> background(int month_from, int month_to, int make_big, int service_big, int tiny_n, bool in_window);
  void serviceFdi(std::vector<size_t> rows_in_window);
  void otherLeaders();
};

void SampleBuilder::linanFamily() {
  Row leader = make("integrated_circuits", false, 120.0, daysFromCivil(2023, 5, 18));
  leader.leader = true;
  leader.channel = Channel::TaskForce;
  ctx.placeInPark(leader, la);
  const int64_t lseq = static_cast<int64_t>(rows[add(leader)].seq);
  struct F {
    const char* chain;
    double inv;
    int y, m, d;
    bool park;
  };
  // Eleven followers before the July 2024 ceremony (five of them in C) ...
  const F followers[] = {{"semiconductor_materials", 6.5, 2023, 7, 11, true}, {"integrated_circuits", 3.2, 2023, 8, 22, false},
                         {"smart_sensors", 8.8, 2023, 9, 5, true},             {"integrated_circuits", 15.0, 2023, 10, 17, true},
                         {"fine_chemicals", 2.4, 2023, 11, 28, true},          {"intelligent_equipment", 4.6, 2023, 12, 12, false},
                         {"semiconductor_materials", 3.5, 2024, 2, 26, true},  {"integrated_circuits", 20.0, 2024, 3, 14, true},
                         {"smart_sensors", 6.0, 2024, 4, 9, false},            {"integrated_circuits", 12.0, 2024, 5, 21, true},
                         {"network_communication", 8.0, 2024, 6, 18, true}};
  for (const F& f : followers) {
    Row r = make(f.chain, false, f.inv, daysFromCivil(f.y, f.m, f.d));
    r.leader_seq = lseq;
    r.channel = Channel::TaskForce;
    if (f.park) ctx.placeInPark(r, la);
    else ctx.placeInDistrict(r, linan);
    add(r);
  }
  // ... and the ceremony: ten projects on one day, 160亿; the first 50亿 one is the twelfth follower.
  const int32_t ceremony = daysFromCivil(2024, 7, 16);
  const std::pair<const char*, double> batch[] = {
      {"integrated_circuits", 50.0}, {"semiconductor_materials", 50.0}, {"smart_computing", 18.0},
      {"intelligent_equipment", 15.0}, {"visual_intelligence", 12.0}, {"integrated_circuits", 3.0},
      {"smart_sensors", 4.0}, {"fine_chemicals", 2.5}, {"aerospace", 2.5}, {"network_communication", 3.0}};
  for (size_t i = 0; i < std::size(batch); ++i) {
    Row r = make(batch[i].first, false, batch[i].second, ceremony);
    if (i == 0) r.leader_seq = lseq;
    r.channel = i % 3 == 2 ? Channel::Other : Channel::TaskForce;
    ctx.placeInPark(r, la);
    add(r, true);
  }
}

void SampleBuilder::restOfC() {
  // C so far: 15 (Lin'an: 10 of the ceremony + 5 followers; 7 >= 10亿; 14 in parks).
  std::vector<size_t> fdi_carriers;
  const std::pair<const char*, double> big[] = {{"new_energy_vehicles", 110.0}, {"synthetic_biology", 60.0}, {"energy_storage", 75.0}};
  const char* big_park[] = {"hz_dajiangdong", "hz_etdz_xiasha", "jd_edz"};
  const int32_t big_day[] = {daysFromCivil(2024, 4, 23), daysFromCivil(2024, 3, 8), daysFromCivil(2024, 6, 27)};
  for (int i = 0; i < 3; ++i) {
    Row r = make(big[i].first, false, big[i].second, big_day[i]);
    ctx.placeInPark(r, ctx.parkIndex(big_park[i]));
    r.channel = Channel::TaskForce;
    const size_t k = add(r);
    if (i < 2) fdi_carriers.push_back(k);
  }
  // Two of the 38 >= 10亿 outside the five ecosystems.
  {
    Row r = make("water_beverages", false, 12.0, daysFromCivil(2024, 5, 15));
    ctx.placeInPark(r, ca);
    setChannel(r, 0);
    add(r);
    Row t = make("modern_textiles", false, 15.0, daysFromCivil(2024, 4, 2));
    ctx.placeInPark(t, ctx.parkIndex("yh_etdz_linping"));
    setChannel(t, 0);
    add(t);
  }
  // Three small water-beverage projects (two in the Chun'an zone, one elsewhere in the county).
  for (int i = 0; i < 3; ++i) {
    Row r = make("water_beverages", false, small(), ctx.pickDay(kJan24, kJul24));
    if (i < 2) ctx.placeInPark(r, ca);
    else ctx.placeInDistrict(r, chunan);
    setChannel(r, 0);
    add(r);
  }
  // 197 drawn at random: 26 of 10–50亿 in the five ecosystems and 171 of 1–10亿; 165 in parks.
  std::vector<char> in_park(197, 0);
  std::fill(in_park.begin(), in_park.begin() + 165, 1);
  ctx.rng.shuffle(in_park);
  std::vector<size_t> mids, generic;
  for (int i = 0; i < 197; ++i) {
    const bool is_mid = i < 26;
    Row r = makeRandom(!is_mid, false, is_mid ? mid() : small(), kJan24, kJul24);
    place(r, in_park[i]);
    r.channel = ctx.rng.chance(0.55) ? Channel::TaskForce : Channel::Other;
    const size_t k = add(r);
    generic.push_back(k);
    if (is_mid) mids.push_back(k);
  }
  // FDI: twelve of the eighteen largest drawn projects plus two of the big three carry 2,950 M USD.
  std::sort(mids.begin(), mids.end(), [&](size_t a, size_t b) { return rows[a].inv != rows[b].inv ? rows[a].inv > rows[b].inv : a < b; });
  mids.resize(18);
  ctx.rng.shuffle(mids);
  fdi_carriers.insert(fdi_carriers.end(), mids.begin(), mids.begin() + 12);
  std::sort(fdi_carriers.begin(), fdi_carriers.end(), [&](size_t a, size_t b) { return rows[a].inv != rows[b].inv ? rows[a].inv > rows[b].inv : a < b; });
  const double fdi[] = {520, 410, 350, 300, 260, 220, 180, 160, 140, 120, 100, 90, 60, 40};  // sum 2,950
  for (size_t i = 0; i < fdi_carriers.size(); ++i) {
    Row& r = rows[fdi_carriers[i]];
    r.fdi = fdi[i];
    r.foreign = i == 0 ? 3 /* France */ : ctx.pickForeign();
    setChannel(r, 0);
  }
  // SOE invest-to-attract: exactly eleven of the drawn domestic projects.
  std::vector<size_t> domestic;
  for (size_t k : generic)
    if (rows[k].foreign < 0) domestic.push_back(k);
  ctx.rng.shuffle(domestic);
  for (int i = 0; i < 11; ++i) rows[domestic[i]].channel = Channel::SoeInvest;
}

void SampleBuilder::waterBeverages() {
  // 18 more, so that Chun'an has 22 in all (4 are in C): {service, size, from, to, in the zone}.
  struct W {
    bool service;
    int size;  // 0 tiny (< 1亿), 1 small, 2 mid
    int from, to;
    bool park;
  };
  const W w[] = {{false, 1, kJan23, kDec23, true},  {false, 1, kJan23, kDec23, true},  {false, 2, kJan23, kDec23, true},
                 {false, 1, kJan23, kDec23, false}, {false, 1, kJan23, kDec23, false}, {false, 1, kJan23, kDec23, false},
                 {false, 0, kJan23, kDec23, true},  {false, 0, kJan23, kDec23, true},  {true, 1, kJan23, kDec23, true},
                 {true, 1, kJan23, kDec23, false},  {false, 1, kAug24, kDec24, true},  {false, 1, kAug24, kDec24, true},
                 {false, 1, kAug24, kDec24, false}, {false, 0, kAug24, kDec24, false}, {false, 0, kJan24, kJul24, true},
                 {false, 0, kJan24, kJul24, false}, {true, 1, kJan24, kJul24, true},   {true, 1, kJan24, kJul24, false}};
  for (const W& x : w) {
    Row r = make("water_beverages", x.service, x.size == 0 ? tiny() : x.size == 1 ? small() : mid(), ctx.pickDay(x.from, x.to));
    if (x.park) ctx.placeInPark(r, ca);
    else ctx.placeInDistrict(r, chunan);
    setChannel(r, 0.04);
    add(r);
  }
}

// Projects outside C: manufacturing >= 1亿 only outside the window; service; and < 1亿.
std::vector<size_t> SampleBuilder::background(int from, int to, int make_big, int service_big, int tiny_n, bool in_window) {
  std::vector<size_t> added;
  const double foreign_p = in_window ? 0.0 : 0.05;  // in the window FDI is fixed by hand
  for (int i = 0; i < make_big + service_big + tiny_n; ++i) {
    const bool tiny_row = i >= make_big + service_big;
    const bool service = i >= make_big && (!tiny_row || ctx.rng.chance(0.3));
    const double inv = tiny_row ? tiny() : ctx.rng.chance(service ? 0.08 : 0.14) ? mid() : small();
    Row r = makeRandom(true, service, inv, from, to);
    place(r, ctx.rng.chance(service ? 0.55 : 0.78));
    if (ctx.rng.chance(foreign_p)) {
      r.foreign = ctx.pickForeign();
      r.fdi = std::round(r.inv * ctx.rng.uniform(2.0, 12.0) * 10) / 10;
    }
    // No SOE projects among small manufacturing in the window: the report's 11 are all >= 1亿.
    setChannel(r, in_window && !service ? 0.0 : 0.04);
    added.push_back(add(r));
  }
  return added;
}

// Service FDI in the window: 1,840 M USD on its nine largest projects (4,790 M in all with C's 2,950).
void SampleBuilder::serviceFdi(std::vector<size_t> ks) {
  std::sort(ks.begin(), ks.end(), [&](size_t a, size_t b) { return rows[a].inv != rows[b].inv ? rows[a].inv > rows[b].inv : a < b; });
  const double fdi[] = {400, 330, 280, 220, 180, 150, 120, 100, 60};
  for (size_t i = 0; i < std::size(fdi); ++i) {
    Row& r = rows[ks[i]];
    r.fdi = fdi[i];
    r.foreign = ctx.pickForeign();
    setChannel(r, 0);
  }
}

void SampleBuilder::otherLeaders() {
  // Three more chain leaders (2023) whose followers are later projects of the same ecosystem nearby.
  struct Leader {
    const char* chain;
    double inv;
    int m, d;
    const char* park;
  };
  const Leader leaders[] = {{"new_energy_vehicles", 45.0, 3, 20, "hz_dajiangdong"},
                       {"photovoltaics", 55.0, 9, 6, "jd_edz"},
                       {"biologics", 68.0, 11, 14, "hz_etdz_xiasha"}};
  for (const Leader& l : leaders) {
    Row r = make(l.chain, false, l.inv, daysFromCivil(2023, l.m, l.d));
    r.leader = true;
    r.channel = Channel::TaskForce;
    ctx.placeInPark(r, ctx.parkIndex(l.park));
    const Row& lr = rows[add(r)];
    std::vector<size_t> cand;
    for (size_t k = 0; k < rows.size(); ++k) {
      const Row& x = rows[k];
      if (x.seq != lr.seq && !x.leader && x.leader_seq < 0 && !x.service && x.district == lr.district &&
          x.eco() == lr.eco() && x.signed_day > lr.signed_day)
        cand.push_back(k);
    }
    ctx.rng.shuffle(cand);
    const int64_t lseq = static_cast<int64_t>(lr.seq);
    for (size_t i = 0; i < cand.size() && i < 6; ++i) rows[cand[i]].leader_seq = lseq;
  }
}

}  // namespace

std::vector<Row> calibratedSample(Context& ctx) {
  SampleBuilder b(ctx);
  b.linanFamily();
  b.restOfC();
  b.waterBeverages();
  b.background(SampleBuilder::kJan23, SampleBuilder::kDec23, 330, 150, 250, false);
  b.background(SampleBuilder::kAug24, SampleBuilder::kDec24, 140, 70, 120, false);
  b.serviceFdi(b.background(SampleBuilder::kJan24, SampleBuilder::kJul24, 0, 98, 0, true));  // service
  b.background(SampleBuilder::kJan24, SampleBuilder::kJul24, 0, 0, 158, true);  // < 1亿
  b.otherLeaders();
  return std::move(b.rows);
}

}  // namespace cm::gen
