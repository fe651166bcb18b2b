// Small helpers around GDAL: one-time registration and capturing GDAL's own error text so it can
// be folded into our "FILE: problem" messages instead of going to stderr raw.
#pragma once
#include <string>
#include <string_view>

#include "platform/files.h"

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

bool shapefileHasCpg(const std::string& shp);  // a .cpg beside it names its encoding

}  // namespace cm
