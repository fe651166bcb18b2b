// How far each project lies from the centre of the park it names (Projects::park_index; the
// park's marker, Park::lon/lat): geodesic metres on WGS 84 (groundDistanceM, the measure park
// conformance uses). Planners read it as "does this project really sit in its park": per park, over
// the filtered projects that name it, the median, the 90th percentile, the farthest, and how many
// lie beyond the park's own catchment radius. The project table shows the distance as a column;
// `--analyze park_distance` prints the figures. GL-free.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "core/cached.h"
#include "core/derived_product.h"
#include "core/filter.h"
#include "core/model.h"

namespace cm {

namespace ids {
inline constexpr const char* kParkDistance = "park_distance";  // the feature and its product
}

// Per model row: metres to the centre of the park the project names; NaN when it names none.
std::vector<float> parkCentreDistances(const Model& m);

struct ParkDistanceFigures {
  int park = -1;  // Model::parks index
  int64_t count = 0;
  double median_m = 0, p90_m = 0, max_m = 0;  // NaN when count is 0
  int64_t beyond_radius = 0;                  // farther than Park::radius_km
  int64_t farthest_row = -1;                  // the project farthest from the centre (-1 none)
};
// One per Model::parks, in that order, over the projects that pass `f` (`d` from parkCentreDistances).
// Percentiles by the nearest-rank rule.
std::vector<ParkDistanceFigures> parkDistanceFigures(const Model& m, const Filter& f, const std::vector<float>& d);

// The distances as a derived product (computed while something shown demands ids::kParkDistance).
class ParkDistanceProduct final : public DerivedProduct {
 public:
  void update(const ProductInputs& in) override;
  // Null until demanded; the same pointer until the model changes.
  std::shared_ptr<const std::vector<float>> get() const { return wanted_ ? value_.get() : nullptr; }

 private:
  bool wanted_ = false;
  Cached<uint64_t, std::shared_ptr<const std::vector<float>>> value_;
};

}  // namespace cm
