// The canonical projects CSV (app/data/projects_csv.cpp + csv_chunks): loadProjectsCsv on the bytes
// through a scratch file (the loader memory-maps a path), with the real districts and parks. The
// file is read twice, in one chunk and in many small chunks on two threads: the header documents
// that the result does not depend on the chunking, so the two must agree.
#include <cstdlib>

#include "data/projects_csv.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const cm::Transform tr = cm::Transform::create(cm::kWgs84, cm::kDefaultDisplayCrs).take();
  const cmfuzz::Reference& ref = cmfuzz::reference();
  const std::string path = cmfuzz::scratchFile(data, size, "projects", ".csv");
  auto one = cm::loadProjectsCsv(path, tr, ref.districts, ref.parks, cm::CsvLoadOptions{1, size_t{1} << 30, nullptr});
  auto many = cm::loadProjectsCsv(path, tr, ref.districts, ref.parks, cm::CsvLoadOptions{2, 64, nullptr});
  if (static_cast<bool>(one) != static_cast<bool>(many)) std::abort();
  if (!one) {
    if (one.error().empty() || one.error() != many.error()) std::abort();
    return 0;
  }
  if (one->projects.size() != many->projects.size() || one->warnings != many->warnings) std::abort();
  return 0;
}
