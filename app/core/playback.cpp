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

void forgetHeldWindow(Timeline& t) {
  t.held_from = t.held_to = t.resume_from = t.resume_to = INT_MIN;
}

void startPlaying(Timeline& t, Filter& f) {
  t.playing = true;
  t.play_accum = 0;
  const bool held = t.held_from != INT_MIN && f.month_from == t.held_from && f.month_to == t.held_to;
  if (held && t.resume_from != INT_MIN) {  // on from the paused month
    f.month_from = t.resume_from;
    f.month_to = t.resume_to;
    t.resume_from = t.resume_to = INT_MIN;
    return;
  }
  forgetHeldWindow(t);  // the user set another window since
  if (f.month_to >= std::min(t.endMonth(), t.last_month)) {
    t.held_from = f.month_from;
    t.held_to = f.month_to;
    rewind(t, f);
  }
}

void pausePlaying(Timeline& t, Filter& f) {
  t.playing = false;
  t.play_accum = 0;
  if (t.held_from == INT_MIN) return;
  t.resume_from = f.month_from;
  t.resume_to = f.month_to;
  f.month_from = t.held_from;
  f.month_to = t.held_to;
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
    } else {  // at the end: the window is the held one again (it ended here)
      t.playing = false;
      t.play_accum = 0;
      forgetHeldWindow(t);
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
