// The guided-tour file: round trip, errors that name the file, the step and the problem, atomic
// saving, paths that must stay in the tour's folder, and the shipped tour itself.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "file_text.h"
#include "temp_dir.h"
#include "core/catalog.h"
#include "core/dates.h"
#include "core/ecosystem.h"
#include "core/tour.h"

using namespace cm;
namespace fs = std::filesystem;

using test::slurp;
using test::shellQuote;

namespace {

using test::TempDir;


Tour fullTour() {
  Tour t;
  t.title = {"杭州：循链而上", "Hangzhou, \"up the chain\""};
  TourStep a;
  a.title = {"第一步", "Step one"};
  a.text = {"文字，含引号\"和反斜杠\\。", "Text with a tab\tand a newline\n."};
  a.notes = {"讲解要点", "Speaker notes"};
  a.lon = 119.123456789012;
  a.lat = 30.000000000001;
  a.width_km = 0.1 + 0.2;  // not exactly representable: must survive as the same double
  a.layers_on = {"districts", "projects", "choropleth"};
  a.ecosystems = {"iot", "other"};
  a.chains = {"water_beverages", "integrated_circuits"};
  a.districts = {330127, 330102};
  a.sector = "manufacturing";
  a.min_investment_yi = 1.5;
  a.park = "out";
  a.from = "2023-01";
  a.to = "2024-12";
  a.play = true;
  a.play_seconds = 12.25;
  a.lifecycle = true;
  a.features["choropleth"] = "projects_per_km2";  // a feature's value: kept as it is
  a.seconds = 20;
  t.steps.push_back(a);
  TourStep b;  // every default
  b.title = {"二", "Two"};
  b.text = {"默认值", "Defaults"};
  t.steps.push_back(b);
  return t;
}

// A valid one-step tour with `step` spliced in as step `n` (1-based) of three.
std::string tourWith(int n, const std::string& step) {
  const std::string ok = R"({"title": {"zh": "步", "en": "Step"}, "text": {"zh": "文", "en": "Text"}})";
  std::string steps;
  for (int i = 1; i <= 3; ++i) steps += (i > 1 ? ",\n    " : "    ") + (i == n ? step : ok);
  return "{\n  \"title\": {\"zh\": \"测试\", \"en\": \"Test\"},\n  \"steps\": [\n" + steps + "\n  ]\n}\n";
}

std::string loadError(const TempDir& d, const std::string& text, const std::string& name = "t.json") {
  const fs::path p = d.path / name;
  test::writeText(p, text);
  auto r = loadTour(p.string());
  EXPECT_FALSE(r) << "expected an error for:\n" << text;
  return r ? std::string() : r.error();
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST(TourFile, RoundTripSaveLoad) {
  TempDir d;
  const Tour t = fullTour();
  const fs::path p = d.path / "tour.json";
  auto saved = saveTour(p.string(), t);
  ASSERT_TRUE(saved) << saved.error();
  auto loaded = loadTour(p.string());
  ASSERT_TRUE(loaded) << loaded.error();
  EXPECT_TRUE(*loaded == t);
  EXPECT_EQ(loaded->steps[0].width_km, 0.1 + 0.2);
  EXPECT_EQ(loaded->steps[1].seconds, 8);  // defaults left out of the file come back
  // Pretty and readable: indented, UTF-8 as is, and the defaults of step 2 left out.
  const std::string json = tourToJson(t);
  EXPECT_TRUE(has(json, "\n  \"steps\": [\n"));
  EXPECT_TRUE(has(json, "杭州：循链而上"));
  EXPECT_EQ(std::count(json.begin(), json.end(), '\n') > 20, true);
  EXPECT_EQ(slurp(p), json);
  // The same text parsed again gives the same tour; saving it again gives the same bytes.
  auto again = parseTour(json, "mem");
  ASSERT_TRUE(again) << again.error();
  EXPECT_TRUE(*again == t);
  EXPECT_EQ(tourToJson(*again), json);
}

TEST(TourFile, MinimalFileTakesDefaultsAndIgnoresUnknownKeys) {
  TempDir d;
  const fs::path p = d.path / "min.json";
  test::writeText(p, "\xEF\xBB\xBF" R"({"title": {"zh": "小", "en": "Small"}, "version": 7, "author": {"x": 1},
        "steps": [{"title": {"zh": "一", "en": "One"}, "text": {"zh": "文", "en": "Text", "fr": "Texte"},
                   "camera_speed": 3, "notes": null, "sector": null}]})");
  auto r = loadTour(p.string());
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->steps.size(), 1u);
  const TourStep& s = r->steps[0];
  EXPECT_EQ(s.lon, 120.0);
  EXPECT_EQ(s.lat, 29.95);
  EXPECT_EQ(s.width_km, 180);
  EXPECT_EQ(s.seconds, 8);
  EXPECT_TRUE(s.layers_on.empty() && s.ecosystems.empty() && s.chains.empty() && s.districts.empty());
  EXPECT_EQ(s.sector, "");
  EXPECT_EQ(s.notes, TourText{});
  EXPECT_FALSE(s.play);
}

TEST(TourFile, BrokenFileNamesFileStepAndLine) {
  TempDir d;
  // Step 2 lacks the comma between two keys.
  const std::string broken = tourWith(2, R"({"title": {"zh": "步", "en": "Step"} "text": {"zh": "文", "en": "Text"}})");
  const std::string e = loadError(d, broken, "broken.json");
  EXPECT_TRUE(has(e, "broken.json")) << e;
  EXPECT_TRUE(has(e, "step 2")) << e;
  EXPECT_TRUE(has(e, "not valid JSON")) << e;
  EXPECT_TRUE(has(e, "line 5")) << e;
  // A file cut short inside step 3.
  std::string cut = tourWith(3, R"({"title": {"zh": "步", "en": "Step"}, "text": {"zh": "文", "en": "Text"}})");
  cut.resize(cut.size() - 20);
  const std::string e2 = loadError(d, cut, "cut.json");
  EXPECT_TRUE(has(e2, "cut.json") && has(e2, "step 3")) << e2;
  // Outside the steps: no step is named.
  const std::string e3 = loadError(d, R"({"title": {"zh": "测试" "en": "Test"}, "steps": []})", "head.json");
  EXPECT_TRUE(has(e3, "head.json") && has(e3, "not valid JSON") && !has(e3, "step ")) << e3;
  // Not JSON at all; an empty file.
  EXPECT_TRUE(has(loadError(d, "title = Hangzhou\n", "ini.json"), "ini.json: not valid JSON"));
  EXPECT_TRUE(has(loadError(d, "", "empty.json"), "empty.json: not valid JSON"));
}

TEST(TourFile, MissingLanguageNamesFileAndStep) {
  TempDir d;
  std::string e = loadError(d, tourWith(3, R"({"title": {"zh": "步", "en": "Step"}, "text": {"zh": "只有中文"}})"), "lang.json");
  EXPECT_TRUE(has(e, "lang.json: step 3: 'text' has no en caption")) << e;
  e = loadError(d, tourWith(1, R"({"title": {"zh": "  ", "en": "Step"}, "text": {"zh": "文", "en": "Text"}})"));
  EXPECT_TRUE(has(e, "step 1: 'title' has no zh caption")) << e;
  e = loadError(d, tourWith(2, R"({"title": {"zh": "步", "en": "Step"}})"));
  EXPECT_TRUE(has(e, "step 2: 'text' is missing")) << e;
  e = loadError(d, tourWith(2, R"({"title": "Step", "text": {"zh": "文", "en": "Text"}})"));
  EXPECT_TRUE(has(e, "step 2: 'title' must be an object")) << e;
  e = loadError(d, tourWith(2, R"({"title": {"zh": "步", "en": "Step"}, "text": {"zh": "文", "en": "Text"}, "notes": {"en": "only English"}})"));
  EXPECT_TRUE(has(e, "step 2: 'notes' has no zh caption")) << e;
  // The tour's own title is a caption too.
  e = loadError(d, R"({"title": {"en": "Test"}, "steps": [{"title": {"zh": "步", "en": "Step"}, "text": {"zh": "文", "en": "Text"}}]})");
  EXPECT_TRUE(has(e, "t.json: 'title' has no zh caption")) << e;
}

TEST(TourFile, BadMonthNamesFileAndStep) {
  TempDir d;
  const std::string base = R"({"title": {"zh": "步", "en": "Step"}, "text": {"zh": "文", "en": "Text"}, )";
  std::string e = loadError(d, tourWith(3, base + R"("from": "2024-13"})"), "month.json");
  EXPECT_TRUE(has(e, "month.json: step 3: 'from' must be YYYY-MM (got \"2024-13\")")) << e;
  for (const char* bad : {"2024-7", "2024/07", "24-07", "2024-07-01", "July"}) {
    e = loadError(d, tourWith(2, base + R"("to": ")" + bad + "\"}"));
    EXPECT_TRUE(has(e, "step 2: 'to' must be YYYY-MM")) << bad << ": " << e;
  }
  e = loadError(d, tourWith(1, base + R"("from": 202401})"));
  EXPECT_TRUE(has(e, "step 1: 'from' must be text")) << e;
  e = loadError(d, tourWith(2, base + R"("from": "2024-07", "to": "2024-01"})"));
  EXPECT_TRUE(has(e, "step 2: 'to' (2024-01) is before 'from' (2024-07)")) << e;
  // A one-month window is fine.
  const fs::path p = d.path / "one.json";
  test::writeText(p, tourWith(2, base + R"("from": "2024-07", "to": "2024-07"})"));
  EXPECT_TRUE(loadTour(p.string()));
}

TEST(TourFile, UnknownEcosystemNamesFileAndStep) {
  TempDir d;
  const std::string base = R"({"title": {"zh": "步", "en": "Step"}, "text": {"zh": "文", "en": "Text"}, )";
  std::string e = loadError(d, tourWith(2, base + R"("ecosystems": ["iot", "robots"]})"), "eco.json");
  EXPECT_TRUE(has(e, "eco.json: step 2: unknown ecosystem id \"robots\"")) << e;
  EXPECT_TRUE(has(e, "iot, bio, equip, mat, energy, other")) << e;
  e = loadError(d, tourWith(1, base + R"("ecosystems": "iot"})"));
  EXPECT_TRUE(has(e, "step 1: 'ecosystems' must be a list")) << e;
}

TEST(TourFile, OtherProblemsAreNamed) {
  TempDir d;
  const std::string base = R"({"title": {"zh": "步", "en": "Step"}, "text": {"zh": "文", "en": "Text"}, )";
  struct Case {
    const char* keys;
    const char* expect;
  } cases[] = {
      {R"("sector": "mining"})", "step 2: 'sector' must be one of"},
      {R"("park": "inside"})", "step 2: 'park' must be one of"},
      {R"("Choropleth": "density"})", "step 2: \"Choropleth\" is not a step key nor a feature id"},
      {R"("lon": "120"})", "step 2: 'lon' must be a number"},
      {R"("lat": 95})", "step 2: 'lat' must be at least -90 and at most 90"},
      {R"("width_km": 0})", "step 2: 'width_km' must be above 0"},
      {R"("seconds": -1})", "step 2: 'seconds' must be above 0"},
      {R"("min_investment_yi": -5})", "step 2: 'min_investment_yi' must be at least 0"},
      {R"("play": "yes"})", "step 2: 'play' must be true or false"},
      {R"("districts": [330127, "330182"]})", "step 2: 'districts' must be a list of six-digit adcodes"},
      {R"("districts": [33012]})", "step 2: 'districts' must be a list of six-digit adcodes (got 33012)"},
      {R"("chains": ["Water Beverages"]})", "step 2: 'chains' has \"Water Beverages\""},
      {R"("layers_on": ["Districts!"]})", "step 2: 'layers_on' has"},
  };
  for (const auto& c : cases) {
    const std::string e = loadError(d, tourWith(2, base + c.keys), "other.json");
    EXPECT_TRUE(has(e, std::string("other.json: ") + c.expect)) << c.keys << " → " << e;
  }
  EXPECT_TRUE(has(loadError(d, tourWith(2, "[1, 2]")), "step 2: must be an object"));
  EXPECT_TRUE(has(loadError(d, R"({"title": {"zh": "测", "en": "T"}, "steps": []})"), "the tour has no steps"));
  EXPECT_TRUE(has(loadError(d, R"({"title": {"zh": "测", "en": "T"}})"), "'steps' is missing"));
  EXPECT_TRUE(has(loadError(d, R"([1, 2, 3])"), "a tour must be a JSON object"));
  // A file that is not there, and a folder.
  auto missing = loadTour((d.path / "nope.json").string());
  ASSERT_FALSE(missing);
  EXPECT_TRUE(has(missing.error(), "nope.json: cannot read")) << missing.error();
  auto folder = loadTour(d.path.string());
  ASSERT_FALSE(folder);
  EXPECT_TRUE(has(folder.error(), "is a folder")) << folder.error();
}

TEST(TourFile, CaptionLengthLimits) {
  TempDir d;
  auto repeat = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  // 200 Chinese characters (600 bytes): loads, with a warning; 401 fails.
  const std::string long_zh = repeat("链", 200), too_long = repeat("链", 401);
  const fs::path p = d.path / "long.json";
  test::writeText(p, tourWith(2, R"({"title": {"zh": "步", "en": "Step"}, "text": {"zh": ")" + long_zh + R"(", "en": "Text"}})"));
  auto r = loadTour(p.string());
  ASSERT_TRUE(r) << r.error();
  const auto w = tourWarnings(*r, "long.json");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_TRUE(has(w[0], "long.json: step 2: 'text.zh' is 200 characters long")) << w[0];
  const std::string e = loadError(d, tourWith(2, R"({"title": {"zh": "步", "en": "Step"}, "text": {"zh": ")" + too_long + R"(", "en": "Text"}})"));
  EXPECT_TRUE(has(e, "step 2: 'text.zh' is 401 characters long (at most 400)")) << e;
  // 160 exactly is warning-free.
  Tour t = *r;
  t.steps[1].text.zh = repeat("链", 160);
  EXPECT_TRUE(tourWarnings(t).empty());
  // Other warnings: a chain the catalogue does not know; playback longer than the step.
  t.steps[0].chains = {"quantum_widgets"};
  t.steps[2].play = true;
  t.steps[2].play_seconds = 30;
  const auto w2 = tourWarnings(t);
  ASSERT_EQ(w2.size(), 2u);
  EXPECT_TRUE(has(w2[0], "step 1: chain id \"quantum_widgets\" is not in the catalogue")) << w2[0];
  EXPECT_TRUE(has(w2[1], "step 3: the playback")) << w2[1];
}

TEST(TourFile, SavingOverAnExistingTourLeavesACompleteFile) {
  TempDir d;
  const fs::path p = d.path / "tours" / "story.json";  // the folder is created
  Tour a = fullTour();
  ASSERT_TRUE(saveTour(p.string(), a));
  Tour b = a;
  b.title.en = "Second version";
  for (int i = 0; i < 50; ++i) {
    TourStep s = a.steps[0];
    s.text.en = "Step " + std::to_string(i);
    b.steps.push_back(s);
  }
  auto saved = saveTour(p.string(), b);
  ASSERT_TRUE(saved) << saved.error();
  // No temporary file is left beside it, and what is there is the whole new tour.
  for (const auto& e : fs::directory_iterator(p.parent_path()))
    EXPECT_NE(e.path().extension(), ".tmp") << e.path();
  EXPECT_EQ(std::distance(fs::directory_iterator(p.parent_path()), fs::directory_iterator{}), 1);
  const std::string text = slurp(p);
  EXPECT_TRUE(nlohmann::json::accept(text));
  auto r = loadTour(p.string());
  ASSERT_TRUE(r) << r.error();
  EXPECT_TRUE(*r == b);
  // And back to the short one: no tail of the longer file remains.
  ASSERT_TRUE(saveTour(p.string(), a));
  EXPECT_EQ(slurp(p), tourToJson(a));
  // A target that cannot be written names the file.
  test::writeText(d.path / "plainfile", "x");
  auto bad = saveTour((d.path / "plainfile" / "t.json").string(), a);
  ASSERT_FALSE(bad);
  EXPECT_TRUE(has(bad.error(), "t.json")) << bad.error();
}

TEST(TourPath, InsideTheFolderOnly) {
  TempDir d;
  const std::string base = d.path.string();
  fs::create_directories(d.path / "img");
  EXPECT_TRUE(pathInside(base, "a.png"));
  EXPECT_TRUE(pathInside(base, "img/a.png"));
  EXPECT_TRUE(pathInside(base, "./img/../a.png"));
  EXPECT_TRUE(pathInside(base, "img/sub/../../b.png"));
  EXPECT_TRUE(pathInside(base, "not/yet/there.png"));
  EXPECT_TRUE(pathInside(base + "/", "a.png"));
  EXPECT_TRUE(pathInside(base, "..a.png"));  // a name that starts with dots is still a name
  EXPECT_FALSE(pathInside(base, ""));
  EXPECT_FALSE(pathInside(base, "."));
  EXPECT_FALSE(pathInside(base, "img/.."));
  EXPECT_FALSE(pathInside(base, ".."));
  EXPECT_FALSE(pathInside(base, "../x.png"));
  EXPECT_FALSE(pathInside(base, "img/../../x.png"));
  EXPECT_FALSE(pathInside(base, "img/../../" + d.path.filename().string() + "/a.png"));  // out and back: still refused
  EXPECT_FALSE(pathInside(base, "/etc/passwd"));
  EXPECT_FALSE(pathInside(base, base + "/a.png"));  // absolute even when it points inside
  EXPECT_FALSE(pathInside(base, "C:/x.png"));
  EXPECT_FALSE(pathInside(base, "c:x.png"));
  EXPECT_FALSE(pathInside(base, "\\\\server\\share\\x.png"));
  EXPECT_FALSE(pathInside(base, "img\\..\\..\\x.png"));
  EXPECT_FALSE(pathInside(base, std::string("a\0b", 3)));
  // A symbolic link inside the folder that leads out of it.
  std::error_code ec;
  fs::create_directory_symlink(fs::temp_directory_path(), d.path / "out", ec);
  if (!ec) {
    EXPECT_FALSE(pathInside(base, "out/x.png"));
    EXPECT_FALSE(pathInside(base, "out"));
  }
  fs::create_directory_symlink(d.path / "img", d.path / "alias", ec);
  if (!ec) EXPECT_TRUE(pathInside(base, "alias/a.png"));
}

TEST(TourShipped, HangzhouStoryLoadsAndIsComplete) {
  const std::string path = std::string(CHAINMAP_SOURCE_DIR) + "/assets/tours/hangzhou_story.json";
  auto r = loadTour(path);
  ASSERT_TRUE(r) << r.error();
  const Tour& t = *r;
  EXPECT_GE(t.steps.size(), 7u);
  EXPECT_LE(t.steps.size(), 12u);
  EXPECT_FALSE(t.title.zh.empty());
  EXPECT_FALSE(t.title.en.empty());
  // Warning-free: every caption fits, every chain is catalogued.
  for (const auto& w : tourWarnings(t, path)) ADD_FAILURE() << w;
  const std::set<int> hangzhou{330102, 330105, 330106, 330108, 330109, 330110, 330111,
                               330112, 330113, 330114, 330122, 330127, 330182};
  const std::set<std::string> toggles{"districts", "water", "rivers", "parks", "projects", "labels", "choropleth"};
  bool played = false;
  for (size_t i = 0; i < t.steps.size(); ++i) {
    const TourStep& s = t.steps[i];
    SCOPED_TRACE("step " + std::to_string(i + 1) + ": " + s.title.en);
    for (const TourText* x : {&s.title, &s.text, &s.notes}) {
      EXPECT_FALSE(x->zh.empty());
      EXPECT_FALSE(x->en.empty());
      // The viewer labels the data itself; captions never call it synthetic.
      // ("synthetic biology" is a chain: only the data notes are ruled out.)
      for (const char* word : {"synthetic sample", "Synthetic sample", "synthetic data", "Synthetic data"})
        EXPECT_EQ(x->en.find(word), std::string::npos) << word;
      for (const char* word : {"合成样本", "样本数据", "模拟数据", "合成数据"})
        EXPECT_EQ(x->zh.find(word), std::string::npos) << word;
    }
    for (int a : s.districts) EXPECT_TRUE(hangzhou.count(a)) << a;
    for (const auto& c : s.chains) EXPECT_TRUE(chainFromId(c).has_value()) << c;
    for (const auto& e : s.ecosystems) EXPECT_TRUE(ecosystemFromId(e).has_value()) << e;
    for (const auto& l : s.layers_on) EXPECT_TRUE(toggles.count(l)) << l;
    // The camera frames a part of Hangzhou (lon 118.3–120.7, lat 29.2–30.6; ~230 km wide, ~300 km with a margin for the panels).
    EXPECT_GE(s.lon, 118.3);
    EXPECT_LE(s.lon, 120.7);
    EXPECT_GE(s.lat, 29.2);
    EXPECT_LE(s.lat, 30.6);
    EXPECT_GT(s.width_km, 5);
    EXPECT_LE(s.width_km, 320);
    // Windows lie in the sample's span, 2023-01 … 2024-12.
    for (const std::string* m : {&s.from, &s.to})
      if (!m->empty()) {
        EXPECT_GE(*parseMonth(*m), *parseMonth("2023-01")) << *m;
        EXPECT_LE(*parseMonth(*m), *parseMonth("2024-12")) << *m;
      }
    played = played || s.play;
  }
  EXPECT_TRUE(played);
  // The story's anchors: the January–July 2024 step and the Lin'an and Chun'an close-ups.
  auto find = [&](auto pred) { return std::find_if(t.steps.begin(), t.steps.end(), pred) != t.steps.end(); };
  EXPECT_TRUE(find([](const TourStep& s) {
    return s.sector == "manufacturing" && s.min_investment_yi == 1 && s.from == "2024-01" && s.to == "2024-07";
  }));
  EXPECT_TRUE(find([](const TourStep& s) {
    return std::count(s.districts.begin(), s.districts.end(), 330112) && s.from == "2024-07" && s.to == "2024-07" &&
           s.width_km <= 40;
  }));
  EXPECT_TRUE(find([](const TourStep& s) {
    return s.chains == std::vector<std::string>{"water_beverages"} &&
           std::count(s.districts.begin(), s.districts.end(), 330127);
  }));
  // Saving the shipped tour and loading it again changes nothing.
  auto again = parseTour(tourToJson(t), "again");
  ASSERT_TRUE(again) << again.error();
  EXPECT_TRUE(*again == t);
}
