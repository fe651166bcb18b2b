// The canonical CSV fast path's tokenizer (app/data/csv_chunks.*), in memory: the header, then
// every record. Fields must lie inside the input or the tokenizer's scratch buffer.
#include <cstdlib>

#include "data/csv_chunks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const char* b = reinterpret_cast<const char*>(data);
  cm::CsvHeader h = cm::readCsvHeader(b, size);
  if (h.data_begin > size) std::abort();
  cm::CsvTokenizer tok(b + h.data_begin, b + size);
  std::vector<std::string_view> fields;
  size_t total = 0;
  const char* last = tok.position();
  while (tok.next(fields)) {
    for (std::string_view f : fields) total += f.size();  // ASan checks every view is readable
    for (std::string_view f : fields)
      for (char c : f) total += static_cast<unsigned char>(c) & 1;
    if (tok.position() <= last) std::abort();  // each record consumes input
    last = tok.position();
  }
  if (tok.position() > b + size) std::abort();
  return total == static_cast<size_t>(-1);
}
