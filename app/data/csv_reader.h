// Row-by-row reading of a small CSV file, every field as a string (no type guessing), with the
// tokenizer of the parallel loader (data/csv_chunks.h), which reads a file as GDAL's CSV driver
// does: quoting, embedded commas/newlines, CRLF; a UTF-8 BOM is dropped from the first column
// name; a short row's missing fields are "", a long row's extra ones dropped. The parks' loader
// uses it (no GDAL on the way to the first frame).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "platform/result.h"

namespace cm {

class CsvReader {
 public:
  // Errors: "FILE: file not found" (and notAFileReason's others), "FILE: not a readable CSV file (...)".
  static Result<CsvReader> open(const std::string& path);
  CsvReader(CsvReader&&) noexcept;
  CsvReader& operator=(CsvReader&&) noexcept;
  ~CsvReader();

  const std::vector<std::string>& columns() const;
  int column(const std::string& name) const;  // -1 when absent (names compared case-insensitively)
  // Next data row (fields.size() == columns().size(); missing values are ""); row is 1-based,
  // counted over data rows (the header is line 1, row 1 is normally line 2). False at the end.
  bool next(std::vector<std::string>& fields, long& row);
  const std::string& path() const;

 private:
  CsvReader();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cm
