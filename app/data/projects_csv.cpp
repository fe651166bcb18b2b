// The canonical projects CSV, parsed in parallel. Three steps:
//  1. the mapped file is cut into row-aligned chunks (data/csv_chunks.h) and every chunk is parsed
//     on a worker into its own columns: fields as views into the file, numbers with from_chars,
//     dates directly, chains interned per chunk, district lookups on the worker's own polygons;
//     a bad row leaves only its row number, its id and the problem;
//  2. each chunk's points go through PROJ in one batch;
//  3. one pass in file order numbers the rows, drops duplicate ids (the first one wins, as before),
//     writes the warnings, interns the chains globally, and the columns are gathered one by one
//     (each chunk's part freed as soon as it is copied, so memory stays near one model).
#include "data/projects_csv.h"

#include <algorithm>
#include <charconv>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <cstring>
#include <functional>
#include <memory>
#include <thread>
#include <unordered_map>

#include "core/catalog.h"
#include "core/dates.h"
#include "data/csv_chunks.h"
#include "data/csv_parse.h"
#include "data/import/values.h"
#include "geo/geodesic.h"
#include "geo/geos_ops.h"
#include "platform/trace.h"

namespace cm {
namespace {

constexpr size_t kMaxWarnings = 50;

struct Columns {
  int id, name_zh, name_en, ecosystem, chain, sector, investment, signed_date, started_date, producing_date, stage,
      district, park_id, lon, lat, foreign, fdi, chain_leader, leader_id, channel, synthetic, chain_role;
};

std::string_view trimView(std::string_view s) {
  size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r' || s[a] == '\n')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r' || s[b - 1] == '\n')) --b;
  return s.substr(a, b - a);
}

// from_chars first (no locale, no copy); anything it does not take whole goes to the strict
// strtod-based parser, so what is accepted stays exactly as before ("+1.5", hex, ...).
std::optional<double> number(std::string_view s) {
  double v = 0;
  if (!s.empty()) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(v)) return v;
  }
  return parseNumber(std::string(s));
}
std::optional<long long> integer(std::string_view s) {
  long long v = 0;
  if (!s.empty()) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return v;
  }
  return parseInt(std::string(s));
}

std::optional<Channel> channelFromId(std::string_view s) {
  if (s == "task_force") return Channel::TaskForce;
  if (s == "overseas_mission") return Channel::OverseasMission;
  if (s == "soe_invest") return Channel::SoeInvest;
  if (s == "other" || s.empty()) return Channel::Other;
  return std::nullopt;
}
std::optional<ChainRole> chainRole(std::string_view s) {
  if (s.empty()) return ChainRole::Unknown;
  if (s == "upstream") return ChainRole::Upstream;
  if (s == "midstream") return ChainRole::Midstream;
  if (s == "downstream") return ChainRole::Downstream;
  return matchChainRole(s);
}

bool flag(std::string_view s) { return s == "1" || s == "true" || s == "yes"; }

struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using ChainMap = std::unordered_map<std::string, uint16_t, ViewHash, std::equal_to<>>;

// What the parse of one chunk leaves: the columns of its good rows (chain = index into
// chain_names of this chunk; x/y filled by the batch transform) and its bad rows.
struct Chunk {
  Projects p;
  StringColumn leader;              // leader_id of each good row
  std::vector<uint32_t> good_row;   // chunk-local row number of each good row
  std::vector<uint8_t> xy_ok;       // the batch transform succeeded
  bool transformed = false;         // the batch ran (on the chunk's worker)
  std::vector<uint64_t> id_hash;    // idHash of each good row's id (made on the worker)
  std::vector<std::pair<uint32_t, std::string>> notes;  // (good row, note), in order
  struct Bad {
    uint32_t row;
    std::string id, problem;
    double lon = 0, lat = 0;
    bool check_xy = false;  // failed after the transform check: the transform error wins if any
  };
  std::vector<Bad> bad;
  ChainMap chain_ids;
  std::vector<std::string> chain_names;
  uint32_t rows = 0;
};

struct Context {
  const Columns& c;
  const std::vector<District>& districts;
  const std::vector<Park>& parks;
  const std::unordered_map<std::string, int, ViewHash, std::equal_to<>>& park_ids;
};

// Parses one row into the chunk; "" or the reason it is skipped. Checks in the order (and with
// the texts) the loader has always used.
std::string parseRow(const std::vector<std::string_view>& f, const Context& x, const PolygonSet* district_polys, bool utf8_checked,
                     Chunk& k, bool& check_xy, double& lon_out, double& lat_out) {
  const Columns& c = x.c;
  auto get = [&](int col) -> std::string_view { return col >= 0 ? trimView(f[col]) : std::string_view(); };
  auto s = [](std::string_view v) { return std::string(v); };
  if (!utf8_checked)
    for (std::string_view v : f)
      if (!isValidUtf8(v)) return "text is not valid UTF-8 (save the file as UTF-8)";
  const std::string_view id = get(c.id);
  if (id.empty()) return "empty id";
  const std::string_view zh = get(c.name_zh), en = get(c.name_en);
  if (zh.empty() && en.empty()) return "no name (name_zh and name_en are both empty)";
  const auto eco = ecosystemFromId(get(c.ecosystem));
  if (!eco) return "unknown ecosystem '" + s(get(c.ecosystem)) + "' (expected iot, bio, equip, mat, energy or other)";
  const std::string_view sector_s = get(c.sector);
  if (!sector_s.empty() && sector_s != "manufacturing" && sector_s != "service")  // empty: not stated (Sector::Unknown)
    return "unknown sector '" + s(sector_s) + "' (expected manufacturing, service or empty)";
  // An empty investment is an unknown amount (an export writes it so); an empty date, undated.
  const bool inv_unknown = get(c.investment).empty();
  const auto inv = inv_unknown ? std::optional<double>(0.0) : number(get(c.investment));
  if (!inv || *inv < 0) return "investment_yi '" + s(get(c.investment)) + "' is not a non-negative number";
  const auto signed_day = get(c.signed_date).empty() ? std::optional<int32_t>(Projects::kNoDay) : parseDate(get(c.signed_date));
  if (!signed_day) return "signed_date '" + s(get(c.signed_date)) + "' is not a date (YYYY-MM-DD)";
  int32_t started = Projects::kNoDay;
  if (!get(c.started_date).empty()) {
    const auto d = parseDate(get(c.started_date));
    if (!d) return "started_date '" + s(get(c.started_date)) + "' is not a date (YYYY-MM-DD)";
    started = *d;
  }
  int32_t producing = Projects::kNoDay;
  if (!get(c.producing_date).empty()) {
    const auto d = parseDate(get(c.producing_date));
    if (!d) return "producing_date '" + s(get(c.producing_date)) + "' is not a date (YYYY-MM-DD)";
    producing = *d;
  }
  const auto lon = number(get(c.lon)), lat = number(get(c.lat));
  if (!lon || *lon < -180 || *lon > 180) return "lon '" + s(get(c.lon)) + "' is not a longitude in degrees";
  if (!lat || *lat < -90 || *lat > 90) return "lat '" + s(get(c.lat)) + "' is not a latitude in degrees";
  // The transform to the display CRS runs later for the whole chunk (see Chunk::xy_ok).
  double fdi = 0;
  if (!get(c.fdi).empty()) {
    const auto v = number(get(c.fdi));
    if (!v || *v < 0) {
      check_xy = true, lon_out = *lon, lat_out = *lat;
      return "fdi_musd '" + s(get(c.fdi)) + "' is not a non-negative number";
    }
    fdi = *v;
  }

  // Patched values: the row stays, with a note.
  const uint32_t good = static_cast<uint32_t>(k.good_row.size());
  auto note = [&](std::string n) { k.notes.emplace_back(good, std::move(n)); };
  int adcode = 0, district_index = -1;
  if (!get(c.district).empty()) {
    const auto a = integer(get(c.district));
    if (a) adcode = static_cast<int>(*a);
    auto it = std::lower_bound(x.districts.begin(), x.districts.end(), adcode,
                               [](const District& d, int v) { return d.adcode < v; });
    if (it != x.districts.end() && it->adcode == adcode) district_index = static_cast<int>(it - x.districts.begin());
    else if (!x.districts.empty()) note("unknown district '" + s(get(c.district)) + "'");  // none loaded: loadModel says so once
  } else if (district_polys) {
    district_index = district_polys->indexAt(*lon, *lat);
    if (district_index >= 0) adcode = x.districts[district_index].adcode;
  }
  int park = -1;
  if (!get(c.park_id).empty()) {
    auto it = x.park_ids.find(get(c.park_id));
    if (it != x.park_ids.end()) park = it->second;
    else if (!x.parks.empty()) note("unknown park_id '" + s(get(c.park_id)) + "'");  // none loaded: said once
  }
  if (producing != Projects::kNoDay && ((*signed_day != Projects::kNoDay && producing < *signed_day) ||
                                        (started != Projects::kNoDay && producing < started)))
    note("producing_date " + s(get(c.producing_date)) + " is before the " + (*signed_day != Projects::kNoDay && producing < *signed_day ? "signing" : "start") + " date (kept)");
  int stage = producing != Projects::kNoDay ? kStageInOperation
              : started != Projects::kNoDay ? kStageConstructionStarted : kStageSigned;
  if (!get(c.stage).empty()) {
    if (auto st = stageFromId(get(c.stage))) stage = *st;
    else if (auto n = integer(get(c.stage)); n && *n >= 0 && *n < kStageCount) stage = static_cast<int>(*n);
    else note("unknown stage '" + s(get(c.stage)) + "', taken from the dates");
  }
  auto role = chainRole(get(c.chain_role));
  if (!role) {
    note("unknown chain_role '" + s(get(c.chain_role)) + "' (expected upstream, midstream, downstream or empty), read as unknown");
    role = ChainRole::Unknown;
  }
  auto channel = channelFromId(get(c.channel));
  if (!channel) {
    note("unknown channel '" + s(get(c.channel)) + "', read as other");
    channel = Channel::Other;
  }
  std::string_view chain = get(c.chain);
  if (chain.empty()) chain = info(*eco).id;  // one catch-all chain per ecosystem
  auto cit = k.chain_ids.find(chain);
  if (cit == k.chain_ids.end()) {
    cit = k.chain_ids.emplace(std::string(chain), static_cast<uint16_t>(k.chain_names.size())).first;
    k.chain_names.emplace_back(chain);
  }

  Projects& p = k.p;
  p.id.push_back(id);
  p.name_zh.push_back(zh);
  p.name_en.push_back(en);
  p.ecosystem.push_back(*eco);
  p.chain.push_back(cit->second);
  p.sector.push_back(sector_s == "service" ? Sector::Service : sector_s == "manufacturing" ? Sector::Manufacturing : Sector::Unknown);
  p.investment_yi.push_back(static_cast<float>(*inv));
  p.investment_unknown.push_back(inv_unknown ? 1 : 0);
  p.signed_day.push_back(*signed_day);
  p.started_day.push_back(started);
  p.producing_day.push_back(producing);
  p.stage.push_back(static_cast<uint8_t>(stage));
  p.district_adcode.push_back(adcode);
  p.district_index.push_back(static_cast<int16_t>(district_index));
  p.park_index.push_back(static_cast<int16_t>(park));
  const bool in = park >= 0 && withinGeodesicM(*lon, *lat, x.parks[park].lon, x.parks[park].lat, x.parks[park].radius_km * 1000.0);
  p.in_park.push_back(in ? 1 : 0);
  p.lon.push_back(*lon);
  p.lat.push_back(*lat);
  p.foreign.push_back(get(c.foreign));
  p.fdi_musd.push_back(static_cast<float>(fdi));
  p.chain_leader.push_back(flag(get(c.chain_leader)) ? 1 : 0);
  p.chain_role.push_back(*role);
  k.leader.push_back(get(c.leader_id));
  p.channel.push_back(*channel);
  p.synthetic.push_back(flag(get(c.synthetic)) ? 1 : 0);
  return "";
}

void reserveRows(Chunk& k, size_t n) {
  Projects& p = k.p;
  p.ecosystem.reserve(n), p.chain.reserve(n), p.sector.reserve(n), p.investment_yi.reserve(n), p.signed_day.reserve(n);
  p.investment_unknown.reserve(n);
  p.started_day.reserve(n), p.producing_day.reserve(n), p.stage.reserve(n), p.district_adcode.reserve(n);
  p.district_index.reserve(n), p.park_index.reserve(n), p.in_park.reserve(n), p.lon.reserve(n), p.lat.reserve(n);
  p.fdi_musd.reserve(n), p.chain_leader.reserve(n), p.chain_role.reserve(n), p.channel.reserve(n), p.synthetic.reserve(n);
  k.good_row.reserve(n);
}

// The hash the merge's id table uses (computed on the workers).
uint64_t idHash(std::string_view id) { return std::hash<std::string_view>{}(id); }

void parseChunk(const char* begin, const char* end, size_t columns, const Context& x, bool need_polys, Chunk& k) {
  // GEOS prepared geometries build their index lazily: one set per chunk keeps the threads apart.
  std::unique_ptr<PolygonSet> polys;
  if (need_polys) {
    std::vector<const MultiPolygon*> mp;
    for (const District& d : x.districts) mp.push_back(&d.ll);
    polys = std::make_unique<PolygonSet>(mp);
  }
  // Columns sized once (an upper bound on the rows: the line breaks), not grown by doubling.
  size_t lines = 1;
  for (const char* q = begin; (q = static_cast<const char*>(std::memchr(q, '\n', static_cast<size_t>(end - q)))); ++q) ++lines;
  reserveRows(k, lines);
  // One pass over the chunk's bytes instead of one call a field: when the whole is valid UTF-8 so
  // is every field (the separators are ASCII); otherwise each row's fields are checked.
  const bool utf8 = isValidUtf8(std::string_view(begin, static_cast<size_t>(end - begin)));
  CsvTokenizer t(begin, end);
  std::vector<std::string_view> f;
  uint32_t row = 0;
  while (t.next(f)) {
    ++row;
    f.resize(columns);  // missing values are "", extra ones are not columns
    bool check_xy = false;
    double lon = 0, lat = 0;
    std::string problem = parseRow(f, x, polys.get(), utf8, k, check_xy, lon, lat);
    if (problem.empty()) {
      k.good_row.push_back(row);
    } else {
      // The id decides duplicates before anything else is looked at.
      k.bad.push_back({row, x.c.id >= 0 ? std::string(trimView(f[x.c.id])) : std::string(), std::move(problem), lon, lat, check_xy});
    }
  }
  k.rows = row;
  k.id_hash.resize(k.p.id.size());
  for (size_t i = 0; i < k.id_hash.size(); ++i) k.id_hash[i] = idHash(k.p.id[i]);
  for (StringColumn* s : {&k.p.id, &k.p.name_zh, &k.p.name_en, &k.p.foreign, &k.leader}) s->shrink_to_fit();
}

// Ids of the rows kept so far → their final row: open addressing over views into the chunks. A
// slot holds the row and 32 bits of the id's hash, so a probe reads an id only when those match.
class IdTable {
 public:
  explicit IdTable(size_t n) {
    size_t cap = 16;
    while (cap < n * 2) cap <<= 1;
    slots_.assign(cap, 0);
    ids_.reserve(n);
  }
  // Where an id is, or where it would go.
  struct Probe {
    int64_t row = -1;  // its final row, or -1
    size_t slot = 0;   // the empty slot it would take
    uint64_t tag = 0;
  };
  Probe probe(std::string_view id) const { return probe(id, hash(id)); }
  Probe probe(std::string_view id, uint64_t h) const {
    Probe p;
    p.tag = h >> 32 << 32;
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const uint64_t s = slots_[i];
      if (s == 0) {
        p.slot = i;
        return p;
      }
      if ((s >> 32 << 32) == p.tag && ids_[(s & 0xFFFFFFFFu) - 1] == id) {
        p.row = static_cast<int64_t>(s & 0xFFFFFFFFu) - 1;
        return p;
      }
    }
  }
  // Final row of `id`, or -1.
  int64_t find(std::string_view id) const { return probe(id).row; }
  // Asks for the slot a probe of this hash starts at (the table is far larger than the caches).
  void prefetch(uint64_t h) const { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }
  static uint64_t hash(std::string_view s) { return idHash(s); }
  // The next final row, at the slot `p` (a probe of `id` that found nothing, nothing inserted since).
  void insert(std::string_view id, const Probe& p) {
    ids_.push_back(id);
    if (ids_.size() * 2 > slots_.size()) {
      grow();
      return;
    }
    slots_[p.slot] = p.tag | ids_.size();
  }

 private:
  void place(uint32_t s) {  // row s - 1
    const uint64_t h = hash(ids_[s - 1]);
    size_t i = h & (slots_.size() - 1);
    while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = (h >> 32 << 32) | s;
  }
  void grow() {
    slots_.assign(slots_.size() * 2, 0);
    for (uint32_t s = 1; s <= ids_.size(); ++s) place(s);
  }
  std::vector<uint64_t> slots_;
  std::vector<std::string_view> ids_;
};

// Hands freed memory back to the system: the chunks were allocated in the workers' malloc arenas,
// which the main thread's allocations do not reuse, so without this a load would peak at twice
// the model.
void releaseFreed() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

// Whether a chunk keeps every good row (then its part is copied whole).
bool allKept(const std::vector<uint8_t>& keep) {
  return std::all_of(keep.begin(), keep.end(), [](uint8_t k) { return k != 0; });
}

// Moves the kept good rows of every chunk into `dst`, one column at a time, freeing each chunk's
// part as soon as it is copied.
template <class T>
void gather(Column<T>& dst, std::vector<Chunk>& chunks, Column<T> Projects::*col,
            const std::vector<std::vector<uint8_t>>& keep, size_t kept) {
  dst.clear();
  dst.reserve(kept);
  for (size_t c = 0; c < chunks.size(); ++c) {
    Column<T>& src = chunks[c].p.*col;
    if (allKept(keep[c])) {
      dst.insert(dst.end(), src.begin(), src.end());
    } else {
      for (size_t i = 0; i < src.size(); ++i)
        if (keep[c][i]) dst.push_back(src[i]);
    }
    Column<T>().swap(src);
  }
  releaseFreed();
}
template <class F>
void gatherStrings(StringColumn& dst, std::vector<Chunk>& chunks, F col, const std::vector<std::vector<uint8_t>>& keep, size_t kept) {
  size_t bytes = 0;
  for (Chunk& k : chunks) bytes += col(k).chars().size();
  dst.clear();
  dst.reserve(kept, bytes);
  for (size_t c = 0; c < chunks.size(); ++c) {
    StringColumn& src = col(chunks[c]);
    if (allKept(keep[c])) {
      dst.append(src);
    } else {
      for (size_t i = 0; i < src.size(); ++i)
        if (keep[c][i]) dst.push_back(src[i]);
    }
    src = StringColumn();
  }
  releaseFreed();
}

// The columns by name (any case), the required ones checked.
Result<Columns> findColumns(const CsvHeader& header, const std::string& path) {
  using R = Result<Columns>;
  auto col = [&](const char* name) {
    const std::string n = name;
    for (size_t i = 0; i < header.columns.size(); ++i) {
      const std::string& h = header.columns[i];
      if (h.size() == n.size() && std::equal(h.begin(), h.end(), n.begin(), [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
        return static_cast<int>(i);
    }
    return -1;
  };
  if (header.columns.empty()) return R::fail(fileError(path, "not a readable CSV file"));
  const char* kExpected = " (required: id, name_zh or name_en, ecosystem, investment_yi, signed_date, lon, lat)";
  for (const char* req : {"id", "ecosystem", "investment_yi", "signed_date", "lon", "lat"})
    if (col(req) < 0) return R::fail(fileError(path, std::string("missing required column '") + req + "'" + kExpected));
  if (col("name_zh") < 0 && col("name_en") < 0)
    return R::fail(fileError(path, std::string("missing required column 'name_zh' or 'name_en'") + kExpected));
  return Columns{col("id"), col("name_zh"), col("name_en"), col("ecosystem"), col("chain"), col("sector"),
                 col("investment_yi"), col("signed_date"), col("started_date"), col("producing_date"), col("stage"), col("district"),
                 col("park_id"), col("lon"), col("lat"), col("foreign"), col("fdi_musd"), col("chain_leader"),
                 col("leader_id"), col("channel"), col("synthetic"), col("chain_role")};
}

// Steps 1 and 2: the data rows cut into chunks, each parsed on a worker and its points put through
// PROJ there in one batch. False when cancelled.
bool parseChunks(const MappedFile& file, const CsvHeader& header, const Context& ctx, const Transform& to_xy,
                 const CsvLoadOptions& opt, std::vector<Chunk>& chunks) {
  const bool need_polys = ctx.c.district < 0 && !ctx.districts.empty();
  const unsigned threads = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
  // Chunks small enough that every thread gets a few (a 5 MB file on 2 cores: 4 of 1.2 MB), at most
  // chunk_bytes so that the pages of a large file are handed back as the parse goes.
  const size_t data_bytes = file.size() - header.data_begin;
  const size_t chunk = std::min(opt.chunk_bytes, std::max<size_t>(size_t{256} << 10, data_bytes / (size_t{2} * threads) + 1));
  const auto ranges = splitCsvRows(file, header.data_begin, chunk, threads);
  chunks.clear();
  chunks.resize(ranges.size());
  std::atomic<size_t> bytes_done{0};
  const size_t total_bytes = std::max<size_t>(1, data_bytes);
  std::atomic<bool> cancelled{false};
  trace("csv: rows split");
  parallelFor(ranges.size(), threads, [&](size_t i) {
    if (cancelled || (opt.control && opt.control->cancel)) {
      cancelled = true;
      return;
    }
    const auto [a, b] = ranges[i];
    parseChunk(file.data() + a, file.data() + b, header.columns.size(), ctx, need_polys, chunks[i]);
    file.release(a, b);
    Projects& p = chunks[i].p;  // the transform's input, in place
    p.x = p.lon;
    p.y = p.lat;
    chunks[i].xy_ok.resize(p.x.size());
    if (const Transform* t = to_xy.onThisThread()) {  // the thread's own PROJ object
      t->applyMany(p.x.data(), p.y.data(), p.x.size(), chunks[i].xy_ok.data());
      chunks[i].transformed = true;
    }
    const size_t done = bytes_done += b - a;
    if (opt.control) opt.control->progress = 0.85f * static_cast<float>(done) / static_cast<float>(total_bytes);
  });
  if (cancelled) return false;
  trace("csv: chunks parsed");
  // Where a worker could not make its own transform, the batch runs here.
  for (Chunk& k : chunks)
    if (!k.transformed) to_xy.applyMany(k.p.x.data(), k.p.y.data(), k.p.x.size(), k.xy_ok.data());
  return true;
}

// The load's warnings: the first kMaxWarnings kept, the rest counted.
struct Warnings {
  const std::string& path;
  std::vector<std::string>& out;
  size_t given = 0;
  void add(const std::string& what) {
    if (given++ < kMaxWarnings) out.push_back(fileError(path, what));
  }
  void row(long row, const std::string& what) { add("row " + std::to_string(row) + ": " + what); }
};

// What the merge of the chunks decided: which good rows stay (keep[chunk][good row]), the kept
// ids (→ final row), and the counts.
struct Merge {
  explicit Merge(size_t good_rows) : ids(good_rows) {}
  IdTable ids;
  std::vector<std::vector<uint8_t>> keep;
  size_t kept = 0, skipped = 0;
  long rows = 0;  // data rows in the file
};

// The chunk's chains, numbered in its own order, as indices into `chain_names` (interned there in
// the order the kept rows first name them).
struct ChainInterner {
  ChainMap ids;
  std::vector<std::string>& names;
  explicit ChainInterner(std::vector<std::string>& chain_names) : names(chain_names) {
    for (const ChainInfo& ch : kChains) {  // known chains keep their index whatever the file holds
      ids.emplace(std::string(ch.id), static_cast<uint16_t>(names.size()));
      names.emplace_back(ch.id);
    }
  }
  uint16_t global(const std::string& chain) {
    auto [it, added] = ids.try_emplace(chain, static_cast<uint16_t>(names.size()));
    if (added) names.push_back(chain);
    return it->second;
  }
};

const std::string kNoXy = "the point cannot be transformed to the display CRS";

// One chunk's rows, good and bad, in file order (row_base: the rows of the chunks before it): a
// duplicate id is skipped whatever else is wrong with the row, then a bad row, then a point that
// did not transform; a kept row gets its global chain and its notes.
void mergeChunk(Chunk& k, size_t ci, long row_base, const Transform& to_xy, ChainInterner& chains, Merge& m, Warnings& w) {
  m.keep[ci].assign(k.good_row.size(), 0);
  std::vector<int32_t> chain_global(k.chain_names.size(), -1);
  size_t g = 0, b = 0, n = 0;
  while (g < k.good_row.size() || b < k.bad.size()) {
    const bool is_good = b == k.bad.size() || (g < k.good_row.size() && k.good_row[g] < k.bad[b].row);
    const long row = row_base + (is_good ? k.good_row[g] : k.bad[b].row);
    const std::string_view id = is_good ? std::string_view(k.p.id[g]) : std::string_view(k.bad[b].id);
    if (is_good && g + 8 < k.id_hash.size()) m.ids.prefetch(k.id_hash[g + 8]);
    const IdTable::Probe seen = id.empty() ? IdTable::Probe{} : is_good ? m.ids.probe(id, k.id_hash[g]) : m.ids.probe(id);
    if (seen.row >= 0) {
      w.row(row, "duplicate id '" + std::string(id) + "', row skipped");
      ++m.skipped;
    } else if (!is_good) {
      Chunk::Bad& bad = k.bad[b];
      if (bad.check_xy) {
        double x = bad.lon, y = bad.lat;
        if (!to_xy.apply(x, y) || !std::isfinite(x) || !std::isfinite(y)) bad.problem = kNoXy;
      }
      w.row(row, bad.problem + ", row skipped");
      ++m.skipped;
    } else if (!k.xy_ok[g]) {
      w.row(row, kNoXy + ", row skipped");
      ++m.skipped;
    } else {
      m.keep[ci][g] = 1;
      ++m.kept;
      m.ids.insert(id, seen);
      uint16_t& chain = k.p.chain[g];
      if (chain_global[chain] < 0) chain_global[chain] = chains.global(k.chain_names[chain]);
      chain = static_cast<uint16_t>(chain_global[chain]);
      for (; n < k.notes.size() && k.notes[n].first == g; ++n) w.row(row, k.notes[n].second);
    }
    if (is_good) {
      for (; n < k.notes.size() && k.notes[n].first == g; ++n) {}  // notes of a row not kept
      ++g;
    } else {
      ++b;
    }
  }
  std::vector<uint64_t>().swap(k.id_hash);
}

// Step 3: every chunk's rows in file order — duplicates, warnings, chains (into p.chain_names).
Merge mergeChunks(std::vector<Chunk>& chunks, const Transform& to_xy, Projects& p, Warnings& w) {
  size_t good_total = 0;
  for (const Chunk& k : chunks) good_total += k.good_row.size();
  Merge m(good_total);
  m.keep.resize(chunks.size());
  ChainInterner chains(p.chain_names);
  for (size_t ci = 0; ci < chunks.size(); ++ci) {
    mergeChunk(chunks[ci], ci, m.rows, to_xy, chains, m, w);
    m.rows += chunks[ci].rows;
  }
  return m;
}

// The leaders, by id among the rows kept (before the ids' chunks are freed): p.leader_index, and
// the (row, leader id) of each leader that is not another kept row.
std::vector<std::pair<size_t, std::string>> resolveLeaders(std::vector<Chunk>& chunks, const Merge& m, Projects& p) {
  StringColumn leaders;
  gatherStrings(leaders, chunks, [](Chunk& k) -> StringColumn& { return k.leader; }, m.keep, m.kept);
  p.leader_index.assign(m.kept, -1);
  std::vector<std::pair<size_t, std::string>> missing;
  for (size_t i = 0; i < m.kept; ++i) {
    if (leaders[i].empty()) continue;
    const int64_t j = m.ids.find(leaders[i]);
    if (j >= 0 && static_cast<size_t>(j) != i) p.leader_index[i] = static_cast<int32_t>(j);
    else missing.emplace_back(i, std::string(leaders[i]));
  }
  return missing;
}

// The kept rows' columns, one at a time, each chunk's part freed as soon as it is copied.
void gatherColumns(std::vector<Chunk>& chunks, const Merge& m, Projects& p, unsigned threads) {
  const auto& keep = m.keep;
  const size_t kept = m.kept;
  // Each column is a copy of its own, so they are made on every core at once, the largest first.
  auto strings = [&](StringColumn& dst, StringColumn Projects::*col) {
    return [&, col] { gatherStrings(dst, chunks, [col](Chunk& k) -> StringColumn& { return k.p.*col; }, keep, kept); };
  };
  auto column = [&](auto& dst, auto col) { return [&, col] { gather(dst, chunks, col, keep, kept); }; };
  const std::vector<std::function<void()>> jobs = {
      strings(p.name_zh, &Projects::name_zh), strings(p.name_en, &Projects::name_en), strings(p.id, &Projects::id),
      strings(p.foreign, &Projects::foreign), column(p.x, &Projects::x), column(p.y, &Projects::y),
      column(p.lon, &Projects::lon), column(p.lat, &Projects::lat), column(p.investment_yi, &Projects::investment_yi),
      column(p.fdi_musd, &Projects::fdi_musd), column(p.signed_day, &Projects::signed_day),
      column(p.started_day, &Projects::started_day), column(p.producing_day, &Projects::producing_day),
      column(p.district_adcode, &Projects::district_adcode), column(p.district_index, &Projects::district_index),
      column(p.park_index, &Projects::park_index), column(p.chain, &Projects::chain), column(p.ecosystem, &Projects::ecosystem),
      column(p.sector, &Projects::sector), column(p.investment_unknown, &Projects::investment_unknown),
      column(p.stage, &Projects::stage), column(p.in_park, &Projects::in_park), column(p.chain_leader, &Projects::chain_leader),
      column(p.chain_role, &Projects::chain_role), column(p.channel, &Projects::channel), column(p.synthetic, &Projects::synthetic),
      [&] { p.approx.assign(kept, 0); }};
  parallelFor(jobs.size(), threads, [&](size_t i) { jobs[i](); });
  if (std::none_of(p.investment_unknown.begin(), p.investment_unknown.end(), [](uint8_t u) { return u != 0; }))
    Column<uint8_t>().swap(p.investment_unknown);  // every amount known: the column stays empty
}

}  // namespace

Result<ProjectsLoad> loadProjectsCsv(const std::string& path, const Transform& to_xy,
                                     const std::vector<District>& districts, const std::vector<Park>& parks,
                                     const CsvLoadOptions& opt) {
  using R = Result<ProjectsLoad>;
  auto file = MappedFile::open(path);
  if (!file) return R::fail(file.error());
  const CsvHeader header = readCsvHeader(file->data(), file->size());
  const auto c = findColumns(header, path);
  if (!c) return R::fail(c.error());
  std::unordered_map<std::string, int, ViewHash, std::equal_to<>> park_ids;
  for (size_t i = 0; i < parks.size(); ++i) park_ids.emplace(parks[i].id, static_cast<int>(i));
  const Context ctx{*c, districts, parks, park_ids};

  std::vector<Chunk> chunks;
  if (!parseChunks(*file, header, ctx, to_xy, opt, chunks)) return R::fail(fileError(path, "loading cancelled"));
  ProjectsLoad out;
  Projects& p = out.projects;
  Warnings w{path, out.warnings};
  trace("csv: points transformed");
  const Merge m = mergeChunks(chunks, to_xy, p, w);
  trace("csv: chunks merged");
  const auto leader_missing = resolveLeaders(chunks, m, p);
  gatherColumns(chunks, m, p, opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency()));
  chunks.clear();
  trace("csv: columns gathered");
  if (opt.control) opt.control->progress = 1.f;

  for (const auto& [i, leader] : leader_missing)
    w.add("project '" + p.id[i].str() + "': leader_id '" + leader + "' is not another project in this file");
  if (w.given > kMaxWarnings) out.warnings.push_back(fileError(path, std::to_string(w.given - kMaxWarnings) + " more warnings not shown"));
  if (p.size() == 0)
    return R::fail(fileError(path, m.skipped ? "no valid project rows (" + std::to_string(m.skipped) + " skipped; first: " +
                                                   (out.warnings.empty() ? "" : out.warnings.front()) + ")"
                                             : "contains no project rows"));
  out.synthetic = std::all_of(p.synthetic.begin(), p.synthetic.end(), [](uint8_t v) { return v != 0; });
  if (m.skipped) out.warnings.push_back(fileError(path, std::to_string(m.skipped) + " of " + std::to_string(m.rows) + " rows skipped"));
  return out;
}

}  // namespace cm
