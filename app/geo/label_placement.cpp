#include "geo/label_placement.h"

#include <algorithm>
#include <numeric>

namespace cm {

std::vector<LabelPlacement> placeLabels(const std::vector<LabelRequest>& req, std::vector<LabelBox> taken,
                                        double pad) {
  std::vector<LabelPlacement> out(req.size());
  std::vector<size_t> order(req.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return req[a].priority > req[b].priority; });
  for (size_t i : order) {
    const LabelRequest& r = req[i];
    // Candidate offsets of the box's top-left corner relative to the anchor.
    const double cx = -r.w / 2, cy = -r.h / 2, g = 6;
    const std::vector<std::pair<double, double>> centred{{cx, cy}, {cx, cy - r.h * 0.8}, {cx, cy + r.h * 0.8},
                                                         {cx - r.w * 0.4, cy}, {cx + r.w * 0.4, cy}};
    const std::vector<std::pair<double, double>> point{{g, cy}, {-r.w - g, cy}, {cx, -r.h - g}, {cx, g}};
    for (const auto& [dx, dy] : r.centered ? centred : point) {
      const LabelBox b{r.ax + dx, r.ay + dy, r.ax + dx + r.w, r.ay + dy + r.h};
      if (std::none_of(taken.begin(), taken.end(), [&](const LabelBox& t) { return b.overlaps(t, pad); })) {
        out[i] = {true, b};
        taken.push_back(b);
        break;
      }
    }
  }
  return out;
}

}  // namespace cm
