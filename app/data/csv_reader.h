// Row-by-row reading of a CSV file through GDAL's CSV driver, every field as a string (no type
// guessing). GDAL handles quoting, embedded commas/newlines and CRLF; a UTF-8 BOM is dropped from
// the first column name. Shared by the parks and projects loaders.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "platform/result.h"

namespace cm {

class CsvReader {
 public:
  // Errors: "FILE: file not found", "FILE: not a readable CSV file (...)".
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
