// Coordinate-system detection (app/data/import/coords.*): the bytes become up to 64 rows of two
// doubles each (any bit pattern: NaN, inf, huge, tiny) with district and park hints, then
// detection against the real districts and parks, and every row through the chosen converter.
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "data/import/coords.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const cmfuzz::Reference& ref = cmfuzz::reference();
  if (size < 2) return 0;
  cm::FieldMapping forced;
  // First byte: the forced system (mostly Auto) and the swap flag.
  const uint8_t mode = data[0];
  static const cm::CoordSystem kSystems[] = {cm::CoordSystem::Auto, cm::CoordSystem::Wgs84, cm::CoordSystem::Gcj02,
                                             cm::CoordSystem::Bd09, cm::CoordSystem::Epsg};
  forced.coords = (mode & 0x80) ? kSystems[(mode & 7) % 5] : cm::CoordSystem::Auto;
  if (forced.coords == cm::CoordSystem::Epsg) forced.epsg = (mode & 8) ? "EPSG:4549" : "EPSG:3857";
  forced.swap_lonlat = mode & 0x40;
  cm::CoordInput in;
  if (mode & 0x20) in.layer_crs = "EPSG:4490";
  const int nd = static_cast<int>(ref.districts.size()), np = static_cast<int>(ref.parks.size());
  size_t pos = 1;
  constexpr size_t kRow = 2 * sizeof(double) + 2;
  while (pos + kRow <= size && in.a.size() < 64) {
    double a, b;
    std::memcpy(&a, data + pos, sizeof a);
    std::memcpy(&b, data + pos + 8, sizeof b);
    const uint8_t dh = data[pos + 16], ph = data[pos + 17];
    in.a.push_back(a);
    in.b.push_back(b);
    in.ok.push_back(std::isfinite(a) && std::isfinite(b) ? 1 : (dh & 1));  // sometimes lie about ok
    in.district_hint.push_back(nd && dh < 0xF0 ? dh % nd : -1);
    in.park_hint.push_back(np && ph < 0x80 ? ph % np : -1);
    pos += kRow;
  }
  cm::CoordDecision d = cm::detectCoordinates(in, ref.districts, ref.parks, forced);
  (void)d.chosen.label();
  cm::CoordConverter conv(d.chosen);
  for (size_t i = 0; i < in.a.size(); ++i) {
    double lon = 0, lat = 0;
    if (conv.toWgs84(in.a[i], in.b[i], lon, lat) && !(std::isfinite(lon) && std::isfinite(lat))) std::abort();
  }
  return 0;
}
