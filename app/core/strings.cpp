#include "core/strings.h"

#include <cstdlib>
#include <fstream>
#include <mutex>

#include <nlohmann/json.hpp>

namespace cm {

Result<StringTable> loadStringTable(const std::string& path) {
  using R = Result<StringTable>;
  std::ifstream in(path);
  if (!in) return R::fail(fileError(path, "file not found"));
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return R::fail(fileError(path, "not valid JSON (expected {\"Key\": {\"zh\": …, \"en\": …}})"));
  StringTable t;
  for (const auto& [key, v] : j.items()) {
    if (!v.is_object() || !v.contains("zh") || !v.contains("en") || !v["zh"].is_string() || !v["en"].is_string())
      return R::fail(fileError(path, "'" + key + "' must be {\"zh\": \"…\", \"en\": \"…\"}"));
    t.entries[key] = {v["zh"].get<std::string>(), v["en"].get<std::string>()};
    t.order.push_back(key);
  }
  return t;
}

std::string stringTablePath() {
  const char* e = std::getenv("CHAINMAP_ASSETS");
  return (e && *e ? std::string(e) : std::string(CHAINMAP_SOURCE_DIR) + "/assets") + "/strings.json";
}

const StringTable& strings() {
  static const StringTable table = [] {
    auto t = loadStringTable(stringTablePath());
    if (!t) {
      std::fprintf(stderr, "error: %s\n", t.error().c_str());  // every string then shows as [Key]
      return StringTable{};
    }
    return t.take();
  }();
  return table;
}

const char* tr(Lang l, std::string_view key) {
  const StringTable& t = strings();
  const auto it = t.entries.find(std::string(key));
  if (it != t.entries.end()) return it->second[l == Lang::Zh ? 0 : 1].c_str();
  // A missing key shows as "[Key]" (kept for the program's life, so the pointer stays valid).
  static std::mutex m;
  static std::unordered_map<std::string, std::string> missing;
  std::lock_guard<std::mutex> lock(m);
  auto& s = missing[std::string(key)];
  if (s.empty()) s = "[" + std::string(key) + "]";
  return s.c_str();
}

const char* tr(Lang l, Str s) { return tr(l, std::string_view(s.key)); }

bool hasString(std::string_view key) { return strings().entries.count(std::string(key)) > 0; }

std::string allUiText() {
  std::string t;
  for (const auto& [key, v] : strings().entries) t += v[0] + v[1];
  t += "0123456789●◇≥≤∝·—…–→％%，。：（）亿万元";
  // Characters the code prints from literals of its own, not from the table: the real minus and
  // the times sign of number formatting, ✓, the NNI's sentences, the wrapped text's punctuation
  // (test_strings checks every literal of ui/, render/ and core/ against this text).
  t += "\u2212×✓布才‘’〈〉《》「」『』【】！";
  return t;
}

}  // namespace cm
