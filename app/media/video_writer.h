// Frame-exact video recording: RGBA frames (top row first) piped into ffmpeg, which encodes them
// into a temporary file beside the target; finish() renames it into place, so `path` is never a
// half-written video. Every frame handed in is one frame of the video (fixed rate, none dropped:
// a write waits until ffmpeg has taken the frame).
//
// Without ffmpeg (none on PATH, $CHAINMAP_FFMPEG names a missing program, it cannot be started,
// or it fails before it has taken a frame) the frames are written as numbered PNG files instead,
// `<path without extension>_frames/frame_000001.png` …, and message() says so and how to encode
// them later. GL-free: part of chainmap_core.
//
// A broken pipe (ffmpeg died) is an error of addFrame(), never a SIGPIPE that ends chainmap:
// SIGPIPE is blocked in the writing thread around each write and a pending one is consumed.
#pragma once
#include <memory>
#include <string>

#include "platform/result.h"

namespace cm {

struct VideoOptions {
  int width = 1920, height = 1080;  // every frame must have this size
  int fps = 30;                     // 1 … 240
  std::string path;                 // .mp4 (H.264), .mkv (H.264 in Matroska) or .webm (VP9)
  int crf = 20;                     // quality: 0 … 51 (H.264), 0 … 63 (VP9); lower is better
};

class VideoWriter {
 public:
  // Starts ffmpeg (found on PATH, or $CHAINMAP_FFMPEG) reading raw RGBA frames from a pipe:
  //   ffmpeg -y -loglevel error -f rawvideo -pix_fmt rgba -s WxH -r FPS -i -
  //          -c:v libx264 -preset veryfast -crf CRF -pix_fmt yuv420p -movflags +faststart -f mp4 TMP
  // (odd sizes are padded by one pixel: yuv420p needs even ones). TMP is `<path>.<pid>.<n>.tmp`.
  // Falls back to PNG frames when ffmpeg cannot be found or started (message() says why).
  // Errors (bad options, a folder that cannot be created) name the file.
  static Result<VideoWriter> open(const VideoOptions& o);
  ~VideoWriter();  // without finish(): aborts — kills ffmpeg and removes the temporary file
  VideoWriter(VideoWriter&&) noexcept;
  VideoWriter& operator=(VideoWriter&&) noexcept;  // aborts what this writer held
  VideoWriter(const VideoWriter&) = delete;
  VideoWriter& operator=(const VideoWriter&) = delete;

  // One frame, width*height*4 bytes, rows top first. The size must match the options. Blocks
  // while ffmpeg is behind. If ffmpeg fails before it has taken the second frame, the writer
  // switches to PNG frames (no frame lost); a later failure is an error with ffmpeg's message,
  // and the writer is then finished (the temporary file removed).
  Result<bool> addFrame(const unsigned char* rgba, int width, int height);
  // Closes the pipe, waits for ffmpeg, checks its exit status, renames the video into place.
  // true: the video is at `path`; false: PNG frames were written instead (see message()).
  // An error (no frames, ffmpeg failed) leaves nothing at `path`. Once only.
  Result<bool> finish();

  int frames() const;        // frames taken so far
  bool usingFfmpeg() const;  // false once on the PNG fallback
  // What happened, for the status line: "wrote 90 frames (3.0 s at 30 fps, 1920x1080) to out.mp4",
  // or "ffmpeg not found: wrote 90 PNG frames to out_frames/ (encode with: ffmpeg -framerate 30
  // -i out_frames/frame_%06d.png -pix_fmt yuv420p out.mp4)".
  std::string message() const;

  struct Impl;

 private:
  explicit VideoWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// $CHAINMAP_FFMPEG when set and not empty (a path, or a name looked up on PATH), else `ffmpeg` on
// PATH; "" when there is none (a set $CHAINMAP_FFMPEG that names nothing runnable gives "").
std::string findFfmpeg();

}  // namespace cm
