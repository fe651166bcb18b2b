// The distinct characters of text columns: what a font atlas needs from a million names is the few
// thousand characters they use, found once when the table is read (and kept in its cache), not
// the names themselves on every start.
#pragma once
#include <initializer_list>
#include <string>

#include "core/string_column.h"

namespace cm {

// Every distinct non-ASCII character of the columns' values, once each, in code point order, as
// UTF-8 (ASCII is in every atlas anyway). Malformed bytes are skipped.
std::string distinctCharacters(std::initializer_list<const StringColumn*> columns);

}  // namespace cm
