// The one string table (assets/strings.json): every entry in both languages, every key the code
// uses present, the catalogue's names all there, and a broken table named in its error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <map>
#include <set>
#include <sstream>

#include "core/catalog.h"
#include "core/ecosystem.h"
#include "core/strings.h"
#include "data/import/field_mapping.h"

using namespace cm;
namespace fs = std::filesystem;

TEST(Strings, EveryEntryHasBothLanguages) {
  const StringTable& t = strings();
  ASSERT_GT(t.entries.size(), 150u);
  for (const auto& [key, v] : t.entries) {
    EXPECT_FALSE(v[0].empty()) << key << " lacks Chinese";
    EXPECT_FALSE(v[1].empty()) << key << " lacks English";
  }
}

TEST(Strings, EveryKeyTheCodeUsesIsInTheTable) {
  // S::Name anywhere in app/, and tr(…, "literal") keys.
  std::set<std::string> used;
  // Messages (core/message.h) name their keys as Msg("key"), and argKey(…, "key") / argKey(…, "prefix." + …) arguments.
  const std::regex s_key(R"re(S::([A-Za-z]\w*))re"), literal(R"re(tr\(\s*\w+\s*,\s*"([^"]+)"\s*\))re"),
      msg(R"re(Msg\("([^"]+)"\))re"), arg_key(R"re(argKey\("\w+",\s*"([^"]+)"\))re"), key_literal(R"re(\?\s*"((?:import|place|map|mapfile|coords|cat)\.[a-z_]+)")re");
  for (const auto& e : fs::recursive_directory_iterator(fs::path(CHAINMAP_SOURCE_DIR) / "app")) {
    if (!e.is_regular_file() || (e.path().extension() != ".cpp" && e.path().extension() != ".h")) continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    for (const std::regex& re : {s_key, literal, msg, arg_key, key_literal})
      for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) used.insert((*it)[1]);
  }
  ASSERT_GT(used.size(), 100u);
  for (const std::string& k : used) EXPECT_TRUE(hasString(k)) << "'" << k << "' is used in the code but missing from assets/strings.json";
  // Keys made at run time.
  for (const auto& e : kEcosystems) EXPECT_TRUE(hasString("eco." + std::string(e.id))) << e.id;
  for (const auto& c : kChains) EXPECT_TRUE(hasString("chain." + std::string(c.id))) << c.id;
  for (const auto& st : kStages) EXPECT_TRUE(hasString("stage." + std::string(st.id))) << st.id;
  for (MoneyUnit u : kMoneyUnits) EXPECT_TRUE(hasString(std::string("unit.") + moneyUnitId(u))) << moneyUnitId(u);
  for (int f = 0; f < kFieldCount; ++f) EXPECT_TRUE(hasString(std::string("field.") + fieldId(static_cast<Field>(f)))) << fieldId(static_cast<Field>(f));
  EXPECT_STREQ(tr(Lang::En, "no.such.key"), "[no.such.key]");
  EXPECT_STREQ(tr(Lang::Zh, S::Title), "杭州产业链招商地图");
}

TEST(Strings, ABrokenTableIsNamedInItsError) {
  const fs::path dir = fs::path(::testing::TempDir()) / "chainmap_strings";
  fs::create_directories(dir);
  std::ofstream(dir / "a.json") << "{\"Title\": {\"zh\": \"标题\"}}";
  auto a = loadStringTable((dir / "a.json").string());
  ASSERT_FALSE(a);
  EXPECT_NE(a.error().find("a.json"), std::string::npos);
  EXPECT_NE(a.error().find("Title"), std::string::npos);
  std::ofstream(dir / "b.json") << "not json";
  EXPECT_FALSE(loadStringTable((dir / "b.json").string()));
  EXPECT_FALSE(loadStringTable((dir / "missing.json").string()));
  fs::remove_all(dir);
}

// Issue 18: the NNI window printed "z = ?21.4" — the minus sign (U+2212) that its number formatting
// prints was not in the font atlas, which holds only the glyphs of allUiText() and the data. Every
// character a string literal of the UI, the layers or the core (the formatting: numbers, units,
// markers) can print must be in that text. Comments are skipped; \u escapes are decoded.
namespace {

std::vector<char32_t> codepoints(std::string_view s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(n);
  }
  return out;
}

// The characters of the string literals of a C++ source (comments, char literals skipped).
std::vector<char32_t> literalCodepoints(const std::string& t) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.compare(i, 2, "//") == 0) {
      i = t.find('\n', i);
      if (i == std::string::npos) break;
    } else if (t.compare(i, 2, "/*") == 0) {
      i = t.find("*/", i + 2);
      if (i == std::string::npos) break;
      ++i;
    } else if (t[i] == '\'') {
      for (++i; i < t.size() && t[i] != '\''; ++i)
        if (t[i] == '\\') ++i;
    } else if (t.compare(i, 3, "R\"(") == 0 || t.compare(i, 5, "R\"re(") == 0) {
      const std::string close = t[i + 2] == '(' ? ")\"" : ")re\"";
      const size_t e = t.find(close, i);
      if (e == std::string::npos) break;
      i = e + close.size() - 1;  // regexes and raw text: not printed
    } else if (t[i] == '"') {
      std::string lit;
      for (++i; i < t.size() && t[i] != '"'; ++i) {
        if (t[i] == '\\' && i + 1 < t.size()) {
          if (t[i + 1] == 'u' && i + 5 < t.size()) {
            const char32_t cp = static_cast<char32_t>(std::stoul(t.substr(i + 2, 4), nullptr, 16));
            out.push_back(cp);
            i += 5;
          } else {
            ++i;
          }
          continue;
        }
        lit += t[i];
      }
      for (char32_t cp : codepoints(lit)) out.push_back(cp);
    }
  }
  return out;
}

}  // namespace

TEST(Strings, EveryCharacterTheCodePrintsIsInTheAtlasText) {
  std::set<char32_t> have;
  for (char32_t c : codepoints(allUiText())) have.insert(c);
  ASSERT_TRUE(have.count(U'亿'));
  std::map<char32_t, std::string> missing;
  for (const char* dir : {"app/ui", "app/render", "app/core"})
    for (const auto& e : fs::recursive_directory_iterator(fs::path(CHAINMAP_SOURCE_DIR) / dir)) {
      if (!e.is_regular_file() || (e.path().extension() != ".cpp" && e.path().extension() != ".h")) continue;
      std::ifstream in(e.path());
      std::stringstream ss;
      ss << in.rdbuf();
      for (char32_t c : literalCodepoints(ss.str()))
        if (c >= 0x80 && !have.count(c)) missing.emplace(c, e.path().filename().string());
    }
  for (const auto& [c, file] : missing) ADD_FAILURE() << "U+" << std::hex << static_cast<uint32_t>(c) << " (printed in " << file << ") is not in allUiText(): the atlas has no glyph for it";
  // The NNI's z (a real minus sign) in particular.
  EXPECT_TRUE(have.count(U'\u2212'));
}
