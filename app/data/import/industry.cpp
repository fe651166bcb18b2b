#include "data/import/industry.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <unordered_map>

#include "core/catalog.h"
#include "platform/text.h"
#include "platform/utf8.h"

namespace cm {
namespace {

// ---------------------------------------------------------------------------------------------
// The catalogue. A static table rather than a JSON asset: it is code's knowledge (which words mean
// which chain), changes with the matcher, and must be there in every binary and test without a
// file to find. Each row: a term, its ecosystem, a chain id of kChains (or none), a sector when the
// term itself says one, a GB/T 4754-2017 code for the standard's own rows, a weight (how surely the
// term means that ecosystem/chain) and flags.
// ---------------------------------------------------------------------------------------------

constexpr Ecosystem IOT = Ecosystem::Iot, BIO = Ecosystem::Bio, EQP = Ecosystem::Equip, MAT = Ecosystem::Mat,
                    ENG = Ecosystem::Energy, OTH = Ecosystem::Other;

// Chain ids (resolved against kChains when the catalogue is built; a misspelt id is caught by a test).
constexpr std::string_view VI = "visual_intelligence", IC = "integrated_circuits", NC = "network_communication",
                           SC = "smart_computing", SS = "smart_sensors", SW = "software_services",
                           SB = "synthetic_biology", CD = "chemical_drugs", BL = "biologics", MD = "medical_devices",
                           TCM = "modern_chinese_medicine", RB = "intelligent_robotics", NEV = "new_energy_vehicles",
                           AS = "aerospace", IE = "intelligent_equipment", SM = "semiconductor_materials",
                           AF = "advanced_fibres", FC = "fine_chemicals", PV = "photovoltaics", ES = "energy_storage",
                           H2 = "hydrogen", GRID = "smart_grid", WB = "water_beverages", TX = "modern_textiles",
                           LG = "modern_logistics", NO = "";

enum Flag : uint8_t {
  kAlias = 1,      // an office word: matches as Alias rather than Exact
  kBroad = 2,      // gives way to any more specific term found in the same text
  kVague = 4,      // says a sector, not an ecosystem ("制造业", "总部"): inside a longer text it neither
                   // decides nor contradicts
  kSaysOther = 8,  // "其他": the text says it is none of the catalogue's industries
};

struct Row {
  std::string_view term, chain, code;
  Ecosystem eco;
  char sector;  // 'M', 'S' or 0; code rows take their section's
  float weight;
  uint8_t flags;
};

// A name: a chain's, an ecosystem's, a strategic emerging industry's (matches as Exact).
constexpr Row N(std::string_view t, Ecosystem e, std::string_view ch = NO, char s = 0, float w = 1, uint8_t f = 0) {
  return {t, ch, {}, e, s, w, f};
}
// An office word (matches as Alias).
constexpr Row A(std::string_view t, Ecosystem e, std::string_view ch = NO, char s = 0, float w = 1, uint8_t f = 0) {
  return {t, ch, {}, e, s, w, static_cast<uint8_t>(f | kAlias)};
}
// A broad office word: a more specific term in the same text wins over it.
constexpr Row W(std::string_view t, Ecosystem e, std::string_view ch = NO, char s = 0, float w = 1) {
  return {t, ch, {}, e, s, w, static_cast<uint8_t>(kAlias | kBroad)};
}
// A GB/T 4754-2017 section (letter), division (2 digits), group (3) or class (4) with its official name.
constexpr Row G(std::string_view code, std::string_view name, Ecosystem e, std::string_view ch = NO, float w = 1,
                uint8_t f = 0) {
  return {name, ch, code, e, 0, w, f};
}

// Weights: 1 the term means this; 0.9 almost always; 0.85 usually (still confident as an alias,
// not when only contained); 0.8 a fair first guess (confident only as an exact name); 0.7 and less:
// a human decides. Sections and divisions that span ecosystems get the lower weights.
constexpr Row kRows[] = {
    // ---- "Other", said outright ------------------------------------------------------------------
    N("其他", OTH, NO, 0, 1, kSaysOther), A("其它", OTH, NO, 0, 1, kSaysOther), A("other", OTH, NO, 0, 1, kSaysOther),
    A("others", OTH, NO, 0, 1, kSaysOther), A("misc", OTH, NO, 0, 1, kSaysOther),
    A("其他服务", OTH, NO, 'S', 1, kSaysOther),

    // ---- The five ecosystems and the strategic emerging industries (战略性新兴产业分类 2018) -----
    N("智能物联", IOT, NO, 0, 1, kBroad), A("smart iot", IOT, NO, 0, 1, kBroad), A("iot", IOT, NO, 0, 1, kBroad),
    W("物联网", IOT), W("智能物联网", IOT), W("aiot", IOT), W("internet of things", IOT),
    N("新一代信息技术", IOT, NO, 0, 1, kBroad), A("new generation information technology", IOT, NO, 0, 1, kBroad),
    W("新一代信息技术产业", IOT), W("电子信息", IOT), W("信息技术", IOT, NO, 0, 0.95f), W("信息产业", IOT),
    W("信息技术产业", IOT), W("数字经济", IOT, NO, 0, 0.9f), W("数字经济核心产业", IOT), W("数字产业", IOT, NO, 0, 0.9f),
    W("数字产业化", IOT, NO, 0, 0.9f), W("digital economy", IOT, NO, 0, 0.9f), W("ict", IOT),
    W("information technology", IOT, NO, 0, 0.95f), W("电子", IOT, NO, 0, 0.8f), W("electronics", IOT, NO, 0, 0.85f),

    N("生物医药", BIO, NO, 0, 1, kBroad), W("生物医药产业", BIO), W("生命健康", BIO), W("医药", BIO), W("医药健康", BIO),
    W("医疗健康", BIO, NO, 0, 0.95f), W("大健康", BIO, NO, 0, 0.9f), W("生物技术", BIO), W("生物科技", BIO),
    W("生物工程", BIO), W("生物", BIO, NO, 0, 0.8f), N("生物产业", BIO, NO, 0, 1, kBroad), W("生物经济", BIO),
    W("biomedicine", BIO), W("bio", BIO), W("biomedical", BIO), W("biopharma", BIO), W("biopharmaceutical", BIO),
    W("biotech", BIO), W("biotechnology", BIO), W("life sciences", BIO), W("life science", BIO),
    W("pharmaceutical", BIO), W("pharmaceuticals", BIO), W("pharma", BIO), W("healthcare", BIO, NO, 0, 0.8f),
    W("医药制造", BIO, NO, 'M'), W("制药", BIO, NO, 'M'), W("药品", BIO, NO, 0, 0.95f), W("药物", BIO, NO, 0, 0.95f),
    W("新药", BIO, NO, 0, 0.95f), W("医疗", BIO, NO, 0, 0.9f), W("精准医疗", BIO, NO, 0, 0.9f),
    W("医疗服务", BIO, NO, 'S', 0.85f), W("数字医疗", BIO, NO, 0, 0.8f), W("智慧医疗", BIO, NO, 0, 0.8f),
    W("互联网医疗", BIO, NO, 'S', 0.8f), W("医药流通", BIO, NO, 'S', 0.85f), W("医药商业", BIO, NO, 'S', 0.85f),
    W("医药研发", BIO, NO, 'S'), W("药物研发", BIO, NO, 'S'), W("drug discovery", BIO, NO, 'S'),
    W("医药外包", BIO, NO, 'S'), A("cxo", BIO, NO, 0, 0.9f), A("cro", BIO, NO, 'S', 0.9f), A("cdmo", BIO, NO, 0, 0.9f),
    A("cmo", BIO, NO, 'M', 0.85f), A("临床试验", BIO, NO, 'S', 0.9f), A("临床研究", BIO, NO, 'S', 0.9f),
    A("医药中间体", BIO, CD, 'M', 0.85f), A("兽药", BIO, NO, 'M', 0.9f), A("动物疫苗", BIO, BL, 'M', 0.85f),
    A("保健品", BIO, NO, 0, 0.7f), A("营养健康", BIO, NO, 0, 0.7f),

    N("高端装备", EQP, NO, 0, 1, kBroad), W("高端装备制造", EQP, NO, 'M'), N("高端装备制造产业", EQP, NO, 'M', 1, kBroad),
    W("装备制造", EQP, NO, 'M'), W("装备", EQP, NO, 0, 0.9f), W("先进制造", EQP, NO, 'M', 0.85f),
    W("先进制造业", EQP, NO, 'M', 0.85f), W("智能制造", EQP, NO, 'M', 0.9f), W("高端制造", EQP, NO, 'M', 0.9f),
    W("机械", EQP, NO, 'M', 0.85f), W("机械制造", EQP, NO, 'M', 0.85f), W("机械装备", EQP, NO, 'M'),
    W("high-end equipment", EQP), W("equip", EQP), W("high end equipment", EQP), W("advanced manufacturing", EQP, NO, 'M', 0.85f),
    W("equipment manufacturing", EQP, NO, 'M'), W("smart manufacturing", EQP, NO, 'M', 0.9f),
    W("intelligent manufacturing", EQP, NO, 'M', 0.9f), W("machinery", EQP, NO, 'M', 0.85f),

    N("新材料", MAT, NO, 0, 1, kBroad), W("新材料产业", MAT), W("先进材料", MAT), W("前沿新材料", MAT),
    W("关键战略材料", MAT), W("先进基础材料", MAT), W("材料", MAT, NO, 0, 0.8f), W("new materials", MAT), W("mat", MAT),
    W("new material", MAT), W("advanced materials", MAT), W("materials", MAT, NO, 0, 0.8f),
    A("纳米材料", MAT, NO, 0, 0.9f), A("石墨烯", MAT, NO, 0, 0.9f), A("碳纳米管", MAT, NO, 0, 0.9f),
    A("graphene", MAT, NO, 0, 0.9f), A("超导材料", MAT), A("金属新材料", MAT), A("新型金属材料", MAT),
    A("先进金属材料", MAT), A("稀土", MAT, NO, 0, 0.9f), A("稀土材料", MAT), A("稀土永磁", MAT), A("磁性材料", MAT),
    A("永磁材料", MAT), A("rare earth", MAT, NO, 0, 0.9f), A("高温合金", MAT), A("合金", MAT, NO, 0, 0.85f),
    A("铝合金", MAT, NO, 0, 0.85f), A("钛合金", MAT), A("特钢", MAT, NO, 0, 0.8f), A("特种钢", MAT, NO, 0, 0.8f),
    A("先进陶瓷", MAT), A("特种陶瓷", MAT), A("陶瓷材料", MAT, NO, 0, 0.9f), A("特种玻璃", MAT, NO, 0, 0.85f),
    A("新型建材", MAT, NO, 0, 0.8f), A("绿色建材", MAT, NO, 0, 0.8f), A("建材", MAT, NO, 0, 0.6f),
    A("建筑材料", MAT, NO, 0, 0.6f), A("有色金属", MAT, NO, 0, 0.7f), A("钢铁", MAT, NO, 'M', 0.6f),
    A("塑料制品", MAT, NO, 'M', 0.6f), A("橡胶制品", MAT, NO, 'M', 0.6f), A("膜材料", MAT, FC, 0, 0.85f),
    A("功能膜", MAT, FC, 0, 0.85f), A("光学膜", MAT, FC, 0, 0.85f),

    N("绿色能源", ENG, NO, 0, 1, kBroad), W("新能源", ENG, NO, 0, 0.9f), N("新能源产业", ENG, NO, 0, 0.9f, kBroad),
    W("清洁能源", ENG), W("可再生能源", ENG), W("绿色低碳", ENG, NO, 0, 0.8f), W("低碳", ENG, NO, 0, 0.75f),
    W("双碳", ENG, NO, 0, 0.75f), W("碳中和", ENG, NO, 0, 0.8f), W("能源", ENG, NO, 0, 0.75f),
    W("新能源与节能环保", ENG, NO, 0, 0.9f), W("节能环保", ENG, NO, 0, 0.85f), N("节能环保产业", ENG, NO, 0, 0.85f, kBroad),
    W("节能", ENG, NO, 0, 0.8f), W("环保", ENG, NO, 0, 0.75f), W("绿色环保", ENG, NO, 0, 0.75f),
    W("能源管理", ENG, NO, 'S', 0.8f), W("综合能源服务", ENG, NO, 'S', 0.9f), W("综合能源", ENG, NO, 0, 0.9f),
    W("电力", ENG, NO, 0, 0.8f), A("风电", ENG, NO, 0, 0.95f), A("风能", ENG, NO, 0, 0.95f), A("风电装备", ENG, NO, 'M', 0.9f),
    A("海上风电", ENG, NO, 0, 0.95f), A("核电", ENG, NO, 0, 0.9f), A("核能", ENG, NO, 0, 0.9f), A("生物质能", ENG, NO, 0, 0.9f),
    A("地热", ENG, NO, 0, 0.85f), A("环保装备", EQP, NO, 'M', 0.8f), A("环保设备", EQP, NO, 'M', 0.8f),
    A("固废处理", ENG, NO, 0, 0.6f), A("污水处理", ENG, NO, 0, 0.6f), A("资源循环利用", ENG, NO, 0, 0.6f),
    A("循环经济", ENG, NO, 0, 0.6f), A("再生资源", ENG, NO, 0, 0.6f),
    W("green energy", ENG), W("new energy", ENG, NO, 0, 0.9f), W("clean energy", ENG), W("renewable energy", ENG),
    W("renewables", ENG), W("energy", ENG, NO, 0, 0.85f), W("energy conservation", ENG, NO, 0, 0.85f),
    W("environmental protection", ENG, NO, 0, 0.75f), A("wind power", ENG, NO, 0, 0.95f), A("wind energy", ENG, NO, 0, 0.95f),
    A("nuclear power", ENG, NO, 0, 0.9f),

    // ---- 智能物联: 视觉智能 ------------------------------------------------------------------------
    N("视觉智能", IOT, VI), A("visual intelligence", IOT, VI), A("数字安防", IOT, VI), A("安防", IOT, VI),
    A("智能安防", IOT, VI), A("智慧安防", IOT, VI), A("安防监控", IOT, VI), A("安防电子", IOT, VI), A("视频监控", IOT, VI),
    A("智能视频", IOT, VI), A("视频图像", IOT, VI), A("机器视觉", IOT, VI), A("计算机视觉", IOT, VI), A("智能视觉", IOT, VI),
    A("视觉感知", IOT, VI), A("视觉ai", IOT, VI), A("ai视觉", IOT, VI), A("图像识别", IOT, VI), A("人脸识别", IOT, VI),
    A("视频分析", IOT, VI), A("监控摄像头", IOT, VI), A("摄像头", IOT, VI, 0, 0.9f), A("摄像机", IOT, VI, 0, 0.9f),
    A("光学镜头", IOT, VI, 0, 0.85f), A("machine vision", IOT, VI), A("computer vision", IOT, VI),
    A("video surveillance", IOT, VI), A("security cameras", IOT, VI), A("security and surveillance", IOT, VI),
    A("digital security", IOT, VI), A("cctv", IOT, VI),

    // ---- 智能物联: 集成电路 ------------------------------------------------------------------------
    N("集成电路", IOT, IC), A("integrated circuits", IOT, IC), A("integrated circuit", IOT, IC),
    A("ic", IOT, IC), A("ic设计", IOT, IC, 'S'), A("ic design", IOT, IC, 'S'), A("芯片", IOT, IC), A("芯片设计", IOT, IC, 'S'),
    A("芯片制造", IOT, IC, 'M'), A("芯片封装", IOT, IC, 'M'), A("芯片封测", IOT, IC, 'M'), A("chips", IOT, IC),
    A("chip", IOT, IC), A("chip design", IOT, IC, 'S'), A("晶圆", IOT, IC), A("晶圆制造", IOT, IC, 'M'),
    A("晶圆代工", IOT, IC, 'M'), A("wafer fab", IOT, IC, 'M'), A("foundry", IOT, IC, 'M', 0.85f),
    A("集成电路封装测试", IOT, IC, 'M'), A("集成电路封测", IOT, IC, 'M'), A("封装测试", IOT, IC, 'M'), A("封测", IOT, IC, 'M'),
    A("先进封装", IOT, IC, 'M'), A("半导体封测", IOT, IC, 'M'), A("半导体封装", IOT, IC, 'M'), A("osat", IOT, IC, 'M'),
    A("半导体", IOT, IC, 0, 0.9f), A("semiconductors", IOT, IC, 0, 0.9f), A("semiconductor", IOT, IC, 0, 0.9f),
    A("半导体器件", IOT, IC), A("功率半导体", IOT, IC), A("功率器件", IOT, IC), A("igbt", IOT, IC), A("mosfet", IOT, IC),
    A("第三代半导体", IOT, IC, 0, 0.85f), A("化合物半导体", IOT, IC, 0, 0.85f), A("eda", IOT, IC, 'S'),
    A("存储芯片", IOT, IC), A("模拟芯片", IOT, IC), A("射频芯片", IOT, IC), A("ai芯片", IOT, IC), A("微电子", IOT, IC),
    A("半导体设备", IOT, IC, 'M'), A("集成电路装备", IOT, IC, 'M'), A("光刻机", IOT, IC, 'M', 0.9f),
    A("fabless", IOT, IC, 'S'),

    // ---- 智能物联: 网络通信 ------------------------------------------------------------------------
    N("网络通信", IOT, NC), A("network communication", IOT, NC), A("通信", IOT, NC), A("通讯", IOT, NC),
    A("信息通信", IOT, NC), A("5g", IOT, NC), A("6g", IOT, NC), A("5g通信", IOT, NC), A("移动通信", IOT, NC),
    A("光通信", IOT, NC), A("光模块", IOT, NC), A("光器件", IOT, NC, 0, 0.85f), A("光纤光缆", IOT, NC, 'M'),
    A("通信网络", IOT, NC), A("网络设备", IOT, NC), A("数据通信", IOT, NC), A("卫星通信", IOT, NC, 0, 0.9f),
    A("卫星互联网", IOT, NC, 0, 0.85f), A("基站", IOT, NC), A("路由器", IOT, NC), A("交换机", IOT, NC),
    A("无线通信", IOT, NC), A("物联网通信", IOT, NC), A("通信服务", IOT, NC, 'S'), A("电信服务", IOT, NC, 'S'),
    A("电信运营", IOT, NC, 'S'), A("telecommunications", IOT, NC), A("telecom", IOT, NC), A("communications", IOT, NC),
    A("networking", IOT, NC), A("optical communication", IOT, NC), A("network equipment", IOT, NC),

    // ---- 智能物联: 智能计算 ------------------------------------------------------------------------
    N("智能计算", IOT, SC), A("smart computing", IOT, SC), A("intelligent computing", IOT, SC),
    A("人工智能", IOT, SC, 0, 0.9f), A("ai", IOT, SC, 0, 0.9f), A("artificial intelligence", IOT, SC, 0, 0.9f),
    A("算力", IOT, SC), A("智算", IOT, SC), A("智算中心", IOT, SC), A("算力中心", IOT, SC), A("数据中心", IOT, SC),
    A("data center", IOT, SC), A("data centers", IOT, SC), A("data centre", IOT, SC), A("computing power", IOT, SC),
    A("云计算", IOT, SC), A("cloud computing", IOT, SC), A("云服务", IOT, SC, 'S', 0.9f), A("云", IOT, SC, 0, 0.6f),
    A("大数据", IOT, SC, 0, 0.9f), A("big data", IOT, SC, 0, 0.9f), A("服务器", IOT, SC), A("servers", IOT, SC),
    A("高性能计算", IOT, SC), A("超算", IOT, SC), A("hpc", IOT, SC), A("边缘计算", IOT, SC), A("大模型", IOT, SC),
    A("aigc", IOT, SC), A("生成式人工智能", IOT, SC), A("量子计算", IOT, SC, 0, 0.9f), A("量子信息", IOT, SC, 0, 0.85f),
    A("类脑智能", IOT, SC), A("计算机", IOT, SC), A("存储", IOT, SC, 0, 0.7f), A("数据存储", IOT, SC),

    // ---- 智能物联: 智能传感 ------------------------------------------------------------------------
    N("智能传感", IOT, SS), A("smart sensors", IOT, SS), A("smart sensing", IOT, SS), A("sensors", IOT, SS),
    A("sensor", IOT, SS), A("传感器", IOT, SS), A("智能传感器", IOT, SS), A("传感", IOT, SS), A("mems", IOT, SS),
    A("mems传感器", IOT, SS), A("物联网感知", IOT, SS), A("感知设备", IOT, SS), A("激光雷达", IOT, SS, 0, 0.9f),
    A("毫米波雷达", IOT, SS, 0, 0.9f), A("lidar", IOT, SS, 0, 0.9f), A("图像传感器", IOT, SS, 0, 0.9f),
    A("压力传感器", IOT, SS), A("气体传感器", IOT, SS), A("红外", IOT, SS, 0, 0.8f), A("红外热成像", IOT, SS, 0, 0.85f),
    A("智能仪表", IOT, SS, 0, 0.9f), A("仪器仪表", IOT, SS, 0, 0.75f), A("智能仪器仪表", IOT, SS, 0, 0.9f),
    A("测量仪器", IOT, SS, 0, 0.75f), A("精密仪器", IOT, SS, 0, 0.75f), A("科学仪器", IOT, SS, 0, 0.75f),

    // ---- 智能物联: 软件与信息服务 ------------------------------------------------------------------
    N("软件与信息服务", IOT, SW, 'S'), A("software and it services", IOT, SW, 'S'), A("software services", IOT, SW, 'S'), A("软件和信息服务", IOT, SW, 'S'),
    A("软件信息服务", IOT, SW, 'S'), A("软件和信息服务业", IOT, SW, 'S'), A("软件与信息服务业", IOT, SW, 'S'),
    A("软件", IOT, SW, 'S'), A("软件服务", IOT, SW, 'S'), A("software", IOT, SW, 'S'), A("software development", IOT, SW, 'S'),
    A("it services", IOT, SW, 'S'), A("it", IOT, SW, 'S', 0.85f), A("信息技术服务", IOT, SW, 'S'), A("信息服务", IOT, SW, 'S', 0.9f),
    A("it服务", IOT, SW, 'S'), A("互联网", IOT, SW, 'S', 0.9f), A("互联网服务", IOT, SW, 'S'), A("internet", IOT, SW, 'S', 0.9f),
    A("平台经济", IOT, SW, 'S', 0.9f), A("工业互联网", IOT, SW, 'S', 0.9f), A("industrial internet", IOT, SW, 'S', 0.9f),
    A("工业软件", IOT, SW, 'S'), A("嵌入式软件", IOT, SW, 'S'), A("基础软件", IOT, SW, 'S'), A("应用软件", IOT, SW, 'S'),
    A("系统集成", IOT, SW, 'S'), A("saas", IOT, SW, 'S'), A("网络安全", IOT, SW, 'S'), A("信息安全", IOT, SW, 'S'),
    A("数据安全", IOT, SW, 'S'), A("cybersecurity", IOT, SW, 'S'), A("cyber security", IOT, SW, 'S'),
    A("区块链", IOT, SW, 'S', 0.9f), A("blockchain", IOT, SW, 'S', 0.9f), A("数字化转型", IOT, SW, 'S', 0.8f),
    A("智慧城市", IOT, SW, 'S', 0.8f), A("数字孪生", IOT, SW, 'S', 0.8f), A("数据服务", IOT, SW, 'S', 0.9f),
    A("数据要素", IOT, SW, 'S', 0.85f), A("信创", IOT, SW, 0, 0.85f), A("电子政务", IOT, SW, 'S', 0.85f),
    A("金融科技", IOT, SW, 'S', 0.8f), A("fintech", IOT, SW, 'S', 0.8f),
    // 数字创意 (战略性新兴产业 8): digital content is a software/information service in GB/T 4754 (657
    // 数字内容服务, under 65), so it joins 软件与信息服务; 文化创意 without "数字" stays Other.
    A("数字创意", IOT, SW, 'S', 0.8f), N("数字创意产业", IOT, SW, 'S', 0.8f), A("数字内容", IOT, SW, 'S', 0.85f),
    A("数字文化", IOT, SW, 'S', 0.8f), A("动漫游戏", IOT, SW, 'S', 0.8f), A("游戏", IOT, SW, 'S', 0.8f), A("网络游戏", IOT, SW, 'S', 0.85f),
    A("电竞", IOT, SW, 'S', 0.75f), A("元宇宙", IOT, SW, 0, 0.8f), A("metaverse", IOT, SW, 0, 0.8f),
    A("虚拟现实", IOT, NO, 0, 0.9f), A("增强现实", IOT, NO, 0, 0.9f), A("vr", IOT, NO, 0, 0.85f), A("ar", IOT, NO, 0, 0.7f),
    A("xr", IOT, NO, 0, 0.85f), A("数字创意设计", IOT, SW, 'S', 0.8f),
    // Other electronics of the IoT ecosystem without a chain of their own.
    A("电子元器件", IOT), A("电子元件", IOT), A("电子器件", IOT), A("消费电子", IOT), A("智能终端", IOT),
    A("智能硬件", IOT), A("智能家居", IOT, NO, 0, 0.9f), A("智能家电", IOT, NO, 0, 0.85f), A("家电", IOT, NO, 'M', 0.7f),
    A("家用电器", IOT, NO, 'M', 0.7f), A("可穿戴设备", IOT), A("智能穿戴", IOT), A("新型显示", IOT), A("显示面板", IOT),
    A("显示器件", IOT), A("oled", IOT, NO, 0, 0.9f), A("led", IOT, NO, 0, 0.8f), A("光电", IOT, NO, 0, 0.8f),
    A("光电子", IOT, NO, 0, 0.9f), A("印制电路板", IOT), A("pcb", IOT), A("电子电路", IOT), A("智能照明", IOT, NO, 0, 0.85f),
    A("consumer electronics", IOT), A("smart home", IOT, NO, 0, 0.9f), A("wearables", IOT),

    // ---- 生物医药: 合成生物 ------------------------------------------------------------------------
    N("合成生物", BIO, SB), A("synthetic biology", BIO, SB), A("synbio", BIO, SB), A("合成生物学", BIO, SB),
    A("合成生物制造", BIO, SB, 'M'), A("合成生物技术", BIO, SB), A("生物制造", BIO, SB, 'M', 0.9f),
    A("biomanufacturing", BIO, SB, 'M', 0.9f), A("bio-manufacturing", BIO, SB, 'M', 0.9f), A("生物合成", BIO, SB, 0, 0.9f),
    A("生物基材料", BIO, SB, 'M', 0.85f), A("生物基新材料", BIO, SB, 'M', 0.85f), A("生物基", BIO, SB, 0, 0.85f), A("bio-based materials", BIO, SB, 'M', 0.85f),
    A("生物发酵", BIO, SB, 'M', 0.85f), A("发酵", BIO, SB, 'M', 0.75f), A("酶制剂", BIO, SB, 'M', 0.9f),
    A("细胞工厂", BIO, SB, 0, 0.9f), A("生物催化", BIO, SB, 0, 0.9f), A("基因编辑", BIO, SB, 0, 0.8f),
    A("微生物", BIO, SB, 0, 0.7f), A("生物可降解材料", BIO, SB, 'M', 0.8f),

    // ---- 生物医药: 化学药 --------------------------------------------------------------------------
    N("化学药", BIO, CD), A("chemical drugs", BIO, CD), A("化学药品", BIO, CD), A("化药", BIO, CD), A("化学制药", BIO, CD, 'M'),
    A("原料药", BIO, CD, 'M'), A("化学原料药", BIO, CD, 'M'), A("特色原料药", BIO, CD, 'M'), A("制剂", BIO, CD, 'M', 0.9f),
    A("化学制剂", BIO, CD, 'M'), A("化学药制剂", BIO, CD, 'M'), A("仿制药", BIO, CD), A("generic drugs", BIO, CD),
    A("generics", BIO, CD), A("小分子", BIO, CD, 0, 0.9f), A("小分子药物", BIO, CD), A("小分子创新药", BIO, CD),
    A("small molecules", BIO, CD), A("small molecule drugs", BIO, CD), A("active pharmaceutical ingredients", BIO, CD, 'M'),
    A("化学创新药", BIO, CD), A("改良型新药", BIO, CD, 0, 0.85f), A("药用辅料", BIO, CD, 'M', 0.85f),
    // 创新药 names no modality. In ledgers it mostly means a Class-1 new drug of the chemical
    // registration (化学药品1类) — biologic innovators write 生物药/抗体/疫苗 — so it goes to 化学药,
    // and broad: "抗体创新药" or "创新生物药" still go to 生物药.
    {"创新药", CD, {}, BIO, 0, 0.85f, kAlias | kBroad}, {"创新药物", CD, {}, BIO, 0, 0.85f, kAlias | kBroad},
    {"innovative drugs", CD, {}, BIO, 0, 0.85f, kAlias | kBroad},

    // ---- 生物医药: 生物药 --------------------------------------------------------------------------
    N("生物药", BIO, BL), A("biologics", BIO, BL), A("biologic drugs", BIO, BL), A("生物制药", BIO, BL),
    A("生物药品", BIO, BL), A("生物制品", BIO, BL), A("生物创新药", BIO, BL), A("创新生物药", BIO, BL), A("抗体", BIO, BL),
    A("抗体药物", BIO, BL), A("单抗", BIO, BL), A("单克隆抗体", BIO, BL), A("双抗", BIO, BL), A("双特异性抗体", BIO, BL),
    A("adc", BIO, BL), A("抗体偶联药物", BIO, BL), A("antibodies", BIO, BL), A("疫苗", BIO, BL), A("vaccines", BIO, BL),
    A("vaccine", BIO, BL), A("重组蛋白", BIO, BL), A("蛋白药物", BIO, BL), A("多肽药物", BIO, BL, 0, 0.8f),
    A("细胞治疗", BIO, BL), A("细胞药物", BIO, BL), A("car-t", BIO, BL), A("干细胞", BIO, BL, 0, 0.9f), A("基因治疗", BIO, BL),
    A("细胞与基因治疗", BIO, BL), A("细胞和基因治疗", BIO, BL), A("cgt", BIO, BL), A("cell therapy", BIO, BL),
    A("gene therapy", BIO, BL), A("cell and gene therapy", BIO, BL), A("mrna", BIO, BL), A("核酸药物", BIO, BL, 0, 0.9f),
    A("血液制品", BIO, BL), A("免疫治疗", BIO, BL, 0, 0.85f), A("生物类似药", BIO, BL), A("基因工程药物", BIO, BL),
    A("biopharmaceuticals", BIO, BL, 0, 0.85f),

    // ---- 生物医药: 医疗器械 ------------------------------------------------------------------------
    N("医疗器械", BIO, MD), A("medical devices", BIO, MD), A("medical device", BIO, MD), A("医疗设备", BIO, MD),
    A("医疗仪器", BIO, MD), A("医疗器材", BIO, MD), A("医疗装备", BIO, MD), A("高端医疗器械", BIO, MD),
    A("高端医疗装备", BIO, MD), A("medical equipment", BIO, MD), A("medtech", BIO, MD), A("体外诊断", BIO, MD),
    A("ivd", BIO, MD), A("in vitro diagnostics", BIO, MD), A("diagnostics", BIO, MD, 0, 0.85f), A("诊断试剂", BIO, MD),
    A("体外诊断试剂", BIO, MD), A("医学影像", BIO, MD), A("影像设备", BIO, MD, 0, 0.85f), A("medical imaging", BIO, MD),
    A("医用耗材", BIO, MD), A("高值耗材", BIO, MD), A("低值耗材", BIO, MD), A("medical consumables", BIO, MD),
    A("植介入", BIO, MD), A("介入器械", BIO, MD), A("心血管介入", BIO, MD), A("骨科", BIO, MD, 0, 0.9f),
    A("骨科器械", BIO, MD), A("orthopedics", BIO, MD, 0, 0.9f), A("手术机器人", BIO, MD), A("医疗机器人", BIO, MD, 0, 0.85f),
    A("surgical robots", BIO, MD), A("康复器械", BIO, MD), A("康复设备", BIO, MD), A("康复辅具", BIO, MD),
    A("助听器", BIO, MD), A("眼科器械", BIO, MD), A("口腔器械", BIO, MD), A("齿科", BIO, MD, 0, 0.9f), A("口腔", BIO, MD, 0, 0.75f),
    A("医美器械", BIO, MD), A("医疗美容器械", BIO, MD), A("医美设备", BIO, MD),
    // 医美 alone: what an investment ledger lists under it is mostly products (光电设备, 注射填充物,
    // which China registers as Class III devices), not clinics; a clinic is Other (医疗服务).
    A("医美", BIO, MD, 0, 0.8f), A("医疗美容", BIO, MD, 0, 0.8f), A("medical aesthetics", BIO, MD, 0, 0.8f),
    A("生物医用材料", BIO, MD, 0, 0.85f), A("医用材料", BIO, MD, 0, 0.85f), A("监护设备", BIO, MD), A("呼吸机", BIO, MD),
    A("超声设备", BIO, MD), A("内窥镜", BIO, MD), A("内镜", BIO, MD), A("微创器械", BIO, MD), A("透析", BIO, MD, 0, 0.85f),
    A("基因测序", BIO, MD, 0, 0.8f), A("测序仪", BIO, MD), A("poct", BIO, MD), A("医疗器械注册人", BIO, MD, 0, 0.9f),

    // ---- 生物医药: 现代中药 ------------------------------------------------------------------------
    N("现代中药", BIO, TCM), A("modern chinese medicine", BIO, TCM), A("中药", BIO, TCM), A("中医药", BIO, TCM),
    A("中药材", BIO, TCM, 0, 0.9f), A("中成药", BIO, TCM, 'M'), A("中药饮片", BIO, TCM, 'M'), A("中药配方颗粒", BIO, TCM, 'M'), A("中药提取", BIO, TCM, 'M'), A("中药制剂", BIO, TCM, 'M'),
    A("中药新药", BIO, TCM), A("天然药物", BIO, TCM, 0, 0.85f), A("植物提取", BIO, TCM, 'M', 0.8f), A("植物药", BIO, TCM, 0, 0.85f),
    A("中医", BIO, TCM, 0, 0.85f), A("国医国药", BIO, TCM), A("traditional chinese medicine", BIO, TCM), A("tcm", BIO, TCM),
    A("chinese medicine", BIO, TCM), A("herbal medicine", BIO, TCM, 0, 0.9f),

    // ---- 高端装备: 智能机器人 ----------------------------------------------------------------------
    N("智能机器人", EQP, RB), A("intelligent robotics", EQP, RB), A("intelligent robots", EQP, RB), A("机器人", EQP, RB, 0, 0.95f),
    A("robotics", EQP, RB, 0, 0.95f), A("robots", EQP, RB, 0, 0.95f), A("robot", EQP, RB, 0, 0.95f),
    A("工业机器人", EQP, RB), A("industrial robots", EQP, RB), A("服务机器人", EQP, RB), A("service robots", EQP, RB), A("特种机器人", EQP, RB),
    A("协作机器人", EQP, RB), A("人形机器人", EQP, RB), A("humanoid robots", EQP, RB), A("具身智能", EQP, RB, 0, 0.9f),
    A("embodied ai", EQP, RB, 0, 0.9f), A("机器人本体", EQP, RB, 'M'), A("机器人核心零部件", EQP, RB, 'M'),
    A("减速器", EQP, RB, 'M', 0.85f), A("伺服电机", EQP, RB, 'M', 0.8f), A("机械臂", EQP, RB), A("移动机器人", EQP, RB),
    A("agv", EQP, RB, 0, 0.85f), A("四足机器人", EQP, RB), A("扫地机器人", EQP, RB, 0, 0.85f), A("仓储机器人", EQP, RB),
    A("机器人及智能装备", EQP, RB, 'M', 0.9f),

    // ---- 高端装备: 新能源汽车 ----------------------------------------------------------------------
    N("新能源汽车", EQP, NEV), A("new energy vehicles", EQP, NEV), A("new-energy vehicles", EQP, NEV),
    A("new energy vehicle", EQP, NEV), A("nev", EQP, NEV), A("nevs", EQP, NEV), A("新能源车", EQP, NEV),
    A("新能源汽车零部件", EQP, NEV, 'M'), A("新能源汽车及零部件", EQP, NEV, 'M'), A("新能源汽车核心零部件", EQP, NEV, 'M'),
    A("新能源整车", EQP, NEV, 'M'), A("新能源汽车整车", EQP, NEV, 'M'), A("新能源商用车", EQP, NEV), A("新能源重卡", EQP, NEV), A("新能源乘用车", EQP, NEV),
    A("汽车零部件", EQP, NEV, 'M', 0.9f), A("汽车配件", EQP, NEV, 'M', 0.9f), A("汽配", EQP, NEV, 'M', 0.9f),
    A("汽车及零部件", EQP, NEV, 'M', 0.9f), A("auto parts", EQP, NEV, 'M', 0.9f), A("automotive parts", EQP, NEV, 'M', 0.9f),
    A("ev parts", EQP, NEV, 'M'), A("整车", EQP, NEV, 'M', 0.9f), A("整车制造", EQP, NEV, 'M', 0.9f), A("汽车", EQP, NEV, 0, 0.9f),
    A("汽车产业", EQP, NEV, 0, 0.9f), A("automotive", EQP, NEV, 0, 0.9f), A("automobiles", EQP, NEV, 0, 0.9f),
    A("电动汽车", EQP, NEV), A("electric vehicles", EQP, NEV), A("ev", EQP, NEV), A("evs", EQP, NEV), A("纯电动", EQP, NEV),
    A("插电混动", EQP, NEV), A("混合动力汽车", EQP, NEV), A("智能网联汽车", EQP, NEV), A("智能网联", EQP, NEV, 0, 0.85f),
    A("智能汽车", EQP, NEV), A("智能网联新能源汽车", EQP, NEV), A("intelligent connected vehicles", EQP, NEV),
    A("icv", EQP, NEV), A("车联网", EQP, NEV, 0, 0.85f), A("自动驾驶", EQP, NEV, 0, 0.9f), A("无人驾驶", EQP, NEV, 0, 0.9f),
    A("智能驾驶", EQP, NEV, 0, 0.9f), A("autonomous driving", EQP, NEV, 0, 0.9f), A("汽车电子", EQP, NEV, 0, 0.9f),
    A("智能座舱", EQP, NEV), A("动力总成", EQP, NEV, 'M'), A("powertrain", EQP, NEV, 'M'), A("电驱动", EQP, NEV, 'M'),
    A("电驱", EQP, NEV, 'M'), A("电机电控", EQP, NEV, 'M', 0.9f), A("三电系统", EQP, NEV, 'M', 0.9f),
    A("汽车热管理", EQP, NEV), A("线控底盘", EQP, NEV), A("汽车底盘", EQP, NEV), A("充电桩", EQP, NEV, 0, 0.8f),
    A("充换电", EQP, NEV, 0, 0.75f), A("换电", EQP, NEV, 0, 0.8f), A("燃料电池汽车", EQP, NEV, 0, 0.85f),
    A("氢能汽车", EQP, NEV, 0, 0.85f), A("汽车后市场", EQP, NEV, 'S', 0.7f), A("零部件", EQP, NO, 'M', 0.6f),

    // ---- 高端装备: 航空航天 ------------------------------------------------------------------------
    N("航空航天", EQP, AS), A("aerospace", EQP, AS), A("航空", EQP, AS, 0, 0.9f), A("航天", EQP, AS), A("aviation", EQP, AS, 0, 0.9f),
    A("航空装备", EQP, AS, 'M'), A("航天装备", EQP, AS, 'M'), A("民用航空", EQP, AS, 0, 0.9f), A("民机", EQP, AS),
    A("大飞机", EQP, AS), A("通用航空", EQP, AS, 0, 0.85f), A("通航", EQP, AS, 0, 0.85f), A("航空零部件", EQP, AS, 'M'),
    A("航空发动机", EQP, AS, 'M'), A("aircraft", EQP, AS), A("无人机", EQP, AS, 0, 0.9f), A("drones", EQP, AS, 0, 0.9f),
    A("uav", EQP, AS, 0, 0.9f), A("uavs", EQP, AS, 0, 0.9f), A("低空经济", EQP, AS, 0, 0.9f), A("low-altitude economy", EQP, AS, 0, 0.9f),
    A("evtol", EQP, AS), A("飞行汽车", EQP, AS, 0, 0.85f), A("卫星", EQP, AS, 0, 0.9f), A("satellites", EQP, AS, 0, 0.9f),
    A("商业航天", EQP, AS), A("commercial space", EQP, AS), A("卫星制造", EQP, AS, 'M'), A("火箭", EQP, AS),
    A("运载火箭", EQP, AS), A("航天器", EQP, AS), A("北斗", EQP, AS, 0, 0.8f), A("卫星导航", EQP, AS, 0, 0.8f),
    A("空天信息", EQP, AS, 0, 0.85f), A("空天", EQP, AS, 0, 0.85f),

    // ---- 高端装备: 智能装备 ------------------------------------------------------------------------
    N("智能装备", EQP, IE), A("intelligent equipment", EQP, IE), A("smart equipment", EQP, IE), A("智能制造装备", EQP, IE, 'M'),
    A("高端智能装备", EQP, IE), A("数控机床", EQP, IE, 'M'), A("cnc machine tools", EQP, IE, 'M'), A("机床", EQP, IE, 'M', 0.9f),
    A("machine tools", EQP, IE, 'M', 0.9f), A("工业母机", EQP, IE, 'M'), A("精密机械", EQP, IE, 'M', 0.85f),
    A("增材制造", EQP, IE, 'M'), A("3d打印", EQP, IE, 0, 0.9f), A("3d printing", EQP, IE, 0, 0.9f),
    A("additive manufacturing", EQP, IE, 'M'), A("激光设备", EQP, IE, 'M', 0.85f), A("激光装备", EQP, IE, 'M', 0.85f),
    A("工业自动化", EQP, IE, 0, 0.9f), A("自动化设备", EQP, IE, 'M', 0.9f), A("自动化", EQP, IE, 0, 0.8f),
    A("industrial automation", EQP, IE, 0, 0.9f), A("automation", EQP, IE, 0, 0.8f), A("智能工厂", EQP, IE, 0, 0.85f),
    A("工控", EQP, IE, 0, 0.8f), A("工业控制", EQP, IE, 0, 0.8f), A("液压", EQP, IE, 'M', 0.8f), A("气动元件", EQP, IE, 'M', 0.8f),
    A("轴承", EQP, IE, 'M', 0.8f), A("齿轮", EQP, IE, 'M', 0.8f), A("泵阀", EQP, IE, 'M', 0.8f), A("阀门", EQP, IE, 'M', 0.8f),
    A("压缩机", EQP, IE, 'M', 0.8f), A("电梯", EQP, IE, 'M', 0.8f), A("工程机械", EQP, IE, 'M', 0.85f),
    A("纺织机械", EQP, IE, 'M', 0.8f), A("包装机械", EQP, IE, 'M', 0.8f), A("检测设备", EQP, IE, 'M', 0.7f),
    A("智能检测装备", EQP, IE, 'M', 0.85f), A("模具", EQP, IE, 'M', 0.8f), A("通用设备", EQP, NO, 'M', 0.85f),
    A("专用设备", EQP, NO, 'M', 0.85f), A("农机", EQP, NO, 'M', 0.9f), A("农业机械", EQP, NO, 'M', 0.9f),
    A("船舶", EQP, NO, 'M', 0.9f), A("海工装备", EQP, NO, 'M', 0.9f), A("海洋装备", EQP, NO, 'M', 0.9f),
    A("轨道交通装备", EQP, NO, 'M', 0.9f), A("轨道交通", EQP, NO, 0, 0.8f), A("高铁", EQP, NO, 0, 0.75f),
    A("电机", EQP, NO, 'M', 0.75f), A("节能装备", EQP, NO, 'M', 0.75f), A("光刻", IOT, IC, 0, 0.8f),

    // ---- 新材料: 半导体材料 ------------------------------------------------------------------------
    N("半导体材料", MAT, SM), A("semiconductor materials", MAT, SM), A("电子材料", MAT, SM, 0, 0.9f),
    A("electronic materials", MAT, SM, 0, 0.9f), A("电子化学品", MAT, SM, 0, 0.9f), A("湿电子化学品", MAT, SM),
    A("electronic chemicals", MAT, SM, 0, 0.9f), A("电子特气", MAT, SM), A("电子特种气体", MAT, SM), A("电子级化学品", MAT, SM), A("电子气体", MAT, SM), A("特种气体", MAT, SM, 0, 0.8f),
    A("光刻胶", MAT, SM), A("photoresist", MAT, SM), A("半导体硅片", MAT, SM), A("大硅片", MAT, SM), A("电子级多晶硅", MAT, SM),
    A("靶材", MAT, SM, 0, 0.9f), A("溅射靶材", MAT, SM), A("抛光液", MAT, SM, 0, 0.9f), A("cmp材料", MAT, SM),
    A("碳化硅", MAT, SM, 0, 0.9f), A("silicon carbide", MAT, SM, 0, 0.9f), A("sic", MAT, SM, 0, 0.9f),
    A("氮化镓", MAT, SM, 0, 0.9f), A("gan", MAT, SM, 0, 0.9f), A("衬底", MAT, SM, 0, 0.9f), A("外延片", MAT, SM, 0, 0.9f),
    A("第三代半导体材料", MAT, SM), A("电子浆料", MAT, SM, 0, 0.85f), A("覆铜板", MAT, SM, 0, 0.8f),
    A("显示材料", MAT, SM, 0, 0.8f), A("封装材料", MAT, SM, 0, 0.85f),

    // ---- 新材料: 高性能纤维及复合材料 --------------------------------------------------------------
    N("高性能纤维及复合材料", MAT, AF), A("high-performance fibres and composites", MAT, AF), A("advanced fibres", MAT, AF),
    A("advanced fibers", MAT, AF),
    A("高性能纤维", MAT, AF), A("high-performance fibres", MAT, AF), A("high-performance fibers", MAT, AF),
    A("高性能纤维材料", MAT, AF), A("复合材料", MAT, AF), A("composites", MAT, AF), A("composite materials", MAT, AF),
    A("先进复合材料", MAT, AF), A("高性能复合材料", MAT, AF), A("树脂基复合材料", MAT, AF), A("陶瓷基复合材料", MAT, AF),
    A("碳碳复合材料", MAT, AF), A("碳纤维", MAT, AF), A("carbon fibre", MAT, AF), A("carbon fiber", MAT, AF),
    A("碳纤维复合材料", MAT, AF), A("芳纶", MAT, AF), A("aramid", MAT, AF), A("超高分子量聚乙烯纤维", MAT, AF),
    A("超高分子量聚乙烯", MAT, AF, 0, 0.9f), A("玻纤", MAT, AF), A("玻璃纤维", MAT, AF), A("glass fibre", MAT, AF), A("glass fiber", MAT, AF),
    A("玄武岩纤维", MAT, AF), A("特种纤维", MAT, AF), A("功能性纤维", MAT, AF), A("差别化纤维", MAT, AF, 0, 0.85f),
    A("纤维新材料", MAT, AF), A("化纤", MAT, AF, 'M', 0.8f), A("化学纤维", MAT, AF, 'M', 0.8f), A("chemical fibres", MAT, AF, 'M', 0.8f),
    A("chemical fibers", MAT, AF, 'M', 0.8f), A("涤纶", MAT, AF, 'M', 0.8f), A("锦纶", MAT, AF, 'M', 0.8f), A("氨纶", MAT, AF, 'M', 0.8f),
    A("聚酯纤维", MAT, AF, 'M', 0.8f), A("碳材料", MAT, AF, 0, 0.8f),

    // ---- 新材料: 精细化工新材料 --------------------------------------------------------------------
    N("精细化工新材料", MAT, FC), A("fine-chemical materials", MAT, FC), A("精细化工", MAT, FC), A("fine chemicals", MAT, FC),
    A("fine chemical", MAT, FC), A("精细化学品", MAT, FC), A("专用化学品", MAT, FC), A("specialty chemicals", MAT, FC),
    A("化工新材料", MAT, FC), A("new chemical materials", MAT, FC), A("化工材料", MAT, FC, 0, 0.9f),
    A("化工", MAT, FC, 'M', 0.8f), A("化学工业", MAT, FC, 'M', 0.8f), A("chemicals", MAT, FC, 'M', 0.8f),
    A("chemical industry", MAT, FC, 'M', 0.8f), A("石化", MAT, FC, 'M', 0.7f), A("石油化工", MAT, FC, 'M', 0.7f),
    A("涂料", MAT, FC, 'M', 0.9f), A("coatings", MAT, FC, 'M', 0.9f), A("油墨", MAT, FC, 'M', 0.85f), A("颜料", MAT, FC, 'M', 0.85f),
    A("染料", MAT, FC, 'M', 0.9f), A("助剂", MAT, FC, 'M', 0.9f), A("化学助剂", MAT, FC, 'M'), A("催化剂", MAT, FC, 0, 0.9f),
    A("catalysts", MAT, FC, 0, 0.9f), A("胶粘剂", MAT, FC, 'M', 0.9f), A("粘合剂", MAT, FC, 'M', 0.9f),
    A("高分子材料", MAT, FC, 0, 0.85f), A("高分子新材料", MAT, FC), A("polymers", MAT, FC, 0, 0.85f),
    A("工程塑料", MAT, FC), A("engineering plastics", MAT, FC), A("特种工程塑料", MAT, FC), A("改性塑料", MAT, FC, 'M', 0.9f),
    A("氟化工", MAT, FC), A("含氟材料", MAT, FC), A("氟材料", MAT, FC), A("有机硅", MAT, FC), A("硅材料", MAT, FC, 0, 0.7f),
    A("新型化工材料", MAT, FC), A("可降解塑料", MAT, FC, 'M', 0.8f), A("生物降解材料", MAT, FC, 'M', 0.75f),
    A("香精香料", MAT, FC, 'M', 0.85f), A("日化", MAT, FC, 'M', 0.7f), A("农药", MAT, FC, 'M', 0.8f),
    W("化学品", MAT, FC, 0, 0.8f), A("化学原料", MAT, FC, 'M', 0.8f), A("化学制品", MAT, FC, 'M', 0.8f),

    // ---- 绿色能源: 光伏 ----------------------------------------------------------------------------
    N("光伏", ENG, PV), A("photovoltaics", ENG, PV), A("photovoltaic", ENG, PV), A("pv", ENG, PV), A("solar", ENG, PV),
    A("solar energy", ENG, PV), A("solar power", ENG, PV), A("solar pv", ENG, PV), A("solar panels", ENG, PV, 'M'),
    A("solar modules", ENG, PV, 'M'), A("solar cells", ENG, PV, 'M'), A("光伏组件", ENG, PV, 'M'),
    A("光伏电池", ENG, PV, 'M'), A("太阳能电池", ENG, PV, 'M'), A("电池片", ENG, PV, 'M', 0.9f), A("光伏电池片", ENG, PV, 'M'),
    A("光伏玻璃", ENG, PV, 'M', 0.9f), A("光伏设备", ENG, PV, 'M'), A("光伏装备", ENG, PV, 'M'), A("逆变器", ENG, PV, 'M', 0.9f),
    A("光伏逆变器", ENG, PV, 'M'), A("inverters", ENG, PV, 'M', 0.9f), A("硅片", ENG, PV, 'M', 0.7f) /* PV or semiconductor wafers: a person decides */, A("多晶硅", ENG, PV, 'M', 0.9f),
    A("单晶硅", ENG, PV, 'M', 0.85f), A("太阳能", ENG, PV, 0, 0.9f), A("光伏发电", ENG, PV), A("分布式光伏", ENG, PV),
    A("光伏电站", ENG, PV), A("光伏支架", ENG, PV, 'M'), A("光伏胶膜", ENG, PV, 'M'), A("胶膜", ENG, PV, 'M', 0.7f),
    A("钙钛矿", ENG, PV, 0, 0.9f), A("perovskite", ENG, PV, 0, 0.9f), A("异质结", ENG, PV, 0, 0.9f), A("hjt", ENG, PV, 0, 0.9f),
    A("topcon", ENG, PV, 0, 0.9f), A("光伏材料", ENG, PV, 'M', 0.9f), A("光储一体化", ENG, PV, 0, 0.8f),
    A("光伏新能源", ENG, PV),

    // ---- 绿色能源: 新型储能 ------------------------------------------------------------------------
    N("新型储能", ENG, ES), A("energy storage", ENG, ES), A("储能", ENG, ES), A("电化学储能", ENG, ES), A("储能电池", ENG, ES, 'M'),
    A("储能系统", ENG, ES), A("储能系统集成", ENG, ES), A("储能电站", ENG, ES), A("储能设备", ENG, ES, 'M'), A("bess", ENG, ES), A("锂电池", ENG, ES, 'M'),
    A("锂电", ENG, ES, 'M'), A("锂电新能源", ENG, ES, 'M'), A("锂离子电池", ENG, ES, 'M'), A("lithium battery", ENG, ES, 'M'),
    A("lithium batteries", ENG, ES, 'M'), A("lithium-ion batteries", ENG, ES, 'M'), A("li-ion batteries", ENG, ES, 'M'),
    A("li-ion", ENG, ES, 'M'), A("动力电池", ENG, ES, 'M', 0.95f), A("power batteries", ENG, ES, 'M', 0.95f),
    A("新能源汽车动力电池", ENG, ES, 'M', 0.9f), A("汽车动力电池", ENG, ES, 'M', 0.9f), A("电池", ENG, ES, 'M', 0.9f),
    A("batteries", ENG, ES, 'M', 0.9f), A("battery", ENG, ES, 'M', 0.9f), A("蓄电池", ENG, ES, 'M', 0.9f),
    A("钠离子电池", ENG, ES, 'M'), A("钠电池", ENG, ES, 'M'), A("sodium-ion batteries", ENG, ES, 'M'), A("固态电池", ENG, ES, 'M'),
    A("solid-state batteries", ENG, ES, 'M'), A("电池隔膜", ENG, ES, 'M'), A("锂电池隔膜", ENG, ES, 'M'), A("锂电隔膜", ENG, ES, 'M'),
    A("隔膜", ENG, ES, 'M', 0.8f), A("battery separators", ENG, ES, 'M'), A("正极材料", ENG, ES, 'M', 0.9f),
    A("负极材料", ENG, ES, 'M', 0.9f), A("电解液", ENG, ES, 'M', 0.9f), A("锂电材料", ENG, ES, 'M', 0.9f),
    A("锂电池材料", ENG, ES, 'M', 0.9f), A("电池材料", ENG, ES, 'M', 0.9f), A("锂电设备", ENG, ES, 'M', 0.85f),
    A("电池管理系统", ENG, ES), A("bms", ENG, ES, 0, 0.9f), A("储能变流器", ENG, ES, 'M'), A("pcs", ENG, ES, 0, 0.7f),
    A("抽水蓄能", ENG, ES, 0, 0.85f), A("压缩空气储能", ENG, ES), A("飞轮储能", ENG, ES), A("液流电池", ENG, ES, 'M'),
    A("超级电容", ENG, ES, 'M', 0.85f), A("电池回收", ENG, ES, 0, 0.85f), A("动力电池回收", ENG, ES, 0, 0.85f),
    A("光储充", ENG, ES, 0, 0.8f), A("储能新能源", ENG, ES),

    // ---- 绿色能源: 氢能 ----------------------------------------------------------------------------
    N("氢能", ENG, H2), A("hydrogen", ENG, H2), A("hydrogen energy", ENG, H2), A("氢能源", ENG, H2), A("氢", ENG, H2, 0, 0.6f),
    A("氢气", ENG, H2, 0, 0.9f), A("制氢", ENG, H2), A("储氢", ENG, H2), A("加氢站", ENG, H2), A("氢燃料电池", ENG, H2, 'M'),
    A("燃料电池", ENG, H2, 'M', 0.9f), A("fuel cells", ENG, H2, 'M', 0.9f), A("fuel cell", ENG, H2, 'M', 0.9f), A("氢燃料", ENG, H2, 0, 0.9f),
    A("绿氢", ENG, H2), A("green hydrogen", ENG, H2), A("电解槽", ENG, H2, 'M', 0.9f), A("electrolyzers", ENG, H2, 'M', 0.9f),
    A("electrolysers", ENG, H2, 'M', 0.9f), A("氢能装备", ENG, H2, 'M'), A("氢能与燃料电池", ENG, H2),

    // ---- 绿色能源: 智能电网 ------------------------------------------------------------------------
    N("智能电网", ENG, GRID), A("smart grid", ENG, GRID), A("电网", ENG, GRID, 0, 0.9f), A("power grid", ENG, GRID, 0, 0.9f),
    A("输配电", ENG, GRID), A("输变电", ENG, GRID), A("输配电设备", ENG, GRID, 'M'), A("输变电设备", ENG, GRID, 'M'),
    A("transmission and distribution", ENG, GRID), A("电力设备", ENG, GRID, 'M', 0.85f), A("power equipment", ENG, GRID, 'M', 0.85f),
    A("电力装备", ENG, GRID, 'M', 0.85f), A("电气设备", ENG, GRID, 'M', 0.8f), A("electrical equipment", ENG, GRID, 'M', 0.8f),
    A("电工装备", ENG, GRID, 'M', 0.85f), A("变压器", ENG, GRID, 'M'), A("开关设备", ENG, GRID, 'M', 0.9f),
    A("电力电子", ENG, GRID, 0, 0.85f), A("电线电缆", ENG, GRID, 'M', 0.85f), A("电缆", ENG, GRID, 'M', 0.8f), A("特高压", ENG, GRID),
    A("uhv", ENG, GRID), A("智能电表", ENG, GRID, 'M', 0.9f), A("电力自动化", ENG, GRID), A("配电网", ENG, GRID),
    A("微电网", ENG, GRID), A("虚拟电厂", ENG, GRID), A("能源互联网", ENG, GRID, 0, 0.9f), A("源网荷储", ENG, GRID, 0, 0.85f),
    A("智慧能源", ENG, GRID, 0, 0.8f), A("电力物联网", ENG, GRID, 0, 0.9f),

    // ---- Other: 水饮料 ------------------------------------------------------------------------------
    N("水饮料", OTH, WB), A("water beverages", OTH, WB), A("饮料", OTH, WB, 'M', 0.95f), A("beverages", OTH, WB, 'M', 0.95f),
    A("饮用水", OTH, WB, 'M'), A("包装饮用水", OTH, WB, 'M'), A("瓶装水", OTH, WB, 'M'), A("矿泉水", OTH, WB, 'M'),
    A("天然水", OTH, WB, 'M'), A("纯净水", OTH, WB, 'M'), A("bottled water", OTH, WB, 'M'), A("drinking water", OTH, WB, 'M'),
    A("mineral water", OTH, WB, 'M'), A("软饮料", OTH, WB, 'M'), A("soft drinks", OTH, WB, 'M'), A("功能饮料", OTH, WB, 'M'),
    A("果汁", OTH, WB, 'M', 0.9f), A("茶饮料", OTH, WB, 'M'), A("食品饮料", OTH, WB, 'M', 0.75f), A("饮品", OTH, WB, 0, 0.85f),

    // ---- Other: 现代纺织 ----------------------------------------------------------------------------
    N("现代纺织", OTH, TX), A("modern textiles", OTH, TX), A("纺织", OTH, TX, 'M'), A("textiles", OTH, TX, 'M'),
    A("textile", OTH, TX, 'M'), A("纺织服装", OTH, TX, 'M'), A("纺织品", OTH, TX, 'M'), A("服装", OTH, TX, 'M', 0.9f),
    A("服饰", OTH, TX, 'M', 0.9f), A("apparel", OTH, TX, 'M', 0.9f), A("garments", OTH, TX, 'M', 0.9f), A("丝绸", OTH, TX, 'M'),
    A("silk", OTH, TX, 'M'), A("印染", OTH, TX, 'M'), A("家纺", OTH, TX, 'M'), A("家用纺织品", OTH, TX, 'M'),
    A("产业用纺织品", OTH, TX, 'M'), A("针织", OTH, TX, 'M'), A("面料", OTH, TX, 'M', 0.9f), A("纺织面料", OTH, TX, 'M'),
    A("织造", OTH, TX, 'M', 0.9f), A("经编", OTH, TX, 'M', 0.9f), A("无纺布", OTH, TX, 'M', 0.9f), A("女装", OTH, TX, 'M'),
    A("现代纺织与服装", OTH, TX, 'M'), A("时尚产业", OTH, NO, 0, 0.9f), A("时尚", OTH, NO, 0, 0.85f), A("fashion", OTH, NO, 0, 0.85f),

    // ---- Other: 现代物流 ----------------------------------------------------------------------------
    N("现代物流", OTH, LG, 'S'), A("modern logistics", OTH, LG, 'S'), A("物流", OTH, LG, 'S'), A("logistics", OTH, LG, 'S'),
    A("仓储", OTH, LG, 'S'), A("warehousing", OTH, LG, 'S'), A("仓储物流", OTH, LG, 'S'), A("快递", OTH, LG, 'S'),
    A("快递物流", OTH, LG, 'S'), A("express delivery", OTH, LG, 'S'), A("供应链", OTH, LG, 'S', 0.85f),
    A("供应链管理", OTH, LG, 'S', 0.85f), A("supply chain", OTH, LG, 'S', 0.85f), A("冷链", OTH, LG, 'S'),
    A("冷链物流", OTH, LG, 'S'), A("cold chain", OTH, LG, 'S'), A("货运", OTH, LG, 'S'), A("freight", OTH, LG, 'S'),
    A("货代", OTH, LG, 'S'), A("航空物流", OTH, LG, 'S'), A("港口物流", OTH, LG, 'S'), A("智慧物流", OTH, LG, 'S'),
    A("物流园", OTH, LG, 'S'), A("跨境物流", OTH, LG, 'S'), A("临空经济", OTH, LG, 'S', 0.7f), A("运输", OTH, LG, 'S', 0.8f),
    A("交通运输", OTH, LG, 'S', 0.8f),

    // ---- Other, without a chain ------------------------------------------------------------------
    A("电子商务", OTH, NO, 'S'), A("电商", OTH, NO, 'S'), A("跨境电商", OTH, NO, 'S'), A("跨境电子商务", OTH, NO, 'S'),
    A("直播电商", OTH, NO, 'S'), A("社交电商", OTH, NO, 'S'), A("网络零售", OTH, NO, 'S'), A("数字贸易", OTH, NO, 'S'),
    A("新零售", OTH, NO, 'S'), A("e-commerce", OTH, NO, 'S'), A("ecommerce", OTH, NO, 'S'),
    A("cross-border e-commerce", OTH, NO, 'S'), A("贸易", OTH, NO, 'S'), A("商贸", OTH, NO, 'S'), A("国际贸易", OTH, NO, 'S'),
    A("外贸", OTH, NO, 'S'), A("进出口", OTH, NO, 'S'), A("商贸流通", OTH, NO, 'S'), A("批发零售", OTH, NO, 'S'),
    A("trade", OTH, NO, 'S'), A("trading", OTH, NO, 'S'), A("retail", OTH, NO, 'S'), A("wholesale", OTH, NO, 'S'),
    A("金融", OTH, NO, 'S'), A("金融服务", OTH, NO, 'S'), A("finance", OTH, NO, 'S'), A("financial services", OTH, NO, 'S'),
    A("银行", OTH, NO, 'S'), A("保险", OTH, NO, 'S'), A("证券", OTH, NO, 'S'), A("基金", OTH, NO, 'S'), A("股权投资", OTH, NO, 'S'),
    A("私募基金", OTH, NO, 'S'), A("投资", OTH, NO, 'S', 0.9f), A("类金融", OTH, NO, 'S'), A("融资租赁", OTH, NO, 'S'),
    A("房地产", OTH, NO, 'S'), A("房地产开发", OTH, NO, 'S'), A("地产", OTH, NO, 'S'), A("real estate", OTH, NO, 'S'),
    A("物业", OTH, NO, 'S'), A("商业综合体", OTH, NO, 'S'), A("商业地产", OTH, NO, 'S'), A("酒店", OTH, NO, 'S'),
    A("住宿", OTH, NO, 'S'), A("餐饮", OTH, NO, 'S'), A("文化旅游", OTH, NO, 'S'), A("文旅", OTH, NO, 'S'),
    A("旅游", OTH, NO, 'S'), A("tourism", OTH, NO, 'S'), A("文化创意", OTH, NO, 'S'), A("文创", OTH, NO, 'S'),
    A("影视", OTH, NO, 'S'), A("传媒", OTH, NO, 'S'), A("文化", OTH, NO, 'S', 0.9f), A("体育", OTH, NO, 'S'),
    A("会展", OTH, NO, 'S'), A("教育", OTH, NO, 'S'), A("培训", OTH, NO, 'S'), A("养老", OTH, NO, 'S'), A("康养", OTH, NO, 'S', 0.8f),
    A("健康养老", OTH, NO, 'S', 0.8f), A("家政", OTH, NO, 'S'), A("商务服务", OTH, NO, 'S'), A("咨询", OTH, NO, 'S'),
    A("人力资源", OTH, NO, 'S'), A("广告", OTH, NO, 'S'), A("法律服务", OTH, NO, 'S'), A("检验检测", OTH, NO, 'S', 0.85f),
    A("检测认证", OTH, NO, 'S', 0.85f), A("知识产权", OTH, NO, 'S'), A("工业设计", OTH, NO, 'S', 0.8f),
    A("科技服务", OTH, NO, 'S', 0.85f), A("科技服务业", OTH, NO, 'S', 0.85f),
    A("总部经济", OTH, NO, 'S', 1, kVague), A("总部", OTH, NO, 'S', 0.9f, kVague), A("企业总部", OTH, NO, 'S', 1, kVague),
    A("现代服务业", OTH, NO, 'S', 1, kVague), A("生产性服务业", OTH, NO, 'S', 1, kVague), A("服务业", OTH, NO, 'S', 0.8f, kVague),
    A("服务贸易", OTH, NO, 'S'), A("研发服务", OTH, NO, 'S', 0.7f, kVague), A("services", OTH, NO, 'S', 0.8f, kVague),
    A("现代农业", OTH, NO, 0), A("农业", OTH, NO, 0), A("种业", OTH, NO, 0), A("农林牧渔", OTH, NO, 0), A("agriculture", OTH, NO, 0),
    A("食品", OTH, NO, 'M'), A("食品加工", OTH, NO, 'M'), A("food", OTH, NO, 'M'), A("茶叶", OTH, NO, 0), A("酒", OTH, NO, 'M', 0.9f),
    A("建筑", OTH, NO, 0), A("建设工程", OTH, NO, 0), A("基础设施", OTH, NO, 0, 0.9f), A("城市更新", OTH, NO, 0, 0.9f),
    A("construction", OTH, NO, 0), A("家具", OTH, NO, 'M'), A("造纸", OTH, NO, 'M'), A("印刷", OTH, NO, 'M'), A("包装", OTH, NO, 'M', 0.8f),
    A("五金", OTH, NO, 'M', 0.8f), A("皮革", OTH, NO, 'M'), A("制鞋", OTH, NO, 'M'), A("珠宝首饰", OTH, NO, 'M'),
    A("工艺美术", OTH, NO, 'M'), A("玩具", OTH, NO, 'M'), A("文体用品", OTH, NO, 'M'), A("化妆品", OTH, NO, 'M', 0.85f),
    A("美妆", OTH, NO, 0, 0.85f), A("日用品", OTH, NO, 'M', 0.85f), A("石油", OTH, NO, 0, 0.6f), A("煤炭", OTH, NO, 0, 0.7f),
    A("矿产", OTH, NO, 0, 0.8f), A("天然气", ENG, NO, 0, 0.6f), A("燃气", ENG, NO, 0, 0.6f),
    A("制造业", OTH, NO, 'M', 0.3f, kVague), A("制造", OTH, NO, 'M', 0.3f, kVague), A("工业", OTH, NO, 'M', 0.3f, kVague),
    A("实体经济", OTH, NO, 'M', 0.3f, kVague), A("manufacturing", OTH, NO, 'M', 0.3f, kVague),
    A("高新技术", OTH, NO, 0, 0.3f, kVague), A("高新技术产业", OTH, NO, 0, 0.3f, kVague),
    A("战略性新兴产业", OTH, NO, 0, 0.3f, kVague), A("新兴产业", OTH, NO, 0, 0.3f, kVague),
    A("未来产业", OTH, NO, 0, 0.3f, kVague), A("科技", OTH, NO, 0, 0.3f, kVague), A("高科技", OTH, NO, 0, 0.3f, kVague),

    // ---- GB/T 4754-2017: sections ----------------------------------------------------------------
    G("A", "农、林、牧、渔业", OTH, NO, 0.9f), G("B", "采矿业", OTH, NO, 0.9f), G("C", "制造业", OTH, NO, 0.3f, kVague),
    G("D", "电力、热力、燃气及水生产和供应业", ENG, NO, 0.6f), G("E", "建筑业", OTH, NO, 0.9f),
    G("F", "批发和零售业", OTH, NO, 0.9f), G("G", "交通运输、仓储和邮政业", OTH, LG, 0.8f), G("H", "住宿和餐饮业", OTH, NO, 0.9f),
    G("I", "信息传输、软件和信息技术服务业", IOT, NO, 0.85f), G("J", "金融业", OTH), G("K", "房地产业", OTH),
    G("L", "租赁和商务服务业", OTH, NO, 0.9f), G("M", "科学研究和技术服务业", OTH, NO, 0.4f, kVague),
    G("N", "水利、环境和公共设施管理业", OTH, NO, 0.7f), G("O", "居民服务、修理和其他服务业", OTH, NO, 0.9f),
    G("P", "教育", OTH, NO, 0.9f), G("Q", "卫生和社会工作", OTH, NO, 0.6f), G("R", "文化、体育和娱乐业", OTH, NO, 0.9f),
    G("S", "公共管理、社会保障和社会组织", OTH, NO, 0.9f), G("T", "国际组织", OTH, NO, 0.9f),

    // ---- GB/T 4754-2017: divisions (every one, so that any valid code resolves at least here) ----
    G("01", "农业", OTH), G("02", "林业", OTH), G("03", "畜牧业", OTH), G("04", "渔业", OTH),
    G("05", "农、林、牧、渔专业及辅助性活动", OTH), G("06", "煤炭开采和洗选业", OTH), G("07", "石油和天然气开采业", OTH),
    G("08", "黑色金属矿采选业", OTH), G("09", "有色金属矿采选业", OTH), G("10", "非金属矿采选业", OTH),
    G("11", "开采专业及辅助性活动", OTH), G("12", "其他采矿业", OTH),
    G("13", "农副食品加工业", OTH), G("14", "食品制造业", OTH), G("15", "酒、饮料和精制茶制造业", OTH, WB, 0.75f),
    G("16", "烟草制品业", OTH), G("17", "纺织业", OTH, TX), G("18", "纺织服装、服饰业", OTH, TX),
    G("19", "皮革、毛皮、羽毛及其制品和制鞋业", OTH), G("20", "木材加工和木、竹、藤、棕、草制品业", OTH),
    G("21", "家具制造业", OTH), G("22", "造纸和纸制品业", OTH), G("23", "印刷和记录媒介复制业", OTH),
    G("24", "文教、工美、体育和娱乐用品制造业", OTH), G("25", "石油、煤炭及其他燃料加工业", OTH, NO, 0.7f),
    G("26", "化学原料和化学制品制造业", MAT, FC, 0.8f), G("27", "医药制造业", BIO), G("28", "化学纤维制造业", MAT, AF, 0.8f),
    G("29", "橡胶和塑料制品业", MAT, NO, 0.6f), G("30", "非金属矿物制品业", MAT, NO, 0.6f),
    G("31", "黑色金属冶炼和压延加工业", MAT, NO, 0.6f), G("32", "有色金属冶炼和压延加工业", MAT, NO, 0.7f),
    G("33", "金属制品业", OTH, NO, 0.5f), G("34", "通用设备制造业", EQP, NO, 0.85f), G("35", "专用设备制造业", EQP, NO, 0.8f),
    G("36", "汽车制造业", EQP, NEV, 0.9f), G("37", "铁路、船舶、航空航天和其他运输设备制造业", EQP, NO, 0.9f),
    G("38", "电气机械和器材制造业", EQP, NO, 0.5f), G("39", "计算机、通信和其他电子设备制造业", IOT, NO, 0.9f),
    G("40", "仪器仪表制造业", IOT, SS, 0.75f), G("41", "其他制造业", OTH), G("42", "废弃资源综合利用业", ENG, NO, 0.6f),
    G("43", "金属制品、机械和设备修理业", EQP, NO, 0.6f),
    G("44", "电力、热力生产和供应业", ENG, NO, 0.85f), G("45", "燃气生产和供应业", ENG, NO, 0.6f), G("46", "水的生产和供应业", OTH),
    G("47", "房屋建筑业", OTH), G("48", "土木工程建筑业", OTH), G("49", "建筑安装业", OTH),
    G("50", "建筑装饰、装修和其他建筑业", OTH), G("51", "批发业", OTH), G("52", "零售业", OTH), G("53", "铁路运输业", OTH, LG, 0.75f),
    G("54", "道路运输业", OTH, LG, 0.75f), G("55", "水上运输业", OTH, LG, 0.75f), G("56", "航空运输业", OTH, LG, 0.75f),
    G("57", "管道运输业", OTH, LG, 0.75f), G("58", "多式联运和运输代理业", OTH, LG), G("59", "装卸搬运和仓储业", OTH, LG),
    G("60", "邮政业", OTH, LG), G("61", "住宿业", OTH), G("62", "餐饮业", OTH), G("63", "电信、广播电视和卫星传输服务", IOT, NC),
    G("64", "互联网和相关服务", IOT, SW), G("65", "软件和信息技术服务业", IOT, SW), G("66", "货币金融服务", OTH),
    G("67", "资本市场服务", OTH), G("68", "保险业", OTH), G("69", "其他金融业", OTH), G("70", "房地产业", OTH),
    G("71", "租赁业", OTH), G("72", "商务服务业", OTH), G("73", "研究和试验发展", OTH, NO, 0.4f, kVague),
    G("74", "专业技术服务业", OTH, NO, 0.7f), G("75", "科技推广和应用服务", OTH, NO, 0.5f), G("76", "水利管理业", OTH),
    G("77", "生态保护和环境治理业", ENG, NO, 0.6f), G("78", "公共设施管理业", OTH), G("79", "土地管理业", OTH),
    G("80", "居民服务业", OTH), G("81", "机动车、电子产品和日用产品修理业", OTH), G("82", "其他服务业", OTH), G("83", "教育", OTH),
    G("84", "卫生", OTH, NO, 0.6f), G("85", "社会工作", OTH), G("86", "新闻和出版业", OTH), G("87", "广播、电视、电影和录音制作业", OTH),
    G("88", "文化艺术业", OTH), G("89", "体育", OTH), G("90", "娱乐业", OTH), G("91", "中国共产党机关", OTH), G("92", "国家机构", OTH),
    G("93", "人民政协、民主党派", OTH), G("94", "社会保障", OTH), G("95", "群众团体、社会团体和其他成员组织", OTH),
    G("96", "基层群众自治组织及其他组织", OTH), G("97", "国际组织", OTH),

    // ---- GB/T 4754-2017: groups and classes of the five ecosystems and the Other chains ---------
    // 15 beverages
    G("152", "饮料制造", OTH, WB), G("1521", "碳酸饮料制造", OTH, WB), G("1522", "瓶（罐）装饮用水制造", OTH, WB),
    G("1523", "果菜汁及果菜汁饮料制造", OTH, WB), G("1524", "含乳饮料和植物蛋白饮料制造", OTH, WB),
    G("1525", "固体饮料制造", OTH, WB), G("1529", "茶饮料及其他饮料制造", OTH, WB), G("151", "酒的制造", OTH),
    G("1530", "精制茶加工", OTH),
    // 17-18 textiles
    G("171", "棉纺织及印染精加工", OTH, TX), G("172", "毛纺织及染整精加工", OTH, TX), G("173", "麻纺织及染整精加工", OTH, TX),
    G("174", "丝绢纺织及印染精加工", OTH, TX), G("175", "化纤织造及印染精加工", OTH, TX),
    G("176", "针织或钩针编织物及其制品制造", OTH, TX), G("177", "家用纺织制成品制造", OTH, TX),
    G("178", "产业用纺织制成品制造", OTH, TX), G("1781", "非织造布制造", OTH, TX), G("181", "机织服装制造", OTH, TX),
    G("182", "针织或钩针编织服装制造", OTH, TX), G("1830", "服饰制造", OTH, TX),
    // 26 chemicals
    G("261", "基础化学原料制造", MAT, FC, 0.75f), G("262", "肥料制造", OTH, NO, 0.8f), G("263", "农药制造", MAT, FC, 0.8f),
    G("264", "涂料、油墨、颜料及类似产品制造", MAT, FC), G("2641", "涂料制造", MAT, FC), G("2642", "油墨及类似产品制造", MAT, FC),
    G("2643", "工业颜料制造", MAT, FC), G("2645", "染料制造", MAT, FC), G("2646", "密封用填料及类似品制造", MAT, FC),
    G("265", "合成材料制造", MAT, FC), G("2651", "初级形态塑料及合成树脂制造", MAT, FC), G("2652", "合成橡胶制造", MAT, FC),
    G("2653", "合成纤维单（聚合）体制造", MAT, FC), G("2659", "其他合成材料制造", MAT, FC), G("266", "专用化学产品制造", MAT, FC),
    G("2661", "化学试剂和助剂制造", MAT, FC), G("2662", "专项化学用品制造", MAT, FC), G("2663", "林产化学产品制造", MAT, FC, 0.8f),
    G("2664", "文化用信息化学品制造", MAT, FC), G("2665", "医学生产用信息化学品制造", MAT, FC, 0.8f),
    G("2666", "环境污染处理专用药剂材料制造", MAT, FC), G("2669", "其他专用化学产品制造", MAT, FC),
    G("268", "日用化学产品制造", OTH, NO, 0.7f), G("2682", "化妆品制造", OTH, NO, 0.85f),
    // 27 pharmaceuticals
    G("2710", "化学药品原料药制造", BIO, CD), G("2720", "化学药品制剂制造", BIO, CD), G("2730", "中药饮片加工", BIO, TCM),
    G("2740", "中成药生产", BIO, TCM), G("2750", "兽用药品制造", BIO), G("276", "生物药品制品制造", BIO, BL),
    G("2761", "生物药品制造", BIO, BL), G("2762", "基因工程药物和疫苗制造", BIO, BL), G("2770", "卫生材料及医药用品制造", BIO, MD, 0.85f),
    G("2780", "药用辅料及包装材料", BIO, NO),
    // 28 chemical fibres (283 bio-based materials: Hangzhou counts them in 合成生物)
    G("281", "纤维素纤维原料及纤维制造", MAT, AF, 0.8f), G("282", "合成纤维制造", MAT, AF, 0.8f), G("2821", "锦纶纤维制造", MAT, AF, 0.8f),
    G("2822", "涤纶纤维制造", MAT, AF, 0.8f), G("2826", "氨纶纤维制造", MAT, AF, 0.8f), G("2829", "其他合成纤维制造", MAT, AF),
    G("283", "生物基材料制造", BIO, SB, 0.85f), G("2831", "生物基化学纤维制造", MAT, AF, 0.8f),
    G("2832", "生物基、淀粉基新材料制造", BIO, SB, 0.85f),
    // 29-32 materials
    G("3061", "玻璃纤维及制品制造", MAT, AF), G("3062", "玻璃纤维增强塑料制品制造", MAT, AF),
    G("306", "玻璃纤维和玻璃纤维增强塑料制品制造", MAT, AF), G("3073", "特种陶瓷制品制造", MAT), G("3042", "特种玻璃制造", MAT, NO, 0.85f),
    G("3091", "石墨及碳素制品制造", MAT, NO, 0.9f), G("323", "稀有稀土金属冶炼", MAT, NO, 0.9f), G("3232", "稀土金属冶炼", MAT),
    G("3240", "有色金属合金制造", MAT, NO, 0.85f), G("3254", "稀有稀土金属压延加工", MAT, NO, 0.9f),
    // 34 general equipment
    G("3415", "风能原动设备制造", ENG, NO, 0.9f), G("342", "金属加工机械制造", EQP, IE, 0.9f), G("3421", "金属切削机床制造", EQP, IE),
    G("3422", "金属成形机床制造", EQP, IE), G("3424", "金属切割及焊接设备制造", EQP, IE, 0.9f),
    G("3425", "机床功能部件及附件制造", EQP, IE), G("343", "物料搬运设备制造", EQP, IE, 0.8f),
    G("3435", "电梯、自动扶梯及升降机制造", EQP, IE, 0.8f), G("344", "泵、阀门、压缩机及类似机械制造", EQP, IE, 0.8f),
    G("3444", "液压动力机械及元件制造", EQP, IE, 0.8f), G("345", "轴承、齿轮和传动部件制造", EQP, IE, 0.8f),
    G("3453", "齿轮及齿轮减、变速箱制造", EQP, IE, 0.8f), G("349", "其他通用设备制造", EQP, NO, 0.85f),
    G("3491", "工业机器人制造", EQP, RB), G("3492", "特殊作业机器人制造", EQP, RB), G("3493", "增材制造装备制造", EQP, IE),
    // 35 special equipment
    G("351", "采矿、冶金、建筑专用设备制造", EQP, IE, 0.75f), G("3525", "模具制造", EQP, IE, 0.8f),
    G("3544", "制药专用设备制造", EQP, IE, 0.8f), G("355", "纺织、服装和皮革加工专用设备制造", EQP, IE, 0.8f),
    G("356", "电子和电工机械专用设备制造", EQP, IE, 0.75f), G("3562", "半导体器件专用设备制造", IOT, IC),
    G("3563", "电子元器件与机电组件设备制造", EQP, IE, 0.8f), G("357", "农、林、牧、渔专用机械制造", EQP),
    G("358", "医疗仪器设备及器械制造", BIO, MD), G("3581", "医疗诊断、监护及治疗设备制造", BIO, MD),
    G("3582", "口腔科用设备及器具制造", BIO, MD), G("3583", "医疗实验室及医用消毒设备和器具制造", BIO, MD),
    G("3584", "医疗、外科及兽医用器械制造", BIO, MD), G("3585", "机械治疗及病房护理设备制造", BIO, MD),
    G("3586", "康复辅具制造", BIO, MD), G("3587", "眼镜制造", BIO, MD, 0.75f), G("3589", "其他医疗设备及器械制造", BIO, MD),
    G("3591", "环境保护专用设备制造", EQP, NO, 0.8f), G("3595", "社会公共安全设备及器材制造", IOT, VI, 0.7f),
    // 36 motor vehicles
    G("361", "汽车整车制造", EQP, NEV, 0.9f), G("3611", "汽柴油车整车制造", EQP, NEV, 0.8f), G("3612", "新能源车整车制造", EQP, NEV),
    G("3620", "汽车用发动机制造", EQP, NEV, 0.85f), G("3630", "改装汽车制造", EQP, NEV, 0.85f), G("3640", "低速汽车制造", EQP, NEV, 0.85f),
    G("3650", "电车制造", EQP, NEV), G("3660", "汽车车身、挂车制造", EQP, NEV, 0.85f), G("3670", "汽车零部件及配件制造", EQP, NEV, 0.9f),
    // 37 transport equipment
    G("371", "铁路运输设备制造", EQP), G("3720", "城市轨道交通设备制造", EQP), G("373", "船舶及相关装置制造", EQP),
    G("3737", "海洋工程装备制造", EQP), G("374", "航空、航天器及设备制造", EQP, AS), G("3741", "飞机制造", EQP, AS),
    G("3742", "航天器及运载火箭制造", EQP, AS), G("3743", "航天相关设备制造", EQP, AS), G("3744", "航空相关设备制造", EQP, AS),
    G("3749", "其他航空航天器制造", EQP, AS), G("375", "摩托车制造", EQP, NO, 0.8f),
    // 38 electrical machinery
    G("381", "电机制造", EQP, NO, 0.75f), G("3811", "发电机及发电机组制造", ENG, NO, 0.75f), G("382", "输配电及控制设备制造", ENG, GRID, 0.9f),
    G("3821", "变压器、整流器和电感器制造", ENG, GRID), G("3822", "电容器及其配套设备制造", ENG, GRID, 0.8f),
    G("3823", "配电开关控制设备制造", ENG, GRID), G("3824", "电力电子元器件制造", ENG, GRID, 0.85f),
    G("3825", "光伏设备及元器件制造", ENG, PV), G("3829", "其他输配电及控制设备制造", ENG, GRID, 0.85f),
    G("383", "电线、电缆、光缆及电工器材制造", ENG, GRID, 0.75f), G("3831", "电线、电缆制造", ENG, GRID, 0.85f),
    G("3832", "光纤制造", IOT, NC), G("3833", "光缆制造", IOT, NC), G("384", "电池制造", ENG, ES, 0.9f),
    G("3841", "锂离子电池制造", ENG, ES), G("3842", "镍氢电池制造", ENG, ES), G("3843", "铅蓄电池制造", ENG, ES, 0.9f),
    G("3844", "锌锰电池制造", ENG, ES, 0.8f), G("3849", "其他电池制造", ENG, ES, 0.85f), G("385", "家用电力器具制造", IOT, NO, 0.7f),
    G("3862", "太阳能器具制造", ENG, PV, 0.8f), G("387", "照明器具制造", IOT, NO, 0.6f), G("3874", "智能照明器具制造", IOT, NO, 0.85f),
    // 39 computers, communication and other electronic equipment
    G("391", "计算机制造", IOT, SC), G("3911", "计算机整机制造", IOT, SC), G("3912", "计算机零部件制造", IOT, SC),
    G("3913", "计算机外围设备制造", IOT, SC), G("3914", "工业控制计算机及系统制造", IOT, SC, 0.85f),
    G("3915", "信息安全设备制造", IOT, SC, 0.85f), G("3919", "其他计算机制造", IOT, SC), G("392", "通信设备制造", IOT, NC),
    G("3921", "通信系统设备制造", IOT, NC), G("3922", "通信终端设备制造", IOT, NC), G("393", "广播电视设备制造", IOT),
    G("3939", "应用电视设备及其他广播电视设备制造", IOT, VI, 0.8f), G("3940", "雷达及配套设备制造", IOT, SS, 0.7f),
    G("395", "非专业视听设备制造", IOT), G("396", "智能消费设备制造", IOT), G("3961", "可穿戴智能设备制造", IOT),
    G("3962", "智能车载设备制造", EQP, NEV, 0.8f), G("3963", "智能无人飞行器制造", EQP, AS, 0.9f),
    G("3964", "服务消费机器人制造", EQP, RB), G("3969", "其他智能消费设备制造", IOT), G("397", "电子器件制造", IOT, NO),
    G("3971", "电子真空器件制造", IOT), G("3972", "半导体分立器件制造", IOT, IC), G("3973", "集成电路制造", IOT, IC),
    G("3974", "显示器件制造", IOT), G("3975", "半导体照明器件制造", IOT, NO, 0.9f), G("3976", "光电子器件制造", IOT, NO, 0.9f),
    G("398", "电子元件及电子专用材料制造", IOT), G("3981", "电阻电容电感元件制造", IOT), G("3982", "电子电路制造", IOT),
    G("3983", "敏感元件及传感器制造", IOT, SS), G("3984", "电声器件及零件制造", IOT), G("3985", "电子专用材料制造", MAT, SM),
    // 40 instruments
    G("4011", "工业自动控制系统装置制造", EQP, IE, 0.85f), G("4012", "电工仪器仪表制造", ENG, GRID, 0.7f),
    G("4016", "供应用仪器仪表制造", ENG, GRID, 0.7f), G("4021", "环境监测专用仪器仪表制造", IOT, SS, 0.75f),
    G("4028", "电子测量仪器制造", IOT, SS, 0.8f), G("4040", "光学仪器制造", IOT, NO, 0.75f),
    // 44-46 utilities
    G("441", "电力生产", ENG, NO, 0.9f), G("4411", "火力发电", ENG, NO, 0.7f), G("4412", "热电联产", ENG, NO, 0.8f),
    G("4413", "水力发电", ENG, NO, 0.85f), G("4414", "核力发电", ENG), G("4415", "风力发电", ENG), G("4416", "太阳能发电", ENG, PV),
    G("4417", "生物质能发电", ENG), G("4420", "电力供应", ENG, GRID, 0.8f), G("4520", "生物质燃气生产和供应业", ENG, NO, 0.8f),
    // 51-52 trade
    G("5193", "互联网批发", OTH), G("5292", "互联网零售", OTH), G("525", "医药及医疗器材专门零售", BIO, NO, 0.6f),
    // 54-60 logistics
    G("543", "道路货物运输", OTH, LG), G("5437", "城市配送", OTH, LG), G("5810", "多式联运", OTH, LG), G("582", "运输代理业", OTH, LG),
    G("5821", "货物运输代理", OTH, LG), G("5920", "通用仓储", OTH, LG), G("5930", "低温仓储", OTH, LG), G("6020", "快递服务", OTH, LG),
    // 63-65 information services
    G("631", "电信", IOT, NC), G("6311", "固定电信服务", IOT, NC), G("6312", "移动电信服务", IOT, NC),
    G("633", "卫星传输服务", IOT, NC, 0.85f), G("6410", "互联网接入及相关服务", IOT, SW), G("642", "互联网信息服务", IOT, SW),
    G("6422", "互联网游戏服务", IOT, SW, 0.85f), G("643", "互联网平台", IOT, SW), G("6431", "互联网生产服务平台", IOT, SW),
    G("6432", "互联网生活服务平台", IOT, SW, 0.85f), G("6433", "互联网科技创新平台", IOT, SW), G("6440", "互联网安全服务", IOT, SW),
    G("6450", "互联网数据服务", IOT, SC, 0.9f), G("651", "软件开发", IOT, SW), G("6511", "基础软件开发", IOT, SW),
    G("6512", "支撑软件开发", IOT, SW), G("6513", "应用软件开发", IOT, SW), G("6519", "其他软件开发", IOT, SW),
    G("6520", "集成电路设计", IOT, IC), G("653", "信息系统集成和物联网技术服务", IOT, SW), G("6531", "信息系统集成服务", IOT, SW),
    G("6532", "物联网技术服务", IOT, SW), G("6540", "运行维护服务", IOT, SW), G("6550", "信息处理和存储支持服务", IOT, SC, 0.9f),
    G("6560", "信息技术咨询服务", IOT, SW), G("657", "数字内容服务", IOT, SW, 0.85f), G("6571", "地理遥感信息服务", IOT, SW, 0.85f),
    G("6572", "动漫、游戏数字内容服务", IOT, SW, 0.8f), G("6591", "呼叫中心", IOT, SW, 0.8f),
    // 66-75 finance, business and technical services
    G("6631", "融资租赁服务", OTH), G("7211", "企业总部管理", OTH, NO, 1, kVague), G("7224", "供应链管理服务", OTH, LG, 0.85f),
    G("7340", "医学研究和试验发展", BIO, NO, 0.85f), G("745", "质检技术服务", OTH, NO, 0.85f), G("7491", "工业设计服务", OTH, NO, 0.8f),
    G("7512", "生物技术推广服务", BIO, NO, 0.85f), G("7513", "新材料技术推广服务", MAT, NO, 0.85f), G("7514", "节能技术推广服务", ENG, NO, 0.85f),
    G("7515", "新能源技术推广服务", ENG, NO, 0.85f), G("7516", "环保技术推广服务", ENG, NO, 0.75f),
    G("7517", "三维(3D)打印技术推广服务", EQP, IE, 0.85f),
};

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

bool isAsciiAlnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiOnly(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::u32string codepoints(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) out.push_back(decodeUtf8(s, i));
  return out;
}

size_t cpCount(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// Trim, full-width → ASCII, the dashes and brackets people type → ASCII, book-title marks and
// quotes dropped, ASCII lower case, spaces kept only between two ASCII letters/digits ("solar
// panels", but "新能源 汽车" → "新能源汽车", "3841 锂离子" → "3841锂离子").
std::string normalize(std::string_view in) {
  std::string s;
  s.reserve(in.size());
  for (size_t i = 0; i < in.size();) {
    char32_t cp = decodeUtf8(in, i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    switch (cp) {
      case 0x3000: case 0x00A0: case '\t': case '\r': case '\n': case '_': cp = ' '; break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xFE63:
        cp = '-'; break;
      case 0x3010: case 0x3014: cp = '['; break;  // 【 〔
      case 0x3011: case 0x3015: cp = ']'; break;  // 】 〕
      case 0x00B7: case 0x30FB: case 0x2022: cp = '/'; break;  // · ・ •
      case 0xFF64: cp = 0x3001; break;                          // halfwidth ideographic comma → 、
      case 0x300A: case 0x300B: case 0x3008: case 0x3009: case 0x201C: case 0x201D: case 0x2018: case 0x2019:
      case '"': case '\'': case '`':
        continue;  // 《 》 〈 〉 “ ” ‘ ’
      default: break;
    }
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    appendUtf8(s, cp);
  }
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != ' ') {
      out.push_back(s[i]);
      continue;
    }
    size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (!out.empty() && j < s.size() && isAsciiAlnum(static_cast<unsigned char>(out.back())) &&
        isAsciiAlnum(static_cast<unsigned char>(s[j])))
      out.push_back(' ');
    i = j - 1;
  }
  return out;
}


// A trailing word that only says "an industry": 产业, 产业链, 行业, 领域, 生态圈, 项目, 类, 业 …
std::string stripIndustrySuffix(std::string s) {
  static constexpr std::string_view kSuffixes[] = {
      "产业生态圈", "生态圈", "产业集群", "产业链条", "产业链", "产业群", "产业", "行业", "领域", "板块", "赛道",
      "类项目", "项目", "类", "方向", " industry", " industries", " sector", " chain", " projects", " project",
      " field"};
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view suf : kSuffixes) {
      if (endsWith(s, suf) && cpCount(s) > cpCount(suf) + 1) {
        s.resize(s.size() - suf.size());
        changed = true;
      }
    }
    // A lone 业 ("纺织业", "制造业"), but never below two characters ("农业" stays).
    if (endsWith(s, "业") && cpCount(s) >= 3) {
      s.resize(s.size() - std::string_view("业").size());
      changed = true;
    }
  }
  return s;
}

// Words around the industry that say what kind of project it is, not which industry: "创新药研发",
// "医疗器械生产基地", "合成生物制造". Removed from the end (repeatedly) to find the industry.
constexpr std::string_view kActivitySuffixes[] = {
    "生产制造基地", "研发生产基地", "研发制造基地", "生产基地", "制造基地", "研发基地", "产业基地", "基地",
    "研发中心", "运营中心", "结算中心", "创新中心", "营销中心", "中心", "研究院", "研究所", "实验室", "总部",
    "研发及产业化", "产业化", "研发及生产", "研发生产", "研发制造", "生产制造", "研发", "研制", "生产", "制造",
    "智造", "加工", "工厂", "产业园", "园区", "企业", "公司", "及配套", "配套", "相关", "服务", "应用", "开发",
    "销售", "贸易", "及零部件", "等", " manufacturing", " production", " r&d", " services", " service",
    " headquarters", " hq", " plant", " factory", " base", " company", " companies"};

// Sector words: what the project does, whatever the industry.
constexpr std::string_view kManufacturingWords[] = {
    "制造", "生产", "智造", "基地", "工厂", "厂房", "扩产", "产线", "生产线", "整车", "加工", "组装", "装配",
    "量产", "产能", "冶炼", "manufactur", "production", "factory", "plant", "assembly"};
constexpr std::string_view kServiceWords[] = {
    "研发", "研究", "总部", "软件", "服务", "电商", "平台", "设计", "咨询", "贸易", "销售", "运营", "结算", "外包",
    "检测", "认证", "营销", "运维", "金融", "投资", "r&d", "service", "software", "headquarter", "hq", "platform",
    "design", "consult", "trading", "sales", "e-commerce", "research"};

// Text that says nothing about the industry.
constexpr std::string_view kBlank[] = {
    "无", "暂无", "没有", "空", "空白", "待定", "待确定", "未定", "未确定", "待补充", "待填", "未知", "不详", "不明",
    "未分类", "未填写", "未填", "缺失", "不适用", "null", "none", "nil", "n/a", "na", "nan", "tbd", "tbc",
    "unknown", "undefined", "0", "x", "#n/a", "#value!"};

// ---------------------------------------------------------------------------------------------
// The built catalogue
// ---------------------------------------------------------------------------------------------

struct Term {
  std::string key;  // normalised term
  size_t row;
  size_t cps;  // length in code points
  bool ascii;
};

struct Catalogue {
  std::vector<IndustryTerm> terms;                  // one per row, public view
  std::unordered_map<std::string, size_t> exact;    // normalised (and suffix-stripped) term → row
  std::unordered_map<std::string, size_t> by_code;  // "3973", "39", "c" → row
  std::vector<Term> contained;                      // terms looked for inside a text
  std::vector<std::u32string> cp_terms;             // per `contained` entry, for the similarity
  std::vector<std::vector<uint64_t>> bigrams;       // per `contained` entry, sorted
};

std::vector<uint64_t> sortedBigrams(const std::u32string& s) {
  std::vector<uint64_t> out;
  for (size_t i = 0; i + 1 < s.size(); ++i) out.push_back((static_cast<uint64_t>(s[i]) << 32) | s[i + 1]);
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<Sector> sectorOfSection(char section) {
  switch (section) {
    case 'b': case 'c': case 'd': return Sector::Manufacturing;
    case 'a': case 'e': return std::nullopt;
    default: return Sector::Service;
  }
}

// The section letter of a division (01..97), or 0.
char sectionOfDivision(int d) {
  static constexpr struct {
    int last;
    char section;
  } kRanges[] = {{5, 'a'},  {12, 'b'}, {43, 'c'}, {46, 'd'}, {50, 'e'}, {52, 'f'}, {60, 'g'},
                 {62, 'h'}, {65, 'i'}, {69, 'j'}, {70, 'k'}, {72, 'l'}, {75, 'm'}, {79, 'n'},
                 {82, 'o'}, {83, 'p'}, {85, 'q'}, {90, 'r'}, {96, 's'}, {97, 't'}};
  if (d < 1) return 0;
  for (const auto& r : kRanges)
    if (d <= r.last) return r.section;
  return 0;
}

char sectionOfCode(std::string_view code) {
  if (code.empty()) return 0;
  if (code.size() == 1 && code[0] >= 'A' && code[0] <= 'Z') return static_cast<char>(code[0] - 'A' + 'a');
  if (code.size() >= 2 && std::isdigit(static_cast<unsigned char>(code[0])) && std::isdigit(static_cast<unsigned char>(code[1])))
    return sectionOfDivision((code[0] - '0') * 10 + (code[1] - '0'));
  return 0;
}

const Catalogue& catalogue() {
  static const Catalogue cat = [] {
    Catalogue c;
    const size_t n = std::size(kRows);
    c.terms.reserve(n);
    for (size_t r = 0; r < n; ++r) {
      const Row& row = kRows[r];
      IndustryTerm t;
      t.term = row.term;
      t.ecosystem = row.eco;
      t.chain = -1;
      t.weight = row.weight;
      if (!row.chain.empty()) {
        if (auto ch = chainFromId(row.chain)) t.chain = *ch;
        else t.weight = 0;  // a misspelt chain id: the catalogue test fails on weight 0
      }
      if (row.sector == 'M') t.sector = Sector::Manufacturing;
      else if (row.sector == 'S') t.sector = Sector::Service;
      else if (!row.code.empty()) t.sector = sectorOfSection(sectionOfCode(row.code));
      t.code = row.code;
      t.alias = row.flags & kAlias;
      t.broad = row.flags & kBroad;
      c.terms.push_back(t);

      const std::string key = normalize(row.term);
      auto addExact = [&](const std::string& k) {
        if (k.empty()) return;
        auto [it, fresh] = c.exact.emplace(k, r);
        // The same words as a standard name and an office word: keep the one with the code.
        if (!fresh && kRows[it->second].code.empty() && !row.code.empty() && kRows[it->second].eco == row.eco &&
            kRows[it->second].chain == row.chain)
          it->second = r;
      };
      addExact(key);
      addExact(stripIndustrySuffix(key));
      if (key.find("、") != std::string::npos) {  // "计算机通信和其他电子设备制造业" without the commas
        std::string k = key;
        for (size_t p; (p = k.find("、")) != std::string::npos;) k.erase(p, std::string_view("、").size());
        addExact(k);
        addExact(stripIndustrySuffix(k));
      }
      if (!row.code.empty()) {
        std::string code(row.code);
        for (char& ch : code) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        c.by_code.emplace(code, r);
      }
      const size_t cps = cpCount(key);
      const bool ascii = isAsciiOnly(key);
      if ((row.flags & kSaysOther) == 0 && (ascii ? key.size() >= 2 : cps >= 2))
        c.contained.push_back({key, r, cps, ascii});
    }
    c.cp_terms.reserve(c.contained.size());
    for (const Term& t : c.contained) {
      c.cp_terms.push_back(codepoints(stripIndustrySuffix(t.key)));
      c.bigrams.push_back(sortedBigrams(c.cp_terms.back()));
    }
    return c;
  }();
  return cat;
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

struct Span {
  size_t begin, end;  // bytes in the normalised text
};

// A candidate answer with what combining needs to know about it.
struct Hit {
  IndustryMatch m;
  size_t row = SIZE_MAX;
  bool says_other = false;
  std::vector<Span> spans;  // where catalogue terms cover the text (for the sector words)
  double similarity = 0;    // for Similar: how near the spelling is (0..1)
  bool broad() const { return row != SIZE_MAX && (kRows[row].flags & kBroad); }
  bool vague() const { return row != SIZE_MAX && (kRows[row].flags & kVague); }
};

Hit fromRow(size_t r, IndustryMethod method, double confidence) {
  const Catalogue& c = catalogue();
  const IndustryTerm& t = c.terms[r];
  Hit h;
  h.row = r;
  h.m.ecosystem = t.ecosystem;
  h.m.chain = t.chain;
  h.m.sector = t.sector;
  h.m.method = method;
  h.m.confidence = std::clamp(confidence * t.weight, 0.0, 1.0);
  h.m.term = std::string(t.term);
  if (!t.code.empty()) {
    h.m.code = std::string(t.code);
    h.m.code_name = std::string(t.term);
  }
  h.says_other = kRows[r].flags & kSaysOther;
  if (h.says_other) h.m.confidence = 1;  // "其他", however written, says it outright
  return h;
}

// Confidence of each method before the term's weight.
constexpr double kExactConf = 1.0, kAliasConf = 0.95, kCodeConf = 0.95, kCodeParentConf = 0.85,
                 kActivityConf = 0.9, kContainedConf = 0.85, kSimilarConf = 0.7;
constexpr double kContradiction = 0.6;  // parts or terms that name different ecosystems
constexpr double kTwoChains = 0.75;     // equally specific parts naming different chains of one ecosystem
constexpr double kCompound = 0.95;      // an answer from one part of a compound text

std::optional<Hit> exactLookup(const std::string& key) {
  const Catalogue& c = catalogue();
  auto find = [&](const std::string& k) -> std::optional<size_t> {
    if (k.empty()) return std::nullopt;
    if (auto it = c.exact.find(k); it != c.exact.end()) return it->second;
    return std::nullopt;
  };
  std::optional<size_t> r = find(key);
  if (!r) r = find(stripIndustrySuffix(key));
  // English plurals: "solar modules" is in the catalogue, "sensor" and "sensors" both; try the
  // singular of a last word the catalogue only has in the plural, and the other way round.
  if (!r && key.size() > 3 && isAsciiOnly(key)) {
    if (key.back() == 's') r = find(key.substr(0, key.size() - 1));
    else r = find(key + "s");
  }
  if (!r) return std::nullopt;
  const bool alias = kRows[*r].flags & kAlias;
  return fromRow(*r, alias ? IndustryMethod::Alias : IndustryMethod::Exact, alias ? kAliasConf : kExactConf);
}

std::optional<Sector> sectorFromWords(std::string_view key, const std::vector<Span>& covered) {
  auto count = [&](const auto& words) {
    int n = 0;
    for (std::string_view w : words)
      for (size_t p = key.find(w); p != std::string_view::npos; p = key.find(w, p + 1)) {
        const bool inside = std::any_of(covered.begin(), covered.end(),
                                        [&](const Span& s) { return p >= s.begin && p + w.size() <= s.end; });
        if (!inside) ++n;
      }
    return n;
  };
  const int m = count(kManufacturingWords), s = count(kServiceWords);
  if (m > 0 && s == 0) return Sector::Manufacturing;
  if (s > 0 && m == 0) return Sector::Service;
  return std::nullopt;
}

// The text with activity words ("研发", "生产基地", "总部") taken off its end, or nullopt if none.
std::optional<std::string> withoutActivity(const std::string& key) {
  std::string s = key;
  bool any = false;
  for (int round = 0; round < 4; ++round) {
    bool changed = false;
    for (std::string_view suf : kActivitySuffixes) {
      if (endsWith(s, suf) && cpCount(s) >= cpCount(suf) + 2) {
        s.resize(s.size() - suf.size());
        while (!s.empty() && (s.back() == ' ' || s.back() == '-' || s.back() == '/')) s.pop_back();
        if (endsWith(s, "及") || endsWith(s, "和") || endsWith(s, "与")) s.resize(s.size() - std::string_view("及").size());
        changed = any = true;
        break;
      }
    }
    if (!changed) break;
  }
  if (!any) return std::nullopt;
  return stripIndustrySuffix(s);
}

// Longest-contained matching over one part of the text (no separators in it).
std::optional<Hit> containedMatch(const std::string& key) {
  const Catalogue& c = catalogue();
  struct Found {
    size_t begin, end, term;
  };
  std::vector<Found> found;
  for (size_t t = 0; t < c.contained.size(); ++t) {
    const Term& term = c.contained[t];
    if (term.key.size() > key.size()) continue;
    for (size_t p = key.find(term.key); p != std::string::npos; p = key.find(term.key, p + 1)) {
      const size_t e = p + term.key.size();
      if (term.ascii) {  // whole words only: "ai" is not in "detail", "ev" not in "device"
        if (p > 0 && isAsciiAlnum(static_cast<unsigned char>(key[p - 1]))) continue;
        if (e < key.size() && isAsciiAlnum(static_cast<unsigned char>(key[e]))) continue;
      }
      found.push_back({p, e, t});
    }
  }
  if (found.empty()) return std::nullopt;
  // A term inside a longer found term says nothing more (新能源 in 新能源汽车, 电池 in 锂电池).
  std::vector<Found> kept;
  for (const Found& f : found) {
    const bool nested = std::any_of(found.begin(), found.end(), [&](const Found& g) {
      return &g != &f && g.begin <= f.begin && f.end <= g.end && (g.end - g.begin) > (f.end - f.begin);
    });
    if (!nested) kept.push_back(f);
  }
  std::vector<Span> spans;
  for (const Found& f : kept) spans.push_back({f.begin, f.end});
  auto rowOf = [&](const Found& f) -> const Row& { return kRows[c.contained[f.term].row]; };
  // The deciding term: not vague, then not broad, then longest, then surest, then last (Chinese
  // puts the head of a compound last: 新能源汽车动力电池 is a battery).
  const Found* best = nullptr;
  auto better = [&](const Found& a, const Found& b) {
    const Row &ra = rowOf(a), &rb = rowOf(b);
    const bool va = ra.flags & kVague, vb = rb.flags & kVague;
    if (va != vb) return !va;
    const bool ba = ra.flags & kBroad, bb = rb.flags & kBroad;
    if (ba != bb) return !ba;
    const size_t la = c.contained[a.term].cps, lb = c.contained[b.term].cps;
    if (la != lb) return la > lb;
    if (ra.weight != rb.weight) return ra.weight > rb.weight;
    return a.end > b.end;
  };
  for (const Found& f : kept)
    if (!best || better(f, *best)) best = &f;
  Hit h = fromRow(c.contained[best->term].row, IndustryMethod::Contained, kContainedConf);
  h.spans = spans;
  if (h.vague()) {
    h.m.confidence = std::min(h.m.confidence, 0.3);
    return h;
  }
  // The other terms must not name another ecosystem; another chain of the same one makes the
  // chain less sure.
  bool contradiction = false, other_chain = false;
  for (const Found& f : kept) {
    const Row& r = rowOf(f);
    if (&f == best || (r.flags & kVague)) continue;
    const IndustryTerm& t = c.terms[c.contained[f.term].row];
    if (t.ecosystem != h.m.ecosystem) contradiction = true;
    else if (t.chain >= 0 && h.m.chain >= 0 && t.chain != h.m.chain && !(r.flags & kBroad)) other_chain = true;
  }
  if (contradiction) h.m.confidence *= kContradiction;
  else if (other_chain) h.m.confidence *= kTwoChains;  // "光伏储能": which chain is for a human
  return h;
}

size_t levenshtein(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// Sørensen–Dice coefficient of two sorted bigram lists.
double dice(const std::vector<uint64_t>& x, const std::vector<uint64_t>& y) {
  if (x.empty() || y.empty()) return 0;
  size_t common = 0;
  for (size_t i = 0, j = 0; i < x.size() && j < y.size();) {
    if (x[i] == y[j]) ++common, ++i, ++j;
    else if (x[i] < y[j]) ++i;
    else ++j;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(x.size() + y.size());
}

// The nearest catalogue term by spelling: a typo's answer, never confident.
std::optional<Hit> similarMatch(const std::string& key) {
  const Catalogue& c = catalogue();
  const std::u32string k = codepoints(stripIndustrySuffix(key));
  // Two characters are too few to tell a typo from another word; a long text is no typo of a term.
  if (k.size() < 3 || k.size() > 40) return std::nullopt;
  const std::vector<uint64_t> kb = sortedBigrams(k);
  double best = 0;
  size_t best_t = SIZE_MAX;
  for (size_t t = 0; t < c.cp_terms.size(); ++t) {
    const std::u32string& term = c.cp_terms[t];
    if (term.size() < 2 || (kRows[c.contained[t].row].flags & kVague)) continue;
    double sim = dice(kb, c.bigrams[t]);
    const size_t diff = k.size() > term.size() ? k.size() - term.size() : term.size() - k.size();
    if (diff <= 2) {
      const size_t d = levenshtein(k, term);
      if (d <= 2) sim = std::max(sim, 1.0 - static_cast<double>(d) / static_cast<double>(std::max(k.size(), term.size())));
    }
    if (sim > best) best = sim, best_t = t;
  }
  if (best < 0.6 || best_t == SIZE_MAX) return std::nullopt;
  Hit h = fromRow(c.contained[best_t].row, IndustryMethod::Similar, kSimilarConf * best);
  h.similarity = best;
  h.m.confidence = std::min(h.m.confidence, kIndustryConfident - 0.05);
  return h;
}

bool isBlank(const std::string& key) {
  if (key.empty()) return true;
  // Only punctuation, dashes, question marks, dots.
  bool any_word = false;
  for (size_t i = 0; i < key.size();) {
    const char32_t cp = decodeUtf8(key, i);
    const bool punct = (cp < 0x80 && !isAsciiAlnum(static_cast<unsigned char>(cp))) || cp == 0x3001 || cp == 0x3002 ||
                       cp == 0x2026 || cp == 0xFF1F || (cp >= 0x2000 && cp <= 0x206F);
    if (!punct) any_word = true;
  }
  if (!any_word) return true;
  const std::string bare = stripIndustrySuffix(key);
  return std::any_of(std::begin(kBlank), std::end(kBlank), [&](std::string_view b) { return key == b || bare == b; });
}

struct CodeParse {
  std::string code;  // digits, or the section letter
  char letter = 0;   // the section letter written before the digits, or 0
  std::string rest;  // what follows the code (a name, maybe)
};

// "C3973", "c 39", "3973", "3841锂离子电池制造", "C制造业", "I": a GB/T 4754 code at the start.
std::optional<CodeParse> parseCode(const std::string& key) {
  CodeParse p;
  size_t i = 0;
  if (i < key.size() && key[i] >= 'a' && key[i] <= 't' && (key.size() == 1 || !std::isalpha(static_cast<unsigned char>(key[1])))) {
    p.letter = key[i];
    ++i;
    while (i < key.size() && (key[i] == ' ' || key[i] == '-' || key[i] == '.' || key[i] == ':')) ++i;
  }
  const size_t d0 = i;
  while (i < key.size() && std::isdigit(static_cast<unsigned char>(key[i]))) ++i;
  const size_t nd = i - d0;
  if (nd == 0) {
    if (!p.letter) return std::nullopt;
    p.code = std::string(1, p.letter);  // a section alone, or with its name
    p.rest = key.substr(i);
    // "c端", "x光": a letter before other words is a code only when what follows is a name.
    if (!p.rest.empty() && static_cast<unsigned char>(p.rest[0]) < 0x80 && p.rest[0] != '/' && p.rest[0] != '(') return std::nullopt;
    return p;
  }
  if (nd < 2 || nd > 4) return std::nullopt;
  p.code = key.substr(d0, nd);
  if (i < key.size() && std::isalpha(static_cast<unsigned char>(key[i]))) return std::nullopt;  // "12v", "2b"
  while (i < key.size() && (key[i] == ' ' || key[i] == '-' || key[i] == '.' || key[i] == ':' || key[i] == '/')) ++i;
  p.rest = key.substr(i);
  // A number with a unit is no code: 12英寸, 28纳米, 2024年, 100万吨, 500kv.
  static constexpr std::string_view kUnits[] = {"英寸", "寸", "纳米", "微米", "代", "万", "亿", "千", "百", "吨",
                                                "兆", "年", "月", "日", "号", "期", "个", "家", "台", "套", "条",
                                                "平方", "亩", "米", "%", "层", "座", "英亩", "度"};
  for (std::string_view u : kUnits)
    if (startsWith(p.rest, u)) return std::nullopt;
  if (sectionOfDivision((p.code[0] - '0') * 10 + (p.code[1] - '0')) == 0) return std::nullopt;
  return p;
}

Hit classifyPart(const std::string& key, bool allow_similar);

std::optional<Hit> codeMatch(const std::string& key) {
  const auto p = parseCode(key);
  if (!p) return std::nullopt;
  const Catalogue& c = catalogue();
  // The code's own row, or its nearest listed parent (class → group → division; every division is
  // listed, so any valid code resolves).
  std::optional<size_t> row;
  size_t skipped = 0;  // levels climbed to find a listed code
  if (p->code.size() == 1) {
    if (auto it = c.by_code.find(p->code); it != c.by_code.end()) row = it->second;
  } else {
    for (size_t len = p->code.size(); len >= 2 && !row; --len) {
      if (auto it = c.by_code.find(p->code.substr(0, len)); it != c.by_code.end()) row = it->second;
      else ++skipped;
    }
  }
  if (!row) return std::nullopt;
  const bool parent = skipped > 0;
  // One level up (a class under a listed group) is nearly as sure; two levels (a class whose group
  // the catalogue does not list, or a number that is no class at all: "2024") only gives a hint.
  Hit h = fromRow(*row, IndustryMethod::Code, skipped == 0 ? kCodeConf : skipped == 1 ? kCodeParentConf : 0.6);
  // A letter that is not the division's section ("I3973") makes the code less sure.
  if (p->letter && p->code.size() >= 2 && sectionOfCode(p->code) != p->letter) h.m.confidence *= 0.85;
  if (p->rest.empty()) {
    // A letter alone ("I") may be a section or anything else: a human confirms.
    if (p->code.size() == 1) h.m.confidence = std::min(h.m.confidence, 0.7);
    return h;
  }
  // A name after the code: agreeing, it confirms; naming another ecosystem, one of them is wrong.
  const Hit name = classifyPart(p->rest, false);
  const bool digits_only = !p->letter;
  if (name.m.method == IndustryMethod::None || name.says_other) {
    if (p->code.size() == 1) return std::nullopt;                // "c端", "x光"
    if (p->code.size() < 4 && digits_only) return std::nullopt;  // "12xx" with words after it: not a code
    return h;
  }
  if (name.vague() || name.m.ecosystem == h.m.ecosystem) {
    if (name.row == *row || (!parent && name.m.chain == h.m.chain)) h.m.confidence = std::min(1.0, h.m.confidence / kCodeConf);
    // A more specific name under a general code ("39 集成电路") names the chain.
    if (h.m.chain < 0 && name.m.chain >= 0) {
      h.m.chain = name.m.chain;
      h.m.term = name.m.term;
    }
    return h;
  }
  if (p->code.size() == 1 || (p->code.size() < 4 && digits_only)) return std::nullopt;
  h.m.confidence *= kContradiction;
  return h;
}

// Everything but splitting on separators.
Hit classifyPart(const std::string& key, bool allow_similar) {
  Hit none;
  if (isBlank(key)) return none;
  if (auto h = exactLookup(key)) return *h;
  if (auto h = codeMatch(key)) return *h;
  if (auto k = withoutActivity(key)) {
    if (auto h = exactLookup(*k); h && !h->says_other) {
      h->m.method = IndustryMethod::Contained;
      h->m.confidence *= kActivityConf / ((kRows[h->row].flags & kAlias) ? kAliasConf : kExactConf);
      h->spans.push_back({0, k->size()});
      return *h;
    }
  }
  std::optional<Hit> contained = containedMatch(key);
  if (allow_similar) {
    // A typo inside a longer term ("新能源气车" holds 新能源): the near spelling of the longer term
    // is the better guess than the short term it happens to contain.
    if (auto s = similarMatch(key)) {
      if (!contained || s->m.confidence > contained->m.confidence ||
          ((contained->broad() || contained->m.confidence < kIndustryConfident) && s->similarity >= 0.75 &&
           cpCount(s->m.term) > cpCount(contained->m.term)))
        return *s;
    }
  }
  if (contained) return *contained;
  return none;
}

bool isSeparator(const std::string& key, size_t i, size_t& len) {
  static constexpr std::string_view kSeps[] = {"、", "，", "；", "｜", "／", "→", "－", "—"};
  for (std::string_view s : kSeps)
    if (key.compare(i, s.size(), s) == 0) {
      len = s.size();
      return true;
    }
  const char c = key[i];
  len = 1;
  if (c == '/' || c == '|' || c == ',' || c == ';' || c == '(' || c == ')' || c == '[' || c == ']' || c == '+' ||
      c == ':' || c == '\\' || c == '>' || c == '{' || c == '}')
    return true;
  if (c == '-') {  // "e-commerce", "car-t" keep their hyphen; "生物医药-医疗器械" splits
    const bool left = i > 0 && isAsciiAlnum(static_cast<unsigned char>(key[i - 1]));
    const bool right = i + 1 < key.size() && isAsciiAlnum(static_cast<unsigned char>(key[i + 1]));
    return !(left && right);
  }
  return false;
}

std::vector<std::string> splitIndustryParts(const std::string& key) {
  std::vector<std::string> parts;
  std::string cur;
  for (size_t i = 0; i < key.size();) {
    size_t len = 0;
    if (isSeparator(key, i, len)) {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
      i += len;
    } else {
      cur.push_back(key[i]);
      ++i;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  for (std::string& p : parts) {
    while (!p.empty() && p.back() == ' ') p.pop_back();
    while (!p.empty() && p.front() == ' ') p.erase(p.begin());
  }
  parts.erase(std::remove_if(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); }), parts.end());
  return parts;
}

// The spans of `key` that catalogue terms cover: sector words inside them are part of an industry's
// name (服务机器人, 中药饮片加工), not a statement about the project.
std::vector<Span> covered(const Hit& h, const std::string& key) {
  std::vector<Span> spans = h.spans;
  if (h.m.method == IndustryMethod::Exact || h.m.method == IndustryMethod::Alias || h.m.method == IndustryMethod::Code)
    spans.push_back({0, key.size()});
  return spans;
}

IndustryMatch finish(Hit h, const std::string& key) {
  if (h.m.method == IndustryMethod::None) return IndustryMatch{};
  if (auto s = sectorFromWords(key, covered(h, key))) h.m.sector = s;
  h.m.confidence = std::clamp(h.m.confidence, 0.0, 1.0);
  return std::move(h.m);
}

}  // namespace

std::string_view industryMethodId(IndustryMethod m) {
  switch (m) {
    case IndustryMethod::Exact: return "exact";
    case IndustryMethod::Alias: return "alias";
    case IndustryMethod::Code: return "code";
    case IndustryMethod::Contained: return "contained";
    case IndustryMethod::Similar: return "similar";
    case IndustryMethod::None: return "none";
  }
  return "none";
}

const std::vector<IndustryTerm>& industryCatalogue() { return catalogue().terms; }

IndustryMatch classifyIndustry(std::string_view text) {
  const std::string key = normalize(text);
  if (isBlank(key)) return IndustryMatch{};
  // The whole text first: a standard name may hold separators ("计算机、通信和其他电子设备制造业"),
  // and a code may be followed by its name after a dash ("C3973-集成电路制造").
  if (auto h = exactLookup(key)) return finish(*h, key);
  if (auto h = codeMatch(key)) return finish(*h, key);
  const std::vector<std::string> parts = splitIndustryParts(key);
  if (parts.empty()) return IndustryMatch{};
  if (parts.size() == 1) return finish(classifyPart(parts[0], true), parts[0]);

  // A compound ("生物医药-医疗器械", "高端装备/智能机器人", "智能物联（视觉智能）"): each part on its
  // own; the most specific decides; the others must not name another ecosystem.
  std::vector<Hit> hits;
  for (const std::string& p : parts) hits.push_back(classifyPart(p, true));
  const Hit* best = nullptr;
  auto rank = [](const Hit& h) {
    // Named chain beats ecosystem only; specific beats broad; vague and "other" come last.
    int r = 0;
    if (h.says_other) return -16;  // "智能物联（其他）": the other part decides
    if (!h.vague()) r += 2;
    if (!h.broad()) r += 4;
    if (h.m.chain >= 0) r += 8;
    if (h.m.method == IndustryMethod::Similar) r -= 8;
    return r;
  };
  for (const Hit& h : hits) {
    if (h.m.method == IndustryMethod::None) continue;
    if (!best || rank(h) > rank(*best) || (rank(h) == rank(*best) && h.m.confidence >= best->m.confidence)) best = &h;
  }
  if (!best) return IndustryMatch{};
  Hit out = *best;
  bool contradiction = false, two_chains = false;
  for (const Hit& h : hits) {
    if (&h == best || h.m.method == IndustryMethod::None || h.says_other || h.vague()) continue;
    if (h.m.ecosystem != out.m.ecosystem) contradiction = true;
    else if (h.m.chain >= 0 && out.m.chain >= 0 && h.m.chain != out.m.chain && !h.broad()) two_chains = true;
  }
  if (!best->says_other) out.m.confidence *= kCompound;
  if (contradiction) out.m.confidence *= kContradiction;
  else if (two_chains) out.m.confidence *= kTwoChains;
  // Sector words of every part, each outside its own matched terms.
  bool m = false, s = false;
  for (size_t i = 0; i < parts.size(); ++i)
    if (auto w = sectorFromWords(parts[i], covered(hits[i], parts[i]))) (*w == Sector::Manufacturing ? m : s) = true;
  if (m != s) out.m.sector = m ? Sector::Manufacturing : Sector::Service;
  out.m.confidence = std::clamp(out.m.confidence, 0.0, 1.0);
  return std::move(out.m);
}

}  // namespace cm
