#include "core/glyph_set.h"

#include <cstdint>
#include <vector>

#include "platform/parallel.h"
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
  Seen seen[2] = {Seen(kCodePoints / 64), Seen(kCodePoints / 64)};
  for (const StringColumn* c : columns) {
    // The arena holds every value back to back (NUL-separated): one pass over its bytes; a large
    // one in two halves at once, cut at a NUL (a million names: ~100 ms on one core).
    const std::string_view s(c->chars().data(), c->chars().size());
    const size_t cut = s.size() >= (size_t{4} << 20) ? s.find('\0', s.size() / 2) : std::string_view::npos;
    if (cut == std::string_view::npos) mark(s, seen[0]);
    else parallelFor(2, 2, [&](size_t k) { mark(k == 0 ? s.substr(0, cut) : s.substr(cut), seen[k]); });
  }
  for (size_t w = 0; w < seen[0].size(); ++w) seen[0][w] |= seen[1][w];
  std::string out;
  for (uint32_t w = 0; w < seen[0].size(); ++w)
    for (uint64_t bits = seen[0][w]; bits; bits &= bits - 1) appendUtf8(out, w * 64 + static_cast<uint32_t>(__builtin_ctzll(bits)));
  return out;
}

}  // namespace cm
