// Small file and shell helpers the tests share: a whole file as bytes, and a string quoted for
// /bin/sh (for command lines built by the tests that run the real binaries).
#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace cm::test {

// The whole file, byte for byte ("" when it cannot be read).
inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// `s` in single quotes for sh, embedded quotes closed, escaped and reopened.
inline std::string shellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace cm::test
