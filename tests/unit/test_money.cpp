// Money as the UI shows it (core/money.h): one unit system a language — 亿元 and 万美元 in
// Chinese, CNY bn and USD m in English — and the English string table says no "100M"; a tour
// caption's live figures (core/tour.h fillCaption) use the same formatter.
#include <gtest/gtest.h>

#include "core/money.h"
#include "core/strings.h"
#include "core/tour.h"

namespace cm {
namespace {

TEST(Money, InvestmentInEachLanguagesUnit) {
  EXPECT_EQ(formatYi(160, Lang::Zh), "160 亿元");
  EXPECT_EQ(formatYi(160, Lang::En), "CNY 16.0 bn");  // 1 亿元 = CNY 0.1 bn
  EXPECT_EQ(formatYi(2390, Lang::En), "CNY 239 bn");
  EXPECT_EQ(formatYi(23900, Lang::En), "CNY 2,390 bn");
  EXPECT_EQ(formatYi(234, Lang::En), "CNY 23.4 bn");
  EXPECT_EQ(formatYi(1.5, Lang::En), "CNY 0.15 bn");
  EXPECT_EQ(formatYi(12.34, Lang::Zh), "12.3 亿元");
  EXPECT_EQ(formatYi(0, Lang::En), "CNY 0 bn");
  EXPECT_EQ(formatYiNumber(160, Lang::En), "16.0");
  EXPECT_DOUBLE_EQ(yiShown(160, Lang::En), 16.0);
  EXPECT_DOUBLE_EQ(yiFromShown(16.0, Lang::En), 160.0);
  EXPECT_DOUBLE_EQ(yiShown(160, Lang::Zh), 160.0);
  EXPECT_STREQ(yiUnit(Lang::En), "CNY bn");
  EXPECT_STREQ(yiUnit(Lang::Zh), "亿元");
}

TEST(Money, ThresholdsAndSizeClasses) {
  EXPECT_EQ(formatYiCompact(1, Lang::En), "0.1");
  EXPECT_EQ(formatYiCompact(10, Lang::En), "1");
  EXPECT_EQ(formatYiCompact(50, Lang::En), "5");
  EXPECT_EQ(formatYiCompact(100, Lang::En), "10");
  EXPECT_EQ(formatYiCompact(50, Lang::Zh), "50");
  EXPECT_EQ(formatYiAtLeast(1, Lang::En), "≥ CNY 0.1 bn");
  EXPECT_EQ(formatYiAtLeast(10, Lang::Zh), "≥10亿元");
  EXPECT_EQ(shortYi(Lang::Zh, 141), "141亿");
  EXPECT_EQ(shortYi(Lang::En, 141), "CNY 14.1 bn");
}

TEST(Money, ForeignInvestmentInUsdMillionsOrWanUsd) {
  EXPECT_EQ(formatFdi(4790, Lang::En), "USD 4,790 m");
  EXPECT_EQ(formatFdi(1, Lang::Zh), "100 万美元");  // 100 万美元 = USD 1 m
  EXPECT_EQ(formatFdi(12.5, Lang::En), "USD 12.5 m");
  EXPECT_EQ(formatFdi(12.5, Lang::Zh), "1250 万美元");
  EXPECT_EQ(formatFdi(6230.3, Lang::Zh), "62.3 亿美元");  // a large amount in 亿美元, as Chinese writes it
  EXPECT_EQ(formatFdi(4790, Lang::Zh), "47.9 亿美元");
  EXPECT_EQ(formatCount(1564, Lang::En), "1,564");
  EXPECT_EQ(formatCount(1564, Lang::Zh), "1564");
  EXPECT_EQ(formatCount(23, Lang::En), "23");
}

// Every English string the window can show speaks CNY bn: no "100M", no 亿元 — except the import
// dialog's names of a source column's unit (what the file says, not what the window shows).
TEST(Money, TheEnglishStringTableShowsNo100M) {
  for (const std::string& key : strings().order) {
    if (key.rfind("unit.", 0) == 0 || key.rfind("import.", 0) == 0 || key.rfind("map.unit", 0) == 0 || key == "UnitWanUsd")
      continue;
    const std::string en = tr(Lang::En, key);
    EXPECT_EQ(en.find("100M"), std::string::npos) << key << ": " << en;
    EXPECT_EQ(en.find("亿元"), std::string::npos) << key << ": " << en;
  }
}

TEST(TourCaption, PlaceholdersTakeTheFiguresInEachLanguagesUnits) {
  CaptionFigures f;
  f.count = 128;
  f.investment_yi = 234;
  f.fdi_musd = 12.5;
  f.table_zh = "合成样例";
  f.table_en = "the sample";
  EXPECT_EQ(fillCaption("Your table: {count} projects, {investment}", f, false), "Your table: 128 projects, CNY 23.4 bn");
  EXPECT_EQ(fillCaption("{table}：{count}个项目，{investment}，外资{fdi}", f, true), "合成样例：128个项目，234 亿元，外资1250 万美元");
  EXPECT_EQ(fillCaption("{table} {fdi}", f, false), "the sample USD 12.5 m");
  EXPECT_EQ(fillCaption("no figures {here}, { count}, {}", f, false), "no figures {here}, { count}, {}");  // unknown: as written
  EXPECT_EQ(unknownPlaceholders("{count} {investmnt} {fdi} {x_1}"), (std::vector<std::string>{"investmnt", "x_1"}));
}

TEST(TourCaption, AnUnknownPlaceholderIsAWarningNamingTheStep) {
  auto t = parseTour(R"({"title": {"zh": "t", "en": "t"}, "steps": [
      {"title": {"zh": "a", "en": "a"}, "text": {"zh": "{count}个", "en": "{count} projects"}},
      {"title": {"zh": "b", "en": "b"}, "text": {"zh": "共{count}个", "en": "{count} projects, {invest}"}, "projects": "open"}]})",
                     "t.json");
  ASSERT_TRUE(t) << t.error();
  const auto w = tourWarnings(*t, "t.json");
  ASSERT_EQ(w.size(), 1u) << ::testing::PrintToString(w);
  EXPECT_NE(w[0].find("t.json: step 2: 'text.en'"), std::string::npos) << w[0];
  EXPECT_NE(w[0].find("{invest}"), std::string::npos) << w[0];
  EXPECT_EQ(t->steps[1].projects, "open");
  // "projects" takes only "open"; "foreign" only true/false.
  EXPECT_FALSE(parseTour(R"({"title": {"zh": "t", "en": "t"}, "steps": [{"title": {"zh": "a", "en": "a"},
      "text": {"zh": "a", "en": "a"}, "projects": "all"}]})", "t.json"));
  EXPECT_FALSE(parseTour(R"({"title": {"zh": "t", "en": "t"}, "steps": [{"title": {"zh": "a", "en": "a"},
      "text": {"zh": "a", "en": "a"}, "foreign": "yes"}]})", "t.json"));
}

TEST(TourCaption, ForeignAndOpenTableKeysRoundTrip) {
  Tour t;
  t.title = {"t", "t"};
  TourStep a;
  a.title = {"a", "a"};
  a.text = {"{count}", "{count}"};
  a.foreign = true;
  TourStep b = a;
  b.foreign = false;
  b.projects = "open";
  t.steps = {a, b};
  auto back = parseTour(tourToJson(t), "t.json");
  ASSERT_TRUE(back) << back.error();
  EXPECT_TRUE(*back == t);
  EXPECT_NE(tourToJson(t).find("\"foreign\": true"), std::string::npos);
  EXPECT_NE(tourToJson(t).find("\"projects\": \"open\""), std::string::npos);
}

}  // namespace
}  // namespace cm
