#include "data/csv_chunks.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstring>


namespace cm {

Result<MappedFile> MappedFile::open(const std::string& path) {
  using R = Result<MappedFile>;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return R::fail(fileError(path, errno == ENOENT ? "file not found" : std::string("cannot read (") + std::strerror(errno) + ")"));
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return R::fail(fileError(path, "cannot read (not a regular file)"));
  }
  MappedFile f;
  f.size_ = static_cast<size_t>(st.st_size);
  if (f.size_ > 0) {
    void* p = mmap(nullptr, f.size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      const int e = errno;
      ::close(fd);
      return R::fail(fileError(path, std::string("cannot read (") + std::strerror(e) + ")"));
    }
    madvise(p, f.size_, MADV_SEQUENTIAL);
    f.data_ = static_cast<const char*>(p);
  }
  ::close(fd);
  return f;
}

MappedFile::MappedFile(MappedFile&& o) noexcept : data_(o.data_), size_(o.size_) { o.data_ = nullptr, o.size_ = 0; }
MappedFile& MappedFile::operator=(MappedFile&& o) noexcept {
  std::swap(data_, o.data_);
  std::swap(size_, o.size_);
  return *this;
}
MappedFile::~MappedFile() {
  if (data_) munmap(const_cast<char*>(data_), size_);
}

void MappedFile::release(size_t from, size_t to) const {
  if (!data_) return;
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t a = (from + page - 1) / page * page, b = std::min(to, size_) / page * page;
  if (b > a) madvise(const_cast<char*>(data_) + a, b - a, MADV_DONTNEED);
}

namespace {
// The first of , \n \r " in [q, end), or end: sixteen bytes a step where SSE2 is there (every
// x86-64), one at a time for the rest.
const char* findSpecial(const char* q, const char* end) {
#ifdef __SSE2__
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), quote = _mm_set1_epi8('"');
  for (; end - q >= 16; q += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
    if (const int mask = _mm_movemask_epi8(hit)) return q + __builtin_ctz(static_cast<unsigned>(mask));
  }
#endif
  while (q < end && *q != ',' && *q != '\n' && *q != '\r' && *q != '"') ++q;
  return q;
}
}  // namespace

bool CsvTokenizer::next(std::vector<std::string_view>& fields) {
  for (;;) {
    fields.clear();
    if (p_ >= end_) return false;
    // Empty lines are skipped, as GDAL does.
    if (*p_ == '\n' || *p_ == '\r') {
      p_ += (*p_ == '\r' && p_ + 1 < end_ && p_[1] == '\n') ? 2 : 1;
      continue;
    }
    // Fast path: a field without quotes is a view into the file; a quoted one is unescaped into
    // scratch_, reserved for the rest of the record so that earlier views stay valid.
    scratch_.clear();
    bool reserved = false;
    const char* f = p_;
    for (;;) {
      const char* q = findSpecial(f, end_);
      if (q == end_ || *q != '"') {
        fields.emplace_back(f, static_cast<size_t>(q - f));
        if (q < end_ && *q == ',') {
          f = q + 1;
          continue;
        }
        p_ = q;
        break;
      }
      // A quoted field: copy what came before the quote, then follow GDAL's toggling.
      if (!reserved) {
        const char* e = q;  // the record's end is at most the rest of the file
        scratch_.reserve(static_cast<size_t>(end_ - e) + static_cast<size_t>(q - f) + 1);
        reserved = true;
      }
      const size_t start = scratch_.size();
      scratch_.append(f, q);
      bool in = false;
      const char* c = q;
      for (; c < end_; ++c) {
        if (*c == '"') {
          if (in && c + 1 < end_ && c[1] == '"') scratch_.push_back('"'), ++c;
          else in = !in;
        } else if (!in && (*c == ',' || *c == '\n' || *c == '\r')) {
          break;
        } else if (*c == '\r' && c + 1 < end_ && c[1] == '\n') {
          scratch_.push_back('\n'), ++c;  // a line break inside quotes reads as "\n"
        } else if (*c == '\r') {
          scratch_.push_back('\n');
        } else {
          scratch_.push_back(*c);
        }
      }
      fields.emplace_back(scratch_.data() + start, scratch_.size() - start);
      if (c < end_ && *c == ',') {
        f = c + 1;
        continue;
      }
      p_ = c;
      break;
    }
    if (p_ < end_) p_ += (*p_ == '\r' && p_ + 1 < end_ && p_[1] == '\n') ? 2 : 1;
    return true;
  }
}

CsvHeader readCsvHeader(const char* data, size_t size) {
  CsvHeader h;
  size_t begin = size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  CsvTokenizer t(data + begin, data + size);
  std::vector<std::string_view> f;
  if (t.next(f))
    for (std::string_view v : f) h.columns.emplace_back(v);
  h.data_begin = static_cast<size_t>(t.position() - data);
  return h;
}

namespace {
// The first row start at or after `pos`, given whether `pos` lies inside quotes.
size_t rowStartAfter(const char* d, size_t pos, size_t end, bool in) {
  for (size_t i = pos; i < end; ++i) {
    const char c = d[i];
    if (c == '"') in = !in;  // "" toggles twice: the parity is what counts
    else if (!in && (c == '\n' || c == '\r')) {
      if (c == '\r' && i + 1 < end && d[i + 1] == '\n') ++i;
      return i + 1;
    }
  }
  return end;
}
}  // namespace

std::vector<std::pair<size_t, size_t>> splitCsvRows(const MappedFile& file, size_t begin, size_t chunk_bytes, unsigned threads) {
  const size_t end = file.size();
  std::vector<std::pair<size_t, size_t>> out;
  if (begin >= end) return out;
  chunk_bytes = std::max<size_t>(chunk_bytes, 4096);
  const size_t n = (end - begin + chunk_bytes - 1) / chunk_bytes;
  if (n <= 1) return {{begin, end}};
  // Quote parity of each nominal chunk, in parallel; then each cut moves to the next row start.
  std::vector<uint8_t> odd(n, 0);
  const char* d = file.data();
  parallelFor(n, threads, [&](size_t k) {
    const size_t a = begin + k * chunk_bytes, b = std::min(end, a + chunk_bytes);
    size_t count = 0;
    for (const char* p = d + a; (p = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(d + b - p))));) ++count, ++p;
    odd[k] = count & 1;
    file.release(a, b);
  });
  size_t prev = begin;
  bool in = false;
  for (size_t k = 1; k < n && prev < end; ++k) {
    in ^= odd[k - 1] != 0;
    const size_t nominal = begin + k * chunk_bytes;
    if (nominal < prev) continue;
    // A cut right after a line break is already a row start.
    size_t cut;
    if (!in && nominal > begin && (d[nominal - 1] == '\n' || (d[nominal - 1] == '\r' && d[nominal] != '\n'))) cut = nominal;
    else cut = rowStartAfter(d, nominal, end, in);
    if (cut > prev && cut < end) {
      out.emplace_back(prev, cut);
      prev = cut;
    }
  }
  if (prev < end) out.emplace_back(prev, end);
  return out;
}

}  // namespace cm
