#include "platform/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "platform/parallel.h"

namespace cm {
namespace {

// Temporaries that a killed save left beside `target` (TARGET.PID.N.tmp of a process that is gone)
// are removed by the next save that succeeds, so crashes do not pile up files.
void removeStaleTemporaries(const std::filesystem::path& target) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const std::string prefix = target.filename().string() + ".";
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() + 4 || name.compare(0, prefix.size(), prefix) != 0 || name.compare(name.size() - 4, 4, ".tmp") != 0)
      continue;
    const std::string rest = name.substr(prefix.size(), name.size() - prefix.size() - 4);  // PID.N
    const size_t dot = rest.find('.');
    if (dot == std::string::npos || dot == 0 || rest.find_first_not_of("0123456789.") != std::string::npos) continue;
    const long pid = std::strtol(rest.c_str(), nullptr, 10);
    if (pid <= 0 || pid == ::getpid() || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    std::error_code ignored;
    fs::remove(it->path(), ignored);
  }
}

// Writes all `size` bytes at `offset`: 0, or the errno.
int writeAt(int fd, const char* p, size_t size, off_t offset) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pwrite(fd, p + done, size - done, offset + static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : ENOSPC;
    done += static_cast<size_t>(n);
  }
  return 0;
}

}  // namespace

Result<bool> writeFileAtomically(const std::string& path, const std::string& bytes) {
  return writeFileAtomically(path, [&](const AtomicPut& put) { return put(bytes.data(), bytes.size()); });
}

Result<bool> writeFileAtomically(const std::string& path, const std::function<bool(const AtomicPut& put)>& write,
                                 bool durable, bool split_large) {
  namespace fs = std::filesystem;
  using R = Result<bool>;
  static std::atomic<unsigned> counter{0};
  std::error_code ec;
  const fs::path target(path);
  const fs::path parent = target.parent_path();
  if (!parent.empty()) {
    fs::create_directories(parent, ec);
    if (ec) return R::fail(fileError(path, "cannot create the folder " + parent.string() + " (" + ec.message() + ")"));
  }
  const std::string tmp = path + "." + std::to_string(::getpid()) + "." + std::to_string(counter++) + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return R::fail(fileError(path, std::string("cannot write (") + std::strerror(errno) + ")"));
  int write_err = 0;
  off_t at = 0;  // where the next bytes go
  const AtomicPut put = [&](const void* data, size_t size) {
    const char* p = static_cast<const char*>(data);
    constexpr size_t kSplit = size_t{1} << 20;
    if (split_large && size >= kSplit) {
      const size_t half = size / 2;
      int err[2] = {0, 0};
      parallelFor(2, 2, [&](size_t k) { err[k] = writeAt(fd, p + k * half, k ? size - half : half, at + static_cast<off_t>(k * half)); });
      write_err = err[0] ? err[0] : err[1];
    } else {
      write_err = writeAt(fd, p, size, at);
    }
    at += static_cast<off_t>(size);
    return write_err == 0;
  };
  const bool written = write(put);
  if (!written && write_err == 0) write_err = ECANCELED;
  errno = write_err;
  const bool ok = written && (!durable || ::fsync(fd) == 0);
  const int err = errno;
  ::close(fd);
  if (!ok) {
    fs::remove(tmp, ec);
    return R::fail(fileError(path, std::string("cannot write (") + std::strerror(err) + ")"));
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    return R::fail(fileError(path, "cannot move the finished file into place (" + ec.message() + ")"));
  }
  removeStaleTemporaries(target);
  if (!durable) return true;
  if (const int dfd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);  // the rename itself survives a crash
    ::close(dfd);
  }
  return true;
}

Result<bool> writeStdioAtomically(const std::string& path, const std::function<bool(std::FILE* f)>& write) {
  return writeFileAtomically(path, [&](const AtomicPut& put) {
    cookie_io_functions_t io{};
    io.write = [](void* cookie, const char* data, size_t size) -> ssize_t {
      return (*static_cast<const AtomicPut*>(cookie))(data, size) ? static_cast<ssize_t>(size) : -1;
    };
    std::FILE* f = ::fopencookie(const_cast<AtomicPut*>(&put), "w", io);
    if (!f) return false;
    const bool ok = write(f);
    return std::fclose(f) == 0 && ok;  // fclose flushes the last buffer through `put`
  });
}

}  // namespace cm
