#include "ui/category_dialog.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/catalog.h"
#include "core/message.h"
#include "ui/dialog_buttons.h"

namespace cm {

namespace {

CategoryChoice choiceOf(const IndustryValue& v) {
  if (v.decided) return *v.decided;
  CategoryChoice c;
  c.ecosystem = v.match.ecosystem;
  if (v.match.chain >= 0) c.chain = std::string(kChains[v.match.chain].id);
  return c;
}

std::string chainLabel(const std::string& id, Lang L) {
  if (id.empty()) return tr(L, S::CatChainGeneral);
  return tr(L, "chain." + id);
}

}  // namespace

std::string industryWhy(const IndustryMatch& m, Lang L) {
  const char* key = "cat.why_none";
  switch (m.method) {
    case IndustryMethod::Exact: key = "cat.why_exact"; break;
    case IndustryMethod::Alias: key = "cat.why_alias"; break;
    case IndustryMethod::Code: key = "cat.why_code"; break;
    case IndustryMethod::Contained: key = "cat.why_contained"; break;
    case IndustryMethod::Similar: key = "cat.why_similar"; break;
    case IndustryMethod::None: break;
  }
  char pct[16];
  std::snprintf(pct, sizeof pct, "%.0f %%", 100 * m.confidence);
  std::string s = render(L, Msg(key).arg("term", m.term).arg("confidence", pct));
  if (m.method != IndustryMethod::None && m.method != IndustryMethod::Similar) s += " (" + std::string(pct) + ")";
  if (!m.code.empty()) s += " · GB/T 4754 " + m.code + (m.code_name.empty() ? "" : " " + m.code_name);
  return s;
}

void CategoryDialog::show(std::shared_ptr<ImportSession> s) {
  session = std::move(s);
  edit.clear();
  for (const IndustryValue& v : session->industries) edit.emplace(v.text, choiceOf(v));
  open = true;
}

FieldMapping CategoryDialog::mapping() const {
  FieldMapping m = session->mapping;
  for (const IndustryValue& v : session->industries) {
    const auto it = edit.find(v.text);
    if (it == edit.end()) continue;
    if (v.needsDecision() || v.decided || !(it->second == choiceOf(v))) m.categories[v.text] = it->second;
  }
  return m;
}

ApplyChoice CategoryDialog::draw(Lang L) {
  if (!open || !session) return ApplyChoice::None;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos({vp->Size.x * 0.5f, vp->Size.y * 0.5f}, ImGuiCond_Appearing, {0.5f, 0.5f});
  int shown_rows = 0;
  for (const IndustryValue& v : session->industries) shown_rows += show_all || v.needsDecision();
  // As tall as its rows need (a few questions make a small window), at most most of the screen.
  const float want_h = em * (9.5f + 2.1f * static_cast<float>(std::max(shown_rows, 2)));
  ImGui::SetNextWindowSize({std::min(vp->Size.x * 0.9f, 64 * em), std::min(vp->Size.y * 0.85f, want_h)}, ImGuiCond_Appearing);
  ImGui::SetNextWindowBgAlpha(1.f);
  bool keep = true;
  ImGui::Begin((std::string(tr(L, S::CatTitle)) + "###categories").c_str(), &keep, ImGuiWindowFlags_NoCollapse);
  long values = 0, rows = 0;
  for (const IndustryValue& v : session->industries)
    if (v.needsDecision()) ++values, rows += v.rows;
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(render(L, Msg("cat.intro").arg("values", std::to_string(values)).arg("rows", std::to_string(rows))).c_str());
  ImGui::PopTextWrapPos();
  ImGui::TextDisabled("%s", session->table.display_source.c_str());
  ImGui::Checkbox(tr(L, S::CatShowAll), &show_all);
  const float buttons_h = ImGui::GetFrameHeightWithSpacing() * 2.2f;
  if (ImGui::BeginTable("##cats", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH,
                        {0, std::max(6 * em, ImGui::GetContentRegionAvail().y - buttons_h)})) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(L, S::CatValue), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(tr(L, S::CatRows), ImGuiTableColumnFlags_WidthFixed, 3.5f * em);
    ImGui::TableSetupColumn(tr(L, S::CatWhy), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(tr(L, S::CatEcosystem), ImGuiTableColumnFlags_WidthFixed, 8.5f * em);
    ImGui::TableSetupColumn(tr(L, S::CatChain), ImGuiTableColumnFlags_WidthFixed, 11.f * em);
    ImGui::TableHeadersRow();
    int id = 0;
    for (const IndustryValue& v : session->industries) {
      if (!show_all && !v.needsDecision()) continue;
      CategoryChoice& c = edit[v.text];
      ImGui::PushID(id++);
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      if (v.needsDecision()) ImGui::TextColored(ImColor(200, 120, 0), "●");
      else ImGui::TextColored(ImColor(0, 140, 80), "●");
      ImGui::SameLine();
      ImGui::TextWrapped("%s", v.text.c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::Text("%ld", v.rows);
      ImGui::TableSetColumnIndex(2);
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", (v.decided ? std::string(tr(L, S::CatDecided)) : industryWhy(v.match, L)).c_str());
      ImGui::PopTextWrapPos();
      ImGui::TableSetColumnIndex(3);
      ImGui::SetNextItemWidth(-1);
      if (ImGui::BeginCombo("##eco", tr(L, "eco." + std::string(info(c.ecosystem).id)))) {
        for (int e = 0; e < kEcosystemCount; ++e) {
          const Ecosystem eco = static_cast<Ecosystem>(e);
          if (ImGui::Selectable(tr(L, "eco." + std::string(kEcosystems[e].id)), c.ecosystem == eco) && c.ecosystem != eco) {
            c.ecosystem = eco;
            c.chain.clear();  // a chain of another ecosystem would contradict it
          }
        }
        ImGui::EndCombo();
      }
      ImGui::TableSetColumnIndex(4);
      ImGui::SetNextItemWidth(-1);
      if (ImGui::BeginCombo("##chain", chainLabel(c.chain, L).c_str())) {
        if (ImGui::Selectable(tr(L, S::CatChainGeneral), c.chain.empty())) c.chain.clear();
        for (const ChainInfo& ch : kChains)
          if (ch.ecosystem == c.ecosystem && ImGui::Selectable(chainLabel(std::string(ch.id), L).c_str(), c.chain == ch.id))
            c.chain = std::string(ch.id);
        ImGui::EndCombo();
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  const ApplyChoice action = drawApplyButtons(L, true, !keep, session->mapping_path);
  ImGui::End();
  if (action != ApplyChoice::None) open = false;
  return action;
}

}  // namespace cm
