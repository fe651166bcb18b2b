#include "core/playback.h"

#include <algorithm>

namespace cm {

static void rewind(Timeline& t, Filter& f) {
  if (t.mode == TimeMode::Cumulative) {
    f.month_to = t.play_start == INT_MIN ? f.month_from : std::max(f.month_from, t.play_start);
  } else {
    const int len = std::max(0, f.month_to - f.month_from);
    f.month_from = t.play_start == INT_MIN ? t.first_month : t.play_start - len;
    f.month_to = f.month_from + len;
  }
}

void startPlaying(Timeline& t, Filter& f) {
  t.playing = true;
  t.play_accum = 0;
  if (f.month_to >= std::min(t.endMonth(), t.last_month)) rewind(t, f);
}

int advancePlayback(Timeline& t, Filter& f, double dt) {
  if (!t.playing || t.step_seconds <= 0) return 0;
  t.play_accum += dt;
  int steps = 0;
  const int end = std::min(t.endMonth(), t.last_month);
  while (t.playing && t.play_accum >= t.step_seconds - 1e-9) {
    t.play_accum -= t.step_seconds;
    if (f.month_to < end) {
      ++f.month_to;
      if (t.mode == TimeMode::Window) ++f.month_from;
      ++steps;
    } else if (t.loop) {
      rewind(t, f);
      ++steps;
    } else {
      t.playing = false;
      t.play_accum = 0;
    }
  }
  return steps;
}

void stepMonth(Timeline& t, Filter& f, int dir) {
  if (t.mode == TimeMode::Cumulative) {
    f.month_to = std::clamp(f.month_to + dir, f.month_from, t.last_month);
    return;
  }
  if (f.month_from + dir < t.first_month || f.month_to + dir > t.last_month) return;
  f.month_from += dir;
  f.month_to += dir;
}

}  // namespace cm
