// UTF-8, one code point at a time (text inside chainmap is UTF-8: checked where it comes in,
// platform/files.h isValidUtf8).
#pragma once
#include <string>
#include <string_view>

namespace cm {

// The code point of the sequence at s[i], and i moved past it; a byte that starts no complete
// sequence comes back alone, as itself (i moves by one).
inline char32_t decodeUtf8(std::string_view s, size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  int n = 0;
  char32_t cp = c;
  if (c >= 0xC0 && c < 0xE0) n = 1, cp = c & 0x1F;
  else if (c >= 0xE0 && c < 0xF0) n = 2, cp = c & 0x0F;
  else if (c >= 0xF0 && c < 0xF8) n = 3, cp = c & 0x07;
  if (n == 0 || i + static_cast<size_t>(n) >= s.size()) {
    ++i;
    return c;
  }
  for (int k = 1; k <= n; ++k) {
    const unsigned char b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return c;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += static_cast<size_t>(n) + 1;
  return cp;
}

// Appends the code point's bytes.
inline void appendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
    return;
  }
  if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
  }
  out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

}  // namespace cm
