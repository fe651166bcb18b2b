#include "data/project_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <type_traits>

#include "platform/atomic_file.h"

namespace cm {
namespace {

constexpr char kMagic[8] = {'C', 'M', 'P', 'C', 'A', 'C', 'H', 'E'};
constexpr uint32_t kVersion = 3;        // bump when the layout or the loader's output changes (3: Sector::Unknown)
constexpr uint32_t kByteOrder = 0x01020304;

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

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

// size and mtime of a file, or "" when it cannot be read.
std::string stamp(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "";
  return std::to_string(static_cast<long long>(st.st_size)) + " " + std::to_string(static_cast<long long>(st.st_mtim.tv_sec)) + "." +
         std::to_string(static_cast<long long>(st.st_mtim.tv_nsec));
}

class CacheWriter {
 public:
  explicit CacheWriter(const AtomicPut& put) : put_(put) {}
  bool raw(const void* p, size_t n) {
    h_ = mix(h_, p, n);
    return put_(p, n);
  }
  bool u64(uint64_t v) { return raw(&v, sizeof v); }
  bool bytes(const void* p, size_t n) { return u64(n) && raw(p, n); }
  template <class T>
  bool column(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    return bytes(v.data(), v.size() * sizeof(T));
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
    return put_(&h, sizeof h);
  }

 private:
  const AtomicPut& put_;
  uint64_t h_ = 0x243F6A8885A308D3ull;
};

class Reader {
 public:
  Reader(int fd, size_t size) : fd_(fd), left_(size) {}
  bool raw(void* p, size_t n) {
    if (n > left_) return false;
    size_t done = 0;
    while (done < n) {
      const ssize_t r = ::read(fd_, static_cast<char*>(p) + done, n - done);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) return false;
      done += static_cast<size_t>(r);
    }
    left_ -= n;
    h_ = mix(h_, p, n);
    return true;
  }
  bool u64(uint64_t& v) { return raw(&v, sizeof v); }
  bool string(std::string& s) {
    uint64_t n;
    if (!u64(n) || n > left_) return false;
    s.resize(n);
    return raw(s.data(), n);
  }
  // A column of `rows` values (or of none, where `maybe_empty`).
  template <class T>
  bool column(std::vector<T>& v, size_t rows, bool maybe_empty = false) {
    uint64_t n;
    if (!u64(n) || n > left_ || n % sizeof(T) != 0) return false;
    if (n / sizeof(T) != rows && !(maybe_empty && n == 0)) return false;
    v.resize(n / sizeof(T));
    return raw(v.data(), n);
  }
  bool strings(StringColumn& c, size_t rows) {
    std::vector<char> chars;
    std::vector<uint32_t> offsets;
    uint64_t n;
    if (!u64(n) || n > left_) return false;
    chars.resize(n);
    if (!raw(chars.data(), n) || !column(offsets, rows == 0 ? 0 : rows + 1, true)) return false;
    return c.assign(std::move(chars), std::move(offsets)) && c.size() == rows;
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
    size_t done = 0;
    while (done < sizeof got) {
      const ssize_t r = ::read(fd_, reinterpret_cast<char*>(&got) + done, sizeof got - done);
      if (r <= 0) return false;
      done += static_cast<size_t>(r);
    }
    return got == want;
  }
  size_t left() const { return left_; }

 private:
  int fd_;
  size_t left_;
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

}  // namespace

std::string projectsCacheDir() {
  const std::string off = env("CHAINMAP_NO_CACHE");
  if (!off.empty() && off != "0") return "";
  if (std::string d = env("CHAINMAP_CACHE_DIR"); !d.empty()) return d;
  if (std::string x = env("XDG_CACHE_HOME"); !x.empty() && x[0] == '/') return x + "/chainmap/projects";
  if (std::string h = env("HOME"); !h.empty()) return h + "/.cache/chainmap/projects";
  return "";
}

std::string projectsCacheKeyText(const ProjectsCacheKey& key) {
  std::error_code ec;
  const std::filesystem::path abs = std::filesystem::absolute(key.source, ec);
  if (ec) return "";
  const std::string src = abs.lexically_normal().string();
  const std::string s = stamp(src);
  if (s.empty()) return "";
  // The path as given too: the warnings name the file that way.
  std::string t = "chainmap projects cache v" + std::to_string(kVersion) + "\nsource " + src + "\ngiven " + key.source + "\nstamp " + s + "\ncrs " + key.crs +
                  "\nmapping " + std::to_string(key.mapping.size()) + "\n" + key.mapping + "\n";
  for (const std::string& d : key.depends) t += "depends " + d + " " + stamp(d) + "\n";
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
        return w.list(warnings) && w.finish();
      },
      /*durable=*/false);
}

std::optional<CachedProjects> readProjectsCache(const std::string& file, const std::string& key_text) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  Reader r(fd, static_cast<size_t>(st.st_size));
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
    if (!r.list(out.warnings) || !r.finish()) return false;
    // Indices into tables that the loader checked: a file that passes the checksum holds them as
    // written, but a different build could read them; cheap to check.
    for (uint16_t c : p.chain)
      if (c >= p.chain_names.size()) return false;
    for (Sector c : p.sector)  // the counts cube and the sprite words hold a sector in 2 bits
      if (static_cast<int>(c) >= kSectorCount) return false;
    for (int32_t l : p.leader_index)
      if (l < -1 || l >= static_cast<int64_t>(n)) return false;
    return true;
  }();
  ::close(fd);
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace cm
