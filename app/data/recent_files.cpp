#include "data/recent_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/data_paths.h"
#include "data/import/table.h"

namespace cm {

namespace fs = std::filesystem;

std::string RecentFiles::normalise(const std::string& source) {
  if (source.empty()) return "";
  if (isDatabaseSource(source)) return withoutPassword(source);
  try {
    std::error_code ec;
    fs::path p = fs::absolute(fs::path(source), ec);
    if (ec) p = fs::path(source);
    std::string s = p.lexically_normal().string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
  } catch (const std::exception&) {
    return source;
  }
}

void RecentFiles::add(const std::string& source) {
  const std::string s = normalise(source);
  if (s.empty()) return;
  items_.erase(std::remove(items_.begin(), items_.end(), s), items_.end());
  items_.insert(items_.begin(), s);
  if (items_.size() > limit_) items_.resize(limit_);
}

bool RecentFiles::remove(const std::string& source) {
  const std::string s = normalise(source);
  const auto it = std::remove(items_.begin(), items_.end(), s);
  const bool found = it != items_.end();
  items_.erase(it, items_.end());
  return found;
}

void RecentFiles::setLimit(size_t n) {
  limit_ = n == 0 ? 1 : n;
  if (items_.size() > limit_) items_.resize(limit_);
}

std::string RecentFiles::load(const std::string& path) {
  items_.clear();
  std::error_code ec;
  if (!fs::exists(path, ec)) return "";
  std::ifstream in(path, std::ios::binary);
  if (!in) return path + ": cannot read the recent-files list (" + std::strerror(errno) + "); starting with an empty one";
  std::stringstream buf;
  buf << in.rdbuf();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(buf.str());
  } catch (const std::exception& e) {
    return path + ": not valid JSON, recent-files list starts empty (" + e.what() + ")";
  }
  const nlohmann::json* list = nullptr;
  if (j.is_object() && j.contains("recent") && j["recent"].is_array())
    list = &j["recent"];
  else if (j.is_array())
    list = &j;  // a bare list is accepted too
  if (!list) return path + ": not a recent-files list (expected {\"recent\": [...]}); starting with an empty one";
  // Oldest first through add(), so the file's order is kept and duplicates collapse to the newest.
  std::vector<std::string> read;
  for (const auto& v : *list)
    if (v.is_string()) read.push_back(v.get<std::string>());
  for (auto it = read.rbegin(); it != read.rend(); ++it) add(*it);
  return "";
}

namespace {

std::atomic<unsigned> g_tmp_counter{0};  // unique temporary names within this process

std::string sysError(const std::string& what, int err) { return what + " (" + std::strerror(err) + ")"; }

bool writeAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

std::string RecentFiles::save(const std::string& path) const {
  nlohmann::json j;
  j["version"] = 1;
  j["recent"] = items_;
  const std::string text = j.dump(2) + "\n";

  std::error_code ec;
  const fs::path target(path);
  const fs::path parent = target.parent_path();
  if (!parent.empty()) {
    fs::create_directories(parent, ec);
    if (ec) return path + ": cannot create the folder " + parent.string() + " (" + ec.message() + ")";
  }
  const std::string tmp =
      path + "." + std::to_string(::getpid()) + "." + std::to_string(g_tmp_counter.fetch_add(1)) + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return sysError(path + ": cannot write the recent-files list", errno);
  if (!writeAll(fd, text) || ::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    fs::remove(tmp, ec);
    return sysError(path + ": cannot write the recent-files list", err);
  }
  if (::close(fd) != 0) {
    const int err = errno;
    fs::remove(tmp, ec);
    return sysError(path + ": cannot write the recent-files list", err);
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    return path + ": cannot replace the recent-files list (" + ec.message() + ")";
  }
  // Make the rename itself durable (best effort).
  const int dfd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return "";
}

std::string recentFilesPath() {
  fs::path dir = fs::path(userDataDir()).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();  // a trailing '/'
  return (dir.parent_path() / "recent.json").string();
}

}  // namespace cm
