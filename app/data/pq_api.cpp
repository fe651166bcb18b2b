#include "data/pq_api.h"

#include "platform/shared_library.h"

#ifndef CHAINMAP_PQ_SONAME
#define CHAINMAP_PQ_SONAME "libpq.so"
#endif

namespace cm {

const Result<const PqApi*>& pqApi() {
  static const Result<const PqApi*> api =
      loadFunctionTable<PqApi>(CHAINMAP_PQ_SONAME, "a PostGIS table", [](void* lib, PqApi& t, std::string* missing) {
#define CHAINMAP_PQ_FIND(f) findSymbol(lib, #f, t.f, missing);
        CHAINMAP_PQ_FUNCTIONS(CHAINMAP_PQ_FIND)
#undef CHAINMAP_PQ_FIND
      });
  return api;
}

}  // namespace cm
