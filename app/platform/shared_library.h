// System libraries loaded at their first use (dlopen) instead of at the program's start, their
// functions looked up by name into a table (geo/proj_api.h, data/pq_api.h). For the libraries a
// start from the caches needs late or never: PROJ, which brings ~30 libraries of its own (curl,
// TLS, Kerberos, SQLite, TIFF), and libpq. With the page cache dropped, the dynamic loader spends
// ~60 ms on them before main(); loaded on first use, PROJ's load runs on the start-up worker beside
// the GL driver's, and libpq's only in remote mode.
#pragma once
#include <string>

#include "platform/result.h"

namespace cm {

// The library's handle: opened once per process (RTLD_NOW | RTLD_LOCAL; thread-safe), or the
// message "SONAME cannot be loaded (why); WHAT needs it".
Result<void*> openSharedLibrary(const char* soname, const char* what_needs_it);

// The named function of an opened library, stored in *fn; a name the library lacks is added to
// *missing (", "-separated) and leaves *fn null.
void* sharedSymbol(void* lib, const char* name, std::string* missing);
template <class F>
void findSymbol(void* lib, const char* name, F*& fn, std::string* missing) {
  fn = reinterpret_cast<F*>(sharedSymbol(lib, name, missing));
}

// A table of a library's functions: `fill(lib, table, &missing)` finds each (findSymbol). Made
// once per table type; the error names the library, and the functions it lacks.
template <class Table, class Fill>
Result<const Table*> loadFunctionTable(const char* soname, const char* what_needs_it, Fill fill) {
  auto lib = openSharedLibrary(soname, what_needs_it);
  if (!lib) return Result<const Table*>::fail(lib.error());
  static Table table;
  std::string missing;
  fill(*lib, table, &missing);
  if (!missing.empty()) return Result<const Table*>::fail(std::string(soname) + " lacks " + missing + " (another release than the build's)");
  return &table;
}

}  // namespace cm
