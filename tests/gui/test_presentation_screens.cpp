// Presentation on the screens a delegation meets (1280x720, 1920x1080, 3840x2160), in both
// languages, every step of the shipped tour: no docked window needs a scroll bar (the legend's
// keys included), no docked window covers another, the caption's body is at least 1/40 of the
// screen's height and its title larger, and the step's extent (lon/lat ± width/height) lies in the
// free map area — clear of the caption card and the timeline. A step is framed the same at the
// tour's start, reached with → or ←, and after presentation is switched off and on; hovering the
// map shows nothing in presentation.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

#include "core/tour.h"
#include "started_app.h"
#include "ui/layout.h"
#include "ui/tour_player.h"
#include "test_paths.h"
#include "ui_rects.h"

using namespace cm;
using test::Started;

namespace {

using cm::test::kTour;

using cm::test::overlap;
std::string str(const ImRect& r) {
  return "(" + std::to_string(static_cast<int>(r.Min.x)) + "," + std::to_string(static_cast<int>(r.Min.y)) + ")-(" +
         std::to_string(static_cast<int>(r.Max.x)) + "," + std::to_string(static_cast<int>(r.Max.y)) + ")";
}
ImRect rectOf(const layout::Rect& r) {
  return {ImVec2(static_cast<float>(r.x0), static_cast<float>(r.y0)), ImVec2(static_cast<float>(r.x1), static_cast<float>(r.y1))};
}
bool inside(const ImRect& in, const ImRect& out, float tol = 1.f) {
  return in.Min.x >= out.Min.x - tol && in.Min.y >= out.Min.y - tol && in.Max.x <= out.Max.x + tol && in.Max.y <= out.Max.y + tol;
}

// The docked windows on screen (no tooltips, popups or children).
std::vector<ImGuiWindow*> docked() {
  std::vector<ImGuiWindow*> out;
  for (ImGuiWindow* w : GImGui->Windows)
    if (w->Active && !w->Hidden && !(w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup)))
      out.push_back(w);
  return out;
}

// The step's extent on screen.
ImRect extentOnScreen(const AppState& st, const TourStep& s, const std::string& crs) {
  const CameraPose e = stepPose(s, crs);
  const double hw = e.width / 2, hh = (s.height_km > 0 ? s.height_km * 1000 : 0) / 2;
  const Vec2 a = st.view.toScreen({e.cx - hw, e.cy + hh}), b = st.view.toScreen({e.cx + hw, e.cy - hh});
  return {ImVec2(static_cast<float>(a.x), static_cast<float>(a.y)), ImVec2(static_cast<float>(b.x), static_cast<float>(b.y))};
}

}  // namespace

TEST(PresentationScreens, EveryStepFitsAndIsFramedInTheFreeMapArea) {
  Started s("", 1280, 720);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  const Model& m = s.app.model();
  ASSERT_TRUE(openTour(st, kTour));
  st.present = true;
  const int n = static_cast<int>(st.tour.doc.steps.size());
  ASSERT_GE(n, 9);
  for (const auto& [w, h] : {std::pair{1280, 720}, {1920, 1080}, {3840, 2160}}) {
    st.view.width = w;
    st.view.height = h;
    for (const Lang lang : {Lang::Zh, Lang::En}) {
      st.lang = lang;
      for (int k = 0; k < n; ++k) {
        const std::string what = std::to_string(w) + "x" + std::to_string(h) + (lang == Lang::Zh ? " zh" : " en") + ", step " +
                                 std::to_string(k + 1);
        SCOPED_TRACE(what);
        goToStep(st, m, k, false);
        for (int f = 0; f < 3; ++f) s.app.advance(0);  // auto-sized windows settle in a frame or two
        ASSERT_EQ(st.view.width, w);
        const layout::Layout lay = layout::computeLayout(w, h, st.ui_scale, true);
        if (k == 0) EXPECT_NEAR(st.ui_scale, std::min(w / 1920.f, h / 1080.f), 1e-3) << "presentation scales with the screen";
        const std::vector<ImGuiWindow*> wins = docked();
        ImGuiWindow *caption = nullptr, *timeline = nullptr;
        for (ImGuiWindow* win : wins) {
          if (std::string(win->Name) == "##caption") caption = win;
          if (std::string(win->Name) == "##timeline") timeline = win;
          EXPECT_LE(win->ScrollMax.y, 0.f) << win->Name << " needs a vertical scroll bar (" << win->ScrollMax.y << " px more)";
          EXPECT_LE(win->ScrollMax.x, 0.f) << win->Name << " needs a horizontal scroll bar";
          EXPECT_GE(win->Pos.x, 0.f) << win->Name;
          EXPECT_GE(win->Pos.y, 0.f) << win->Name;
          EXPECT_LE(win->Pos.x + win->Size.x, static_cast<float>(w)) << win->Name;
          EXPECT_LE(win->Pos.y + win->Size.y, static_cast<float>(h)) << win->Name;
        }
        EXPECT_GE(wins.size(), 5u) << "title, totals, legend, caption and timeline";
        for (size_t i = 0; i < wins.size(); ++i)
          for (size_t j = i + 1; j < wins.size(); ++j)
            EXPECT_FALSE(overlap(wins[i]->Rect(), wins[j]->Rect()))
                << wins[i]->Name << " " << str(wins[i]->Rect()) << " covers " << wins[j]->Name << " " << str(wins[j]->Rect());
        ASSERT_NE(caption, nullptr);
        ASSERT_NE(timeline, nullptr);
        // Legible across a room: the caption's body at least 1/40 of the screen's height, the title larger.
        const float body = caption->StateStorage.GetFloat(caption->GetID("caption_body_px"), 0);
        const float title = caption->StateStorage.GetFloat(caption->GetID("caption_title_px"), 0);
        EXPECT_GE(body, h / 40.f) << "the caption's body is " << body << " px";
        EXPECT_GT(title, body) << "the caption's title is " << title << " px";
        EXPECT_TRUE(inside(caption->Rect(), rectOf(lay.caption))) << "the caption " << str(caption->Rect()) << " leaves its box "
                                                                  << str(rectOf(lay.caption));
        // The step's content in the free map area, clear of the caption and the timeline.
        const TourStep& step = st.tour.doc.steps[k];
        const ImRect e = extentOnScreen(st, step, m.display_crs);
        EXPECT_TRUE(inside(e, rectOf(layout::freeAbove(lay))) || inside(e, rectOf(layout::freeRight(lay))))
            << "the step's extent " << str(e) << " is not in the free area above " << str(rectOf(layout::freeAbove(lay)))
            << " nor right " << str(rectOf(layout::freeRight(lay)));
        EXPECT_FALSE(overlap(e, caption->Rect())) << "the caption " << str(caption->Rect()) << " covers the step's extent " << str(e);
        EXPECT_FALSE(overlap(e, timeline->Rect())) << "the timeline covers the step's extent " << str(e);
        // No hover UI on the audience's screen: the pointer over the step's content (the western
        // counties' choropleth) shows nothing.
        if (k == 6 && lang == Lang::En) {
          s.app.feed({(e.Min.x + e.Max.x) / 2, (e.Min.y + e.Max.y) / 2});
          s.app.advance(0);
          EXPECT_FALSE(st.hover) << "a hovered item in presentation";
          for (ImGuiWindow* win : GImGui->Windows)
            EXPECT_FALSE(win->Active && (win->Flags & ImGuiWindowFlags_Tooltip)) << "a tooltip in presentation: " << win->Name;
          st.present = false;  // the same pointer outside presentation does hover (so the check above can fail)
          s.app.advance(0);
          EXPECT_TRUE(st.hover) << "nothing under the pointer at all";
          s.app.feed({-1, -1});
          st.present = true;
          s.app.advance(0);
        }
      }
    }
  }
}

// The frame of a step does not depend on how it was reached: at the start, with → from the step
// before, with ← from the step after (after the flight), or after presentation off and on again.
TEST(PresentationScreens, AStepIsFramedTheSameHoweverItIsReached) {
  Started s("", 1280, 720);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  const Model& m = s.app.model();
  ASSERT_TRUE(openTour(st, kTour));
  st.present = true;
  s.app.advance(0);
  const int n = static_cast<int>(st.tour.doc.steps.size());
  auto settle = [&] {
    for (int f = 0; f < 60 && st.tour.flying; ++f) s.app.advance(1.0 / 30);
    s.app.advance(0);
  };
  for (int k : {0, 6, n - 1}) {
    SCOPED_TRACE("step " + std::to_string(k + 1));
    goToStep(st, m, k, false);
    settle();
    const View at_start = st.view;
    if (k + 1 < n) {
      goToStep(st, m, k + 1, false);
      settle();
      ASSERT_TRUE(previousStep(st, m, true));  // ←, flying
      settle();
      EXPECT_TRUE(st.view == at_start) << "← gives another frame";
    }
    if (k > 0) {
      goToStep(st, m, k - 1, false);
      settle();
      ASSERT_TRUE(nextStep(st, m, true));  // →
      settle();
      EXPECT_TRUE(st.view == at_start) << "→ gives another frame";
    }
    st.present = false;
    s.app.advance(0);
    st.present = true;
    s.app.advance(0);
    EXPECT_TRUE(st.view == at_start) << "presentation off and on gives another frame";
  }
  // Shown first at 1920x1080, then the window is 1280x720: the frame of 1280x720.
  goToStep(st, m, 6, false);
  const View at_720 = (settle(), st.view);
  st.view.width = 1920;
  st.view.height = 1080;
  s.app.advance(0);
  goToStep(st, m, 6, false);
  settle();
  st.view.width = 1280;
  st.view.height = 720;
  s.app.advance(0);
  s.app.advance(0);
  EXPECT_NEAR(st.view.units_per_px, at_720.units_per_px, at_720.units_per_px * 1e-9) << "resized: another scale";
  EXPECT_NEAR(st.view.center.x, at_720.center.x, 1e-3 * at_720.units_per_px) << "resized: another centre";
  EXPECT_NEAR(st.view.center.y, at_720.center.y, 1e-3 * at_720.units_per_px) << "resized: another centre";
}
