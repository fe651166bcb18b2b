// Presentation mode (--present) at 1280x720, 1920x1080 and 3840x2160, in Chinese and English, with
// the shipped story tour's step 2 on screen so the caption shows. The real binary renders each
// frame offscreen; the test finds the panels on the picture — near-white (≥ 245) rounded boxes over
// the map — and checks that the title card, the KPI counters, the legend, the caption and the
// timeline are each where presentation mode puts them (top-left, top-right, bottom-right,
// bottom-left above the timeline, along the bottom), that none overlaps another, that text grows
// with the screen (presentation's scale: min(w/1920, h/1080), 2/3 at 720p; fonts 16 px × scale, KPI
// numbers 2.4×), that the caption's body is at least 1/40 of the screen's height (its line height)
// and its title larger, and that the Chinese and English frames differ only inside the panels.
#include <cstdio>
#include <filesystem>
#include <map>

#include "core/tour.h"
#include "pixel_regions.h"
#include "render_probe.h"
#include "ui/layout.h"
#include "test_paths.h"

using namespace cm;
using namespace cm::test;

namespace {

using cm::test::kTour;


struct Panels {
  Box title, kpi, legend, caption, timeline;
  std::vector<Region> all;  // every large near-white region found
  std::string describe() const {
    std::string s;
    for (const Region& r : all) s += "  " + r.box.str() + " " + std::to_string(r.pixels) + " px\n";
    return s;
  }
};

// The panels of a presentation frame: the large 4-connected regions of near-white pixels (the
// panel background is white at 94 % over the map: ≥ 245 in every channel; the map's lightest fill,
// the districts' cream, has a blue channel of 236), at least 100×60 design pixels (the furniture's
// backings are smaller). Each is classified by where it lies.
// Returns false (with a gtest failure naming every region) unless exactly the five are there.
bool findPanels(const Image& img, Panels& out, const std::string& what) {
  const Pixels px = pixels(img);
  const int W = img.w, H = img.h;
  const float s = layout::autoScale(W, H, 1, true);
  auto regions = regionsWhere(px, [&](int x, int y) { return px.minChannel(x, y) >= 245; }, static_cast<long>(W) * H / 400);
  // White areas enclosed by a panel (the timeline's selected window, a bar's frame) belong to it;
  // the map furniture's white backings (scale bar, credits line) are thin strips, not panels.
  out.all.clear();
  for (const Region& r : regions)
    if (r.box.width() >= 100 * s && r.box.height() >= 60 * s &&
        std::none_of(regions.begin(), regions.end(), [&](const Region& o) {
          return &o != &r && o.full.x0 <= r.full.x0 && o.full.y0 <= r.full.y0 && o.full.x1 >= r.full.x1 && o.full.y1 >= r.full.y1;
        }))
      out.all.push_back(r);
  int found[5] = {};
  for (const Region& r : out.all) {
    const Box& b = r.box;
    const int cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
    if (b.width() >= 0.9 * W && b.y1 > H * 0.85) out.timeline = b, ++found[4];
    else if (cx < W / 2 && cy < H / 2) out.title = b, ++found[0];
    else if (cx >= W / 2 && cy < H / 2) out.kpi = b, ++found[1];
    else if (cx >= W / 2) out.legend = b, ++found[2];
    else out.caption = b, ++found[3];
  }
  const char* names[5] = {"title card (top-left)", "KPI counters (top-right)", "legend (bottom-right)", "caption (bottom-left)",
                          "timeline (bottom)"};
  bool ok = out.all.size() == 5;
  for (int k = 0; k < 5; ++k) {
    EXPECT_EQ(found[k], 1) << what << ": " << names[k] << " found " << found[k] << " times; the near-white regions:\n" << out.describe();
    ok = ok && found[k] == 1;
  }
  EXPECT_EQ(out.all.size(), 5u) << what << ": expected exactly five panels (two that overlap merge into one region):\n"
                                << out.describe();
  return ok;
}

// A tour identical to the shipped one except that step 2 draws no labels (the map's own text is
// in the chosen language), so the zh and en frames may differ only inside the panels.
std::string labelFreeTour() {
  auto t = loadTour(kTour);
  EXPECT_TRUE(t) << t.error();
  if (!t) return kTour;
  Tour tour = t.take();
  EXPECT_GE(tour.steps.size(), 2u);
  auto& layers = tour.steps.at(1).layers_on;
  layers.erase(std::remove(layers.begin(), layers.end(), std::string("labels")), layers.end());
  if (layers.empty()) layers = {"districts", "water", "rivers", "parks", "projects"};
  const std::string path = ::testing::TempDir() + "chainmap_present_nolabels_" + std::to_string(::getpid()) + ".json";
  auto saved = saveTour(path, tour);
  EXPECT_TRUE(saved) << saved.error();
  return path;
}

struct TextSizes {
  double body_pitch = 0, body_ink = 0, title_ink = 0, kpi_ink = 0;
};

void checkPresent(int W, int H) {
  const float s = layout::autoScale(W, H, 1, true);
  const layout::Layout lay = layout::computeLayout(W, H, s, true);
  const std::string size = std::to_string(W) + "x" + std::to_string(H);
  const std::string base = "--present --tour " + kTour + " --step 2 --size " + size;
  std::map<std::string, Panels> panels;
  std::map<std::string, TextSizes> text;
  for (const std::string lang : {"zh", "en"}) {
    const std::string what = size + " " + lang;
    const Image img = renderShot("present_" + size + "_" + lang, base + " --lang " + lang);
    ASSERT_EQ(img.w, W) << what;
    ASSERT_EQ(img.h, H) << what;
    Panels& p = panels[lang];
    if (!findPanels(img, p, what)) continue;

    // Where presentation mode puts each panel: the design margin from the edges, the right column
    // lay.right_w wide, legend and caption ending one margin above the timeline.
    const double m = lay.margin, tol = 2 + s;
    const double above_timeline = H - lay.timeline_h - 2 * m;
    EXPECT_NEAR(p.title.x0, m, tol) << what << " title " << p.title.str();
    EXPECT_NEAR(p.title.y0, m, tol) << what << " title " << p.title.str();
    EXPECT_NEAR(p.kpi.x1, W - m, tol) << what << " KPI " << p.kpi.str();
    EXPECT_NEAR(p.kpi.y0, m, tol) << what << " KPI " << p.kpi.str();
    EXPECT_NEAR(p.kpi.x0, W - m - lay.right_w, tol) << what << " KPI " << p.kpi.str();
    EXPECT_NEAR(p.legend.x1, W - m, tol) << what << " legend " << p.legend.str();
    EXPECT_NEAR(p.legend.y1, above_timeline, tol) << what << " legend " << p.legend.str();
    EXPECT_NEAR(p.caption.x0, m, tol) << what << " caption " << p.caption.str();
    EXPECT_NEAR(p.caption.y1, above_timeline, tol) << what << " caption " << p.caption.str();
    EXPECT_NEAR(p.timeline.x0, m, tol) << what << " timeline " << p.timeline.str();
    EXPECT_NEAR(p.timeline.x1, W - m, tol) << what << " timeline " << p.timeline.str();
    EXPECT_NEAR(p.timeline.y1, H - m, tol) << what << " timeline " << p.timeline.str();
    EXPECT_NEAR(p.timeline.height(), lay.timeline_h, tol) << what << " timeline " << p.timeline.str();
    // None overlaps another, nor comes closer than 2 px.
    const std::pair<const char*, Box> named[] = {
        {"title", p.title}, {"KPI", p.kpi}, {"legend", p.legend}, {"caption", p.caption}, {"timeline", p.timeline}};
    for (size_t a = 0; a < 5; ++a)
      for (size_t b = a + 1; b < 5; ++b)
        EXPECT_FALSE(named[a].second.touches(named[b].second, 2))
            << what << ": " << named[a].first << " " << named[a].second.str() << " overlaps " << named[b].first << " "
            << named[b].second.str();
    // The panels leave the map most of the frame.
    long covered = 0;
    for (const auto& [n, b] : named) covered += static_cast<long>(b.width()) * b.height();
    EXPECT_LT(covered, 0.6 * W * H) << what;

    // Text size. The caption: a grey "title · k / n" line, the step's title in the title font
    // (1.5×), then the step's text wrapped over lines one font size apart. Dark ink only (luma
    // < 128: the grey header drops out); rows inset from the rounded edge.
    const Pixels px = pixels(img);
    const int inset = static_cast<int>(4 * s);
    const auto lines = inkRows(px, p.caption.grown(-inset), 128);
    ASSERT_GE(lines.size(), 3u) << what << ": expected the caption's title and at least two lines of text";
    size_t title = 0;
    for (size_t k = 1; k < lines.size(); ++k)
      if (lines[k].length > lines[title].length) title = k;
    ASSERT_GE(lines.size() - title - 1, 2u) << what << ": the caption's text should wrap over two lines at least";
    TextSizes& t = text[lang];
    t.title_ink = lines[title].length;
    t.body_ink = lines[title + 1].length;
    t.body_pitch = lines[title + 2].start - lines[title + 1].start;
    // The KPI panel: its first dark row is the big numbers (projects, investment): digits 2.4× the UI font.
    const auto kpi_lines = inkRows(px, p.kpi.grown(-inset), 128);
    ASSERT_FALSE(kpi_lines.empty()) << what;
    t.kpi_ink = kpi_lines[0].length;
    std::printf("[ %s ] panels: title %s KPI %s legend %s caption %s timeline %s\n", what.c_str(), p.title.str().c_str(),
                p.kpi.str().c_str(), p.legend.str().c_str(), p.caption.str().c_str(), p.timeline.str().c_str());
    std::printf("[ %s ] scale %.2f: body line height %.0f px, body ink %.0f px, title ink %.0f px, KPI digits %.0f px\n", what.c_str(), s,
                t.body_pitch, t.body_ink, t.title_ink, t.kpi_ink);
    // The caption's body: its own font, 1/40 of the screen's height (layout::captionBodyPx) — its
    // size is its line height; the KPIs: the UI font (16 px × the scale).
    const double font = lay.caption_body_px, ui_font = 16.0 * s;
    EXPECT_NEAR(t.body_pitch, font, 1 + 0.06 * font) << what << ": body line height";
    EXPECT_GE(t.body_pitch, H / 40.0 - 0.5) << what << ": body text must be at least 1/40 of the screen's height";
    EXPECT_GE(t.body_ink, 0.55 * font) << what << ": body glyphs";
    EXPECT_LE(t.body_ink, 0.95 * font) << what << ": body glyphs";
    EXPECT_GE(t.title_ink / t.body_ink, 1.15) << what << ": caption title vs body";  // fonts 1.3× (ink varies with the glyphs)
    EXPECT_LE(t.title_ink / t.body_ink, 1.8) << what << ": caption title vs body";
    EXPECT_GE(t.kpi_ink, 0.40 * 2.4 * ui_font) << what << ": KPI numbers";
    EXPECT_LE(t.kpi_ink, 0.65 * 2.4 * ui_font) << what << ": KPI numbers";
  }

  // zh vs en: the same frame except the text. A copy of the tour without the labels layer (and no
  // map furniture, whose scale bar and credits are text too) leaves no text on the map; outside
  // every panel of either frame the pixels must be the same, inside the caption they must not.
  if (panels.size() != 2 || panels["zh"].all.size() != 5 || panels["en"].all.size() != 5) return;
  const std::string plain = "--present --tour " + labelFreeTour() + " --step 2 --size " + size +
                            " --layers districts,water,rivers,parks,projects";
  const Image zh = renderShot("present_plain_" + size + "_zh", plain + " --lang zh");
  const Image en = renderShot("present_plain_" + size + "_en", plain + " --lang en");
  ASSERT_EQ(zh.w, W);
  ASSERT_EQ(en.w, W);
  Panels pz, pe;
  ASSERT_TRUE(findPanels(zh, pz, size + " zh without labels"));
  ASSERT_TRUE(findPanels(en, pe, size + " en without labels"));
  std::vector<Box> text_boxes;
  for (const Panels* p : {&pz, &pe})
    for (const Region& r : p->all) text_boxes.push_back(r.full.grown(static_cast<int>(2 * s)));
  long outside = 0, same = 0, caption = 0, caption_diff = 0;
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) {
      const unsigned char *a = &zh.rgba[(static_cast<size_t>(y) * W + x) * 4], *b = &en.rgba[(static_cast<size_t>(y) * W + x) * 4];
      const bool equal = std::abs(a[0] - b[0]) <= 2 && std::abs(a[1] - b[1]) <= 2 && std::abs(a[2] - b[2]) <= 2;
      if (pz.caption.contains(x, y)) ++caption, caption_diff += !equal;
      if (std::any_of(text_boxes.begin(), text_boxes.end(), [&](const Box& bx) { return bx.contains(x, y); })) continue;
      ++outside;
      same += equal;
    }
  ASSERT_GT(outside, W * H / 3) << size;
  const double share = static_cast<double>(same) / outside;
  std::printf("[ %s ] zh vs en: %.4f%% of %ld map pixels outside the panels equal; %.2f%% of the caption differs\n", size.c_str(),
              100 * share, outside, 100.0 * caption_diff / std::max(1L, caption));
  EXPECT_GE(share, 0.995) << size << ": the zh and en frames differ outside the panels (" << outside - same << " of " << outside
                          << " map pixels)";
  EXPECT_GT(caption_diff, caption / 100) << size << ": the caption did not change with the language";
}

}  // namespace

TEST(Present, PanelsAndTextAt1280x720InBothLanguages) { checkPresent(1280, 720); }
TEST(Present, PanelsAndTextAt1920x1080InBothLanguages) { checkPresent(1920, 1080); }
TEST(Present, PanelsAndTextAt3840x2160InBothLanguages) { checkPresent(3840, 2160); }
