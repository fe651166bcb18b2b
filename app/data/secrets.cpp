#include "data/secrets.h"

#include <sys/resource.h>

#include <cstdlib>

#include "data/import/table.h"

namespace cm {

bool holdsSecret(const std::vector<std::string>& args) {
  const char* env = std::getenv("PGPASSWORD");
  if (env && *env) return true;
  for (const std::string& a : args)
    if (redactPasswords(a) != a) return true;
  return false;
}

bool disableCoreDumps() {
  const rlimit none{0, 0};
  if (::setrlimit(RLIMIT_CORE, &none) != 0) return false;
  rlimit now{};
  return ::getrlimit(RLIMIT_CORE, &now) == 0 && now.rlim_cur == 0;
}

}  // namespace cm
