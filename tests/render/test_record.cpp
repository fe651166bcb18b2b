// Recording (--record): a 3-second video at 10 fps of the window growing from 2023-01 to 2024-12 in
// presentation mode has exactly 30 frames of the requested size (ffprobe counts them), and its first
// and last frames (decoded with ffmpeg) are the screenshots of the states they show — the window
// 2023-01..2023-01, and 2023-01..2024-12 once playback has stopped and the counters have settled —
// up to the video's compression; without ffmpeg the same frames come as numbered PNG files, exactly;
// a bad --play range exits 2 with a message and writes nothing.
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "file_text.h"
#include "pixel_regions.h"
#include "render_probe.h"

using namespace cm;
using namespace cm::test;
namespace fs = std::filesystem;

namespace {

constexpr int kRecW = 640, kRecH = 360;
const std::string kRecSize = " --size " + std::to_string(kRecW) + "x" + std::to_string(kRecH);

struct Proc {
  int rc = -1;
  std::string out, err;
};

// Runs a shell command line; its exit status and what it wrote.
Proc run(const std::string& cmd, const std::string& tag) {
  const std::string base = ::testing::TempDir() + "chainmap_record_" + tag + "_" + std::to_string(::getpid());
  const int st = std::system((cmd + " >" + base + ".out 2>" + base + ".err").c_str());
  Proc r;
  r.rc = st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.out = slurp(base + ".out");
  r.err = slurp(base + ".err");
  fs::remove(base + ".out");
  fs::remove(base + ".err");
  return r;
}

std::string chainmap(const std::string& args) { return std::string(CHAINMAP_EXE) + " --data " CHAINMAP_TEST_DATA " " + args; }

Image loadPng(const std::string& path) {
  Image img;
  int n = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> data(stbi_load(path.c_str(), &img.w, &img.h, &n, 4), stbi_image_free);
  EXPECT_TRUE(data) << "cannot read " << path;
  if (data) img.rgba.assign(data.get(), data.get() + static_cast<size_t>(img.w) * img.h * 4);
  return img;
}


// Frame k (1-based) of a recording written as PNG files.
Image pngFrame(const fs::path& frames, int k) {
  char name[32];
  std::snprintf(name, sizeof name, "frame_%06d.png", k);
  return loadPng((frames / name).string());
}

// A fresh folder for one test's files.
fs::path folder(const std::string& name) {
  const fs::path d = fs::path(::testing::TempDir()) / ("chainmap_record_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST(Record, ThreeSecondsAtTenFpsAreThirtyFramesThatStartAndEndAsTheScreenshots) {
  const fs::path dir = folder("video");
  const std::string video = (dir / "growth.mp4").string();
  const Proc rec = run(chainmap("--present --record " + video + " --play 2023-01..2024-12 --seconds 3 --fps 10" + kRecSize), "video");
  ASSERT_EQ(rec.rc, 0) << rec.err;
  ASSERT_TRUE(fs::exists(video)) << rec.err;
  EXPECT_NE(rec.err.find("30 frames"), std::string::npos) << rec.err;

  // ffprobe decodes every frame and counts them.
  const Proc probe = run("ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames,width,height -of csv=p=0 " +
                            video,
                        "ffprobe");
  ASSERT_EQ(probe.rc, 0) << "ffprobe (Debian package ffmpeg) is needed: " << probe.err;
  int w = 0, h = 0, frames = 0;
  ASSERT_EQ(std::sscanf(probe.out.c_str(), "%d,%d,%d", &w, &h, &frames), 3) << probe.out;
  EXPECT_EQ(frames, 30) << "3 s at 10 fps";
  EXPECT_EQ(w, kRecW);
  EXPECT_EQ(h, kRecH);

  // The first and the last frame, decoded.
  for (int n : {0, 29}) {
    const Proc x = run("ffmpeg -v error -y -i " + video + " -vf 'select=eq(n\\," + std::to_string(n) + ")' -vframes 1 " +
                          (dir / ("frame" + std::to_string(n) + ".png")).string(),
                      "extract");
    ASSERT_EQ(x.rc, 0) << x.err;
  }
  const Image first = loadPng((dir / "frame0.png").string()), last = loadPng((dir / "frame29.png").string());
  ASSERT_EQ(first.w, kRecW);
  ASSERT_EQ(last.w, kRecW);
  // The same states as screenshots, with the same flags.
  const Image start = renderShot("record_start", "--present --time 2023-01..2023-01" + kRecSize);
  const Image end = renderShot("record_end", "--present --time 2023-01..2024-12" + kRecSize);
  ASSERT_EQ(start.w, kRecW);
  ASSERT_EQ(end.w, kRecW);

  // H.264 at crf 20 in yuv420p shifts every colour by a point or two and blurs edges: the constant
  // shift is removed, what remains must be small. The other state is far off, so the test can tell.
  const DiffStats a = diffStats(pixels(first), pixels(start), true), b = diffStats(pixels(last), pixels(end), true);
  const DiffStats crossed = diffStats(pixels(first), pixels(end), true);
  std::printf("first frame vs 2023-01 screenshot: %s\nlast frame vs 2023-01..2024-12 screenshot: %s\nfirst frame vs the end: %s\n",
              str(a).c_str(), str(b).c_str(), str(crossed).c_str());
  EXPECT_LT(a.mean, 3) << "first frame: " << str(a);
  EXPECT_LT(a.p99, 40) << "first frame: " << str(a);
  EXPECT_LT(b.mean, 3) << "last frame: " << str(b);
  EXPECT_LT(b.p99, 40) << "last frame: " << str(b);
  EXPECT_GT(crossed.mean, 3 * std::max(a.mean, b.mean)) << "the start and the end should look different: " << str(crossed);
  EXPECT_GT(crossed.share_over_40, 0.03) << str(crossed);
  fs::remove_all(dir);
}

TEST(Record, WithoutFfmpegTheFramesAreNumberedPngFilesAndTheMessageSaysWhere) {
  const fs::path dir = folder("png");
  const std::string video = (dir / "growth.mp4").string();
  const Proc rec = run("CHAINMAP_FFMPEG=/nonexistent " +
                          chainmap("--present --record " + video + " --play 2023-01..2024-12 --seconds 3 --fps 10" + kRecSize),
                      "png");
  ASSERT_EQ(rec.rc, 0) << rec.err;
  EXPECT_FALSE(fs::exists(video)) << "no video without ffmpeg";
  // <path without extension>_frames/frame_000001.png …, named in the message with how to encode them.
  const fs::path frames = dir / "growth_frames";
  EXPECT_NE(rec.err.find(frames.string()), std::string::npos) << rec.err;
  EXPECT_NE(rec.err.find("ffmpeg"), std::string::npos) << rec.err;
  EXPECT_NE(rec.err.find("30 PNG frames"), std::string::npos) << rec.err;
  ASSERT_TRUE(fs::is_directory(frames)) << rec.err;
  int count = 0;
  for (const auto& e : fs::directory_iterator(frames)) count += e.path().extension() == ".png";
  EXPECT_EQ(count, 30);
  for (int k = 1; k <= 30; ++k) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%06d.png", k);
    EXPECT_TRUE(fs::exists(frames / name)) << name;
  }
  // Lossless: the first and the last frame are the screenshots of their states, up to what
  // "playing" itself draws on the first (the month's pulses, the timeline's pause button).
  const Image first = loadPng((frames / "frame_000001.png").string()), last = loadPng((frames / "frame_000030.png").string());
  ASSERT_EQ(first.w, kRecW);
  ASSERT_EQ(first.h, kRecH);
  ASSERT_EQ(last.w, kRecW);
  const Image start = renderShot("record_png_start", "--present --time 2023-01..2023-01" + kRecSize);
  const Image end = renderShot("record_png_end", "--present --time 2023-01..2024-12" + kRecSize);
  const DiffStats a = diffStats(pixels(first), pixels(start)), b = diffStats(pixels(last), pixels(end));
  std::printf("PNG frame 1 vs 2023-01 screenshot: %s\nPNG frame 30 vs 2023-01..2024-12 screenshot: %s\n", str(a).c_str(), str(b).c_str());
  EXPECT_LT(a.mean, 1.0) << str(a);
  EXPECT_LT(a.share_over_40, 0.02) << str(a);
  EXPECT_LT(b.mean, 0.5) << str(b);
  EXPECT_LT(b.share_over_40, 0.01) << str(b);

  // The end is held: 23 months in the first 2 s (3 s less the last 15 %, at least 1 s), so the
  // window reaches 2024-12 at 2.0 s (frame 21); 0.6 s later (frame 27, 2.6 s) the counters show
  // their values, and frames 27–30 are the same picture.
  auto changed = [](const Image& x, const Image& y) {
    long n = 0;
    for (size_t i = 0; i < x.rgba.size() && i < y.rgba.size(); ++i) n += x.rgba[i] != y.rgba[i];
    return n + static_cast<long>(x.rgba.size() != y.rgba.size());
  };
  const Image f30 = pngFrame(frames, 30);
  for (int k = 27; k < 30; ++k) EXPECT_EQ(changed(pngFrame(frames, k), f30), 0) << "frame " << k << " (" << (k - 1) / 10.0 << " s) is not the end yet";
  EXPECT_GT(changed(pngFrame(frames, 20), pngFrame(frames, 21)), 0) << "the last months come in at 2.0 s";
  fs::remove_all(dir);
}

TEST(Record, ABadPlayRangeExitsTwoWithAMessageAndWritesNothing) {
  const fs::path dir = folder("bad");
  const std::string video = (dir / "bad.mp4").string();
  for (const std::string range : {"2024-12..2023-01", "2024-13..2025-01", "2024-01", "soon"}) {
    const Proc r = run(chainmap("--record " + video + " --play " + range + " --seconds 3 --fps 10 --size 320x180"), "bad");
    EXPECT_EQ(r.rc, 2) << "--play " << range << ": " << r.err;
    EXPECT_NE(r.err.find("--play"), std::string::npos) << "--play " << range << ": the message should name the flag: " << r.err;
    EXPECT_NE(r.err.find("error"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(video)) << "--play " << range;
    EXPECT_FALSE(fs::exists(dir / "bad_frames")) << "--play " << range;
  }
  // --record with neither --play nor --tour says what it needs.
  const Proc none = run(chainmap("--record " + video + " --seconds 3 --fps 10 --size 320x180"), "none");
  EXPECT_EQ(none.rc, 2) << none.err;
  EXPECT_NE(none.err.find("--play"), std::string::npos) << none.err;
  EXPECT_FALSE(fs::exists(video));
  fs::remove_all(dir);
}

// The KPI counters count for exactly KpiPanel::kCountSeconds (0.6 s) after the frame that first
// shows a change: that frame still shows the old figure, the last frame of the count the new one.
// (This test found the count starting a frame early: the change frame added its own dt.)
TEST(Record, KpiCountersCountForTheWhole0_6sAfterTheLastMonthComesIn) {
  const fs::path dir = folder("count");
  const std::string video = (dir / "count.mp4").string();
  const Proc rec = run("CHAINMAP_FFMPEG=/nonexistent " +
                           chainmap("--present --record " + video + " --play 2023-01..2024-12 --seconds 3 --fps 10" + kRecSize),
                       "count");
  ASSERT_EQ(rec.rc, 0) << rec.err;
  const fs::path frames = dir / "count_frames";
  const Image f20 = pngFrame(frames, 20), f21 = pngFrame(frames, 21), f26 = pngFrame(frames, 26), f27 = pngFrame(frames, 27);
  ASSERT_EQ(f20.w, kRecW);
  ASSERT_EQ(f27.w, kRecW);
  // The window reaches 2024-12 at 2.0 s (frame 21): from then on only the counters move.
  EXPECT_TRUE(f20.rgba != f21.rgba) << "the last month comes in at 2.0 s";
  // 0.5 s later (frame 26) they are still counting; at 0.6 s (frame 27) they are there.
  EXPECT_TRUE(f26.rgba != f27.rgba) << "the counters settled at 2.5 s, 0.5 s after the last month came in (frame 21); they count for 0.6 s";
  fs::remove_all(dir);
}
