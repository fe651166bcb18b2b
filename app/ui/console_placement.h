// Where the presenter console and the audience window go when there is only one monitor: side by
// side in its work area, never one over the other (without a window manager both would open at
// the top-left corner and the console would cover the audience view). GL-free, a pure function.
#pragma once
#include <string>

namespace cm {

struct WinRect {
  int x = 0, y = 0, w = 0, h = 0;
  bool operator==(const WinRect&) const = default;
};

struct ConsolePlacement {
  WinRect audience, console;
  std::string note;  // what was done, for stderr
};

// `work`: the monitor's work area; `audience`: the audience window now; the console's wished size.
// The console takes the right-hand part (its wished width, at most half the work area, at least
// 480 px where the area allows), the audience window the rest on the left, both from the top.
ConsolePlacement placeConsoleOnOneMonitor(const WinRect& work, const WinRect& audience, int console_w, int console_h);

inline bool overlap(const WinRect& a, const WinRect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

}  // namespace cm
