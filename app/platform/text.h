#pragma once
// Byte-string helpers shared across the layers (ASCII only: UTF-8 text passes through unchanged).
#include <algorithm>
#include <string>
#include <string_view>

namespace cm {

inline bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
inline bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
// `s` with A-Z lowered (other bytes, UTF-8 included, kept).
inline std::string asciiLower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : static_cast<char>(c); });
  return s;
}

}  // namespace cm
