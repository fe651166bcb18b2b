// The GEOS C API's re-entrant handle, one per thread and quiet (GEOS reports through return
// values here), and an owning pointer for its geometries — shared by every file that calls GEOS.
#pragma once
#include <geos_c.h>

#include <memory>

#include "geo/types.h"

namespace cm {

inline GEOSContextHandle_t geosContext() {
  thread_local struct Holder {
    GEOSContextHandle_t h = GEOS_init_r();
    Holder() {
      GEOSContext_setNoticeMessageHandler_r(h, [](const char*, void*) {}, nullptr);
      GEOSContext_setErrorMessageHandler_r(h, [](const char*, void*) {}, nullptr);
    }
    ~Holder() { GEOS_finish_r(h); }
  } holder;
  return holder.h;
}

struct GeosDeleter {
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(geosContext(), g);
  }
};
using GeosPtr = std::unique_ptr<GEOSGeometry, GeosDeleter>;

// Every polygon in `g` (a polygon, a multipolygon or a collection of anything) appended to `out`,
// empty ones and rings of fewer than four points left out (geo/geos_ops.cpp).
void collectPolygons(const GEOSGeometry* g, MultiPolygon& out);

}  // namespace cm
