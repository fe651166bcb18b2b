// PROJ's functions, through a table filled when PROJ is first needed (platform/shared_library.h):
// the viewer does not link libproj, so its start does not load it and the ~30 libraries it brings.
//   auto api = projApi(); if (!api) return fail(api.error());  (*api)->proj_create(ctx, def);
#pragma once
#include <geodesic.h>
#include <proj.h>

#include "platform/result.h"

namespace cm {

#define CHAINMAP_PROJ_FUNCTIONS(X)                                                                                  \
  X(proj_info) X(proj_context_create) X(proj_context_destroy) X(proj_context_set_search_paths) X(proj_log_level) \
  X(proj_log_func) X(proj_context_errno) X(proj_context_errno_string) X(proj_create) X(proj_create_crs_to_crs)    \
  X(proj_normalize_for_visualization) X(proj_destroy) X(proj_pj_info) X(proj_is_crs) X(proj_as_proj_string)      \
  X(proj_coord) X(proj_trans) X(proj_trans_generic) X(proj_errno_reset) X(geod_init) X(geod_inverse) X(geod_direct)  \
  X(geod_polygon_init) X(geod_polygon_addpoint) X(geod_polygon_compute)

struct ProjApi {
#define CHAINMAP_PROJ_MEMBER(f) decltype(&::f) f = nullptr;
  CHAINMAP_PROJ_FUNCTIONS(CHAINMAP_PROJ_MEMBER)
#undef CHAINMAP_PROJ_MEMBER
};

// The table, loaded at the first call (thread-safe), or why PROJ cannot be loaded.
const Result<const ProjApi*>& projApi();

// What PROJ's answers depend on, without loading PROJ: the release built against, the library
// file (path, size, mtime), and the first proj.db on PROJ's search path ($PROJ_DATA, $PROJ_LIB,
// the user's data folder, the release's data folder) with its size and mtime. Keys the store of
// pipelines PROJ chose (geo/projection.h), so that a start from the caches never loads PROJ.
std::string projInstallStamp();

}  // namespace cm
