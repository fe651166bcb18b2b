#include "ui/tour_player.h"

#include <algorithm>
#include <cmath>

#include "core/catalog.h"
#include "core/dates.h"
#include "core/ecosystem.h"
#include "geo/projection.h"
#include "platform/secrets.h"
#include "ui/feature.h"
#include "ui/layout.h"

namespace cm {

Result<std::vector<std::string>> openTour(AppState& st, const std::string& path) {
  using R = Result<std::vector<std::string>>;
  auto t = loadTour(path);
  if (!t) return R::fail(t.error());
  // The features check what the steps keep of them (a choropleth's metric …) now, not when shown;
  // keys no feature takes are said and dropped.
  std::vector<std::string> ignored;
  for (size_t k = 0; k < t->steps.size(); ++k) {
    TourStep& step = t->steps[k];
    const std::string where = path + ": step " + std::to_string(k + 1) + ": ";
    for (const std::string& id : unknownStepFeatures(tourFeatures(), step)) {
      ignored.push_back(where + "'" + id + "' is neither a step key nor a feature a step can set; ignored");
      step.features.erase(id);
    }
    AppState scratch;
    if (std::string e = featuresFromStep(tourFeatures(), scratch, step); !e.empty()) return R::fail(where + e);
  }
  TourState& ts = st.tour;
  ts = TourState{};
  ts.doc = t.take();
  ts.path = path;
  ts.open = true;
  std::vector<std::string> warnings = tourWarnings(ts.doc, path);
  warnings.insert(warnings.end(), ignored.begin(), ignored.end());
  return warnings;
}

const std::vector<UiFeature>& tourFeatures() {
  static const std::vector<UiFeature> features = makeFeatures();  // their tour hooks keep no state of their own
  return features;
}

static layout::Layout layoutOf(const AppState& st) {
  return layout::computeLayout(st.view.width, st.view.height, st.ui_scale, st.present, st.chrome);
}
static layout::Rect mapRect(const AppState& st) { return layoutOf(st).map; }

CameraPose poseOf(const AppState& st) {
  const layout::Rect a = mapRect(st);
  const Vec2 c = st.view.toWorld({(a.x0 + a.x1) / 2, (a.y0 + a.y1) / 2});
  return {c.x, c.y, std::max(1.0, a.x1 - a.x0) * st.view.units_per_px};
}

void applyPose(AppState& st, const CameraPose& p) {
  const layout::Rect a = mapRect(st);
  st.view.units_per_px = p.width / std::max(1.0, a.x1 - a.x0);
  if (!(st.view.units_per_px > 0)) st.view.units_per_px = 1;
  st.view.center.x = p.cx - ((a.x0 + a.x1) / 2 - st.view.width * 0.5) * st.view.units_per_px;
  st.view.center.y = p.cy + ((a.y0 + a.y1) / 2 - st.view.height * 0.5) * st.view.units_per_px;
}

CameraPose stepPose(const TourStep& s, const std::string& display_crs) {
  double x = s.lon, y = s.lat;
  auto tr = sharedTransform(kWgs84, display_crs);
  if (tr) (*tr)->apply(x, y);
  return {x, y, s.width_km * 1000.0};
}

namespace {

// The step's extent fitted into one free area: the scale (units per pixel) and the map area's pose.
struct Fit {
  double upp;
  CameraPose pose;
};
Fit fitInto(const layout::Layout& lay, const layout::Rect& f, const CameraPose& e, double height_m) {
  const double fw = std::max(1.0, f.x1 - f.x0), fh = std::max(1.0, f.y1 - f.y0);
  const double upp = std::max(e.width / fw, height_m / fh);
  const layout::Rect& a = lay.map;
  // The free area's centre shows the extent's centre; the pose is the map area's (poseOf).
  return {upp, {e.cx + ((a.x0 + a.x1) / 2 - (f.x0 + f.x1) / 2) * upp, e.cy - ((a.y0 + a.y1) / 2 - (f.y0 + f.y1) / 2) * upp,
                std::max(1.0, a.x1 - a.x0) * upp}};
}

// What a step shows, in the display CRS: its lon/lat, width and height; for the open table
// ("projects": "open") the table's own extent, with a margin (2 km at least).
struct StepExtent {
  CameraPose e;  // centre and width
  double height = 0;
};
StepExtent stepExtent(const Model& m, const TourStep& s) {
  if (s.projects == "open") {
    const Projects& p = m.projects;
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (size_t i = 0; i < p.size(); ++i)
      if (std::isfinite(p.x[i]) && std::isfinite(p.y[i]))
        x0 = std::min(x0, p.x[i]), x1 = std::max(x1, p.x[i]), y0 = std::min(y0, p.y[i]), y1 = std::max(y1, p.y[i]);
    if (x0 <= x1) return {{(x0 + x1) / 2, (y0 + y1) / 2, std::max(x1 - x0, 2000.0) * 1.1}, std::max(y1 - y0, 2000.0) * 1.1};
  }
  return {stepPose(s, m.display_crs), s.height_km * 1000.0};
}

// Frames the extent: the free area that shows it larger (ties: the one above the caption).
Fit frameExtent(const AppState& st, const StepExtent& x, bool* right = nullptr) {
  const layout::Layout lay = layoutOf(st);
  const Fit above = fitInto(lay, layout::freeAbove(lay), x.e, x.height), beside = fitInto(lay, layout::freeRight(lay), x.e, x.height);
  const bool r = beside.upp < above.upp * (1 - 1e-9);
  if (right) *right = r;
  return r ? beside : above;
}

// The same camera (centre and scale; the window's size may differ).
bool sameCamera(const View& a, const View& b) { return a.center == b.center && a.units_per_px == b.units_per_px; }

// Remembers the frame just applied (the view and the layout it was fitted in).
void markFramed(AppState& st, bool right) {
  TourState::Framed& f = st.tour.framed;
  f.on = true;
  f.view = st.view;
  f.w = st.view.width;
  f.h = st.view.height;
  f.scale = st.ui_scale;
  f.present = st.present;
  f.chrome = static_cast<int>(st.chrome);
  f.right = right;
}

void applyStepFrame(AppState& st, const Model& m, const TourStep& s) {
  bool right = false;
  applyPose(st, frameExtent(st, stepExtent(m, s), &right).pose);
  markFramed(st, right);
}

}  // namespace

CameraPose stepCamera(const AppState& st, const TourStep& s, const std::string& display_crs) {
  return frameExtent(st, {stepPose(s, display_crs), s.height_km * 1000.0}).pose;
}

CameraPose stepFrame(const AppState& st, const Model& m, const TourStep& s) {
  return frameExtent(st, stepExtent(m, s)).pose;
}

void reframeStep(AppState& st, const Model& m, const View& before) {
  TourState& ts = st.tour;
  const TourState::Framed& f = ts.framed;
  if (!ts.open || ts.flying || !f.on || ts.step < 0 || ts.step >= static_cast<int>(ts.doc.steps.size())) return;
  if (!sameCamera(before, f.view)) {  // moved by hand since: the user's view stays
    ts.framed.on = false;
    return;
  }
  if (f.w == st.view.width && f.h == st.view.height && f.scale == st.ui_scale && f.present == st.present &&
      f.chrome == static_cast<int>(st.chrome))
    return;
  applyStepFrame(st, m, ts.doc.steps[ts.step]);
}

CaptionFigures captionFigures(const Model& m, const Stats& s) {
  CaptionFigures f;
  f.count = s.total.count;
  f.investment_yi = s.total.investment_yi;
  f.fdi_musd = s.fdi_musd;
  if (m.projects_synthetic || m.projects_file.empty()) {
    f.table_zh = tr(Lang::Zh, S::TourSyntheticTable);
    f.table_en = tr(Lang::En, S::TourSyntheticTable);
  } else {
    std::string name = m.projects_file.substr(m.projects_file.find_last_of("/\\") + 1);
    if (isDatabaseSource(m.projects_file)) name = m.projects_layer.empty() ? std::string("PostGIS") : m.projects_layer;
    else if (!m.projects_layer.empty()) name += " · " + m.projects_layer;
    f.table_zh = f.table_en = name;
  }
  return f;
}

std::string stepCaption(const std::string& text, const Model& m, const Stats& s, Lang l) {
  return fillCaption(text, captionFigures(m, s), l == Lang::Zh);
}

std::vector<std::string> applyStepState(AppState& st, const Model& m, const TourStep& s) {
  if (s.projects == "open") {  // whatever table is open, as it is: every filter cleared, the whole span
    TourStep all;
    all.layers_on = s.layers_on;
    all.lifecycle = s.lifecycle;
    all.features = s.features;
    return applyStepState(st, m, all);
  }
  std::vector<std::string> skipped;
  const Projects& p = m.projects;
  Filter f;
  if (!s.ecosystems.empty()) {
    f.ecosystems = 0;
    for (const std::string& id : s.ecosystems)
      if (auto e = ecosystemFromId(id)) f.ecosystems |= 1u << static_cast<int>(*e);
  }
  if (!s.chains.empty()) {
    f.chains = IdSet::none();
    for (const std::string& id : s.chains) {
      auto it = std::find(p.chain_names.begin(), p.chain_names.end(), id);
      if (it == p.chain_names.end()) skipped.push_back("chain " + id);
      else f.chains.set(static_cast<int>(it - p.chain_names.begin()), true, static_cast<int>(p.chain_names.size()));
    }
  }
  if (!s.districts.empty()) {
    f.districts = IdSet::none();
    for (int adcode : s.districts) {
      auto it = std::find_if(m.districts.begin(), m.districts.end(), [&](const District& d) { return d.adcode == adcode; });
      if (it == m.districts.end()) skipped.push_back("district " + std::to_string(adcode));
      else f.districts.set(static_cast<int>(it - m.districts.begin()), true, static_cast<int>(m.districts.size()));
    }
  }
  // One sector, or every one (empty: not stated included).
  f.sectors = s.sector == "manufacturing" ? 1u << static_cast<int>(Sector::Manufacturing)
              : s.sector == "service"     ? 1u << static_cast<int>(Sector::Service)
                                          : kAllSectors;
  f.min_investment_yi = static_cast<float>(s.min_investment_yi);
  f.park = s.park == "in" ? ParkMode::InPark : s.park == "out" ? ParkMode::OutsidePark : ParkMode::Any;
  f.foreign_only = s.foreign;
  Timeline& t = st.timeline;
  const auto from = parseMonth(s.from), to = parseMonth(s.to);
  f.month_from = from ? std::max(*from, t.first_month) : t.first_month;
  f.month_to = to ? std::min(*to, t.last_month) : t.last_month;
  if (f.month_to < f.month_from) f.month_to = f.month_from;
  t.playing = false;
  t.play_accum = 0;
  t.play_start = INT_MIN;
  t.play_end = INT_MAX;
  t.loop = false;
  forgetHeldWindow(t);
  if (s.play) {  // from the window's start, month by month, to its end
    t.mode = TimeMode::Cumulative;
    t.play_end = f.month_to;
    const int months = std::max(1, f.month_to - f.month_from);
    t.step_seconds = s.play_seconds > 0 ? s.play_seconds / months : kNormalStepSeconds;
    f.month_to = f.month_from;
    t.playing = true;
  }
  syncUndated(f, t.first_month, t.last_month, t.include_undated);
  st.filter = f;
  if (!s.layers_on.empty()) {
    LayerVisibility v;
    for (const std::string& id : layerToggleIds())  // the map furniture stays unless a step names it
      if (std::find(s.layers_on.begin(), s.layers_on.end(), id) == s.layers_on.end() && (id != ids::kFurniture || !st.layers.on(id)))
        v.set(id, false);
    st.layers = v;
  }
  if (std::string e = featuresFromStep(tourFeatures(), st, s); !e.empty()) skipped.push_back(e);  // what the features keep
  st.lifecycle = s.lifecycle;
  st.selected = -1;
  return skipped;
}

void goToStep(AppState& st, const Model& m, int k, bool fly) {
  TourState& ts = st.tour;
  if (!ts.open || ts.doc.steps.empty()) return;
  k = std::clamp(k, 0, static_cast<int>(ts.doc.steps.size()) - 1);
  const TourStep& s = ts.doc.steps[k];
  ts.step = k;
  ts.step_elapsed = 0;
  applyStepState(st, m, s);
  ts.framed.on = false;
  if (fly && ts.fly_seconds > 0) {
    ts.flying = true;
    ts.fly_step = true;
    ts.fly_t = 0;
    ts.fly_from = poseOf(st);
    ts.fly_to = stepFrame(st, m, s);
  } else {
    ts.flying = false;
    applyStepFrame(st, m, s);
  }
}

bool nextStep(AppState& st, const Model& m, bool fly) {
  TourState& ts = st.tour;
  if (!ts.open || ts.doc.steps.empty()) return false;
  const int n = static_cast<int>(ts.doc.steps.size());
  if (ts.step + 1 >= n && !ts.loop) return false;
  goToStep(st, m, (ts.step + 1) % n, fly);
  return true;
}

bool previousStep(AppState& st, const Model& m, bool fly) {
  TourState& ts = st.tour;
  if (!ts.open || ts.doc.steps.empty()) return false;
  const int n = static_cast<int>(ts.doc.steps.size());
  if (ts.step <= 0 && !ts.loop) return false;
  goToStep(st, m, ts.step <= 0 ? n - 1 : ts.step - 1, fly);
  return true;
}

double stepSeconds(const TourState& t, int k) {
  if (k < 0 || k >= static_cast<int>(t.doc.steps.size())) return 0;
  const TourStep& s = t.doc.steps[k];
  double playback = 0;
  if (s.play) {
    const auto from = parseMonth(s.from), to = parseMonth(s.to);
    const int months = from && to ? std::max(1, *to - *from) : 1;
    playback = (s.play_seconds > 0 ? s.play_seconds : kNormalStepSeconds * months) + 1.0;
  }
  return std::max({s.seconds, t.fly_seconds + 1.0, playback});
}

void flyTo(AppState& st, const CameraPose& to) {
  TourState& ts = st.tour;
  ts.flying = true;
  ts.fly_step = false;
  ts.framed.on = false;
  ts.fly_t = 0;
  ts.fly_from = poseOf(st);
  ts.fly_to = to;
}

void advanceTour(AppState& st, const Model& m, double dt) {
  TourState& ts = st.tour;
  if (ts.flying) {
    ts.fly_t += dt;
    const double u = ts.fly_t >= ts.fly_seconds - 1e-9 ? 1.0 : easeInOut(ts.fly_t / ts.fly_seconds);
    applyPose(st, CameraFlight(ts.fly_from, ts.fly_to).at(u));
    if (ts.fly_t >= ts.fly_seconds - 1e-9) {  // 90 × 1/60 s adds up to a hair under 1.5
      ts.flying = false;
      // Landed on a step: its frame in the layout of now (the window may have changed meanwhile).
      if (ts.fly_step && ts.open && ts.step >= 0 && ts.step < static_cast<int>(ts.doc.steps.size()))
        applyStepFrame(st, m, ts.doc.steps[ts.step]);
    }
  }
  if (!ts.open || !ts.autoplay) return;
  if (ts.step < 0) {
    goToStep(st, m, 0, true);
    return;
  }
  ts.step_elapsed += dt;
  if (ts.step_elapsed >= stepSeconds(ts, ts.step) && !nextStep(st, m, true)) ts.autoplay = false;  // the end
}

TourStep stepFromState(const AppState& st, const Model& m) {
  TourStep s;
  // The free area's view (the one the step's frame took while the view is still that frame; else
  // the one above the caption): its centre, width and height.
  const layout::Layout lay = layoutOf(st);
  const bool framed = st.tour.framed.on && sameCamera(st.tour.framed.view, st.view);
  const layout::Rect area = framed && st.tour.framed.right ? layout::freeRight(lay) : layout::freeAbove(lay);
  const Vec2 c = st.view.toWorld({(area.x0 + area.x1) / 2, (area.y0 + area.y1) / 2});
  double lon = c.x, lat = c.y;
  if (auto tr = sharedTransform(kWgs84, m.display_crs)) (*tr)->inverse(lon, lat);
  s.lon = lon;
  s.lat = lat;
  s.width_km = std::max(1.0, area.x1 - area.x0) * st.view.units_per_px / 1000.0;
  s.height_km = std::max(1.0, area.y1 - area.y0) * st.view.units_per_px / 1000.0;
  for (const std::string& id : layerToggleIds())
    if (st.layers.on(id)) s.layers_on.push_back(id);
  const Filter& f = st.filter;
  if (f.ecosystems != kAllEcosystems)
    for (int e = 0; e < kEcosystemCount; ++e)
      if (f.ecosystems >> e & 1u) s.ecosystems.push_back(std::string(kEcosystems[e].id));
  if (!f.chains.isAll())
    for (size_t c = 0; c < m.projects.chain_names.size(); ++c)
      if (f.chains.contains(static_cast<int>(c))) s.chains.push_back(m.projects.chain_names[c]);
  if (!f.districts.isAll())
    for (size_t d = 0; d < m.districts.size(); ++d)
      if (f.districts.contains(static_cast<int>(d))) s.districts.push_back(m.districts[d].adcode);
  s.sector = f.sectors == 1u << static_cast<int>(Sector::Manufacturing) ? "manufacturing"
             : f.sectors == 1u << static_cast<int>(Sector::Service)     ? "service"
                                                                       : "";  // every sector (or a mix a step cannot say)
  s.min_investment_yi = f.min_investment_yi;
  s.park = f.park == ParkMode::InPark ? "in" : f.park == ParkMode::OutsidePark ? "out" : "";
  s.foreign = f.foreign_only;
  const Timeline& t = st.timeline;
  if (f.month_from != t.first_month || f.month_to != t.last_month) {
    s.from = formatMonth(f.month_from);
    s.to = formatMonth(f.month_to);
  }
  s.lifecycle = st.lifecycle;
  featuresToStep(tourFeatures(), st, s);
  return s;
}

}  // namespace cm
