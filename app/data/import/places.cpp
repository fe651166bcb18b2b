#include "data/import/places.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "data/import/values.h"
#include "platform/text.h"

namespace cm {
namespace {


// --- tokens -----------------------------------------------------------------------------------

enum class Tok : uint8_t {
  Num,
  Deg,       // ° º ˚ 度
  Min,       // ′ ´ ʹ 分, and ' ’ ‘ right after a number
  Sec,       // ″ ʺ 秒 ′′, and " ” “ '' ’’ right after a number
  QuoteMin,  // ' ’ ‘ right after a number: minutes after degrees, else a quote
  QuoteSec,  // " ” “ right after a number: seconds after minutes, else a quote
  Label,
  Sep,    // , ; / | 、 &
  Space,  // spaces, ':' and '='
};

struct Token {
  Tok kind = Tok::Space;
  double value = 0;         // Num
  bool integer = false;     // Num written without a decimal point
  bool negative = false;    // Num with a minus sign; Label S/W
  Axis axis = Axis::Unknown;  // Label
  bool hemisphere = false;  // Label that may follow its number (E, N, 东, 北 …)
};

struct Word {
  std::string_view text;
  Axis axis;
  bool negative;
  bool hemisphere;
};
// Longest first within each script.
constexpr Word kCjkLabels[] = {
    {"东经", Axis::Lon, false, false}, {"西经", Axis::Lon, true, false}, {"北纬", Axis::Lat, false, false},
    {"南纬", Axis::Lat, true, false},  {"经度", Axis::Lon, false, false}, {"纬度", Axis::Lat, false, false},
    {"东", Axis::Lon, false, true},    {"西", Axis::Lon, true, true},    {"北", Axis::Lat, false, true},
    {"南", Axis::Lat, true, true},     {"经", Axis::Lon, false, false},  {"纬", Axis::Lat, false, false},
};
constexpr Word kAsciiLabels[] = {
    {"longitude", Axis::Lon, false, false}, {"long", Axis::Lon, false, false}, {"lng", Axis::Lon, false, false},
    {"lon", Axis::Lon, false, false},       {"x", Axis::Lon, false, false},    {"latitude", Axis::Lat, false, false},
    {"lat", Axis::Lat, false, false},       {"y", Axis::Lat, false, false},    {"e", Axis::Lon, false, true},
    {"east", Axis::Lon, false, true},       {"w", Axis::Lon, true, true},      {"west", Axis::Lon, true, true},
    {"n", Axis::Lat, false, true},          {"north", Axis::Lat, false, true}, {"s", Axis::Lat, true, true},
    {"south", Axis::Lat, true, true},
};

constexpr std::string_view kDeg[] = {"°", "º", "˚", "度"};
constexpr std::string_view kSec[] = {"″", "ʺ", "秒", "′′", "''", "’’"};
constexpr std::string_view kMin[] = {"′", "´", "ʹ", "分"};
constexpr std::string_view kQuoteMin[] = {"'", "’", "‘"};
constexpr std::string_view kQuoteSec[] = {"\"", "”", "“"};
constexpr std::string_view kSeps[] = {",", ";", "/", "|", "、", "&"};
constexpr std::string_view kMinus[] = {"-", "−", "–"};

// Matches one of `set` at s[i]; returns its length or 0.
template <size_t N>
size_t oneOf(std::string_view s, size_t i, const std::string_view (&set)[N]) {
  for (std::string_view w : set)
    if (startsWith(s.substr(i), w)) return w.size();
  return 0;
}

bool digitAt(std::string_view s, size_t i) { return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); }

std::optional<std::vector<Token>> tokenize(std::string_view s) {
  std::vector<Token> out;
  auto afterNum = [&] { return !out.empty() && out.back().kind == Tok::Num; };
  auto push = [&](Tok k) {
    Token t;
    t.kind = k;
    if (k == Tok::Space && !out.empty() && out.back().kind == Tok::Space) return;
    out.push_back(t);
  };
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ':' || c == '=') {
      push(Tok::Space), ++i;
      continue;
    }
    // A number, with a sign when one stands before it (not "120.15-30.27": that is no sign).
    size_t sign = 0;
    if (!afterNum()) sign = oneOf(s, i, kMinus);
    if (!sign && c == '+' && !afterNum()) sign = 1;
    const size_t at = i + sign;
    if (digitAt(s, at) || (at + 1 < s.size() && s[at] == '.' && digitAt(s, at + 1))) {
      size_t j = at;
      while (digitAt(s, j)) ++j;
      bool integer = true;
      if (j < s.size() && s[j] == '.') {
        integer = false;
        ++j;
        while (digitAt(s, j)) ++j;
      }
      if (j < s.size() && (s[j] == '.' || std::isdigit(static_cast<unsigned char>(s[j])))) return std::nullopt;  // 120.15.3
      if (afterNum()) return std::nullopt;  // two numbers with nothing between
      Token t;
      t.kind = Tok::Num;
      t.value = std::strtod(std::string(s.substr(at, j - at)).c_str(), nullptr);
      t.integer = integer;
      t.negative = sign && c != '+';
      if (!std::isfinite(t.value)) return std::nullopt;
      out.push_back(t);
      i = j;
      continue;
    }
    if (sign) return std::nullopt;  // a lone minus
    if (size_t n = oneOf(s, i, kDeg)) {
      push(Tok::Deg), i += n;
      continue;
    }
    if (size_t n = oneOf(s, i, kSec)) {  // before the minutes: ′′ and '' are seconds
      const bool quotes = s[i] == '\'' || startsWith(s.substr(i), "’");  // '' ’’: seconds only after a number
      push(quotes && !afterNum() ? Tok::Space : Tok::Sec), i += n;
      continue;
    }
    if (size_t n = oneOf(s, i, kMin)) {
      push(Tok::Min), i += n;
      continue;
    }
    if (size_t n = oneOf(s, i, kQuoteMin)) {
      if (afterNum()) push(Tok::QuoteMin);
      else push(Tok::Space);
      i += n;
      continue;
    }
    if (size_t n = oneOf(s, i, kQuoteSec)) {
      if (afterNum()) push(Tok::QuoteSec);
      else push(Tok::Space);
      i += n;
      continue;
    }
    if (size_t n = oneOf(s, i, kSeps)) {
      push(Tok::Sep), i += n;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      const std::string_view w = s.substr(i, j - i);
      const Word* found = nullptr;
      for (const Word& k : kAsciiLabels)
        if (k.text == w) found = &k;
      if (!found) return std::nullopt;
      Token t;
      t.kind = Tok::Label, t.axis = found->axis, t.negative = found->negative, t.hemisphere = found->hemisphere;
      out.push_back(t);
      i = j;
      continue;
    }
    const Word* found = nullptr;
    for (const Word& k : kCjkLabels)
      if (!found && startsWith(s.substr(i), k.text)) found = &k;
    if (!found) return std::nullopt;
    Token t;
    t.kind = Tok::Label, t.axis = found->axis, t.negative = found->negative, t.hemisphere = found->hemisphere;
    out.push_back(t);
    i += found->text.size();
  }
  return out;
}

// --- angles -----------------------------------------------------------------------------------

bool finish(Angle& a, double deg, double min, double sec, bool negative_number, const Token* label_a, const Token* label_b) {
  if (min < 0 || min >= 60 || sec < 0 || sec >= 60) return false;
  double v = deg + min / 60.0 + sec / 3600.0;
  bool label_negative = false;
  for (const Token* l : {label_a, label_b}) {
    if (!l) continue;
    if (a.axis != Axis::Unknown && l->axis != a.axis) return false;  // "E … N": one angle, two axes
    a.axis = l->axis;
    label_negative = label_negative || l->negative;
  }
  if (negative_number && label_negative) return false;  // "-30 S"
  if (negative_number || label_negative) v = -v;
  const double limit = a.axis == Axis::Lat ? 90.0 : 180.0;
  if (!std::isfinite(v) || std::fabs(v) > limit) return false;
  a.degrees = v;
  return true;
}

// Angles in a token list, in order; nullopt when the list is not a sequence of angles.
std::optional<std::vector<Angle>> readAngles(const std::vector<Token>& t) {
  const size_t n = t.size();
  auto skipSpace = [&](size_t i) {
    while (i < n && t[i].kind == Tok::Space) ++i;
    return i;
  };
  // Runs of plain numbers (no unit after them) separated by spaces only: 1 or 2 → decimal degrees
  // each, 3 → one angle in degrees, minutes and seconds, 6 → two such; others are ambiguous.
  std::vector<int> run_len(n, 0), run_pos(n, 0);
  auto plain = [&](size_t i) {
    if (t[i].kind != Tok::Num) return false;
    const size_t j = skipSpace(i + 1);
    return !(j < n && (t[j].kind == Tok::Deg || t[j].kind == Tok::Min || t[j].kind == Tok::Sec));
  };
  for (size_t i = 0; i < n;) {
    if (!plain(i)) {
      ++i;
      continue;
    }
    std::vector<size_t> members{i};
    size_t j = i + 1;
    while (j + 1 < n && t[j].kind == Tok::Space && plain(j + 1)) members.push_back(j + 1), j += 2;
    for (size_t k = 0; k < members.size(); ++k) run_len[members[k]] = static_cast<int>(members.size()), run_pos[members[k]] = static_cast<int>(k);
    i = members.back() + 1;
  }

  std::vector<Angle> out;
  size_t i = 0;
  while (true) {
    while (i < n && (t[i].kind == Tok::Space || t[i].kind == Tok::Sep || t[i].kind == Tok::QuoteMin || t[i].kind == Tok::QuoteSec)) ++i;
    if (i >= n) break;
    Angle a;
    const Token* prefix = nullptr;
    if (t[i].kind == Tok::Label) {
      prefix = &t[i];
      i = skipSpace(i + 1);
    }
    if (i >= n || t[i].kind != Tok::Num) return std::nullopt;
    const Token& d = t[i];
    double deg = d.value, min = 0, sec = 0;
    bool negative = d.negative;
    size_t j = skipSpace(i + 1);
    if (j < n && t[j].kind == Tok::Deg) {
      i = j + 1;
      // Minutes: a number and ′ (or ' right after it); seconds likewise.
      size_t k = skipSpace(i);
      if (k + 1 < n && t[k].kind == Tok::Num && !t[k].negative && (t[k + 1].kind == Tok::Min || t[k + 1].kind == Tok::QuoteMin)) {
        if (!d.integer) return std::nullopt;  // 120.5°30′
        min = t[k].value;
        a.sexagesimal = true;
        i = k + 2;
        const size_t m = k;
        k = skipSpace(i);
        if (k + 1 < n && t[k].kind == Tok::Num && !t[k].negative && (t[k + 1].kind == Tok::Sec || t[k + 1].kind == Tok::QuoteSec)) {
          if (!t[m].integer) return std::nullopt;  // 9.5′18″
          sec = t[k].value;
          i = k + 2;
        }
      }
    } else if (j < n && (t[j].kind == Tok::Min || t[j].kind == Tok::Sec)) {
      return std::nullopt;  // minutes or seconds without degrees
    } else if (run_len[i] == 3 || run_len[i] == 6) {
      if (run_pos[i] % 3 != 0) return std::nullopt;
      const Token& m = t[i + 2];
      const Token& s = t[i + 4];
      if (!d.integer || !m.integer || m.negative || s.negative) return std::nullopt;
      min = m.value, sec = s.value;
      a.sexagesimal = true;
      i += 5;
    } else if (run_len[i] == 1 || run_len[i] == 2) {
      i += 1;
    } else {
      return std::nullopt;  // four or five plain numbers: no telling how they group
    }
    // A hemisphere after the number ("30.27N", "120°09′18.7″ E"), unless the angle had a label
    // before it, or the letter stands against the next number ("… N30.27" is the next's).
    const Token* suffix = nullptr;
    if (!prefix) {
      const size_t k = skipSpace(i);
      if (k < n && t[k].kind == Tok::Label && t[k].hemisphere) {
        const bool against_this = k == i;
        const bool against_next = k + 1 < n && t[k + 1].kind == Tok::Num;
        if (against_this || !against_next) {
          suffix = &t[k];
          i = k + 1;
        }
      }
    }
    if (!finish(a, deg, min, sec, negative, prefix, suffix)) return std::nullopt;
    out.push_back(a);
  }
  return out;
}

// Lower case ASCII, full-width folded, outer brackets and a WKT POINT( … ) taken off.
std::string prepare(std::string_view text, bool& wkt) {
  std::string s = foldFullWidth(text);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto trim = [](std::string& v) {
    size_t a = 0, b = v.size();
    while (a < b && std::isspace(static_cast<unsigned char>(v[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(v[b - 1]))) --b;
    v = v.substr(a, b - a);
  };
  trim(s);
  if (startsWith(s, "srid=")) {  // EWKT: SRID=4326;POINT(…)
    const size_t semi = s.find(';');
    if (semi != std::string::npos) s.erase(0, semi + 1), trim(s);
  }
  wkt = false;
  if (startsWith(s, "point")) {
    s.erase(0, 5);
    trim(s);
    int extra = 0;  // POINT Z (x y z), POINT ZM (x y z m): the ordinates after x and y are dropped
    for (std::string_view dim : {"zm", "z", "m"})
      if (startsWith(s, dim) && s.size() > dim.size() && (s[dim.size()] == '(' || s[dim.size()] == ' ')) {
        s.erase(0, dim.size());
        trim(s);
        extra = static_cast<int>(dim.size());
        break;
      }
    if (s.size() < 2 || s.front() != '(' || s.back() != ')') return "\x01";  // not a point: fails to tokenize
    s = s.substr(1, s.size() - 2);
    trim(s);
    for (; extra > 0; --extra) {
      const size_t sp = s.find_last_of(' ');
      if (sp == std::string::npos) return "\x01";
      s.resize(sp);
      trim(s);
    }
    wkt = true;
  }
  for (bool again = true; again && s.size() >= 2;) {
    again = false;
    for (auto [o, c] : {std::pair{'(', ')'}, std::pair{'[', ']'}, std::pair{'{', '}'}, std::pair{'<', '>'}})
      if (s.front() == o && s.back() == c) {
        s = s.substr(1, s.size() - 2);
        trim(s);
        again = true;
      }
  }
  return s;
}

std::optional<std::vector<Angle>> anglesIn(std::string_view text, bool& wkt) {
  const std::string s = prepare(text, wkt);
  if (s.empty()) return std::nullopt;
  const auto tokens = tokenize(s);
  if (!tokens) return std::nullopt;
  return readAngles(*tokens);
}

}  // namespace

std::optional<Angle> parseAngle(std::string_view text) {
  bool wkt = false;
  const auto a = anglesIn(text, wkt);
  if (!a || a->size() != 1 || wkt) return std::nullopt;
  return a->front();
}

std::optional<double> parseDegrees(std::string_view text) {
  if (auto a = parseAngle(text)) return a->degrees;
  return std::nullopt;
}

std::optional<std::pair<double, double>> CoordPair::lonLat() const {
  const bool lon_first = first.axis == Axis::Lon || second.axis == Axis::Lat;
  const bool lat_first = first.axis == Axis::Lat || second.axis == Axis::Lon;
  if (lon_first == lat_first) return std::nullopt;  // no label, or labels that contradict
  return lon_first ? std::pair{first.degrees, second.degrees} : std::pair{second.degrees, first.degrees};
}

std::optional<CoordPair> parseCoordPair(std::string_view text) {
  bool wkt = false;
  const auto a = anglesIn(text, wkt);
  if (!a || a->size() != 2) return std::nullopt;
  CoordPair p;
  p.first = (*a)[0];
  p.second = (*a)[1];
  p.wkt = wkt;
  if (p.first.axis != Axis::Unknown && p.first.axis == p.second.axis) return std::nullopt;  // two latitudes
  return p;
}

bool plausibleChinaLonLat(double lon, double lat) { return lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54; }
bool plausibleChinaPair(double a, double b) { return plausibleChinaLonLat(a, b) || plausibleChinaLonLat(b, a); }

namespace {

void scoreCell(std::string_view cell, CoordPairColumnScore& s) {
  ++s.values;
  const auto p = parseCoordPair(cell);
  if (!p) return;
  ++s.pairs;
  const double a = p->first.degrees, b = p->second.degrees;
  if (!plausibleChinaPair(a, b)) return;
  ++s.plausible;
  bool lon_first = plausibleChinaLonLat(a, b);
  if (const auto ll = p->lonLat()) lon_first = ll->first == a && ll->second == b;
  ++(lon_first ? s.lon_first : s.lat_first);
}

bool blank(std::string_view v) {
  for (char c : v)
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

CoordPairColumnScore scoreCoordPairColumn(const std::vector<std::string>& cells, size_t max_cells) {
  CoordPairColumnScore s;
  for (const std::string& c : cells) {
    if (static_cast<size_t>(s.values) >= max_cells) break;
    if (!blank(c)) scoreCell(c, s);
  }
  return s;
}

CoordPairColumnScore scoreCoordPairColumn(const std::vector<std::vector<std::string>>& rows, int column, size_t max_cells) {
  CoordPairColumnScore s;
  if (column < 0) return s;
  for (const std::vector<std::string>& r : rows) {
    if (static_cast<size_t>(s.values) >= max_cells) break;
    if (static_cast<size_t>(column) < r.size() && !blank(r[column])) scoreCell(r[column], s);
  }
  return s;
}

}  // namespace cm
