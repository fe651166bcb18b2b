// Line breaking for mixed Chinese and English text (GL-free; the UI measures with its font). ImGui breaks only at ASCII spaces and
// punctuation, so a Chinese sentence breaks at its last ASCII '.' — inside "69.1%". Here a line
// may break at a space or between two CJK characters, never inside a Latin word or a number, never
// before closing punctuation (，。、；：！？）」』”%…) and never after opening punctuation (（「『“),
// as Chinese typesetting does (kinsoku).
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cm {

// `measure(s)` is the width of s; lines are at most `width` wide (a unit wider than that is cut).
std::vector<std::string> wrapLines(std::string_view text, float width, const std::function<float(std::string_view)>& measure);

}  // namespace cm
