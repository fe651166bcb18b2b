#include "geo/proj_api.h"

#include <cstdlib>

#include "platform/files.h"
#include "platform/shared_library.h"

#ifndef CHAINMAP_PROJ_SONAME
#define CHAINMAP_PROJ_SONAME "libproj.so"
#endif
#ifndef CHAINMAP_PROJ_LIBRARY
#define CHAINMAP_PROJ_LIBRARY ""
#endif
#ifndef CHAINMAP_PROJ_DATA_DIR
#define CHAINMAP_PROJ_DATA_DIR "/usr/share/proj"
#endif

namespace cm {

const Result<const ProjApi*>& projApi() {
  // CHAINMAP_PROJ_LIBRARY_NAME loads another (for the tests of a PROJ that cannot be loaded).
  static const std::string name = std::getenv("CHAINMAP_PROJ_LIBRARY_NAME") ? std::getenv("CHAINMAP_PROJ_LIBRARY_NAME") : CHAINMAP_PROJ_SONAME;
  static const Result<const ProjApi*> api =
      loadFunctionTable<ProjApi>(name.c_str(), "reprojecting the map", [](void* lib, ProjApi& t, std::string* missing) {
#define CHAINMAP_PROJ_FIND(f) findSymbol(lib, #f, t.f, missing);
        CHAINMAP_PROJ_FUNCTIONS(CHAINMAP_PROJ_FIND)
#undef CHAINMAP_PROJ_FIND
      });
  return api;
}

std::string projInstallStamp() {
  auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v ? v : "");
  };
  std::string s = "PROJ " + std::to_string(PROJ_VERSION_MAJOR) + "." + std::to_string(PROJ_VERSION_MINOR) + "." +
                  std::to_string(PROJ_VERSION_PATCH) + " | " CHAINMAP_PROJ_LIBRARY " " + fileStamp(CHAINMAP_PROJ_LIBRARY);
  const std::string data = env("PROJ_DATA"), lib = env("PROJ_LIB"), xdg = env("XDG_DATA_HOME"), home = env("HOME");
  std::string paths = !data.empty() ? data : lib;
  paths += ":" + (!xdg.empty() ? xdg + "/proj" : home.empty() ? std::string() : home + "/.local/share/proj");
  paths += ":" CHAINMAP_PROJ_DATA_DIR;
  s += " | search " + paths;
  for (size_t from = 0; from <= paths.size();) {
    size_t to = paths.find(':', from);
    if (to == std::string::npos) to = paths.size();
    const std::string db = paths.substr(from, to - from) + "/proj.db";
    if (to > from)
      if (std::string st = fileStamp(db); !st.empty()) return s + " | " + db + " " + st;
    from = to + 1;
  }
  return s + " | no proj.db";
}

}  // namespace cm
