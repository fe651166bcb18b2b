#include "geo/spatial_index.h"

#include <nanoflann.hpp>

namespace cm {

namespace {
struct Cloud {
  std::span<const double> x, y;  // the caller's columns (they outlive the index)
  size_t kdtree_get_point_count() const { return x.size(); }
  double kdtree_get_pt(size_t i, size_t d) const { return d == 0 ? x[i] : y[i]; }
  template <class B>
  bool kdtree_get_bbox(B&) const { return false; }
};
// 32-bit row indices (rows are uint32 everywhere): at 1M rows the tree's index list is 4 MB, not 8.
using Tree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, Cloud>, Cloud, 2, uint32_t>;
}  // namespace

struct PointIndex::Impl {
  Cloud cloud;
  Tree tree;
  Impl(std::span<const double> x, std::span<const double> y)
      : cloud{x, y}, tree(2, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(16)) {
    tree.buildIndex();
  }
};

PointIndex::PointIndex(std::span<const double> x, std::span<const double> y)
    : impl_(std::make_unique<Impl>(x, y)) {}
PointIndex::~PointIndex() = default;

std::vector<size_t> PointIndex::within(double qx, double qy, double radius,
                                       const std::function<bool(size_t)>& accept) const {
  std::vector<std::pair<uint32_t, double>> hits;
  const double q[2] = {qx, qy};
  nanoflann::SearchParams params;
  params.sorted = true;
  impl_->tree.radiusSearch(q, radius * radius, hits, params);
  std::vector<size_t> out;
  for (const auto& h : hits)
    if (accept(h.first)) out.push_back(h.first);
  return out;
}

void PointIndex::inRect(double minx, double miny, double maxx, double maxy, std::vector<uint32_t>& out) const {
  out.clear();
  if (!(maxx >= minx) || !(maxy >= miny)) return;
  // The circle around the rectangle, then the rectangle itself.
  std::vector<std::pair<uint32_t, double>> hits;
  const double q[2] = {(minx + maxx) / 2, (miny + maxy) / 2};
  const double r2 = ((maxx - minx) * (maxx - minx) + (maxy - miny) * (maxy - miny)) / 4 * 1.0001;
  nanoflann::SearchParams params;
  params.sorted = false;
  impl_->tree.radiusSearch(q, r2, hits, params);
  out.reserve(hits.size());
  const std::span<const double> x = impl_->cloud.x, y = impl_->cloud.y;
  for (const auto& h : hits)
    if (x[h.first] >= minx && x[h.first] <= maxx && y[h.first] >= miny && y[h.first] <= maxy) out.push_back(static_cast<uint32_t>(h.first));
}

}  // namespace cm
