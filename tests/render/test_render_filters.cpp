// The GPU mirrors the CPU filter branch for branch: every project of the fixture is drawn exactly
// when core/filter.h's passes() admits it, for every kind of filter the flags can set. Plus the
// bubbles' counts over park markers and readable target bars.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <map>

#include "core/hex_pyramid.h"
#include "core/symbology.h"
#include "core/view.h"
#include "platform/data_paths.h"
#include "geo/projection.h"
#include "render_probe.h"
#include "sample_model.h"
#include "ui/layout.h"
#include "test_paths.h"

using namespace cm;
using namespace cm::test;

namespace {

using cm::test::usual_shot::W;
using cm::test::usual_shot::H;
using cm::test::kFixture;
using cm::test::usual_shot::kSize;


View homeView(const Model& m) {
  Extent home;
  for (const District& d : m.districts)
    for (const Polygon& p : d.xy)
      for (const Vec2& v : p.rings[0]) home.add(v);
  View v;
  v.width = W;
  v.height = H;
  const layout::Rect a = layout::mapArea(W, H);
  v.fitInto(home, a.x0, a.y0, a.x1, a.y1);
  return v;
}

int districtIndex(const Model& m, int adcode) {
  for (size_t i = 0; i < m.districts.size(); ++i)
    if (m.districts[i].adcode == adcode) return static_cast<int>(i);
  return -1;
}

int chainIndex(const Model& m, const std::string& id) {
  const auto& n = m.projects.chain_names;
  return static_cast<int>(std::find(n.begin(), n.end(), id) - n.begin());
}

}  // namespace

TEST(RenderFilter, EveryProjectIsDrawnExactlyWhenTheCpuFilterPassesIt) {
  // The fixture with R2's sector left empty: a project that states none (Sector::Unknown, the
  // SECTOR field's value 2) among manufacturing and service ones.
  const std::string csv = ::testing::TempDir() + "chainmap_render_unstated.csv";
  {
    std::ifstream in(kFixture);
    std::ofstream out(csv);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("R2,", 0) == 0) line.replace(line.find(",manufacturing,"), 15, ",,");
      out << line << "\n";
    }
  }
  Model m;
  ASSERT_TRUE(loadModel(m, csv));
  ASSERT_EQ(m.projects.size(), 6u);
  ASSERT_EQ(m.projects.sector[1], Sector::Unknown) << "R2 states no sector";
  ASSERT_TRUE(m.projects.in_park[5]) << "R6 must lie in its park for the park cases to mean anything";
  const View v = homeView(m);
  const int n = static_cast<int>(m.districts.size());
  struct Case {
    std::string flags;
    std::function<void(Filter&)> set;
  };
  const std::vector<Case> cases{
      {"", [](Filter&) {}},
      {"--sector service", [](Filter& f) { f.sectors = 2; }},
      {"--sector manufacturing", [](Filter& f) { f.sectors = 1; }},
      {"--sector unknown", [](Filter& f) { f.sectors = 4; }},
      {"--district 330112", [&](Filter& f) { f.districts = IdSet::only(districtIndex(m, 330112)); }},
      {"--district 330182,330114",
       [&](Filter& f) {
         f.districts = IdSet::none();
         f.districts.set(districtIndex(m, 330182), true, n);
         f.districts.set(districtIndex(m, 330114), true, n);
       }},
      {"--chain integrated_circuits", [&](Filter& f) { f.chains = IdSet::only(chainIndex(m, "integrated_circuits")); }},
      {"--chain biologics,photovoltaics",
       [&](Filter& f) {
         const int c = static_cast<int>(m.projects.chain_names.size());
         f.chains = IdSet::none();
         f.chains.set(chainIndex(m, "biologics"), true, c);
         f.chains.set(chainIndex(m, "photovoltaics"), true, c);
       }},
      {"--park in", [](Filter& f) { f.park = ParkMode::InPark; }},
      {"--park out", [](Filter& f) { f.park = ParkMode::OutsidePark; }},
      {"--min-investment 60", [](Filter& f) { f.min_investment_yi = 60; }},
      {"--ecosystem bio,energy", [](Filter& f) { f.ecosystems = 1u << 1 | 1u << 4; }},
      {"--time 2024-02..2024-04", [](Filter& f) { f.month_from = monthIndex(2024, 2), f.month_to = monthIndex(2024, 4); }},
  };
  for (const Case& c : cases) {
    Filter f;
    c.set(f);
    Image img = renderShot("filter", "--projects " + csv + " --layers districts,projects " + c.flags + kSize);
    ASSERT_EQ(img.w, W) << c.flags;
    for (size_t i = 0; i < m.projects.size(); ++i) {
      const Vec2 s = v.toScreen({m.projects.x[i], m.projects.y[i]});
      const uint32_t rgb = info(m.projects.ecosystem[i]).rgb;
      const Image::Px want{int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)};
      const int d = distance(img.at(int(s.x), int(s.y)), want);
      if (passes(m.projects, i, f)) EXPECT_LT(d, 45) << m.projects.id[i] << " missing with '" << c.flags << "'";
      else EXPECT_GT(d, 150) << m.projects.id[i] << " drawn with '" << c.flags << "' though the filter excludes it";
    }
  }
  std::remove(csv.c_str());
}

TEST(RenderFilter, BubbleCountsAreDrawnOverParkMarkers) {
  // The sample aggregated at city zoom: bubbles that sit on a park marker still show their count.
  Model m;
  ASSERT_TRUE(loadModel(m, defaultProjectsFile()));
  const View v = homeView(m);
  Filter f;
  const HexPyramid pyramid = buildHexPyramid(m.projects, f);
  const HexLevel& level = pyramid.levels[pyramid.blendFor(kBinCellPx * v.units_per_px).main()];
  std::vector<Vec2> at_parks;
  for (const Bin& b : level.bins) {
    // Full-size bubbles (radius 0.45 of the spacing, ≥ 16 px) of at least two projects.
    if (b.count() < 2 || b.investment_yi < level.ref_investment_yi) continue;
    const Vec2 s = v.toScreen(b.xy);
    const layout::Rect a = layout::mapArea(W, H);
    if (s.x < a.x0 + 20 || s.x > a.x1 - 20 || s.y < a.y0 + 20 || s.y > a.y1 - 20) continue;
    for (const Park& p : m.parks) {
      const Vec2 q = v.toScreen(p.xy);
      if (std::hypot(q.x - s.x, q.y - s.y) < 5) at_parks.push_back(s);
    }
  }
  // Once per bubble, and only where no other counted bubble is close enough for the labels layer to
  // keep one of the two counts out (counts never overlap).
  std::sort(at_parks.begin(), at_parks.end(), [](Vec2 a, Vec2 b) { return a.x != b.x ? a.x < b.x : a.y < b.y; });
  at_parks.erase(std::unique(at_parks.begin(), at_parks.end()), at_parks.end());
  std::erase_if(at_parks, [&](Vec2 s) {
    for (const Bin& b : level.bins) {
      const Vec2 o = v.toScreen(b.xy);
      const double d = std::hypot(o.x - s.x, o.y - s.y);
      if (b.count() >= 2 && b.investment_yi >= 0.25 * level.ref_investment_yi && d > 0.5 && d < 32) return true;
    }
    return false;
  });
  ASSERT_GE(at_parks.size(), 1u) << "expected bubbles on park markers in the sample";
  const std::string base = "--aggregate on" + kSize;
  Image with = renderShot("counts_on", base + " --layers parks,projects,labels");
  Image without = renderShot("counts_off", base + " --layers parks,projects");
  ASSERT_EQ(with.w, W);
  ASSERT_EQ(without.w, W);
  int shown = 0;
  for (const Vec2& s : at_parks) {
    int differ = 0;
    for (int y = int(s.y) - 7; y <= int(s.y) + 7; ++y)
      for (int x = int(s.x) - 10; x <= int(s.x) + 10; ++x) differ += distance(with.at(x, y), without.at(x, y)) > 60;
    shown += differ > 12;
  }
  EXPECT_EQ(shown, static_cast<int>(at_parks.size())) << "counts hidden under park markers";
}

TEST(RenderFilter, TargetBarsKeepTheirTextReadable) {
  // WCAG contrast between a progress bar's fill and its text: at least 4.5:1 (AA).
  Image img = renderShot("targets", "--layers districts" + kSize);
  ASSERT_EQ(img.w, W);
  const int x0 = int(W - layout::kRightW - layout::kMargin), x1 = int(W - layout::kMargin);
  auto lum = [](Image::Px p) {
    auto c = [](int v) {
      const double s = v / 255.0;
      return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * c(p.r) + 0.7152 * c(p.g) + 0.0722 * c(p.b);
  };
  // The bar fill: the most common saturated blue in the totals panel's top 320 rows.
  std::map<int, int> fills;
  for (int y = 0; y < 320; ++y)
    for (int x = x0; x < x1; ++x) {
      const Image::Px p = img.at(x, y);
      if (p.b > p.r + 40 && p.b > 150) ++fills[p.r << 16 | p.g << 8 | p.b];
    }
  ASSERT_FALSE(fills.empty()) << "no progress bars";
  const int key = std::max_element(fills.begin(), fills.end(), [](auto a, auto b) { return a.second < b.second; })->first;
  const Image::Px fill{key >> 16, (key >> 8) & 255, key & 255};
  // The text on it: the darkest pixel in the rows where that fill appears.
  double darkest = 1;
  for (int y = 0; y < 320; ++y) {
    bool bar_row = false;
    for (int x = x0; x < x1 && !bar_row; ++x) bar_row = distance(img.at(x, y), fill) < 6;
    if (!bar_row) continue;
    for (int x = x0; x < x1; ++x) darkest = std::min(darkest, lum(img.at(x, y)));
  }
  const double contrast = (lum(fill) + 0.05) / (darkest + 0.05);
  EXPECT_GE(contrast, 4.5) << "bar fill " << fill.r << "," << fill.g << "," << fill.b;
}

TEST(RenderFilter, ChainsPastTheSixtyFourthAndNarrowedDistrictsFilterOnTheGpu) {
  // 80 extra chains (real tables have more than the catalogue's 25): the fixture's R1 moves to a
  // chain whose index is past 64, and the filter must still pick exactly it.
  const std::string csv = ::testing::TempDir() + "chainmap_many_chains.csv";
  {
    std::ifstream in(kFixture);
    std::ofstream out(csv);
    std::string line;
    std::getline(in, line);
    out << line << "\n";
    for (int k = 0; k < 80; ++k)  // one small project a chain, far west in Chun'an
      out << "C" << k << ",链" << k << ",Chain " << k << ",other,extra_chain_" << k
          << ",service,0.5,2024-01-0" << (1 + k % 9) << ",,signed,330127,,118.75,29.55,,0,0,,other,1\n";
    while (std::getline(in, line)) {
      if (line.rfind("R1,", 0) == 0) line.replace(line.find("visual_intelligence"), 19, "extra_chain_79");
      out << line << "\n";
    }
  }
  Model m;
  ASSERT_TRUE(loadModel(m, csv));
  const int c79 = chainIndex(m, "extra_chain_79");
  ASSERT_GE(c79, 64) << "the test needs a chain index past 64";
  const View v = homeView(m);
  Image img = renderShot("many_chains", "--projects " + csv + " --layers districts,projects --chain extra_chain_79" + kSize);
  ASSERT_EQ(img.w, W);
  Filter f;
  f.chains = IdSet::only(c79);
  for (size_t i = 0; i < m.projects.size(); ++i) {
    if (m.projects.id[i][0] != 'R') continue;
    const Vec2 s = v.toScreen({m.projects.x[i], m.projects.y[i]});
    const uint32_t rgb = info(m.projects.ecosystem[i]).rgb;
    const int d = distance(img.at(int(s.x), int(s.y)), {int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)});
    if (passes(m.projects, i, f)) EXPECT_LT(d, 45) << m.projects.id[i];
    else EXPECT_GT(d, 150) << m.projects.id[i];
  }
  const auto r1 = std::find(m.projects.id.begin(), m.projects.id.end(), "R1") - m.projects.id.begin();
  EXPECT_TRUE(passes(m.projects, r1, f)) << "R1 is the one project of chain 79";
  std::remove(csv.c_str());
}
