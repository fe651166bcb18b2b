#include "ui/project_table.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/catalog.h"
#include "core/dates.h"
#include "core/names.h"
#include "ui/feature.h"
#include "ui/panels.h"
#include "ui/tour_player.h"
#include "render/layers/layers.h"

namespace cm {

namespace {

enum Column { kId, kName, kEcosystem, kChain, kInvest, kSigned, kDistrict, kPark, kStage, kForeign, kColumns };
const Str kHeads[kColumns] = {S::ColId,     S::ColName,     S::ColEcosystem, S::ColChain, S::ColInvest,
                              S::ColSigned, S::ColDistrict, S::ColPark,      S::ColStage, S::ColForeign};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string stageName(Lang L, int stage) {
  return stage >= 0 && stage < kStageCount ? std::string(L == Lang::Zh ? kStages[stage].zh : kStages[stage].en) : "—";
}

}  // namespace

std::vector<uint32_t> ProjectTable::select(const Model& m, Lang L, const Filter& f, const std::string& search, int col, bool desc,
                                           const std::vector<float>* values) {
  const Projects& p = m.projects;
  std::vector<uint32_t> rows;
  rows.reserve(p.size());
  const std::string needle = lower(search);
  // Names of chains, districts and parks once, not once a row.
  std::vector<std::string> chains(p.chain_names.size()), districts(m.districts.size()), parks(m.parks.size());
  if (!needle.empty()) {
    for (size_t c = 0; c < chains.size(); ++c) chains[c] = lower(chainName(m, L, static_cast<int>(c)) + " " + p.chain_names[c]);
    for (size_t d = 0; d < districts.size(); ++d) districts[d] = lower(m.districts[d].name_zh + " " + m.districts[d].name_en);
    for (size_t k = 0; k < parks.size(); ++k) parks[k] = lower(m.parks[k].name_zh + " " + m.parks[k].name_en);
  }
  for (uint32_t i = 0; i < p.size(); ++i) {
    if (!passes(p, i, f)) continue;
    if (!needle.empty()) {
      auto has = [&](std::string_view s) { return lower(std::string(s)).find(needle) != std::string::npos; };
      const bool hit = has(p.id[i]) || has(p.name_zh[i]) || has(p.name_en[i]) ||
                       (p.chain[i] < chains.size() && chains[p.chain[i]].find(needle) != std::string::npos) ||
                       (p.district_index[i] >= 0 && districts[p.district_index[i]].find(needle) != std::string::npos) ||
                       (p.park_index[i] >= 0 && parks[p.park_index[i]].find(needle) != std::string::npos) ||
                       (i < p.foreign.size() && has(p.foreign[i]));
      if (!hit) continue;
    }
    rows.push_back(i);
  }
  if (col < 0) return rows;
  if (col >= kColumns) {  // a feature's column: by its numbers, the empty ones last either way
    auto v = [&](uint32_t r) { return values && r < values->size() ? (*values)[r] : NAN; };
    std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
      const float x = v(a), y = v(b);
      if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
      return desc ? y < x : x < y;
    });
    return rows;
  }
  auto key = [&](uint32_t a, uint32_t b) -> bool {
    switch (col) {
      case kId: return p.id[a] < p.id[b];
      case kName: return (L == Lang::Zh ? p.name_zh[a] < p.name_zh[b] : p.name_en[a] < p.name_en[b]);
      case kEcosystem: return p.ecosystem[a] < p.ecosystem[b];
      case kChain: return p.chain[a] < p.chain[b];
      case kInvest: return p.investment_yi[a] < p.investment_yi[b];
      case kSigned: return p.signed_day[a] < p.signed_day[b];
      case kDistrict: return p.district_index[a] < p.district_index[b];
      case kPark: return p.park_index[a] < p.park_index[b];
      case kStage: return p.stage[a] < p.stage[b];
      case kForeign: return p.foreign[a] < p.foreign[b];
      default: return a < b;
    }
  };
  std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) { return desc ? key(b, a) : key(a, b); });
  return rows;
}

void ProjectTable::draw(UiContext& ui, bool& table_open) {
  AppState& st = ui.st;
  if (!table_open) return;
  const Lang L = st.lang;
  const Model& m = ui.model;
  const Projects& p = m.projects;
  const float s = ui.s();
  const layout::Rect& a = ui.layout.map;
  if (ui.derived.remote()) {  // remote mode: no rows in the model to list
    ImGui::SetNextWindowPos({static_cast<float>(a.x0) + 20 * s, static_cast<float>(a.y1) - 120 * s}, ImGuiCond_Appearing);
    if (ImGui::Begin((std::string(tr(L, S::ProjectTable)) + "###project_table").c_str(), &table_open, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) ImGui::TextUnformatted(tr(L, S::RemoteNoRows));
    ImGui::End();
    return;
  }
  if (!placed_) {  // first time: over the lower part of the map area
    const float h = static_cast<float>(a.y1 - a.y0) * 0.45f;
    ImGui::SetNextWindowPos({static_cast<float>(a.x0), static_cast<float>(a.y1) - h});
    ImGui::SetNextWindowSize({static_cast<float>(a.x1 - a.x0), h});
    placed_ = true;
  }
  bool open = true;
  ImGui::SetNextWindowSizeConstraints({360 * s, 160 * s}, {FLT_MAX, FLT_MAX});
  if (!ImGui::Begin((std::string(tr(L, S::ProjectTable)) + "###project_table").c_str(), &open, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    table_open = open;
    return;
  }
  table_open = open;
  ImGui::SetNextItemWidth(std::min(420 * s, ImGui::GetContentRegionAvail().x * 0.6f));
  ImGui::InputTextWithHint("##search", tr(L, S::TableSearch), &search_);
  ImGui::SameLine();
  ImGui::TextDisabled("%zu %s", rows_.size(), tr(L, S::TableRows));
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(L, S::TableExport))) {  // the search and the sort as shown
    export_rows = rows_;
    st.requests.browse.push_back("export_rows");
  }

  // The features' own columns, after the built-in ones.
  struct Extra {
    const TableColumn* column;
    std::shared_ptr<const std::vector<float>> values;
  };
  std::vector<Extra> extras;
  if (ui.features)
    for (const UiFeature& f : *ui.features)
      for (const TableColumn& c : f.table_columns) extras.push_back({&c, c.values ? c.values(ui) : nullptr});
  auto cell = [](const Extra& e, uint32_t row, char* buf, size_t n) {
    const float v = e.values && row < e.values->size() ? (*e.values)[row] : NAN;
    if (std::isnan(v)) return false;
    std::snprintf(buf, n, e.column->format, v * e.column->scale);
    return true;
  };

  const float details_w = std::min(340 * s, ImGui::GetContentRegionAvail().x * 0.35f);
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingFixedFit;
  const ImVec2 table_size{ImGui::GetContentRegionAvail().x - details_w - ImGui::GetStyle().ItemSpacing.x, ImGui::GetContentRegionAvail().y};
  if (ImGui::BeginTable("##projects", kColumns + static_cast<int>(extras.size()), flags, table_size)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    // Widths in design pixels (× the UI scale); the name gets the room a long Chinese name needs.
    const float widths[kColumns] = {96, 260, 110, 120, 96, 96, 80, 200, 90, 90};
    for (int c = 0; c < kColumns; ++c) {
      ImGuiTableColumnFlags cf = ImGuiTableColumnFlags_WidthFixed;
      if (c == kInvest) cf |= ImGuiTableColumnFlags_PreferSortDescending;
      ImGui::TableSetupColumn(tr(L, kHeads[c]), cf, widths[c] * s, c);
    }
    for (size_t e = 0; e < extras.size(); ++e)
      ImGui::TableSetupColumn(tr(L, extras[e].column->head), ImGuiTableColumnFlags_WidthFixed, extras[e].column->width * s,
                              kColumns + static_cast<int>(e));
    ImGui::TableHeadersRow();
    int col = sort_column_;
    bool desc = descending_;
    if (ImGuiTableSortSpecs* spec = ImGui::TableGetSortSpecs(); spec && spec->SpecsCount > 0) {
      col = spec->Specs[0].ColumnUserID;
      desc = spec->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    const std::vector<float>* sort_values =
        col >= kColumns && static_cast<size_t>(col - kColumns) < extras.size() ? extras[static_cast<size_t>(col - kColumns)].values.get() : nullptr;
    if (ui.frame.model_rev != model_rev_ || st.filter != filter_ || search_ != built_search_ || col != sort_column_ ||
        desc != descending_ || L != lang_ || sort_values != sorted_by_) {
      rows_ = select(m, L, st.filter, search_, col, desc, sort_values);
      model_rev_ = ui.frame.model_rev, filter_ = st.filter, built_search_ = search_, sort_column_ = col, descending_ = desc, lang_ = L;
      sorted_by_ = sort_values;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows_.size()));
    while (clipper.Step())
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const uint32_t i = rows_[r];
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(kId);
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(p.id[i].c_str(), st.selected == static_cast<int>(i), ImGuiSelectableFlags_SpanAllColumns)) {
          st.selected = static_cast<int>(i);
          CameraPose to = poseOf(st);
          to.cx = p.x[i], to.cy = p.y[i];
          to.width = std::min(to.width, 20000.0);  // close enough to see its neighbours
          flyTo(st, to);
        }
        ImGui::PopID();
        ImGui::TableSetColumnIndex(kName);
        ImGui::TextUnformatted((L == Lang::Zh ? p.name_zh[i] : p.name_en[i]).c_str());
        ImGui::TableSetColumnIndex(kEcosystem);
        const uint32_t rgb = cm::info(p.ecosystem[i]).rgb;
        ImGui::TextColored(ImColor(int(rgb >> 16), int((rgb >> 8) & 255), int(rgb & 255)), "● %s", ecosystemName(L, p.ecosystem[i]));
        ImGui::TableSetColumnIndex(kChain);
        ImGui::TextUnformatted(chainName(m, L, p.chain[i]).c_str());
        ImGui::TableSetColumnIndex(kInvest);
        if (p.investmentKnown(i)) ImGui::Text("%9.2f", yiShown(p.investment_yi[i], L));
        else ImGui::TextDisabled("%9s", "?");
        ImGui::TableSetColumnIndex(kSigned);
        if (p.dated(i)) ImGui::TextUnformatted(formatDate(p.signed_day[i]).c_str());
        else ImGui::TextDisabled("%s", tr(L, S::UndatedShort));
        ImGui::TableSetColumnIndex(kDistrict);
        ImGui::TextUnformatted(districtName(m, L, p.district_index[i]).c_str());
        ImGui::TableSetColumnIndex(kPark);
        ImGui::TextUnformatted(p.park_index[i] >= 0 ? parkName(m, L, p.park_index[i]).c_str() : "—");
        ImGui::TableSetColumnIndex(kStage);
        ImGui::TextUnformatted(stageName(L, p.stage[i]).c_str());
        ImGui::TableSetColumnIndex(kForeign);
        ImGui::TextUnformatted(p.foreign[i].empty() ? "" : p.foreign[i].c_str());
        for (size_t e = 0; e < extras.size(); ++e) {
          ImGui::TableSetColumnIndex(kColumns + static_cast<int>(e));
          char buf[48];
          if (cell(extras[e], i, buf, sizeof buf)) ImGui::TextUnformatted(buf);
        }
      }
    ImGui::EndTable();
  }
  ImGui::SameLine();
  ImGui::BeginChild("##details", {0, 0}, true);
  const int i = st.selected;
  if (i < 0 || i >= static_cast<int>(p.size())) {
    ImGui::TextWrapped("%s", tr(L, S::TableNoSelection));
  } else {
    ImGui::TextDisabled("%s", tr(L, S::TableDetails));
    drawProjectDetails(m, L, i, &ui.derived);
    ImGui::Separator();
    if (ImGui::BeginTable("##fields", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
      auto row = [](std::string_view k, std::string_view v) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextDisabled("%.*s", static_cast<int>(k.size()), k.data());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextWrapped("%.*s", static_cast<int>(v.size()), v.data());
      };
      char buf[64];
      row("id", p.id[i]);
      row("name_zh", p.name_zh[i]);
      row("name_en", p.name_en[i]);
      row("ecosystem", std::string(kEcosystems[static_cast<int>(p.ecosystem[i])].id));
      row("chain", p.chain[i] < p.chain_names.size() ? std::string_view(p.chain_names[p.chain[i]]) : "");
      row("sector", p.sector[i] == Sector::Unknown ? tr(L, S::SectorUnknown) : sectorId(p.sector[i]));
      std::snprintf(buf, sizeof buf, "%.4g", p.investment_yi[i]);
      row("investment_yi", p.investmentKnown(i) ? std::string(buf) : std::string("?"));
      row("signed_date", p.dated(i) ? formatDate(p.signed_day[i]) : std::string());
      row("started_date", i < static_cast<int>(p.started_day.size()) && p.started_day[i] != Projects::kNoDay ? formatDate(p.started_day[i]) : "");
      row("producing_date",
          i < static_cast<int>(p.producing_day.size()) && p.producing_day[i] != Projects::kNoDay ? formatDate(p.producing_day[i]) : "");
      row("stage", p.stage[i] < kStageCount ? std::string_view(kStages[p.stage[i]].id) : "");
      row("district", std::to_string(p.district_adcode[i]));
      row("park_id", p.park_index[i] >= 0 ? std::string_view(m.parks[p.park_index[i]].id) : "");
      std::snprintf(buf, sizeof buf, "%.6f, %.6f", p.lon[i], p.lat[i]);
      row("lon, lat", buf);
      row("foreign", p.foreign[i]);
      std::snprintf(buf, sizeof buf, "%.1f", p.fdi_musd[i]);
      row("fdi_musd", buf);
      row("chain_leader", p.chain_leader[i] ? "1" : "0");
      row("leader_id", p.leader_index[i] >= 0 ? p.id[p.leader_index[i]] : StrRef(""));
      for (size_t c = 0; c < p.extra_names.size(); ++c)  // the source's own columns
        row(p.extra_names[c], c < p.extra.size() && static_cast<size_t>(i) < p.extra[c].size() ? p.extra[c][i] : StrRef(""));
      for (const Extra& e : extras)  // the features' columns
        row(e.column->id, cell(e, static_cast<uint32_t>(i), buf, sizeof buf) ? std::string(buf) : std::string());
      ImGui::EndTable();
    }
  }
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace cm
