// The one string table (assets/strings.json): every entry in both languages, every key the code
// uses present, the catalogue's names all there, and a broken table named in its error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
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
