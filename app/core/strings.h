// Every UI string in Chinese and English, in one table (the glyph atlas is built from it).
#pragma once
#include <string>
#include <vector>

namespace cm {

enum class Lang { Zh, En };

struct Str {
  const char* zh;
  const char* en;
};

inline const char* tr(Lang l, const Str& s) { return l == Lang::Zh ? s.zh : s.en; }

namespace S {
inline constexpr Str Title{"杭州产业链招商地图", "Hangzhou Industrial-Chain Investment Map"};
inline constexpr Str Subtitle{"五大产业生态圈 · 项目落地", "Five industrial ecosystems · projects landed"};
inline constexpr Str Synthetic{"合成样本数据（非真实项目）", "Synthetic sample (not real projects)"};
inline constexpr Str Layers{"图层", "Layers"};
inline constexpr Str Districts{"区县", "Districts"};
inline constexpr Str Water{"水系", "Water"};
inline constexpr Str Rivers{"河流", "Rivers"};
inline constexpr Str Parks{"开发区/园区", "Parks"};
inline constexpr Str ProjectsL{"项目", "Projects"};
inline constexpr Str Labels{"标注", "Labels"};
inline constexpr Str Filters{"筛选", "Filters"};
inline constexpr Str Ecosystem{"产业生态圈", "Ecosystem"};
inline constexpr Str Chain{"产业链", "Chain"};
inline constexpr Str AllChains{"全部产业链", "All chains"};
inline constexpr Str Sector{"类型", "Sector"};
inline constexpr Str Manufacturing{"制造业", "Manufacturing"};
inline constexpr Str Service{"服务业", "Service"};
inline constexpr Str MinInvest{"最低投资额（亿元）", "Min. investment (100M CNY)"};
inline constexpr Str SizeClass{"投资规模", "Investment size"};
inline constexpr Str District{"区县", "District"};
inline constexpr Str AllDistricts{"全部区县", "All districts"};
inline constexpr Str ParkMode{"园区", "Park"};
inline constexpr Str Any{"全部", "Any"};
inline constexpr Str InPark{"园区内", "In a park"};
inline constexpr Str OutPark{"园区外", "Outside parks"};
inline constexpr Str Reset{"重置筛选", "Reset filters"};
inline constexpr Str Legend{"图例", "Legend"};
inline constexpr Str Totals{"筛选结果", "Selection"};
inline constexpr Str Count{"项目数", "Projects"};
inline constexpr Str TotalInvest{"总投资（亿元）", "Investment (100M CNY)"};
inline constexpr Str InParks{"园区内项目", "In parks"};
inline constexpr Str Time{"签约时间", "Signed"};
inline constexpr Str Play{"播放", "Play"};
inline constexpr Str Pause{"暂停", "Pause"};
inline constexpr Str Yi{"亿元", "100M CNY"};
inline constexpr Str Investment{"投资额", "Investment"};
inline constexpr Str SignedDate{"签约日期", "Signed"};
inline constexpr Str ParkL{"园区", "Park"};
inline constexpr Str NoPark{"不在园区", "not in a park"};
inline constexpr Str Fit{"全市视图 (F)", "Fit Hangzhou (F)"};
inline constexpr Str Language{"English", "中文"};
inline constexpr Str Errors{"数据问题", "Data problems"};
inline constexpr Str Dismiss{"关闭", "Dismiss"};
inline constexpr Str ChainLeader{"链主企业", "Chain leader"};
inline constexpr Str Foreign{"外资来源", "Foreign source"};
inline constexpr Str SizeLegend{"点面积 ∝ 投资额", "Dot area ∝ investment"};
inline constexpr Str TopChains{"重点产业链（按项目数）", "Leading chains (by projects)"};
inline constexpr Str TargetsTitle{"年度目标进度（制造业）", "Annual targets (manufacturing)"};
inline constexpr Str Through{"截至", "through"};
inline constexpr Str ParkMatch{"园区主业匹配", "Main-industry match"};
inline constexpr Str Aggregation{"聚合显示", "Aggregation"};
inline constexpr Str Auto{"自动", "Auto"};
inline constexpr Str Off{"逐个", "Off"};
inline constexpr Str On{"聚合", "On"};
inline constexpr Str Aggregated{"已聚合：每个气泡汇总邻近项目，面积 ∝ 总投资，数字为项目数",
                                "Aggregated: each bubble sums nearby projects; area ∝ total investment, number = projects"};
inline constexpr Str BinProjects{"个项目", "projects"};
inline constexpr Str ParkMarker{"开发区/园区", "Development zone / park"};
inline constexpr Str MainIndustry{"主导产业", "Main industry"};
inline constexpr Str Catchment{"集聚范围半径", "Catchment radius"};
inline constexpr Str Only{"仅此", "only"};
inline constexpr Str All{"全部", "All"};
inline constexpr Str NoTargetFor{"该年未设年度目标：", "No annual target set for"};
inline constexpr Str Loading{"正在载入", "Loading"};
inline constexpr Str Saved{"已保存", "Saved"};
inline constexpr Str Computing{"计算中…", "Computing…"};
}  // namespace S

// All strings of the table above (both languages), for the glyph atlas.
std::string allUiText();

}  // namespace cm
