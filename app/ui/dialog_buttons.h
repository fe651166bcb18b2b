// The row at the foot of the import dialogs (mapping, categories): Apply, Save & apply, Cancel, and
// where Save writes. One implementation so the dialogs say and do the same.
#pragma once
#include <string>

#include "core/strings.h"

namespace cm {

enum class ApplyChoice { None, Apply, SaveApply, Cancel };

// `can_apply` false greys Apply and Save; `closed` (the window's ×) counts as Cancel.
ApplyChoice drawApplyButtons(Lang lang, bool can_apply, bool closed, const std::string& saved_to);

}  // namespace cm
