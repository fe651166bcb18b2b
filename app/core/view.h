// The map view: which part of the display CRS is on screen. Pure math, no GL; doubles until the
// last pixel step (as ImPlot does).
#pragma once
#include <algorithm>
#include <cmath>

#include "core/model.h"
#include "geo/types.h"

namespace cm {

struct View {
  Vec2 center;                 // display CRS units (metres)
  double units_per_px = 100;   // zoom: display CRS units per screen pixel
  int width = 1, height = 1;   // viewport in pixels

  // Screen pixels: origin top-left, y down.
  Vec2 toScreen(Vec2 w) const {
    return {(w.x - center.x) / units_per_px + width * 0.5, height * 0.5 - (w.y - center.y) / units_per_px};
  }
  Vec2 toWorld(Vec2 s) const {
    return {center.x + (s.x - width * 0.5) * units_per_px, center.y - (s.y - height * 0.5) * units_per_px};
  }
  // Fit a box: it fills the viewport, centred, aspect kept, with `margin_px` on every side.
  void fit(const Extent& e, double margin_px = 0) {
    center = {(e.minx + e.maxx) / 2, (e.miny + e.maxy) / 2};
    const double w = std::max(1.0, width - 2 * margin_px), h = std::max(1.0, height - 2 * margin_px);
    units_per_px = std::max((e.maxx - e.minx) / w, (e.maxy - e.miny) / h);
    if (!(units_per_px > 0)) units_per_px = 1;
  }
  // Fit a box into the screen rectangle (x0,y0)-(x1,y1) (e.g. the part of the window that no
  // panel covers): aspect kept, the box centred in that rectangle.
  void fitInto(const Extent& e, double x0, double y0, double x1, double y1) {
    const double w = std::max(1.0, x1 - x0), h = std::max(1.0, y1 - y0);
    units_per_px = std::max((e.maxx - e.minx) / w, (e.maxy - e.miny) / h);
    if (!(units_per_px > 0)) units_per_px = 1;
    const Vec2 c{(e.minx + e.maxx) / 2, (e.miny + e.maxy) / 2};
    // Put c at the rectangle's centre.
    center.x = c.x - ((x0 + x1) / 2 - width * 0.5) * units_per_px;
    center.y = c.y + ((y0 + y1) / 2 - height * 0.5) * units_per_px;
  }
  // Zoom by `factor` (>1 zooms in) keeping the world point under `screen` fixed.
  void zoomAt(Vec2 screen, double factor) {
    const Vec2 before = toWorld(screen);
    units_per_px = std::clamp(units_per_px / factor, 0.5, 5000.0);
    const Vec2 after = toWorld(screen);
    center.x += before.x - after.x;
    center.y += before.y - after.y;
  }
  void panPixels(double dx, double dy) {
    center.x -= dx * units_per_px;
    center.y += dy * units_per_px;
  }
  bool operator==(const View&) const = default;
};

// Where a picture drawn for the view `drawn` lands on the screen of the view `now` (the same
// viewport size): its rectangle in screen pixels (top-left origin), its magnification and the share
// of the screen it covers. What a moving map shows until it is drawn again (MapRenderer).
struct MovedPicture {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // screen pixels of the picture's corners
  double magnification = 1;              // screen pixels per picture pixel
  double covered = 0;                    // share of the screen the picture covers, 0–1
};
inline MovedPicture movedPicture(const View& drawn, const View& now) {
  MovedPicture m;
  const Vec2 a = now.toScreen(drawn.toWorld({0, 0})), b = now.toScreen(drawn.toWorld({double(drawn.width), double(drawn.height)}));
  m.x0 = a.x, m.y0 = a.y, m.x1 = b.x, m.y1 = b.y;
  m.magnification = drawn.units_per_px / now.units_per_px;
  const double w = std::max(0.0, std::min<double>(m.x1, now.width) - std::max(0.0, m.x0));
  const double h = std::max(0.0, std::min<double>(m.y1, now.height) - std::max(0.0, m.y0));
  m.covered = w * h / (double(now.width) * now.height);
  return m;
}

}  // namespace cm
