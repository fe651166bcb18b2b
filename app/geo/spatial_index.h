// A 2-D k-d tree over project positions (nanoflann), for picking the project under the cursor.
#pragma once
#include <functional>
#include <memory>
#include <vector>

#include "core/model.h"

namespace cm {

class PointIndex {
 public:
  PointIndex(const std::vector<double>& x, const std::vector<double>& y);
  ~PointIndex();
  // Rows within `radius` of (qx, qy) for which `accept(row)` holds, nearest first.
  std::vector<size_t> within(double qx, double qy, double radius, const std::function<bool(size_t)>& accept) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cm
