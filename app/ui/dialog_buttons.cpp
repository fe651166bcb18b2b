#include "ui/dialog_buttons.h"

#include <imgui.h>

namespace cm {

ApplyChoice drawApplyButtons(Lang L, bool can_apply, bool closed, const std::string& saved_to) {
  ApplyChoice c = ApplyChoice::None;
  ImGui::BeginDisabled(!can_apply);
  if (ImGui::Button(tr(L, S::MappingApply))) c = ApplyChoice::Apply;
  ImGui::SameLine();
  if (ImGui::Button(tr(L, S::MappingSave))) c = ApplyChoice::SaveApply;
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr(L, S::FbCancel)) || closed) c = ApplyChoice::Cancel;
  ImGui::SameLine();
  ImGui::TextDisabled("%s", saved_to.c_str());
  return c;
}

}  // namespace cm
