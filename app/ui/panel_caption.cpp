// The open tour's caption, in the language on screen: "step k of n", the step's title in the
// title font and its one or two sentences, wrapped to the caption dock's width. In presentation
// the title and text are in the caption fonts (the body 1/40 of the screen's height).
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
  const float width = wrap - ImGui::GetCursorPosX() - ImGui::GetStyle().ItemSpacing.x;  // a hair inside: no horizontal scroll
  // Presentation: the caption's own fonts (legible across the room); else the panels' title font.
  const bool big = ui.layout.present && ui.fonts.caption && ui.fonts.caption_title;
  ImGuiStorage* said = ImGui::GetStateStorage();  // the sizes drawn, for the tests (caption_title_px, caption_body_px)
  ImGui::PushFont(big ? ui.fonts.caption_title : ui.fonts.title);
  said->SetFloat(ImGui::GetID("caption_title_px"), ImGui::GetFontSize());
  textWrappedCjk(stepCaption(zh ? s.title.zh : s.title.en, ui.model, ui.derived.stats(), ui.st.lang), width);  // {count} … filled
  ImGui::PopFont();
  if (big) ImGui::PushFont(ui.fonts.caption);
  said->SetFloat(ImGui::GetID("caption_body_px"), ImGui::GetFontSize());
  textWrappedCjk(stepCaption(zh ? s.text.zh : s.text.en, ui.model, ui.derived.stats(), ui.st.lang), width);
  if (big) ImGui::PopFont();
}

}  // namespace cm
