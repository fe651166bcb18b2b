#include "geo/projection.h"

#include "geo/proj_api.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "platform/atomic_file.h"

namespace cm {

namespace {
// PROJ's table where a PROJ object already exists (so projApi() succeeded before).
const ProjApi& projLib() { return **projApi(); }
}  // namespace

struct Transform::Impl {
  PJ_CONTEXT* ctx = nullptr;
  PJ* pj = nullptr;
  bool reversed = false;  // built from the (dst, src) operation, run backwards
  std::string src, dst;   // the definitions it was made from
  ~Impl() {
    if (pj) projLib().proj_destroy(pj);
    if (ctx) projLib().proj_context_destroy(ctx);
  }
};

Transform::Transform(Transform&&) noexcept = default;
Transform& Transform::operator=(Transform&&) noexcept = default;
Transform::~Transform() = default;

namespace {

// PROJ's database says once per process how to go from one CRS to another. Finding the operation
// (proj_create_crs_to_crs) costs 30–80 ms of SQLite queries, and each thread needs its own PJ
// (sharedTransform), so the answer is kept as a PROJ pipeline string, from which another thread
// builds its PJ in ~0.1 ms without the database; the reverse direction runs the same pipeline
// backwards. "" when the operation is not one pipeline (PROJ chose among several, or failed):
// then every thread asks PROJ itself. A thread that asks while another is looking up the same
// pair waits for that answer instead of doing the same work again.
// Two definitions between which the operation is "+proj=noop" (a layer's WKT that is WGS 84) are
// the same CRS to PROJ: a pair is looked up under the first definition seen (`g_same`).
std::mutex g_mutex;
std::map<std::pair<std::string, std::string>, std::shared_future<std::string>> g_pipelines;
std::map<std::string, std::string> g_same;

const std::string& canonical(const std::string& def) {
  const auto it = g_same.find(def);
  return it == g_same.end() ? def : it->second;
}

// The store of pipelines between processes (rememberTransformsIn): its file, what PROJ and its
// database must be for its entries to hold, and the entries this process has (read or found).
struct Store {
  std::string file;
  bool read = true;  // false: `file` named and not read yet (read at the first transform or CRS check)
  std::string stamp;
  nlohmann::json entries = nlohmann::json::array();  // [[src, dst, pipeline], ...]
  std::set<std::string> valid_crs;                   // definitions an entry proves PROJ knows
};
Store g_store;

// Under g_mutex: a pair's pipeline as known, and the "+proj=noop" pair as one CRS.
void learn(const std::string& src, const std::string& dst, const std::string& pipeline) {
  if (pipeline == "+proj=noop" && src != dst) g_same.emplace(src, dst);
  std::promise<std::string> ready;
  ready.set_value(pipeline);
  g_pipelines.emplace(std::make_pair(canonical(src), canonical(dst)), ready.get_future().share());
  g_store.valid_crs.insert(src);
  g_store.valid_crs.insert(dst);
}

// A pipeline this process found: into the store's file (whole, by rename), when there is one.
void remember(const std::string& src, const std::string& dst, const std::string& pipeline) {
  std::string file, text;
  {
    std::lock_guard lock(g_mutex);
    if (g_store.file.empty() || pipeline.empty()) return;
    g_store.entries.push_back({src, dst, pipeline});
    g_store.valid_crs.insert(src);
    g_store.valid_crs.insert(dst);
    file = g_store.file;
    text = nlohmann::json{{"chainmap_transforms", 1}, {"proj", g_store.stamp}, {"pipelines", g_store.entries}}.dump(1);
  }
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(file).parent_path(), ec);
  (void)writeFileAtomically(file, text);  // a store that cannot be written only costs the next start its look-up
}

// The store named by rememberTransformsIn, read at the first transform or CRS check (its stamp,
// projInstallStamp, loads no PROJ): the entries it holds under this PROJ become known pipelines.
// Under g_mutex.
void readStore() {
  if (g_store.read) return;
  g_store.read = true;
  g_store.stamp = projInstallStamp();  // (loads no PROJ)
  g_store.entries = nlohmann::json::array();
  if (g_store.file.empty()) return;
  std::ifstream in(g_store.file);
  const nlohmann::json j = in ? nlohmann::json::parse(in, nullptr, false) : nlohmann::json();
  if (!j.is_object() || j.value("chainmap_transforms", 0) != 1 || j.value("proj", std::string()) != g_store.stamp ||
      !j.contains("pipelines") || !j["pipelines"].is_array())
    return;
  for (const nlohmann::json& e : j["pipelines"])
    if (e.is_array() && e.size() == 3 && e[0].is_string() && e[1].is_string() && e[2].is_string() &&
        !e[2].get_ref<const std::string&>().empty()) {
      g_store.entries.push_back(e);
      learn(e[0].get<std::string>(), e[1].get<std::string>(), e[2].get<std::string>());
    }
}

}  // namespace

Result<Transform> Transform::create(const std::string& src_def, const std::string& dst_def) {
  auto t = build(src_def, dst_def);
  if (t) t->impl_->src = src_def, t->impl_->dst = dst_def;
  return t;
}

const Transform* Transform::onThisThread() const {
  auto t = sharedTransform(impl_->src, impl_->dst);
  return t ? *t : nullptr;
}

Result<Transform> Transform::build(const std::string& src_def, const std::string& dst_def) {
  if (!projApi()) return Result<Transform>::fail(projApi().error());
  std::shared_future<std::string> known;
  bool reversed = false;
  std::promise<std::string> answer;
  std::string src, dst;
  {
    std::lock_guard lock(g_mutex);
    readStore();
    src = canonical(src_def);
    dst = canonical(dst_def);
    if (auto it = g_pipelines.find({src, dst}); it != g_pipelines.end()) {
      known = it->second;
    } else if (auto back = g_pipelines.find({dst, src}); back != g_pipelines.end()) {
      known = back->second;
      reversed = true;
    } else {
      g_pipelines[{src, dst}] = answer.get_future().share();
    }
  }
  if (!known.valid()) {  // this thread looks it up, and says what it found
    std::string pipeline;
    auto t = fromDatabase(src, dst, &pipeline);
    if (pipeline == "+proj=noop" && src != dst) {
      std::lock_guard lock(g_mutex);
      g_same.emplace(src, dst);
    }
    answer.set_value(pipeline);
    if (t) remember(src, dst, pipeline);
    return t;
  }
  if (const std::string& pipeline = known.get(); !pipeline.empty()) {
    auto impl = std::make_unique<Impl>();
    impl->ctx = projLib().proj_context_create();
    projLib().proj_log_level(impl->ctx, PJ_LOG_NONE);
    // PROJ 9.1's proj_create opens proj.db (10–15 ms of SQLite) even for a PROJ string, which needs
    // no database: a pipeline that reads no file (no grids=, file= or init=) is made in a context
    // whose search path holds no proj.db. Anything else keeps PROJ's own paths.
    if (pipeline.find("grids=") == std::string::npos && pipeline.find("file=") == std::string::npos &&
        pipeline.find("init=") == std::string::npos) {
      const char* none[] = {"/nonexistent/chainmap-no-proj-db"};
      projLib().proj_context_set_search_paths(impl->ctx, 1, none);
      projLib().proj_log_func(impl->ctx, nullptr, [](void*, int, const char*) {});  // "Cannot find proj.db" is said regardless of the level
    }
    impl->pj = projLib().proj_create(impl->ctx, pipeline.c_str());
    impl->reversed = reversed;
    if (impl->pj && (!reversed || projLib().proj_pj_info(impl->pj).has_inverse)) {
      Transform t;
      t.impl_ = std::move(impl);
      return t;
    }
  }
  return fromDatabase(src, dst, nullptr);
}

Result<Transform> Transform::fromDatabase(const std::string& src, const std::string& dst, std::string* pipeline) {
  auto impl = std::make_unique<Impl>();
  impl->ctx = projLib().proj_context_create();
  projLib().proj_log_level(impl->ctx, PJ_LOG_NONE);
  PJ* raw = projLib().proj_create_crs_to_crs(impl->ctx, src.c_str(), dst.c_str(), nullptr);
  if (!raw) {
    const int err = projLib().proj_context_errno(impl->ctx);
    return Result<Transform>::fail("cannot build a transform from '" + src.substr(0, 80) + "' to '" +
                                   dst.substr(0, 80) + "': " + projLib().proj_context_errno_string(impl->ctx, err));
  }
  impl->pj = projLib().proj_normalize_for_visualization(impl->ctx, raw);
  projLib().proj_destroy(raw);
  if (!impl->pj) return Result<Transform>::fail("PROJ could not normalise the axis order of '" + dst + "'");
  if (pipeline) {
    const char* def = projLib().proj_as_proj_string(impl->ctx, impl->pj, PJ_PROJ_5, nullptr);
    if (def) *pipeline = def;
  }
  Transform t;
  t.impl_ = std::move(impl);
  return t;
}

static bool run(PJ* pj, PJ_DIRECTION dir, double& x, double& y) {
  PJ_COORD c = projLib().proj_coord(x, y, 0, 0);
  PJ_COORD r = projLib().proj_trans(pj, dir, c);
  if (r.xy.x == HUGE_VAL || r.xy.y == HUGE_VAL || std::isnan(r.xy.x) || std::isnan(r.xy.y)) return false;
  x = r.xy.x;
  y = r.xy.y;
  return true;
}

bool Transform::apply(double& x, double& y) const { return run(impl_->pj, impl_->reversed ? PJ_INV : PJ_FWD, x, y); }
void Transform::applyMany(double* x, double* y, size_t n, uint8_t* ok) const {
  if (n == 0) return;
  projLib().proj_errno_reset(impl_->pj);
  projLib().proj_trans_generic(impl_->pj, impl_->reversed ? PJ_INV : PJ_FWD, x, sizeof(double), n, y, sizeof(double), n, nullptr, 0, 0,
                     nullptr, 0, 0);
  for (size_t i = 0; i < n; ++i) ok[i] = std::isfinite(x[i]) && std::isfinite(y[i]) && x[i] != HUGE_VAL && y[i] != HUGE_VAL;
}
bool Transform::inverse(double& x, double& y) const { return run(impl_->pj, impl_->reversed ? PJ_FWD : PJ_INV, x, y); }

namespace {
std::map<std::pair<std::string, std::string>, Transform>& threadTransforms() {
  thread_local std::map<std::pair<std::string, std::string>, Transform> cache;
  return cache;
}
}  // namespace

void prepareTransformsOnThisThread() { (void)threadTransforms(); }

Result<const Transform*> sharedTransform(const std::string& src, const std::string& dst) {
  auto& cache = threadTransforms();
  const auto key = std::make_pair(src, dst);
  if (auto it = cache.find(key); it != cache.end()) return &it->second;
  auto t = Transform::create(src, dst);
  if (!t) return Result<const Transform*>::fail(t.error());
  return &cache.emplace(key, t.take()).first->second;
}

void rememberTransformsIn(const std::string& file) {
  std::lock_guard lock(g_mutex);
  if (file == g_store.file) return;
  g_store.file = file;
  g_store.read = false;  // read at the first transform or CRS check (readStore): naming it reads nothing
}

Result<std::string> validateCrs(const std::string& def) {
  static std::mutex mutex;  // a definition is checked once per process (each check opens proj.db)
  static std::map<std::string, bool> known;
  {
    std::lock_guard lock(g_mutex);  // a definition with a remembered pipeline is one PROJ knows
    readStore();
    if (g_store.valid_crs.count(def)) return def;
  }
  {
    std::lock_guard lock(mutex);
    if (auto it = known.find(def); it != known.end()) {
      if (it->second) return def;
      return Result<std::string>::fail("unknown CRS '" + def + "' (expected e.g. EPSG:4549 or EPSG:32650)");
    }
  }
  if (!projApi()) return Result<std::string>::fail(projApi().error());
  PJ_CONTEXT* ctx = projLib().proj_context_create();
  projLib().proj_log_level(ctx, PJ_LOG_NONE);
  PJ* crs = projLib().proj_create(ctx, def.c_str());
  const bool ok = crs && projLib().proj_is_crs(crs);
  if (crs) projLib().proj_destroy(crs);
  projLib().proj_context_destroy(ctx);
  {
    std::lock_guard lock(mutex);
    known[def] = ok;
  }
  if (!ok) return Result<std::string>::fail("unknown CRS '" + def + "' (expected e.g. EPSG:4549 or EPSG:32650)");
  return def;
}

}  // namespace cm
