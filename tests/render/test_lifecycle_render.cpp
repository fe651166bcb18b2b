// Life-cycle drawing (--lifecycle): at the end of the time window's last month each project is drawn
// by its stage — signed: a ring (the ecosystem's colour around a white centre), under construction:
// the lower half filled, producing: a full disc. A fixture written here puts 40 projects on a wide
// grid (no two sprites touch) with signing, start and production dates chosen so that every stage,
// the rules' edge cases (a production date without a start, start and production on one day, a
// start on the last day of the window's month and on the first day of the next) and projects not
// yet signed occur. (Dates out of order are left out: the load report they cause is drawn over the
// map even in --layout map.) The real binary draws the grid at three times; each sprite is classified from pixels at
// its centre, above and below the centre and inside its rim, where the test's own view (the same
// --extent fit) puts it. The classes must be the stages lifeStageAt() gives, and the per-stage
// counts what lifeStageCounts() — the legend's numbers — says. Tiny projects show the life-cycle
// minimum radius (4.5 px at UI scale 1).
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>

#include "core/dates.h"
#include "core/lifecycle.h"
#include "core/symbology.h"
#include "core/view.h"
#include "geo/projection.h"
#include "pixel_regions.h"
#include "render_probe.h"
#include "sample_model.h"
#include "test_paths.h"

using namespace cm;
using namespace cm::test;

namespace {

using cm::test::usual_shot::W;
using cm::test::usual_shot::H;
constexpr double kMinLon = 119.57, kMinLat = 29.74, kMaxLon = 120.03, kMaxLat = 30.07;
const char* kEcos[] = {"iot", "bio", "equip", "mat", "energy"};
const char* kChainOf[] = {"integrated_circuits", "biologics", "intelligent_robotics", "semiconductor_materials", "photovoltaics"};

std::string date(int month_index, int day) {
  char b[48];  // room for any int (GCC checks the worst case)
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", month_index / 12, month_index % 12 + 1, day);
  return b;
}
std::string fmt(double v, int decimals) {
  char b[32];
  std::snprintf(b, sizeof b, "%.*f", decimals, v);
  return b;
}
int lastDay(int month_index) {
  return lastDayOfMonth(month_index) - daysFromCivil(month_index / 12, month_index % 12 + 1, 1) + 1;
}

struct FixtureRow {
  std::string id;
  double lon, lat, invest;
  int eco;
  std::string signed_date, started, producing;
};

// 40 projects on an 8 × 5 grid (≈ 105 × 120 px apart at 1200x800; radii 8.5–14 px), signed from
// 2023-01 to 2024-12, plus three tiny producing ones (0.05 亿: the radius rule gives < 1 px).
std::vector<FixtureRow> fixtureRows() {
  std::vector<FixtureRow> rows;
  const int jan2023 = 2023 * 12;
  for (int i = 0; i < 40; ++i) {
    FixtureRow r;
    r.id = "L" + std::to_string(i + 1);
    r.lon = 119.60 + 0.05 * (i % 8);
    r.lat = 29.83 + 0.05 * (i / 8);
    r.invest = 20 + 12 * (i % 4);
    r.eco = i % 5;
    const int sm = jan2023 + (i * 5) % 24;  // every month of 2023–2024 at least once
    r.signed_date = date(sm, 1 + i % 27);
    switch (i % 8) {
      case 0: break;  // never started
      case 1: r.started = date(sm + 3, 10); break;
      case 2: r.started = date(sm + 2, 5), r.producing = date(sm + 8, 20); break;
      case 3: r.producing = date(sm + 5, 15); break;  // no start date: started at production
      case 4: r.started = r.producing = date(sm + 4, 1); break;  // straight into production
      case 5: r.started = date(sm + 6, lastDay(sm + 6)); break;  // the last day of a month
      case 6: r.started = date(sm + 7, 1), r.producing = date(sm + 12, lastDay(sm + 12)); break;
      case 7: r.started = r.signed_date, r.producing = date(sm + 1, 1); break;
    }
    rows.push_back(r);
  }
  for (int k = 0; k < 3; ++k)
    rows.push_back({"T" + std::to_string(k + 1), 119.65 + 0.15 * k, 29.78, 0.05, k, date(jan2023, 5), date(jan2023 + 1, 1), date(jan2023 + 2, 1)});
  return rows;
}

std::string writeFixture() {
  const std::string path = ::testing::TempDir() + "chainmap_lifecycle_" + std::to_string(::getpid()) + ".csv";
  std::ofstream out(path, std::ios::binary);
  out << "id,name_zh,name_en,ecosystem,chain,sector,investment_yi,signed_date,started_date,producing_date,lon,lat,synthetic\n";
  for (const FixtureRow& r : fixtureRows())
    out << r.id << ",生命周期测试" << r.id << ",Life-cycle test " << r.id << "," << kEcos[r.eco] << "," << kChainOf[r.eco]
        << ",manufacturing," << r.invest << "," << r.signed_date << "," << r.started << "," << r.producing << ","
        << fmt(r.lon, 4) << "," << fmt(r.lat, 4) << ",1\n";
  return path;
}

// What a sprite looks like on the picture.
enum class Seen { Nothing, Ring, Half, Full, Unclear };
const char* name(Seen s) {
  switch (s) {
    case Seen::Nothing: return "nothing";
    case Seen::Ring: return "ring (signed)";
    case Seen::Half: return "half (under construction)";
    case Seen::Full: return "full (producing)";
    default: return "unclear";
  }
}
Seen expected(LifeStage s) {
  switch (s) {
    case LifeStage::Signed: return Seen::Ring;
    case LifeStage::UnderConstruction: return Seen::Half;
    case LifeStage::Producing: return Seen::Full;
    default: return Seen::Nothing;
  }
}

int dist(const unsigned char* p, const int c[3]) { return std::abs(p[0] - c[0]) + std::abs(p[1] - c[1]) + std::abs(p[2] - c[2]); }

struct Probe {
  const Pixels& img;
  int bg[3];
  const unsigned char* px(double x, double y) const {
    const int ix = std::clamp(static_cast<int>(std::floor(x)), 0, img.w - 1), iy = std::clamp(static_cast<int>(std::floor(y)), 0, img.h - 1);
    return img.at(ix, iy);
  }
  static bool white(const unsigned char* p) { return std::min({p[0], p[1], p[2]}) >= 240; }
  bool background(const unsigned char* p) const { return dist(p, bg) <= 12; }
  // The ecosystem's colour as drawn: 92 % opaque over the background (or up to 30 % darker at the rim's outline).
  bool colour(const unsigned char* p, uint32_t rgb) const {
    const int c[3] = {static_cast<int>(rgb >> 16 & 255), static_cast<int>(rgb >> 8 & 255), static_cast<int>(rgb & 255)};
    for (double k : {1.0, 0.85, 0.7}) {
      int want[3];
      for (int i = 0; i < 3; ++i) want[i] = static_cast<int>(std::lround(0.92 * c[i] * k + 0.08 * bg[i]));
      if (dist(p, want) <= 60) return true;
    }
    return false;
  }
  Seen classify(Vec2 s, double r, uint32_t rgb, std::string& why) const {
    const unsigned char* C = px(s.x, s.y);
    const unsigned char* U = px(s.x, s.y - 0.5 * r);  // above the centre (screen y grows downwards)
    const unsigned char* D = px(s.x, s.y + 0.5 * r);  // below it
    const unsigned char* R = px(s.x + r - 1.6, s.y);  // inside the rim
    auto rgbOf = [](const unsigned char* p) {
      return "(" + std::to_string(p[0]) + "," + std::to_string(p[1]) + "," + std::to_string(p[2]) + ")";
    };
    why = "centre " + rgbOf(C) + " above " + rgbOf(U) + " below " + rgbOf(D) + " rim " + rgbOf(R);
    if (background(C) && background(D) && background(R)) return Seen::Nothing;
    if (colour(C, rgb) && colour(U, rgb) && colour(D, rgb)) return Seen::Full;
    if (white(U) && colour(D, rgb)) return Seen::Half;
    if (white(C) && white(U) && white(D) && colour(R, rgb)) return Seen::Ring;
    return Seen::Unclear;
  }
};

}  // namespace

TEST(LifecycleRender, SpritesShowTheStageAtTheWindowsEndAndAgreeWithTheCounts) {
  const std::string csv = writeFixture();
  Model m;
  ASSERT_TRUE(loadModel(m, csv));
  const auto rows = fixtureRows();
  ASSERT_EQ(m.projects.size(), rows.size());
  // The view --extent gives: the box's projected corners fitted into the whole image.
  auto tr = Transform::create(kWgs84, m.display_crs);
  ASSERT_TRUE(tr) << tr.error();
  Extent box;
  for (auto [x, y] : {std::pair{kMinLon, kMinLat}, {kMaxLon, kMinLat}, {kMinLon, kMaxLat}, {kMaxLon, kMaxLat}}) {
    tr->apply(x, y);
    box.add({x, y});
  }
  View view;
  view.width = W;
  view.height = H;
  view.fit(box);
  PointStyle style;  // UI scale 1 at 1200x800; life-cycle drawing raises the minimum radius to 4.5 px
  style.radius_min = std::max(style.radius_min, 4.5f);
  char extent[96];
  std::snprintf(extent, sizeof extent, "%.2f,%.2f,%.2f,%.2f", kMinLon, kMinLat, kMaxLon, kMaxLat);

  const int from = *parseMonth("2023-01");
  std::map<Seen, int> seen_over_all;
  for (const char* to_s : {"2023-12", "2024-06", "2024-12"}) {
    const int to = *parseMonth(to_s);
    const std::string window = std::string("2023-01..") + to_s;
    Filter f;
    f.month_from = from;
    f.month_to = to;
    const int32_t day = lastDayOfMonth(to);
    const LifeStageCounts want = lifeStageCounts(m, f, day);

    const Image img = renderShot(std::string("lifecycle_") + to_s,
                                 "--projects " + csv + " --layers projects --lifecycle --aggregate off --layout map --extent " + extent +
                                     " --time " + window + " --size " + std::to_string(W) + "x" + std::to_string(H));
    ASSERT_EQ(img.w, W);
    ASSERT_EQ(img.h, H);
    const Pixels px{img.w, img.h, img.rgba.data()};
    Probe probe{px, {px.at(3, 3)[0], px.at(3, 3)[1], px.at(3, 3)[2]}};

    std::map<Seen, int> count;
    for (size_t i = 0; i < m.projects.size(); ++i) {
      const Vec2 s = view.toScreen({m.projects.x[i], m.projects.y[i]});
      ASSERT_TRUE(s.x > 20 && s.y > 20 && s.x < W - 20 && s.y < H - 20) << m.projects.id[i] << " off the picture";
      const double r = pointRadiusPx(style, m.projects.investment_yi[i]);
      std::string why;
      const Seen got = probe.classify(s, r, info(m.projects.ecosystem[i]).rgb, why);
      const Seen want_i = passes(m.projects, i, f) ? expected(lifeStageAt(m.projects, i, day)) : Seen::Nothing;
      ++count[got];
      ++seen_over_all[got];
      EXPECT_EQ(name(got), std::string(name(want_i)))
          << window << ": " << m.projects.id[i] << " signed " << formatDate(m.projects.signed_day[i]) << ", started "
          << (m.projects.started_day[i] == Projects::kNoDay ? "-" : formatDate(m.projects.started_day[i])) << ", producing "
          << (m.projects.producing_day[i] == Projects::kNoDay ? "-" : formatDate(m.projects.producing_day[i])) << " at ("
          << s.x << "," << s.y << ") r " << r << ": " << why;
      // The life-cycle minimum radius: a tiny producing project is a disc 4.5 px in radius, not 2.5.
      if (m.projects.investment_yi[i] < 0.1 && got == Seen::Full) {
        int left = 0, right = 0;
        while (left < 12 && !probe.background(probe.px(s.x - left - 1, s.y))) ++left;
        while (right < 12 && !probe.background(probe.px(s.x + right + 1, s.y))) ++right;
        EXPECT_GE(left + right + 1, 8) << window << ": " << m.projects.id[i] << " is narrower than a 4.5 px radius";
        EXPECT_LE(left + right + 1, 11) << window << ": " << m.projects.id[i];
      }
    }
    std::printf("[ %s ] counted on the picture: %d rings, %d halves, %d full (%d not drawn, %d unclear); lifeStageCounts: %lld / %lld / %lld\n",
                window.c_str(), count[Seen::Ring], count[Seen::Half], count[Seen::Full], count[Seen::Nothing], count[Seen::Unclear],
                static_cast<long long>(want.signed_only), static_cast<long long>(want.under_construction),
                static_cast<long long>(want.producing));
    EXPECT_EQ(count[Seen::Ring], want.signed_only) << window;
    EXPECT_EQ(count[Seen::Half], want.under_construction) << window;
    EXPECT_EQ(count[Seen::Full], want.producing) << window;
    EXPECT_EQ(count[Seen::Unclear], 0) << window;

    // The statistics the binary prints for the same flags count the same projects.
    const std::string stats = ::testing::TempDir() + "chainmap_lifecycle_stats.json";
    const std::string cmd = std::string(CHAINMAP_EXE) + " --data " CHAINMAP_TEST_DATA " --projects " + csv + " --stats --time " + window +
                            " >" + stats + " 2>/dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::ifstream in(stats);
    const auto j = nlohmann::json::parse(in, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << cmd;
    EXPECT_EQ(j.value("count", -1), want.total()) << window;
  }
  // The fixture means something: every stage was on the picture at some time, and some projects
  // were not yet signed.
  EXPECT_GE(seen_over_all[Seen::Ring], 5);
  EXPECT_GE(seen_over_all[Seen::Half], 5);
  EXPECT_GE(seen_over_all[Seen::Full], 5);
  EXPECT_GE(seen_over_all[Seen::Nothing], 5);
}
