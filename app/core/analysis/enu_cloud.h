// nanoflann's view of a vector of local east–north–up points (core/analysis/ground.h).
#pragma once
#include <vector>

#include <nanoflann.hpp>

#include "core/analysis/ground.h"

namespace cm {

struct EnuCloud {
  const std::vector<Enu>* pts;
  size_t kdtree_get_point_count() const { return pts->size(); }
  double kdtree_get_pt(size_t i, size_t d) const {
    const Enu& p = (*pts)[i];
    return d == 0 ? p.e : d == 1 ? p.n : p.u;
  }
  template <class B>
  bool kdtree_get_bbox(B&) const { return false; }
};

// Squared Euclidean distances (= squared chords), uint32 indices.
using EnuTree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, EnuCloud>, EnuCloud, 3, uint32_t>;

}  // namespace cm
