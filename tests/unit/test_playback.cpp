// Playback (core/playback.h): play then pause — Space twice — keeps the user's time window.
#include <gtest/gtest.h>

#include "core/playback.h"

namespace cm {
namespace {

constexpr int kJan2023 = 2023 * 12, kDec2024 = 2024 * 12 + 11;

struct Fixture {
  Timeline t;
  Filter f;
  Fixture() {
    t.first_month = kJan2023;
    t.last_month = kDec2024;
    f.month_from = kJan2023;  // the user's window: the whole span, 2023-01–2024-12
    f.month_to = kDec2024;
  }
};

TEST(Playback, PlayThenPauseKeepsTheUsersWindow) {
  for (TimeMode mode : {TimeMode::Cumulative, TimeMode::Window}) {
    Fixture x;
    x.t.mode = mode;
    if (mode == TimeMode::Window) x.f.month_from = kDec2024 - 5;  // a half-year window that slides
    const int from = x.f.month_from;
    togglePlaying(x.t, x.f);  // Space: from the beginning
    EXPECT_TRUE(x.t.playing);
    advancePlayback(x.t, x.f, 3 * x.t.step_seconds);  // three months on: 2023-01–2023-04 on screen
    EXPECT_LT(x.f.month_to, kDec2024);
    togglePlaying(x.t, x.f);  // Space again: paused
    EXPECT_FALSE(x.t.playing);
    EXPECT_EQ(x.f.month_from, from);
    EXPECT_EQ(x.f.month_to, kDec2024) << "pausing lost the user's window";
  }
}

TEST(Playback, PlayAgainGoesOnFromThePausedMonthAndEndsOnTheUsersWindow) {
  Fixture x;
  togglePlaying(x.t, x.f);
  advancePlayback(x.t, x.f, 3 * x.t.step_seconds);
  const int head = x.f.month_to;
  togglePlaying(x.t, x.f);  // pause
  togglePlaying(x.t, x.f);  // play: on from the paused month, not from the start
  EXPECT_TRUE(x.t.playing);
  EXPECT_EQ(x.f.month_from, kJan2023);
  EXPECT_EQ(x.f.month_to, head);
  advancePlayback(x.t, x.f, 100 * x.t.step_seconds);  // to the end
  EXPECT_FALSE(x.t.playing);
  EXPECT_EQ(x.f.month_from, kJan2023);
  EXPECT_EQ(x.f.month_to, kDec2024);
}

TEST(Playback, ANewWindowSetWhilePausedIsTheUsers) {
  Fixture x;
  togglePlaying(x.t, x.f);
  advancePlayback(x.t, x.f, 2 * x.t.step_seconds);
  togglePlaying(x.t, x.f);  // pause: back to the whole span
  x.f.month_from = kJan2023 + 3;  // the user drags a window that ends before the end
  x.f.month_to = kJan2023 + 6;
  togglePlaying(x.t, x.f);  // plays on from it (no rewind, nothing held)
  EXPECT_EQ(x.f.month_to, kJan2023 + 6);
  togglePlaying(x.t, x.f);
  EXPECT_EQ(x.f.month_from, kJan2023 + 3);
  EXPECT_EQ(x.f.month_to, kJan2023 + 6);
}

}  // namespace
}  // namespace cm
