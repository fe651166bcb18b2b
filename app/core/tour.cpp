#include "core/tour.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/catalog.h"
#include "core/dates.h"
#include "core/ecosystem.h"
#include "core/money.h"
#include "platform/atomic_file.h"

namespace cm {

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

constexpr size_t kMaxTourBytes = 16u << 20;

// A check failed: the message without the file name ("step 3: 'from' must be YYYY-MM").
struct Fail {
  std::string msg;
};

size_t codePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool isBlank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool isId(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// A feature's step value a tour may carry: numbers, true/false, null and ids, in arrays and
// objects (keyed by ids) at most three deep.
bool tourSafe(const json& v, int depth) {
  if (depth > 3) return false;
  if (v.is_number() || v.is_boolean() || v.is_null()) return true;
  if (v.is_string()) return isId(v.get<std::string>());
  if (v.is_array()) return std::all_of(v.begin(), v.end(), [&](const json& e) { return tourSafe(e, depth + 1); });
  if (v.is_object()) {
    for (const auto& [k, e] : v.items())
      if (!isId(k) || !tourSafe(e, depth + 1)) return false;
    return true;
  }
  return false;
}

// A value quoted for a message, cut (at a character boundary) when long.
std::string shown(const std::string& s) {
  if (s.size() <= 40) return "\"" + s + "\"";
  size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + s.substr(0, cut) + "…\"";
}

std::string oneOf(std::initializer_list<const char*> values) {
  std::string out;
  for (const char* v : values) {
    if (!out.empty()) out += ", ";
    out += *v ? std::string("\"") + v + "\"" : std::string("\"\" (none)");
  }
  return out;
}

// Reads the keys of one JSON object with messages that say where ("step 3: ") and what.
class Reader {
 public:
  Reader(const json& obj, std::string where) : obj_(obj), where_(std::move(where)) {}

  const json* find(const char* key) const {
    auto it = obj_.find(key);
    if (it == obj_.end() || it->is_null()) return nullptr;
    return &*it;
  }
  [[noreturn]] void fail(const std::string& msg) const { throw Fail{where_ + msg}; }

  TourText text(const char* key, bool required, size_t limit) const {
    TourText t;
    const json* v = find(key);
    if (!v) {
      if (required) fail(std::string("'") + key + "' is missing (a caption {\"zh\": …, \"en\": …})");
      return t;
    }
    if (!v->is_object()) fail(std::string("'") + key + "' must be an object {\"zh\": …, \"en\": …}");
    for (const char* lang : {"zh", "en"}) {
      auto it = v->find(lang);
      std::string s;
      if (it != v->end() && !it->is_null()) {
        if (!it->is_string()) fail(std::string("'") + key + "." + lang + "' must be text");
        s = it->get<std::string>();
      }
      if (isBlank(s)) fail(std::string("'") + key + "' has no " + lang + " caption (a tour is bilingual: zh and en)");
      if (codePoints(s) > limit)
        fail(std::string("'") + key + "." + lang + "' is " + std::to_string(codePoints(s)) +
             " characters long (at most " + std::to_string(limit) + ")");
      (std::string(lang) == "zh" ? t.zh : t.en) = std::move(s);
    }
    return t;
  }

  double number(const char* key, double def, double lo, double hi, bool lo_open = false) const {
    const json* v = find(key);
    if (!v) return def;
    if (!v->is_number()) fail(std::string("'") + key + "' must be a number");
    const double x = v->get<double>();
    if (!std::isfinite(x) || x < lo || x > hi || (lo_open && x == lo)) {
      std::ostringstream os;
      os << "'" << key << "' must be " << (lo_open ? "above " : "at least ") << lo << " and at most " << hi
         << " (got " << x << ")";
      fail(os.str());
    }
    return x;
  }

  bool boolean(const char* key, bool def) const {
    const json* v = find(key);
    if (!v) return def;
    if (!v->is_boolean()) fail(std::string("'") + key + "' must be true or false");
    return v->get<bool>();
  }

  std::string string(const char* key) const {
    const json* v = find(key);
    if (!v) return {};
    if (!v->is_string()) fail(std::string("'") + key + "' must be text");
    return v->get<std::string>();
  }

  std::string choice(const char* key, std::initializer_list<const char*> allowed) const {
    std::string s = string(key);
    for (const char* a : allowed)
      if (s == a) return s;
    fail(std::string("'") + key + "' must be one of " + oneOf(allowed) + " (got " + shown(s) + ")");
  }

  std::string month(const char* key) const {
    std::string s = string(key);
    if (s.empty()) return s;
    if (s.size() != 7 || !parseMonth(s)) fail(std::string("'") + key + "' must be YYYY-MM (got " + shown(s) + ")");
    return s;
  }

  std::vector<std::string> strings(const char* key) const {
    std::vector<std::string> out;
    const json* v = find(key);
    if (!v) return out;
    if (!v->is_array()) fail(std::string("'") + key + "' must be a list of ids [\"…\", …]");
    for (const json& e : *v) {
      if (!e.is_string()) fail(std::string("'") + key + "' must be a list of ids [\"…\", …]");
      out.push_back(e.get<std::string>());
    }
    return out;
  }

  std::vector<int> adcodes(const char* key) const {
    std::vector<int> out;
    const json* v = find(key);
    if (!v) return out;
    if (!v->is_array()) fail(std::string("'") + key + "' must be a list of adcodes [330102, …]");
    for (const json& e : *v) {
      if (!e.is_number_integer() || e.get<long long>() < 100000 || e.get<long long>() > 999999)
        fail(std::string("'") + key + "' must be a list of six-digit adcodes (got " + e.dump() + ")");
      out.push_back(static_cast<int>(e.get<long long>()));
    }
    return out;
  }

 private:
  const json& obj_;
  std::string where_;
};

TourStep readStep(const json& j, const std::string& where) {
  if (!j.is_object()) throw Fail{where + "must be an object {\"title\": …, \"text\": …, …}"};
  const Reader r(j, where);
  TourStep s;
  s.title = r.text("title", true, kTourCaptionHardLimit);
  s.text = r.text("text", true, kTourCaptionHardLimit);
  if (r.find("notes")) s.notes = r.text("notes", true, kTourNotesLimit);
  s.lon = r.number("lon", s.lon, -180, 180);
  s.lat = r.number("lat", s.lat, -90, 90);
  s.width_km = r.number("width_km", s.width_km, 0, 40000, true);
  if (r.find("height_km")) s.height_km = r.number("height_km", 0, 0, 40000, true);
  s.layers_on = r.strings("layers_on");
  for (const auto& id : s.layers_on)
    if (!isId(id)) r.fail("'layers_on' has " + shown(id) + ", not a layer toggle id (e.g. \"districts\", \"projects\")");
  s.ecosystems = r.strings("ecosystems");
  for (const auto& id : s.ecosystems)
    if (!ecosystemFromId(id))
      r.fail("unknown ecosystem id " + shown(id) + " in 'ecosystems' (known: iot, bio, equip, mat, energy, other)");
  s.chains = r.strings("chains");
  for (const auto& id : s.chains)
    if (!isId(id)) r.fail("'chains' has " + shown(id) + ", not a chain id (e.g. \"water_beverages\")");
  s.districts = r.adcodes("districts");
  s.sector = r.choice("sector", {"", "manufacturing", "service"});
  s.min_investment_yi = r.number("min_investment_yi", 0, 0, 1e7);
  s.park = r.choice("park", {"", "in", "out"});
  s.from = r.month("from");
  s.to = r.month("to");
  if (!s.from.empty() && !s.to.empty() && *parseMonth(s.to) < *parseMonth(s.from))
    r.fail("'to' (" + s.to + ") is before 'from' (" + s.from + ")");
  s.play = r.boolean("play", false);
  s.play_seconds = r.number("play_seconds", 0, 0, 3600);
  s.lifecycle = r.boolean("lifecycle", false);
  s.foreign = r.boolean("foreign", false);
  s.projects = r.choice("projects", {"", "open"});
  s.seconds = r.number("seconds", s.seconds, 0, 3600, true);
  // Keys of the features' own (ui/feature.h): kept as they are, checked by the feature when the
  // tour is opened. Only values made of numbers, true/false and ids are kept: a tour carries no
  // path, address or free text outside its captions (anything else is ignored, as an unknown key).
  static const char* kStepKeys[] = {"title", "text", "notes", "lon", "lat", "width_km", "height_km", "layers_on", "ecosystems", "chains",
                                    "districts", "sector", "min_investment_yi", "park", "from", "to", "play", "play_seconds",
                                    "lifecycle", "seconds", "foreign", "projects"};
  for (const auto& item : j.items()) {
    const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture one
    if (std::find_if(std::begin(kStepKeys), std::end(kStepKeys), [&](const char* k) { return key == k; }) == std::end(kStepKeys)) {
      if (!isId(key)) r.fail(shown(key) + " is not a step key nor a feature id");
      else if (tourSafe(item.value(), 0)) s.features[key] = item.value();
    }
  }
  return s;
}

// Where a syntax error falls: replays the text through the SAX interface and counts the elements
// of the top-level "steps" array up to the break.
class StepLocator : public nlohmann::json_sax<json> {
 public:
  int step = 0;          // 1-based step being read when the error came; 0 outside the steps
  bool between = false;  // the error came between two steps (after `step`)
  std::string error;

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    if (!stack_.empty()) stack_.back().key = k;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error = e.what();
    const bool in_steps = stack_.size() >= 2 && inStepsArray();
    if (!in_steps) step = 0;
    between = in_steps && stack_.size() == 2;
    return false;
  }

 private:
  struct Frame {
    bool array;
    std::string key;
  };
  std::vector<Frame> stack_;

  bool inStepsArray() const { return !stack_[0].array && stack_[0].key == "steps" && stack_[1].array; }
  bool value() {
    if (stack_.size() == 2 && inStepsArray()) ++step;
    return true;
  }
  bool open(bool array) {
    value();
    stack_.push_back({array, {}});
    return true;
  }
  bool close() {
    if (!stack_.empty()) stack_.pop_back();
    return true;
  }
};

std::string parseProblem(const std::string& text, const char* what) {
  StepLocator loc;
  json::sax_parse(text, &loc);
  std::string msg = loc.error.empty() ? std::string(what) : loc.error;
  if (auto p = msg.find("] "); msg.rfind("[json.exception", 0) == 0 && p != std::string::npos) msg = msg.substr(p + 2);
  std::string where;
  if (loc.step > 0) where = (loc.between ? "after step " : "step ") + std::to_string(loc.step) + ": ";
  return where + "not valid JSON: " + msg;
}

ojson textJson(const TourText& t) {
  ojson o = ojson::object();
  o["zh"] = t.zh;
  o["en"] = t.en;
  return o;
}

}  // namespace

Result<Tour> parseTour(const std::string& json_text, const std::string& name) {
  using R = Result<Tour>;
  std::string_view body = json_text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);  // a UTF-8 BOM from an editor
  json root;
  try {
    root = json::parse(body);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for a number like 1e400
    return R::fail(fileError(name, parseProblem(std::string(body), e.what())));
  }
  try {
    if (!root.is_object()) throw Fail{"a tour must be a JSON object {\"title\": …, \"steps\": […]}"};
    Tour t;
    t.title = Reader(root, "").text("title", true, kTourCaptionHardLimit);
    auto it = root.find("steps");
    if (it == root.end() || it->is_null()) throw Fail{"'steps' is missing"};
    if (!it->is_array()) throw Fail{"'steps' must be a list [{…}, …]"};
    if (it->empty()) throw Fail{"the tour has no steps"};
    for (size_t i = 0; i < it->size(); ++i) t.steps.push_back(readStep((*it)[i], "step " + std::to_string(i + 1) + ": "));
    return t;
  } catch (const Fail& f) {
    return R::fail(fileError(name, f.msg));
  } catch (const json::exception& e) {  // not expected: every access above is checked
    return R::fail(fileError(name, e.what()));
  }
}

Result<Tour> loadTour(const std::string& path) {
  using R = Result<Tour>;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return R::fail(fileError(path, "is a folder, not a tour file"));
  std::ifstream in(path, std::ios::binary);
  if (!in) return R::fail(fileError(path, std::string("cannot read (") + std::strerror(errno) + ")"));
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxTourBytes) return R::fail(fileError(path, "is larger than 16 MiB; not a tour file"));
  }
  if (in.bad()) return R::fail(fileError(path, "cannot read (I/O error)"));
  return parseTour(text, path);
}

namespace {
// Each {name} of `text` (name: letters, digits, '_'), in order: {position, length, name}.
struct Placeholder {
  size_t at, len;
  std::string name;
};
std::vector<Placeholder> placeholders(const std::string& text) {
  std::vector<Placeholder> out;
  for (size_t i = text.find('{'); i != std::string::npos; i = text.find('{', i + 1)) {
    size_t j = i + 1;
    while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
    if (j < text.size() && text[j] == '}' && j > i + 1) out.push_back({i, j + 1 - i, text.substr(i + 1, j - i - 1)});
  }
  return out;
}
bool knownPlaceholder(const std::string& n) {
  return std::any_of(std::begin(kCaptionPlaceholders), std::end(kCaptionPlaceholders), [&](const char* k) { return n == k; });
}
}  // namespace

std::vector<std::string> unknownPlaceholders(const std::string& text) {
  std::vector<std::string> out;
  for (const Placeholder& p : placeholders(text))
    if (!knownPlaceholder(p.name)) out.push_back(p.name);
  return out;
}

std::string fillCaption(const std::string& text, const CaptionFigures& f, bool zh) {
  if (text.find('{') == std::string::npos) return text;
  const Lang l = zh ? Lang::Zh : Lang::En;
  std::string out;
  size_t from = 0;
  for (const Placeholder& p : placeholders(text)) {
    std::string v;
    if (p.name == "count") v = formatCount(f.count, l);
    else if (p.name == "investment") v = formatYi(f.investment_yi, l);
    else if (p.name == "fdi") v = formatFdi(f.fdi_musd, l);
    else if (p.name == "table") v = zh ? f.table_zh : f.table_en;
    else continue;  // unknown: left as written
    out += text.substr(from, p.at - from) + v;
    from = p.at + p.len;
  }
  return out + text.substr(from);
}

std::vector<std::string> tourWarnings(const Tour& t, const std::string& name) {
  std::vector<std::string> out;
  const std::string file = name.empty() ? std::string() : name + ": ";
  auto caption = [&](const std::string& where, const char* key, const TourText& x) {
    for (const auto& [lang, s] : {std::pair{"zh", &x.zh}, std::pair{"en", &x.en}})
      if (codePoints(*s) > kTourCaptionSoftLimit)
        out.push_back(file + where + "'" + key + "." + lang + "' is " + std::to_string(codePoints(*s)) +
                      " characters long; more than " + std::to_string(kTourCaptionSoftLimit) +
                      " may not fit the caption box");
  };
  caption("", "title", t.title);
  for (size_t i = 0; i < t.steps.size(); ++i) {
    const TourStep& s = t.steps[i];
    const std::string where = "step " + std::to_string(i + 1) + ": ";
    caption(where, "title", s.title);
    caption(where, "text", s.text);
    for (const auto& [key, x] : {std::pair{"title", &s.title}, std::pair{"text", &s.text}})
      for (const auto& [lang, text] : {std::pair{"zh", &x->zh}, std::pair{"en", &x->en}})
        for (const std::string& u : unknownPlaceholders(*text))
          out.push_back(file + where + "'" + key + "." + lang + "' has an unknown placeholder {" + u +
                        "} (known: {count}, {investment}, {fdi}, {table}); it is shown as written");
    for (const auto& c : s.chains)
      if (!chainFromId(c))
        out.push_back(file + where + "chain id " + shown(c) +
                      " is not in the catalogue; it selects nothing unless the loaded table has it");
    if (s.play && s.play_seconds > s.seconds)
      out.push_back(file + where + "the playback ('play_seconds') outlasts the step ('seconds') when the tour runs by itself");
  }
  return out;
}

std::string tourToJson(const Tour& t) {
  ojson root = ojson::object();
  root["title"] = textJson(t.title);
  ojson steps = ojson::array();
  const TourStep def;
  for (const TourStep& s : t.steps) {
    ojson o = ojson::object();
    o["title"] = textJson(s.title);
    o["text"] = textJson(s.text);
    if (!(s.notes == TourText{})) o["notes"] = textJson(s.notes);
    o["lon"] = s.lon;
    o["lat"] = s.lat;
    o["width_km"] = s.width_km;
    if (s.height_km > 0) o["height_km"] = s.height_km;
    if (!s.layers_on.empty()) o["layers_on"] = s.layers_on;
    if (!s.ecosystems.empty()) o["ecosystems"] = s.ecosystems;
    if (!s.chains.empty()) o["chains"] = s.chains;
    if (!s.districts.empty()) o["districts"] = s.districts;
    if (!s.sector.empty()) o["sector"] = s.sector;
    if (s.min_investment_yi != def.min_investment_yi) o["min_investment_yi"] = s.min_investment_yi;
    if (!s.park.empty()) o["park"] = s.park;
    if (!s.from.empty()) o["from"] = s.from;
    if (!s.to.empty()) o["to"] = s.to;
    if (s.play != def.play) o["play"] = s.play;
    if (s.play_seconds != def.play_seconds) o["play_seconds"] = s.play_seconds;
    if (s.lifecycle != def.lifecycle) o["lifecycle"] = s.lifecycle;
    if (s.foreign != def.foreign) o["foreign"] = s.foreign;
    if (!s.projects.empty()) o["projects"] = s.projects;
    if (s.seconds != def.seconds) o["seconds"] = s.seconds;
    for (const auto& [id, value] : s.features) o[id] = ojson::parse(value.dump());
    steps.push_back(std::move(o));
  }
  root["steps"] = std::move(steps);
  // Invalid UTF-8 (only possible from a hand-built Tour) is replaced rather than thrown.
  return root.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

Result<bool> saveTour(const std::string& path, const Tour& t) { return writeFileAtomically(path, tourToJson(t)); }

bool pathInside(const std::string& base_dir, const std::string& relative) {
  namespace fs = std::filesystem;
  if (relative.empty() || relative.find('\0') != std::string::npos) return false;
  // Absolute in any spelling a tour written elsewhere might carry: "/x", "\x", "\\server\x", "C:x".
  if (relative[0] == '/' || relative[0] == '\\') return false;
  if (relative.size() >= 2 && relative[1] == ':' && std::isalpha(static_cast<unsigned char>(relative[0]))) return false;
  // Lexically: "\" is a separator too; ".." may not climb above the folder; the path must name
  // something below it, not the folder itself.
  std::string rel = relative;
  std::replace(rel.begin(), rel.end(), '\\', '/');
  int depth = 0;
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string::npos) end = rel.size();
    const std::string part = rel.substr(start, end - start);
    if (part == "..") {
      if (--depth < 0) return false;
    } else if (!part.empty() && part != ".") {
      ++depth;
    }
    start = end + 1;
  }
  if (depth <= 0) return false;
  // Symbolic links: the parts that exist, resolved, must still lie inside the resolved folder.
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(fs::path(base_dir.empty() ? "." : base_dir), ec);
  if (ec) return false;
  const fs::path target = fs::weakly_canonical(base / fs::path(rel), ec);
  if (ec) return false;
  auto b = base.begin(), p = target.begin();
  for (; b != base.end(); ++b, ++p) {
    if (b->empty() && std::next(b) == base.end()) break;  // a trailing "/" on the folder
    if (p == target.end() || *p != *b) return false;
  }
  return p != target.end() && !p->empty();
}

}  // namespace cm
