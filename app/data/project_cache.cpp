#include "data/project_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>

#include "platform/atomic_file.h"
#include "platform/files.h"
#include "platform/trace.h"

namespace cm {
namespace {

constexpr char kMagic[8] = {'C', 'M', 'P', 'C', 'A', 'C', 'H', 'E'};
// Bump when the layout or the loader's output changes (3: Sector::Unknown; 4: columns aligned and
// served in place, the checksum over everything but the columns' bytes).
constexpr uint32_t kVersion = 4;
constexpr uint32_t kByteOrder = 0x01020304;
constexpr size_t kAlign = 64;  // every column's bytes start at a multiple of this in the file
constexpr size_t kSample = 64;  // a column's first and last bytes enter the checksum

// A fast 64-bit checksum (8 bytes a step), the same over the same sequence of pieces.
uint64_t mix(uint64_t h, const void* data, size_t n) {
  const unsigned char* b = static_cast<const unsigned char*>(data);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, b + i, 8);
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 32;
  }
  for (; i < n; ++i) h = (h ^ b[i]) * 0x100000001B3ull;
  return (h ^ n) * 0xFF51AFD7ED558CCDull;
}

// What of a column's bytes the checksum covers: its first and last kSample bytes (the rest is
// never read at open: that is the point of serving the columns in place).
uint64_t mixSample(uint64_t h, const void* data, size_t n) {
  const char* b = static_cast<const char*>(data);
  if (n <= 2 * kSample) return mix(h, b, n);
  return mix(mix(h, b, kSample), b + n - kSample, kSample);
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

// The file: the magic, version and byte order, the key, the row count, then every column as its
// byte length followed (after zero padding to kAlign) by its bytes, then the lists (chain names,
// extra column names, warnings) and the checksum of every byte but the columns' middles.
class CacheWriter {
 public:
  explicit CacheWriter(const AtomicPut& put) : put_(put) {}
  bool raw(const void* p, size_t n) {
    h_ = mix(h_, p, n);
    return put(p, n);
  }
  bool u64(uint64_t v) { return raw(&v, sizeof v); }
  bool bytes(const void* p, size_t n) { return u64(n) && raw(p, n); }
  template <class C>
  bool column(const C& v) {
    using T = typename C::value_type;
    static_assert(std::is_trivially_copyable_v<T>);
    const size_t n = v.size() * sizeof(T);
    static constexpr char zeros[kAlign] = {};
    if (!u64(n) || !put(zeros, (kAlign - pos_ % kAlign) % kAlign)) return false;
    h_ = mixSample(h_, v.data(), n);
    return put(v.data(), n);
  }
  bool strings(const StringColumn& c) { return column(c.chars()) && column(c.offsets()); }
  bool list(const std::vector<std::string>& v) {
    if (!u64(v.size())) return false;
    for (const std::string& s : v)
      if (!bytes(s.data(), s.size())) return false;
    return true;
  }
  bool finish() {
    const uint64_t h = h_;
    return put(&h, sizeof h);
  }

 private:
  bool put(const void* p, size_t n) {
    pos_ += n;
    return n == 0 || put_(p, n);
  }
  const AtomicPut& put_;
  uint64_t h_ = 0x243F6A8885A308D3ull;
  size_t pos_ = 0;
};

// Reads the file through a private mapping: the columns become views of it (Column::view), read
// from the page cache only where something reads them.
class Reader {
 public:
  Reader(std::shared_ptr<void> map, size_t size) : map_(std::move(map)), base_(static_cast<char*>(map_.get())), left_(size) {}
  bool raw(void* p, size_t n) {
    if (n > left_) return false;
    std::memcpy(p, base_ + pos_, n);
    h_ = mix(h_, base_ + pos_, n);
    pos_ += n, left_ -= n;
    return true;
  }
  bool u64(uint64_t& v) { return raw(&v, sizeof v); }
  bool string(std::string& s) {
    uint64_t n;
    if (!u64(n) || n > left_) return false;
    s.resize(n);
    return raw(s.data(), n);
  }
  static constexpr size_t kAnyLength = SIZE_MAX;
  // A column of `rows` values (or of none, where `maybe_empty`; of any number: kAnyLength).
  // `will_need`: a fixed-width column is read whole by the first frame or statistic, so its pages
  // are asked of the disk now, in one go (a cold start's page faults, one readahead window at a
  // time, cost ~170 ms of the 1M reopen); the names are left to the faults of whoever reads them.
  template <class T>
  bool column(Column<T>& v, size_t rows, bool maybe_empty = false, bool will_need = true) {
    uint64_t n;
    if (!u64(n) || n % sizeof(T) != 0) return false;
    if (rows != kAnyLength && n / sizeof(T) != rows && !(maybe_empty && n == 0)) return false;
    const size_t pad = (kAlign - pos_ % kAlign) % kAlign;
    if (pad > left_ || n > left_ - pad) return false;
    pos_ += pad, left_ -= pad;
    T* data = reinterpret_cast<T*>(base_ + pos_);
    if (will_need && n > 0) {
      const uintptr_t from = reinterpret_cast<uintptr_t>(data) & ~uintptr_t(4095);
      ::madvise(reinterpret_cast<void*>(from), reinterpret_cast<uintptr_t>(data) + n - from, MADV_WILLNEED);
    }
    h_ = mixSample(h_, data, n);
    v = n == 0 ? Column<T>() : Column<T>::view(map_, data, n / sizeof(T));
    pos_ += n, left_ -= n;
    return true;
  }
  bool strings(StringColumn& c, size_t rows) {
    Column<char> chars;
    Column<uint32_t> offsets;
    return column(chars, kAnyLength, false, false) && column(offsets, rows == 0 ? 0 : rows + 1, true, false) &&
           c.adoptView(std::move(chars), std::move(offsets)) && c.size() == rows;
  }
  bool list(std::vector<std::string>& v) {
    uint64_t n;
    if (!u64(n) || n > left_ / 8) return false;
    v.resize(n);
    for (std::string& s : v)
      if (!string(s)) return false;
    return true;
  }
  // The checksum matches and nothing follows it.
  bool finish() {
    const uint64_t want = h_;
    uint64_t got;
    if (left_ != sizeof got) return false;
    std::memcpy(&got, base_ + pos_, sizeof got);
    return got == want;
  }
  size_t left() const { return left_; }

 private:
  std::shared_ptr<void> map_;
  char* base_;
  size_t pos_ = 0, left_;
  uint64_t h_ = 0x243F6A8885A308D3ull;
};

// Every column of Projects, in the file's order (the same for writing and reading).
template <class IO, class P>
bool numericColumns(IO& io, P& p, size_t n) {
  if constexpr (std::is_same_v<IO, CacheWriter>) {
    return io.column(p.ecosystem) && io.column(p.chain) && io.column(p.sector) && io.column(p.investment_yi) &&
           io.column(p.signed_day) && io.column(p.started_day) && io.column(p.producing_day) && io.column(p.stage) &&
           io.column(p.district_adcode) && io.column(p.district_index) && io.column(p.park_index) && io.column(p.in_park) &&
           io.column(p.lon) && io.column(p.lat) && io.column(p.x) && io.column(p.y) && io.column(p.fdi_musd) &&
           io.column(p.chain_leader) && io.column(p.leader_index) && io.column(p.chain_role) && io.column(p.channel) &&
           io.column(p.synthetic) && io.column(p.approx) && io.column(p.investment_unknown);
  } else {
    return io.column(p.ecosystem, n) && io.column(p.chain, n) && io.column(p.sector, n) && io.column(p.investment_yi, n) &&
           io.column(p.signed_day, n) && io.column(p.started_day, n) && io.column(p.producing_day, n, true) && io.column(p.stage, n) &&
           io.column(p.district_adcode, n) && io.column(p.district_index, n) && io.column(p.park_index, n) && io.column(p.in_park, n) &&
           io.column(p.lon, n) && io.column(p.lat, n) && io.column(p.x, n) && io.column(p.y, n) && io.column(p.fdi_musd, n) &&
           io.column(p.chain_leader, n) && io.column(p.leader_index, n) && io.column(p.chain_role, n, true) && io.column(p.channel, n) &&
           io.column(p.synthetic, n) && io.column(p.approx, n, true) && io.column(p.investment_unknown, n, true);
  }
}

// Every value of a column lies in [lo, hi) (as integers).
template <class T>
bool within(const Column<T>& c, int64_t lo, int64_t hi) {
  bool ok = true;
  for (const T v : c) ok &= static_cast<int64_t>(v) >= lo && static_cast<int64_t>(v) < hi;  // no branch: vectorised
  return ok;
}

// The values that index a table (and so could read outside it) are checked, a byte or two a row:
// the columns a frame or a statistic reads anyway. Coordinates, amounts and names are not read.
bool indicesValid(const Projects& p, size_t n, const CacheLimits& lim) {
  return within(p.ecosystem, 0, kEcosystemCount) && within(p.chain, 0, static_cast<int64_t>(p.chain_names.size())) &&
         within(p.sector, 0, kSectorCount) && within(p.stage, 0, 12) && within(p.chain_role, 0, 4) && within(p.channel, 0, 4) &&
         indicesWithin(p, lim) && within(p.leader_index, -1, static_cast<int64_t>(n));
}

}  // namespace

bool indicesWithin(const Projects& p, const CacheLimits& lim) {
  return within(p.district_index, -1, static_cast<int64_t>(std::min<size_t>(lim.districts, INT16_MAX))) &&
         within(p.park_index, -1, static_cast<int64_t>(std::min<size_t>(lim.parks, INT16_MAX)));
}

std::string projectsCacheDir() {
  const std::string off = env("CHAINMAP_NO_CACHE");
  if (!off.empty() && off != "0") return "";
  if (std::string d = env("CHAINMAP_CACHE_DIR"); !d.empty()) return d;
  if (std::string x = env("XDG_CACHE_HOME"); !x.empty() && x[0] == '/') return x + "/chainmap/projects";
  if (std::string h = env("HOME"); !h.empty()) return h + "/.cache/chainmap/projects";
  return "";
}

std::string transformsCachePath() {
  const std::string dir = projectsCacheDir();
  return dir.empty() ? "" : dir + "/transforms.json";
}

std::string projectsCacheKeyText(const ProjectsCacheKey& key) {
  std::error_code ec;
  const std::filesystem::path abs = std::filesystem::absolute(key.source, ec);
  if (ec) return "";
  const std::string src = abs.lexically_normal().string();
  const std::string s = fileStamp(src);
  if (s.empty()) return "";
  // The path as given too: the warnings name the file that way.
  std::string t = "chainmap projects cache v" + std::to_string(kVersion) + "\nsource " + src + "\ngiven " + key.source + "\nstamp " + s + "\ncrs " + key.crs +
                  "\nmapping " + std::to_string(key.mapping.size()) + "\n" + key.mapping + "\n";
  for (const std::string& d : key.depends) t += "depends " + d + " " + fileStamp(d) + "\n";
  return t;
}

std::string projectsCachePath(const std::string& dir, const ProjectsCacheKey& key) {
  std::error_code ec;
  const std::string key_text = std::filesystem::absolute(key.source, ec).lexically_normal().string() + "\n" + key.source + "\n" + key.crs;
  char name[40];
  std::snprintf(name, sizeof name, "%016llx.cmcache", static_cast<unsigned long long>(mix(0, key_text.data(), key_text.size())));
  return dir + "/" + name;
}

Result<bool> writeProjectsCache(const std::string& file, const std::string& key_text, const Projects& p, bool synthetic,
                                const std::vector<std::string>& warnings) {
  const size_t n = p.size();
  return writeFileAtomically(
      file,
      [&](const AtomicPut& put) {
        CacheWriter w(put);
        if (!w.raw(kMagic, sizeof kMagic) || !w.raw(&kVersion, 4) || !w.raw(&kByteOrder, 4)) return false;
        if (!w.bytes(key_text.data(), key_text.size()) || !w.u64(n) || !w.u64(synthetic ? 1 : 0)) return false;
        if (!numericColumns(w, p, n)) return false;
        if (!w.strings(p.id) || !w.strings(p.name_zh) || !w.strings(p.name_en) || !w.strings(p.foreign)) return false;
        if (!w.list(p.chain_names) || !w.list(p.extra_names) || !w.u64(p.extra.size())) return false;
        for (const StringColumn& e : p.extra)
          if (!w.u64(e.size()) || !w.strings(e)) return false;
        const std::string glyphs = p.name_glyphs.value_or("");
        return w.list(warnings) && w.u64(p.name_glyphs ? 1 : 0) && w.bytes(glyphs.data(), glyphs.size()) && w.finish();
      },
      /*durable=*/false, /*split_large=*/true);  // 192 MB at 1M rows
}

std::optional<CachedProjects> readProjectsCache(const std::string& file, const std::string& key_text, const CacheLimits& limits) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  const bool sized = fstat(fd, &st) == 0 && st.st_size > 0;
  // Private and writable: a column written in place gets its own copy of the page, never the file.
  void* addr = sized ? ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0) : MAP_FAILED;
  ::close(fd);
  if (addr == MAP_FAILED) return std::nullopt;
  const size_t size = static_cast<size_t>(st.st_size);
  std::shared_ptr<void> map(addr, [size](void* a) { ::munmap(a, size); });
  Reader r(map, size);
  CachedProjects out;
  Projects& p = out.projects;
  auto ok = [&]() {
    char magic[8];
    uint32_t version = 0, order = 0;
    if (!r.raw(magic, 8) || std::memcmp(magic, kMagic, 8) != 0 || !r.raw(&version, 4) || version != kVersion || !r.raw(&order, 4) ||
        order != kByteOrder)
      return false;
    std::string key;
    uint64_t n = 0, synthetic = 0, extras = 0;
    if (!r.string(key) || key != key_text || !r.u64(n) || n > r.left() || !r.u64(synthetic)) return false;
    out.synthetic = synthetic != 0;
    if (!numericColumns(r, p, n)) return false;
    if (!r.strings(p.id, n) || !r.strings(p.name_zh, n) || !r.strings(p.name_en, n) || !r.strings(p.foreign, n)) return false;
    if (!r.list(p.chain_names) || !r.list(p.extra_names) || !r.u64(extras) || extras != p.extra_names.size()) return false;
    p.extra.resize(extras);
    for (StringColumn& e : p.extra) {
      uint64_t rows = 0;
      if (!r.u64(rows) || rows > n || !r.strings(e, rows)) return false;
    }
    uint64_t has_glyphs = 0;
    std::string glyphs;
    if (!r.list(out.warnings) || !r.u64(has_glyphs) || !r.string(glyphs) || !r.finish()) return false;
    if (has_glyphs) p.name_glyphs = std::move(glyphs);
    return indicesValid(p, n, limits);
  }();
  if (!ok) return std::nullopt;
  return out;
}

namespace {
std::mutex g_writes_mu;
// Writes under way; any not waited for by finishCacheWrites are joined when the program ends.
struct Writes {
  std::vector<std::thread> threads;
  ~Writes() {
    for (std::thread& t : threads)
      if (t.joinable()) t.join();
  }
} g_writes;
}  // namespace

void writeCacheInBackground(std::shared_ptr<const Model> m, std::shared_ptr<const PendingCacheWrite> w) {
  if (!m || !w) return;
  std::lock_guard<std::mutex> lock(g_writes_mu);
  g_writes.threads.emplace_back([m = std::move(m), w = std::move(w)] {
    setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);  // this thread only (Linux): the frames come first
    auto ok = writeProjectsCache(w->file, w->key, m->projects, w->synthetic, w->warnings);
    trace(ok ? "load: cache written (in the background)" : ("load: cache not written: " + ok.error()).c_str());
  });
}

void finishCacheWrites() {
  std::vector<std::thread> writes;
  {
    std::lock_guard<std::mutex> lock(g_writes_mu);
    writes.swap(g_writes.threads);
  }
  for (std::thread& t : writes) t.join();
}

}  // namespace cm
