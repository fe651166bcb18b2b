#include "data/import/row_kinds.h"

#include <algorithm>

#include "data/import/values.h"
#include "platform/text.h"

namespace cm {
namespace {


// Bytes of the longest label a subtotal row puts before its word ("钱塘区（含大江东）" and the like).
constexpr size_t kLabelPrefix = 30;

}  // namespace

RowKind totalLabelKind(std::string_view cell) {
  std::string k = normalizeKey(cell);  // no spaces (also U+3000), lower case, full-width brackets
  if (k.empty()) return RowKind::Project;
  // "合计（12个）", "小计:": a count or a colon after the word.
  if (const size_t o = k.find_first_of("(:"); o != std::string::npos && o > 0) k.resize(o);
  for (std::string_view w : {"小计", "subtotal", "sub-total"})
    if (k == w || (endsWith(k, w) && k.size() <= w.size() + kLabelPrefix)) return RowKind::Subtotal;
  for (std::string_view w : {"合计", "总计", "累计", "共计", "总合计", "全市合计", "全市总计", "total", "grandtotal", "sum"})
    if (k == w || (endsWith(k, w) && k.size() <= w.size() + kLabelPrefix)) return RowKind::Total;
  // "其中：制造业项目" / "其中：外资项目": a breakdown of the row above, not a project.
  if (startsWith(k, "其中")) return RowKind::Subtotal;
  return RowKind::Project;
}

std::vector<RowKind> classifyRows(const RawTable& t, const FieldMapping& m) {
  std::vector<RowKind> out(t.rows.size(), RowKind::Project);
  std::vector<int> label_cols;
  for (Field f : {Field::Id, Field::NameZh, Field::NameEn, Field::District})
    if (const int c = m.column(f); c >= 0) label_cols.push_back(c);
  if (std::find(label_cols.begin(), label_cols.end(), 0) == label_cols.end() && !t.columns.empty()) label_cols.push_back(0);
  std::vector<std::string> header_keys;
  for (const std::string& h : t.columns) header_keys.push_back(normalizeKey(h));
  const int name_col = m.column(Field::NameZh) >= 0 ? m.column(Field::NameZh) : m.column(Field::NameEn);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const std::vector<std::string>& row = t.rows[r];
    // The header again (two sheets pasted one under the other).
    int filled = 0, same = 0;
    for (size_t c = 0; c < row.size() && c < header_keys.size(); ++c) {
      const std::string k = normalizeKey(row[c]);
      if (k.empty()) continue;
      ++filled;
      same += k == header_keys[c];
    }
    if (filled >= 2 && same * 2 >= filled) {
      out[r] = RowKind::RepeatedHeader;
      continue;
    }
    for (int c : label_cols) {
      if (c >= static_cast<int>(row.size())) continue;
      const RowKind k = totalLabelKind(row[c]);
      if (k != RowKind::Project) {
        out[r] = k;
        break;
      }
    }
    if (out[r] != RowKind::Project) continue;
    // A note under the table: one cell of text that starts as notes do, and no project name.
    if (filled <= 2 && (name_col < 0 || name_col >= static_cast<int>(row.size()) || filled == 1)) {
      for (const std::string& cell : row) {
        const std::string k = normalizeKey(cell);
        if (k.empty()) continue;
        for (std::string_view w : {"注:", "注1", "注2", "备注:", "说明:", "填报说明", "填报人", "填报单位", "制表", "审核", "数据来源", "来源:",
                                   "单位:", "note:", "notes:", "source:"})
          if (startsWith(k, w)) out[r] = RowKind::Note;
        break;
      }
    }
  }
  return out;
}

}  // namespace cm
