// The load report in every arrangement — the full interface, the compact one (a small window or a
// large UI scale: the sidebar folds into a rail) and presentation mode — at 800x500 (the smallest
// window), 1280x720, 1920x1080 and 3840x2160: its window covers neither the map area nor any
// other window, and stays in the frame.
// (tests/render/test_broken_corpus.cpp checks the same on the pixels of real screenshots.)
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "started_app.h"
#include "ui/layout.h"
#include "ui_rects.h"

using namespace cm;
using test::Started;

namespace {

struct Arrangement {
  const char* name;
  bool present;
  bool enlarged;   // the UI scale set to w / 1000 (else automatic)
  bool compact;    // what the layout must come out as
};

using cm::test::overlap;

}  // namespace

TEST(LoadReport, CoversNeitherTheMapNorAnotherPanel) {
  Started s("", 1280, 720);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  const Arrangement arrangements[] = {{"full", false, false, false}, {"compact", false, true, true}, {"present", true, false, false}};
  for (const auto& [w, h] : {std::pair{800, 500}, {1280, 720}, {1920, 1080}, {3840, 2160}})
    for (const Arrangement& a : arrangements) {
      SCOPED_TRACE(std::string(a.name) + " " + std::to_string(w) + "x" + std::to_string(h));
      st.present = a.present;
      // Compact: the UI enlarged past what the window holds (w / 1000: the design in a 1000-pixel-wide window).
      st.ui_scale_manual = a.enlarged ? static_cast<float>(w) / 1000.f : 0;
      st.errors = {"districts.shp: read as EPSG:3857 (WGS 84 / Pseudo-Mercator) it lands at 0.0°E 0.0°N, 12,880 km from Hangzhou; "
                   "its .prj is probably wrong"};
      st.warnings.clear();
      for (int k = 0; k < 12; ++k)
        st.warnings.push_back("projects.csv: row " + std::to_string(k + 1) + ": a warning long enough to wrap over two or three lines "
                              "of the report, as the real ones do");
      auto img = s.app.capture(w, h);
      ASSERT_TRUE(img) << img.error();
      const layout::Layout lay = layout::computeLayout(w, h, st.ui_scale, st.present, st.chrome);
      EXPECT_EQ(lay.compact, a.compact || (w < 1100 && !a.present));  // the smallest window is compact by itself
      ImGuiWindow* report = ImGui::FindWindowByName("###messages");
      ASSERT_NE(report, nullptr);
      ASSERT_TRUE(report->Active) << "the report is not shown";
      const ImRect r = report->Rect();
      EXPECT_GT(r.GetHeight(), 20.f);
      EXPECT_GE(r.Min.x, 0.f);
      EXPECT_GE(r.Min.y, 0.f);
      EXPECT_LE(r.Max.x, static_cast<float>(w));
      EXPECT_LE(r.Max.y, static_cast<float>(h));
      const ImRect map(ImVec2(static_cast<float>(lay.map.x0), static_cast<float>(lay.map.y0)),
                       ImVec2(static_cast<float>(lay.map.x1), static_cast<float>(lay.map.y1)));
      EXPECT_FALSE(overlap(r, map)) << "the report (" << r.Min.x << "," << r.Min.y << ")-(" << r.Max.x << "," << r.Max.y
                                    << ") covers the map (" << map.Min.x << "," << map.Min.y << ")-(" << map.Max.x << ","
                                    << map.Max.y << ")";
      int others = 0;
      for (ImGuiWindow* win : GImGui->Windows) {
        if (win == report || !win->Active || win->Hidden) continue;
        if (win->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup)) continue;
        ++others;
        EXPECT_FALSE(overlap(r, win->Rect())) << "the report covers " << win->Name << " (" << win->Pos.x << "," << win->Pos.y
                                              << " " << win->Size.x << "x" << win->Size.y << ")";
      }
      EXPECT_GE(others, 3) << "the other panels were not found";
    }
}
