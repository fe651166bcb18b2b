// Line breaking for captions and notes (core/text_wrap.h): Chinese breaks between characters,
// never inside a number or a Latin word, never before closing or after opening punctuation.
#include <gtest/gtest.h>

#include "core/text_wrap.h"

namespace cm {
namespace {

// Every code point 1 unit wide (CJK 2), so widths are easy to reason about.
float width(std::string_view s) {
  float w = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    w += len >= 3 ? 2 : 1;
    i += len;
  }
  return w;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "|";
  return s;
}

TEST(TextWrap, NumbersStayWholeInChineseText) {
  const auto lines = wrapLines("完成年度目标73.3%；10亿元以上38个，完成69.1%。", 20, width);
  for (const std::string& l : lines) {
    EXPECT_LE(width(l), 20) << joined(lines);
    EXPECT_NE(l.rfind("69.", l.size() - 3), l.size() - 3) << "69.1% split: " << joined(lines);
  }
  const std::string all = joined(lines);
  EXPECT_NE(all.find("69.1%"), std::string::npos) << all;
  EXPECT_NE(all.find("73.3%"), std::string::npos) << all;
}

TEST(TextWrap, NoLineStartsWithClosingPunctuation) {
  const auto lines = wrapLines("其中186个在开发区（园区），占84.5%。其余在区外。", 12, width);
  for (const std::string& l : lines) {
    ASSERT_FALSE(l.empty()) << joined(lines);
    EXPECT_NE(l.rfind("，", 0), 0u) << joined(lines);
    EXPECT_NE(l.rfind("。", 0), 0u) << joined(lines);
    EXPECT_NE(l.rfind("）", 0), 0u) << joined(lines);
    // An opening bracket never ends a line.
    EXPECT_FALSE(l.size() >= 3 && l.substr(l.size() - 3) == "（") << joined(lines);
  }
}

TEST(TextWrap, EnglishBreaksAtSpacesOnly) {
  const auto lines = wrapLines("Of the 38 manufacturing projects of at least 1 bn CNY, 36 (94.7 %) belong to the five ecosystems.", 30, width);
  EXPECT_GT(lines.size(), 2u);
  for (const std::string& l : lines) {
    EXPECT_LE(width(l), 30) << joined(lines);
    EXPECT_NE(l.front(), ' ') << joined(lines);
  }
  EXPECT_NE(joined(lines).find("manufacturing"), std::string::npos);
}

TEST(TextWrap, NewlinesAndOverlongWords) {
  EXPECT_EQ(wrapLines("a\nb", 100, width), (std::vector<std::string>{"a", "b"}));
  const auto lines = wrapLines("abcdefghij", 4, width);  // one word wider than the line: cut
  EXPECT_EQ(joined(lines), "abcd|efgh|ij|");
  EXPECT_EQ(wrapLines("", 10, width), (std::vector<std::string>{""}));
}

// The tour's captions (assets/tours/hangzhou_story.json): at every width the last line keeps a
// few characters with their word — never "个。" alone — and no line starts with closing
// punctuation.
TEST(TextWrap, NoShortOrphanOnTheLastLine) {
  const char* captions[] = {
      "主城区、主平台的裂变项目有序流转至临安、桐庐、建德、淳安。市属国企“招投联动”落地亿元以上项目11个，跟进146个。",
      "2024年7月，杭州临安经济开发区十项重大产业项目集中签约，总投资160亿元，其中50亿元项目2个，10亿元以上项目5个。",
      "筛选：制造业、10亿元以上、五大生态圈、2024年1–7月。把生态圈筛选改回“全部”，即可看到其余2个项目。各生态圈招大引强专班盯引的重点项目有70余个。",
  };
  int orphans_possible = 0;
  for (const char* text : captions)
    for (float w = 16; w <= 120; w += 1) {
      const auto lines = wrapLines(text, w, width);
      ASSERT_FALSE(lines.empty());
      for (const std::string& l : lines) {
        EXPECT_LE(width(l), w) << joined(lines);
        for (const char* p : {"，", "。", "、", "；", "：", "？", "！", "）", "」", "”"}) EXPECT_NE(l.rfind(p, 0), 0u) << w << ": " << joined(lines);
      }
      if (lines.size() < 2) continue;
      ++orphans_possible;
      // The last line holds at least three characters besides its punctuation ("跟进146个。").
      EXPECT_GE(width(lines.back()), 8) << w << ": " << joined(lines);
      EXPECT_NE(lines.back(), "个。") << w << ": " << joined(lines);
    }
  EXPECT_GT(orphans_possible, 100);
}

TEST(TextWrap, ANumberKeepsItsMeasureWord) {
  for (float w = 10; w <= 60; w += 1)
    for (const std::string& l : wrapLines("落地亿元以上项目11个，跟进146个。", w, width)) {
      EXPECT_NE(l.rfind("个", 0), 0u) << w << ": " << joined(wrapLines("落地亿元以上项目11个，跟进146个。", w, width));
    }
}

}  // namespace
}  // namespace cm
