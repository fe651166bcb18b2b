#include "ui/mapping_dialog.h"

#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "ui/cjk_text.h"
#include "ui/dialog_buttons.h"

namespace cm {

namespace {

ImU32 confidenceColor(Confidence c) {
  switch (c) {
    case Confidence::High: return IM_COL32(0, 140, 80, 255);
    case Confidence::Medium: return IM_COL32(52, 101, 164, 255);
    case Confidence::Low: return IM_COL32(200, 120, 0, 255);
    case Confidence::None: return IM_COL32(170, 20, 20, 255);
  }
  return IM_COL32(0, 0, 0, 255);
}

const char* unitLabel(MoneyUnit u, Lang L) {
  switch (u) {
    case MoneyUnit::Yi: return "亿元";
    case MoneyUnit::Wan: return "万元";
    case MoneyUnit::Yuan: return "元";
    case MoneyUnit::Usd: return tr(L, S::UnitUsd);
    case MoneyUnit::WanUsd: return tr(L, S::UnitWanUsd);
    case MoneyUnit::YiUsd: return tr(L, "unit.yi_usd");
    case MoneyUnit::Unknown: return tr(L, S::UnitFromValues);
  }
  return "";
}

const char* coordLabel(CoordSystem c, Lang L) {
  switch (c) {
    case CoordSystem::Auto: return tr(L, S::CoordDetect);
    case CoordSystem::Wgs84: return "WGS 84 (GPS)";
    case CoordSystem::Gcj02: return tr(L, S::CoordGcj);
    case CoordSystem::Bd09: return tr(L, S::CoordBd);
    case CoordSystem::Epsg: return tr(L, S::CoordEpsg);
  }
  return "";
}

}  // namespace

void MappingDialog::show(std::shared_ptr<ImportSession> s) {
  session = std::move(s);
  edit = session->mapping;
  std::snprintf(epsg, sizeof epsg, "%s", edit.epsg.empty() ? "EPSG:4549" : edit.epsg.c_str());
  open = true;
}

MappingDialog::Action MappingDialog::draw(Lang L) {
  if (!open || !session) return Action::None;
  const RawTable& t = session->table;
  Action action = Action::None;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->Size.x * 0.5f, vp->Size.y * 0.5f}, ImGuiCond_Appearing, {0.5f, 0.5f});
  ImGui::SetNextWindowSize({std::min(vp->Size.x * 0.8f, 980.f), std::min(vp->Size.y * 0.85f, 760.f)}, ImGuiCond_Appearing);
  bool keep = true;
  ImGui::SetNextWindowBgAlpha(1.f);  // opaque: the map under it would only distract
  ImGui::Begin((std::string(tr(L, S::MappingTitle)) + "###mapping").c_str(), &keep, ImGuiWindowFlags_NoCollapse);
  const bool show_layer = !t.layer.empty() && t.format != "CSV";
  ImGui::TextWrapped("%s  ·  %s%s%s", t.display_source.c_str(), t.format.c_str(), show_layer ? "  ·  " : "",
                     show_layer ? t.layer.c_str() : "");
  if (!t.encoding.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("  %s", t.encoding.c_str());
  }
  if (t.layers.size() > 1 && t.format != "CSV") {  // another sheet or layer of the same source
    ImGui::SameLine(0, 24);
    ImGui::SetNextItemWidth(220);
    if (ImGui::BeginCombo(tr(L, S::Sheet), t.layer.c_str())) {
      for (const std::string& l : t.layers)
        if (ImGui::Selectable(l.c_str(), l == t.layer) && l != t.layer) {
          layer_choice = l;
          action = Action::ChangeLayer;
        }
      ImGui::EndCombo();
    }
  }
  // The first rows, as read.
  const int nc = static_cast<int>(t.columns.size());
  if (nc > 0 && ImGui::BeginTable("##preview", std::min(nc, 64), ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit,
                                  {0, ImGui::GetFrameHeightWithSpacing() * (std::min<float>(6, t.rows.size()) + 1.6f)})) {
    for (int c = 0; c < std::min(nc, 64); ++c) ImGui::TableSetupColumn(t.columns[c].c_str());
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    for (size_t r = 0; r < std::min<size_t>(6, t.rows.size()); ++r) {
      ImGui::TableNextRow();
      for (int c = 0; c < std::min(nc, 64); ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TextUnformatted(t.rows[r][c].c_str());
      }
    }
    ImGui::EndTable();
  }
  ImGui::Separator();
  // One row a field: its name, the column chosen, how sure the guess was and why.
  const bool has_points = t.has_points;
  const auto missing = missingRequired(edit, has_points);
  if (ImGui::BeginTable("##fields", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                        {0, std::max(160.f, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 5.5f)})) {
    ImGui::TableSetupColumn(tr(L, S::MappingField), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr(L, S::MappingColumn), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr(L, S::MappingWhy), ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableHeadersRow();
    for (int f = 0; f < kFieldCount; ++f) {
      const Field field = static_cast<Field>(f);
      if (field == Field::Synthetic) continue;
      FieldChoice& ch = edit.fields[f];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      const bool required = std::find(missing.begin(), missing.end(), field) != missing.end();
      if (required) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 20, 20, 255));
      ImGui::Text("%s%s", tr(L, std::string("field.") + fieldId(field)), required ? " *" : "");
      if (required) ImGui::PopStyleColor();
      ImGui::TableSetColumnIndex(1);
      ImGui::PushID(f);
      ImGui::SetNextItemWidth(-1);
      const char* current = ch.column >= 0 && ch.column < nc ? t.columns[ch.column].c_str() : "—";
      if (ImGui::BeginCombo("##col", current)) {
        if (ImGui::Selectable("—", ch.column < 0)) ch = FieldChoice{};
        for (int c = 0; c < nc; ++c)
          if (ImGui::Selectable(t.columns[c].c_str(), ch.column == c)) {
            ch = {c, Confidence::High, Msg(S::ChosenByHand.key), {}};
            if (field == Field::Investment) edit.investment_unit = unitFromHeader(t.columns[c]);  // "金额（万元）"
            if (field == Field::Fdi) edit.fdi_unit = unitFromHeader(t.columns[c]);
          }
        ImGui::EndCombo();
      }
      ImGui::PopID();
      ImGui::TableSetColumnIndex(2);
      if (ch.column >= 0) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddCircleFilled({p.x + h * 0.4f, p.y + h * 0.5f}, h * 0.28f, confidenceColor(ch.confidence));
        ImGui::Dummy({h * 0.9f, h});
        ImGui::SameLine();
        textWrappedCjk(whyText(ch, L), ImGui::GetContentRegionAvail().x);
      }
    }
    ImGui::EndTable();
  }
  // Unit and coordinates: widths in the font's size (the UI scale), each control on the next line
  // when the row has no room left for it.
  const float em = ImGui::GetFontSize();
  auto sameLineIfRoom = [&](float next_w, float spacing) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(0, spacing);
    if (ImGui::GetCursorScreenPos().x + next_w > right) ImGui::NewLine();
  };
  auto labelled = [&](float w, const char* label) { return w + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x; };
  ImGui::SetNextItemWidth(10 * em);
  if (ImGui::BeginCombo(tr(L, S::MappingUnit), unitLabel(edit.investment_unit, L))) {
    for (MoneyUnit u : {MoneyUnit::Yi, MoneyUnit::Wan, MoneyUnit::Yuan, MoneyUnit::Usd, MoneyUnit::WanUsd, MoneyUnit::YiUsd})
      if (ImGui::Selectable(unitLabel(u, L), edit.investment_unit == u)) edit.investment_unit = u;
    ImGui::EndCombo();
  }
  if (edit.investment_unit == MoneyUnit::Usd || edit.investment_unit == MoneyUnit::WanUsd || edit.investment_unit == MoneyUnit::YiUsd) {
    sameLineIfRoom(labelled(7 * em, "CNY/USD"), -1);
    ImGui::SetNextItemWidth(7 * em);
    float rate = static_cast<float>(edit.cny_per_usd);
    if (ImGui::InputFloat("CNY/USD", &rate, 0, 0, "%.3f") && rate > 0) edit.cny_per_usd = rate;
  }
  sameLineIfRoom(labelled(14 * em, tr(L, S::MappingCoords)), 1.5f * em);
  ImGui::SetNextItemWidth(14 * em);
  if (ImGui::BeginCombo(tr(L, S::MappingCoords), coordLabel(edit.coords, L))) {
    for (CoordSystem c : {CoordSystem::Auto, CoordSystem::Wgs84, CoordSystem::Gcj02, CoordSystem::Bd09, CoordSystem::Epsg})
      if (ImGui::Selectable(coordLabel(c, L), edit.coords == c)) edit.coords = c;
    ImGui::EndCombo();
  }
  if (edit.coords == CoordSystem::Epsg) {
    sameLineIfRoom(7.5f * em, -1);
    ImGui::SetNextItemWidth(7.5f * em);
    ImGui::InputText("##epsg", epsg, sizeof epsg);
    edit.epsg = epsg;
  }
  if (edit.coords != CoordSystem::Auto) {
    sameLineIfRoom(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(tr(L, S::MappingSwap)).x, -1);
    ImGui::Checkbox(tr(L, S::MappingSwap), &edit.swap_lonlat);
  }
  // Chinese sentences wrap as Chinese is typeset (ImGui's own wrap breaks only at spaces, and cut
  // the coordinates' sentence off at the window's edge).
  if (!session->coords.evidence.empty()) textWrappedCjk(render(L, session->coords.evidence), ImGui::GetContentRegionAvail().x);
  if (!missing.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 20, 20, 255));
    textWrappedCjk(tr(L, S::MappingMissing), ImGui::GetContentRegionAvail().x);
    ImGui::PopStyleColor();
  }
  switch (drawApplyButtons(L, missing.empty(), !keep, session->mapping_path)) {
    case ApplyChoice::Apply: action = Action::Apply; break;
    case ApplyChoice::SaveApply: action = Action::SaveApply; break;
    case ApplyChoice::Cancel: action = Action::Cancel; break;
    case ApplyChoice::None: break;
  }
  ImGui::End();
  if (action != Action::None) open = false;
  return action;
}

}  // namespace cm
