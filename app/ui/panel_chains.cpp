// The leading chains of the current selection as bars coloured by ecosystem; clicking a bar
// narrows the filter to that chain (clicking it again restores all chains).
#include <imgui.h>

#include <algorithm>
#include <numeric>

#include "ui/panels.h"

namespace cm {

void drawChainsPanel(UiContext& ui) {
  const Lang L = ui.st.lang;
  if (!ImGui::CollapsingHeader((std::string(tr(L, S::TopChains)) + "###top_chains").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
  const auto& by_chain = ui.derived.stats().by_chain;
  std::vector<size_t> order(by_chain.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return by_chain[a].count > by_chain[b].count; });
  const int64_t peak = order.empty() ? 1 : std::max<int64_t>(1, by_chain[order[0]].count);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float s = ui.s(), w = ImGui::GetContentRegionAvail().x, h = ImGui::GetTextLineHeight() + 4 * s;
  Filter& f = ui.st.filter;
  for (size_t k = 0; k < std::min<size_t>(8, order.size()); ++k) {
    const int c = static_cast<int>(order[k]);
    if (by_chain[c].count == 0) break;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(c);
    if (ImGui::InvisibleButton("bar", {w, h})) f.chains = f.chains == IdSet::only(c) ? IdSet::all() : IdSet::only(c);
    ImGui::PopID();
    const uint32_t rgb = info(ecosystemOfChain(ui.model, c)).rgb;
    const float bw = (w - 44 * s) * static_cast<float>(by_chain[c].count) / static_cast<float>(peak);
    dl->AddRectFilled(p, {p.x + bw, p.y + h - 2 * s}, IM_COL32(rgb >> 16, (rgb >> 8) & 255, rgb & 255, 60), 3 * s);
    dl->AddRectFilled(p, {p.x + 4 * s, p.y + h - 2 * s}, IM_COL32(rgb >> 16, (rgb >> 8) & 255, rgb & 255, 255), 2 * s);
    dl->AddText({p.x + 8 * s, p.y + s}, ImGui::GetColorU32(ImGuiCol_Text), chainName(ui.model, L, c).c_str());
    char n[16];
    std::snprintf(n, sizeof n, "%lld", static_cast<long long>(by_chain[c].count));
    dl->AddText({p.x + w - ImGui::CalcTextSize(n).x, p.y + s}, ImGui::GetColorU32(ImGuiCol_Text), n);
  }
}

}  // namespace cm
