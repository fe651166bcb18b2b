// Render tests: the real binary draws the default view offscreen; pixels are probed where the
// model says a district fill, an outline, a project and a label must be.
#include "render_probe.h"

#include <cmath>
#include <filesystem>
#include <fstream>

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

struct Scene {
  std::vector<District> districts;
  View view;
  Transform to_xy = Transform::create(kWgs84, kDefaultDisplayCrs).take();
  Scene() {
    auto d = loadDistricts(std::string(CHAINMAP_TEST_DATA) + "/districts.shp", kDefaultDisplayCrs);
    EXPECT_TRUE(d) << d.error();
    if (d) districts = d.take();
    Extent home;
    for (const District& x : districts)
      for (const Polygon& p : x.xy) for (const Vec2& v : p.rings[0]) home.add(v);
    // The default view, as the app computes it: Hangzhou fitted into the area the panels leave.
    view.width = W;
    view.height = H;
    using namespace layout;
    view.fitInto(home, kSidebarW + 2 * kMargin, kMargin, W - kRightW - 2 * kMargin, H - kTimelineH - 2 * kMargin);
  }
  Vec2 screenOfLonLat(double lon, double lat) {
    to_xy.apply(lon, lat);
    return view.toScreen({lon, lat});
  }
  const District& byCode(int adcode) {
    for (const District& d : districts) if (d.adcode == adcode) return d;
    return districts.front();
  }
};


using cm::test::usual_shot::kSize;

}  // namespace

TEST(Render, DistrictFillAndOutline) {
  Scene s;
  Image img = renderShot("fill", "--projects " + kFixture + " --layers districts" + kSize);
  ASSERT_EQ(img.w, W);
  // Inside Chun'an, at its label point (the maximum inscribed circle's centre): the cream fill.
  const Vec2 c = s.view.toScreen(labelPoint(s.byCode(330127).xy, 100));
  const Image::Px fill = img.at(int(c.x), int(c.y));
  EXPECT_GT(fill.r, 238);
  EXPECT_GT(fill.g, 232);
  EXPECT_GT(fill.b, 218);
  EXPECT_GT(fill.r, fill.b + 4) << "cream, not the bluish background";
  // On an outline: a vertex shared by two districts (Xihu's ring) is drawn grey.
  const Vec2 v = s.view.toScreen(s.byCode(330106).xy[0].rings[0][10]);
  int darkest = 255;
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -1; dx <= 1; ++dx) darkest = std::min(darkest, Image::luma(img.at(int(v.x) + dx, int(v.y) + dy)));
  EXPECT_LT(darkest, 200) << "no outline at a district vertex";
  // Outside Hangzhou: the background, not a fill.
  const Image::Px bg = img.at(int(s.view.toScreen({s.view.center.x, s.view.center.y}).x), 20);
  EXPECT_LT(bg.r, fill.r);
}

TEST(Render, ProjectIsDrawnInItsEcosystemColourAndFilteredOut) {
  Scene s;
  const Vec2 p = s.screenOfLonLat(119.52, 29.72);  // R1: iot, 100 亿
  Image on = renderShot("proj_on", "--projects " + kFixture + " --layers districts,projects" + kSize);
  ASSERT_EQ(on.w, W);
  const Image::Px iot{0x00, 0x72, 0xB2};
  const Image::Px got = on.at(int(p.x), int(p.y));
  EXPECT_LT(distance(got, iot), 45) << "got " << got.r << "," << got.g << "," << got.b;
  // The 100 亿 project is a large disc: 10 px off centre is still its colour.
  EXPECT_LT(distance(on.at(int(p.x) + 10, int(p.y)), iot), 45);

  Image off = renderShot("proj_off", "--projects " + kFixture + " --layers districts,projects --ecosystem bio,energy" + kSize);
  ASSERT_EQ(off.w, W);
  EXPECT_GT(distance(off.at(int(p.x), int(p.y)), iot), 200) << "filtered-out project still drawn";
  // The bio project R2 is still there.
  const Vec2 q = s.screenOfLonLat(119.35, 30.22);
  EXPECT_LT(distance(off.at(int(q.x), int(q.y)), Image::Px{0x00, 0x9E, 0x73}), 45);
}

TEST(Render, TimeWindowHidesProjectsOutsideIt) {
  Scene s;
  const Vec2 p = s.screenOfLonLat(119.52, 29.72);  // R1 signed 2024-03
  Image img = renderShot("time", "--projects " + kFixture + " --layers districts,projects --time 2023-01..2023-12" + kSize);
  ASSERT_EQ(img.w, W);
  EXPECT_GT(distance(img.at(int(p.x), int(p.y)), Image::Px{0x00, 0x72, 0xB2}), 200);
}

TEST(Render, DistrictLabelIsDrawn) {
  Scene s;
  const Vec2 c = s.view.toScreen(labelPoint(s.byCode(330127).xy, 100));
  auto darkPixelsNearLabel = [&](const Image& img) {
    int dark = 0;
    for (int y = int(c.y) - 12; y <= int(c.y) + 12; ++y)
      for (int x = int(c.x) - 40; x <= int(c.x) + 40; ++x) dark += Image::luma(img.at(x, y)) < 120;
    return dark;
  };
  Image with = renderShot("labels", "--projects " + kFixture + " --layers districts,labels" + kSize);
  Image without = renderShot("nolabels", "--projects " + kFixture + " --layers districts" + kSize);
  ASSERT_EQ(with.w, W);
  ASSERT_EQ(without.w, W);
  EXPECT_GT(darkPixelsNearLabel(with), 30) << "no label text around Chun'an's label point";
  EXPECT_EQ(darkPixelsNearLabel(without), 0);
}

TEST(Render, ExtentFillsTheImage) {
  // --extent: the box fills the image, centred, aspect kept. District boundary vertices inside
  // the box must show as outlines exactly where that view puts them (the default view puts them
  // elsewhere, so an ignored --extent fails here).
  Scene s;
  auto tr = Transform::create(kWgs84, kDefaultDisplayCrs);
  Extent box;
  for (auto [lon, lat] : {std::pair{120.0, 30.1}, {120.3, 30.1}, {120.0, 30.35}, {120.3, 30.35}}) {
    tr->apply(lon, lat);
    box.add({lon, lat});
  }
  View v;
  v.width = W;
  v.height = H;
  v.fit(box);
  Image img = renderShot("extent", "--projects " + kFixture + " --layers districts --extent 120.0,30.1,120.3,30.35" + kSize);
  ASSERT_EQ(img.w, W);
  EXPECT_GT(img.at(W / 2, H / 2).r, 238);  // a district fill at the centre of the box
  int probed = 0, outlined = 0, misplaced = 0;
  for (int adcode : {330106, 330105, 330102}) {  // Xihu, Gongshu, Shangcheng
    const auto& ring = s.byCode(adcode).xy[0].rings[0];
    for (size_t k = 0; k < ring.size(); k += std::max<size_t>(1, ring.size() / 12)) {
      const Vec2 p = v.toScreen(ring[k]), q = s.view.toScreen(ring[k]);
      const layout::Rect free = layout::mapArea(W, H);  // not under a panel
      if (p.x < free.x0 + 4 || p.y < free.y0 + 4 || p.x > free.x1 - 4 || p.y > free.y1 - 4) continue;
      ++probed;
      int darkest = 255;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) darkest = std::min(darkest, Image::luma(img.at(int(p.x) + dx, int(p.y) + dy)));
      outlined += darkest < 200;
      misplaced += std::hypot(p.x - q.x, p.y - q.y) > 20;  // where the default view would have it
    }
  }
  ASSERT_GE(probed, 12);
  EXPECT_GE(outlined, probed * 9 / 10) << outlined << " of " << probed << " boundary vertices outlined";
  EXPECT_EQ(misplaced, probed) << "the box's view must differ from the default one everywhere";
}

TEST(Render, EveryFatalLoadErrorEndsWithItsMessageAndExit1InEveryHeadlessMode) {
  // Each case: the flags, and what the message must name. Never a signal (the old exit was 139).
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / "chainmap_fatal";
  fs::remove_all(dir);
  for (const char* sub : {"empty", "noshx", "nodbf"}) fs::create_directories(dir / sub);
  for (const char* ext : {"shp", "dbf", "prj", "cpg"}) fs::copy(fs::path(CHAINMAP_TEST_DATA) / (std::string("districts.") + ext), dir / "noshx");
  for (const char* ext : {"shp", "shx", "prj", "cpg"}) fs::copy(fs::path(CHAINMAP_TEST_DATA) / (std::string("districts.") + ext), dir / "nodbf");
  std::ofstream(dir / "empty.csv").close();
  {
    std::ofstream junk(dir / "garbage.csv", std::ios::binary);
    for (int i = 0; i < 4000; ++i) junk.put(static_cast<char>((i * 7919 + 13) % 251));
  }
  std::ofstream(dir / "unknown.csv") << "foo,bar\n1,2\n";
  const std::string d = dir.string();
  const std::vector<std::pair<std::string, std::string>> cases{
      {"--data " + d + "/empty", "districts.shp"},
      {"--data " + d + "/noshx", ".shx"},
      {"--data " + d + "/nodbf", ".dbf"},
      {"--data " CHAINMAP_TEST_DATA " --projects " + d + "/empty.csv", "empty.csv"},
      {"--data " CHAINMAP_TEST_DATA " --projects " + d + "/garbage.csv", "garbage.csv"},
      {"--data " CHAINMAP_TEST_DATA " --projects " + d + "/unknown.csv", "unknown.csv.chainmap.json"},
      {"--data " CHAINMAP_TEST_DATA " --projects " + d + "/missing.csv", "missing.csv"},
  };
  for (const auto& [flags, names] : cases)
    for (const std::string& mode : std::vector<std::string>{"--stats", "--screenshot " + d + "/out.png --size 400x300"}) {
      const std::string log = d + "/err.log";
      const int rc = std::system((std::string(CHAINMAP_EXE) + " " + flags + " " + mode + " >/dev/null 2>" + log).c_str());
      ASSERT_TRUE(WIFEXITED(rc)) << flags << " " << mode << ": killed by a signal";
      // A table whose columns cannot be told apart is not broken: the command line asks for a
      // mapping (exit 2, like a bad flag); everything else that cannot load exits 1.
      EXPECT_EQ(WEXITSTATUS(rc), flags.find("unknown.csv") != std::string::npos ? 2 : 1) << flags << " " << mode;
      std::ifstream in(log);
      const std::string err((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      EXPECT_NE(err.find("error: "), std::string::npos) << flags << " " << mode << ": " << err;
      EXPECT_NE(err.find(names), std::string::npos) << flags << " " << mode << ": " << err;
      EXPECT_EQ(err.find("Segmentation"), std::string::npos);
    }
  fs::remove_all(dir);
}

TEST(Render, BadInputGivesAClearErrorAndNonZeroExit) {
  const std::string cmd = std::string(CHAINMAP_EXE) + " --data /nonexistent --screenshot " + ::testing::TempDir() +
                          "x.png 2>" + ::testing::TempDir() + "err.log";
  EXPECT_NE(std::system(cmd.c_str()), 0);
  std::ifstream in(::testing::TempDir() + "err.log");
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(all.find("districts.shp"), std::string::npos) << all;
}

TEST(Render, SelectedProjectShowsItsDetailsCard) {
  Scene s;
  const Vec2 p = s.screenOfLonLat(119.52, 29.72);  // R1
  auto cardPixels = [&](const Image& img) {
    // The card opens 22 px right of and above the project: count white card pixels and text.
    int white = 0, dark = 0;
    for (int y = int(p.y) - 16; y < int(p.y) + 60; ++y)
      for (int x = int(p.x) + 26; x < int(p.x) + 200; ++x) {
        const Image::Px c = img.at(x, y);
        white += c.r > 250 && c.g > 250 && c.b > 250;
        dark += Image::luma(c) < 100;
      }
    return std::pair{white, dark};
  };
  Image with = renderShot("select", "--projects " + kFixture + " --layers districts,projects --select R1" + kSize);
  Image without = renderShot("noselect", "--projects " + kFixture + " --layers districts,projects" + kSize);
  ASSERT_EQ(with.w, W);
  ASSERT_EQ(without.w, W);
  const auto [w1, d1] = cardPixels(with);
  const auto [w0, d0] = cardPixels(without);
  EXPECT_GT(w1, 4000) << "no details card";
  EXPECT_GT(d1, 100) << "details card without text";
  EXPECT_LT(w0, 500);
  // An unknown id is a clear error.
  const std::string cmd = std::string(CHAINMAP_EXE) + " --data " CHAINMAP_TEST_DATA " --projects " + kFixture +
                          " --select NOPE --stats >/dev/null 2>&1";
  EXPECT_NE(std::system(cmd.c_str()), 0);
}

TEST(Render, ShaderCompileErrorNamesFileAndLine) {
  // A copy of shaders/ with a syntax error on line 5 of points.frag.
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(::testing::TempDir()) / "chainmap_bad_shaders";
  fs::remove_all(dir);
  fs::copy(fs::path(CHAINMAP_SOURCE_DIR) / "shaders", dir);
  {
    std::ifstream in(dir / "points.frag");
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    lines.at(4) = "this is not GLSL;";
    std::ofstream out(dir / "points.frag");
    for (const auto& l : lines) out << l << "\n";
  }
  const std::string log = ::testing::TempDir() + "shader_err.log";
  const std::string cmd = "CHAINMAP_SHADERS=" + dir.string() + " " + CHAINMAP_EXE + " --data " CHAINMAP_TEST_DATA +
                          " --screenshot " + ::testing::TempDir() + "bad.png 2>" + log;
  EXPECT_NE(std::system(cmd.c_str()), 0);
  std::ifstream in(log);
  const std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(all.find("points.frag:5:"), std::string::npos) << all;
  fs::remove_all(dir);
}

TEST(Render, AggregationGathersNearbyProjectsIntoACountedBubble) {
  Scene s;
  // R4 and R5 (iot, 100 亿 each) lie 250 m apart in Jiande: one bubble of 2 when aggregated.
  const Vec2 a = s.screenOfLonLat(119.300, 29.450), b = s.screenOfLonLat(119.302, 29.452);
  const int cx = int((a.x + b.x) / 2), cy = int((a.y + b.y) / 2);
  auto whiteNearCentre = [&](const Image& img) {
    int white = 0;
    for (int y = cy - 7; y <= cy + 7; ++y)
      for (int x = cx - 7; x <= cx + 7; ++x) {
        const Image::Px p = img.at(x, y);
        white += Image::luma(p) > 180;  // the white digits on the blue bubble
      }
    return white;
  };
  const std::string base = "--projects " + kFixture + " --layers districts,projects,labels" + kSize;
  Image on = renderShot("agg_on", base + " --aggregate on");
  Image off = renderShot("agg_off", base + " --aggregate off");
  ASSERT_EQ(on.w, W);
  ASSERT_EQ(off.w, W);
  const Image::Px iot{0x00, 0x72, 0xB2};
  EXPECT_LT(distance(on.at(cx + 9, cy), iot), 45) << "no bubble in the ecosystem's colour";
  EXPECT_GT(whiteNearCentre(on), 4) << "no count drawn on the bubble";
  EXPECT_EQ(whiteNearCentre(off), 0) << "unaggregated points carry no count";
}

TEST(Render, ABubbleRingShowsItsEcosystemMix) {
  // Three IoT and three biomedicine projects at one place in Fuyang: one bubble of 6, its disc in
  // the dominant (first on a tie: IoT) colour, its ring half IoT (clockwise from 12 o'clock: the
  // right half) and half biomedicine (the left half).
  namespace fs = std::filesystem;
  Scene s;
  const fs::path csv = fs::path(::testing::TempDir()) / "ring_projects.csv";
  {
    std::ifstream in(kFixture);  // the fixture (so the view is the other tests'), plus the six
    std::ofstream out(csv);
    out << in.rdbuf();
    for (int i = 0; i < 6; ++i)
      out << "M" << i << ",环" << i << ",Ring " << i << "," << (i < 3 ? "iot" : "bio") << ","
          << (i < 3 ? "integrated_circuits" : "synthetic_biology") << ",manufacturing,80,2024-04-01,,signed,330111,,"
          << 119.95 + 0.001 * (i % 2) << "," << 30.05 + 0.001 * (i / 2 % 2) << ",,0,0,,other,1\n";
  }
  Image img = renderShot("ring", "--projects " + csv.string() + " --layers districts,projects --aggregate on" + kSize);
  ASSERT_EQ(img.w, W);
  const Vec2 c = s.screenOfLonLat(119.9505, 30.0505);
  const Image::Px iot{0x00, 0x72, 0xB2}, bio{0x00, 0x9E, 0x73};
  int bio_left = 0, bio_right = 0, iot_right = 0;
  for (int dy = -30; dy <= 30; ++dy)
    for (int dx = -30; dx <= 30; ++dx) {
      const Image::Px p = img.at(int(c.x) + dx, int(c.y) + dy);
      if (std::abs(dx) < 3) continue;  // the ring's ends at 12 and 6 o'clock
      if (distance(p, bio) < 40) (dx < 0 ? bio_left : bio_right)++;
      if (dx > 0 && distance(p, iot) < 40) ++iot_right;
    }
  EXPECT_GT(bio_left, 20) << "no biomedicine arc on the left";
  EXPECT_EQ(bio_right, 0) << "biomedicine on the IoT half";
  EXPECT_GT(iot_right, 60) << "no IoT disc and arc on the right";
  EXPECT_LT(distance(img.at(int(c.x) - 6, int(c.y) + 6), iot), 45) << "the disc is not in the dominant colour";
}

TEST(Render, SyntheticDataIsLabelledAsSuch) {
  // The sidebar's red "synthetic sample" line shows for synthetic data and only for it.
  auto redBadgePixels = [](const Image& img) {
    int red = 0;
    for (int y = 40; y < 140; ++y)
      for (int x = 14; x < 320; ++x) {
        const Image::Px p = img.at(x, y);
        red += p.r > 140 && p.g < 100 && p.b < 100;
      }
    return red;
  };
  Image synthetic = renderShot("synthetic", "--layers districts" + kSize);  // the shipped sample
  ASSERT_EQ(synthetic.w, W);
  EXPECT_GT(redBadgePixels(synthetic), 40);

  // The same fixture rows, marked as real data (synthetic = 0).
  const std::string real = ::testing::TempDir() + "chainmap_real_projects.csv";
  {
    std::ifstream in(kFixture);
    std::ofstream out(real);
    for (std::string line; std::getline(in, line);) {
      if (line.size() > 2 && line.compare(line.size() - 2, 2, ",1") == 0) line.back() = '0';
      out << line << "\n";
    }
  }
  Image plain = renderShot("real", "--projects " + real + " --layers districts" + kSize);
  ASSERT_EQ(plain.w, W);
  EXPECT_EQ(redBadgePixels(plain), 0);
}
