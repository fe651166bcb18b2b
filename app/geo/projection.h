// Coordinate transforms through PROJ. Every transform is built with
// proj_normalize_for_visualization, so x is always easting/longitude and y northing/latitude.
#pragma once
#include <memory>
#include <string>

#include "geo/types.h"
#include "platform/result.h"

namespace cm {

// Hangzhou spans 118.3–120.7°E: CGCS2000 / 3-degree Gauss-Kruger CM 120E keeps scale error
// below 0.05 % across the city. Configurable with --crs.
inline constexpr const char* kDefaultDisplayCrs = "EPSG:4549";
// The display CRS that `crs` (an option, a model's) names: itself, or the default when empty.
inline std::string displayCrsOf(const std::string& crs) { return crs.empty() ? std::string(kDefaultDisplayCrs) : crs; }
inline constexpr const char* kWgs84 = "EPSG:4326";

class Transform {
 public:
  // src and dst: anything PROJ accepts ("EPSG:4326", WKT, PROJJSON, a PROJ string).
  static Result<Transform> create(const std::string& src, const std::string& dst);
  Transform(Transform&&) noexcept;
  Transform& operator=(Transform&&) noexcept;
  ~Transform();

  // False (and x, y untouched) when PROJ cannot transform the point.
  bool apply(double& x, double& y) const;
  bool inverse(double& x, double& y) const;
  // n points in place (one PROJ call, proj_trans_generic): ok[i] = 1 where apply() would succeed
  // and give a finite point, else 0 and x[i], y[i] unspecified.
  void applyMany(double* x, double* y, size_t n, uint8_t* ok) const;
  Vec2 operator()(Vec2 p) const { apply(p.x, p.y); return p; }
  // The same transform for the calling thread (a PJ object is used by one thread at a time), kept
  // for the thread (sharedTransform): a worker's copy costs ~0.1 ms once. Null when PROJ cannot
  // make it there.
  const Transform* onThisThread() const;

 private:
  Transform() = default;
  static Result<Transform> build(const std::string& src, const std::string& dst);  // create() without the names
  // proj_create_crs_to_crs; `pipeline` gets the operation as a PROJ string ("" if it is not one).
  static Result<Transform> fromDatabase(const std::string& src, const std::string& dst, std::string* pipeline);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The transform from src to dst, built once per thread and kept: the first one in the process
// costs PROJ database look-ups (30–80 ms); the same pair (or its reverse) on another thread is
// built from the pipeline found then (Transform::create), and every layer of a data folder
// shares the same few.
Result<const Transform*> sharedTransform(const std::string& src, const std::string& dst);

// Makes the calling thread's store of sharedTransform's transforms without making one (PROJ is not
// loaded). A thread's first use registers the store's destructor under the dynamic loader's lock,
// which another thread's library load (a GL driver: 30–60 ms, more from a cold disk) holds: a
// thread that will load PROJ beside such a load calls this first.
void prepareTransformsOnThisThread();

// Keeps the pipelines PROJ's database chose (see Transform::create) in `file` (JSON, written whole
// by rename) and starts from the ones it holds, so a later process builds its transforms without
// the database look-ups (about 100 ms of every start, most of it before the first frame). Entries
// are trusted only under the PROJ release and proj.db (path, size, time) that chose them. Call it
// before the transforms are made; "" forgets the file (what was learnt stays for this process).
// The file is read at the next transform or validateCrs (without loading PROJ: geo/proj_api.h
// projInstallStamp); this call reads nothing.
void rememberTransformsIn(const std::string& file);

// Checks that a CRS definition is known to PROJ; the error names the definition.
Result<std::string> validateCrs(const std::string& def);

}  // namespace cm
