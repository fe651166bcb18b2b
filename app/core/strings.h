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
inline constexpr Str Approximate{"位置为近似（园区或区县内）", "Approximate location (at its park or in its district)"};
inline constexpr Str ApproxAtPark{"位置为近似：按所在园区", "Approximate location: at its park"};
inline constexpr Str ApproxInDistrict{"位置为近似：区县内示意点", "Approximate location: a point in its district"};
// File browser (ui/file_browser.cpp).
inline constexpr Str FbOpenTitle{"打开项目表", "Open a project table"};
inline constexpr Str FbSaveTitle{"导出", "Export"};
inline constexpr Str FbUp{"上一级", "Up"};
inline constexpr Str FbHome{"主目录", "Home"};
inline constexpr Str FbOpen{"打开", "Open"};
inline constexpr Str FbSave{"保存", "Save"};
inline constexpr Str FbCancel{"取消", "Cancel"};
inline constexpr Str FbRecent{"最近打开", "Recent"};
inline constexpr Str FbNoRecent{"（无）", "(none)"};
inline constexpr Str FbName{"名称", "Name"};
inline constexpr Str FbSize{"大小", "Size"};
inline constexpr Str FbModified{"修改时间", "Modified"};
inline constexpr Str FbFolder{"文件夹", "Folder"};
inline constexpr Str FbEmpty{"（此文件夹中没有可用的文件）", "(no matching files in this folder)"};
inline constexpr Str FbAllSupported{"全部支持的格式", "All supported formats"};
inline constexpr Str FbFileName{"文件名", "File name"};
inline constexpr Str FbFormat{"格式", "Format"};
inline constexpr Str FbNeedName{"请输入文件名", "Type a file name"};
inline constexpr Str FbExists{"文件已存在，是否替换？", "The file already exists. Replace it?"};
inline constexpr Str FbReplace{"替换", "Replace"};
inline constexpr Str FbGo{"转到", "Go"};
// Importing tables (ui/mapping_dialog.cpp, the load window and report).
inline constexpr Str MappingTitle{"字段对应：哪一列是什么", "Map the table's columns"};
inline constexpr Str MappingField{"字段", "Field"};
inline constexpr Str MappingColumn{"表中的列", "Column in the table"};
inline constexpr Str MappingWhy{"依据", "Why"};
inline constexpr Str MappingUnit{"投资额单位", "Investment unit"};
inline constexpr Str MappingCoords{"坐标系", "Coordinates"};
inline constexpr Str MappingSwap{"经纬度互换", "Swap lon/lat"};
inline constexpr Str MappingMissing{"标 * 的字段还没有对应的列：项目名称、投资额、签约日期，以及坐标或区县/园区。",
                                    "Fields marked * have no column yet: a name, the investment, the signing date, and coordinates or a district/park."};
inline constexpr Str MappingApply{"应用", "Apply"};
inline constexpr Str MappingSave{"保存对应并应用", "Save mapping and apply"};
inline constexpr Str OpenFile{"打开…", "Open…"};
inline constexpr Str ExportFile{"导出…", "Export…"};
inline constexpr Str Reload{"重新载入 (F5)", "Reload (F5)"};
inline constexpr Str EditMapping{"字段对应…", "Mapping…"};
inline constexpr Str LoadReport{"载入报告", "Load report"};
inline constexpr Str ReportCsv{"逐行问题清单：", "Problems row by row:"};
inline constexpr Str PasswordTitle{"数据库密码", "Database password"};
inline constexpr Str PasswordNote{"密码只保存在内存中，不写入任何文件。", "The password stays in memory; it is never written to a file."};
inline constexpr Str Connect{"连接", "Connect"};
inline constexpr Str Exported{"已导出", "Exported"};
inline constexpr Str Sheet{"工作表/图层", "Sheet / layer"};
inline constexpr Str ChosenByHand{"手动选择", "chosen by hand"};
inline constexpr Str UnitFromValues{"按数值判断", "from the values"};
inline constexpr Str UnitUsd{"美元", "USD"};
inline constexpr Str UnitWanUsd{"万美元", "10k USD"};
inline constexpr Str CoordDetect{"自动识别", "Detect"};
inline constexpr Str CoordGcj{"GCJ-02（高德/腾讯）", "GCJ-02 (Amap, Tencent)"};
inline constexpr Str CoordBd{"BD-09（百度）", "BD-09 (Baidu)"};
inline constexpr Str CoordEpsg{"投影坐标 EPSG", "Projected (EPSG)"};
}  // namespace S

// All strings of the table above (both languages), for the glyph atlas.
std::string allUiText();

}  // namespace cm
