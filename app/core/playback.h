// Time that tells a story: the timeline's span, its play state and what one step of playback
// does to the time window. GL-free, driven by a fixed dt, so a recording is frame-exact.
//   Cumulative  the window's start stays, its end grows a month a step (chains growing)
//   Window      the whole window slides a month a step (what happened in each period)
// Playing stops at `play_end` (the data's last month unless a tour or --play says otherwise),
// or starts again from the beginning when `loop` is on.
#pragma once
#include <climits>

#include "core/filter.h"

namespace cm {

enum class TimeMode { Cumulative, Window };

struct Timeline {
  int first_month = 0, last_month = 0;  // the data's span (signed projects)
  bool include_undated = false;          // the user's tick: undated projects in a narrower window too
  bool dated = true;                     // some project has a signing date (else the span means nothing)
  TimeMode mode = TimeMode::Cumulative;
  bool playing = false;
  bool loop = false;
  double play_accum = 0;     // seconds since the last step
  double step_seconds = 0.6; // seconds a month while playing (the speed)
  int play_start = INT_MIN;  // the window's end when (re)starting; INT_MIN: the window's start
  int play_end = INT_MAX;    // stop (or loop) when the window's end gets here; INT_MAX: last_month
  // The user's window that starting playback rewound (INT_MIN: none): pausing puts it back, and
  // the play head it had (resume_*) is where playing again goes on from.
  int held_from = INT_MIN, held_to = INT_MIN;
  int resume_from = INT_MIN, resume_to = INT_MIN;
  bool operator==(const Timeline&) const = default;

  int endMonth() const { return play_end == INT_MAX ? last_month : play_end; }
  // Progress through the current month while playing, 0..1 (pulses of projects entering).
  double stepFraction() const { return playing && step_seconds > 0 ? play_accum / step_seconds : 0.0; }
};

inline constexpr double kPlaySpeeds[] = {0.25, 0.5, 1, 2, 4};  // × the normal speed
inline constexpr double kNormalStepSeconds = 0.6;

// Starts playing; from the beginning when the window already ends at the end (the user's window
// is held), or from where a pause left off while the window is still the held one.
void startPlaying(Timeline& t, Filter& f);
// Pauses; a window that playback rewound comes back (play again goes on from the paused month).
void pausePlaying(Timeline& t, Filter& f);
// Space and the Play/Pause button.
inline void togglePlaying(Timeline& t, Filter& f) { t.playing ? pausePlaying(t, f) : startPlaying(t, f); }
// Forgets a held window (a tour step or a recording sets the window itself).
void forgetHeldWindow(Timeline& t);
// Advances playback by dt seconds (whole months only; the rest carries to the next call).
// Returns the months stepped.
int advancePlayback(Timeline& t, Filter& f, double dt);
// Moves the window one month earlier (-1) or later (+1): the whole window in Window mode, its end
// in Cumulative mode; stays inside the data's span.
void stepMonth(Timeline& t, Filter& f, int dir);

}  // namespace cm
