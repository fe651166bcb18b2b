// Recording a video: a fixed time step per frame (never the wall clock), so a 20-second video has
// exactly 20 × fps frames whatever the machine, and every frame is one state of the playback or
// the tour — counters counting, pulses pulsing, the camera flying — with the presentation frame
// (captions, KPI counters) when presentation mode is on.
#include <glad/gl.h>

#include <algorithm>
#include <cmath>

#include "media/video_writer.h"
#include "ui/app_impl.h"
#include "ui/tour_player.h"

namespace cm {

namespace {
// The share of a playback recording that holds the end (counters settle, the last pulses fade).
constexpr double kHoldShare = 0.15, kHoldMin = 1.0;

double holdSeconds(double seconds) { return std::min(seconds * 0.5, std::max(kHoldMin, seconds * kHoldShare)); }
}  // namespace

int App::recordingFrames(const Recording& r) const {
  if (!r.tour) return std::max(1, static_cast<int>(std::lround(r.seconds * r.fps)));
  double total = 0;
  for (size_t k = 0; k < st_.tour.doc.steps.size(); ++k) total += stepSeconds(st_.tour, static_cast<int>(k));
  return std::max(1, static_cast<int>(std::ceil(total * r.fps)));
}

Result<std::string> App::record(const Recording& r) {
  using R = Result<std::string>;
  Impl& I = *impl_;
  const int w = st_.view.width, h = st_.view.height;
  if (r.tour && (!st_.tour.open || st_.tour.doc.steps.empty())) return R::fail("--record --tour: the tour has no steps");
  Timeline& t = st_.timeline;
  if (r.tour) {
    st_.tour.loop = false;
    goToStep(st_, *model_, 0, false);
    st_.tour.autoplay = true;
  } else {
    if (r.play_to < r.play_from) return R::fail("--play: the end month comes before the start");
    st_.filter.month_from = std::clamp(r.play_from, t.first_month, t.last_month);
    st_.filter.month_to = st_.filter.month_from;
    t.mode = TimeMode::Cumulative;
    t.loop = false;
    t.play_start = INT_MIN;
    forgetHeldWindow(t);
    t.play_end = std::clamp(r.play_to, st_.filter.month_from, t.last_month);
    const int months = t.play_end - st_.filter.month_from;
    t.step_seconds = months > 0 ? (r.seconds - holdSeconds(r.seconds)) / months : r.seconds;
    t.playing = months > 0;
    t.play_accum = 0;
  }
  const int frames = recordingFrames(r);
  auto writer = VideoWriter::open({w, h, r.fps, r.path});
  if (!writer) return R::fail(writer.error());
  const double dt = 1.0 / r.fps;
  // Frame 0 is the start as a screenshot shows it (panels settled, counters at their values).
  for (int i = 0; i < 8; ++i) {
    const FrameStats fs = runFrame(0, FrameTarget{false, w, h, false, false});
    I.derived.wait();
    if (i > 0 && !fs.map_redrawn) break;
  }
  for (int f = 0; f < frames; ++f) {
    I.offscreen_hash = 0;
    runFrame(f == 0 ? 0 : dt, FrameTarget{false, w, h, false, true});
    I.derived.wait();  // a worker's product is in before the frame counts
    const Image img = readOffscreen(w, h);
    if (auto ok = writer->addFrame(img.rgba.data(), w, h); !ok) return R::fail(ok.error());
  }
  auto done = writer->finish();
  if (!done) return R::fail(done.error());
  return writer->message();
}

}  // namespace cm
