// Floating windows of the analyses: park conformance (parks, districts, outside projects, with the
// what-if radius per park) and the nearest-neighbour index. Tables are ImGui tables, sortable
// where it helps; a click on a park or a project flies the map there.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/analysis/products.h"
#include "core/names.h"
#include "geo/measure.h"
#include "render/layers/layers.h"
#include "ui/cjk_text.h"
#include "ui/panels.h"
#include "ui/tour_player.h"

namespace cm {

namespace {

void flyToPoint(AppState& st, Vec2 xy, double width) {
  CameraPose to = poseOf(st);
  to.cx = xy.x, to.cy = xy.y;
  to.width = std::min(to.width, width);
  flyTo(st, to);
}

// A window's first size, within the map area (a 1280×720 window's map is narrower than the design).
ImVec2 fitMap(const UiContext& ui, ImVec2 want, float inset) {
  const float w = static_cast<float>(ui.layout.map.x1 - ui.layout.map.x0) - 2 * inset;
  const float h = static_cast<float>(ui.layout.map.y1 - ui.layout.map.y0) - 2 * inset;
  return {std::max(200.f, std::min(want.x, w)), std::max(150.f, std::min(want.y, h))};
}

void disabledWrapped(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
  textWrappedCjk(text, ImGui::GetContentRegionAvail().x);
  ImGui::PopStyleColor();
}

void colored(Ecosystem e, const char* text) {
  const uint32_t rgb = cm::info(e).rgb;
  ImGui::TextColored(ImColor(int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)), "● %s", text);
}

}  // namespace

void drawConformanceWindow(UiContext& ui) {
  AppState& st = ui.st;
  ParkSettings& a = st.features.get<ParkSettings>(ids::kConformance);
  if (!a.window_open || ui.derived.remote()) return;  // remote mode: no rows (the panel says so)
  const Lang L = st.lang;
  const Model& m = ui.model;
  const float s = ui.s();
  const auto* product = ui.derived.product<ConformanceProduct>(ids::kConformance);
  const Conformance* c = product ? product->get() : nullptr;
  const auto* shapes = ui.derived.product<ParkShapesProduct>(ids::kParkShapes);
  ImGui::SetNextWindowSize(fitMap(ui, {760 * s, 420 * s}, 20 * s), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos({static_cast<float>(ui.layout.map.x0) + 20 * s, static_cast<float>(ui.layout.map.y0) + 20 * s},
                          ImGuiCond_FirstUseEver);
  if (!ImGui::Begin((std::string(tr(L, S::ConfTitle)) + "###conformance").c_str(), &a.window_open, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  if (!c) {
    ImGui::TextDisabled("%s", tr(L, S::AnaComputing));
    ImGui::End();
    return;
  }
  char city[256];
  std::snprintf(city, sizeof city, tr(L, S::ConfCity), static_cast<long long>(c->in_parks), static_cast<long long>(c->total),
                100 * c->in_parks_share, 100 * c->match_share);
  textWrappedCjk(city, ImGui::GetContentRegionAvail().x);
  if (ImGui::BeginTabBar("##conf")) {
    if (ImGui::BeginTabItem((std::string(tr(L, S::ConfParks)) + "###parks").c_str())) {
      disabledWrapped(tr(L, S::ConfWhatIfNote));
      // ScrollX: the fixed columns scroll sideways in a narrow window rather than being cut off.
      const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_Sortable |
                                    ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
      if (ImGui::BeginTable("##parks", 9, flags)) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn(tr(L, S::ParkL), ImGuiTableColumnFlags_WidthFixed, 230 * s);
        ImGui::TableSetupColumn(tr(L, S::ConfMain), 0, 100 * s);
        ImGui::TableSetupColumn(tr(L, S::ProjectsL), ImGuiTableColumnFlags_PreferSortDescending, 60 * s);
        ImGui::TableSetupColumn(tr(L, S::ColInvest), ImGuiTableColumnFlags_PreferSortDescending, 80 * s);
        ImGui::TableSetupColumn(tr(L, S::ConfMatch), ImGuiTableColumnFlags_DefaultSort, 60 * s);
        ImGui::TableSetupColumn("HHI", 0, 50 * s);
        ImGui::TableSetupColumn(tr(L, S::ConfTopLq), 0, 130 * s);
        ImGui::TableSetupColumn(tr(L, S::ConfMismatched), ImGuiTableColumnFlags_PreferSortDescending, 70 * s);
        ImGui::TableSetupColumn(tr(L, S::ConfRadius), ImGuiTableColumnFlags_NoSort, 140 * s);
        ImGui::TableHeadersRow();
        // The count column's header says "projects".
        std::vector<int> order(c->parks.size());
        for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
        if (ImGuiTableSortSpecs* spec = ImGui::TableGetSortSpecs(); spec && spec->SpecsCount > 0) {
          const int col = spec->Specs[0].ColumnIndex;
          const bool desc = spec->Specs[0].SortDirection == ImGuiSortDirection_Descending;
          auto key = [&](int k) -> double {
            const ParkFigures& f = c->parks[k];
            switch (col) {
              case 2: return static_cast<double>(f.count);
              case 3: return f.investment_yi;
              case 4: return f.match_share;
              case 5: return f.hhi;
              case 7: return static_cast<double>(f.mismatched.size());
              default: return k;
            }
          };
          std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return desc ? key(x) > key(y) : key(x) < key(y); });
        }
        for (int k : order) {
          const ParkFigures& f = c->parks[k];
          const Park& park = m.parks[k];
          ImGui::TableNextRow();
          ImGui::PushID(k);
          ImGui::TableSetColumnIndex(0);
          if (ImGui::Selectable(parkName(m, L, k).c_str(), false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
            flyToPoint(st, park.xy, 15000);
          ImGui::TableSetColumnIndex(1);
          colored(park.main_ecosystem, ecosystemName(L, park.main_ecosystem));
          ImGui::TableSetColumnIndex(2);
          ImGui::Text("%lld", static_cast<long long>(f.count));
          ImGui::TableSetColumnIndex(3);
          ImGui::TextUnformatted(formatYiNumber(f.investment_yi, L).c_str());
          ImGui::TableSetColumnIndex(4);
          if (f.count) ImGui::TextColored(f.match_share < 0.5 ? ImColor(190, 40, 40) : ImColor(40, 60, 90), "%.0f%%", 100 * f.match_share);
          ImGui::TableSetColumnIndex(5);
          if (f.count) ImGui::Text("%.2f", f.hhi);
          ImGui::TableSetColumnIndex(6);
          int best = -1;
          for (int e = 0; e < kEcosystemCount; ++e)
            if (f.lq[e] > 0 && (best < 0 || f.lq[e] > f.lq[best])) best = e;
          if (best >= 0) {
            char t[64];
            std::snprintf(t, sizeof t, "%s %.2f", ecosystemName(L, static_cast<Ecosystem>(best)), f.lq[best]);
            colored(static_cast<Ecosystem>(best), t);
          }
          ImGui::TableSetColumnIndex(7);
          ImGui::Text("%zu", f.mismatched.size());
          if (ImGui::IsItemHovered() && !f.mismatched.empty()) {  // which ones
            ImGui::BeginTooltip();
            for (size_t q = 0; q < std::min<size_t>(12, f.mismatched.size()); ++q) {
              const uint32_t r = f.mismatched[q];
              colored(m.projects.ecosystem[r], (L == Lang::Zh ? m.projects.name_zh[r] : m.projects.name_en[r]).c_str());
            }
            if (f.mismatched.size() > 12) ImGui::TextDisabled("… %zu", f.mismatched.size() - 12);
            ImGui::EndTooltip();
          }
          ImGui::TableSetColumnIndex(8);
          const bool polygon = shapes && k < static_cast<int>(shapes->shapes().polygons.size()) && !shapes->shapes().polygons[k].empty();
          if (polygon) {
            ImGui::TextDisabled("%s", tr(L, S::ConfPolygon));
          } else {
            if (a.radius_km.size() < m.parks.size()) a.radius_km.resize(m.parks.size(), 0.0);
            float r = static_cast<float>(a.radius_km[k] > 0 ? a.radius_km[k] : park.radius_km);
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (ImGui::SliderFloat("##r", &r, 0.5f, 15.f, "%.1f")) {
              a.radius_km[k] = std::abs(r - park.radius_km) < 1e-3 ? 0.0 : r;
            }
          }
          ImGui::PopID();
        }
        ImGui::EndTable();
      }
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem((std::string(tr(L, S::ConfDistricts)) + "###districts").c_str())) {
      if (ImGui::BeginTable("##districts", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn(tr(L, S::ColDistrict));
        ImGui::TableSetupColumn(tr(L, S::ProjectsL));
        ImGui::TableSetupColumn(tr(L, S::ConfInParks));
        ImGui::TableSetupColumn(tr(L, S::ConfMatch));
        ImGui::TableSetupColumn(tr(L, S::ConfPerKm2));
        ImGui::TableHeadersRow();
        for (const AreaFigures& d : c->districts) {
          ImGui::TableNextRow();
          ImGui::TableSetColumnIndex(0);
          ImGui::TextUnformatted(districtName(m, L, d.district).c_str());
          ImGui::TableSetColumnIndex(1);
          ImGui::Text("%lld", static_cast<long long>(d.count));
          ImGui::TableSetColumnIndex(2);
          if (d.count) ImGui::Text("%.0f%%", 100.0 * d.in_parks / d.count);
          ImGui::TableSetColumnIndex(3);
          if (d.in_parks) ImGui::Text("%.0f%%", 100 * d.match_share);
          ImGui::TableSetColumnIndex(4);
          ImGui::TextUnformatted(formatYiPerKm2Number(d.per_km2_investment, L).c_str());
        }
        ImGui::EndTable();
      }
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem((std::string(tr(L, S::ConfOutside)) + "###outside").c_str())) {
      if (ImGui::BeginTable("##outside", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn(tr(L, S::ColName));
        ImGui::TableSetupColumn(tr(L, S::ColEcosystem));
        ImGui::TableSetupColumn(tr(L, S::NearestPark));
        ImGui::TableSetupColumn(tr(L, S::SuggestedPark));
        ImGui::TableHeadersRow();
        ImGuiListClipper clip;
        clip.Begin(static_cast<int>(c->outside.size()));
        while (clip.Step())
          for (int q = clip.DisplayStart; q < clip.DisplayEnd; ++q) {
            const OutsideProject& o = c->outside[q];
            const uint32_t r = o.row;
            ImGui::TableNextRow();
            ImGui::PushID(q);
            ImGui::TableSetColumnIndex(0);
            if (ImGui::Selectable((L == Lang::Zh ? m.projects.name_zh[r] : m.projects.name_en[r]).c_str(), st.selected == static_cast<int>(r),
                                  ImGuiSelectableFlags_SpanAllColumns)) {
              st.selected = static_cast<int>(r);
              st.layers.set(ids::kOutside, true);
              flyToPoint(st, {m.projects.x[r], m.projects.y[r]}, 30000);
            }
            ImGui::TableSetColumnIndex(1);
            colored(m.projects.ecosystem[r], ecosystemName(L, m.projects.ecosystem[r]));
            ImGui::TableSetColumnIndex(2);
            // The distance first: a long park name wraps in its column, the distance is never cut off.
            if (o.nearest_park >= 0) textWrappedCjk(formatDistance(o.nearest_m) + " · " + parkName(m, L, o.nearest_park), ImGui::GetContentRegionAvail().x);
            ImGui::TableSetColumnIndex(3);
            if (o.suggested_park >= 0)
              textWrappedCjk(formatDistance(o.suggested_m) + " · " + parkName(m, L, o.suggested_park), ImGui::GetContentRegionAvail().x);
            ImGui::PopID();
          }
        ImGui::EndTable();
      }
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

void drawNniWindow(UiContext& ui) {
  AppState& st = ui.st;
  NniSettings& nni = st.features.get<NniSettings>(ids::kNni);
  if (!nni.window_open || ui.derived.remote()) return;
  const Lang L = st.lang;
  const float s = ui.s();
  ImGui::SetNextWindowSize(fitMap(ui, {720 * s, 360 * s}, 40 * s), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos({static_cast<float>(ui.layout.map.x0) + 40 * s, static_cast<float>(ui.layout.map.y0) + 60 * s},
                          ImGuiCond_FirstUseEver);
  if (!ImGui::Begin((std::string(tr(L, S::NniTitle)) + "###nni").c_str(), &nni.window_open, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  const auto* product = ui.derived.product<NniProduct>(ids::kNni);
  const NniResult* r = product ? product->get() : nullptr;
  disabledWrapped(tr(L, S::NniNote));
  if (!r) {
    ImGui::TextDisabled("%s", tr(L, S::AnaComputing));
  } else if (ImGui::BeginTable("##nni", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn(tr(L, S::NniGroup), 0, 130 * s);
    ImGui::TableSetupColumn("n", 0, 50 * s);
    ImGui::TableSetupColumn(tr(L, S::NniObserved), 0, 110 * s);
    ImGui::TableSetupColumn(tr(L, S::NniExpected), 0, 90 * s);
    ImGui::TableSetupColumn("R", 0, 50 * s);
    ImGui::TableSetupColumn("z", 0, 60 * s);
    ImGui::TableHeadersRow();
    for (const NniGroup& g : r->groups) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      if (g.all) ImGui::TextUnformatted(tr(L, S::NniAll));
      else colored(g.ecosystem, ecosystemName(L, g.ecosystem));
      ImGui::TableSetColumnIndex(1);
      ImGui::Text("%lld", static_cast<long long>(g.n));
      if (!std::isnan(g.R)) {
        ImGui::TableSetColumnIndex(2);
        ImGui::TextUnformatted(formatDistance(g.observed_mean_m).c_str());
        ImGui::TableSetColumnIndex(3);
        ImGui::TextUnformatted(formatDistance(g.expected_mean_m).c_str());
        ImGui::TableSetColumnIndex(4);
        ImGui::Text("%.2f", g.R);
        ImGui::TableSetColumnIndex(5);
        ImGui::Text("%.1f", g.z);
      }
    }
    ImGui::EndTable();
    // The sentences below the table, each wrapped to the window (in a column of their own they
    // were cut off at its edge).
    ImGui::Spacing();
    for (const NniGroup& g : r->groups) {
      if (!g.all) {
        const uint32_t rgb = cm::info(g.ecosystem).rgb;
        ImGui::TextColored(ImColor(int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)), "●");
        ImGui::SameLine();
      }
      textWrappedCjk(L == Lang::Zh ? g.sentence_zh : g.sentence_en, ImGui::GetContentRegionAvail().x);
    }
  }
  ImGui::End();
}

}  // namespace cm
