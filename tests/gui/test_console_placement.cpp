// The presenter console on one monitor (ui/console_placement.h): beside the audience window, never
// over it, both inside the monitor's work area.
#include <gtest/gtest.h>

#include "ui/console_placement.h"

using namespace cm;

namespace {

bool inside(const WinRect& r, const WinRect& area) {
  return r.x >= area.x && r.y >= area.y && r.x + r.w <= area.x + area.w && r.y + r.h <= area.y + area.h && r.w > 0 && r.h > 0;
}

}  // namespace

TEST(ConsolePlacement, OneMonitorSideBySideNeverOver) {
  const WinRect works[] = {{0, 0, 1920, 1080}, {0, 0, 1280, 720}, {0, 27, 1366, 741}, {1920, 0, 2560, 1440}, {0, 0, 800, 600}};
  for (const WinRect& work : works) {
    // Without a window manager both windows open at the corner, the console at 1280×800.
    const WinRect audience{work.x, work.y, 1280, 720};
    const ConsolePlacement p = placeConsoleOnOneMonitor(work, audience, 1280, 800);
    EXPECT_FALSE(overlap(p.audience, p.console)) << work.w << "x" << work.h;
    EXPECT_TRUE(inside(p.audience, work)) << work.w << "x" << work.h;
    EXPECT_TRUE(inside(p.console, work)) << work.w << "x" << work.h;
    EXPECT_GE(p.audience.w, work.w / 2) << "the audience view keeps at least half the screen";
    EXPECT_GE(p.console.w, std::min(480, work.w / 2));
    EXPECT_FALSE(p.note.empty());
  }
}

TEST(ConsolePlacement, ASmallConsoleKeepsItsSize) {
  const ConsolePlacement p = placeConsoleOnOneMonitor({0, 0, 2560, 1440}, {0, 0, 1600, 900}, 640, 480);
  EXPECT_EQ(p.console, (WinRect{2560 - 640, 0, 640, 480}));
  EXPECT_EQ(p.audience, (WinRect{0, 0, 1600, 900}));
}
