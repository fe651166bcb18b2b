#include "data/import/import_report.h"

#include <algorithm>
#include <numeric>

#include "platform/atomic_file.h"

namespace cm {

void ImportReport::add(const Msg& what, Severity s, long row, const std::string& example, bool skip) {
  auto it = std::find_if(problems.begin(), problems.end(), [&](const Problem& p) { return p.what == what && p.skipped == skip; });
  if (it == problems.end()) {
    problems.push_back({what, s, skip, {}, example});
    it = problems.end() - 1;
  }
  it->rows.push_back(row);
}

const ImportReport::Problem* ImportReport::find(const std::string& key) const {
  for (const Problem& p : problems)
    if (p.what.key == key) return &p;
  return nullptr;
}

long ImportReport::count(const std::string& key) const {
  long n = 0;
  for (const Problem& p : problems)
    if (p.what.key == key) n += static_cast<long>(p.rows.size());
  return n;
}

std::string thousands(long v) {
  std::string s = std::to_string(v < 0 ? -v : v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return v < 0 ? "-" + s : s;
}

std::string ImportReport::summary(Lang L) const {
  std::string s = render(L, Msg("import.summary")
                                .arg("rows", thousands(rows))
                                .arg("placed", thousands(placed))
                                .arg("approx", thousands(approximate))
                                .arg("skipped", thousands(skipped)));
  if (merged) s += render(L, Msg("import.summary_merged").arg("n", thousands(merged)));
  if (subtotals) s += render(L, Msg("import.summary_subtotals").arg("n", thousands(subtotals)));
  if (undated) s += render(L, Msg("import.summary_undated").arg("n", thousands(undated)));
  if (truncated) s += render(L, Msg("import.summary_truncated"));
  return s;
}

std::vector<std::string> ImportReport::decisionLines(Lang L) const {
  std::vector<std::string> out;
  for (const Msg& d : decisions) out.push_back(render(L, d));
  return out;
}

std::vector<std::string> ImportReport::lines(Lang L) const {
  std::vector<size_t> order(problems.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return problems[a].severity < problems[b].severity; });
  std::vector<std::string> out;
  for (size_t k : order) {
    const Problem& p = problems[k];
    std::string rows_text;
    for (size_t i = 0; i < p.rows.size() && i < 8; ++i) rows_text += (i ? ", " : "") + std::to_string(p.rows[i]);
    if (p.rows.size() > 8) rows_text += ", …";
    Msg line(p.rows.size() == 1 ? "import.line_one" : "import.line_many");
    line.arg("n", thousands(static_cast<long>(p.rows.size()))).arg("what", render(L, p.what)).arg("rows", rows_text);
    std::string s = render(L, line);
    if (p.skipped) s += render(L, Msg("import.line_skipped"));
    if (!p.example.empty()) s += render(L, Msg("import.line_example").arg("value", p.example));
    out.push_back(std::move(s));
  }
  return out;
}

static std::string csvCell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

Result<bool> ImportReport::writeCsv(const std::string& path, Lang L) const {
  static const char* kSeverity[] = {"decide", "position", "count", "amount", "minor"};
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel opens it as UTF-8
  out += render(L, Msg("import.csv_header")) + "\n";
  out += csvCell(summary(L)) + ",,,,,\n";
  for (const std::string& d : decisionLines(L)) out += csvCell(d) + ",,,,,\n";
  std::vector<size_t> order(problems.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return problems[a].severity < problems[b].severity; });
  for (size_t k : order) {
    const Problem& p = problems[k];
    std::string rows_text;
    for (long r : p.rows) rows_text += (rows_text.empty() ? "" : " ") + std::to_string(r);
    out += csvCell(render(L, p.what)) + "," + kSeverity[static_cast<int>(p.severity)] + "," + (p.skipped ? "yes" : "no") + "," +
           std::to_string(p.rows.size()) + "," + csvCell(rows_text) + "," + csvCell(p.example) + "\n";
  }
  return writeFileAtomically(path, out);
}

}  // namespace cm
