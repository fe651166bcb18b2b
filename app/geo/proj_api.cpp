#include "geo/proj_api.h"

#include "platform/shared_library.h"

#ifndef CHAINMAP_PROJ_SONAME
#define CHAINMAP_PROJ_SONAME "libproj.so"
#endif

namespace cm {

const Result<const ProjApi*>& projApi() {
  static const Result<const ProjApi*> api =
      loadFunctionTable<ProjApi>(CHAINMAP_PROJ_SONAME, "reprojecting the map", [](void* lib, ProjApi& t, std::string* missing) {
#define CHAINMAP_PROJ_FIND(f) findSymbol(lib, #f, t.f, missing);
        CHAINMAP_PROJ_FUNCTIONS(CHAINMAP_PROJ_FIND)
#undef CHAINMAP_PROJ_FIND
      });
  return api;
}

}  // namespace cm
