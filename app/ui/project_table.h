// The project table (Ctrl+T, "Project table…"): every filtered project in a sortable, searchable
// table drawn with ImGui's tables and ImGuiListClipper (only the visible rows are built, so 100k
// rows scroll fluidly); a click selects the project and flies the map to it; beside it the
// selected row's every field, the source's own extra columns included. A floating window over the
// map (movable, resizable); its rows are rebuilt only when the model, the filter, the search or
// the sort changes. Features add columns of their own (ui/feature.h TableColumn).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/filter.h"
#include "core/model.h"
#include "core/strings.h"

namespace cm {

struct UiContext;

struct ProjectTable {
  // `open`: the window shows (its × clears it).
  void draw(UiContext& ui, bool& open);
  // The rows its Export button asked to write (the search and the sort as shown), until taken.
  std::vector<uint32_t> export_rows;

  // The rows shown, in order (for tests): the filter, then the search, then the sort.
  const std::vector<uint32_t>& rows() const { return rows_; }
  // A sort column past the built-in ones sorts by `values` (a feature's column, per model row).
  static std::vector<uint32_t> select(const Model& m, Lang lang, const Filter& f, const std::string& search, int sort_column,
                                      bool descending, const std::vector<float>* values = nullptr);

 private:
  std::string search_;
  std::vector<uint32_t> rows_;
  uint64_t model_rev_ = ~0ull;
  Filter filter_;
  std::string built_search_;
  int sort_column_ = -1;
  bool descending_ = false;
  Lang lang_ = Lang::Zh;
  bool placed_ = false;
  const std::vector<float>* sorted_by_ = nullptr;
};

}  // namespace cm
