// Greedy label placement in screen space: labels are tried in priority order at a few positions
// around their anchor and kept only where they overlap nothing already placed.
#pragma once
#include <functional>
#include <vector>

namespace cm {

struct LabelBox {
  double x0, y0, x1, y1;
  bool overlaps(const LabelBox& o, double pad) const {
    return x0 - pad < o.x1 && o.x0 - pad < x1 && y0 - pad < o.y1 && o.y0 - pad < y1;
  }
};

struct LabelRequest {
  double ax, ay;  // anchor, screen pixels
  double w, h;    // text size
  double priority;
  bool centered;  // true: centre on the anchor first (area labels); false: right of it (point labels)
  bool callout = false;  // may move further away, drawn with a leader line back to the anchor
  bool fixed = false;    // only exactly centred on the anchor, or not at all
  // Where the label may go besides "overlaps nothing" (e.g. inside its own district); empty: anywhere.
  std::function<bool(const LabelBox&)> accept;
};

struct LabelPlacement {
  bool placed = false;
  bool leader = false;  // placed away from the anchor: draw a leader line
  LabelBox box{};
};

// `obstacles`: boxes already taken (panels, other layers). Returns one placement per request.
std::vector<LabelPlacement> placeLabels(const std::vector<LabelRequest>& req, std::vector<LabelBox> obstacles,
                                        double pad = 3.0);

}  // namespace cm
