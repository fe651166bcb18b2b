// Mixed Chinese/English text wrapped the way Chinese is typeset (core/text_wrap.h), drawn with
// ImGui's current font: captions, speaker notes.
#pragma once
#include <string_view>

namespace cm {

void textWrappedCjk(std::string_view text, float width);

}  // namespace cm
