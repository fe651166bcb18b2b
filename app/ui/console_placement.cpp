#include "ui/console_placement.h"

#include <algorithm>

namespace cm {

ConsolePlacement placeConsoleOnOneMonitor(const WinRect& work, const WinRect& audience, int console_w, int console_h) {
  ConsolePlacement p;
  const int W = std::max(2, work.w), H = std::max(1, work.h);
  const int cw = std::clamp(console_w, std::min(480, W / 2), std::max(1, W / 2));
  p.console = {work.x + W - cw, work.y, cw, std::clamp(console_h, 1, H)};
  p.audience = {work.x, work.y, std::clamp(audience.w, 1, W - cw), std::clamp(audience.h, 1, H)};
  p.note = "presenter console: one monitor, so the audience view stays a window (left, " + std::to_string(p.audience.w) + "×" +
           std::to_string(p.audience.h) + ") and the console sits beside it (right, " + std::to_string(p.console.w) + "×" +
           std::to_string(p.console.h) + "); with a second monitor the audience view goes full screen there";
  return p;
}

}  // namespace cm
