// Where the docked panels sit, for any window from 800x500 to 7680x4320, in the normal and the
// presentation arrangement — so the map's "fit" leaves them uncovered and no panel covers another.
// Sizes are the 1080p design sizes times the UI scale (core/ui_scale: monitor content scale and
// window size, or the user's choice).
#pragma once
#include <algorithm>
#include <cmath>

#include "core/view.h"

namespace cm::layout {

// Design sizes at scale 1 (1920x1080 and below).
inline constexpr float kMargin = 12.f;
inline constexpr float kSidebarW = 318.f;
inline constexpr float kTimelineH = 118.f;
inline constexpr float kRightW = 270.f;

// What frames the map in an export (--layout): the whole interface (or the presentation when in
// presentation mode), a poster (title card, legend and the map furniture), or the map alone (with
// its furniture).
enum class Chrome { Full, Poster, MapOnly };

struct Rect {
  double x0, y0, x1, y1;
};

struct Layout {
  float scale = 1;
  bool present = false;  // presentation mode: title card, KPIs, legend, timeline, caption; no controls
  bool compact = false;  // a small window: narrow sidebar, panels collapsible to their titles
  Chrome chrome = Chrome::Full;
  float margin = kMargin, sidebar_w = kSidebarW, right_w = kRightW, timeline_h = kTimelineH;
  float rail_w = 0;  // compact: the icon rail the sidebar folds into (its drawer opens over the map)
  float caption_w = 620;  // the tour caption's width (its text wraps inside)
  Rect map{};  // the part of the window no docked panel covers
  // Presentation: the tour caption's card, reserved at the foot of the map area's left (a tour's
  // step frames its content beside it, freeArea), and its fonts' sizes: the body at least 1/40
  // of the screen's height (legible across a room), the title larger.
  Rect caption{};
  float caption_body_px = 0, caption_title_px = 0;
};

// The caption's body size in presentation: 1/40 of the screen's height, or the 1080p design's
// 27 px times the UI scale where that is larger (a --ui-scale above the screen's).
inline float captionBodyPx(double h, float scale) { return std::ceil(static_cast<float>(std::max(h / 40.0, 27.0 * scale))); }

// `w`, `h` in pixels.
inline Layout computeLayout(double w, double h, float scale = 1, bool present = false, Chrome chrome = Chrome::Full) {
  Layout l;
  l.scale = scale;
  l.chrome = chrome;
  if (chrome != Chrome::Full) present = true;  // no controls in an export's frame
  l.present = present;
  l.margin = kMargin * scale;
  l.compact = !present && (w < 1100 * scale || h < 640 * scale);
  l.sidebar_w = (l.compact ? 220.f : kSidebarW) * scale;
  l.right_w = (l.compact ? 236.f : kRightW) * scale;
  l.timeline_h = (l.compact ? 104.f : kTimelineH) * scale;
  l.rail_w = l.compact ? 52.f * scale : 0.f;
  const float left = l.compact ? l.rail_w : l.sidebar_w;  // what the map keeps clear of on the left
  l.caption_w = std::max(200.f * scale, static_cast<float>(std::min<double>(
                                            620 * scale, w - (present ? 0 : left) - l.right_w - (present ? 4 : 5) * l.margin)));
  if (chrome == Chrome::MapOnly) {
    l.sidebar_w = l.right_w = l.timeline_h = 0;
    l.map = {l.margin, l.margin, w - l.margin, h - l.margin};
  } else if (chrome == Chrome::Poster) {
    l.sidebar_w = 0;
    l.timeline_h = 0;
    l.right_w = 300.f * scale;
    l.map = {l.margin, l.margin + 90 * scale, w - l.right_w - 2 * l.margin, h - l.margin};
  } else if (present) {
    l.sidebar_w = 0;
    l.right_w = 300.f * scale;
    l.map = {l.margin, l.margin + 90 * scale, w - l.right_w - 2 * l.margin, h - l.timeline_h - 2 * l.margin};
    // The caption: two thirds of the map area's width (a 160-character caption in three lines),
    // one title line and three body lines high, in the panels' padding (app.cpp applyStyle).
    l.caption_body_px = captionBodyPx(h, scale);
    l.caption_title_px = std::ceil(l.caption_body_px * 1.3f);
    l.caption_w = std::max(200.f * scale, static_cast<float>((l.map.x1 - l.map.x0) * 0.66));
    const float pad_y = 10 * scale, gap = 5 * scale, header = 16 * scale;
    const float caption_h = 2 * pad_y + header + gap + l.caption_title_px + gap + 3 * l.caption_body_px + 4 * scale;
    l.caption = {l.map.x0, l.map.y1 - caption_h, l.map.x0 + l.caption_w, l.map.y1};
  } else {
    l.map = {left + 2 * l.margin, l.margin, w - l.right_w - 2 * l.margin, h - l.timeline_h - 2 * l.margin};
  }
  return l;
}

// The UI scale a window gets by itself: the monitor's content scale (HiDPI), or more on a large
// screen (2 at 3840x2160, 4 at 7680x4320: the 1080p design at the size a room sees it). A
// presentation follows the screen both ways: the 1080p design scaled to it (2/3 at 1280x720), so
// the audience sees the same picture on a projector, a TV or a wall.
inline float autoScale(double w, double h, float content_scale = 1, bool present = false) {
  const float fit = static_cast<float>(std::min(w / 1920.0, h / 1080.0));
  if (present) return std::max(0.5f, fit);
  return std::max({1.f, content_scale, fit});
}

// Where a tour step frames its content in presentation: the parts of the map area the caption
// card leaves free, above it and right of it (the step takes whichever shows its extent larger).
// Outside presentation both are the map area.
inline Rect freeAbove(const Layout& l) {
  if (!l.present || l.caption.x1 <= l.caption.x0) return l.map;
  return {l.map.x0, l.map.y0, l.map.x1, l.caption.y0 - l.margin};
}
inline Rect freeRight(const Layout& l) {
  if (!l.present || l.caption.x1 <= l.caption.x0) return l.map;
  return {l.caption.x1 + l.margin, l.map.y0, l.map.x1, l.map.y1};
}

// The part of a w×h window that no docked panel covers (normal arrangement, scale 1).
inline Rect mapArea(double w, double h) { return computeLayout(w, h).map; }

}  // namespace cm::layout
