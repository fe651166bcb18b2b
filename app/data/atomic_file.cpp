#include "data/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace cm {

Result<bool> writeFileAtomically(const std::string& path, const std::string& bytes) {
  return writeFileAtomically(path, [&](const AtomicPut& put) { return put(bytes.data(), bytes.size()); });
}

Result<bool> writeFileAtomically(const std::string& path, const std::function<bool(const AtomicPut& put)>& write,
                                 bool durable) {
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
  const AtomicPut put = [&](const void* data, size_t size) {
    const char* p = static_cast<const char*>(data);
    size_t done = 0;
    while (done < size) {
      const ssize_t n = ::write(fd, p + done, size - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        write_err = n < 0 ? errno : ENOSPC;
        return false;
      }
      done += static_cast<size_t>(n);
    }
    return true;
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
  if (!durable) return true;
  if (const int dfd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);  // the rename itself survives a crash
    ::close(dfd);
  }
  return true;
}

}  // namespace cm
