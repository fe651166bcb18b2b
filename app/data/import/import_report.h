// What an import did and what it met, kept as messages (core/message.h) so that the window, stderr
// and the CSV beside the table read it in the user's language: a summary, the decisions taken
// (units, coordinate system with its evidence, how industries were classified, sectors inferred),
// and the problems grouped by kind with their rows and an example — the most harmful first
// (a value a human must decide, positions assumed), the merely patched last.
#pragma once
#include <string>
#include <vector>

#include "core/message.h"
#include "platform/result.h"

namespace cm {

// Ordered from what most changes the map to what least does.
enum class Severity : uint8_t {
  Decide = 0,   // a human must decide (an industry below confidence, a coordinate system the points cannot tell)
  Position = 1, // where a project is drawn was assumed (no coordinates, outside the city, (0,0), swapped)
  Count = 2,    // what is counted changed (rows skipped, duplicates counted once, subtotal rows left out)
  Amount = 3,   // an amount or a date is missing or odd (unknown investment, zero, undated)
  Minor = 4,    // a secondary value was patched (an unknown stage, channel, chain role …)
};

struct ImportReport {
  std::string source, layer, format, encoding;
  long rows = 0, placed = 0, approximate = 0, skipped = 0;
  long merged = 0;     // rows counted once with an earlier row (repeated rows, re-signings)
  long subtotals = 0;  // subtotal and total rows recognised and left out
  long undated = 0, unknown_investment = 0;
  std::vector<Msg> decisions;
  struct Problem {
    Msg what;                // "import.inv_unknown" {column}
    Severity severity = Severity::Minor;
    bool skipped = false;    // the rows were left out (else kept, patched or placed approximately)
    std::vector<long> rows;  // source rows, as a user sees them
    std::string example;     // one offending value
  };
  std::vector<Problem> problems;  // in order of first appearance; lines() sorts by severity
  bool truncated = false;

  // Rows with the same message are one problem.
  void add(const Msg& what, Severity s, long row, const std::string& example, bool skipped = false);
  const Problem* find(const std::string& key) const;  // the first problem with this message key
  long count(const std::string& key) const;           // rows of every problem with this key

  // "12 rows: 总投资 is not a number — rows 4, 9, 15, … (e.g. '待定')", most harmful first.
  std::vector<std::string> lines(Lang lang) const;
  std::vector<std::string> decisionLines(Lang lang) const;
  std::string summary(Lang lang) const;  // "1,204 rows: 1,180 placed, 20 approximate, 4 skipped"
  // Summary, decisions, then problem, severity, skipped, count, rows, example — beside the source,
  // for fixing it (UTF-8 with a BOM so Excel opens it; written atomically).
  Result<bool> writeCsv(const std::string& path, Lang lang) const;
};

std::string thousands(long v);  // 1204 → "1,204"

}  // namespace cm
