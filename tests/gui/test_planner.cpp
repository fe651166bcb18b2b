// The planner's tools in-process (needs a display): the project table (filter, search, sort, a
// click that selects and flies), the measuring tool.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/filter.h"
#include "started_app.h"
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
  st.table_open = true;
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
}

TEST(MeasureTool, DrawsThePathItsLegsAndTheArea) {
  Started s("", 1280, 720);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  auto plain = s.app.capture();
  ASSERT_TRUE(plain);
  st.measure.active = true;
  for (Vec2 p : {Vec2{600, 250}, Vec2{800, 250}, Vec2{800, 420}}) st.measure.points.push_back(st.view.toWorld(p));
  st.measure.closed = true;
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
