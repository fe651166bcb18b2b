#include "geo/label_placement.h"

#include <algorithm>
#include <cmath>
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
    auto fits = [&](const LabelBox& b) {
      if (r.accept && !r.accept(b)) return false;
      return std::none_of(taken.begin(), taken.end(), [&](const LabelBox& t) { return b.overlaps(t, pad); });
    };
    for (const auto& [dx, dy] : r.centered ? centred : point) {
      const LabelBox b{r.ax + dx, r.ay + dy, r.ax + dx + r.w, r.ay + dy + r.h};
      if (fits(b)) {
        out[i] = {true, false, b};
        taken.push_back(b);
        break;
      }
      if (r.fixed) break;
    }
    if (out[i].placed || !r.callout) continue;
    // Callout: rings of candidates further out, nearest first, in 12 directions.
    for (double dist : {34.0, 52.0, 74.0, 100.0, 130.0, 165.0}) {
      for (int k = 0; k < 12 && !out[i].placed; ++k) {
        const double ang = k * 3.14159265358979 / 6;
        const double cx2 = r.ax + dist * std::cos(ang), cy2 = r.ay + dist * std::sin(ang) * 0.7;
        const LabelBox b{cx2 - r.w / 2, cy2 - r.h / 2, cx2 + r.w / 2, cy2 + r.h / 2};
        if (fits(b)) {
          out[i] = {true, true, b};
          taken.push_back(b);
        }
      }
      if (out[i].placed) break;
    }
  }
  return out;
}

}  // namespace cm
