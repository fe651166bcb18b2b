#include "data/csv_reader.h"

#include <optional>
#include <string_view>

#include "data/csv_chunks.h"
#include "platform/files.h"
#include "platform/text.h"

namespace cm {

struct CsvReader::Impl {
  std::string path;
  std::optional<MappedFile> file;
  std::optional<CsvTokenizer> rows;
  std::vector<std::string> columns;
  std::vector<std::string_view> fields;
  long row = 0;
};

CsvReader::CsvReader() : impl_(std::make_unique<Impl>()) {}
CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;
CsvReader::~CsvReader() = default;

Result<CsvReader> CsvReader::open(const std::string& path) {
  using R = Result<CsvReader>;
  if (!fileExists(path)) return R::fail(fileError(path, notAFileReason(path)));
  auto file = MappedFile::open(path);
  if (!file) return R::fail(file.error());
  const CsvHeader header = readCsvHeader(file->data(), file->size());
  if (header.columns.empty()) return R::fail(fileError(path, "not a readable CSV file (it has no header line)"));
  CsvReader r;
  r.impl_->path = path;
  r.impl_->columns = header.columns;
  r.impl_->file.emplace(file.take());
  const MappedFile& f = *r.impl_->file;
  r.impl_->rows.emplace(f.data() + header.data_begin, f.data() + f.size());
  return r;
}

const std::vector<std::string>& CsvReader::columns() const { return impl_->columns; }
const std::string& CsvReader::path() const { return impl_->path; }

int CsvReader::column(const std::string& name) const {
  const std::string n = asciiLower(name);
  for (size_t i = 0; i < impl_->columns.size(); ++i)
    if (asciiLower(impl_->columns[i]) == n) return static_cast<int>(i);
  return -1;
}

bool CsvReader::next(std::vector<std::string>& fields, long& row) {
  if (!impl_->rows->next(impl_->fields)) return false;
  const size_t n = impl_->columns.size();
  fields.resize(n);
  for (size_t i = 0; i < n; ++i) fields[i] = i < impl_->fields.size() ? std::string(impl_->fields[i]) : std::string();
  row = ++impl_->row;
  return true;
}

}  // namespace cm
