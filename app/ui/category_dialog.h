// The category dialog: the distinct industry texts of the open table that the classifier could not
// place for sure (or, ticked, all of them), with their rows, the suggestion and why; a person picks
// the ecosystem and chain from lists, then applies (this time) or saves the answers in the mapping
// beside the table (FILE.chainmap.json "categories") so the next open needs no question.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "core/strings.h"
#include "data/model_loader.h"
#include "ui/dialog_buttons.h"

namespace cm {

struct CategoryDialog {
  bool open = false;
  bool show_all = false;  // every distinct text, not only those that need a decision
  std::shared_ptr<ImportSession> session;
  std::map<std::string, CategoryChoice> edit;  // text → the choice shown (decisions and suggestions)

  void show(std::shared_ptr<ImportSession> s);
  ApplyChoice draw(Lang lang);  // what the user chose this frame
  // The session's mapping with the choices made here (the texts that needed a decision, and any
  // other text whose choice was changed).
  FieldMapping mapping() const;
};

// "similar to 集成电路 (GB/T 3973)", "contains 集成电路", … for one classifier answer.
std::string industryWhy(const IndustryMatch& m, Lang lang);

}  // namespace cm
