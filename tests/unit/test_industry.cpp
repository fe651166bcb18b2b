// The industry classifier (data/import/industry.h): the office's own words, GB/T 4754-2017 codes
// and names, compounds, contradictions, typos, blanks and the sector, each to the ecosystem and
// chain a Hangzhou investment office means, with a confidence that says when a human must decide.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <set>
#include <string>

#include "core/catalog.h"
#include "core/ecosystem.h"
#include "data/import/industry.h"

using namespace cm;

namespace {

struct Case {
  const char* text;
  const char* ecosystem;  // kEcosystems id
  const char* chain;      // kChains id, or "" when only the ecosystem is meant
};

std::string describe(const IndustryMatch& m) {
  std::string s = std::string(info(m.ecosystem).id) + "/" + (m.chain >= 0 ? std::string(kChains[m.chain].id) : "-") +
                  " conf " + std::to_string(m.confidence) + " by " + std::string(industryMethodId(m.method)) + " (" +
                  m.term + ")";
  return s;
}

// Each case to its ecosystem and chain, confidently.
void expectConfident(const Case& c) {
  const IndustryMatch m = classifyIndustry(c.text);
  const std::string got = describe(m);
  EXPECT_EQ(info(m.ecosystem).id, c.ecosystem) << c.text << " → " << got;
  if (*c.chain) {
    ASSERT_GE(m.chain, 0) << c.text << " → " << got;
    EXPECT_EQ(kChains[m.chain].id, c.chain) << c.text << " → " << got;
  } else {
    EXPECT_EQ(m.chain, -1) << c.text << " → " << got;
  }
  EXPECT_GE(m.confidence, kIndustryConfident) << c.text << " → " << got;
  EXPECT_LE(m.confidence, 1.0) << c.text;
  EXPECT_NE(m.method, IndustryMethod::None) << c.text;
  EXPECT_NE(m.method, IndustryMethod::Similar) << c.text;
}

// The words the issue lists, as the office wrote them.
const Case kIssueWords[] = {
    {"集成电路设计", "iot", "integrated_circuits"},
    {"创新药研发", "bio", "chemical_drugs"},
    {"新能源汽车零部件", "equip", "new_energy_vehicles"},
    {"跨境电商", "other", ""},
    {"数字安防", "iot", "visual_intelligence"},
    {"高端装备制造", "equip", ""},
    {"生物医药-医疗器械", "bio", "medical_devices"},
    {"半导体封测", "iot", "integrated_circuits"},
    {"锂电池隔膜", "energy", "energy_storage"},
    {"光伏组件", "energy", "photovoltaics"},
    {"工业机器人", "equip", "intelligent_robotics"},
    {"智能网联汽车", "equip", "new_energy_vehicles"},
    {"医美", "bio", "medical_devices"},
    {"CXO", "bio", ""},
    {"合成生物制造", "bio", "synthetic_biology"},
    {"C3973", "iot", "integrated_circuits"},
    {"3841 锂离子电池制造", "energy", "energy_storage"},
    {"软件和信息技术服务业", "iot", "software_services"},
    {"新一代信息技术", "iot", ""},
    {"节能环保", "energy", ""},
    {"数字创意", "iot", "software_services"},
    {"高端装备/智能机器人", "equip", "intelligent_robotics"},
    {"智能物联（视觉智能）", "iot", "visual_intelligence"},
    {"计算机、通信和其他电子设备制造业", "iot", ""},
    {"数字经济", "iot", ""},
    {"人工智能", "iot", "smart_computing"},
    {"云计算", "iot", "smart_computing"},
    {"大数据", "iot", "smart_computing"},
    {"元宇宙", "iot", "software_services"},
    {"电子商务", "other", ""},
    {"现代服务业", "other", ""},
    {"文化旅游", "other", ""},
    {"金融", "other", ""},
    {"总部经济", "other", ""},
    {"新一代信息技术产业", "iot", ""},
    {"高端装备制造产业", "equip", ""},
    {"新材料产业", "mat", ""},
    {"生物产业", "bio", ""},
    {"新能源汽车产业", "equip", "new_energy_vehicles"},
    {"新能源产业", "energy", ""},
    {"节能环保产业", "energy", ""},
    {"数字创意产业", "iot", "software_services"},
};

// Realistic ledger entries, written as offices write them (most are not catalogue terms verbatim).
const Case kLedgerWords[] = {
    {"智能安防设备", "iot", "visual_intelligence"},
    {"安防视频监控", "iot", "visual_intelligence"},
    {"机器视觉系统", "iot", "visual_intelligence"},
    {"视觉智能产业", "iot", "visual_intelligence"},
    {"视频监控设备", "iot", "visual_intelligence"},
    {"智慧安防解决方案", "iot", "visual_intelligence"},
    {"数字安防产业", "iot", "visual_intelligence"},
    {"芯片设计与研发", "iot", "integrated_circuits"},
    {"功率半导体器件", "iot", "integrated_circuits"},
    {"晶圆代工厂", "iot", "integrated_circuits"},
    {"集成电路封装", "iot", "integrated_circuits"},
    {"半导体分立器件", "iot", "integrated_circuits"},
    {"集成电路（芯片设计）", "iot", "integrated_circuits"},
    {"半导体芯片", "iot", "integrated_circuits"},
    {"模拟芯片设计", "iot", "integrated_circuits"},
    {"功率器件IGBT", "iot", "integrated_circuits"},
    {"AI芯片", "iot", "integrated_circuits"},
    {"12英寸晶圆", "iot", "integrated_circuits"},
    {"5G通信设备", "iot", "network_communication"},
    {"光通信模块", "iot", "network_communication"},
    {"通信设备制造", "iot", "network_communication"},
    {"卫星互联网", "iot", "network_communication"},
    {"物联网模组", "iot", ""},
    {"云计算服务", "iot", "smart_computing"},
    {"大数据服务", "iot", "smart_computing"},
    {"数据中心建设", "iot", "smart_computing"},
    {"人工智能大模型", "iot", "smart_computing"},
    {"智算中心建设", "iot", "smart_computing"},
    {"服务器制造", "iot", "smart_computing"},
    {"智能传感器研发", "iot", "smart_sensors"},
    {"MEMS传感器", "iot", "smart_sensors"},
    {"激光雷达", "iot", "smart_sensors"},
    {"工业软件开发", "iot", "software_services"},
    {"网络安全服务", "iot", "software_services"},
    {"工业互联网平台", "iot", "software_services"},
    {"软件信息服务业", "iot", "software_services"},
    {"软件和信息服务业", "iot", "software_services"},
    {"智慧城市", "iot", "software_services"},
    {"区块链", "iot", "software_services"},
    {"电子信息", "iot", ""},
    {"数字经济核心产业", "iot", ""},
    {"智能家居产品", "iot", ""},
    {"新型显示面板", "iot", ""},
    {"消费电子产品", "iot", ""},
    {"电子元器件", "iot", ""},
    {"信息传输、软件和信息技术服务业", "iot", ""},
    {"化学原料药生产", "bio", "chemical_drugs"},
    {"仿制药一致性评价", "bio", "chemical_drugs"},
    {"高端制剂", "bio", "chemical_drugs"},
    {"化学药制剂", "bio", "chemical_drugs"},
    {"医药中间体", "bio", "chemical_drugs"},
    {"抗体药物研发", "bio", "biologics"},
    {"疫苗研发生产", "bio", "biologics"},
    {"基因治疗药物", "bio", "biologics"},
    {"mRNA疫苗", "bio", "biologics"},
    {"抗体偶联药物ADC", "bio", "biologics"},
    {"CAR-T细胞治疗", "bio", "biologics"},
    {"抗体创新药", "bio", "biologics"},
    {"生物医药（生物药）", "bio", "biologics"},
    {"高端医疗器械", "bio", "medical_devices"},
    {"医疗器械研发生产", "bio", "medical_devices"},
    {"体外诊断试剂", "bio", "medical_devices"},
    {"IVD诊断试剂", "bio", "medical_devices"},
    {"医学影像设备", "bio", "medical_devices"},
    {"高值医用耗材", "bio", "medical_devices"},
    {"骨科植入物", "bio", "medical_devices"},
    {"康复医疗器械", "bio", "medical_devices"},
    {"医疗设备制造", "bio", "medical_devices"},
    {"医疗器械（体外诊断）", "bio", "medical_devices"},
    {"口腔医疗器械", "bio", "medical_devices"},
    {"手术机器人", "bio", "medical_devices"},
    {"医疗美容", "bio", "medical_devices"},
    {"中药饮片", "bio", "modern_chinese_medicine"},
    {"中成药", "bio", "modern_chinese_medicine"},
    {"中药材种植", "bio", "modern_chinese_medicine"},
    {"合成生物学", "bio", "synthetic_biology"},
    {"生物基新材料", "bio", "synthetic_biology"},
    {"医药CRO", "bio", ""},
    {"生物医药研发", "bio", ""},
    {"生物医药产业园", "bio", ""},
    {"大健康", "bio", ""},
    {"医药流通", "bio", ""},
    {"智能机器人本体制造", "equip", "intelligent_robotics"},
    {"机器人减速器", "equip", "intelligent_robotics"},
    {"新能源汽车整车", "equip", "new_energy_vehicles"},
    {"新能源汽车关键零部件", "equip", "new_energy_vehicles"},
    {"汽车零部件制造", "equip", "new_energy_vehicles"},
    {"汽车零配件", "equip", "new_energy_vehicles"},
    {"汽车电子", "equip", "new_energy_vehicles"},
    {"自动驾驶系统", "equip", "new_energy_vehicles"},
    {"动力总成系统", "equip", "new_energy_vehicles"},
    {"电动汽车充电桩", "equip", "new_energy_vehicles"},
    {"无人机研发制造", "equip", "aerospace"},
    {"航空零部件制造", "equip", "aerospace"},
    {"航空发动机", "equip", "aerospace"},
    {"商业航天", "equip", "aerospace"},
    {"低空经济", "equip", "aerospace"},
    {"卫星制造", "equip", "aerospace"},
    {"智能装备制造", "equip", "intelligent_equipment"},
    {"高端数控机床", "equip", "intelligent_equipment"},
    {"高档数控机床", "equip", "intelligent_equipment"},
    {"工业母机", "equip", "intelligent_equipment"},
    {"3D打印", "equip", "intelligent_equipment"},
    {"工业自动化设备", "equip", "intelligent_equipment"},
    {"工程机械", "equip", "intelligent_equipment"},
    {"通用设备制造业", "equip", ""},
    {"专用设备制造", "equip", ""},
    {"轨道交通装备", "equip", ""},
    {"船舶制造", "equip", ""},
    {"电子化学品", "mat", "semiconductor_materials"},
    {"电子特种气体", "mat", "semiconductor_materials"},
    {"电子级化学品", "mat", "semiconductor_materials"},
    {"光刻胶", "mat", "semiconductor_materials"},
    {"碳纤维复合材料", "mat", "advanced_fibres"},
    {"芳纶纤维", "mat", "advanced_fibres"},
    {"玻璃纤维", "mat", "advanced_fibres"},
    {"化工新材料", "mat", "fine_chemicals"},
    {"高分子材料", "mat", "fine_chemicals"},
    {"氟化工", "mat", "fine_chemicals"},
    {"涂料", "mat", "fine_chemicals"},
    {"化学原料和化学制品制造业", "mat", "fine_chemicals"},
    {"前沿新材料", "mat", ""},
    {"稀土永磁材料", "mat", ""},
    {"石墨烯", "mat", ""},
    {"太阳能光伏", "energy", "photovoltaics"},
    {"分布式光伏电站", "energy", "photovoltaics"},
    {"光伏逆变器", "energy", "photovoltaics"},
    {"光伏玻璃", "energy", "photovoltaics"},
    {"光伏硅片", "energy", "photovoltaics"},
    {"储能电池", "energy", "energy_storage"},
    {"动力电池", "energy", "energy_storage"},
    {"钠离子电池", "energy", "energy_storage"},
    {"锂电池正极材料", "energy", "energy_storage"},
    {"储能系统集成", "energy", "energy_storage"},
    {"电池回收", "energy", "energy_storage"},
    {"新能源汽车动力电池", "energy", "energy_storage"},
    {"氢燃料电池", "energy", "hydrogen"},
    {"制氢加氢", "energy", "hydrogen"},
    {"燃料电池", "energy", "hydrogen"},
    {"输配电设备", "energy", "smart_grid"},
    {"电力设备", "energy", "smart_grid"},
    {"特高压", "energy", "smart_grid"},
    {"智能电表", "energy", "smart_grid"},
    {"清洁能源", "energy", ""},
    {"综合能源服务", "energy", ""},
    {"风力发电", "energy", ""},
    {"海上风电", "energy", ""},
    {"直播电商", "other", ""},
    {"电商平台", "other", ""},
    {"物流仓储", "other", "modern_logistics"},
    {"冷链物流", "other", "modern_logistics"},
    {"供应链服务", "other", "modern_logistics"},
    {"快递", "other", "modern_logistics"},
    {"纺织服装", "other", "modern_textiles"},
    {"纺织印染", "other", "modern_textiles"},
    {"丝绸", "other", "modern_textiles"},
    {"服装", "other", "modern_textiles"},
    {"包装饮用水", "other", "water_beverages"},
    {"矿泉水", "other", "water_beverages"},
    {"饮料制造", "other", "water_beverages"},
    {"股权投资基金", "other", ""},
    {"酒店餐饮", "other", ""},
    {"商业综合体", "other", ""},
    {"房地产", "other", ""},
    {"教育培训", "other", ""},
    {"建筑业", "other", ""},
};

const Case kEnglish[] = {
    {"integrated circuits", "iot", "integrated_circuits"},
    {"Semiconductors", "iot", "integrated_circuits"},
    {"chip design", "iot", "integrated_circuits"},
    {"biopharma", "bio", ""},
    {"Biotech", "bio", ""},
    {"EV parts", "equip", "new_energy_vehicles"},
    {"EV", "equip", "new_energy_vehicles"},
    {"auto parts", "equip", "new_energy_vehicles"},
    {"New Energy Vehicles", "equip", "new_energy_vehicles"},
    {"solar", "energy", "photovoltaics"},
    {"PV modules", "energy", "photovoltaics"},
    {"robotics", "equip", "intelligent_robotics"},
    {"medical devices", "bio", "medical_devices"},
    {"Medical Equipment", "bio", "medical_devices"},
    {"vaccines", "bio", "biologics"},
    {"TCM", "bio", "modern_chinese_medicine"},
    {"lithium batteries", "energy", "energy_storage"},
    {"battery storage", "energy", "energy_storage"},
    {"hydrogen", "energy", "hydrogen"},
    {"Smart Grid", "energy", "smart_grid"},
    {"drones", "equip", "aerospace"},
    {"fine chemicals", "mat", "fine_chemicals"},
    {"carbon fibre", "mat", "advanced_fibres"},
    {"carbon fiber composites", "mat", "advanced_fibres"},
    {"AI", "iot", "smart_computing"},
    {"5G", "iot", "network_communication"},
    {"big data", "iot", "smart_computing"},
    {"data centers", "iot", "smart_computing"},
    {"cloud computing", "iot", "smart_computing"},
    {"software", "iot", "software_services"},
    {"IT services", "iot", "software_services"},
    {"Software Development", "iot", "software_services"},
    {"Machine Vision", "iot", "visual_intelligence"},
    {"logistics", "other", "modern_logistics"},
    {"Logistics & Warehousing", "other", "modern_logistics"},
    {"textiles", "other", "modern_textiles"},
    {"Textile & Apparel", "other", "modern_textiles"},
    {"bottled water", "other", "water_beverages"},
    {"e-commerce", "other", ""},
    {"Cross Border E-commerce", "other", ""},
};

bool isCatalogueTerm(std::string_view text) {
  for (const IndustryTerm& t : industryCatalogue())
    if (t.term == text) return true;
  return false;
}

}  // namespace

// The words offices use most for each chain, one or two apiece: a chain moved by mistake in the
// table shows here even where the table stays consistent with itself.
const Case kCoreWords[] = {
    {"安防", "iot", "visual_intelligence"},       {"芯片", "iot", "integrated_circuits"},
    {"半导体", "iot", "integrated_circuits"},     {"通信", "iot", "network_communication"},
    {"5G", "iot", "network_communication"},       {"算力", "iot", "smart_computing"},
    {"传感器", "iot", "smart_sensors"},           {"软件", "iot", "software_services"},
    {"互联网", "iot", "software_services"},       {"合成生物", "bio", "synthetic_biology"},
    {"原料药", "bio", "chemical_drugs"},          {"仿制药", "bio", "chemical_drugs"},
    {"疫苗", "bio", "biologics"},                 {"抗体", "bio", "biologics"},
    {"体外诊断", "bio", "medical_devices"},       {"医疗设备", "bio", "medical_devices"},
    {"中药", "bio", "modern_chinese_medicine"},   {"中医药", "bio", "modern_chinese_medicine"},
    {"机器人", "equip", "intelligent_robotics"},  {"新能源车", "equip", "new_energy_vehicles"},
    {"汽车零部件", "equip", "new_energy_vehicles"}, {"航空", "equip", "aerospace"},
    {"无人机", "equip", "aerospace"},             {"数控机床", "equip", "intelligent_equipment"},
    {"电子材料", "mat", "semiconductor_materials"}, {"碳纤维", "mat", "advanced_fibres"},
    {"精细化工", "mat", "fine_chemicals"},        {"光伏", "energy", "photovoltaics"},
    {"储能", "energy", "energy_storage"},         {"锂电池", "energy", "energy_storage"},
    {"氢能", "energy", "hydrogen"},               {"电网", "energy", "smart_grid"},
    {"饮用水", "other", "water_beverages"},       {"纺织", "other", "modern_textiles"},
    {"物流", "other", "modern_logistics"},        {"新材料", "mat", ""},
    {"新能源", "energy", ""},                      {"医药", "bio", ""},
};

TEST(Industry, CoreWordsOfEachChain) {
  for (const Case& c : kCoreWords) expectConfident(c);
}

TEST(Industry, TheIssuesOfficeWords) {
  for (const Case& c : kIssueWords) expectConfident(c);
}

TEST(Industry, LedgerWordsAsOfficesWriteThem) {
  int not_in_catalogue = 0;
  for (const Case& c : kLedgerWords) {
    expectConfident(c);
    if (!isCatalogueTerm(c.text)) ++not_in_catalogue;
  }
  // The cases are the offices' words, not the table read back.
  EXPECT_GE(not_in_catalogue, 80);
}

TEST(Industry, EnglishTerms) {
  for (const Case& c : kEnglish) expectConfident(c);
}

TEST(Industry, EveryChainAndEcosystemByItsOwnNames) {
  for (size_t i = 0; i < kChains.size(); ++i) {
    for (std::string_view name : {kChains[i].zh, kChains[i].en, kChains[i].id}) {
      const IndustryMatch m = classifyIndustry(name);
      EXPECT_EQ(m.chain, static_cast<int>(i)) << name << " → " << describe(m);
      EXPECT_EQ(m.ecosystem, kChains[i].ecosystem) << name;
      EXPECT_GE(m.confidence, kIndustryConfident) << name;
    }
    // "集成电路产业链", "光伏产业": the name with the words that only say "an industry".
    for (std::string_view suffix : {"产业链", "产业", "行业", "领域", "项目"}) {
      const std::string text = std::string(kChains[i].zh) + std::string(suffix);
      const IndustryMatch m = classifyIndustry(text);
      EXPECT_EQ(m.chain, static_cast<int>(i)) << text << " → " << describe(m);
      EXPECT_EQ(m.method, IndustryMethod::Exact) << text;
    }
  }
  for (int e = 0; e < kEcosystemCount; ++e) {
    for (std::string_view name : {kEcosystems[e].zh, kEcosystems[e].en, kEcosystems[e].id}) {
      const IndustryMatch m = classifyIndustry(name);
      EXPECT_EQ(m.ecosystem, static_cast<Ecosystem>(e)) << name << " → " << describe(m);
      EXPECT_EQ(m.chain, -1) << name;
      EXPECT_GE(m.confidence, kIndustryConfident) << name;
    }
    const std::string circle = std::string(kEcosystems[e].zh) + "生态圈";
    if (static_cast<Ecosystem>(e) != Ecosystem::Other)
      EXPECT_EQ(classifyIndustry(circle).ecosystem, static_cast<Ecosystem>(e)) << circle;
  }
}

// Every row of the catalogue reads back as itself: a term that two rows claim for different
// chains, a misspelt chain id or a chain under the wrong ecosystem fails here.
TEST(Industry, CatalogueIsConsistent) {
  const std::vector<IndustryTerm>& cat = industryCatalogue();
  EXPECT_GE(cat.size(), 900u);
  size_t with_code = 0;
  std::set<std::string_view> codes;
  for (const IndustryTerm& t : cat) {
    SCOPED_TRACE(std::string(t.term));
    EXPECT_GT(t.weight, 0.0) << "misspelt chain id?";
    EXPECT_LE(t.weight, 1.0);
    if (t.chain >= 0) {
      ASSERT_LT(t.chain, static_cast<int>(kChains.size()));
      EXPECT_EQ(kChains[t.chain].ecosystem, t.ecosystem) << kChains[t.chain].id;
    }
    const IndustryMatch m = classifyIndustry(t.term);
    EXPECT_EQ(m.ecosystem, t.ecosystem) << describe(m);
    EXPECT_EQ(m.chain, t.chain) << describe(m);
    EXPECT_TRUE(m.method == IndustryMethod::Exact || m.method == IndustryMethod::Alias) << describe(m);
    if (!t.code.empty()) {
      ++with_code;
      EXPECT_TRUE(codes.insert(t.code).second) << "code listed twice: " << t.code;
      const IndustryMatch byCode = classifyIndustry(t.code);
      EXPECT_EQ(byCode.method, IndustryMethod::Code) << t.code;
      EXPECT_EQ(byCode.code, t.code);
      EXPECT_EQ(byCode.code_name, t.term);
      EXPECT_EQ(byCode.ecosystem, t.ecosystem) << t.code;
      EXPECT_EQ(byCode.chain, t.chain) << t.code;
    }
  }
  EXPECT_GE(with_code, 300u);
  // Every division of GB/T 4754-2017 (01..97) and every section (A..T) is listed.
  for (int d = 1; d <= 97; ++d) {
    const std::string code = (d < 10 ? "0" : "") + std::to_string(d);
    EXPECT_TRUE(codes.count(code)) << code;
  }
  for (char s = 'A'; s <= 'T'; ++s) EXPECT_TRUE(codes.count(std::string(1, s))) << s;
}

TEST(Industry, CodesWithAndWithoutTheSectionLetter) {
  for (const char* text : {"C3973", "3973", "c3973", "C 3973", "C-3973", "Ｃ３９７３", "3973 集成电路制造", "C3973集成电路制造",
                           "（C3973）集成电路制造"}) {
    const IndustryMatch m = classifyIndustry(text);
    ASSERT_GE(m.chain, 0) << text;
    EXPECT_EQ(kChains[m.chain].id, "integrated_circuits") << text;
    EXPECT_GE(m.confidence, kIndustryConfident) << text;
    EXPECT_EQ(m.code, "3973") << text;
    EXPECT_EQ(m.code_name, "集成电路制造") << text;
  }
  EXPECT_EQ(classifyIndustry("C3973").method, IndustryMethod::Code);
  // The name agreeing with the code makes it surer than the code alone.
  EXPECT_GT(classifyIndustry("3841 锂离子电池制造").confidence, classifyIndustry("3841").confidence);

  const Case codes[] = {
      {"C27", "bio", ""},          {"2710", "bio", "chemical_drugs"},   {"C2761", "bio", "biologics"},
      {"C3581", "bio", "medical_devices"}, {"2730", "bio", "modern_chinese_medicine"},
      {"3612", "equip", "new_energy_vehicles"}, {"C3670", "equip", "new_energy_vehicles"},
      {"C3741", "equip", "aerospace"}, {"3491", "equip", "intelligent_robotics"},
      {"3841", "energy", "energy_storage"}, {"3825", "energy", "photovoltaics"}, {"4416", "energy", "photovoltaics"},
      {"3983", "iot", "smart_sensors"}, {"6520", "iot", "integrated_circuits"}, {"3562", "iot", "integrated_circuits"},
      {"6513", "iot", "software_services"}, {"I65", "iot", "software_services"}, {"65", "iot", "software_services"},
      {"3921", "iot", "network_communication"}, {"3985", "mat", "semiconductor_materials"},
      {"2822", "mat", "advanced_fibres"}, {"C2641", "mat", "fine_chemicals"}, {"F5292", "other", ""},
      {"G59", "other", "modern_logistics"}, {"5920", "other", "modern_logistics"}, {"6020", "other", "modern_logistics"},
      {"C17", "other", "modern_textiles"}, {"C1761", "other", "modern_textiles"}, {"1522", "other", "water_beverages"},
      {"C39 计算机、通信和其他电子设备制造业", "iot", ""}, {"C3612新能源车整车制造", "equip", "new_energy_vehicles"},
  };
  for (const Case& c : codes) {
    expectConfident(c);
    EXPECT_EQ(classifyIndustry(c.text).method, IndustryMethod::Code) << c.text;
  }

  // A division says the ecosystem, less surely than a class, and no chain where it spans several.
  const IndustryMatch div = classifyIndustry("C39");
  EXPECT_EQ(div.ecosystem, Ecosystem::Iot);
  EXPECT_EQ(div.chain, -1);
  EXPECT_LT(div.confidence, classifyIndustry("C3973").confidence);
  EXPECT_EQ(classifyIndustry("C38").chain, -1);
  EXPECT_LT(classifyIndustry("C38").confidence, kIndustryConfident);  // electrical machinery: equipment or energy
  // A section letter with its name; the letter alone is only a hint.
  EXPECT_EQ(classifyIndustry("I信息传输、软件和信息技术服务业").ecosystem, Ecosystem::Iot);
  EXPECT_LT(classifyIndustry("I").confidence, kIndustryConfident);
  EXPECT_LT(classifyIndustry("C").confidence, 0.5);  // 制造业: any ecosystem
  EXPECT_EQ(classifyIndustry("C").sector, Sector::Manufacturing);
  // A class the catalogue does not list falls back to its division, not confidently.
  const IndustryMatch other_special = classifyIndustry("C3599");
  EXPECT_EQ(other_special.ecosystem, Ecosystem::Equip);
  EXPECT_EQ(other_special.method, IndustryMethod::Code);
  EXPECT_LT(other_special.confidence, kIndustryConfident);
  // A letter that is not the division's section, or a name from another ecosystem, lowers it.
  EXPECT_LT(classifyIndustry("I3973").confidence, classifyIndustry("C3973").confidence);
  const IndustryMatch clash = classifyIndustry("3973 光伏组件");
  EXPECT_LT(clash.confidence, kIndustryConfident) << describe(clash);
  // Numbers that are no code: a unit after them, or an invalid division.
  EXPECT_EQ(classifyIndustry("2023年").method, IndustryMethod::None);
  EXPECT_EQ(classifyIndustry("12345").method, IndustryMethod::None);
  EXPECT_EQ(classifyIndustry("9999").method, IndustryMethod::None);
  EXPECT_NE(classifyIndustry("12英寸晶圆").method, IndustryMethod::Code);
  EXPECT_NE(classifyIndustry("5G通信").method, IndustryMethod::Code);
  EXPECT_NE(classifyIndustry("3D打印").method, IndustryMethod::Code);
  EXPECT_EQ(classifyIndustry("c端").method, IndustryMethod::None);
}

TEST(Industry, CompoundFormsTheMostSpecificPartDecides) {
  const Case compounds[] = {
      {"生物医药-医疗器械", "bio", "medical_devices"},
      {"生物医药—医疗器械", "bio", "medical_devices"},
      {"高端装备/智能机器人", "equip", "intelligent_robotics"},
      {"智能物联（视觉智能）", "iot", "visual_intelligence"},
      {"智能物联(视觉智能)", "iot", "visual_intelligence"},
      {"新材料、半导体材料", "mat", "semiconductor_materials"},
      {"绿色能源|光伏", "energy", "photovoltaics"},
      {"生物医药（创新药）", "bio", "chemical_drugs"},
      {"新一代信息技术-集成电路", "iot", "integrated_circuits"},
      {"高端装备制造-新能源汽车", "equip", "new_energy_vehicles"},
      {"新能源（储能）", "energy", "energy_storage"},
      {"【智能物联】数字安防", "iot", "visual_intelligence"},
      {"生物医药>医疗器械>体外诊断", "bio", "medical_devices"},
      {"智能物联（其他）", "iot", ""},
  };
  for (const Case& c : compounds) expectConfident(c);
  // The deciding term is the specific part's.
  EXPECT_EQ(classifyIndustry("高端装备/智能机器人").term, "智能机器人");
}

TEST(Industry, AmbiguousWordsAreAskedNotGuessed) {
  // 硅片: photovoltaic or semiconductor wafers — a person decides; photovoltaics is the suggestion.
  const IndustryMatch m = classifyIndustry("硅片");
  EXPECT_LT(m.confidence, kIndustryConfident);
  EXPECT_EQ(m.chain, *chainFromId("photovoltaics"));
  EXPECT_GE(classifyIndustry("半导体硅片").confidence, kIndustryConfident);
  EXPECT_EQ(classifyIndustry("半导体硅片").chain, *chainFromId("semiconductor_materials"));
}

TEST(Industry, ContradictionsLowerTheConfidence) {
  for (const char* text : {"生物医药/新能源汽车", "集成电路、光伏", "智能物联/生物医药", "医药化工", "新能源新材料",
                           "人工智能+医疗", "汽车金融", "新材料-生物医药", "光伏（纺织）"}) {
    const IndustryMatch m = classifyIndustry(text);
    EXPECT_LT(m.confidence, kIndustryConfident) << text << " → " << describe(m);
    EXPECT_NE(m.method, IndustryMethod::None) << text;  // a first guess for the dialog all the same
  }
  // Each part alone is confident: the lowering comes from the clash.
  EXPECT_GE(classifyIndustry("集成电路").confidence, kIndustryConfident);
  EXPECT_GE(classifyIndustry("光伏").confidence, kIndustryConfident);
  // Two chains of one ecosystem, equally specific: the ecosystem stands, the chain is for a human.
  for (const char* text : {"集成电路/智能传感", "光伏储能", "光伏及储能", "抗体/中药"}) {
    const IndustryMatch two = classifyIndustry(text);
    EXPECT_GE(two.chain, 0) << text;
    EXPECT_LT(two.confidence, kIndustryConfident) << text << " → " << describe(two);
  }
  EXPECT_EQ(classifyIndustry("光伏储能").ecosystem, Ecosystem::Energy);
  EXPECT_EQ(classifyIndustry("集成电路/智能传感").ecosystem, Ecosystem::Iot);
}

TEST(Industry, TyposAreCaughtButNeverConfident) {
  const Case typos[] = {
      {"集成电落", "iot", "integrated_circuits"},  {"新能源气车", "equip", "new_energy_vehicles"},
      {"生物医要", "bio", ""},                      {"光复组件", "energy", "photovoltaics"},
      {"智能机器仁", "equip", "intelligent_robotics"}, {"新能源气车零部件", "equip", "new_energy_vehicles"},
      {"intergrated circuits", "iot", "integrated_circuits"}, {"photovoltiacs", "energy", "photovoltaics"},
  };
  for (const Case& c : typos) {
    const IndustryMatch m = classifyIndustry(c.text);
    EXPECT_EQ(m.method, IndustryMethod::Similar) << c.text << " → " << describe(m);
    EXPECT_EQ(info(m.ecosystem).id, c.ecosystem) << c.text << " → " << describe(m);
    EXPECT_EQ(m.chain >= 0 ? kChains[m.chain].id : std::string_view(), std::string_view(c.chain)) << c.text;
    EXPECT_GT(m.confidence, 0.3) << c.text;
    EXPECT_LT(m.confidence, kIndustryConfident) << c.text;
  }
}

TEST(Industry, BlanksSayNothingButOtherIsSaid) {
  for (const char* text : {"", "   ", "\t", "　", "无", "暂无", "/", "-", "—", "——", "--", "待定", "未定", "N/A", "n/a", "null",
                           "NULL", "？", "?", "...", "…", "0", "未分类", "不详", "（空）", "项目", "企业", "xyz123", "asdfgh",
                           "哈哈哈", "12345"}) {
    const IndustryMatch m = classifyIndustry(text);
    EXPECT_EQ(m.method, IndustryMethod::None) << "'" << text << "' → " << describe(m);
    EXPECT_EQ(m.ecosystem, Ecosystem::Other) << text;
    EXPECT_EQ(m.chain, -1) << text;
    EXPECT_EQ(m.confidence, 0.0) << text;
    EXPECT_FALSE(m.sector) << text;
  }
  for (const char* text : {"其他", "其它", "其他产业", "其它产业", "其他类", "其他行业", "Other", "others", "其他（待定）"}) {
    const IndustryMatch m = classifyIndustry(text);
    EXPECT_EQ(m.ecosystem, Ecosystem::Other) << text;
    EXPECT_EQ(m.chain, -1) << text;
    EXPECT_EQ(m.confidence, 1.0) << text << " → " << describe(m);
    EXPECT_NE(m.method, IndustryMethod::None) << text;
  }
}

TEST(Industry, SectorFromTheWordsOrTheCode) {
  const struct {
    const char* text;
    std::optional<Sector> sector;
  } cases[] = {
      {"医疗器械生产基地", Sector::Manufacturing},
      {"新能源汽车整车制造", Sector::Manufacturing},
      {"集成电路制造", Sector::Manufacturing},
      {"C3973", Sector::Manufacturing},
      {"3841", Sector::Manufacturing},
      {"光伏组件扩产", Sector::Manufacturing},
      {"生物医药研发中心", Sector::Service},
      {"集成电路设计", Sector::Service},
      {"软件开发", Sector::Service},
      {"65", Sector::Service},
      {"I65", Sector::Service},
      {"跨境电商", Sector::Service},
      {"工业软件", Sector::Service},
      {"智能装备总部", Sector::Service},
      {"光伏电站运营", Sector::Service},
      {"新能源汽车销售", Sector::Service},
      {"生物医药", std::nullopt},
      {"光伏", std::nullopt},
      {"医疗器械研发及生产", std::nullopt},  // both: the text does not decide
      {"服务机器人", std::nullopt},          // 服务 is part of the industry's name, not the project's kind
      {"中药饮片加工", Sector::Manufacturing},
  };
  for (const auto& c : cases) EXPECT_EQ(classifyIndustry(c.text).sector, c.sector) << c.text;
}

TEST(Industry, NormalisesWidthCaseSpacesAndSuffixes) {
  const Case cases[] = {
      {"  集成电路产业链 ", "iot", "integrated_circuits"}, {"ＩＣ设计", "iot", "integrated_circuits"},
      {"新能源 汽车", "equip", "new_energy_vehicles"},      {"光伏行业", "energy", "photovoltaics"},
      {"生物医药生态圈", "bio", ""},                        {"INTEGRATED CIRCUITS industry", "iot", "integrated_circuits"},
      {"《医疗器械》", "bio", "medical_devices"},            {"新材料领域", "mat", ""},
      {"智能物联产业生态圈", "iot", ""},                    {"现代物流业", "other", "modern_logistics"},
      {"纺织业", "other", "modern_textiles"},               {"氢能项目", "energy", "hydrogen"},
  };
  for (const Case& c : cases) expectConfident(c);
}

TEST(Industry, MethodIds) {
  EXPECT_EQ(industryMethodId(IndustryMethod::Exact), "exact");
  EXPECT_EQ(industryMethodId(IndustryMethod::Alias), "alias");
  EXPECT_EQ(industryMethodId(IndustryMethod::Code), "code");
  EXPECT_EQ(industryMethodId(IndustryMethod::Contained), "contained");
  EXPECT_EQ(industryMethodId(IndustryMethod::Similar), "similar");
  EXPECT_EQ(industryMethodId(IndustryMethod::None), "none");
  EXPECT_EQ(classifyIndustry("集成电路").method, IndustryMethod::Exact);
  EXPECT_EQ(classifyIndustry("芯片").method, IndustryMethod::Alias);
  EXPECT_EQ(classifyIndustry("集成电路设计服务外包").method, IndustryMethod::Contained);
}

// Total on any bytes (invalid UTF-8, NULs, very long text), and fast enough for a ledger's
// distinct values.
TEST(Industry, TotalAndFastOnAnyInput) {
  std::mt19937 rng(16);
  std::uniform_int_distribution<int> byte(0, 255), len(0, 40);
  const std::string pieces[] = {"集成电路", "医疗", "-", "（", "）", "/", "C", "39", "73", " ", "新能源", "汽车", "\xE4\xB8", "\xFF", "其他", "业"};
  std::uniform_int_distribution<size_t> piece(0, std::size(pieces) - 1);
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    const int n = len(rng);
    for (int k = 0; k < n; ++k) {
      if (i % 2) s += pieces[piece(rng)];
      else s.push_back(static_cast<char>(byte(rng)));
    }
    const IndustryMatch m = classifyIndustry(s);
    ASSERT_GE(m.confidence, 0.0);
    ASSERT_LE(m.confidence, 1.0);
    ASSERT_GE(m.chain, -1);
    ASSERT_LT(m.chain, static_cast<int>(kChains.size()));
    if (m.chain >= 0) ASSERT_EQ(kChains[m.chain].ecosystem, m.ecosystem);
  }
  classifyIndustry(std::string(100000, 'x'));
  classifyIndustry(std::string("集成\0电路", 9));
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(s, 30.0);  // about a second in a release build; the bound only catches a blow-up
}
