// Tour files (app/core/tour.*): parseTour on the bytes as JSON text. A tour that loads must also
// give its warnings and survive a save/load round trip unchanged (tour.h: loadTour(saveTour(t)) == t).
#include <cstdlib>

#include "core/tour.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto t = cm::parseTour(text, "fuzz.json");
  if (!t) {
    if (t.error().empty()) std::abort();  // a refusal always says why
    return 0;
  }
  (void)cm::tourWarnings(*t, "fuzz.json");
  auto again = cm::parseTour(cm::tourToJson(*t), "fuzz.json");
  if (!again || !(*again == *t)) std::abort();
  return 0;
}
