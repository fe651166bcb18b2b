// Mixed Chinese/English text drawn with ImGui's current font, wrapped the way Chinese is typeset
// (the line breaking itself is core/text_wrap.h): captions, speaker notes, the load report.
#pragma once
#include <string_view>

namespace cm {

void textWrappedCjk(std::string_view text, float width);

}  // namespace cm
