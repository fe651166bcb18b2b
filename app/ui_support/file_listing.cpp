#include "ui_support/file_listing.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace cm {

namespace fs = std::filesystem;

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool endsWithNoCase(const std::string& s, const std::string& suffix) {
  if (suffix.empty() || suffix.size() > s.size()) return false;
  const size_t off = s.size() - suffix.size();
  for (size_t i = 0; i < suffix.size(); ++i)
    if (lower(s[off + i]) != lower(suffix[i])) return false;
  return true;
}

int64_t toUnix(fs::file_time_type t) {
  const auto sys = std::chrono::file_clock::to_sys(t);
  return std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count();
}

}  // namespace

bool hasExtension(const std::string& name, const std::vector<std::string>& exts) {
  if (exts.empty()) return true;
  for (const std::string& e : exts)
    if (endsWithNoCase(name, e)) return true;
  return false;
}

bool naturalLess(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (isDigit(a[i]) && isDigit(b[j])) {
      size_t ie = i, je = j;
      while (ie < a.size() && isDigit(a[ie])) ++ie;
      while (je < b.size() && isDigit(b[je])) ++je;
      size_t iz = i, jz = j;  // skip leading zeros
      while (iz + 1 < ie && a[iz] == '0') ++iz;
      while (jz + 1 < je && b[jz] == '0') ++jz;
      if (ie - iz != je - jz) return ie - iz < je - jz;
      for (size_t k = 0; k < ie - iz; ++k)
        if (a[iz + k] != b[jz + k]) return a[iz + k] < b[jz + k];
      i = ie;
      j = je;
      continue;
    }
    const char ca = lower(a[i]), cb = lower(b[j]);
    if (ca != cb) return static_cast<unsigned char>(ca) < static_cast<unsigned char>(cb);
    ++i;
    ++j;
  }
  if ((i < a.size()) != (j < b.size())) return j < b.size();  // the shorter one first
  return a < b;  // equal but for case or leading zeros: a fixed order
}

std::vector<DirEntry> listFolder(const std::string& dir, const std::vector<std::string>& exts, std::string* error) {
  std::vector<DirEntry> out;
  if (error) error->clear();
  try {
    std::error_code ec;
    const fs::path base(dir);
    const fs::file_status st = fs::status(base, ec);
    if (ec || !fs::exists(st)) {
      if (error) *error = dir + ": folder not found" + (ec ? " (" + ec.message() + ")" : "");
      return out;
    }
    if (!fs::is_directory(st)) {
      if (error) *error = dir + ": not a folder";
      return out;
    }
    fs::directory_iterator it(base, ec), end;
    if (ec) {
      if (error) *error = dir + ": cannot read this folder (" + ec.message() + ")";
      return out;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      const fs::directory_entry& e = *it;
      std::string name = e.path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      std::error_code eec;
      DirEntry d;
      d.name = name;
      d.path = e.path().string();
      const fs::file_status s = e.status(eec);  // follows links; a broken link fails → skipped
      if (eec) continue;
      if (fs::is_directory(s)) {
        d.is_dir = true;
      } else if (fs::is_regular_file(s)) {
        if (!hasExtension(name, exts)) continue;
        const uintmax_t size = e.file_size(eec);
        if (eec) continue;  // vanished
        d.size = size;
      } else {
        continue;
      }
      const fs::file_time_type t = e.last_write_time(eec);
      if (!eec) d.mtime = toUnix(t);
      out.push_back(std::move(d));
    }
    if (ec && error) *error = dir + ": the folder could not be read to the end (" + ec.message() + ")";
  } catch (const std::exception& e) {
    if (error) *error = dir + ": cannot read this folder (" + e.what() + ")";
  }
  std::sort(out.begin(), out.end(), [](const DirEntry& a, const DirEntry& b) {
    if (a.is_dir != b.is_dir) return a.is_dir;
    return naturalLess(a.name, b.name);
  });
  return out;
}

std::string withExtension(const std::string& name, const std::string& ext, const std::vector<std::string>& known) {
  if (name.empty()) return name;
  if (endsWithNoCase(name, ext) && name.size() > ext.size()) return name.substr(0, name.size() - ext.size()) + ext;
  for (const std::string& k : known)
    if (endsWithNoCase(name, k) && name.size() > k.size()) return name.substr(0, name.size() - k.size()) + ext;
  return name + ext;
}

std::string absoluteFolder(const std::string& dir) {
  try {
    std::error_code ec;
    fs::path p = dir.empty() ? fs::current_path(ec) : fs::absolute(fs::path(dir), ec);
    if (ec) p = dir.empty() ? fs::path("/") : fs::path(dir);
    std::string s = p.lexically_normal().string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s.empty() ? "/" : s;
  } catch (const std::exception&) {
    return dir.empty() ? "/" : dir;
  }
}

std::string parentFolder(const std::string& dir) {
  const std::string a = absoluteFolder(dir);
  if (a == "/") return a;
  const std::string p = fs::path(a).parent_path().string();
  return p.empty() ? "/" : p;
}

std::string homeFolder() {
  const char* h = std::getenv("HOME");
  return (h && *h) ? absoluteFolder(h) : "/";
}

bool isFolder(const std::string& path) {
  std::error_code ec;
  return !path.empty() && fs::is_directory(path, ec) && !ec;
}

bool isFile(const std::string& path) {
  std::error_code ec;
  return !path.empty() && fs::is_regular_file(path, ec) && !ec;
}

std::string formatSize(uintmax_t bytes) {
  char buf[32];
  if (bytes < 1024) {
    std::snprintf(buf, sizeof buf, "%ju B", bytes);
    return buf;
  }
  const char* units[] = {"KB", "MB", "GB", "TB"};
  double v = static_cast<double>(bytes) / 1024.0;
  int u = 0;
  while (v >= 1024.0 && u < 3) {
    v /= 1024.0;
    ++u;
  }
  std::snprintf(buf, sizeof buf, "%.1f %s", v, units[u]);
  return buf;
}

std::string formatTime(int64_t unix_seconds) {
  if (unix_seconds == 0) return "";
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  if (!localtime_r(&t, &tm)) return "";
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

}  // namespace cm
