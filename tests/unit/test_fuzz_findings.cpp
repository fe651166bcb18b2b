// Regression tests for what the libFuzzer harnesses (tests/fuzz/) found: each crashing input is
// kept as a fixture in tests/fixtures/fuzz/ and must now give a clear message naming the file.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/tour.h"
#include "data/import/field_mapping.h"

namespace {
std::string fixture(const std::string& name) {
  std::ifstream in(std::string(CHAINMAP_FIXTURES) + "/fuzz/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

// fuzz_tour: a number too large for a double ("districts": [3301121e400]) made nlohmann throw
// out_of_range (not parse_error), which parseTour did not catch: std::terminate.
TEST(FuzzFindings, TourNumberOverflowIsAJsonError) {
  const std::string text = fixture("tour_number_overflow.json");
  ASSERT_FALSE(text.empty());
  auto t = cm::parseTour(text, "overflow.json");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().rfind("overflow.json: ", 0), 0u) << t.error();
  EXPECT_NE(t.error().find("not valid JSON"), std::string::npos) << t.error();
  EXPECT_NE(t.error().find("number overflow"), std::string::npos) << t.error();
}

// fuzz_field_mapping: a key of the wrong type ("swap_lonlat": "id", "layer": 3, "cny_per_usd": "x")
// made nlohmann's j.value() throw type_error out of mappingFromJson: std::terminate when the
// import dialog read a hand-edited FILE.chainmap.json.
TEST(FuzzFindings, MappingKeyOfWrongTypeIsAMessage) {
  cm::RawTable t;
  t.columns = {"id", "name_zh", "总投资(万元)", "签约日期", "经度", "纬度"};
  const std::string path = std::string(CHAINMAP_FIXTURES) + "/fuzz/mapping_wrong_type.chainmap.json";
  auto m = cm::loadMapping(path, t);
  ASSERT_FALSE(m);
  // The fuzzer's file also holds keys no mapping has: the first of them is what is said.
  EXPECT_EQ(m.error().rfind(path + ": unknown key \"chainmap_mlaterestmentayer\" (allowed: chainmap_mapping, layer, fields", 0), 0u) << m.error();
  const std::pair<const char*, const char*> bad[] = {
      {R"({"fields":{},"layer":3})", "'layer' must be text"},
      {R"({"fields":{},"investment_unit":1})", "'investment_unit' must be text"},
      {R"({"fields":{},"fdi_unit":[]})", "'fdi_unit' must be text"},
      {R"({"fields":{},"cny_per_usd":"7.1"})", "cny_per_usd must be a positive number"},
      {R"({"fields":{},"swap_lonlat":"id"})", "'swap_lonlat' must be true or false"},
      {R"({"fields":{},"coordinates":true})", "'coordinates' must be auto, wgs84, gcj02, bd09 or epsg (got true)"},
      {R"({"fields":{},"coordinates":"epsg","epsg":4549})", "'epsg' must be text"},
      {R"({"fields":{},"investment_unit":"wanyuan"})", "'investment_unit': unknown unit \"wanyuan\" (use yuan, wan, yi, usd, wan_usd, yi_usd (元, 万元, 亿元, 美元, 万美元, 亿美元))"},
      {R"({"fields":{},"colour":"red"})", "unknown key \"colour\" (allowed: chainmap_mapping, layer, fields, investment_unit, fdi_unit, cny_per_usd, coordinates, epsg, swap_lonlat, categories)"},
      {R"({"fields":{},"categories":{"芯片":"chips"}})", "categories: \"芯片\": unknown ecosystem \"chips\" (iot, bio, equip, mat, energy or other)"},
      {R"({"fields":{},"categories":{"芯片":{"chain":"integrated_circuits","ecosystem":"bio"}}})", "categories: \"芯片\": chain integrated_circuits is not under ecosystem bio"},
  };
  for (const auto& [text, problem] : bad) {
    auto r = cm::mappingFromJson(nlohmann::json::parse(text), t, "m.json");
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error(), std::string("m.json: ") + problem) << text;
  }
  // The well-typed keys still load, null meaning "left out".
  auto ok = cm::mappingFromJson(nlohmann::json::parse(R"({"fields":{"lon":"经度"},"layer":null,"cny_per_usd":7,"swap_lonlat":true})"), t, "m.json");
  ASSERT_TRUE(ok) << ok.error();
  EXPECT_EQ(ok->column(cm::Field::Lon), 4);
  EXPECT_EQ(ok->cny_per_usd, 7);
  EXPECT_TRUE(ok->swap_lonlat);
}
