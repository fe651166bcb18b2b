// Small helpers around GDAL: one-time registration and capturing GDAL's own error text so it can
// be folded into our "FILE: problem" messages instead of going to stderr raw.
#pragma once
#include <string>
#include <string_view>

namespace cm {

void ensureGdalRegistered();

// While alive, GDAL errors are collected instead of printed.
class GdalErrorCapture {
 public:
  GdalErrorCapture();
  ~GdalErrorCapture();
  GdalErrorCapture(const GdalErrorCapture&) = delete;
  GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;
  const std::string& last() const { return last_; }

 private:
  std::string last_;
};

bool fileExists(const std::string& path);  // a regular file (not a folder, device or pipe)
bool shapefileHasCpg(const std::string& shp);  // a .cpg beside it names its encoding
// Why `path` cannot be read as a file, for messages: "file not found", "is a folder, not a file",
// "is not a regular file (a device, pipe or socket)", "cannot be read (Permission denied)".
std::string notAFileReason(const std::string& path);
bool isValidUtf8(std::string_view s);

}  // namespace cm
