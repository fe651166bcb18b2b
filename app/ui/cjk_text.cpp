#include "ui/cjk_text.h"

#include <imgui.h>

#include "core/text_wrap.h"

namespace cm {

void textWrappedCjk(std::string_view text, float width) {
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  auto measure = [&](std::string_view s) { return font->CalcTextSizeA(size, FLT_MAX, 0, s.data(), s.data() + s.size()).x; };
  // The lines of one paragraph sit at the font's line height, like ImGui's own wrapped text.
  ImGui::BeginGroup();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {ImGui::GetStyle().ItemSpacing.x, 0});
  for (const std::string& l : wrapLines(text, width, measure)) ImGui::TextUnformatted(l.c_str());
  ImGui::PopStyleVar();
  ImGui::EndGroup();
}

}  // namespace cm
