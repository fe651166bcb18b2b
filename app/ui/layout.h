// Where the panels sit, so the map's "fit" can leave them uncovered.
#pragma once

namespace cm::layout {
inline constexpr float kMargin = 12.f;
inline constexpr float kSidebarW = 318.f;
inline constexpr float kTimelineH = 118.f;
inline constexpr float kRightW = 270.f;
}  // namespace cm::layout
