// The planner's views of issue 18 in-process (no display): the glyphs of the NNI's numbers, the
// pinned card clear of the project table, the chain view of a chain without a leader, the
// analysis windows' text within their windows, and the annual targets said to be city-wide.
#include <gtest/gtest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>

#include "core/analysis/chains.h"
#include "core/analysis/products.h"
#include "core/filter.h"
#include "data/generator.h"
#include "temp_dir.h"
#include "render/layers/layers.h"
#include "started_app.h"
#include "ui/features/features.h"

using namespace cm;
using test::Started;

namespace {

// The text a window drew last frame, read back from its draw list: each glyph quad's texture
// corner names its glyph (in any of the atlas's fonts). `lines`: also the glyphs grouped by the
// height they sit at (a line of text), in drawing order.
std::string drawnText(const ImGuiWindow* w, std::vector<std::pair<float, std::string>>* lines = nullptr) {
  std::unordered_map<uint64_t, ImWchar> by_uv;
  auto key = [](float u, float v) {
    uint32_t a, b;
    std::memcpy(&a, &u, 4);
    std::memcpy(&b, &v, 4);
    return uint64_t(a) << 32 | b;
  };
  for (const ImFont* f : ImGui::GetIO().Fonts->Fonts)
    for (const ImFontGlyph& g : f->Glyphs)
      if (g.Visible) by_uv.emplace(key(g.U0, g.V0), static_cast<ImWchar>(g.Codepoint));
  std::string out;
  auto scan = [&](const ImDrawList* dl) {
    const ImVector<ImDrawVert>& v = dl->VtxBuffer;
    for (int i = 0; i + 2 < v.Size; ++i) {
      auto it = by_uv.find(key(v[i].uv.x, v[i].uv.y));
      if (it == by_uv.end() || v[i + 1].uv.y != v[i].uv.y || v[i + 2].uv.x != v[i + 1].uv.x) continue;
      char buf[8];
      ImTextCharToUtf8(buf, it->second);
      out += buf;
      if (lines) {
        const float y = v[i + 2].pos.y;  // the glyph's bottom: one line's glyphs end near one height
        auto line = std::find_if(lines->begin(), lines->end(), [&](const auto& l) { return std::abs(l.first - y) < 6; });
        if (line == lines->end()) lines->push_back({y, buf});
        else line->second += buf;
      }
      i += 3;
    }
  };
  scan(w->DrawList);
  for (const ImGuiWindow* c : GImGui->Windows)
    if (c != w && c->RootWindow == w && c->Active) scan(c->DrawList);  // its child windows (tables that scroll)
  return out;
}

ImGuiWindow* shownWindow(const char* id) {
  for (ImGuiWindow* w : GImGui->Windows)
    if (w->Active && !w->Hidden && std::strstr(w->Name, id)) return w;
  return nullptr;
}

std::string allDrawnText() {
  std::string t;
  for (ImGuiWindow* w : GImGui->Windows)
    if (w->Active && !w->Hidden && !(w->Flags & ImGuiWindowFlags_ChildWindow)) t += drawnText(w);
  return t;
}

// Drawn text has no spaces (a space draws no glyph).
std::string noSpaces(std::string t) {
  t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  return t;
}

bool overlapsStrictly(const ImRect& a, const ImRect& b) { return a.Min.x < b.Max.x && b.Min.x < a.Max.x && a.Min.y < b.Max.y && b.Min.y < a.Max.y; }

// CHAINMAP_KEEP_CAPTURES=DIR keeps the captures to look at.
void keepPng(const Image& img, const std::string& name) {
  if (const char* dir = std::getenv("CHAINMAP_KEEP_CAPTURES")) (void)writePng(std::string(dir) + "/" + name + ".png", img);
}

int largestChain(const Model& m) {
  std::vector<int> n(m.projects.chain_names.size(), 0);
  for (size_t i = 0; i < m.projects.size(); ++i)
    if (m.projects.chain[i] < n.size()) ++n[m.projects.chain[i]];
  return static_cast<int>(std::max_element(n.begin(), n.end()) - n.begin());
}

}  // namespace

// (a) "z = ?21.4": the NNI's sentences print a real minus sign (U+2212); the atlas has its glyph,
// and every other of their characters, and the window shows no fallback '?'.
TEST(PlannerViews, TheAtlasHoldsTheGlyphsOfTheNnisNumbers) {
  Started s("", 1920, 1080);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  st.features.get<NniSettings>(ids::kNni).window_open = true;
  ASSERT_TRUE(s.app.capture());
  const auto* product = s.app.derived().product<NniProduct>(ids::kNni);
  ASSERT_NE(product, nullptr);
  ASSERT_NE(product->get(), nullptr);
  const ImFont* ui = ImGui::GetIO().Fonts->Fonts[0];
  bool minus = false;
  for (const NniGroup& g : product->get()->groups)
    for (const std::string& text : {g.sentence_zh, g.sentence_en}) {
      minus |= text.find("\u2212") != std::string::npos;
      for (const char* c = text.c_str(); *c;) {
        unsigned int cp = 0;
        c += ImTextCharFromUtf8(&cp, c, nullptr);
        EXPECT_NE(ui->FindGlyphNoFallback(static_cast<ImWchar>(cp)), nullptr) << "U+" << std::hex << cp << " in \"" << text << "\"";
      }
    }
  EXPECT_TRUE(minus) << "the sample's clusters give a negative z";
  for (Lang L : {Lang::Zh, Lang::En}) {
    st.lang = L;
    ASSERT_TRUE(s.app.capture());
    ImGuiWindow* w = shownWindow("###nni");
    ASSERT_NE(w, nullptr);
    const std::string text = drawnText(w);
    EXPECT_NE(text.find("\u2212"), std::string::npos) << text;
    EXPECT_EQ(text.find('?'), std::string::npos) << "a glyph missing from the atlas: " << text;
  }
}

// (c) A project chosen in the project table: its pinned card is not hidden under the table.
TEST(PlannerViews, ThePinnedCardIsNotUnderTheProjectTable) {
  for (const auto& [W, H] : {std::pair{1280, 720}, {1920, 1080}}) {
    SCOPED_TRACE(std::to_string(W) + "x" + std::to_string(H));
    Started s("", W, H);
    ASSERT_TRUE(s.ok);
    AppState& st = s.app.state();
    st.features.get<TableSettings>(ids::kTable).open = true;
    ASSERT_TRUE(s.app.capture());
    ImGuiWindow* table = shownWindow("###project_table");
    ASSERT_NE(table, nullptr);
    const ImRect tr = table->Rect();
    // A project the table covers on the map.
    const Projects& p = s.model->projects;
    int under = -1;
    for (size_t i = 0; i < p.size() && under < 0; ++i) {
      const Vec2 at = st.view.toScreen({p.x[i], p.y[i]});
      if (at.x > tr.Min.x + 40 && at.x < tr.Max.x - 40 && at.y > tr.Min.y + 40 && at.y < tr.Max.y - 40) under = static_cast<int>(i);
    }
    ASSERT_GE(under, 0) << "no project under the table";
    st.selected = under;
    ASSERT_TRUE(s.app.capture());
    // The click in the table that chose it focuses the table: in front of every other window.
    ImGui::FocusWindow(shownWindow("###project_table"));
    auto img = s.app.capture();  // the card knows its size from the frame before
    ASSERT_TRUE(img);
    keepPng(*img, "card_" + std::to_string(W));
    ImGuiWindow* card = shownWindow("##project_card");
    ASSERT_NE(card, nullptr);
    table = shownWindow("###project_table");
    ASSERT_NE(table, nullptr);
    const auto order = [](ImGuiWindow* w) { return std::find(GImGui->Windows.begin(), GImGui->Windows.end(), w) - GImGui->Windows.begin(); };
    EXPECT_TRUE(!overlapsStrictly(card->Rect(), table->Rect()) || order(card) > order(table))
        << "the card (" << card->Pos.x << "," << card->Pos.y << " " << card->Size.x << "x" << card->Size.y << ") lies under the table ("
        << table->Pos.x << "," << table->Pos.y << " " << table->Size.x << "x" << table->Size.y << ")";
    EXPECT_GE(card->Pos.x, 0.f);
    EXPECT_GE(card->Pos.y, 0.f);
    EXPECT_LE(card->Pos.x + card->Size.x, static_cast<float>(W));
    EXPECT_LE(card->Pos.y + card->Size.y, static_cast<float>(H));
  }
}

// (d) The chain view of the largest chain (no leader in the sample) changes the map and says why
// there is no distance to a leader, not "—".
TEST(PlannerViews, TheLargestChainsViewShowsItsProjects) {
  Started s("", 1280, 720);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  const int chain = largestChain(*s.model);
  ASSERT_EQ(chainView(*s.model, st.filter, chain).followers, 0u);
  auto before = s.app.capture();
  ASSERT_TRUE(before);
  st.features.get<ChainSettings>(ids::kChains).chain_view = chain;
  auto after = s.app.capture();
  ASSERT_TRUE(after);
  keepPng(*after, "chain_view");
  ASSERT_EQ(before->rgba.size(), after->rgba.size());
  size_t changed = 0;
  for (size_t k = 0; k < before->rgba.size(); k += 4)
    changed += std::abs(int(before->rgba[k]) - int(after->rgba[k])) + std::abs(int(before->rgba[k + 1]) - int(after->rgba[k + 1])) > 60;
  EXPECT_GT(changed, 2000u) << "choosing the chain changed nothing on the map";
}

// (g) The analysis windows' text wraps or scrolls within them at 1280×720 and 1920×1080, in both
// languages: no window's content is wider than the window.
TEST(PlannerViews, AnalysisWindowsFitTheirText) {
  for (const auto& [W, H] : {std::pair{1280, 720}, {1920, 1080}}) {
    Started s("", W, H);
    ASSERT_TRUE(s.ok);
    AppState& st = s.app.state();
    st.features.get<ParkSettings>(ids::kConformance).window_open = true;
    st.features.get<NniSettings>(ids::kNni).window_open = true;
    for (Lang L : {Lang::Zh, Lang::En}) {
      SCOPED_TRACE(std::to_string(W) + "x" + std::to_string(H) + (L == Lang::Zh ? " zh" : " en"));
      st.lang = L;
      ASSERT_TRUE(s.app.capture());
      auto img = s.app.capture();
      ASSERT_TRUE(img);
      keepPng(*img, "windows_" + std::to_string(W) + (L == Lang::Zh ? "_zh" : "_en"));
      for (const char* id : {"###conformance", "###nni"}) {
        ImGuiWindow* w = shownWindow(id);
        ASSERT_NE(w, nullptr) << id;
        EXPECT_LE(w->ContentSize.x, w->ContentRegionRect.GetWidth() + 1) << id << ": content " << w->ContentSize.x << " px in a window "
                                                                          << w->ContentRegionRect.GetWidth() << " px wide";
        EXPECT_LE(w->Pos.x + w->Size.x, static_cast<float>(W)) << id;
      }
      // Whole sentences: glyphs past a window's or a column's edge are not drawn at all.
      const NniResult* nni = s.app.derived().product<NniProduct>(ids::kNni)->get();
      ASSERT_NE(nni, nullptr);
      const std::string sentence = noSpaces(L == Lang::Zh ? nni->groups[0].sentence_zh : nni->groups[0].sentence_en);
      const std::string nni_text = drawnText(shownWindow("###nni"));
      EXPECT_NE(nni_text.find(sentence), std::string::npos) << "cut off: " << sentence << " in " << nni_text;
      const Conformance* c = s.app.derived().product<ConformanceProduct>(ids::kConformance)->get();
      ASSERT_NE(c, nullptr);
      char city[256];
      std::snprintf(city, sizeof city, tr(L, S::ConfCity), static_cast<long long>(c->in_parks), static_cast<long long>(c->total),
                    100 * c->in_parks_share, 100 * c->match_share);
      const std::string conf_text = drawnText(shownWindow("###conformance"));
      EXPECT_NE(conf_text.find(noSpaces(city)), std::string::npos) << "cut off: " << city << " in " << conf_text;
    }
  }
}

// (h) The annual-target bars count the whole city whatever the filter: with a filter that leaves
// most of the city out they say "全市" / "city-wide" and that they are not the filter's progress.
TEST(PlannerViews, TheAnnualTargetsSayCityWideBesideAFilter) {
  Started s("", 1920, 1080);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  for (Lang L : {Lang::Zh, Lang::En}) {
    st.lang = L;
    st.filter.districts = IdSet::all();
    ASSERT_TRUE(s.app.capture());
    const std::string note = noSpaces(std::string(tr(L, S::TargetsNotTheFilter)).substr(0, L == Lang::Zh ? 15 : 14));
    std::string text = allDrawnText();
    EXPECT_NE(text.find(tr(L, S::TargetsCityWide)), std::string::npos) << text;
    st.filter.districts = IdSet::only(0);
    auto img = s.app.capture();
    ASSERT_TRUE(img);
    keepPng(*img, std::string("targets_") + (L == Lang::Zh ? "zh" : "en"));
    text = allDrawnText();
    EXPECT_NE(text.find(tr(L, S::TargetsCityWide)), std::string::npos) << text;
    EXPECT_NE(text.find(note), std::string::npos) << "no note that the targets are not the filter's: " << text;
  }
}

// (f) 20,000 projects, drawn as bubbles: the legend keeps the ecosystems' colours and counts, and
// the size key's phrases each stay on one line ("面积 ∝ 总投资", not "面" / "积 ∝").
TEST(PlannerViews, TheBubblesLegendKeepsTheEcosystemsAndReadsWhole) {
  test::TempDir dir("chainmap-legend20k");
  const std::string path = (dir.path / "p20k.csv").string();
  {
    Started base("", 640, 480);
    ASSERT_TRUE(base.ok);
    ASSERT_TRUE(generateProjects(path, GeneratorOptions{kSampleSeed, 20000}, base.model->districts, base.model->parks));
  }
  Started s(path, 1920, 1080);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  for (Lang L : {Lang::Zh, Lang::En}) {
    SCOPED_TRACE(L == Lang::Zh ? "zh" : "en");
    st.lang = L;
    auto img = s.app.capture();
    ASSERT_TRUE(img);
    keepPng(*img, std::string("legend20k_") + (L == Lang::Zh ? "zh" : "en"));
    ASSERT_TRUE(s.app.derived().aggregated()) << "20,000 projects are drawn as bubbles";
    ImGuiWindow* legend = shownWindow("legend");
    ASSERT_NE(legend, nullptr);
    std::vector<std::pair<float, std::string>> lines;
    const std::string text = drawnText(legend, &lines);
    const Stats& stats = s.app.derived().stats();
    for (int e = 0; e < kEcosystemCount; ++e) {
      EXPECT_NE(text.find(noSpaces(ecosystemName(L, static_cast<Ecosystem>(e)))), std::string::npos) << text;
      EXPECT_NE(text.find(std::to_string(stats.by_ecosystem[e].count)), std::string::npos) << text;
    }
    for (Str phrase : {S::BubbleArea, S::BubbleNumber}) {
      const std::string want = noSpaces(tr(L, phrase));
      EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [&](const auto& l) { return l.second.find(want) != std::string::npos; }))
          << "\"" << want << "\" is broken across lines: " << text;
    }
  }
}

// (f) A park marker on a bubble's centre: the count moves below (or above) it, inside the disc,
// clear of the marker's box; without a marker, or with no room, it stays centred.
TEST(PlannerViews, ABubblesCountKeepsClearOfParkMarkers) {
  const Vec2 c{100, 100}, text{24, 14};
  const double half = 8, inner = 30;
  EXPECT_EQ(countClearOfMarkers(c, text, inner, {}, half), 100);
  EXPECT_EQ(countClearOfMarkers(c, text, inner, {{300, 300}}, half), 100);
  for (const Vec2 mark : {Vec2{100, 100}, Vec2{104, 96}, Vec2{92, 106}}) {
    const double y = countClearOfMarkers(c, text, inner, {mark}, half);
    EXPECT_GE(std::abs(y - mark.y), text.y / 2 + half) << "the count still under the marker at " << mark.x << "," << mark.y;
    const double dy = std::abs(y - c.y) + text.y / 2;
    EXPECT_LE(dy * dy + text.x * text.x / 4, inner * inner) << "the count left its bubble";
  }
  EXPECT_EQ(countClearOfMarkers(c, text, 12, {{100, 100}}, half), 100) << "no room: centred (on a plate)";
}
