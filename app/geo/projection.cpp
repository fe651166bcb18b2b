#include "geo/projection.h"

#include <proj.h>

#include <cmath>
#include <map>

namespace cm {

struct Transform::Impl {
  PJ_CONTEXT* ctx = nullptr;
  PJ* pj = nullptr;
  ~Impl() {
    if (pj) proj_destroy(pj);
    if (ctx) proj_context_destroy(ctx);
  }
};

Transform::Transform(Transform&&) noexcept = default;
Transform& Transform::operator=(Transform&&) noexcept = default;
Transform::~Transform() = default;

Result<Transform> Transform::create(const std::string& src, const std::string& dst) {
  auto impl = std::make_unique<Impl>();
  impl->ctx = proj_context_create();
  proj_log_level(impl->ctx, PJ_LOG_NONE);
  PJ* raw = proj_create_crs_to_crs(impl->ctx, src.c_str(), dst.c_str(), nullptr);
  if (!raw) {
    const int err = proj_context_errno(impl->ctx);
    return Result<Transform>::fail("cannot build a transform from '" + src.substr(0, 80) + "' to '" +
                                   dst.substr(0, 80) + "': " + proj_context_errno_string(impl->ctx, err));
  }
  impl->pj = proj_normalize_for_visualization(impl->ctx, raw);
  proj_destroy(raw);
  if (!impl->pj) return Result<Transform>::fail("PROJ could not normalise the axis order of '" + dst + "'");
  Transform t;
  t.impl_ = std::move(impl);
  return t;
}

static bool run(PJ* pj, PJ_DIRECTION dir, double& x, double& y) {
  PJ_COORD c = proj_coord(x, y, 0, 0);
  PJ_COORD r = proj_trans(pj, dir, c);
  if (r.xy.x == HUGE_VAL || r.xy.y == HUGE_VAL || std::isnan(r.xy.x) || std::isnan(r.xy.y)) return false;
  x = r.xy.x;
  y = r.xy.y;
  return true;
}

bool Transform::apply(double& x, double& y) const { return run(impl_->pj, PJ_FWD, x, y); }
void Transform::applyMany(double* x, double* y, size_t n, uint8_t* ok) const {
  if (n == 0) return;
  proj_errno_reset(impl_->pj);
  proj_trans_generic(impl_->pj, PJ_FWD, x, sizeof(double), n, y, sizeof(double), n, nullptr, 0, 0, nullptr, 0, 0);
  for (size_t i = 0; i < n; ++i) ok[i] = std::isfinite(x[i]) && std::isfinite(y[i]) && x[i] != HUGE_VAL && y[i] != HUGE_VAL;
}

bool Transform::inverse(double& x, double& y) const { return run(impl_->pj, PJ_INV, x, y); }

Result<const Transform*> sharedTransform(const std::string& src, const std::string& dst) {
  thread_local std::map<std::pair<std::string, std::string>, Transform> cache;
  const auto key = std::make_pair(src, dst);
  if (auto it = cache.find(key); it != cache.end()) return &it->second;
  auto t = Transform::create(src, dst);
  if (!t) return Result<const Transform*>::fail(t.error());
  return &cache.emplace(key, t.take()).first->second;
}

Result<std::string> validateCrs(const std::string& def) {
  PJ_CONTEXT* ctx = proj_context_create();
  proj_log_level(ctx, PJ_LOG_NONE);
  PJ* crs = proj_create(ctx, def.c_str());
  const bool ok = crs && proj_is_crs(crs);
  if (crs) proj_destroy(crs);
  proj_context_destroy(ctx);
  if (!ok) return Result<std::string>::fail("unknown CRS '" + def + "' (expected e.g. EPSG:4549 or EPSG:32650)");
  return def;
}

}  // namespace cm
