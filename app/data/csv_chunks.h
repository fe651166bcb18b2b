// A CSV file memory-mapped and cut into chunks at row boundaries, so that the chunks can be parsed
// on several threads. The tokenizer follows GDAL's CSV reader (which the loaders used before, and
// which the importer still uses), so a file reads the same either way: a '"' toggles quoting
// anywhere in a field and is dropped, "" inside quotes is one '"', a newline inside quotes stays
// in the field (as "\n"), rows end at \n, \r\n or a lone \r, empty lines are skipped and not
// counted, and a UTF-8 BOM before the header is dropped.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "platform/parallel.h"  // parallelFor, which the loaders use with these
#include "platform/result.h"

namespace cm {

// Read-only mapping of a whole file. Pages already parsed can be handed back (release) so that a
// large file does not stay in the process's resident memory.
class MappedFile {
 public:
  // Errors: "FILE: file not found", "FILE: cannot read (...)".
  static Result<MappedFile> open(const std::string& path);
  MappedFile(MappedFile&& o) noexcept;
  MappedFile& operator=(MappedFile&& o) noexcept;
  MappedFile(const MappedFile&) = delete;
  ~MappedFile();

  const char* data() const { return data_; }
  size_t size() const { return size_; }
  // Drops [from, to) from resident memory (whole pages inside it); the bytes stay readable.
  void release(size_t from, size_t to) const;

 private:
  MappedFile() = default;
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// Splits fields of one record at a time from [pos, end).
class CsvTokenizer {
 public:
  CsvTokenizer(const char* begin, const char* end) : p_(begin), end_(end) {}
  // The next non-empty record: fields point into the file or into `scratch` (valid until the next
  // call). False at the end.
  bool next(std::vector<std::string_view>& fields);
  const char* position() const { return p_; }

 private:
  const char* p_;
  const char* end_;
  std::string scratch_;
};

// The header (column names, BOM dropped) and where the data rows start.
struct CsvHeader {
  std::vector<std::string> columns;
  size_t data_begin = 0;
};
CsvHeader readCsvHeader(const char* data, size_t size);

// Row-aligned [begin, end) ranges covering [begin, end) of `data`, about `chunk_bytes` each;
// quote-aware (a newline inside quotes never ends a chunk). `threads` count the quotes in parallel.
std::vector<std::pair<size_t, size_t>> splitCsvRows(const MappedFile& file, size_t begin, size_t chunk_bytes, unsigned threads);

}  // namespace cm
