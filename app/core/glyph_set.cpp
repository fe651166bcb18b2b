#include "core/glyph_set.h"

#include <cstdint>
#include <thread>
#include <vector>

#include "platform/utf8.h"

namespace cm {

namespace {
constexpr uint32_t kCodePoints = 0x110000;
using Seen = std::vector<uint64_t>;  // a bit per code point

void mark(std::string_view s, Seen& seen) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t at = i;
    const char32_t cp = decodeUtf8(s, i);
    if (i - at > 1 && cp >= 0x80 && cp < kCodePoints) seen[cp >> 6] |= 1ull << (cp & 63);  // a lone byte is no character
  }
}
}  // namespace

std::string distinctCharacters(std::initializer_list<const StringColumn*> columns) {
  Seen seen(kCodePoints / 64), other(kCodePoints / 64);
  for (const StringColumn* c : columns) {
    // The arena holds every value back to back (NUL-separated): one pass over its bytes; a large
    // one in two halves at once, cut at a NUL (a million names: ~100 ms on one core).
    const std::string_view s(c->chars().data(), c->chars().size());
    size_t cut = s.size() >= (size_t{4} << 20) ? s.find('\0', s.size() / 2) : std::string_view::npos;
    if (cut == std::string_view::npos) {
      mark(s, seen);
      continue;
    }
    std::thread first([&] { mark(s.substr(0, cut), other); });
    mark(s.substr(cut), seen);
    first.join();
  }
  for (size_t w = 0; w < seen.size(); ++w) seen[w] |= other[w];
  std::string out;
  for (uint32_t w = 0; w < seen.size(); ++w)
    for (uint64_t bits = seen[w]; bits; bits &= bits - 1) appendUtf8(out, w * 64 + static_cast<uint32_t>(__builtin_ctzll(bits)));
  return out;
}

}  // namespace cm
