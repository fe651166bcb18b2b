#include "core/glyph_set.h"

#include <cstdint>
#include <vector>

#include "platform/utf8.h"

namespace cm {

std::string distinctCharacters(std::initializer_list<const StringColumn*> columns) {
  constexpr uint32_t kCodePoints = 0x110000;
  std::vector<uint64_t> seen(kCodePoints / 64);
  for (const StringColumn* c : columns) {
    // The arena holds every value back to back (NUL-separated): one pass over its bytes.
    const std::string_view s(c->chars().data(), c->chars().size());
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
  std::string out;
  for (uint32_t w = 0; w < seen.size(); ++w)
    for (uint64_t bits = seen[w]; bits; bits &= bits - 1) appendUtf8(out, w * 64 + static_cast<uint32_t>(__builtin_ctzll(bits)));
  return out;
}

}  // namespace cm
