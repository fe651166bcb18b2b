#include "data/import/import_place.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/view.h"
#include "data/import/places.h"
#include "geo/geodesic.h"
#include "geo/geos_ops.h"

namespace cm {
namespace {

constexpr int kYuhang = 330110, kLinping = 330113;  // 余杭区 before 2021 held today's 临平区

std::string lonLatText(double a, double b) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.5f, %.5f", a, b);
  return buf;
}

// A deterministic point inside district d for a row without coordinates (the same id always
// lands on the same spot).
Vec2 pointInDistrict(const District& d, const PolygonSet& set, size_t index, const std::string& id) {
  Extent e;
  for (const Polygon& p : d.ll)
    for (const Vec2& v : p.rings[0]) e.add(v);
  uint64_t h = 1469598103934665603ull;
  for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  for (int tries = 0; tries < 400 && e.valid(); ++tries) {
    h ^= h << 13, h ^= h >> 7, h ^= h << 17;
    const double u = (h & 0xFFFFFFFF) / 4294967296.0, v = (h >> 32) / 4294967296.0;
    const double lon = e.minx + u * (e.maxx - e.minx), lat = e.miny + v * (e.maxy - e.miny);
    if (set.contains(index, lon, lat)) return {lon, lat};
  }
  return labelPoint(d.ll, 1e-4);
}

}  // namespace

struct RowPlacer::Impl {
  const RawTable& t;
  const FieldMapping& m;
  const std::vector<District>& districts;
  const std::vector<Park>& parks;
  PlaceMatcher matcher;
  std::unique_ptr<PolygonSet> set;
  std::unique_ptr<CoordConverter> conv;
  std::vector<DistrictMatch> dm;
  std::vector<ParkMatch> pm;
  std::vector<double> a, b;
  std::vector<uint8_t> ok, zero, unreadable;

  Impl(const RawTable& table, const FieldMapping& mapping, const std::vector<District>& d, const std::vector<Park>& p)
      : t(table), m(mapping), districts(d), parks(p), matcher(d, p) {
    std::vector<const MultiPolygon*> polys;
    for (const District& x : districts) polys.push_back(&x.ll);
    set = std::make_unique<PolygonSet>(polys);
  }
  std::string cell(size_t r, Field f) const {
    const int c = m.column(f);
    return c >= 0 && c < static_cast<int>(t.rows[r].size()) ? trimCell(t.rows[r][c]) : std::string();
  }
  std::string header(Field f) const { return m.column(f) >= 0 ? t.columns[m.column(f)] : std::string(fieldLabelZh(f)); }
  int adcodeIndex(int adcode) const {
    for (size_t i = 0; i < districts.size(); ++i)
      if (districts[i].adcode == adcode) return static_cast<int>(i);
    return -1;
  }
  // The district of the row's named ones the point lies in; 余杭区 as written before 2021 also
  // covers today's 临平区.
  int inNamed(size_t r, double lon, double lat) const {
    if (!std::isfinite(lon) || !std::isfinite(lat)) return -1;
    for (int c : dm[r].candidates) {
      if (set->contains(static_cast<size_t>(c), lon, lat)) return c;
      if (districts[c].adcode == kYuhang)
        if (const int lp = adcodeIndex(kLinping); lp >= 0 && set->contains(static_cast<size_t>(lp), lon, lat)) return lp;
    }
    return -1;
  }
};

RowPlacer::RowPlacer(const RawTable& t, const FieldMapping& m, const std::vector<RowKind>& kinds, const std::vector<District>& districts,
                     const std::vector<Park>& parks)
    : impl_(std::make_unique<Impl>(t, m, districts, parks)) {
  Impl& I = *impl_;
  const size_t n = t.rows.size();
  I.dm.resize(n);
  I.pm.resize(n);
  I.a.assign(n, NAN);
  I.b.assign(n, NAN);
  I.ok.assign(n, 0);
  I.zero.assign(n, 0);
  I.unreadable.assign(n, 0);
  const bool xy = m.column(Field::Lon) >= 0 && m.column(Field::Lat) >= 0;
  const bool pair = !xy && m.column(Field::LonLat) >= 0;
  const bool layer = !xy && !pair && t.has_points;
  CoordInput ci;
  ci.a.assign(n, NAN);
  ci.b.assign(n, NAN);
  ci.ok.assign(n, 0);
  ci.district_hint.assign(n, -1);
  ci.park_hint.assign(n, -1);
  if (layer) ci.layer_crs = t.crs;
  for (Field f : {Field::Lon, Field::Lat, Field::LonLat})
    if (const int c = m.column(f); c >= 0 && ci.header_hint == CoordSystem::Auto)
      if ((ci.header_hint = coordSystemFromHeader(t.columns[c])) != CoordSystem::Auto) ci.hint_header = t.columns[c];
  auto number = [](const std::string& s) -> std::optional<double> {
    if (auto v = parseLooseNumber(s)) return v;
    return parseDegrees(s);  // 120°09′18.7″
  };
  for (size_t r = 0; r < n; ++r) {
    if (kinds[r] != RowKind::Project) continue;
    // The district: its column, else an address that starts with it.
    const std::string dtext = I.cell(r, Field::District);
    if (!dtext.empty()) I.dm[r] = I.matcher.district(dtext);
    if (I.dm[r].candidates.empty() && !I.dm[r].outside())
      if (const std::string addr = I.cell(r, Field::Address); !addr.empty()) {
        DistrictMatch from_address = I.matcher.district(addr);
        if (!from_address.candidates.empty() || from_address.outside()) I.dm[r] = std::move(from_address);
      }
    if (const std::string ptext = I.cell(r, Field::Park); !ptext.empty()) I.pm[r] = I.matcher.park(ptext);
    if (I.dm[r].candidates.size() == 1) ci.district_hint[r] = I.dm[r].candidates[0];
    ci.park_hint[r] = I.pm[r].park;
    // The point as written.
    double a = NAN, b = NAN;
    bool have = false;
    if (xy) {
      const std::string sa = I.cell(r, Field::Lon), sb = I.cell(r, Field::Lat);
      const auto va = number(sa), vb = number(sb);
      if (va && vb) a = *va, b = *vb, have = true;
      else if (!sa.empty() || !sb.empty()) I.unreadable[r] = 1;
    } else if (pair) {
      const std::string s = I.cell(r, Field::LonLat);
      if (auto p = parseCoordPair(s)) {
        if (auto ll = p->lonLat()) a = ll->first, b = ll->second;
        else a = p->first.degrees, b = p->second.degrees;
        have = true;
      } else if (!s.empty()) {
        I.unreadable[r] = 1;
      }
    } else if (layer && r < t.g_ok.size() && t.g_ok[r]) {
      a = t.gx[r], b = t.gy[r], have = true;
    }
    if (have && a == 0 && b == 0) {
      I.zero[r] = 1;  // (0,0): a blank the software filled in
      have = false;
    }
    if (have && std::isfinite(a) && std::isfinite(b)) I.a[r] = a, I.b[r] = b, I.ok[r] = 1, ci.a[r] = a, ci.b[r] = b, ci.ok[r] = 1;
  }
  any_coords_ = std::any_of(ci.ok.begin(), ci.ok.end(), [](uint8_t o) { return o != 0; });
  if (any_coords_) decision_ = detectCoordinates(ci, districts, parks, m);
  I.conv = std::make_unique<CoordConverter>(decision_.chosen);
}

RowPlacer::~RowPlacer() = default;

RowPlace RowPlacer::place(size_t r, long row, const std::string& id, ImportReport& rep) {
  Impl& I = *impl_;
  const DistrictMatch& dm = I.dm[r];
  const ParkMatch& pm = I.pm[r];
  const std::string dcol = I.m.column(Field::District) >= 0 ? I.header(Field::District) : I.header(Field::Address);
  const bool have_districts = !I.districts.empty();
  RowPlace out;
  out.park = pm.park;
  out.outside_named = dm.outside();
  auto problem = [&](const char* key, Severity s, const std::string& example) { rep.add(Msg(key), s, row, example); };
  bool exact = false;
  if (I.ok[r]) {
    double lon = NAN, lat = NAN, slon = NAN, slat = NAN;
    bool conv_ok = I.conv->toWgs84(I.a[r], I.b[r], lon, lat);
    const bool swap_ok = I.conv->toWgs84(I.b[r], I.a[r], slon, slat);
    // Only the swapped reading is a place on Earth (this row alone holds latitude, longitude): the
    // checks below take it, as they take a swapped reading that lands where the row says.
    if (!conv_ok && swap_ok) conv_ok = true, lon = lat = NAN;
    if (conv_ok) {
      const int here = !std::isfinite(lon) ? -1 : have_districts ? I.set->indexAt(lon, lat) : 0;
      exact = true;
      if (!dm.candidates.empty() && I.inNamed(r, lon, lat) < 0) {
        if (swap_ok && I.inNamed(r, slon, slat) >= 0) {
          lon = slon, lat = slat;
          problem("place.swapped", Severity::Position, lonLatText(I.a[r], I.b[r]));
        } else if (here < 0) {
          problem("place.outside_placed", Severity::Position, lonLatText(I.a[r], I.b[r]));
          exact = false;  // placed inside its district below
        } else {
          rep.add(Msg("place.not_in_named").arg("column", dcol), Severity::Position, row, I.cell(r, Field::District));
        }
      } else if (dm.candidates.empty() && here < 0 && have_districts) {
        if (swap_ok && I.set->indexAt(slon, slat) >= 0 &&
            (pm.park < 0 || geodesicDistanceM(slon, slat, I.parks[pm.park].lon, I.parks[pm.park].lat) <= 3000 * I.parks[pm.park].radius_km)) {
          lon = slon, lat = slat;
          problem("place.swapped", Severity::Position, lonLatText(I.a[r], I.b[r]));
        } else if (pm.park >= 0) {
          problem("place.outside_at_park", Severity::Position, lonLatText(I.a[r], I.b[r]));
          exact = false;
        } else {
          problem("place.outside_kept", Severity::Position, lonLatText(I.a[r], I.b[r]));
        }
      }
      if (exact) out.lon = lon, out.lat = lat;
    } else {
      problem("place.unconvertible", Severity::Position, lonLatText(I.a[r], I.b[r]));
    }
  } else if (I.zero[r]) {
    problem("place.zero", Severity::Position, "0, 0");
  } else if (I.unreadable[r]) {
    const std::string text = I.m.column(Field::LonLat) >= 0 ? I.cell(r, Field::LonLat) : I.cell(r, Field::Lon) + ", " + I.cell(r, Field::Lat);
    problem("place.unreadable", Severity::Position, text);
  }
  if (!exact) {  // approximately: at its park, else inside its district
    if (pm.park >= 0) {
      out.lon = I.parks[pm.park].lon, out.lat = I.parks[pm.park].lat, out.approx = 1;
      if (!I.ok[r] && !I.zero[r] && !I.unreadable[r]) problem("place.approx_park", Severity::Position, "");
    } else if (!dm.candidates.empty()) {
      const int d = dm.candidates[0];
      const Vec2 q = pointInDistrict(I.districts[d], *I.set, static_cast<size_t>(d), id);
      out.lon = q.x, out.lat = q.y, out.approx = 2;
      if (!I.ok[r] && !I.zero[r] && !I.unreadable[r]) problem("place.approx_district", Severity::Position, "");
    } else {
      return out;  // nothing to place it by: the caller skips it
    }
  }
  out.placed = true;
  // The district: the named one the point lies in (a retired name: the one of today's), else the point's.
  if (!dm.candidates.empty()) {
    int d = out.approx == 0 ? I.inNamed(r, out.lon, out.lat) : -1;
    if (d < 0) d = dm.candidates[0];
    if (I.districts[d].adcode == kLinping && std::find(dm.candidates.begin(), dm.candidates.end(), d) == dm.candidates.end())
      rep.add(Msg("place.yuhang_split").arg("column", dcol), Severity::Minor, row, I.cell(r, Field::District));
    if (dm.retired_name)
      rep.add(Msg(out.approx == 0 ? "place.retired_by_point" : "place.retired_first").arg("column", dcol).arg("district", I.districts[d].name_zh),
              Severity::Minor, row, dm.place.empty() ? I.cell(r, Field::District) : dm.place);
    out.district = d;
  } else {
    if (dm.outside())
      rep.add(Msg("place.named_outside").arg("column", dcol), Severity::Position, row, dm.place);
    else if (const std::string d = I.cell(r, Field::District); !d.empty() && have_districts)  // none loaded: said once
      rep.add(Msg("place.unknown_district").arg("column", dcol), Severity::Minor, row, d);
    out.district = have_districts ? I.set->indexAt(out.lon, out.lat) : -1;
  }
  if (pm.park < 0)
    if (const std::string k = I.cell(r, Field::Park); !k.empty()) {
      if (pm.ambiguous) {
        std::string names;
        for (int c : pm.candidates) names += (names.empty() ? "" : "、") + I.parks[c].name_zh;
        rep.add(Msg("place.ambiguous_park").arg("column", I.header(Field::Park)).arg("parks", names), Severity::Minor, row, k);
      } else {
        rep.add(Msg("place.unknown_park").arg("column", I.header(Field::Park)), Severity::Minor, row, k);
      }
    }
  return out;
}

}  // namespace cm
