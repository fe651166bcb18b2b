#include "data/csv_reader.h"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>

#include "data/gdal_util.h"
#include "platform/text.h"

namespace cm {

struct CsvReader::Impl {
  std::string path;
  std::unique_ptr<GDALDataset> ds;
  OGRLayer* layer = nullptr;
  std::vector<std::string> columns;
  long row = 0;
};

CsvReader::CsvReader() : impl_(std::make_unique<Impl>()) {}
CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;
CsvReader::~CsvReader() = default;


Result<CsvReader> CsvReader::open(const std::string& path) {
  using R = Result<CsvReader>;
  ensureGdalRegistered();
  if (!fileExists(path)) return R::fail(fileError(path, notAFileReason(path)));
  GdalErrorCapture capture;
  const char* drivers[] = {"CSV", nullptr};
  // All fields as strings, first line is the header whatever it looks like, no geometry guessing.
  const char* options[] = {"AUTODETECT_TYPE=NO", "HEADERS=YES", "EMPTY_STRING_AS_NULL=NO", nullptr};
  // The CSV driver only claims files named *.csv unless the name is prefixed with "CSV:".
  const std::string gdal_name = asciiLower(path).ends_with(".csv") ? path : "CSV:" + path;
  CsvReader r;
  r.impl_->path = path;
  r.impl_->ds.reset(static_cast<GDALDataset*>(
      GDALOpenEx(gdal_name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options, nullptr)));
  if (!r.impl_->ds || r.impl_->ds->GetLayerCount() < 1)
    return R::fail(fileError(path, "not a readable CSV file" +
                                       (capture.last().empty() ? "" : " (" + capture.last() + ")")));
  r.impl_->layer = r.impl_->ds->GetLayer(0);
  OGRFeatureDefn* defn = r.impl_->layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    std::string name = defn->GetFieldDefn(i)->GetNameRef();
    if (i == 0 && name.rfind("\xEF\xBB\xBF", 0) == 0) name.erase(0, 3);
    r.impl_->columns.push_back(name);
  }
  r.impl_->layer->ResetReading();
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
  std::unique_ptr<OGRFeature> f(impl_->layer->GetNextFeature());
  if (!f) return false;
  const int n = static_cast<int>(impl_->columns.size());
  fields.resize(n);
  for (int i = 0; i < n; ++i) fields[i] = f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "";
  row = ++impl_->row;
  return true;
}

}  // namespace cm
