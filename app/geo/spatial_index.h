// A 2-D k-d tree over project positions (nanoflann), for picking the project under the cursor
// and for the projects on screen when a table is too large to draw whole.
#pragma once
#include <functional>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "geo/types.h"

namespace cm {

class PointIndex {
 public:
  PointIndex(std::span<const double> x, std::span<const double> y);
  ~PointIndex();
  // Rows within `radius` of (qx, qy) for which `accept(row)` holds, nearest first.
  std::vector<size_t> within(double qx, double qy, double radius, const std::function<bool(size_t)>& accept) const;
  // Rows inside the rectangle (closed), in no particular order.
  void inRect(double minx, double miny, double maxx, double maxy, std::vector<uint32_t>& out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cm
