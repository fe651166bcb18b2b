#include "data/import/coords.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

#include "geo/gcj02.h"
#include "geo/geodesic.h"
#include "geo/geos_ops.h"
#include "geo/projection.h"

namespace cm {

std::string CoordHypothesis::label(Lang lang) const {
  std::string s;
  switch (system) {
    case CoordSystem::Wgs84: s = "WGS 84"; break;
    case CoordSystem::Gcj02: s = "GCJ-02"; break;
    case CoordSystem::Bd09: s = "BD-09"; break;
    case CoordSystem::Epsg: s = epsg; break;
    case CoordSystem::Auto: s = "auto"; break;
  }
  if (!epsg.empty() && system != CoordSystem::Epsg)
    s = render(lang, Msg("coords.on_crs").arg("system", s).arg("crs", epsg.size() > 24 ? tr(lang, "coords.layer_crs") : epsg));
  if (swapped) s = render(lang, Msg("coords.swapped").arg("system", s));
  return s;
}

struct CoordConverter::Impl {
  CoordHypothesis h;
  std::unique_ptr<Transform> projected;  // epsg → WGS 84 (a projected CRS, or the layer's CRS)
};

CoordConverter::CoordConverter(const CoordHypothesis& h) : impl_(std::make_unique<Impl>()) {
  impl_->h = h;
  if (!h.epsg.empty())
    if (auto t = Transform::create(h.epsg, kWgs84)) impl_->projected = std::make_unique<Transform>(t.take());
}
CoordConverter::~CoordConverter() = default;
CoordConverter::CoordConverter(CoordConverter&&) noexcept = default;

bool CoordConverter::toWgs84(double a, double b, double& lon, double& lat) const {
  const CoordHypothesis& h = impl_->h;
  if (!std::isfinite(a) || !std::isfinite(b)) return false;
  if (h.swapped) std::swap(a, b);
  if (!h.epsg.empty()) {
    if (!impl_->projected || !impl_->projected->apply(a, b)) return false;
  }
  Vec2 p{a, b};
  if (h.system == CoordSystem::Gcj02) p = gcj02ToWgs84(p);
  else if (h.system == CoordSystem::Bd09) p = bd09ToWgs84(p);
  lon = p.x;
  lat = p.y;
  return std::isfinite(lon) && std::isfinite(lat) && std::abs(lon) <= 180 && std::abs(lat) <= 90;
}

namespace {

bool degreeLike(double lon, double lat) { return lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54; }

// Projected CRSs a Hangzhou table may use (x east, y north, metres).
const char* kProjected[] = {
    "EPSG:4549",  // CGCS2000 3° GK CM 120E
    "EPSG:4528",  // CGCS2000 3° GK zone 40 (x with the zone prefix)
    "EPSG:4548",  // CGCS2000 3° GK CM 117E (= 6° zone 20's meridian)
    "EPSG:4550",  // CGCS2000 3° GK CM 123E (= 6° zone 21's meridian)
    "EPSG:4527",  // CGCS2000 3° GK zone 39
    "EPSG:4498",  // CGCS2000 6° GK zone 20 (prefix)
    "EPSG:4499",  // CGCS2000 6° GK zone 21 (prefix)
    "EPSG:3857",  // Web Mercator
};

std::string percent(double v) {
  char b[16];
  std::snprintf(b, sizeof b, "%.0f %%", 100 * v);
  return b;
}

}  // namespace

CoordSystem coordSystemFromHeader(std::string_view header) {
  std::string h;
  for (char c : header) h.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  auto has = [&](std::string_view w) { return h.find(w) != std::string::npos; };
  if (has("高德") || has("腾讯") || has("amap") || has("gaode") || has("gcj") || has("火星")) return CoordSystem::Gcj02;
  if (has("百度") || has("baidu") || has("bd09") || has("bd-09")) return CoordSystem::Bd09;
  if (has("gps") || has("wgs") || has("北斗") || has("天地图")) return CoordSystem::Wgs84;
  return CoordSystem::Auto;
}

CoordDecision detectCoordinates(const CoordInput& in, const std::vector<District>& districts,
                                const std::vector<Park>& parks, const FieldMapping& forced) {
  std::vector<const MultiPolygon*> polys;
  for (const District& d : districts) polys.push_back(&d.ll);
  const PolygonSet set(polys);
  const size_t n = in.a.size();
  // What most rows look like as written.
  int degree = 0, degree_swapped = 0, valid = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!in.ok[i]) continue;
    ++valid;
    degree += degreeLike(in.a[i], in.b[i]);
    degree_swapped += degreeLike(in.b[i], in.a[i]);
  }
  std::vector<CoordHypothesis> hyps;
  auto geographic = [&](const std::string& base, bool swapped) {
    for (CoordSystem s : {CoordSystem::Wgs84, CoordSystem::Gcj02, CoordSystem::Bd09}) {
      CoordHypothesis h;
      h.system = s;
      h.epsg = base;
      h.swapped = swapped;
      hyps.push_back(h);
    }
  };
  if (forced.coords != CoordSystem::Auto) {
    CoordHypothesis h;
    h.system = forced.coords;
    h.epsg = forced.coords == CoordSystem::Epsg ? forced.epsg : in.layer_crs;
    h.swapped = forced.swap_lonlat;
    hyps.push_back(h);
  } else if (!in.layer_crs.empty()) {
    geographic(in.layer_crs, false);  // the layer's CRS, and GCJ-02/BD-09 mislabelled as it
  } else {
    if (degree * 2 >= valid || valid == 0) geographic("", false);
    if (degree_swapped * 2 >= valid && valid > 0) geographic("", true);
    if (degree * 2 < valid && degree_swapped * 2 < valid)
      for (const char* e : kProjected) {
        CoordHypothesis h;
        h.system = CoordSystem::Epsg;
        h.epsg = e;
        hyps.push_back(h);
        h.swapped = true;  // northing first
        hyps.push_back(h);
      }
  }
  // Score: a row with a district must land in it; with a park, within 1.5× its catchment; with
  // neither, inside the city. Ties are broken by the distance rows miss their district by.
  std::vector<double> miss(hyps.size(), 0);
  for (size_t k = 0; k < hyps.size(); ++k) {
    CoordHypothesis& h = hyps[k];
    const CoordConverter conv(h);
    int hits = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!in.ok[i]) continue;
      double lon, lat;
      ++h.checked;
      if (!conv.toWgs84(in.a[i], in.b[i], lon, lat)) continue;
      const int d = i < in.district_hint.size() ? in.district_hint[i] : -1;
      const int p = i < in.park_hint.size() ? in.park_hint[i] : -1;
      if (d >= 0) {
        if (set.contains(d, lon, lat)) ++hits;
        else miss[k] += std::min(0.1, set.distance(d, lon, lat));
      } else if (p >= 0 && p < static_cast<int>(parks.size())) {
        hits += geodesicDistanceM(lon, lat, parks[p].lon, parks[p].lat) <= 1500 * parks[p].radius_km;
      } else {
        hits += set.indexAt(lon, lat) >= 0;
      }
    }
    h.score = h.checked ? static_cast<double>(hits) / h.checked : 0;
  }
  std::vector<size_t> order(hyps.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  // Best score first; then the smaller miss distance; then the order tried (WGS 84 before the rest).
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (std::abs(hyps[a].score - hyps[b].score) > 1e-9) return hyps[a].score > hyps[b].score;
    return miss[a] < miss[b] - 1e-9;
  });
  CoordDecision out;
  for (size_t k : order) out.ranked.push_back(hyps[k]);
  if (out.ranked.empty()) return out;
  out.chosen = out.ranked.front();
  const bool hinted = std::any_of(in.district_hint.begin(), in.district_hint.end(), [](int d) { return d >= 0; }) ||
                      std::any_of(in.park_hint.begin(), in.park_hint.end(), [](int p) { return p >= 0; });
  std::string ranked[2];  // "GCJ-02: 100 %, WGS 84 on the layer's CRS: 60 %" in each language
  for (const Lang l : {Lang::Zh, Lang::En})
    for (size_t k = 0; k < std::min<size_t>(3, out.ranked.size()); ++k)
      ranked[static_cast<int>(l)] += (k ? ", " : "") + out.ranked[k].label(l) + ": " + percent(out.ranked[k].score);
  if (out.ranked.size() > 1) {
    const double margin = out.ranked[0].score - out.ranked[1].score;
    out.certain = margin >= 0.02 || (margin > 0 && out.ranked[0].checked <= 5);
  }
  // Points that cannot tell the systems apart: the header's word for its source decides, when it has one.
  bool by_header = false;
  if (!out.certain && forced.coords == CoordSystem::Auto && in.header_hint != CoordSystem::Auto) {
    for (size_t k = 0; k < out.ranked.size(); ++k)
      if (out.ranked[k].system == in.header_hint && !out.ranked[k].swapped && out.ranked[0].score - out.ranked[k].score < 0.02) {
        std::rotate(out.ranked.begin(), out.ranked.begin() + static_cast<long>(k), out.ranked.begin() + static_cast<long>(k) + 1);
        out.chosen = out.ranked.front();
        out.certain = by_header = true;
        break;
      }
  }
  // A layer whose .prj declares its CRS, and points that fit it: the declaration stands.
  const bool by_layer = !out.certain && !by_header && forced.coords == CoordSystem::Auto && !in.layer_crs.empty() &&
                        out.chosen.system == CoordSystem::Wgs84 && !out.chosen.swapped;
  if (by_layer) out.certain = true;
  const char* key = forced.coords != CoordSystem::Auto ? "coords.evidence_forced"
                    : by_header                          ? "coords.evidence_header"
                    : by_layer                           ? "coords.evidence_layer"
                    : out.certain                        ? "coords.evidence"
                                                         : "coords.evidence_uncertain";
  out.evidence = Msg(key)
                     .arg("ranked_zh", ranked[0])
                     .arg("ranked_en", ranked[1])
                     .arg("chosen_zh", out.chosen.label(Lang::Zh))
                     .arg("chosen_en", out.chosen.label(Lang::En))
                     .argKey("where", hinted ? "coords.where_hint" : "coords.where_city");
  if (by_header) out.evidence.arg("header", in.hint_header);
  return out;
}

}  // namespace cm
