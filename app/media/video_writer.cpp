#include "media/video_writer.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "platform/atomic_file.h"
#include "media/png_encode.h"


extern char** environ;

namespace cm {
namespace fs = std::filesystem;

namespace {

bool isProgram(const fs::path& p) {
  struct stat st{};
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(p.c_str(), X_OK) == 0;
}

std::string onPath(const std::string& name) {
  const char* env = std::getenv("PATH");
  const std::string path = env && *env ? env : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find(':', start);
    if (end == std::string::npos) end = path.size();
    const std::string dir = end > start ? path.substr(start, end - start) : ".";
    const fs::path cand = fs::path(dir) / name;
    if (isProgram(cand)) return cand.string();
    start = end + 1;
  }
  return "";
}

// A path as a shell word, for the "encode with:" hint.
std::string shellWord(const std::string& s) {
  bool plain = !s.empty();
  for (const char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || std::strchr("_./-%+=:,", c))) plain = false;
  if (plain) return s;
  std::string q = "'";
  for (const char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string describeStatus(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return std::string("killed by signal ") + ::strsignal(WTERMSIG(status));
  return "stopped";
}

// Writes all of `data` to a pipe. SIGPIPE is blocked in this thread while writing and a SIGPIPE
// raised by the write is consumed, so a reader that went away is EPIPE here, never the end of
// the process (whatever the process-wide disposition of SIGPIPE is).
int writeAll(int fd, const unsigned char* data, size_t n) {
  sigset_t pipeSet, old, pending;
  sigemptyset(&pipeSet);
  sigaddset(&pipeSet, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipeSet, &old);
  sigpending(&pending);
  const bool wasPending = sigismember(&pending, SIGPIPE) == 1;
  int err = 0;
  size_t done = 0;
  while (done < n) {
    const ssize_t w = ::write(fd, data + done, n - done);
    if (w < 0) {
      if (errno == EINTR) continue;
      err = errno;
      break;
    }
    done += static_cast<size_t>(w);
  }
  if (err == EPIPE && !wasPending) {
    const timespec zero{0, 0};
    while (sigtimedwait(&pipeSet, nullptr, &zero) < 0 && errno == EINTR) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return err;
}

std::atomic<unsigned> tmpCounter{0};

}  // namespace

std::string findFfmpeg() {
  if (const char* env = std::getenv("CHAINMAP_FFMPEG"); env && *env) {
    const std::string v = env;
    if (v.find('/') != std::string::npos) return isProgram(v) ? v : "";
    return onPath(v);
  }
  return onPath("ffmpeg");
}

struct VideoWriter::Impl {
  enum class Mode { Ffmpeg, Png, Done };
  VideoOptions opt;
  Mode mode = Mode::Ffmpeg;
  std::string ffmpeg;     // the program
  pid_t pid = -1;         // ffmpeg while it runs
  int fd = -1;            // the write end of its stdin
  FILE* log = nullptr;    // its stderr (an unlinked temporary file)
  std::string tmp;        // the video being written, renamed to opt.path by finish()
  std::string framesDir;  // the PNG fallback folder
  std::string reason;     // why the PNG fallback
  std::string msg;
  int frames = 0;
  std::vector<unsigned char> kept;  // frame 1, until ffmpeg has taken frame 2 (for the fallback)

  ~Impl() { abort(); }

  size_t frameBytes() const { return static_cast<size_t>(opt.width) * opt.height * 4; }

  std::string logText() const {
    if (!log) return "";
    std::fflush(log);
    std::string all;
    char buf[4096];
    std::rewind(log);
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, log)) > 0) all.append(buf, n);
    std::string out;
    for (char c : all) out += (c == '\n' || c == '\r') ? ' ' : c;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.size() > 600) out = "…" + out.substr(out.size() - 600);
    return out;
  }

  // Closes the pipe and reaps ffmpeg (killed first when `kill`); returns its wait status.
  int reap(bool kill) {
    int status = 0;
    if (pid > 0 && kill) ::kill(pid, SIGKILL);
    if (fd >= 0) ::close(fd);
    fd = -1;
    if (pid > 0)
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
    pid = -1;
    return status;
  }

  void removeTmp() {
    if (tmp.empty()) return;
    std::error_code ec;
    fs::remove(tmp, ec);
    tmp.clear();
  }

  void closeLog() {
    if (log) std::fclose(log);
    log = nullptr;
  }

  void abort() {
    if (mode == Mode::Ffmpeg) reap(true);
    removeTmp();
    closeLog();
    kept.clear();
    mode = Mode::Done;
  }

  // Starts ffmpeg; "" on success, else why it could not be started.
  std::string spawn() {
    const bool webm = opt.path.size() >= 5 && opt.path.compare(opt.path.size() - 5, 5, ".webm") == 0;
    const bool mkv = opt.path.size() >= 4 && opt.path.compare(opt.path.size() - 4, 4, ".mkv") == 0;
    std::vector<std::string> args = {ffmpeg, "-y", "-hide_banner", "-loglevel", "error",
                                     "-f", "rawvideo", "-pix_fmt", "rgba",
                                     "-s", std::to_string(opt.width) + "x" + std::to_string(opt.height),
                                     "-r", std::to_string(opt.fps), "-i", "-"};
    if (opt.width % 2 || opt.height % 2) {  // yuv420p needs an even size: one black pixel more
      args.insert(args.end(), {"-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2"});
    }
    if (webm) {
      args.insert(args.end(), {"-c:v", "libvpx-vp9", "-crf", std::to_string(opt.crf), "-b:v", "0",
                               "-deadline", "good", "-cpu-used", "4", "-row-mt", "1",
                               "-pix_fmt", "yuv420p", "-f", "webm"});
    } else {
      args.insert(args.end(), {"-c:v", "libx264", "-preset", "veryfast", "-crf", std::to_string(opt.crf),
                               "-pix_fmt", "yuv420p"});
      if (mkv) args.insert(args.end(), {"-f", "matroska"});
      else args.insert(args.end(), {"-movflags", "+faststart", "-f", "mp4"});
    }
    args.push_back(tmp);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    int p[2];
    if (::pipe2(p, O_CLOEXEC) != 0) return std::string("cannot make a pipe: ") + std::strerror(errno);
    log = std::tmpfile();

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, p[0], 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    if (log) posix_spawn_file_actions_adddup2(&fa, fileno(log), 2);
    else posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    posix_spawn_file_actions_addclosefrom_np(&fa, 3);
#endif
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, def;
    sigemptyset(&none);
    sigemptyset(&def);
    sigaddset(&def, SIGPIPE);  // ffmpeg gets the default SIGPIPE even if chainmap ignores it
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &def);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t child = -1;
    const int rc = ::posix_spawn(&child, ffmpeg.c_str(), &fa, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    ::close(p[0]);
    if (rc != 0) {
      ::close(p[1]);
      closeLog();
      return ffmpeg + ": " + std::strerror(rc);
    }
    pid = child;
    fd = p[1];
    return "";
  }

  Result<bool> startPng(const std::string& why) {
    using R = Result<bool>;
    mode = Mode::Png;
    reason = why;
    removeTmp();
    closeLog();
    const fs::path target(opt.path);
    framesDir = (target.parent_path() / (target.stem().string() + "_frames")).string();
    std::error_code ec;
    fs::create_directories(framesDir, ec);
    if (ec) {
      mode = Mode::Done;
      return R::fail(fileError(framesDir, "cannot create the folder for PNG frames (" + ec.message() + ")"));
    }
    // Frames of an earlier recording would mix with these ones: remove them (only frame_NNNNNN.png).
    for (const auto& e : fs::directory_iterator(framesDir, ec)) {
      const std::string n = e.path().filename().string();
      if (n.size() == 16 && n.compare(0, 6, "frame_") == 0 && n.compare(12, 4, ".png") == 0 &&
          std::all_of(n.begin() + 6, n.begin() + 12, [](char c) { return c >= '0' && c <= '9'; })) {
        std::error_code ignored;
        fs::remove(e.path(), ignored);
      }
    }
    updateMessage();
    return true;
  }

  // Frame `index` (0-based) as frame_{index+1}.png; RGB: the video has no alpha either.
  Result<bool> writePng(const unsigned char* rgba, int index) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%06d.png", index + 1);
    const std::string file = (fs::path(framesDir) / name).string();
    auto bytes = encodePng(rgba, opt.width, opt.height, file);
    if (!bytes) return Result<bool>::fail(bytes.error());
    return writeFileAtomically(file, *bytes);
  }

  // ffmpeg failed (`why`): to PNG frames when no frame is lost by it, else an error.
  Result<bool> ffmpegFailed(const std::string& why, const unsigned char* current) {
    if (frames == 0 || (frames == 1 && !kept.empty())) {
      std::vector<unsigned char> first = std::move(kept);
      kept.clear();
      if (auto r = startPng("ffmpeg failed (" + why + ")"); !r) return r;
      if (!first.empty())
        if (auto r = writePng(first.data(), 0); !r) return fail(r.error());
      if (current) {
        if (auto r = writePng(current, frames); !r) return fail(r.error());
        ++frames;
      }
      updateMessage();
      return true;
    }
    return fail(fileError(opt.path, "ffmpeg stopped after " + std::to_string(frames) + " frames: " + why));
  }

  Result<bool> fail(const std::string& error) {
    abort();
    msg = error;
    return Result<bool>::fail(error);
  }

  void updateMessage() {
    const std::string n = std::to_string(frames);
    if (mode == Mode::Png) {
      const std::string dir = framesDir + "/";
      msg = reason + ": wrote " + n + " PNG frame" + (frames == 1 ? "" : "s") + " to " + dir +
            " (encode with: ffmpeg -framerate " + std::to_string(opt.fps) + " -i " +
            shellWord(dir + "frame_%06d.png") + " -pix_fmt yuv420p " + shellWord(opt.path) + ")";
    } else if (mode == Mode::Ffmpeg) {
      msg = "encoding " + opt.path + " with " + ffmpeg + ": " + n + " frames so far";
    }
  }
};

VideoWriter::VideoWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
VideoWriter::~VideoWriter() = default;
VideoWriter::VideoWriter(VideoWriter&&) noexcept = default;
VideoWriter& VideoWriter::operator=(VideoWriter&&) noexcept = default;

Result<VideoWriter> VideoWriter::open(const VideoOptions& o) {
  using R = Result<VideoWriter>;
  const std::string name = o.path.empty() ? std::string("video") : o.path;
  if (o.path.empty()) return R::fail("video: no output file given");
  if (o.width < 2 || o.height < 2 || o.width > 16384 || o.height > 16384)
    return R::fail(fileError(name, "the video size " + std::to_string(o.width) + "x" + std::to_string(o.height) +
                                       " is outside 2x2 … 16384x16384"));
  if (o.fps < 1 || o.fps > 240)
    return R::fail(fileError(name, "the frame rate " + std::to_string(o.fps) + " is outside 1 … 240 fps"));
  const std::string ext = fs::path(o.path).extension().string();
  if (ext != ".mp4" && ext != ".mkv" && ext != ".webm")
    return R::fail(fileError(name, "the video must end in .mp4, .mkv or .webm"));
  const int maxCrf = ext == ".webm" ? 63 : 51;
  if (o.crf < 0 || o.crf > maxCrf)
    return R::fail(fileError(name, "the quality (crf) " + std::to_string(o.crf) + " is outside 0 … " +
                                       std::to_string(maxCrf)));

  auto impl = std::make_unique<Impl>();
  impl->opt = o;
  const fs::path target(o.path);
  std::error_code ec;
  if (!target.parent_path().empty()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec)
      return R::fail(fileError(name, "cannot create the folder " + target.parent_path().string() + " (" +
                                         ec.message() + ")"));
  }

  impl->ffmpeg = findFfmpeg();
  if (impl->ffmpeg.empty()) {
    const char* env = std::getenv("CHAINMAP_FFMPEG");
    std::string why = "ffmpeg not found";
    if (env && *env) why += std::string(" (CHAINMAP_FFMPEG=") + env + ")";
    if (auto r = impl->startPng(why); !r) return R::fail(r.error());
    return VideoWriter(std::move(impl));
  }

  // The temporary file beside the target: made here, so that a folder that cannot be written is
  // this error and not an ffmpeg failure; ffmpeg (-y) writes over it.
  impl->tmp = o.path + "." + std::to_string(::getpid()) + "." + std::to_string(tmpCounter++) + ".tmp";
  const int tfd = ::open(impl->tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (tfd < 0) {
    const std::string err = std::strerror(errno);
    impl->tmp.clear();
    return R::fail(fileError(name, "cannot write (" + err + ")"));
  }
  ::close(tfd);

  if (const std::string err = impl->spawn(); !err.empty()) {
    if (auto r = impl->startPng("ffmpeg could not be started (" + err + ")"); !r) return R::fail(r.error());
    return VideoWriter(std::move(impl));
  }
  impl->updateMessage();
  return VideoWriter(std::move(impl));
}

Result<bool> VideoWriter::addFrame(const unsigned char* rgba, int width, int height) {
  using R = Result<bool>;
  if (!impl_) return R::fail("video: this writer was moved from");
  Impl& m = *impl_;
  if (m.mode == Impl::Mode::Done)
    return R::fail(fileError(m.opt.path, "the video is already finished (or was aborted)"));
  if (!rgba) return R::fail(fileError(m.opt.path, "frame " + std::to_string(m.frames + 1) + " has no pixels"));
  if (width != m.opt.width || height != m.opt.height)
    return R::fail(fileError(m.opt.path, "frame " + std::to_string(m.frames + 1) + " is " + std::to_string(width) +
                                             "x" + std::to_string(height) + ", the video is " +
                                             std::to_string(m.opt.width) + "x" + std::to_string(m.opt.height)));
  if (m.mode == Impl::Mode::Png) {
    if (auto r = m.writePng(rgba, m.frames); !r) return m.fail(r.error());
    ++m.frames;
    m.updateMessage();
    return true;
  }
  if (const int err = writeAll(m.fd, rgba, m.frameBytes()); err != 0) {
    const int status = m.reap(err != EPIPE);
    std::string why = m.logText();
    if (why.empty()) why = err == EPIPE ? describeStatus(status) : std::strerror(err);
    return m.ffmpegFailed(why, rgba);
  }
  if (m.frames == 0) m.kept.assign(rgba, rgba + m.frameBytes());
  else m.kept.clear();  // ffmpeg has taken frame 2: it encodes
  ++m.frames;
  m.updateMessage();
  return true;
}

Result<bool> VideoWriter::finish() {
  using R = Result<bool>;
  if (!impl_) return R::fail("video: this writer was moved from");
  Impl& m = *impl_;
  if (m.mode == Impl::Mode::Done)
    return R::fail(fileError(m.opt.path, "the video is already finished (or was aborted)"));
  if (m.frames == 0) return m.fail(fileError(m.opt.path, "no frames were recorded"));
  if (m.mode == Impl::Mode::Png) {
    m.mode = Impl::Mode::Done;
    return false;
  }
  const int status = m.reap(false);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string why = m.logText();
    if (why.empty()) why = describeStatus(status);
    auto r = m.ffmpegFailed(why, nullptr);
    if (!r) return r;
    m.mode = Impl::Mode::Done;
    return false;
  }
  m.closeLog();
  m.kept.clear();
  std::error_code ec;
  if (fs::file_size(m.tmp, ec) == 0 || ec)
    return m.fail(fileError(m.opt.path, "ffmpeg wrote no video"));
  if (const int tfd = ::open(m.tmp.c_str(), O_RDONLY | O_CLOEXEC); tfd >= 0) {
    ::fsync(tfd);
    ::close(tfd);
  }
  fs::rename(m.tmp, m.opt.path, ec);
  if (ec) return m.fail(fileError(m.opt.path, "cannot move the finished video into place (" + ec.message() + ")"));
  m.tmp.clear();
  const fs::path parent = fs::path(m.opt.path).parent_path();
  if (const int dfd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  m.mode = Impl::Mode::Done;
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.1f", static_cast<double>(m.frames) / m.opt.fps);
  m.msg = "wrote " + std::to_string(m.frames) + " frames (" + secs + " s at " + std::to_string(m.opt.fps) +
          " fps, " + std::to_string(m.opt.width) + "x" + std::to_string(m.opt.height) + ") to " + m.opt.path;
  return true;
}

int VideoWriter::frames() const { return impl_ ? impl_->frames : 0; }

bool VideoWriter::usingFfmpeg() const {
  return impl_ && impl_->reason.empty() && !impl_->ffmpeg.empty();
}

std::string VideoWriter::message() const { return impl_ ? impl_->msg : std::string(); }

}  // namespace cm
