// The planner's tools in-process (no display needed): the project table (filter, search, sort, a
// click that selects and flies), the measuring tool.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "core/filter.h"
#include "started_app.h"
#include "core/analysis/park_distance.h"
#include "core/analysis/products.h"
#include "ui/features/features.h"
#include "ui/project_table.h"

using namespace cm;
using test::Started;

TEST(ProjectTable, RowsAreTheFilteredProjectsSearchedAndSorted) {
  Started s("", 1280, 720);
  ASSERT_TRUE(s.ok);
  const Model& m = *s.model;
  Filter f;
  f.month_from = 2024 * 12;
  f.month_to = 2024 * 12 + 6;
  f.sectors = 1;
  f.min_investment_yi = 1;
  auto rows = ProjectTable::select(m, Lang::Zh, f, "", 4 /* investment */, true);
  ASSERT_EQ(rows.size(), 220u) << "January–July 2024, manufacturing, ≥1亿";
  for (size_t k = 1; k < rows.size(); ++k) EXPECT_GE(m.projects.investment_yi[rows[k - 1]], m.projects.investment_yi[rows[k]]);
  // Search by district name (zh or en, any case) narrows to that district's projects.
  auto linan = ProjectTable::select(m, Lang::En, f, "lin'an", -1, false);
  ASSERT_FALSE(linan.empty());
  for (uint32_t i : linan) {
    const bool district = m.projects.district_index[i] >= 0 && m.districts[m.projects.district_index[i]].adcode == 330112;
    const bool named = m.projects.name_en[i].find("Lin'an") != std::string::npos || m.projects.name_en[i].find("Linan") != std::string::npos;
    EXPECT_TRUE(district || named) << m.projects.id[i];
  }
  auto none = ProjectTable::select(m, Lang::Zh, f, "no project is called this", -1, false);
  EXPECT_TRUE(none.empty());
  // The table window draws with 1,564 rows and a selection, and the capture shows it.
  AppState& st = s.app.state();
  st.features.get<TableSettings>(ids::kTable).open = true;
  st.selected = static_cast<int>(rows.front());
  auto img = s.app.capture();
  ASSERT_TRUE(img);
  if (const char* keep = std::getenv("CHAINMAP_KEEP_CAPTURES")) (void)writePng(std::string(keep) + "/table.png", *img);
  // The table sits over the lower part of the map area: many light table rows there.
  int light = 0;
  for (int y = 500; y < 580; ++y)
    for (int x = 400; x < 900; ++x) {
      const unsigned char* p = &img->rgba[(static_cast<size_t>(y) * img->w + x) * 4];
      light += p[0] > 235 && p[1] > 235 && p[2] > 235;
    }
  EXPECT_GT(light, 20000) << "no table over the map";
  // The park-distance feature's column: computed while the table is open, the same numbers as the
  // command line's analysis, and the table sorts by it (the empty ones last).
  const auto* pd = s.app.derived().product<ParkDistanceProduct>(ids::kParkDistance);
  ASSERT_NE(pd, nullptr);
  ASSERT_TRUE(pd->get());
  const std::vector<float> expect = parkCentreDistances(m);
  ASSERT_EQ(pd->get()->size(), expect.size());
  for (size_t i = 0; i < expect.size(); ++i)
    if (!std::isnan(expect[i])) EXPECT_FLOAT_EQ((*pd->get())[i], expect[i]);
  const int dist_col = 10;  // after the ten built-in columns
  auto by_dist = ProjectTable::select(m, Lang::Zh, f, "", dist_col, true, pd->get().get());
  ASSERT_EQ(by_dist.size(), rows.size());
  size_t k = 1;
  for (; k < by_dist.size() && !std::isnan((*pd->get())[by_dist[k]]); ++k)
    EXPECT_GE((*pd->get())[by_dist[k - 1]], (*pd->get())[by_dist[k]]);
  for (; k < by_dist.size(); ++k) EXPECT_TRUE(std::isnan((*pd->get())[by_dist[k]])) << "a project without a park sorted among the distances";
  st.features.get<TableSettings>(ids::kTable).open = false;
  ASSERT_TRUE(s.app.capture());
  EXPECT_EQ(s.app.derived().product<ParkDistanceProduct>(ids::kParkDistance)->get(), nullptr) << "computed with nothing showing it";
}

TEST(MeasureTool, DrawsThePathItsLegsAndTheArea) {
  Started s("", 1280, 720);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  auto plain = s.app.capture();
  ASSERT_TRUE(plain);
  MeasureSettings& measure = st.features.get<MeasureSettings>(ids::kMeasure);
  measure.active = true;
  for (Vec2 p : {Vec2{600, 250}, Vec2{800, 250}, Vec2{800, 420}}) measure.points.push_back(st.view.toWorld(p));
  measure.closed = true;
  auto img = s.app.capture();
  ASSERT_TRUE(img);
  if (const char* keep = std::getenv("CHAINMAP_KEEP_CAPTURES")) (void)writePng(std::string(keep) + "/measure.png", *img);
  auto red = [](const Image& im, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) {
        const unsigned char* p = &im.rgba[(static_cast<size_t>(y) * im.w + x) * 4];
        n += p[0] > 170 && p[1] < 80 && p[2] < 110;
      }
    return n;
  };
  // Along the top leg (y = 250, x 620..780): the line; none before.
  EXPECT_GT(red(*img, 620, 247, 780, 254), 200);
  EXPECT_LT(red(*plain, 620, 247, 780, 254), 20);
  // The closing leg runs diagonally from (800, 420) back to (600, 250): its middle is red too.
  EXPECT_GT(red(*img, 695, 330, 706, 341), 5);
}

// The analyses' views, drawn: conformance window with the outside projects ringed, clusters and
// the heatmap, a chain leader's arcs. Each probed; CHAINMAP_KEEP_CAPTURES=DIR keeps the PNGs.
namespace {
int countColor(const Image& im, int x0, int y0, int x1, int y1, const std::function<bool(int, int, int)>& is) {
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(im.h, y1); ++y)
    for (int x = std::max(0, x0); x < std::min(im.w, x1); ++x) {
      const unsigned char* p = &im.rgba[(static_cast<size_t>(y) * im.w + x) * 4];
      n += is(p[0], p[1], p[2]);
    }
  return n;
}
void keep(const Image& img, const std::string& name) {
  if (const char* dir = std::getenv("CHAINMAP_KEEP_CAPTURES")) (void)writePng(std::string(dir) + "/" + name, img);
}
}  // namespace

TEST(AnalysisViews, ConformanceWindowAndOutsideProjects) {
  Started s("", 1600, 1000);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  st.lang = Lang::En;
  st.features.get<ParkSettings>(ids::kConformance).window_open = true;
  st.layers.set("outside", true);
  auto img = s.app.capture();
  ASSERT_TRUE(img);
  keep(*img, "conformance.png");
  // Red rings around outside projects: many strongly red pixels on the map.
  const int red = countColor(*img, 340, 0, 1300, 860, [](int r, int g, int b) { return r > 190 && g < 60 && b < 70; });
  EXPECT_GT(red, 500) << "no outside projects ringed";
}

TEST(AnalysisViews, ClustersHeatmapAndArcs) {
  Started s("", 1600, 1000);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  st.lang = Lang::En;
  auto plain = s.app.capture();
  ASSERT_TRUE(plain);
  st.layers.set("clusters", true);
  st.layers.set("heatmap", true);
  auto img = s.app.capture();
  ASSERT_TRUE(img);
  keep(*img, "clusters_heatmap.png");
  // The heatmap warms the map: many more pixels far redder than blue (cream land is r − b ≈ 10).
  auto warm = [](int r, int, int b) { return r - b > 90; };
  EXPECT_GT(countColor(*img, 340, 0, 1300, 860, warm), countColor(*plain, 340, 0, 1300, 860, warm) + 20000);
  // A chain leader with followers: select it, its arcs are drawn.
  const Projects& p = s.model->projects;
  int leader = -1;
  for (size_t i = 0; i < p.size() && leader < 0; ++i)
    if (p.chain_leader[i]) {
      int followers = 0;
      for (size_t j = 0; j < p.size(); ++j) followers += p.leader_index[j] == static_cast<int>(i);
      if (followers >= 5) leader = static_cast<int>(i);
    }
  ASSERT_GE(leader, 0);
  st.layers.set("clusters", false);
  st.layers.set("heatmap", false);
  st.selected = leader;
  auto arcs = s.app.capture();
  ASSERT_TRUE(arcs);
  keep(*arcs, "arcs.png");
  st.selected = -1;
  auto none = s.app.capture();
  // The arcs from the leader to each follower: pixels changed at the followers' ends.
  ASSERT_TRUE(none);
  int changed_ends = 0, followers = 0;
  for (size_t j = 0; j < p.size(); ++j) {
    if (p.leader_index[j] != leader) continue;
    ++followers;
    const Vec2 e = st.view.toScreen({p.x[j], p.y[j]});
    int diff = 0;
    for (int y = int(e.y) - 6; y <= int(e.y) + 6; ++y)
      for (int x = int(e.x) - 6; x <= int(e.x) + 6; ++x) {
        if (x < 0 || y < 0 || x >= arcs->w || y >= arcs->h) continue;
        const size_t k = (static_cast<size_t>(y) * arcs->w + x) * 4;
        diff += std::abs(arcs->rgba[k] - none->rgba[k]) + std::abs(arcs->rgba[k + 2] - none->rgba[k + 2]) > 60;
      }
    changed_ends += diff > 5;
  }
  EXPECT_GE(changed_ends, followers * 3 / 4) << "arcs missing at the followers";
}
