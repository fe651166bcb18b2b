// VideoWriter: RGBA frames piped into ffmpeg come back out of the MP4 (count, size, rate, colours
// of the first and last frames, read with ffprobe/ffmpeg); a wrong frame size is an error naming
// the file; without ffmpeg, or with one that fails, the frames become numbered PNGs and the
// message says so; an aborted or failed recording leaves nothing at the target path.
// ffmpeg and ffprobe are required (scripts/deps.sh installs them): missing, these tests FAIL.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "temp_dir.h"
#include "media/video_writer.h"
#include "platform/command.h"
#include "env_guard.h"
#include "file_text.h"

#include <stb/stb_image.h>

using namespace cm;
namespace fs = std::filesystem;

namespace {

constexpr int W = 320, H = 240, FPS = 10, N = 30, BANDS = 4;

using test::TempDir;

using cm::test::EnvGuard;
using cm::test::namesIn;

struct Rgb {
  int r, g, b;
};

// Frame i: BANDS horizontal bands, each its own colour, every frame different.
Rgb bandColour(int frame, int band) {
  return {30 + 5 * frame + 20 * band, 220 - 5 * frame - 15 * band, 30 + 60 * band};
}

std::vector<unsigned char> syntheticFrame(int frame, int w = W, int h = H) {
  std::vector<unsigned char> px(static_cast<size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y) {
    const Rgb c = bandColour(frame, y * BANDS / h);
    for (int x = 0; x < w; ++x) {
      unsigned char* p = &px[(static_cast<size_t>(y) * w + x) * 4];
      p[0] = static_cast<unsigned char>(c.r);
      p[1] = static_cast<unsigned char>(c.g);
      p[2] = static_cast<unsigned char>(c.b);
      p[3] = 255;
    }
  }
  return px;
}

std::string onPath(const std::string& name) {
  const char* env = std::getenv("PATH");
  std::string path = env ? env : "";
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    const fs::path cand = fs::path(path.substr(start, end - start)) / name;
    if (::access(cand.c_str(), X_OK) == 0) return cand.string();
    start = end + 1;
  }
  return "";
}


std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

// Frame n of the video as RGB24, decoded by ffmpeg.
std::string decodeFrame(const fs::path& video, int n) {
  const CommandRun r = runCommand("ffmpeg -v error -i " + quoted(video) + " -vf \"select=eq(n\\," + std::to_string(n) +
                                  ")\" -frames:v 1 -f rawvideo -pix_fmt rgb24 - 2>&1");
  EXPECT_EQ(r.code, 0) << r.out;
  return r.out;
}

// Each band's centre, at three places across, within ±12 per channel (the encoder is lossy).
void expectBands(const std::string& rgb, int frame) {
  ASSERT_EQ(rgb.size(), static_cast<size_t>(W) * H * 3) << "frame " << frame;
  for (int band = 0; band < BANDS; ++band) {
    const Rgb want = bandColour(frame, band);
    const int y = band * H / BANDS + H / BANDS / 2;
    for (const int x : {W / 8, W / 2, W * 7 / 8}) {
      const auto* p = reinterpret_cast<const unsigned char*>(&rgb[(static_cast<size_t>(y) * W + x) * 3]);
      EXPECT_NEAR(p[0], want.r, 12) << "frame " << frame << " band " << band << " x " << x << " red";
      EXPECT_NEAR(p[1], want.g, 12) << "frame " << frame << " band " << band << " x " << x << " green";
      EXPECT_NEAR(p[2], want.b, 12) << "frame " << frame << " band " << band << " x " << x << " blue";
    }
  }
}


void writeScript(const fs::path& p, const std::string& body) {
  std::ofstream(p) << "#!/bin/sh\n" << body << "\n";
  fs::permissions(p, fs::perms::owner_all);
}

// The PNG frame is exactly the frame handed in (RGB, lossless).
void expectPngFrame(const fs::path& png, int frame) {
  int w = 0, h = 0, ch = 0;
  unsigned char* px = stbi_load(png.c_str(), &w, &h, &ch, 3);
  ASSERT_NE(px, nullptr) << png;
  EXPECT_EQ(w, W);
  EXPECT_EQ(h, H);
  const auto want = syntheticFrame(frame);
  size_t diff = 0;
  for (size_t i = 0; i < static_cast<size_t>(W) * H; ++i)
    for (int c = 0; c < 3; ++c) diff += px[i * 3 + c] != want[i * 4 + c];
  stbi_image_free(px);
  EXPECT_EQ(diff, 0u) << png << " is not frame " << frame;
}

void requireFfmpegTools() {
  ASSERT_FALSE(onPath("ffmpeg").empty()) << "ffmpeg is missing: install the Debian package ffmpeg (scripts/deps.sh)";
  ASSERT_FALSE(onPath("ffprobe").empty()) << "ffprobe is missing: install the Debian package ffmpeg (scripts/deps.sh)";
}

}  // namespace

TEST(VideoWriter, EncodesEveryFrameIntoTheMp4) {
  ASSERT_NO_FATAL_FAILURE(requireFfmpegTools());
  EnvGuard env("CHAINMAP_FFMPEG", nullptr);
  ASSERT_FALSE(findFfmpeg().empty());
  TempDir dir;
  const fs::path out = dir.path / "out.mp4";
  {
    auto w = VideoWriter::open({W, H, FPS, out.string(), 20});
    ASSERT_TRUE(w) << w.error();
    EXPECT_TRUE(w->usingFfmpeg()) << w->message();
    for (int i = 0; i < N; ++i) {
      const auto px = syntheticFrame(i);
      auto r = w->addFrame(px.data(), W, H);
      ASSERT_TRUE(r) << r.error();
    }
    EXPECT_EQ(w->frames(), N);
    EXPECT_FALSE(fs::exists(out)) << "the video appears only when it is finished";
    auto done = w->finish();
    ASSERT_TRUE(done) << done.error();
    EXPECT_TRUE(*done);
    EXPECT_NE(w->message().find("wrote 30 frames"), std::string::npos) << w->message();
    EXPECT_FALSE(w->finish()) << "finish() twice is an error";
  }
  EXPECT_EQ(namesIn(dir.path), std::vector<std::string>{"out.mp4"}) << "no temporary file is left";

  const CommandRun run = runCommand(
      "ffprobe -v error -count_frames -select_streams v:0 "
      "-show_entries stream=nb_read_frames,width,height,r_frame_rate -of json " + quoted(out));
  const std::string& probe = run.out;
  ASSERT_EQ(run.code, 0) << probe;
  const auto j = nlohmann::json::parse(probe, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << probe;
  ASSERT_EQ(j["streams"].size(), 1u) << probe;
  const auto& s = j["streams"][0];
  EXPECT_EQ(s["nb_read_frames"].get<std::string>(), "30") << probe;
  EXPECT_EQ(s["width"].get<int>(), W) << probe;
  EXPECT_EQ(s["height"].get<int>(), H) << probe;
  EXPECT_EQ(s["r_frame_rate"].get<std::string>(), "10/1") << probe;

  expectBands(decodeFrame(out, 0), 0);
  expectBands(decodeFrame(out, N - 1), N - 1);
}

TEST(VideoWriter, AWrongFrameSizeIsAnErrorNamingTheFile) {
  ASSERT_NO_FATAL_FAILURE(requireFfmpegTools());
  EnvGuard env("CHAINMAP_FFMPEG", nullptr);
  TempDir dir;
  const fs::path out = dir.path / "sized.mp4";
  auto w = VideoWriter::open({W, H, FPS, out.string(), 20});
  ASSERT_TRUE(w) << w.error();
  const auto small = syntheticFrame(0, 320, 200);
  auto r = w->addFrame(small.data(), 320, 200);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find(out.string()), std::string::npos) << r.error();
  EXPECT_NE(r.error().find("320x200"), std::string::npos) << r.error();
  EXPECT_NE(r.error().find("320x240"), std::string::npos) << r.error();
  EXPECT_FALSE(w->addFrame(nullptr, W, H));
  EXPECT_EQ(w->frames(), 0);
  // The writer goes on: right-sized frames are still taken.
  const auto px = syntheticFrame(1);
  ASSERT_TRUE(w->addFrame(px.data(), W, H));
  ASSERT_TRUE(w->finish());
  EXPECT_TRUE(fs::exists(out));

  // Bad options are errors too.
  EXPECT_FALSE(VideoWriter::open({W, H, FPS, (dir.path / "x.avi").string(), 20}));
  EXPECT_FALSE(VideoWriter::open({W, H, 0, (dir.path / "x.mp4").string(), 20}));
  EXPECT_FALSE(VideoWriter::open({0, H, FPS, (dir.path / "x.mp4").string(), 20}));
  EXPECT_FALSE(VideoWriter::open({W, H, FPS, "", 20}));
}

TEST(VideoWriter, WithoutFfmpegWritesPngFramesAndSaysSo) {
  EnvGuard env("CHAINMAP_FFMPEG", "/nonexistent/chainmap-no-ffmpeg");
  EXPECT_EQ(findFfmpeg(), "");
  TempDir dir;
  const fs::path out = dir.path / "out.mp4";
  auto w = VideoWriter::open({W, H, FPS, out.string(), 20});
  ASSERT_TRUE(w) << w.error();
  EXPECT_FALSE(w->usingFfmpeg());
  for (int i = 0; i < N; ++i) {
    const auto px = syntheticFrame(i);
    auto r = w->addFrame(px.data(), W, H);
    ASSERT_TRUE(r) << r.error();
  }
  auto done = w->finish();
  ASSERT_TRUE(done) << done.error();
  EXPECT_FALSE(*done) << "false: frames, not a video";
  const std::string msg = w->message();
  EXPECT_NE(msg.find("ffmpeg not found"), std::string::npos) << msg;
  EXPECT_NE(msg.find("wrote 30 PNG frames"), std::string::npos) << msg;
  EXPECT_NE(msg.find((dir.path / "out_frames/").string()), std::string::npos) << msg;
  EXPECT_NE(msg.find("-framerate 10"), std::string::npos) << msg;
  EXPECT_FALSE(fs::exists(out));
  const fs::path frames = dir.path / "out_frames";
  ASSERT_EQ(namesIn(frames).size(), static_cast<size_t>(N));
  EXPECT_TRUE(fs::exists(frames / "frame_000001.png"));
  EXPECT_TRUE(fs::exists(frames / "frame_000030.png"));
  expectPngFrame(frames / "frame_000001.png", 0);
  expectPngFrame(frames / "frame_000030.png", N - 1);

  // A second recording to the same name replaces the old frames (none left over).
  auto again = VideoWriter::open({W, H, FPS, out.string(), 20});
  ASSERT_TRUE(again) << again.error();
  const auto px = syntheticFrame(5);
  ASSERT_TRUE(again->addFrame(px.data(), W, H));
  ASSERT_TRUE(again->finish());
  EXPECT_EQ(namesIn(frames), std::vector<std::string>{"frame_000001.png"});
  EXPECT_NE(again->message().find("wrote 1 PNG frame "), std::string::npos) << again->message();
}

TEST(VideoWriter, AnFfmpegThatFailsAtOnceFallsBackWithoutLosingFrames) {
  TempDir dir;
  // Refuses at once (a build without libx264, say): no frame is taken.
  const fs::path refuses = dir.path / "ffmpeg-refuses";
  writeScript(refuses, "echo \"Unknown encoder 'libx264'\" >&2; exit 1");
  // Takes the first frame, then dies: the kept first frame goes to the PNGs too.
  const fs::path dies = dir.path / "ffmpeg-dies";
  writeScript(dies, "head -c " + std::to_string(W * H * 4) + " >/dev/null; echo 'Error initializing encoder' >&2; exit 3");
  for (const auto& [script, said] : {std::pair{refuses, std::string("Unknown encoder 'libx264'")},
                                     std::pair{dies, std::string("Error initializing encoder")}}) {
    SCOPED_TRACE(script.string());
    EnvGuard env("CHAINMAP_FFMPEG", script.c_str());
    const fs::path out = dir.path / (script.filename().string() + ".mp4");
    auto w = VideoWriter::open({W, H, FPS, out.string(), 20});
    ASSERT_TRUE(w) << w.error();
    for (int i = 0; i < 5; ++i) {
      const auto px = syntheticFrame(i);
      auto r = w->addFrame(px.data(), W, H);  // a broken pipe here must not end the test (SIGPIPE)
      ASSERT_TRUE(r) << r.error();
    }
    EXPECT_FALSE(w->usingFfmpeg());
    auto done = w->finish();
    ASSERT_TRUE(done) << done.error();
    EXPECT_FALSE(*done);
    EXPECT_NE(w->message().find("ffmpeg failed"), std::string::npos) << w->message();
    EXPECT_NE(w->message().find(said), std::string::npos) << w->message();
    EXPECT_NE(w->message().find("wrote 5 PNG frames"), std::string::npos) << w->message();
    EXPECT_FALSE(fs::exists(out));
    const fs::path frames = dir.path / (script.filename().string() + "_frames");
    EXPECT_EQ(namesIn(frames).size(), 5u);
    expectPngFrame(frames / "frame_000001.png", 0);
    expectPngFrame(frames / "frame_000005.png", 4);
  }
  // No temporary video left behind by either.
  for (const auto& n : namesIn(dir.path)) EXPECT_EQ(n.find(".tmp"), std::string::npos) << n;
}

TEST(VideoWriter, AnFfmpegThatFailsAtTheEndIsAnErrorAndLeavesNoFile) {
  TempDir dir;
  const fs::path script = dir.path / "ffmpeg-disk-full";
  writeScript(script, "cat >/dev/null; echo 'No space left on device' >&2; exit 1");
  EnvGuard env("CHAINMAP_FFMPEG", script.c_str());
  const fs::path out = dir.path / "out.mp4";
  auto w = VideoWriter::open({W, H, FPS, out.string(), 20});
  ASSERT_TRUE(w) << w.error();
  EXPECT_TRUE(w->usingFfmpeg());
  for (int i = 0; i < 5; ++i) {
    const auto px = syntheticFrame(i);
    ASSERT_TRUE(w->addFrame(px.data(), W, H));
  }
  auto done = w->finish();
  ASSERT_FALSE(done);
  EXPECT_NE(done.error().find(out.string()), std::string::npos) << done.error();
  EXPECT_NE(done.error().find("No space left on device"), std::string::npos) << done.error();
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(namesIn(dir.path), std::vector<std::string>{"ffmpeg-disk-full"});
}

TEST(VideoWriter, DestroyingWithoutFinishLeavesNoFile) {
  ASSERT_NO_FATAL_FAILURE(requireFfmpegTools());
  EnvGuard env("CHAINMAP_FFMPEG", nullptr);
  TempDir dir;
  const fs::path out = dir.path / "aborted.mp4";
  {
    auto w = VideoWriter::open({W, H, FPS, out.string(), 20});
    ASSERT_TRUE(w) << w.error();
    ASSERT_TRUE(w->usingFfmpeg());
    for (int i = 0; i < 12; ++i) {
      const auto px = syntheticFrame(i);
      ASSERT_TRUE(w->addFrame(px.data(), W, H));
    }
    VideoWriter moved = w.take();  // the moved-to writer owns ffmpeg now
    EXPECT_EQ(moved.frames(), 12);
    EXPECT_FALSE(namesIn(dir.path).empty()) << "the temporary file exists while recording";
  }
  EXPECT_FALSE(fs::exists(out));
  EXPECT_TRUE(namesIn(dir.path).empty()) << "the temporary file is removed";
}

// Not run by default: how long 30 frames of 1920x1080 take to encode (--gtest_also_run_disabled_tests).
TEST(VideoWriter, DISABLED_Timing1080p30Frames) {
  ASSERT_NO_FATAL_FAILURE(requireFfmpegTools());
  EnvGuard env("CHAINMAP_FFMPEG", nullptr);
  TempDir dir;
  std::vector<std::vector<unsigned char>> frames;
  for (int i = 0; i < 30; ++i) frames.push_back(syntheticFrame(i, 1920, 1080));
  const auto t0 = std::chrono::steady_clock::now();
  auto w = VideoWriter::open({1920, 1080, 30, (dir.path / "hd.mp4").string(), 20});
  ASSERT_TRUE(w) << w.error();
  for (const auto& f : frames) ASSERT_TRUE(w->addFrame(f.data(), 1920, 1080));
  ASSERT_TRUE(w->finish());
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("30 frames 1920x1080 → %s in %.2f s (%.1f frames/s)\n", w->message().c_str(), s, 30 / s);
}
