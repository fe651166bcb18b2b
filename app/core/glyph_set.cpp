#include "core/glyph_set.h"

#include <cstdint>
#include <vector>

namespace cm {
namespace {

// The code point of the UTF-8 sequence at s[i] (advancing i), or -1 for a malformed one.
int32_t decode(const unsigned char* s, size_t n, size_t& i) {
  const unsigned char b = s[i];
  const int len = b >= 0xF5 ? 0 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
  if (len == 0 || i + len > n) {
    ++i;
    return -1;
  }
  int32_t cp = b & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    if ((s[i + k] & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (s[i + k] & 0x3F);
  }
  i += len;
  return cp;
}

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  }
  out += static_cast<char>(0x80 | (cp & 0x3F));
}

}  // namespace

std::string distinctCharacters(std::initializer_list<const StringColumn*> columns) {
  constexpr uint32_t kCodePoints = 0x110000;
  std::vector<uint64_t> seen(kCodePoints / 64);
  for (const StringColumn* c : columns) {
    // The arena holds every value back to back (NUL-separated): one pass over its bytes.
    const auto* s = reinterpret_cast<const unsigned char*>(c->chars().data());
    const size_t n = c->chars().size();
    for (size_t i = 0; i < n;) {
      if (s[i] < 0x80) {
        ++i;
        continue;
      }
      const int32_t cp = decode(s, n, i);
      if (cp >= 0x80 && cp < static_cast<int32_t>(kCodePoints)) seen[cp >> 6] |= 1ull << (cp & 63);
    }
  }
  std::string out;
  for (uint32_t w = 0; w < seen.size(); ++w)
    for (uint64_t bits = seen[w]; bits; bits &= bits - 1) appendUtf8(out, w * 64 + static_cast<uint32_t>(__builtin_ctzll(bits)));
  return out;
}

}  // namespace cm
