// Mapping files (README "Mapping files"): the worked example in assets/examples opens the office
// ledger it was written for with nothing left to decide; every error names the file the user gave,
// the key and the value; a file that leaves the unit out gets it decided and said, never a silent 亿元.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/catalog.h"
#include "data/model_loader.h"
#include "temp_dir.h"

using namespace cm;
namespace fs = std::filesystem;

namespace {

struct Ledger {
  test::TempDir dir{"chainmap-mapping-file"};
  std::string xlsx = (dir.path / "office_2024h1.xlsx").string();
  Ledger() { fs::copy_file(fs::path(CHAINMAP_FIXTURES) / "ledgers" / "office_2024h1.xlsx", xlsx); }
  Model load(const std::string& mapping, LoadReport& rep) {
    LoadOptions o{CHAINMAP_TEST_DATA, xlsx};
    o.mapping_file = mapping;
    o.use_cache = false;
    o.lang = Lang::En;
    return loadModel(o, rep);
  }
  std::string write(const std::string& name, const std::string& text) {
    const std::string p = (dir.path / name).string();
    std::ofstream(p) << text;
    return p;
  }
};

}  // namespace

TEST(MappingFile, TheShippedExampleOpensItsLedgerWithNothingToDecide) {
  Ledger l;
  LoadReport rep;
  const Model m = l.load(std::string(CHAINMAP_SOURCE_DIR) + "/assets/examples/office_ledger.chainmap.json", rep);
  ASSERT_FALSE(rep.fatal()) << rep.errors[0];
  ASSERT_TRUE(rep.import);
  EXPECT_EQ(m.projects.size(), 143u);
  EXPECT_EQ(rep.import->undecidedRows(), 0);
  int fibres = 0;
  for (size_t i = 0; i < m.projects.size(); ++i) fibres += m.projects.chain_names[m.projects.chain[i]] == "advanced_fibres";
  EXPECT_GE(fibres, 1) << "新型纤维材料 as the example decides";
}

TEST(MappingFile, ErrorsNameTheFileGivenTheKeyAndTheValue) {
  Ledger l;
  struct Case {
    std::string text, needle;
  };
  const Case cases[] = {
      {R"({"fields": {"name_zh": "项目名称"}, "investment_unit": "wanyuan"})", "'investment_unit': unknown unit \"wanyuan\""},
      {R"({"fields": {"name_zh": "项目名称"}, "unit": "wan"})", "unknown key \"unit\""},
      {R"({"fields": {"name": "项目名称"}})", ""},  // "name" is no field id: said below
      {R"({"fields": {"name_zh": "项目"}})", "the table has no column \"项目\""},
      {R"({"fields": {"name_zh": "项目名称"}, "categories": {"芯片": "chips"}})", "unknown ecosystem \"chips\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const std::string given = l.write("my mapping.json", c.text);
    LoadReport rep;
    l.load(given, rep);
    ASSERT_TRUE(rep.fatal());
    EXPECT_EQ(rep.errors[0].rfind(given + ": ", 0), 0u) << "names the file the user gave: " << rep.errors[0];
    if (!c.needle.empty()) EXPECT_NE(rep.errors[0].find(c.needle), std::string::npos) << rep.errors[0];
    else EXPECT_NE(rep.errors[0].find("unknown field \"name\""), std::string::npos) << rep.errors[0];
  }
  // A file that is not there is said as such, under the name given.
  LoadReport missing;
  l.load((l.dir.path / "nowhere.json").string(), missing);
  ASSERT_TRUE(missing.fatal());
  EXPECT_NE(missing.errors[0].find("nowhere.json: file not found"), std::string::npos) << missing.errors[0];
}

TEST(MappingFile, AUnitLeftOutIsDecidedAndSaid) {
  Ledger l;
  const std::string given = l.write("m.json", R"({"fields": {"name_zh": "项目名称", "district": "所在区县", "investment_yi": "总投资（万元）", "lonlat": "经纬度"}})");
  LoadReport rep;
  const Model m = l.load(given, rep);
  ASSERT_FALSE(rep.fatal()) << rep.errors[0];
  ASSERT_TRUE(rep.import);
  EXPECT_EQ(rep.import->mapping.investment_unit, MoneyUnit::Wan) << "from the header (万元), not a silent 亿元";
  const auto d = rep.import->report.decisionLines(Lang::En);
  const bool said = std::any_of(d.begin(), d.end(), [](const std::string& s) { return s.find("the mapping file states no unit") != std::string::npos; });
  EXPECT_TRUE(said) << ::testing::PrintToString(d);
  double yi = 0;
  for (size_t i = 0; i < m.projects.size(); ++i) yi += m.projects.investment_yi[i];
  EXPECT_LT(yi, 5000) << "万元 read as 万元 (in 亿元 the ledger would be thousands of times larger)";
}
