// L (the language) keeps the sidebar's sections as the user left them: collapsing headers and tree
// nodes whose labels are translated keep one ImGui id ("label###id") in both languages, so an
// open Analysis section stays open and a folded Filters section stays folded.
#include <gtest/gtest.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "started_app.h"
#include "core/strings.h"
#include "test_paths.h"

using namespace cm;

namespace {

using cm::test::kFixture;

struct Header {
  Str label;
  const char* id;
  bool default_open;
};
const Header kHeaders[] = {{S::Analysis, "###analysis", false},
                           {S::Filters, "###filters", true},
                           {S::TopChains, "###top_chains", true},
                           {S::Layers, "###layers", true}};

ImGuiWindow* sidebar() { return ImGui::FindWindowByName("##sidebar"); }

void frames(App& app, int n = 3) {
  for (int i = 0; i < n; ++i) app.advance(0.016);
}

// Sets a header's open state as a click would (under the id of either form of the label).
void setOpen(const Header& h, bool open) {
  ImGuiWindow* w = sidebar();
  ASSERT_NE(w, nullptr);
  for (Lang L : {Lang::Zh, Lang::En}) w->StateStorage.SetInt(ImHashStr(tr(L, h.label), 0, w->ID), open);
  w->StateStorage.SetInt(ImHashStr(h.id, 0, w->ID), open);
}

float contentHeight() { return sidebar() ? sidebar()->ContentSize.y : -1; }

}  // namespace

TEST(LangSwitch, LKeepsTheSidebarSectionsOpenOrFolded) {
  test::Started s(kFixture, 1920, 1080);
  ASSERT_TRUE(s.ok);
  App& app = s.app;
  app.state().lang = Lang::En;
  frames(app);
  ASSERT_NE(sidebar(), nullptr);
  const float en_default = contentHeight();
  for (const Header& h : kHeaders) {
    app.state().lang = Lang::Zh;
    frames(app);
    setOpen(h, !h.default_open);  // the user opens Analysis, or folds one that starts open
    frames(app);
    const float zh_toggled = contentHeight();
    app.feed({.key = GLFW_KEY_L});  // to English
    frames(app);
    ASSERT_EQ(app.state().lang, Lang::En);
    const float en_after = contentHeight();
    if (h.default_open) EXPECT_LT(en_after, en_default - 20) << tr(Lang::En, h.label) << " opened again on L (zh " << zh_toggled << ")";
    else EXPECT_GT(en_after, en_default + 20) << tr(Lang::En, h.label) << " folded on L (zh " << zh_toggled << ")";
    setOpen(h, h.default_open);  // back as it was
    frames(app);
  }
}
