// The project table (Ctrl+T, "Project table…"): every filtered project in a sortable, searchable
// table drawn with ImGui's tables and ImGuiListClipper (only the visible rows are built, so 100k
// rows scroll fluidly); a click selects the project and flies the map to it; beside it the
// selected row's every field, the source's own extra columns included. A floating window over the
// map (movable, resizable); its rows are rebuilt only when the model, the filter, the search or
// the sort changes.
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
  void draw(UiContext& ui);

  // The rows shown, in order (for tests): the filter, then the search, then the sort.
  const std::vector<uint32_t>& rows() const { return rows_; }
  static std::vector<uint32_t> select(const Model& m, Lang lang, const Filter& f, const std::string& search, int sort_column,
                                      bool descending);

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
};

}  // namespace cm
