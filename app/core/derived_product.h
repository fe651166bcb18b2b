// A feature's derived product (clusters, the heatmap's grid, park conformance, NNI …) inside the
// one derived-data pipeline (core/derived.h): registered by its feature, updated with every
// frame's inputs, computed only while something on screen (or the command line) demands it,
// cached by the key of its inputs, slow ones on a worker (core/cached.h). Derived::pending() and
// wait() cover every product, so the idle check and a screenshot see them like the statistics.
#pragma once
#include <memory>
#include <set>
#include <string>

#include "core/feature_settings.h"
#include "core/filter.h"
#include "core/model.h"

namespace cm {

class Derived;

struct ProductInputs {
  const std::shared_ptr<const Model>& model;
  uint64_t model_rev;
  const Filter& filter;
  const FeatureStates& features;
  const std::set<std::string>& demanded;  // the products something shown needs this frame
  bool allow_async;                       // false: computed before update() returns (screenshots)
  const Derived& derived;                 // the products registered before this one
  bool wants(const char* id) const { return demanded.count(id) > 0; }
};

class DerivedProduct {
 public:
  virtual ~DerivedProduct() = default;
  virtual void update(const ProductInputs& in) = 0;
  virtual bool pending() const { return false; }
  virtual float progress() const { return 1.f; }
  virtual void wait() {}
};

// Whether a product is computed on a worker: only interactive frames, and only above this many rows.
inline constexpr size_t kAsyncProductRows = 50'000;

}  // namespace cm
