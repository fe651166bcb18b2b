// Where the docked panels sit, so the map's "fit" can leave them uncovered. Sizes in pixels.
#pragma once

#include "core/view.h"

namespace cm::layout {
inline constexpr float kMargin = 12.f;
inline constexpr float kSidebarW = 318.f;
inline constexpr float kTimelineH = 118.f;
inline constexpr float kRightW = 270.f;

struct Rect {
  double x0, y0, x1, y1;
};
// The part of a w×h window that no docked panel covers.
inline Rect mapArea(double w, double h) {
  return {kSidebarW + 2 * kMargin, kMargin, w - kRightW - 2 * kMargin, h - kTimelineH - 2 * kMargin};
}
}  // namespace cm::layout
