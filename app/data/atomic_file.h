// Every file chainmap writes (mappings, load reports, recent files, captures, state for tests)
// goes through here: written to a temporary file beside the target, flushed to disk, renamed into
// place, and the folder flushed — so the target is always the old complete file or the new one.
#pragma once
#include <string>

#include "core/result.h"

namespace cm {

// Creates the parent folder when needed. Errors name the file and the problem.
Result<bool> writeFileAtomically(const std::string& path, const std::string& bytes);

}  // namespace cm
