// distinctCharacters (core/glyph_set.h): what a font atlas needs from the names, found once.
#include <gtest/gtest.h>

#include "core/glyph_set.h"
#include "data/model_loader.h"

using namespace cm;

TEST(GlyphSet, EveryNonAsciiCharacterOnceInCodePointOrder) {
  const StringColumn a{"杭州湾", "Binjiang 滨江", ""}, b{"州 é", "😀"};
  EXPECT_EQ(distinctCharacters({&a, &b}), "é州杭江湾滨😀");
  EXPECT_EQ(distinctCharacters({}), "");
  const StringColumn ascii{"abc", "Hangzhou"};
  EXPECT_EQ(distinctCharacters({&ascii}), "");
}

TEST(GlyphSet, MalformedBytesAreSkipped) {
  const StringColumn bad{std::string("\xE6\x9D") + "x", std::string("\xFF\xC0\x80") + "杭", "\xE6"};
  EXPECT_EQ(distinctCharacters({&bad}), "杭");
}

TEST(GlyphSet, TheLoaderSetsItForTheSampleAndItHoldsEveryCharacterOfItsNames) {
  LoadReport r;
  const Model m = loadModel({CHAINMAP_TEST_DATA, "", "", "", "", /*use_cache=*/false}, r);
  ASSERT_FALSE(r.fatal());
  ASSERT_GT(m.projects.size(), 0u);
  ASSERT_TRUE(m.projects.name_glyphs);
  const std::string& g = *m.projects.name_glyphs;
  EXPECT_GT(g.size(), 100u);
  // Every character of every name is in the set (checked through the set of one name at a time).
  for (size_t i = 0; i < m.projects.size(); i += 13) {
    const StringColumn one{m.projects.name_zh[i], m.projects.foreign[i]};
    const std::string mine = distinctCharacters({&one});
    for (size_t k = 0; k < mine.size();) {
      const size_t len = (static_cast<unsigned char>(mine[k]) >= 0xF0) ? 4 : (static_cast<unsigned char>(mine[k]) >= 0xE0) ? 3 : 2;
      EXPECT_NE(g.find(mine.substr(k, len)), std::string::npos) << m.projects.name_zh[i];
      k += len;
    }
  }
}

TEST(GlyphSet, ALargeColumnReadInTwoHalvesGivesTheSameSet) {
  // Over 4 MB an arena is read by two threads, cut at a NUL: characters on either side of the
  // cut, and one only in each half, must all be found.
  StringColumn big, small;
  const std::vector<std::string> names = {"杭州湾新区", "滨江物联网", "Xiaoshan", "余杭未来科技城"};
  size_t bytes = 0;
  for (size_t i = 0; bytes < (size_t{5} << 20); ++i) {
    big.push_back(names[i % names.size()]);
    bytes += names[i % names.size()].size() + 1;
  }
  big.push_back("鹤");  // only at the end
  StringColumn first{"龟"};
  first.append(big);  // only at the start
  for (const std::string& n : names) small.push_back(n);
  small.push_back("鹤");
  small.push_back("龟");
  EXPECT_EQ(distinctCharacters({&first}), distinctCharacters({&small}));
}
