// The mapping dialog: the table's first rows, and for every project field the column chosen
// (with how sure the guess is and why), the investment's unit, the coordinate system with the
// detection's evidence; the user changes any of it, then applies it, or saves it beside the
// table (FILE.chainmap.json) and applies it. Panel-local state lives in this struct.
#pragma once
#include <memory>
#include <string>

#include "core/strings.h"
#include "data/model_loader.h"

namespace cm {

struct MappingDialog {
  bool open = false;
  std::shared_ptr<ImportSession> session;
  FieldMapping edit;       // what the user is editing (starts as the session's mapping)
  char epsg[32] = {};      // text field for CoordSystem::Epsg

  std::string layer_choice;  // Action::ChangeLayer: the sheet or layer to read instead

  enum class Action { None, Apply, SaveApply, Cancel, ChangeLayer };
  void show(std::shared_ptr<ImportSession> s);
  // Draws the window when open; the action the user took this frame.
  Action draw(Lang lang);
};

}  // namespace cm
