// The tour player in-process (no display needed: EGL surfaceless): the shipped story tour on the shipped
// sample, step by step. Each step becomes the App's state — the camera exactly the step's pose, the
// filters, window, layers, life-cycle and choropleth the step's — and stepFromState() gives back a
// step with the same camera and filters; a flight of 1.5 s in 1/30 s frames ends exactly on the
// step's pose; next/previous stop at the ends unless the tour loops; a tour saved and read back
// gives the same states. (A save interrupted mid-write: tests/unit/test_tour_interrupted_save.cpp.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

#include "run_cli.h"
#include "started_app.h"
#include "core/choropleth.h"
#include "core/dates.h"
#include "core/money.h"
#include "core/ecosystem.h"
#include "core/tour.h"
#include "render/layer_stack.h"
#include "temp_dir.h"
#include "ui/app.h"
#include "ui/feature.h"
#include "ui/startup.h"
#include "ui/tour_player.h"
#include "test_paths.h"

using namespace cm;

namespace {

using cm::test::kTour;

using test::Started;

::testing::AssertionResult samePose(const CameraPose& got, const CameraPose& want, double rel = 1e-6) {
  auto close = [&](double a, double b) { return std::abs(a - b) <= rel * std::max(std::abs(b), 1.0); };
  if (close(got.cx, want.cx) && close(got.cy, want.cy) && close(got.width, want.width)) return ::testing::AssertionSuccess();
  char b[256];
  std::snprintf(b, sizeof b, "pose (%.6f, %.6f, width %.6f) != (%.6f, %.6f, width %.6f)", got.cx, got.cy, got.width, want.cx, want.cy,
                want.width);
  return ::testing::AssertionFailure() << b;
}

// The filter a step asks for, worked out here from the tour's own words.
void expectFilterOfStep(const AppState& st, const Model& m, const TourStep& s, const std::string& what) {
  const Filter& f = st.filter;
  uint32_t eco = s.ecosystems.empty() ? kAllEcosystems : 0u;
  for (const std::string& id : s.ecosystems) eco |= 1u << static_cast<int>(*ecosystemFromId(id));
  EXPECT_EQ(f.ecosystems, eco) << what;
  if (s.chains.empty()) EXPECT_TRUE(f.chains.isAll()) << what;
  for (size_t c = 0; c < m.projects.chain_names.size(); ++c) {
    const bool listed = std::find(s.chains.begin(), s.chains.end(), m.projects.chain_names[c]) != s.chains.end();
    EXPECT_EQ(f.chains.contains(static_cast<int>(c)), s.chains.empty() || listed) << what << " chain " << m.projects.chain_names[c];
  }
  if (s.districts.empty()) EXPECT_TRUE(f.districts.isAll()) << what;
  for (size_t d = 0; d < m.districts.size(); ++d) {
    const bool listed = std::find(s.districts.begin(), s.districts.end(), m.districts[d].adcode) != s.districts.end();
    EXPECT_EQ(f.districts.contains(static_cast<int>(d)), s.districts.empty() || listed) << what << " district " << m.districts[d].adcode;
  }
  EXPECT_EQ(f.sectors, s.sector == "manufacturing" ? 1u : s.sector == "service" ? 2u : kAllSectors) << what;  // "": every sector
  EXPECT_FLOAT_EQ(f.min_investment_yi, static_cast<float>(s.min_investment_yi)) << what;
  EXPECT_EQ(f.park, s.park == "in" ? ParkMode::InPark : s.park == "out" ? ParkMode::OutsidePark : ParkMode::Any) << what;
  EXPECT_EQ(f.foreign_only, s.foreign) << what;
  const Timeline& t = st.timeline;
  const int from = s.from.empty() ? t.first_month : *parseMonth(s.from);
  const int to = s.to.empty() ? t.last_month : *parseMonth(s.to);
  EXPECT_EQ(f.month_from, from) << what << ": window start " << formatMonth(f.month_from);
  if (s.play) {  // the window grows from its first month to `to`
    EXPECT_EQ(f.month_to, from) << what;
    EXPECT_TRUE(t.playing) << what;
    EXPECT_EQ(t.play_end, to) << what;
  } else {
    EXPECT_EQ(f.month_to, to) << what << ": window end " << formatMonth(f.month_to);
    EXPECT_FALSE(t.playing) << what;
  }
  EXPECT_EQ(st.lifecycle, s.lifecycle) << what;
  const bool choropleth = s.features.count("choropleth") || std::find(s.layers_on.begin(), s.layers_on.end(), "choropleth") != s.layers_on.end();
  EXPECT_EQ(st.layers.on("choropleth"), choropleth) << what;
  for (const std::string& id : layerToggleIds()) {
    if (id == "furniture" || id == "choropleth" || s.layers_on.empty()) continue;
    const bool listed = std::find(s.layers_on.begin(), s.layers_on.end(), id) != s.layers_on.end();
    EXPECT_EQ(st.layers.on(id), listed) << what << " layer " << id;
  }
}

// What applying a step does to a state, for comparing two steps by their effect.
ChoroplethMetric choroplethOf(const AppState& st) { return st.features.get<ChoroplethSettings>(ids::kChoropleth).metric; }
nlohmann::json stepChoropleth(const TourStep& s) {
  const auto it = s.features.find("choropleth");
  return it == s.features.end() ? nlohmann::json() : it->second;
}

struct Applied {
  Filter filter;
  LayerVisibility layers;
  bool lifecycle;
  ChoroplethMetric choropleth;
  bool playing;
};
Applied applied(const AppState& base, const Model& m, const TourStep& s) {
  AppState st = base;
  const auto skipped = applyStepState(st, m, s);
  EXPECT_TRUE(skipped.empty()) << ::testing::PrintToString(skipped);
  return {st.filter, st.layers, st.lifecycle, choroplethOf(st), st.timeline.playing};
}

// The camera a step asks for: its extent (the open table's for "projects": "open") fitted into
// the free map area.
CameraPose wantedPose(const AppState& st, const Model& m, const TourStep& s) { return stepFrame(st, m, s); }

void expectStepRoundTrips(const AppState& st, const Model& m, const TourStep& s, const std::string& what) {
  const TourStep back = stepFromState(st, m);
  // The captured view, played again, is the same camera (the free area's extent fitted back into it).
  if (s.projects != "open") EXPECT_TRUE(samePose(wantedPose(st, m, back), wantedPose(st, m, s), 1e-6)) << what;
  EXPECT_EQ(back.foreign, s.foreign) << what;
  EXPECT_EQ(back.sector, s.sector) << what;
  EXPECT_EQ(back.min_investment_yi, s.min_investment_yi) << what;
  EXPECT_EQ(back.park, s.park) << what;
  EXPECT_EQ(back.lifecycle, s.lifecycle) << what;
  EXPECT_EQ(stepChoropleth(back), stepChoropleth(s)) << what;
  EXPECT_EQ(std::set<int>(back.districts.begin(), back.districts.end()), std::set<int>(s.districts.begin(), s.districts.end())) << what;
  EXPECT_EQ(std::set<std::string>(back.chains.begin(), back.chains.end()), std::set<std::string>(s.chains.begin(), s.chains.end())) << what;
  // Applied to the same state, the captured step and the original do the same — except that a
  // playback step is captured as the window it shows now (stepFromState records no playback).
  const Applied a = applied(st, m, s), b = applied(st, m, back);
  EXPECT_EQ(b.filter, a.filter) << what;
  EXPECT_EQ(b.layers, a.layers) << what << ": " << ::testing::PrintToString(b.layers.off) << " vs " << ::testing::PrintToString(a.layers.off);
  EXPECT_EQ(b.lifecycle, a.lifecycle) << what;
  EXPECT_EQ(b.choropleth, a.choropleth) << what;
  if (!s.play) EXPECT_EQ(b.playing, a.playing) << what;
}

}  // namespace

TEST(TourPlayer, EveryStepOfTheShippedTourBecomesItsStateAndComesBack) {
  Started s;
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  const Model& m = s.app.model();
  auto opened = openTour(st, kTour);
  ASSERT_TRUE(opened) << opened.error();
  const int n = static_cast<int>(st.tour.doc.steps.size());
  ASSERT_EQ(n, 10);
  for (const bool present : {false, true}) {
    st.present = present;
    s.app.advance(0);  // presentation mode lays the screen out anew
    for (int k = 0; k < n; ++k) {
      const std::string what = std::string(present ? "present, " : "") + "step " + std::to_string(k + 1);
      const TourStep step = st.tour.doc.steps[k];
      goToStep(st, m, k, false);
      EXPECT_EQ(st.tour.step, k) << what;
      EXPECT_FALSE(st.tour.flying) << what;
      EXPECT_TRUE(samePose(poseOf(st), wantedPose(st, m, step))) << what << " (at once)";
      expectFilterOfStep(st, m, step, what);
      expectStepRoundTrips(st, m, step, what);
      // A frame with no time passing changes none of it.
      s.app.advance(0);
      EXPECT_TRUE(samePose(poseOf(st), wantedPose(st, m, step))) << what << " (after a frame)";
      EXPECT_EQ(st.tour.step, k) << what;
      if (!step.play) expectFilterOfStep(st, m, step, what + " after a frame");
    }
  }
}

TEST(TourPlayer, AFlightOfOneAndAHalfSecondsEndsExactlyOnTheStepsPose) {
  Started s;
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  const Model& m = s.app.model();
  ASSERT_TRUE(openTour(st, kTour));
  ASSERT_DOUBLE_EQ(st.tour.fly_seconds, 1.5);
  const int n = static_cast<int>(st.tour.doc.steps.size());
  goToStep(st, m, 0, false);
  for (int k = 1; k < n; ++k) {
    const std::string what = "flight to step " + std::to_string(k + 1);
    const CameraPose from = poseOf(st), to = wantedPose(st, m, st.tour.doc.steps[k]);
    goToStep(st, m, k, true);
    EXPECT_TRUE(st.tour.flying) << what;
    EXPECT_TRUE(samePose(poseOf(st), from)) << what << ": the flight starts where the camera is";
    for (int f = 0; f < 45; ++f) {  // 1.5 s in frames of 1/30 s
      if (f == 22 && !samePose(from, to, 1e-3)) {
        EXPECT_TRUE(st.tour.flying) << what;
        EXPECT_FALSE(samePose(poseOf(st), to, 1e-3)) << what << ": half-way, the camera is not there yet";
      }
      advanceTour(st, m, 1.0 / 30);
    }
    EXPECT_FALSE(st.tour.flying) << what << ": still flying after 1.5 s (" << st.tour.fly_t << " s)";
    EXPECT_TRUE(samePose(poseOf(st), to)) << what;
  }
  // The same through the App's own frames (the frame driver advances the tour).
  goToStep(st, m, 0, false);
  s.app.advance(0);
  goToStep(st, m, 4, true);
  for (int f = 0; f < 45; ++f) s.app.advance(1.0 / 30);
  EXPECT_FALSE(st.tour.flying);
  EXPECT_TRUE(samePose(poseOf(st), wantedPose(st, m, st.tour.doc.steps[4]))) << "App::advance frames";
  // At 60 frames a second the flight lands on the pose too.
  goToStep(st, m, 0, true);
  for (int f = 0; f < 90; ++f) advanceTour(st, m, 1.0 / 60);
  EXPECT_TRUE(samePose(poseOf(st), wantedPose(st, m, st.tour.doc.steps[0]))) << "90 frames of 1/60 s";
}

TEST(TourPlayer, NextAndPreviousStopAtTheEndsUnlessTheTourLoops) {
  Started s("", 900, 600);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  const Model& m = s.app.model();
  ASSERT_TRUE(openTour(st, kTour));
  const int n = static_cast<int>(st.tour.doc.steps.size());
  st.tour.loop = false;
  goToStep(st, m, n - 1, false);
  EXPECT_FALSE(nextStep(st, m, false)) << "past the last step without a loop";
  EXPECT_EQ(st.tour.step, n - 1);
  EXPECT_TRUE(previousStep(st, m, false));
  EXPECT_EQ(st.tour.step, n - 2);
  goToStep(st, m, 0, false);
  EXPECT_FALSE(previousStep(st, m, false)) << "before the first step without a loop";
  EXPECT_EQ(st.tour.step, 0);
  EXPECT_TRUE(nextStep(st, m, false));
  EXPECT_EQ(st.tour.step, 1);
  st.tour.loop = true;
  goToStep(st, m, n - 1, false);
  EXPECT_TRUE(nextStep(st, m, false));
  EXPECT_EQ(st.tour.step, 0) << "a looping tour wraps to the first step";
  EXPECT_TRUE(samePose(poseOf(st), wantedPose(st, m, st.tour.doc.steps[0])));
  EXPECT_TRUE(previousStep(st, m, false));
  EXPECT_EQ(st.tour.step, n - 1) << "and back to the last";
  EXPECT_TRUE(samePose(poseOf(st), wantedPose(st, m, st.tour.doc.steps[n - 1])));
  // goToStep clamps.
  goToStep(st, m, 99, false);
  EXPECT_EQ(st.tour.step, n - 1);
  goToStep(st, m, -3, false);
  EXPECT_EQ(st.tour.step, 0);
}

TEST(TourPlayer, ASavedTourReadBackGivesTheSameStates) {
  namespace fs = std::filesystem;
  Started s;
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  const Model& m = s.app.model();
  ASSERT_TRUE(openTour(st, kTour));
  // A view of one's own added as a step: panned and zoomed, two districts, one chain, in parks,
  // a window, life-cycle drawing, a choropleth.
  goToStep(st, m, 0, false);
  st.view.panPixels(137.25, -61.5);
  st.view.zoomAt({500, 300}, 2.37);
  st.filter.districts = IdSet::none();
  st.filter.districts.set(1, true, static_cast<int>(m.districts.size()));
  st.filter.districts.set(4, true, static_cast<int>(m.districts.size()));
  const auto& chains = m.projects.chain_names;
  const int ic = static_cast<int>(std::find(chains.begin(), chains.end(), "integrated_circuits") - chains.begin());
  ASSERT_LT(ic, static_cast<int>(chains.size()));
  st.filter.chains = IdSet::none();
  st.filter.chains.set(ic, true, static_cast<int>(chains.size()));
  st.filter.park = ParkMode::InPark;
  st.filter.month_from = *parseMonth("2023-04");
  st.filter.month_to = *parseMonth("2024-02");
  st.lifecycle = true;
  st.layers.set("choropleth", true);
  st.features.get<ChoroplethSettings>(ids::kChoropleth).metric = ChoroplethMetric::Investment;
  s.app.advance(0);
  const CameraPose mine = poseOf(st);
  TourStep added = stepFromState(st, m);
  added.title = {"自定视图", "My view"};
  added.text = {"两个区的集成电路项目。", "Integrated circuits in two districts."};
  Tour doc = st.tour.doc;
  doc.steps.push_back(added);

  test::TempDir d;
  const std::string path = (d.path / "story.json").string();
  auto saved = saveTour(path, doc);
  ASSERT_TRUE(saved) << saved.error();
  for (const auto& e : fs::directory_iterator(d.path)) EXPECT_EQ(e.path().filename(), "story.json") << "left behind: " << e.path();
  auto back = loadTour(path);
  ASSERT_TRUE(back) << back.error();
  EXPECT_TRUE(*back == doc) << "loadTour(saveTour(t)) != t";

  // Every step of the reloaded tour gives the state the original gives.
  AppState a = st, b = st;
  a.tour.doc = doc;
  b.tour.doc = *back;
  for (int k = 0; k < static_cast<int>(doc.steps.size()); ++k) {
    goToStep(a, m, k, false);
    goToStep(b, m, k, false);
    const std::string what = "step " + std::to_string(k + 1);
    EXPECT_TRUE(b.view == a.view) << what;
    EXPECT_EQ(b.filter, a.filter) << what;
    EXPECT_EQ(b.layers, a.layers) << what;
    EXPECT_EQ(b.lifecycle, a.lifecycle) << what;
    EXPECT_EQ(choroplethOf(b), choroplethOf(a)) << what;
    EXPECT_TRUE(b.timeline == a.timeline) << what;
  }
  // The added step brings back the view and filters it was made from.
  const int last = static_cast<int>(back->steps.size()) - 1;
  goToStep(b, m, last, false);
  EXPECT_TRUE(samePose(poseOf(b), mine)) << "the saved view, read back";
  EXPECT_EQ(b.filter, st.filter);
  EXPECT_EQ(b.lifecycle, true);
  EXPECT_TRUE(b.layers.on("choropleth"));
  EXPECT_EQ(choroplethOf(b), ChoroplethMetric::Investment);
}

// Every metric the choropleth offers survives a tour: captured into a step, saved, reopened (the
// tour file's validation included) and shown again — the park-conformance shares too.
TEST(TourPlayer, EveryChoroplethMetricRoundTripsThroughATourFile) {
  Started s("", 1280, 720);
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  const Model& m = *s.model;
  Tour doc;
  doc.title = {"色阶", "Choropleths"};
  for (ChoroplethMetric metric : kChoroplethMetrics) {
    st.layers.set(ids::kChoropleth, true);
    st.features.get<ChoroplethSettings>(ids::kChoropleth).metric = metric;
    TourStep step = stepFromState(st, m);
    step.title = {std::string(choroplethId(metric)), std::string(choroplethId(metric))};
    step.text = {"色阶", "A choropleth"};
    EXPECT_EQ(stepChoropleth(step), std::string(choroplethId(metric)));
    doc.steps.push_back(step);
  }
  test::TempDir d;
  const std::string path = (d.path / "choropleths.json").string();
  ASSERT_TRUE(saveTour(path, doc));
  AppState fresh = st;
  st.features.get<ChoroplethSettings>(ids::kChoropleth).metric = ChoroplethMetric::Investment;
  auto opened = openTour(fresh, path);
  ASSERT_TRUE(opened) << opened.error();
  EXPECT_TRUE(opened->empty()) << ::testing::PrintToString(*opened);
  int k = 0;
  for (ChoroplethMetric metric : kChoroplethMetrics) {
    goToStep(fresh, m, k++, false);
    EXPECT_TRUE(fresh.layers.on(ids::kChoropleth)) << choroplethId(metric);
    EXPECT_EQ(choroplethOf(fresh), metric) << choroplethId(metric);
  }
}

// A feature checks its own step values when the tour opens: a metric the choropleth does not
// offer stops the tour with the step and the allowed values named; a key no feature takes is
// said and ignored.
TEST(TourPlayer, FeatureValuesAreCheckedWhenTheTourOpens) {
  test::TempDir d;
  const std::string step1 = R"({"title": {"zh": "一", "en": "One"}, "text": {"zh": "文", "en": "Text"}})";
  auto write = [&](const std::string& name, const std::string& step2) {
    const std::string path = (d.path / name).string();
    std::ofstream(path) << R"({"title": {"zh": "游", "en": "Tour"}, "steps": [)" << step1 << ", " << step2 << "]}";
    return path;
  };
  AppState st;
  auto bad = openTour(st, write("bad.json", R"({"title": {"zh": "二", "en": "Two"}, "text": {"zh": "文", "en": "Text"}, "choropleth": "density"})"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("bad.json: step 2: 'choropleth' must be one of investment, projects"), std::string::npos) << bad.error();
  EXPECT_NE(bad.error().find("park_match_share"), std::string::npos) << bad.error();
  auto newer = openTour(st, write("newer.json", R"({"title": {"zh": "二", "en": "Two"}, "text": {"zh": "文", "en": "Text"}, "sparkles": "on"})"));
  ASSERT_TRUE(newer) << newer.error();
  ASSERT_EQ(newer->size(), 1u);
  EXPECT_NE((*newer)[0].find("step 2: 'sparkles' is neither a step key nor a feature"), std::string::npos) << (*newer)[0];
  EXPECT_TRUE(st.tour.doc.steps[1].features.empty());
}

// Step 8 ("Linked to the world") shows the foreign-invested projects: the window's filter is the
// one --foreign sets, its figures are --stats --foreign's, and its caption states their number.
TEST(TourPlayer, TheForeignStepShowsTheForeignInvestedProjectsAsStatsCountsThem) {
  Started s;
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  const Model& m = s.app.model();
  ASSERT_TRUE(openTour(st, kTour));
  const TourStep& step = st.tour.doc.steps[7];
  ASSERT_TRUE(step.foreign) << "step 8 is the foreign-investment step";
  goToStep(st, m, 7, false);
  s.app.advance(0);
  EXPECT_TRUE(st.filter.foreign_only);
  const Stats& w = s.app.derived().stats();
  const test::CliRun r = test::runChainmap(CHAINMAP_EXE, "--stats --foreign --time " + step.from + ".." + step.to);
  ASSERT_EQ(r.code, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_GT(w.total.count, 0);
  EXPECT_EQ(w.total.count, j["count"].get<int64_t>());
  EXPECT_NEAR(w.fdi_musd, j["fdi_musd"].get<double>(), 0.011);
  for (const Lang l : {Lang::Zh, Lang::En}) {
    const std::string caption = stepCaption(l == Lang::Zh ? step.text.zh : step.text.en, m, w, l);
    EXPECT_NE(caption.find(formatCount(w.total.count, l)), std::string::npos) << caption;
    EXPECT_EQ(caption.find('{'), std::string::npos) << caption;
  }
}

// The last step shows whatever table is open, filters cleared, and its caption's figures are the
// ones --stats gives for that table (here the shipped sample, labelled synthetic).
TEST(TourPlayer, TheOpenTableStepsCaptionHasTheFiguresStatsGives) {
  Started s;
  ASSERT_TRUE(s.ok);
  AppState& st = s.app.state();
  const Model& m = s.app.model();
  ASSERT_TRUE(openTour(st, kTour));
  const int last = static_cast<int>(st.tour.doc.steps.size()) - 1;
  const TourStep& step = st.tour.doc.steps[last];
  ASSERT_EQ(step.projects, "open");
  goToStep(st, m, 2, false);  // a narrow filter first: the open-table step clears it
  goToStep(st, m, last, false);
  s.app.advance(0);
  Filter all;
  all.month_from = st.timeline.first_month;
  all.month_to = st.timeline.last_month;
  syncUndated(all, st.timeline.first_month, st.timeline.last_month, st.timeline.include_undated);
  EXPECT_EQ(st.filter, all);
  EXPECT_TRUE(samePose(poseOf(st), stepFrame(st, m, step)));
  const test::CliRun r = test::runChainmap(CHAINMAP_EXE, "--stats");
  ASSERT_EQ(r.code, 0);
  const auto j = nlohmann::json::parse(r.out);
  const Stats& w = s.app.derived().stats();
  EXPECT_EQ(w.total.count, j["count"].get<int64_t>());
  EXPECT_EQ(w.total.count, static_cast<int64_t>(m.projects.size()));
  CaptionFigures cli;
  cli.count = j["count"].get<long long>();
  cli.investment_yi = j["investment_yi"].get<double>();
  cli.fdi_musd = j["fdi_musd"].get<double>();
  cli.table_zh = tr(Lang::Zh, S::TourSyntheticTable);
  cli.table_en = tr(Lang::En, S::TourSyntheticTable);
  for (const Lang l : {Lang::Zh, Lang::En}) {
    const std::string& text = l == Lang::Zh ? step.text.zh : step.text.en;
    const std::string caption = stepCaption(text, m, w, l);
    EXPECT_EQ(caption, fillCaption(text, cli, l == Lang::Zh));
    EXPECT_NE(caption.find(formatYi(cli.investment_yi, l)), std::string::npos) << caption;
    EXPECT_NE(caption.find(tr(l, S::TourSyntheticTable)), std::string::npos) << caption;
    EXPECT_EQ(caption.find('{'), std::string::npos) << caption;
  }
  EXPECT_TRUE(tourWarnings(st.tour.doc).empty()) << ::testing::PrintToString(tourWarnings(st.tour.doc));
}
