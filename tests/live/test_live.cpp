// The real window, driven as a user drives it: pointer moves, clicks, drags, keys and a resize
// sent by xdotool to the chainmap window under X; what it shows is read back from its idle
// captures (picture + state) and, for the resize, from X itself (xwd).
#include "live_app.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/dates.h"
#include "core/view.h"
#include "data/gdal/vector_layers.h"
#include "geo/geos_ops.h"
#include "geo/projection.h"
#include "ui/layout.h"
#include "test_paths.h"

using namespace cm;
using namespace cm::test;

namespace {

using cm::test::usual_shot::W;
using cm::test::usual_shot::H;
using cm::test::kFixture;

View viewOf(const nlohmann::json& s) {
  View v;
  v.width = s["size"][0];
  v.height = s["size"][1];
  v.center = {s["view"]["center"][0], s["view"]["center"][1]};
  v.units_per_px = s["view"]["units_per_px"];
  return v;
}

Vec2 screenOf(const nlohmann::json& s, double lon, double lat) {
  auto t = Transform::create(kWgs84, kDefaultDisplayCrs);
  t->apply(lon, lat);
  return viewOf(s).toScreen({lon, lat});
}

int whitePixels(const Image& img, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(img.h, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(img.w, x1); ++x) {
      const Image::Px p = img.at(x, y);
      n += p.r > 250 && p.g > 250 && p.b > 250;
    }
  return n;
}

// Centres (y) of the runs of rows in [x0, x1) that hold the small "only" buttons' light blue.
std::vector<int> onlyButtonRows(const Image& img, int x0, int x1, int y0, int y1) {
  std::vector<int> rows;
  int run_start = -1;
  for (int y = y0; y <= y1; ++y) {
    bool hit = false;
    for (int x = x0; x < x1 && !hit && y < y1; ++x) {
      const Image::Px p = img.at(x, y);
      hit = std::abs(p.r - 180) < 14 && std::abs(p.g - 213) < 14 && p.b > 240;
    }
    if (hit && run_start < 0) run_start = y;
    if (!hit && run_start >= 0) {
      if (y - run_start >= 8) rows.push_back((run_start + y) / 2);
      run_start = -1;
    }
  }
  return rows;
}

// The sidebar's dropdowns, top to bottom (chain, district): the centre rows of their arrow buttons.
std::vector<int> sidebarCombos(const Image& img) {
  std::vector<int> rows;
  int start = -1;
  for (int y = 60; y < img.h; ++y) {
    bool hit = false;  // the arrow sits at the combo's right end (left of a scrollbar when there is one)
    for (int x = 272; x < 318 && !hit; ++x) {
      const Image::Px p = img.at(x, y);
      hit = std::abs(p.r - 178) < 10 && std::abs(p.g - 212) < 10 && p.b > 240;
    }
    if (hit && start < 0) start = y;
    if (!hit && start >= 0) {
      // A combo box is a full-width field (ImGui's frame background) with the arrow at its end;
      // a small button of the same blue in that column is not one.
      const int mid = (start + y) / 2;
      const Image::Px field = img.at(255, mid);  // right of its text, left of its arrow
      const bool frame = std::abs(field.r - 237) < 6 && std::abs(field.g - 240) < 6 && std::abs(field.b - 245) < 6;
      if (y - start >= 10 && frame) rows.push_back(mid);
      start = -1;
    }
  }
  return rows;
}

// The middle of the "only" button on row y.
int onlyButtonX(const Image& img, int y) {
  int lo = -1, hi = -1;
  for (int x = 240; x < 330; ++x) {
    const Image::Px p = img.at(x, y);
    if (std::abs(p.r - 180) < 14 && std::abs(p.g - 213) < 14 && p.b > 240) {
      if (lo < 0) lo = x;
      hi = x;
    }
  }
  return lo < 0 ? 300 : (lo + hi) / 2;
}

std::vector<int> fixtureDistricts() {  // the fixture's district adcodes, row by row
  std::ifstream in(kFixture);
  std::string line;
  std::getline(in, line);
  std::vector<int> out;
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    std::string cell;
    for (int c = 0; c <= 10 && std::getline(ss, cell, ','); ++c)
      if (c == 10) out.push_back(std::stoi(cell));
  }
  return out;
}

}  // namespace

TEST(LiveWindow, HoverShowsTheTooltipAndAClickPinsTheCard) {
  LiveApp app("pin", "--projects " + kFixture + " --layers districts,projects,parks", W, H);
  ASSERT_TRUE(app.ok()) << app.log();
  const Vec2 p = screenOf(app.first().state, 119.52, 29.72);  // R1, 100 亿
  app.move(int(p.x), int(p.y));
  Shot hover = app.settle();
  ASSERT_TRUE(hover.state["hover"].is_object()) << hover.state.dump();
  EXPECT_EQ(hover.state["hover"]["layer"], "projects");
  EXPECT_GT(whitePixels(hover.img, int(p.x) + 8, int(p.y), int(p.x) + 220, int(p.y) + 160), 3000) << "no tooltip on hover";

  app.click(int(p.x), int(p.y));
  Shot pinned = app.settle();
  EXPECT_EQ(pinned.state["selected"], "R1");
  // The pointer leaves for empty map: the card stays pinned next to the project.
  app.move(W / 2, 30);
  Shot away = app.settle();
  EXPECT_EQ(away.state["selected"], "R1");
  EXPECT_TRUE(away.state["hover"].is_null());
  EXPECT_GT(whitePixels(away.img, int(p.x) + 26, int(p.y) - 16, int(p.x) + 200, int(p.y) + 60), 4000) << "no pinned card";

  // A park's name on hovering its marker (Xiasha's zone).
  const Vec2 park = screenOf(away.state, 120.330, 30.300);
  app.move(int(park.x), int(park.y));
  Shot on_park = app.settle();
  ASSERT_TRUE(on_park.state["hover"].is_object()) << on_park.state.dump();
  EXPECT_EQ(on_park.state["hover"]["layer"], "parks");

  // Escape clears the selection; Ctrl+Q quits cleanly.
  app.move(W / 2, 30);
  app.key("Escape");
  Shot cleared = app.settle();
  EXPECT_TRUE(cleared.state["selected"].is_null());
  EXPECT_LT(whitePixels(cleared.img, int(p.x) + 26, int(p.y) - 16, int(p.x) + 200, int(p.y) + 60), 500);
  EXPECT_EQ(app.quit(), 0) << app.log();
}

TEST(LiveWindow, DropdownOpensOnTheClicksOwnFramesAndNarrowsToOneDistrict) {
  LiveApp app("districts", "--projects " + kFixture, W, H);
  ASSERT_TRUE(app.ok()) << app.log();
  EXPECT_EQ(app.first().state["filter"]["districts"], "all");
  // The district dropdown, the sidebar's second. One click, no further movement: the list must
  // be open when the window settles.
  const std::vector<int> combos = sidebarCombos(app.first().img);
  ASSERT_EQ(combos.size(), 2u) << "chain and district dropdowns";
  const int district_combo = combos[1];
  app.click(160, district_combo);
  Shot open = app.settle();
  ASSERT_TRUE(open.state["popup_open"].get<bool>()) << "the dropdown did not open on the click's own frames";
  // The list's "only" buttons: rows of that blue which were not there before it opened (the
  // sidebar's own small buttons are).
  const std::vector<int> before = onlyButtonRows(app.first().img, 262, 330, 60, 760);
  auto listRows = [&](const Image& img) {
    std::vector<int> rows;
    for (int y : onlyButtonRows(img, 262, 330, 60, 760))
      if (std::none_of(before.begin(), before.end(), [&](int b) { return std::abs(b - y) < 4; })) rows.push_back(y);
    return rows;
  };
  const std::vector<int> rows = listRows(open.img);
  ASSERT_EQ(rows.size(), 13u) << "expected an 'only' button for each of the 13 districts";

  // "Only" on the 4th district: exactly that district, and the totals agree with the file.
  app.click(onlyButtonX(open.img, rows[3]), rows[3]);
  Shot one = app.settle();
  ASSERT_TRUE(one.state["filter"]["districts"].is_array()) << one.state.dump();
  ASSERT_EQ(one.state["filter"]["districts"].size(), 1u);
  const int adcode = one.state["filter"]["districts"][0];
  const auto codes = fixtureDistricts();
  EXPECT_EQ(one.state["count"].get<int>(), std::count(codes.begin(), codes.end(), adcode));
  EXPECT_TRUE(one.state["popup_open"].get<bool>()) << "the list stays open for more picks";

  // Ticking a second district's box adds it; unticking it again leaves the first alone.
  app.click(38, rows[6]);
  Shot two = app.settle();
  EXPECT_EQ(two.state["filter"]["districts"].size(), 2u);
  app.click(38, rows[6]);
  EXPECT_EQ(app.settle().state["filter"]["districts"].size(), 1u);

  // Escape closes the list first (the selection, if any, would go on the second press).
  app.move(W / 2, 30);
  app.key("Escape");
  Shot closed = app.settle();
  EXPECT_FALSE(closed.state["popup_open"].get<bool>());
  EXPECT_EQ(closed.state["filter"]["districts"].size(), 1u);

  // From "all", unticking one district keeps the other twelve.
  app.click(160, district_combo);
  Shot reopened = app.settle();
  const std::vector<int> rows2 = listRows(reopened.img);
  ASSERT_EQ(rows2.size(), 13u);
  app.click(60, rows2[0] - 28);  // "All", the row above the first district
  EXPECT_EQ(app.settle().state["filter"]["districts"], "all");
  app.click(38, rows2[2]);
  Shot twelve = app.settle();
  ASSERT_TRUE(twelve.state["filter"]["districts"].is_array()) << twelve.state.dump();
  EXPECT_EQ(twelve.state["filter"]["districts"].size(), 12u);
  EXPECT_EQ(app.quit(), 0);
}

TEST(LiveWindow, TimelineWindowDragsByItsEdgesAndAsAWhole) {
  LiveApp app("timeline", "--projects " + kFixture, W, H);
  ASSERT_TRUE(app.ok()) << app.log();
  const auto& s0 = app.first().state;
  const int first = *parseMonth(s0["filter"]["months"][0].get<std::string>());
  const int last = *parseMonth(s0["filter"]["months"][1].get<std::string>());
  const int n = last - first + 1;
  ASSERT_GE(n, 10);
  // The histogram spans the timeline dock's content width; find its window outline's top.
  using namespace layout;
  const double x0 = kSidebarW + 2 * kMargin + 12, x1 = W - kMargin - 12, step = (x1 - x0) / n;
  int top = -1;
  for (int y = int(H - kTimelineH - kMargin); y < H && top < 0; ++y) {
    const Image::Px p = app.first().img.at(int(x0 + step * 0.5), y);
    if (std::abs(p.r - 30) < 12 && std::abs(p.g - 60) < 12 && std::abs(p.b - 110) < 12) top = y;
  }
  ASSERT_GT(top, 0) << "no timeline window outline";
  const int y = top + 18;
  auto xOf = [&](double month_offset) { return int(x0 + step * month_offset); };

  // The right edge, from the last month's end to month 8's end: the window is months 0..8.
  app.drag(xOf(n) - 2, y, xOf(9) - 2, y);
  Shot edge = app.settle();
  EXPECT_EQ(edge.state["filter"]["months"][0], formatMonth(first));
  EXPECT_EQ(edge.state["filter"]["months"][1], formatMonth(first + 8));
  // Grab inside (month 4) and move two months right: the whole window moves, its length kept.
  app.drag(xOf(4.5), y, xOf(6.5), y);
  Shot moved = app.settle();
  EXPECT_EQ(moved.state["filter"]["months"][0], formatMonth(first + 2));
  EXPECT_EQ(moved.state["filter"]["months"][1], formatMonth(first + 10));
  EXPECT_EQ(app.quit(), 0);
}

TEST(LiveWindow, ResizeRefitsAndTheWindowShowsTheWholeMap) {
  LiveApp app("resize", "--projects " + kFixture, W, H);
  ASSERT_TRUE(app.ok()) << app.log();
  const Vec2 chunan0 = screenOf(app.first().state, 118.9, 29.6);
  app.resize(1500, 950);
  Shot big = app.settle();
  ASSERT_EQ(big.state["size"][0], 1500);
  ASSERT_EQ(big.state["size"][1], 950);
  // The same part of the city fills the larger map area: it is refitted, not cropped or left small.
  const View v0 = viewOf(app.first().state), v1 = viewOf(big.state);
  EXPECT_LT(v1.units_per_px, v0.units_per_px * 0.95);
  const Vec2 chunan1 = screenOf(big.state, 118.9, 29.6);
  const layout::Rect area = layout::mapArea(1500, 950);
  EXPECT_GT(chunan1.x, area.x0);
  EXPECT_LT(chunan1.y, area.y1);
  EXPECT_NE(chunan0.x, chunan1.x);
  // What X shows in the window is what the app drew: no stale or clipped parts.
  const Image win = app.windowPixels();
  ASSERT_EQ(win.w, 1500);
  ASSERT_EQ(win.h, 950);
  int differ = 0;
  for (int yy = 0; yy < win.h; yy += 2)
    for (int xx = 0; xx < win.w; xx += 2) {
      const Image::Px a = win.at(xx, yy), b = big.img.at(xx, yy);
      differ += std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b) > 30;
    }
  EXPECT_LT(differ, win.w * win.h / 4 / 100) << "the window differs from the app's own frame in " << differ << " samples";
  EXPECT_EQ(app.quit(), 0);
}

TEST(LiveWindow, ArrowsPanPlusMinusZoomFFitsLSwitchesLanguage) {
  LiveApp app("keys", "--projects " + kFixture, W, H);
  ASSERT_TRUE(app.ok()) << app.log();
  const View home = viewOf(app.first().state);
  app.move(W / 2, H / 2);
  app.key("Right");
  const View right = viewOf(app.settle().state);
  EXPECT_NEAR(right.center.x - home.center.x, 0.125 * std::min(W, H) * home.units_per_px, 1e-6 * home.units_per_px);
  app.key("plus");
  const View in = viewOf(app.settle().state);
  EXPECT_NEAR(in.units_per_px, home.units_per_px / 1.25, 1e-9 * home.units_per_px);
  app.key("minus");
  EXPECT_NEAR(viewOf(app.settle().state).units_per_px, home.units_per_px, 1e-9 * home.units_per_px);
  app.key("f");
  const View fitted = viewOf(app.settle().state);
  EXPECT_NEAR(fitted.center.x, home.center.x, 1e-6 * home.units_per_px);
  EXPECT_NEAR(fitted.units_per_px, home.units_per_px, 1e-9 * home.units_per_px);
  app.key("l");
  EXPECT_EQ(app.settle().state["lang"], "en");
  // Drag the map: it pans by the drag, and hovering works again once the button is up.
  app.drag(700, 400, 760, 430);
  const Shot panned = app.settle();
  const View after = viewOf(panned.state);
  EXPECT_NEAR(after.center.x, fitted.center.x - 60 * fitted.units_per_px, 3 * fitted.units_per_px);
  EXPECT_NEAR(after.center.y, fitted.center.y + 30 * fitted.units_per_px, 3 * fitted.units_per_px);
  const Vec2 r1 = screenOf(panned.state, 119.52, 29.72);
  app.move(int(r1.x), int(r1.y));
  const Shot hover = app.settle();
  ASSERT_TRUE(hover.state["hover"].is_object()) << "no hover after a pan";
  EXPECT_EQ(hover.state["hover"]["layer"], "projects");
  EXPECT_EQ(app.quit(), 0);
}

TEST(LiveWindow, AFatalLoadErrorIsShownInTheWindowAndClosingItExitsCleanly) {
  const std::string empty = ::testing::TempDir() + "chainmap_empty_data";
  std::filesystem::create_directories(empty);
  LiveApp app("fatal", "--data " + empty, 900, 600);
  ASSERT_TRUE(app.ok()) << app.log();
  const auto& errors = app.first().state["errors"];
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].get<std::string>().find("districts.shp"), std::string::npos) << errors.dump();
  EXPECT_EQ(app.quit(), 0) << app.log();
}

TEST(LiveWindow, EveryDistrictIsLabelledInOrBesideItselfAtEverySize) {
  // The labels the window drew (reported in the idle state): all 13 districts, each label's
  // centre inside its own district or within a label's height of it, at 1280x720 and after a
  // resize to 1920x1080. (At 1280x720 the old callouts put Shangcheng's label in Fuyang.)
  auto d = loadDistricts(std::string(CHAINMAP_TEST_DATA) + "/districts.shp", kDefaultDisplayCrs);
  ASSERT_TRUE(d) << d.error();
  std::vector<const MultiPolygon*> polys;
  for (const District& x : *d) polys.push_back(&x.xy);
  const PolygonSet set(polys);
  LiveApp app("labels", "", 1280, 720);
  ASSERT_TRUE(app.ok()) << app.log();
  auto check = [&](const Shot& s) {
    const View v = viewOf(s.state);
    int districts = 0;
    for (const auto& l : s.state["labels"]) {
      if (l["kind"] != "district") continue;
      ++districts;
      const std::string name = l["text"];
      size_t k = 0;
      while (k < d->size() && (*d)[k].name_zh != name) ++k;
      ASSERT_LT(k, d->size()) << name;
      const double x = (l["box"][0].get<double>() + l["box"][2].get<double>()) / 2;
      const double y = (l["box"][1].get<double>() + l["box"][3].get<double>()) / 2;
      const double h = l["box"][3].get<double>() - l["box"][1].get<double>();
      const Vec2 w = v.toWorld({x, y});
      EXPECT_LE(set.distance(k, w.x, w.y), h * v.units_per_px * 1.01)
          << name << " is labelled away from its district, in district #" << set.indexAt(w.x, w.y);
    }
    EXPECT_EQ(districts, 13) << s.state["labels"].dump();
  };
  check(app.first());
  app.resize(1920, 1080);
  check(app.settle());
  EXPECT_EQ(app.quit(), 0);
}

// Presentation keys on the real window: F11 goes full screen in the presentation arrangement,
// → steps the tour (its window comes with it), Ctrl+= enlarges the UI and Ctrl+0 gives it back,
// Esc leaves presentation mode and the window returns to its size.
TEST(LiveWindow, PresentationKeysDriveTheRealWindow) {
  const std::string tour = std::string(CHAINMAP_SOURCE_DIR) + "/assets/tours/hangzhou_story.json";
  LiveApp app("present", "--tour " + tour, 1280, 720);
  ASSERT_TRUE(app.ok()) << app.log();
  EXPECT_EQ(app.first().state["tour_step"], 0);
  EXPECT_FALSE(app.first().state["present"].get<bool>());
  app.move(640, 30);
  app.key("F11");
  Shot full = app.settle();
  EXPECT_TRUE(full.state["present"].get<bool>());
  EXPECT_GT(full.state["size"][0].get<int>(), 1280) << "not full screen: " << full.state["size"];
  app.key("Right");
  Shot step2 = app.settle(10);  // the camera flies for 1.5 s
  EXPECT_EQ(step2.state["tour_step"], 1);
  EXPECT_EQ(step2.state["filter"]["months"], (nlohmann::json{"2024-01", "2024-07"}));
  EXPECT_EQ(step2.state["count"], 220) << "step 2 is January–July 2024, manufacturing, ≥1亿";
  const double scale = step2.state["ui_scale"].get<double>();
  app.key("ctrl+equal");
  Shot bigger = app.settle();
  EXPECT_NEAR(bigger.state["ui_scale"].get<double>(), scale * 1.1, 0.02);
  app.key("ctrl+0");
  Shot back = app.settle();
  EXPECT_NEAR(back.state["ui_scale"].get<double>(), scale, 0.02);
  app.key("Escape");
  Shot windowed = app.settle();
  EXPECT_FALSE(windowed.state["present"].get<bool>());
  EXPECT_EQ(windowed.state["size"], (nlohmann::json{1280, 720}));
  EXPECT_EQ(app.quit(), 0) << app.log();
}
