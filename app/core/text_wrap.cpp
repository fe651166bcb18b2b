#include "core/text_wrap.h"

#include "platform/utf8.h"

namespace cm {

namespace {

// The code point starting at s[i] and its length in bytes (invalid bytes count as one).
char32_t decode(std::string_view s, size_t i, size_t& len) {
  size_t next = i;
  const char32_t cp = decodeUtf8(s, next);
  len = next - i;
  return cp;
}

bool isCjk(char32_t c) { return c >= 0x2E80; }
bool closing(char32_t c) {
  static const std::u32string set = U"，。、；：！？）」』》〉】”’％%…—,.;:!?)]}";
  return set.find(c) != std::u32string::npos;
}
// A unit that ends in a digit (a number, perhaps with a sign or decimals).
bool number(const std::string& unit) { return !unit.empty() && unit.back() >= '0' && unit.back() <= '9'; }
bool opening(char32_t c) {
  static const std::u32string set = U"（「『《〈【“‘([{";
  return set.find(c) != std::u32string::npos;
}

}  // namespace

std::vector<std::string> wrapLines(std::string_view text, float width, const std::function<float(std::string_view)>& measure) {
  // Units that stay together: a Latin word or number (with its trailing punctuation), one CJK
  // character (with closing punctuation after it and opening punctuation before it); spaces and
  // newlines between units.
  struct Unit {
    std::string text;
    bool space_before = false, newline_before = false;
  };
  std::vector<Unit> units;
  bool pending_space = false, pending_newline = false;
  std::string carry;  // opening punctuation waiting for its unit
  auto start = [&](std::string t) {
    units.push_back({carry + t, pending_space, pending_newline});
    carry.clear();
    pending_space = pending_newline = false;
  };
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const char32_t c = decode(text, i, len);
    const std::string_view bytes = text.substr(i, len);
    i += len;
    if (c == '\n') {
      pending_newline = true, pending_space = false, in_word = false;
    } else if (c == ' ' || c == '\t') {
      pending_space = !pending_newline, in_word = false;
    } else if (opening(c)) {
      carry += bytes, in_word = false;
    } else if (closing(c) && !units.empty() && !pending_space && !pending_newline && carry.empty()) {
      units.back().text += bytes;  // never at a line's start
      in_word = !isCjk(c) && c != U'%';
    } else if (isCjk(c) && in_word && !pending_space && !pending_newline && carry.empty() && number(units.back().text)) {
      units.back().text += bytes, in_word = false;  // a number keeps its measure word: 146个, 50亿
    } else if (isCjk(c)) {
      start(std::string(bytes)), in_word = false;
    } else if (in_word && !pending_space && !pending_newline && carry.empty()) {
      units.back().text += bytes;
    } else {
      start(std::string(bytes)), in_word = true;
    }
  }
  if (!carry.empty()) start("");
  // Greedy lines of units, a paragraph at a time; then the paragraph's last line takes units from
  // the line before while it is shorter than kMinLastUnits (no "个。" alone on the last line).
  constexpr size_t kMinLastUnits = 3;
  auto join = [&](const std::vector<size_t>& idx) {
    std::string s;
    for (size_t k = 0; k < idx.size(); ++k) s += (k > 0 && units[idx[k]].space_before ? " " : "") + units[idx[k]].text;
    return s;
  };
  std::vector<std::string> lines;
  auto emit = [&](std::string line) {  // one unit wider than the line: cut it
    while (measure(line) > width && line.size() > 1) {
      size_t cut = 0;
      for (size_t k = 0; k < line.size();) {
        size_t len = 1;
        decode(line, k, len);
        if (cut > 0 && measure(std::string_view(line).substr(0, k + len)) > width) break;
        k += len;
        cut = k;
      }
      if (cut == 0 || cut >= line.size()) break;
      lines.push_back(line.substr(0, cut));
      line = line.substr(cut);
    }
    lines.push_back(line);
  };
  std::vector<std::vector<size_t>> para;
  auto flush = [&] {
    if (para.size() >= 2) {
      std::vector<size_t>& prev = para[para.size() - 2];
      std::vector<size_t>& last = para.back();
      while (last.size() < kMinLastUnits && prev.size() > last.size() + 1) {
        std::vector<size_t> taken{prev.back()};
        taken.insert(taken.end(), last.begin(), last.end());
        if (measure(join(taken)) > width) break;
        last = std::move(taken);
        prev.pop_back();
      }
    }
    for (const auto& l : para) emit(join(l));
    para.clear();
  };
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i].newline_before) {
      if (para.empty()) lines.emplace_back();  // an empty paragraph
      flush();
    }
    if (para.empty()) {
      para.push_back({i});
      continue;
    }
    std::vector<size_t> candidate = para.back();
    candidate.push_back(i);
    if (measure(join(candidate)) <= width) para.back() = std::move(candidate);
    else para.push_back({i});
  }
  if (!para.empty()) flush();
  if (lines.empty()) lines.emplace_back();
  return lines;
}

}  // namespace cm
