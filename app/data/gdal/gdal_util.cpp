#include "data/gdal/gdal_util.h"

#include <cstdint>
#include <cstring>

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>

namespace cm {

void ensureGdalRegistered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

static void CPL_STDCALL collect(CPLErr cls, CPLErrorNum, const char* msg) {
  if (cls < CE_Failure) return;  // warnings are not the user's problem
  auto* self = static_cast<std::string*>(CPLGetErrorHandlerUserData());
  if (self && msg) *self = msg;
}

GdalErrorCapture::GdalErrorCapture() { CPLPushErrorHandlerEx(collect, &last_); }
GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

bool shapefileHasCpg(const std::string& shp) {
  const size_t dot = shp.find_last_of('.');
  const std::string stem = dot == std::string::npos ? shp : shp.substr(0, dot);
  return fileExists(stem + ".cpg") || fileExists(stem + ".CPG");
}

}  // namespace cm
