#include "ui_support/recent_files.h"

#include "platform/atomic_file.h"


#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "platform/data_paths.h"
#include "platform/secrets.h"

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


std::string RecentFiles::save(const std::string& path) const {
  nlohmann::json j;
  j["version"] = 1;
  j["recent"] = items_;
  auto ok = writeFileAtomically(path, j.dump(2) + "\n");
  return ok ? "" : ok.error();
}

std::string recentFilesPath() {
  fs::path dir = fs::path(userDataDir()).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();  // a trailing '/'
  return (dir.parent_path() / "recent.json").string();
}

}  // namespace cm
