#include "data/import/import_projects.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unordered_map>

#include "core/catalog.h"
#include "platform/data_paths.h"
#include "data/import/import_place.h"
#include "data/import/row_kinds.h"
#include "geo/geodesic.h"
#include "platform/files.h"

namespace cm {

std::string reportPathFor(const std::string& source, const std::string& layer) {
  if (!isDatabaseSource(source)) return source + ".chainmap-report.csv";
  std::string safe;
  for (char c : layer.empty() ? std::string("table") : layer) safe.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return (std::filesystem::path(userDataDir()).parent_path() / ("pg_" + safe + ".chainmap-report.csv")).string();
}

namespace {

std::optional<Channel> matchChannel(const std::string& text) {
  const std::string k = normalizeKey(text);
  if (k.empty() || k == "other" || k == "其他") return Channel::Other;
  if (k == "taskforce" || k.find("专班") != std::string::npos || k.find("产业链招商") != std::string::npos) return Channel::TaskForce;
  if (k == "overseasmission" || k.find("出访") != std::string::npos || k.find("海外") != std::string::npos) return Channel::OverseasMission;
  if (k == "soeinvest" || k.find("国资") != std::string::npos || k.find("国企") != std::string::npos) return Channel::SoeInvest;
  return std::nullopt;
}

// What offices write where the amount is not known yet.
bool amountPending(const std::string& text) {
  const std::string k = normalizeKey(text);
  for (std::string_view w : {"", "待定", "未定", "暂无", "暂定", "待核", "待确认", "面议", "不详", "未知", "-", "—", "——", "/", "\\", "tbd", "n/a", "na", "?", "？"})
    if (k == w) return true;
  return false;
}

std::string twoDecimals(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", v);
  return b;
}

// A project row as read, before duplicates are settled.
struct Record {
  size_t r = 0;
  long row = 0;
  std::string id, zh, en;
  float yi = 0;
  bool amount_unknown = false;
  int32_t signed_day = Projects::kNoDay, started = Projects::kNoDay, producing = Projects::kNoDay;
  int stage = kStageSigned;
  CategoryResolver::Answer cat;
  Sector sector = Sector::Unknown;
  bool sector_inferred = false, sector_default = false;  // no sector column said it (default: unknown)
  RowPlace place;
  float fdi = 0;
  ChainRole role = ChainRole::Unknown;
  Channel channel = Channel::Other;
  bool leader = false, synthetic = false;
  std::string foreign;
  bool dropped = false;
};

class Importer {
 public:
  Importer(const RawTable& t, const FieldMapping& m, const std::vector<District>& d, const std::vector<Park>& p, Lang lang)
      : t_(t), m_(m), districts_(d), parks_(p), lang_(lang), kinds_(classifyRows(t, m)), placer_(t, m, kinds_, d, p), cats_(m) {}

  Result<ImportResult> run(const Transform& to_xy);

 private:
  std::string cell(size_t r, Field f) const {
    const int c = m_.column(f);
    return c >= 0 && c < static_cast<int>(t_.rows[r].size()) ? trimCell(t_.rows[r][c]) : std::string();
  }
  std::string header(Field f) const { return m_.column(f) >= 0 ? t_.columns[m_.column(f)] : std::string(fieldLabelZh(f)); }
  bool has(Field f) const { return m_.column(f) >= 0; }
  void reportRowKinds();
  std::optional<Record> read(size_t r);
  void readAmount(size_t r, Record& x);
  void readDates(size_t r, Record& x);
  void readSectorAndStage(size_t r, Record& x);
  void readFdi(size_t r, Record& x);
  void settleDuplicates(std::vector<Record>& recs);
  void decide(const std::vector<Record>& recs);
  void emit(const std::vector<Record>& recs, const Transform& to_xy, ImportResult& out);

  const RawTable& t_;
  const FieldMapping& m_;
  const std::vector<District>& districts_;
  const std::vector<Park>& parks_;
  Lang lang_;
  std::vector<RowKind> kinds_;
  RowPlacer placer_;
  CategoryResolver cats_;
  ImportReport rep_;
  long undated_empty_ = 0, stage_from_status_ = 0;
};

long rowNumber(const RawTable& t, size_t r) { return r < t.row_numbers.size() ? t.row_numbers[r] : static_cast<long>(r + 1); }

void Importer::reportRowKinds() {
  for (size_t r = 0; r < kinds_.size(); ++r) {
    const long row = rowNumber(t_, r);
    std::string label;
    for (const std::string& c : t_.rows[r])
      if (!trimCell(c).empty()) {
        label = trimCell(c);
        break;
      }
    switch (kinds_[r]) {
      case RowKind::Project: break;
      case RowKind::Subtotal:
      case RowKind::Total:
        ++rep_.subtotals;
        rep_.add(Msg("import.subtotal"), Severity::Count, row, label, true);
        break;
      case RowKind::RepeatedHeader: rep_.add(Msg("import.repeated_header"), Severity::Count, row, label, true); break;
      case RowKind::Note: rep_.add(Msg("import.note_row"), Severity::Count, row, label, true); break;
    }
  }
}

void Importer::readAmount(size_t r, Record& x) {
  if (!has(Field::Investment)) {
    x.amount_unknown = true;
    return;
  }
  const std::string text = cell(r, Field::Investment);
  const auto amount = amountPending(text) ? std::nullopt : parseAmount(text);
  if (!amount || amount->value < 0) {
    x.amount_unknown = true;
    const char* key = amountPending(text) ? "import.amount_pending" : amount ? "import.amount_negative" : "import.amount_not_number";
    rep_.add(Msg(key).arg("column", header(Field::Investment)), Severity::Amount, x.row, text);
    return;
  }
  const MoneyUnit unit = amount->unit != MoneyUnit::Unknown ? amount->unit
                         : m_.investment_unit != MoneyUnit::Unknown ? m_.investment_unit : MoneyUnit::Yi;
  x.yi = static_cast<float>(amount->value * yuanPer(unit, m_.cny_per_usd) / 1e8);
  if (amount->value == 0) rep_.add(Msg("import.amount_zero").arg("column", header(Field::Investment)), Severity::Amount, x.row, text);
}

void Importer::readDates(size_t r, Record& x) {
  if (has(Field::SignedDate)) {
    const std::string text = cell(r, Field::SignedDate);
    if (text.empty()) {
      ++undated_empty_;
    } else if (auto d = parseAnyDate(text)) {
      x.signed_day = *d;
    } else {
      rep_.add(Msg("import.date_not_date").arg("column", header(Field::SignedDate)), Severity::Amount, x.row, text);
    }
  }
  auto optionalDate = [&](Field f, int32_t& out) {
    if (const std::string s = cell(r, f); !s.empty()) {
      if (auto d = parseAnyDate(s)) out = *d;
      else rep_.add(Msg("import.other_date_not_date").arg("column", header(f)), Severity::Minor, x.row, s);
    }
  };
  optionalDate(Field::StartedDate, x.started);
  optionalDate(Field::ProducingDate, x.producing);
  if (x.producing != Projects::kNoDay && ((x.signed_day != Projects::kNoDay && x.producing < x.signed_day) ||
                                          (x.started != Projects::kNoDay && x.producing < x.started)))
    rep_.add(Msg("import.producing_early")
                 .arg("column", header(Field::ProducingDate))
                 .arg("other", x.signed_day != Projects::kNoDay && x.producing < x.signed_day ? header(Field::SignedDate) : header(Field::StartedDate)),
             Severity::Minor, x.row, cell(r, Field::ProducingDate));
}

void Importer::readSectorAndStage(size_t r, Record& x) {
  const std::string s = cell(r, Field::Sector);
  if (const auto g = s.empty() ? std::nullopt : matchSector(s)) {
    x.sector = *g == SectorGuess::Service ? Sector::Service : Sector::Manufacturing;
  } else if (x.cat.sector) {
    x.sector = *x.cat.sector;
    x.sector_inferred = true;
  } else {  // not stated, or a value that is neither: its own value, never manufacturing
    x.sector = Sector::Unknown;
    x.sector_default = true;
    if (!s.empty()) rep_.add(Msg("import.sector_unknown").arg("column", header(Field::Sector)), Severity::Minor, x.row, s);
  }
  x.stage = x.producing != Projects::kNoDay ? kStageInOperation : x.started != Projects::kNoDay ? kStageConstructionStarted : kStageSigned;
  if (const std::string st = cell(r, Field::Stage); !st.empty()) {
    if (auto k = matchStage(st)) {
      x.stage = *k;
      if (x.signed_day == Projects::kNoDay && x.started == Projects::kNoDay && x.producing == Projects::kNoDay) ++stage_from_status_;
    } else {
      rep_.add(Msg("import.stage_unknown").arg("column", header(Field::Stage)), Severity::Minor, x.row, st);
    }
  } else if (x.signed_day == Projects::kNoDay && x.started == Projects::kNoDay && x.producing == Projects::kNoDay) {
    x.stage = kStageSigned;  // a signing ledger without dates: signed, as the ledger says
  }
}

void Importer::readFdi(size_t r, Record& x) {
  const std::string s = cell(r, Field::Fdi);
  if (s.empty() || amountPending(s)) return;
  const double rate = m_.cny_per_usd;
  if (auto a = parseAmount(s); a && a->value >= 0) {
    const MoneyUnit u = a->unit != MoneyUnit::Unknown ? a->unit : m_.fdi_unit;
    x.fdi = static_cast<float>(u == MoneyUnit::Unknown ? a->value : a->value * yuanPer(u, rate) / (rate * 1e6));  // million USD
  } else {
    rep_.add(Msg("import.fdi_not_amount").arg("column", header(Field::Fdi)), Severity::Amount, x.row, s);
  }
}

std::optional<Record> Importer::read(size_t r) {
  Record x;
  x.r = r;
  x.row = rowNumber(t_, r);
  auto skip = [&](const Msg& what, const std::string& example) {
    rep_.add(what, Severity::Count, x.row, example, true);
    ++rep_.skipped;
    return std::nullopt;
  };
  x.id = cell(r, Field::Id);
  x.zh = cell(r, Field::NameZh), x.en = cell(r, Field::NameEn);
  if (x.zh.empty() && x.en.empty()) {
    if (x.id.empty()) return skip(Msg("import.no_name"), "");
    x.zh = x.en = x.id;  // an id is a name too (a GIS export's feature code)
  }
  if (!isValidUtf8(x.zh) || !isValidUtf8(x.en) || !isValidUtf8(x.id)) return skip(Msg("import.not_utf8"), "");
  if (x.zh.empty()) x.zh = x.en;
  if (x.en.empty()) x.en = x.zh;
  if (x.id.empty()) x.id = "row-" + std::to_string(x.row);
  readAmount(r, x);
  readDates(r, x);
  x.cat = cats_.resolve(cell(r, Field::Ecosystem), cell(r, Field::Chain), cell(r, Field::Industry));
  if (x.cat.contradiction)
    rep_.add(Msg("import.chain_contradiction").arg("column", header(Field::Ecosystem)), Severity::Minor, x.row,
             cell(r, Field::Ecosystem) + " / " + (cell(r, Field::Chain).empty() ? cell(r, Field::Industry) : cell(r, Field::Chain)));
  readSectorAndStage(r, x);
  readFdi(r, x);
  x.place = placer_.place(r, x.row, x.id, rep_);
  if (!x.place.placed)
    return skip(Msg(x.place.outside_named ? "import.outside_no_point" : "import.no_place"),
                cell(r, Field::District) + cell(r, Field::Park) + cell(r, Field::Address));
  auto role = matchChainRole(cell(r, Field::ChainRole));
  if (!role) rep_.add(Msg("import.role_unknown").arg("column", header(Field::ChainRole)), Severity::Minor, x.row, cell(r, Field::ChainRole));
  x.role = role.value_or(ChainRole::Unknown);
  auto channel = matchChannel(cell(r, Field::Channel));
  if (!channel) rep_.add(Msg("import.channel_unknown").arg("column", header(Field::Channel)), Severity::Minor, x.row, cell(r, Field::Channel));
  x.channel = channel.value_or(Channel::Other);
  x.foreign = cell(r, Field::Foreign);
  x.leader = parseYesNo(cell(r, Field::ChainLeader)).value_or(false);
  x.synthetic = parseYesNo(cell(r, Field::Synthetic)).value_or(false);
  return x;
}

// Repeated rows and re-signings count once; a mistyped id shared by two projects keeps both.
void Importer::settleDuplicates(std::vector<Record>& recs) {
  const int id_col = m_.column(Field::Id);
  auto signature = [&](const Record& x) {  // every cell but the id
    std::string s;
    for (size_t c = 0; c < t_.rows[x.r].size(); ++c)
      if (static_cast<int>(c) != id_col) s += trimCell(t_.rows[x.r][c]) + '\x1f';
    return s;
  };
  auto sameProject = [&](const Record& x) {  // the name, the district and the amount
    return normalizeKey(x.zh) + '\x1f' + std::to_string(x.place.district) + '\x1f' + (x.amount_unknown ? std::string("?") : twoDecimals(x.yi));
  };
  std::unordered_map<std::string, size_t> by_signature, by_project, by_id;
  for (size_t k = 0; k < recs.size(); ++k) {
    Record& x = recs[k];
    const std::string sig = signature(x);
    if (const auto it = by_signature.find(sig); it != by_signature.end()) {  // the same row again
      x.dropped = true;
      ++rep_.merged;
      rep_.add(Msg("import.repeated_row"), Severity::Count, x.row, "= " + std::to_string(recs[it->second].row));
      continue;
    }
    by_signature.emplace(sig, k);
    const std::string proj = sameProject(x);
    if (const auto it = by_project.find(proj); it != by_project.end()) {  // signed again, under a new id
      const Record& first = recs[it->second];  // the first signing is when the project landed
      x.dropped = true;
      ++rep_.merged;
      rep_.add(Msg("import.resigned"), Severity::Count, x.row,
               render(lang_, Msg("import.ex_resigned").arg("name", x.zh).arg("first_id", first.id).arg("first_row", std::to_string(first.row))
                                 .arg("id", x.id).arg("row", std::to_string(x.row))));
      continue;
    }
    by_project.emplace(proj, k);
  }
  // Ids: a second project under an id already taken keeps its row, the id gets a suffix.
  for (size_t k = 0; k < recs.size(); ++k) {
    Record& x = recs[k];
    if (x.dropped) continue;
    auto [it, fresh] = by_id.try_emplace(x.id, k);
    if (fresh) continue;
    const Record& first = recs[it->second];
    std::string id;
    for (int n = 2;; ++n)
      if (!by_id.count(id = x.id + "-" + std::to_string(n))) break;
    rep_.add(Msg("import.dup_id").arg("column", header(Field::Id)), Severity::Count, x.row,
             render(lang_, Msg("import.ex_dup_id").arg("id", x.id).arg("first", first.zh).arg("first_row", std::to_string(first.row))
                               .arg("name", x.zh).arg("new_id", id)));
    x.id = id;
    by_id.emplace(id, k);
  }
}

void Importer::decide(const std::vector<Record>& recs) {
  if (placer_.anyCoordinates()) rep_.decisions.push_back(Msg("import.d_coords").argMsg("evidence", placer_.decision().evidence));
  if (has(Field::Investment))
  {
    const MoneyUnit u = m_.investment_unit == MoneyUnit::Unknown ? MoneyUnit::Yi : m_.investment_unit;
    const bool usd = u == MoneyUnit::Usd || u == MoneyUnit::WanUsd || u == MoneyUnit::YiUsd;
    rep_.decisions.push_back(Msg(usd ? "import.d_unit_usd" : "import.d_unit")
                                 .arg("column", header(Field::Investment))
                                 .argKey("unit", std::string("unit.") + moneyUnitId(u))
                                 .arg("rate", twoDecimals(m_.cny_per_usd))
                                 .argMsg("why", m_.investment_unit_why));
  }
  else
    rep_.decisions.push_back(Msg("import.d_no_amount"));
  if (has(Field::Fdi) && m_.fdi_unit != MoneyUnit::Unknown)
    rep_.decisions.push_back(Msg("import.d_fdi_unit").arg("column", header(Field::Fdi)).argKey("unit", std::string("unit.") + moneyUnitId(m_.fdi_unit)));
  // How the industries were read.
  long kept = 0, classified = 0, undecided = 0, none = 0, inferred = 0, defaulted = 0;
  for (const Record& x : recs) {
    if (x.dropped) continue;
    ++kept;
    inferred += x.sector_inferred;
    defaulted += x.sector_default;
    if (x.cat.classified) ++classified;
    else if (x.cat.undecided) ++undecided;
    else ++none;
  }
  const bool industry_cols = has(Field::Ecosystem) || has(Field::Chain) || has(Field::Industry);
  if (industry_cols) {
    std::string cols;
    for (Field f : {Field::Ecosystem, Field::Chain, Field::Industry})
      if (has(f)) cols += (cols.empty() ? "" : "、") + header(f);
    rep_.decisions.push_back(Msg("import.d_industry").arg("columns", cols).arg("classified", thousands(classified)).arg("rows", thousands(kept)));
  } else {
    rep_.decisions.push_back(Msg("import.d_no_industry"));
  }
  if (!has(Field::Sector) && inferred)
    rep_.decisions.push_back(Msg("import.d_sector_inferred").arg("n", thousands(inferred)).arg("default", thousands(defaulted)));
  else if (!has(Field::Sector))
    rep_.decisions.push_back(Msg("import.d_sector_default"));
  if (!has(Field::SignedDate)) rep_.decisions.push_back(Msg("import.d_no_dates"));
  if (stage_from_status_) rep_.decisions.push_back(Msg("import.d_stage_status").arg("column", header(Field::Stage)).arg("n", thousands(stage_from_status_)));
  // Texts a person must decide: one line each, with the suggestion.
  for (const IndustryValue& v : cats_.values()) {
    if (!v.needsDecision()) continue;
    Msg what(v.match.method == IndustryMethod::None ? "import.industry_unknown" : "import.industry_undecided");
    what.arg("column", header(v.column)).arg("value", v.text).argKey("eco", "eco." + std::string(info(v.match.ecosystem).id));
    if (v.match.chain >= 0) what.argKey("chain", "chain." + std::string(kChains[v.match.chain].id));
    else what.arg("chain", "—");
    for (const Record& x : recs)
      if (!x.dropped && (cell(x.r, v.column) == v.text)) rep_.add(what, Severity::Decide, x.row, "");
  }
  if (undecided) rep_.decisions.push_back(Msg("import.d_undecided").arg("n", thousands(undecided)));
  (void)none;
}

void Importer::emit(const std::vector<Record>& recs, const Transform& to_xy, ImportResult& out) {
  Projects& p = out.projects;
  std::unordered_map<std::string, uint16_t> chain_ids;
  for (const ChainInfo& ch : kChains) {  // known chains keep their index whatever the file holds
    chain_ids.emplace(std::string(ch.id), static_cast<uint16_t>(p.chain_names.size()));
    p.chain_names.emplace_back(ch.id);
  }
  // Columns no field took travel along for export.
  std::vector<bool> used(t_.columns.size(), false);
  for (const FieldChoice& f : m_.fields)
    if (f.column >= 0 && f.column < static_cast<int>(used.size())) used[f.column] = true;
  std::vector<int> extra_cols;
  for (size_t c = 0; c < t_.columns.size(); ++c)
    if (!used[c]) extra_cols.push_back(static_cast<int>(c)), p.extra_names.push_back(t_.columns[c]);
  p.extra.resize(extra_cols.size());
  bool any_unknown = false;
  for (const Record& x : recs) any_unknown |= !x.dropped && x.amount_unknown;
  for (const Record& x : recs) {
    if (x.dropped) continue;
    double px = x.place.lon, py = x.place.lat;
    if (!to_xy.apply(px, py) || !std::isfinite(px) || !std::isfinite(py)) {
      rep_.add(Msg("import.not_transformable"), Severity::Count, x.row, "", true);
      ++rep_.skipped;
      continue;
    }
    const std::string chain = x.cat.chain >= 0 ? std::string(kChains[x.cat.chain].id) : std::string(info(x.cat.ecosystem).id);
    auto [cit, added] = chain_ids.try_emplace(chain, static_cast<uint16_t>(p.chain_names.size()));
    if (added) p.chain_names.push_back(chain);
    p.id.push_back(x.id);
    p.name_zh.push_back(x.zh);
    p.name_en.push_back(x.en);
    p.ecosystem.push_back(x.cat.ecosystem);
    p.chain.push_back(cit->second);
    p.sector.push_back(x.sector);
    p.investment_yi.push_back(x.yi);
    if (any_unknown) p.investment_unknown.push_back(x.amount_unknown ? 1 : 0);
    p.signed_day.push_back(x.signed_day);
    p.started_day.push_back(x.started);
    p.producing_day.push_back(x.producing);
    p.stage.push_back(static_cast<uint8_t>(x.stage));
    const int d = x.place.district;
    p.district_adcode.push_back(d >= 0 ? districts_[d].adcode : 0);
    p.district_index.push_back(static_cast<int16_t>(d));
    const int park = x.place.park;
    p.park_index.push_back(static_cast<int16_t>(park));
    const bool in = park >= 0 && withinGeodesicM(x.place.lon, x.place.lat, parks_[park].lon, parks_[park].lat, parks_[park].radius_km * 1000.0);
    p.in_park.push_back(in ? 1 : 0);
    p.lon.push_back(x.place.lon);
    p.lat.push_back(x.place.lat);
    p.x.push_back(px);
    p.y.push_back(py);
    p.foreign.push_back(x.foreign);
    p.fdi_musd.push_back(x.fdi);
    p.chain_leader.push_back(x.leader ? 1 : 0);
    p.leader_index.push_back(-1);
    p.chain_role.push_back(x.role);
    p.channel.push_back(x.channel);
    p.synthetic.push_back(x.synthetic ? 1 : 0);
    p.approx.push_back(x.place.approx);
    for (size_t k = 0; k < extra_cols.size(); ++k) p.extra[k].push_back(t_.rows[x.r][extra_cols[k]]);
    (x.place.approx ? rep_.approximate : rep_.placed)++;
    rep_.undated += x.signed_day == Projects::kNoDay;
    rep_.unknown_investment += x.amount_unknown;
  }
}

Result<ImportResult> Importer::run(const Transform& to_xy) {
  using R = Result<ImportResult>;
  const std::string& src = t_.display_source;
  if (const auto missing = missingRequired(m_, t_.has_points); !missing.empty()) {
    std::string names;
    for (Field f : missing) names += (names.empty() ? "" : ", ") + fieldLabel(f, lang_);
    return R::fail(fileError(src, render(lang_, Msg("import.e_missing").arg("fields", names).arg("mapping", m_.path.empty() ? mappingPathFor(t_.source, t_.layer) : m_.path))));
  }
  ImportResult out;
  rep_.source = src;
  rep_.layer = t_.layer;
  rep_.format = t_.format;
  rep_.encoding = t_.encoding;
  rep_.truncated = t_.truncated;
  rep_.rows = static_cast<long>(t_.rows.size());
  out.coords = placer_.decision();
  reportRowKinds();
  std::vector<Record> recs;
  recs.reserve(t_.rows.size());
  for (size_t r = 0; r < t_.rows.size(); ++r)
    if (kinds_[r] == RowKind::Project)
      if (auto x = read(r)) recs.push_back(std::move(*x));
  settleDuplicates(recs);
  decide(recs);
  emit(recs, to_xy, out);
  Projects& p = out.projects;
  if (p.size() == 0) {
    const auto lines = rep_.lines(lang_);
    return R::fail(fileError(src, render(lang_, Msg("import.e_nothing").arg("skipped", thousands(rep_.skipped))) +
                                      (lines.empty() ? "" : "; " + lines.front())));
  }
  out.synthetic = std::all_of(p.synthetic.begin(), p.synthetic.end(), [](uint8_t s) { return s != 0; });
  out.industries = cats_.values();
  out.report = std::move(rep_);
  return out;
}

}  // namespace

Result<ImportResult> importProjects(const RawTable& t, const FieldMapping& m, const std::vector<District>& districts,
                                    const std::vector<Park>& parks, const Transform& to_xy, Lang lang) {
  return Importer(t, m, districts, parks, lang).run(to_xy);
}

}  // namespace cm
