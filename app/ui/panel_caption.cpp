// The open tour's caption, in the language on screen: "step k of n", the step's title in the
// title font and its one or two sentences, wrapped to the caption dock's width.
#include <imgui.h>

#include "ui/cjk_text.h"
#include "ui/panels.h"
#include "ui/tour_player.h"

namespace cm {

void drawCaptionPanel(UiContext& ui) {
  const TourState& t = ui.st.tour;
  if (!t.open || t.step < 0 || t.step >= static_cast<int>(t.doc.steps.size())) return;
  const TourStep& s = t.doc.steps[t.step];
  const bool zh = ui.st.lang == Lang::Zh;
  // Wrap at the dock's width (an auto-sized window would otherwise wrap at its first frame's width).
  const float wrap = ImGui::GetCursorPosX() + ui.layout.caption_w - 2 * ImGui::GetStyle().WindowPadding.x;
  ImGui::TextDisabled("%s  ·  %d / %d", (zh ? t.doc.title.zh : t.doc.title.en).c_str(), t.step + 1,
                      static_cast<int>(t.doc.steps.size()));
  const float width = wrap - ImGui::GetCursorPosX();
  ImGui::PushFont(ui.fonts.title);
  textWrappedCjk(stepCaption(zh ? s.title.zh : s.title.en, ui.model, ui.derived.stats(), ui.st.lang), width);  // {count} … filled
  ImGui::PopFont();
  textWrappedCjk(stepCaption(zh ? s.text.zh : s.text.en, ui.model, ui.derived.stats(), ui.st.lang), width);
}

}  // namespace cm
