// The tour editor in the sidebar: open a tour (or the shipped story, or a new one), its steps
// (click one to fly there), previous/next, autoplay and loop, "add this view as a step", update
// or delete or move a step, edit its captions and speaker notes in both languages, and save —
// atomically (core/tour.h: temporary file, fsync, rename), so the previous version survives any
// interruption. Unsaved edits are marked; on exit the App keeps them beside the tour.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

#include "platform/data_paths.h"
#include "ui/panels.h"
#include "ui/tour_player.h"

namespace cm {

static void saveTo(AppState& st, const std::string& path) {
  auto ok = saveTour(path, st.tour.doc);
  if (!ok) {
    st.errors.push_back(ok.error());
    return;
  }
  st.tour.path = path;
  st.tour.dirty = false;
  st.status = std::string(tr(st.lang, S::TourSaved)) + " " + path;
}

void drawTourPanel(UiContext& ui) {
  AppState& st = ui.st;
  TourState& t = st.tour;
  const Lang L = st.lang;
  const float s = ui.s();
  std::string header = tr(L, S::Tour);
  if (t.dirty) header += std::string(" · ") + tr(L, S::TourUnsaved);
  if (!ImGui::CollapsingHeader((header + "###tour").c_str(), t.open ? ImGuiTreeNodeFlags_DefaultOpen : 0)) return;
  if (!t.open) {
    if (ImGui::SmallButton(tr(L, S::TourStory))) {
      auto w = openTour(st, assetDir() + "/tours/hangzhou_story.json");
      if (!w) st.errors.push_back(w.error());
      else st.warnings.insert(st.warnings.end(), w->begin(), w->end());
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(L, S::TourOpen))) st.requests.browse.push_back("open_tour");
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(L, S::TourNew))) {
      t = TourState{};
      t.open = true;
      t.doc.title = {"新导览", "New tour"};
    }
    return;
  }
  const int n = static_cast<int>(t.doc.steps.size());
  ImGui::TextDisabled("%s", (L == Lang::Zh ? t.doc.title.zh : t.doc.title.en).c_str());
  if (ImGui::SmallButton(tr(L, S::TourPrev))) previousStep(st, ui.model);
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::TourNext))) {
    if (t.step < 0) goToStep(st, ui.model, 0, true);
    else nextStep(st, ui.model);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(t.autoplay ? tr(L, S::TourStop) : tr(L, S::TourAutoplay))) {
    t.autoplay = !t.autoplay;
    t.step_elapsed = 0;
  }
  ImGui::SameLine();
  ImGui::Checkbox(tr(L, S::Loop), &t.loop);
  if (n == 0) ImGui::TextWrapped("%s", tr(L, S::TourNoSteps));
  const float list_h = std::min<float>(n, 6) * ImGui::GetTextLineHeightWithSpacing() + 4 * s;
  if (n > 0 && ImGui::BeginChild("##steps", {0, list_h}, true)) {
    for (int k = 0; k < n; ++k) {
      const TourStep& step = t.doc.steps[k];
      const std::string label = std::to_string(k + 1) + ". " + (L == Lang::Zh ? step.title.zh : step.title.en) + "##step" + std::to_string(k);
      if (ImGui::Selectable(label.c_str(), k == t.step)) goToStep(st, ui.model, k, true);
      if (k == t.step && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();
    }
  }
  if (n > 0) ImGui::EndChild();

  if (ImGui::SmallButton(tr(L, S::TourAddView))) {  // after the current step, captions to fill in
    TourStep step = stepFromState(st, ui.model);
    step.title = {tr(Lang::Zh, S::TourNewStep), tr(Lang::En, S::TourNewStep)};
    step.text = step.title;
    const int at = t.step < 0 ? n : t.step + 1;
    t.doc.steps.insert(t.doc.steps.begin() + at, std::move(step));
    t.step = at;
    t.dirty = true;
  }
  const bool has = t.step >= 0 && t.step < static_cast<int>(t.doc.steps.size());
  if (has) {
    TourStep& step = t.doc.steps[t.step];
    if (ImGui::SmallButton(tr(L, S::TourUpdateView))) {
      TourStep fresh = stepFromState(st, ui.model);
      fresh.title = step.title, fresh.text = step.text, fresh.notes = step.notes, fresh.seconds = step.seconds;
      fresh.play = step.play, fresh.play_seconds = step.play_seconds;
      step = std::move(fresh);
      t.dirty = true;
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(L, S::TourUp)) && t.step > 0) {
      std::swap(t.doc.steps[t.step], t.doc.steps[t.step - 1]);
      --t.step;
      t.dirty = true;
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(L, S::TourDown)) && t.step + 1 < static_cast<int>(t.doc.steps.size())) {
      std::swap(t.doc.steps[t.step], t.doc.steps[t.step + 1]);
      ++t.step;
      t.dirty = true;
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(L, S::TourDelete))) {
      t.doc.steps.erase(t.doc.steps.begin() + t.step);
      t.step = std::min(t.step, static_cast<int>(t.doc.steps.size()) - 1);
      t.dirty = true;
    }
  }
  if (has && t.step < static_cast<int>(t.doc.steps.size())) {  // the captions, both languages
    TourStep& step = t.doc.steps[t.step];
    const float w = ImGui::GetContentRegionAvail().x;
    auto field = [&](Str label, std::string* text, bool multiline) {
      ImGui::TextDisabled("%s", tr(L, label));
      ImGui::PushID(label.key);
      const bool changed = multiline ? ImGui::InputTextMultiline("##f", text, {w, ImGui::GetTextLineHeight() * 3.4f})
                                     : (ImGui::SetNextItemWidth(w), ImGui::InputText("##f", text));
      ImGui::PopID();
      t.dirty |= changed;
    };
    field(S::TourTitleZh, &step.title.zh, false);
    field(S::TourTitleEn, &step.title.en, false);
    field(S::TourTextZh, &step.text.zh, true);
    field(S::TourTextEn, &step.text.en, true);
    if (ImGui::TreeNode((std::string(tr(L, S::TourNotesEn)) + "###tour_notes").c_str())) {
      field(S::TourNotesZh, &step.notes.zh, true);
      field(S::TourNotesEn, &step.notes.en, true);
      ImGui::TreePop();
    }
    float secs = static_cast<float>(step.seconds);
    ImGui::SetNextItemWidth(120 * s);
    if (ImGui::DragFloat(tr(L, S::TourStepSeconds), &secs, 0.5f, 2.f, 120.f, "%.0f s")) {
      step.seconds = secs;
      t.dirty = true;
    }
  }
  if (ImGui::SmallButton(tr(L, S::TourSave))) {
    if (t.path.empty()) st.requests.browse.push_back("save_tour");
    else saveTo(st, t.path);
  }
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::TourSaveAs))) st.requests.browse.push_back("save_tour");
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::TourClose))) {
    if (t.dirty) saveTo(st, unsavedTourPath(t));  // nothing typed is lost
    t = TourState{};
  }
}

void saveTourAs(AppState& st, const std::string& path) { saveTo(st, path); }

std::string unsavedTourPath(const TourState& t) {
  return (t.path.empty() ? std::string("chainmap-tour") : t.path) + ".unsaved.json";
}

}  // namespace cm
