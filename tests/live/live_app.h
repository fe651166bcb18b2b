// Drives the real chainmap window under X (Xvfb in CI) with real input events (xdotool), as a
// user would, and reads back what it shows: chainmap --capture-idle FILE writes FILE.json (the
// state) and FILE (the picture) each time the window settles. xwd reads the window itself.
#pragma once
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "platform/command.h"
#include "render_probe.h"

namespace cm::test {

inline std::string sh(const std::string& cmd) { return commandLine(cmd); }  // runs a command, returns its stdout

struct Shot {
  Image img;
  nlohmann::json state;
};

class LiveApp {
 public:
  // Starts `chainmap ARGS --size WxH --capture-idle ...` and waits for its first settled frame.
  LiveApp(const std::string& name, const std::string& args, int w, int h) {
    if (!std::getenv("DISPLAY")) {
      ADD_FAILURE() << "live-window tests need a display: run them under xvfb-run (scripts/test.sh does)";
      return;
    }
    dir_ = std::filesystem::path(::testing::TempDir()) / ("chainmap_live_" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    png_ = (dir_ / "idle.png").string();
    const std::string data = args.find("--data ") == std::string::npos ? " --data " CHAINMAP_TEST_DATA " " : " ";
    const std::string cmd = std::string(CHAINMAP_EXE) + data + args + " --size " +
                            std::to_string(w) + "x" + std::to_string(h) + " --capture-idle " + png_;
    pid_ = fork();
    if (pid_ == 0) {
      setpgid(0, 0);
      const std::string log = (dir_ / "stderr.log").string();
      execl("/bin/sh", "sh", "-c", ("cd " + dir_.string() + " && exec " + cmd + " 2>" + log + " >/dev/null").c_str(), nullptr);
      _exit(127);
    }
    wid_ = sh("timeout 20 xdotool search --sync --onlyvisible --pid " + std::to_string(pid_) + " 2>/dev/null | head -n 1");
    EXPECT_FALSE(wid_.empty()) << "no chainmap window appeared";
    first_ = settle(20);
  }
  ~LiveApp() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    std::filesystem::remove_all(dir_);
  }
  bool ok() const { return pid_ > 0 && !wid_.empty() && first_.img.w > 0; }
  const Shot& first() const { return first_; }
  const std::filesystem::path& dir() const { return dir_; }

  // Waits for a capture newer than the last one seen that stays the newest for 0.5 s (the app
  // has stopped redrawing). Times out with the newest there is.
  Shot settle(double timeout_s = 6) {
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    int seen = last_capture_, stable_since_ms = -1;
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - t0).count(); };
    while (elapsed() < timeout_s) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      const int n = captureNo();
      if (n > seen) {
        seen = n;
        stable_since_ms = static_cast<int>(elapsed() * 1000);
      } else if (n > last_capture_ && elapsed() * 1000 - stable_since_ms > 500) {
        break;
      }
    }
    last_capture_ = std::max(last_capture_, seen);
    Shot s;
    std::ifstream in(png_ + ".json");
    s.state = nlohmann::json::parse(in, nullptr, false);
    int n = 0;
    if (unsigned char* d = stbi_load(png_.c_str(), &s.img.w, &s.img.h, &n, 4)) {
      s.img.rgba.assign(d, d + static_cast<size_t>(s.img.w) * s.img.h * 4);
      stbi_image_free(d);
    }
    return s;
  }

  // Input, in window pixels. Held buttons and moves get a pause between them, as a hand would.
  void move(int x, int y) { xdo("mousemove --window " + wid_ + " " + std::to_string(x) + " " + std::to_string(y)); }
  void click(int x, int y) {
    move(x, y);
    pause();
    xdo("click 1");
  }
  void drag(int x0, int y0, int x1, int y1) {
    move(x0, y0);
    pause();
    xdo("mousedown 1");
    for (int k = 1; k <= 4; ++k) {
      pause();
      move(x0 + (x1 - x0) * k / 4, y0 + (y1 - y0) * k / 4);
    }
    pause();
    xdo("mouseup 1");
  }
  void key(const std::string& keys) { xdo("key " + keys); }
  void resize(int w, int h) { xdo("windowsize " + wid_ + " " + std::to_string(w) + " " + std::to_string(h)); }
  // What X shows in the window right now (not the app's own capture).
  Image windowPixels() {
    const std::string xwd = (dir_ / "win.xwd").string();
    sh("xwd -silent -id " + wid_ + " > " + xwd);
    return readXwd(xwd);
  }
  // Ctrl+Q; the process's exit status (a signal gives 128 + its number).
  int quit() {
    key("ctrl+q");
    for (int i = 0; i < 200; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return -1;
  }
  std::string log() const {
    std::ifstream in(dir_ / "stderr.log");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }

 private:
  static void pause() { std::this_thread::sleep_for(std::chrono::milliseconds(120)); }
  static void xdo(const std::string& args) { sh("xdotool " + args); }
  int captureNo() const {
    std::ifstream in(png_ + ".json");
    if (!in) return 0;
    const auto j = nlohmann::json::parse(in, nullptr, false);
    return j.is_object() && j.contains("capture") ? j["capture"].get<int>() : 0;
  }
  // X window dump (xwd): a 100-byte big-endian header, the window name, a colour map, pixels.
  static Image readXwd(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string d((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Image img;
    if (d.size() < 100) return img;
    auto u32 = [&](size_t i) {
      const auto* p = reinterpret_cast<const unsigned char*>(d.data()) + 4 * i;
      return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
    };
    const uint32_t header = u32(0), w = u32(4), h = u32(5), byte_order = u32(7), bpp = u32(11), bpl = u32(12), ncolors = u32(19);
    const size_t off = header + ncolors * 12;
    if (bpp != 32 || d.size() < off + size_t(bpl) * h) return img;
    img.w = static_cast<int>(w);
    img.h = static_cast<int>(h);
    img.rgba.resize(size_t(w) * h * 4);
    for (uint32_t y = 0; y < h; ++y)
      for (uint32_t x = 0; x < w; ++x) {
        const auto* p = reinterpret_cast<const unsigned char*>(d.data()) + off + size_t(y) * bpl + 4 * x;
        unsigned char* q = &img.rgba[(size_t(y) * w + x) * 4];
        if (byte_order == 0) q[0] = p[2], q[1] = p[1], q[2] = p[0];  // LSB first: B G R X
        else q[0] = p[1], q[1] = p[2], q[2] = p[3];                   // MSB first: X R G B
        q[3] = 255;
      }
    return img;
  }

  std::filesystem::path dir_;
  std::string png_, wid_;
  pid_t pid_ = -1;
  bool exited_ = false;
  int last_capture_ = 0;
  Shot first_;
};

}  // namespace cm::test
