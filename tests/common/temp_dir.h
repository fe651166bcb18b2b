// A fresh folder under the system temp dir for one test, removed (with everything in it, even
// entries a test made unreadable) when it goes out of scope.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

namespace cm::test {

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& prefix = "chainmap-test") {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

}  // namespace cm::test
