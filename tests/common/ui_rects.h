#pragma once
// Window rectangles in the GUI tests (Dear ImGui's ImRect).
#include <imgui.h>
#include <imgui_internal.h>

namespace cm::test {

// Whether two rectangles overlap by more than half a pixel (touching edges do not count).
inline bool overlap(const ImRect& a, const ImRect& b) {
  const float pad = 0.5f;
  return a.Min.x + pad < b.Max.x && b.Min.x + pad < a.Max.x && a.Min.y + pad < b.Max.y && b.Min.y + pad < a.Max.y;
}

}  // namespace cm::test
