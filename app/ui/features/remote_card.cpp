// A registry left in PostGIS, in the hand: a click on one of the remote layer's rows pins its
// card — the row asked of the database by its id where it is drawn (data/remote_products.h, on
// the worker; "asking the database…" until it is in) — and a click on a bin zooms into it, as
// the in-memory bubbles do. The selection is the feature's setting (core/remote_stats.h's
// RemoteSelection), so Derived hands it to the remote products like any other input.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/analysis/products.h"
#include "core/names.h"
#include "data/remote_products.h"
#include "render/layers/layers.h"
#include "ui/features/features.h"

namespace cm {

namespace {

RemoteSelection& selection(AppState& st) { return st.features.get<RemoteSelection>(ids::kRemote); }

// The card's row as the project card shows one (render/layers/layers.h's ProjectDetails).
ProjectDetails detailsOf(const Model& m, Lang L, const RemoteCard& c) {
  ProjectDetails d;
  d.name = L == Lang::En && !c.name_en.empty() ? c.name_en : c.name_zh;
  d.note = std::string(tr(L, "remote.card_source")) + " · " + c.id;
  d.ecosystem = c.ecosystem;
  const auto& chains = m.projects.chain_names;  // the source's chains (cli/remote.cpp sets them)
  const auto it = std::find(chains.begin(), chains.end(), c.chain);
  d.chain = it != chains.end() ? chainName(m, L, static_cast<int>(it - chains.begin())) : c.chain;
  d.investment_known = c.investment_known;
  d.investment_yi = c.investment_yi;
  d.signed_date = c.signed_date;
  d.district = districtName(m, L, c.district_index);
  ProjectParkStatus park;  // the ledger's park, counted when the point lies in its catchment
  park.declared = c.park_index;
  park.counted = c.in_park ? c.park_index : -1;
  d.park = parkStatusText(m, L, park);
  d.park_counted = park.counted >= 0;
  d.chain_leader = c.chain_leader;
  d.foreign = c.foreign;
  d.fdi_musd = c.fdi_musd;
  return d;
}

void drawRemoteDetails(const Model& m, Lang L, const RemoteProducts::CardResult* r) {
  if (r && r->error.empty() && r->card.found) return drawProjectDetails(L, detailsOf(m, L, r->card));
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
  if (!r) {
    ImGui::TextDisabled("%s", tr(L, "remote.asking"));
  } else if (!r->error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(200, 30, 60, 255));
    ImGui::TextWrapped("%s", r->error.c_str());
    ImGui::PopStyleColor();
  } else {
    ImGui::TextWrapped("%s", tr(L, "remote.card_gone"));
  }
  ImGui::PopTextWrapPos();
}

}  // namespace

UiFeature makeRemoteCardFeature() {
  UiFeature f;
  f.id = ids::kRemote;
  f.settings = [] { return std::make_unique<Settings<RemoteSelection>>(); };
  f.click = [](FeatureContext& c, const MapClick& click) {
    const auto* r = dynamic_cast<const RemoteProducts*>(c.derived.remote());
    if (!r) return false;
    const bool on_layer = click.pick && click.pick.layer->info().id == ids::kRemote;
    if (!on_layer) {  // elsewhere: the card goes (and the click goes on to the map)
      selection(c.st) = {};
      return false;
    }
    const size_t k = static_cast<size_t>(click.pick.item / 2);
    if (click.pick.item % 2) {  // a row: its card
      const auto& rows = r->rows().rows.rows;
      if (k < rows.size()) selection(c.st) = {rows[k].id, rows[k].xy, rows[k].name_zh};
    } else {  // a bin: into it, it splits into its rows
      c.st.view.zoomAt(click.screen, 2.5);
    }
    return true;
  };
  f.display_text = [](const AppState& st) { return st.features.get<RemoteSelection>(ids::kRemote).name; };
  f.escape = [](AppState& st) {
    if (selection(st).id.empty()) return false;
    selection(st) = {};
    return true;
  };
  f.overlay = [](UiContext& ui, ImDrawList*) {
    const auto* r = dynamic_cast<const RemoteProducts*>(ui.derived.remote());
    const RemoteSelection& sel = ui.st.features.get<RemoteSelection>(ids::kRemote);
    if (!r || sel.id.empty() || !ui.st.layers.on(ids::kProjects)) return;
    drawPinnedCard(ui, sel.xy, [&] { drawRemoteDetails(ui.model, ui.st.lang, r->card()); });
  };
  return f;
}

}  // namespace cm
