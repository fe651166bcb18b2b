#include "data/gdal/file_sniff.h"

#include <cpl_vsi.h>

#include <algorithm>
#include <cstring>
#include <fstream>

#include "data/gdal/gdal_util.h"

namespace cm {
namespace {

bool hasMagic(const std::string& b, const char* magic, size_t n) { return b.size() >= n && std::memcmp(b.data(), magic, n) == 0; }

// Whether the ZIP at `path` holds `entry` (GDAL's /vsizip/ reads the central directory); -1 when
// the ZIP itself cannot be read.
int zipHolds(const std::string& path, const std::string& entry) {
  ensureGdalRegistered();
  VSIStatBufL st;
  const std::string root = "/vsizip/" + path;
  if (VSIStatL(root.c_str(), &st) != 0) return -1;
  return VSIStatL((root + "/" + entry).c_str(), &st) == 0 ? 1 : 0;
}

// What the bytes are, in a few words, for a file that is not the ZIP its name promised; `hint`
// receives what to do about it, where there is something to say.
std::string describe(const std::string& path, const std::string& head, const std::string& entry, std::string& hint) {
  if (head.empty()) return "an empty file";
  if (hasMagic(head, "\x89PNG", 4)) return "a PNG image";
  if (hasMagic(head, "\xFF\xD8\xFF", 3)) return "a JPEG image";
  if (hasMagic(head, "GIF8", 4)) return "a GIF image";
  if (hasMagic(head, "%PDF", 4)) return "a PDF document";
  if (hasMagic(head, "\xD0\xCF\x11\xE0", 4)) {
    hint = "; if it is an Excel 97-2003 workbook, save it as .xlsx";
    return "an old Excel 97-2003 workbook (.xls) or another OLE file";
  }
  if (hasMagic(head, "PK\x03\x04", 4) || hasMagic(head, "PK\x05\x06", 4)) {
    const int has = zipHolds(path, entry);
    if (has < 0) return "a damaged ZIP archive";
    if (zipHolds(path, "word/document.xml") == 1) return "a Word document";
    if (zipHolds(path, "ppt/presentation.xml") == 1) return "a PowerPoint presentation";
    if (zipHolds(path, "content.xml") == 1 && entry != "content.xml") {
      hint = "; if it is a spreadsheet, name it .ods";
      return "an OpenDocument file";
    }
    if (zipHolds(path, "xl/workbook.xml") == 1 && entry != "xl/workbook.xml") {
      hint = "; name it .xlsx";
      return "an Excel workbook";
    }
    return "a ZIP without " + entry;
  }
  // Text: no NUL and no control bytes other than tab and line breaks in what was read.
  const bool text = std::none_of(head.begin(), head.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f';
  });
  if (text && head.find_first_of(",;\t|") != std::string::npos) hint = "; if it is a CSV table, name it .csv";
  if (text) return "plain text";
  return "not a format chainmap knows";
}

}  // namespace

std::string spreadsheetMismatch(const std::string& path, const std::string& ext) {
  const bool excel = ext == "xlsx" || ext == "xlsm", ods = ext == "ods";
  if (!excel && !ods) return "";
  const std::string entry = excel ? "xl/workbook.xml" : "content.xml";
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(std::max<std::streamsize>(0, in.gcount())));
  if (hasMagic(head, "PK\x03\x04", 4) && zipHolds(path, entry) == 1) return "";
  std::string hint;
  const std::string what = describe(path, head, entry, hint);
  return std::string(excel ? "not an Excel workbook" : "not an OpenDocument spreadsheet") + " (it is " + what + ")" + hint;
}

}  // namespace cm
