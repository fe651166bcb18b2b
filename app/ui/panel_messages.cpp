// Load errors and warnings are state: drawn every frame until dismissed. The panel never covers
// the map (the map must still show what was read) nor another panel: drawDocks (ui/frame.cpp)
// docks it at the foot of the side column, the side panel ending above it, or — where there is no
// side panel (presentation, the compact rail) — in the right column between the top window and
// the legend, which gets the room left. Its title bar collapses it to one line.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <vector>

#include "data/model_loader.h"
#include "render/layers/layers.h"
#include "ui/cjk_text.h"
#include "ui/panels.h"

namespace cm {

bool hasMessages(const AppState& st) { return !st.errors.empty() || !st.warnings.empty() || st.import != nullptr; }

namespace {
// The import's report in the window's language: summary, decisions, problems (most harmful first).
std::vector<std::string> importLines(const AppState& st) {
  std::vector<std::string> out;
  if (!st.import) return out;
  const ImportReport& r = st.import->report;
  out.push_back(r.summary(st.lang));
  for (const std::string& d : r.decisionLines(st.lang)) out.push_back(d);
  for (const std::string& l : r.lines(st.lang)) out.push_back(l);
  if (!st.import->report_path.empty()) out.push_back(render(st.lang, Msg("import.report_csv").arg("path", st.import->report_path)));
  return out;
}
}  // namespace

LabelBox drawMessagesPanel(UiContext& ui, float x, float y, float pivot_y, float w, float max_h) {
  AppState& st = ui.st;
  if (!hasMessages(st)) return {0, 0, 0, 0};
  ImGui::SetNextWindowPos({x, y}, ImGuiCond_Always, {0, pivot_y});
  ImGui::SetNextWindowSizeConstraints({w, 0}, {w, std::max(max_h, ImGui::GetFrameHeight())});
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(255, 244, 240, 250));
  // Only notes (what a load decided, rows it patched): a load report; anything that failed: problems.
  const std::vector<std::string> import_lines = importLines(st);
  const std::string title = std::string(tr(st.lang, st.errors.empty() ? S::LoadReport : S::Errors)) + " (" +
                            std::to_string(st.errors.size() + st.warnings.size() + import_lines.size()) + ")###messages";
  // In the narrow right-column slot every line counts: the title bar's × dismisses it there.
  bool keep = true;
  const bool narrow = ui.layout.present || ui.layout.compact;
  const bool open = ImGui::Begin(title.c_str(), narrow ? &keep : nullptr,
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                     ImGuiWindowFlags_NoFocusOnAppearing);
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  if (open) {
    if (!narrow && ImGui::Button(tr(st.lang, S::Dismiss))) keep = false;
    if (st.import && st.import->undecidedRows() > 0) {  // industries below confidence: the category dialog
      if (!narrow) ImGui::SameLine();
      if (ImGui::Button(tr(st.lang, S::CatDecide))) st.requests.edit_categories = true;
    }
    for (const std::string& e : st.errors) {
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 20, 20, 255));
      textWrappedCjk(e, ImGui::GetContentRegionAvail().x);
      ImGui::PopStyleColor();
    }
    std::vector<const std::string*> lines;
    for (const std::string& l : import_lines) lines.push_back(&l);
    for (const std::string& w : st.warnings) lines.push_back(&w);
    const size_t shown = std::min<size_t>(lines.size(), 8);
    // Wrapped the way Chinese is typeset: never "4" alone above "行：…".
    for (size_t i = 0; i < shown; ++i) textWrappedCjk(*lines[i], ImGui::GetContentRegionAvail().x);
    if (lines.size() > shown) ImGui::TextDisabled("… +%zu", lines.size() - shown);
  }
  ImGui::End();
  ImGui::PopStyleColor();
  if (!keep) {  // dismissed: gone from the next frame on
    st.errors.clear();
    st.warnings.clear();
    st.import.reset();
  }
  return {pos.x, pos.y, pos.x + size.x, pos.y + size.y};
}

// The selected project's details, pinned 22 px right of and above it — or left of it when the
// map area has no room on the right (the card never covers the docked panels there). Where a
// floating window (the project table, an analysis window) covers that spot, the card moves to the
// nearest place in the map area no window covers (a project chosen in the table must not get its
// card hidden under the table); where no place is free, it is drawn above them.
void drawProjectCard(UiContext& ui, int i) {
  const Projects& p = ui.model.projects;
  if (i < 0 || i >= static_cast<int>(p.size())) return;
  drawPinnedCard(ui, {p.x[i], p.y[i]}, [&] { drawProjectDetails(ui.model, ui.st.lang, i, &ui.derived); });
}

void drawPinnedCard(UiContext& ui, Vec2 world, const std::function<void()>& body) {
  const Vec2 s = ui.st.view.toScreen(world);
  const layout::Rect& a = ui.layout.map;
  const float gap = 22 * ui.s();
  ImVec2 size{330 * ui.s(), 240 * ui.s()};  // the card's size last frame, once it has one
  ImGuiWindow* self = ImGui::FindWindowByName("##project_card");
  if (self && self->Size.x > 1 && self->Size.y > 1) size = self->Size;
  const bool left = s.x + gap + size.x > a.x1 && s.x - gap - size.x >= a.x0;
  const float x0 = static_cast<float>(a.x0), y0 = static_cast<float>(a.y0);
  const float x1 = std::max(x0, static_cast<float>(a.x1) - size.x), y1 = std::max(y0, static_cast<float>(a.y1) - size.y);
  ImVec2 pos{static_cast<float>(s.x) + (left ? -gap - size.x : gap), std::clamp(static_cast<float>(s.y) - gap, y0, y1)};
  // The windows it must not hide under: every shown top-level window but itself.
  std::vector<ImRect> covers;
  for (ImGuiWindow* w : GImGui->Windows)
    if (w != self && w->WasActive && !w->Hidden && !(w->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup)))
      covers.push_back(w->Rect());
  auto uncovered = [&](ImVec2 q) {
    const ImRect r(q, {q.x + size.x, q.y + size.y});
    return std::none_of(covers.begin(), covers.end(), [&](const ImRect& c) { return c.Overlaps(r); });
  };
  bool placed = uncovered(pos);
  if (!placed) {  // the nearest free place in the map area, on a grid
    const float step = 12 * ui.s();
    float best = FLT_MAX;
    for (float y = y0; y <= y1; y += step)
      for (float x = x0; x <= x1; x += step) {
        const float d = (x - pos.x) * (x - pos.x) + (y - pos.y) * (y - pos.y);
        if (d < best && uncovered({x, y})) best = d, pos = {x, y}, placed = true;
      }
  }
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.97f);
  ImGui::Begin("##project_card", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
  if (!placed) ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());  // nowhere free: above them
  body();
  ImGui::End();
}

}  // namespace cm
