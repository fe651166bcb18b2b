#include "core/message.h"

#include <algorithm>

namespace cm {

Msg& Msg::argMsg(std::string name, const Msg& inner) {
  auto clean = [](std::string v) {
    for (char& c : v)
      if (c == '\x01' || c == '\x1e' || c == '\x1f') c = ' ';
    return v;
  };
  // Appended piece by piece (GCC 12's -Wrestrict misreads `"\x1f" + std::string` at -O3).
  std::string v(1, '\x01');
  v += clean(inner.key);
  for (const auto& [n, x] : inner.args) {
    v += '\x1f';
    v += clean(n);
    v += '\x1e';
    v += x.rfind('\x01', 0) == 0 ? x : clean(x);
  }
  args.emplace_back(std::move(name), std::move(v));
  return *this;
}

namespace {
// The message argMsg() stored.
Msg unpack(const std::string& v) {
  Msg m;
  size_t i = 1, end = v.find('\x1f', i);
  m.key = v.substr(i, end == std::string::npos ? std::string::npos : end - i);
  while (end != std::string::npos) {
    i = end + 1;
    const size_t sep = v.find('\x1e', i);
    if (sep == std::string::npos) break;
    // A nested value runs to the end (argMsg writes it last only when it is one): take the rest.
    const bool nested = v.compare(sep + 1, 1, "\x01") == 0;
    end = nested ? std::string::npos : v.find('\x1f', sep + 1);
    m.args.emplace_back(v.substr(i, sep - i), v.substr(sep + 1, end == std::string::npos ? std::string::npos : end - sep - 1));
  }
  return m;
}
}  // namespace

std::string render(Lang lang, const Msg& m) {
  const std::string text = tr(lang, m.key);
  std::string out;
  out.reserve(text.size() + 32);
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const size_t close = text.find('}', i + 1);
      if (close != std::string::npos) {
        const std::string_view name(text.data() + i + 1, close - i - 1);
        const auto it = std::find_if(m.args.begin(), m.args.end(), [&](const auto& a) { return a.first == name; });
        if (it != m.args.end()) {
          const std::string& v = it->second;
          if (!v.empty() && v[0] == '\x01') out += render(lang, unpack(v));
          else if (v.size() >= 2 && v[0] == '=' && v[1] == '=') out += v.substr(1);
          else if (!v.empty() && v[0] == '=') out += tr(lang, std::string_view(v).substr(1));
          else out += v;
          i = close + 1;
          continue;
        }
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

}  // namespace cm
