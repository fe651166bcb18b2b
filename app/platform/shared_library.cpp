#include "platform/shared_library.h"

#include <dlfcn.h>

#include <map>
#include <mutex>

#include "platform/trace.h"

namespace cm {

Result<void*> openSharedLibrary(const char* soname, const char* what_needs_it) {
  static std::mutex mutex;
  static std::map<std::string, Result<void*>> opened;
  std::lock_guard lock(mutex);
  if (auto it = opened.find(soname); it != opened.end()) return it->second;
  Result<void*> r = Result<void*>::fail("");
  if (void* h = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL)) {
    r = h;
    trace((std::string("loaded ") + soname).c_str());
  } else {
    const char* e = ::dlerror();
    r = Result<void*>::fail(std::string(soname) + " cannot be loaded (" + (e ? e : "unknown error") + "); " + what_needs_it +
                            " needs it");
  }
  return opened.emplace(soname, r).first->second;
}

void* sharedSymbol(void* lib, const char* name, std::string* missing) {
  void* f = ::dlsym(lib, name);
  if (!f && missing) *missing += (missing->empty() ? "" : ", ") + std::string(name);
  return f;
}

}  // namespace cm
