// Every UI string in Chinese and English lives in one table, assets/strings.json, that a
// translator edits without compiling: {"Key": {"zh": "…", "en": "…"}, …}. Code names a string by
// its key (S::Title below, or a computed key such as "eco.iot", "chain.biologics", "stage.signed",
// "field.investment_yi") and tr() gives the text in a language. The table is read once, on first
// use ($CHAINMAP_ASSETS/strings.json, else the source tree's assets/); a key the table lacks
// shows as "[Key]", and a test fails when any key used in the code, or any entry, lacks a language.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "platform/result.h"

namespace cm {

enum class Lang { Zh, En };

struct Str {
  const char* key;
};

// The string table: key → {zh, en}.
struct StringTable {
  std::unordered_map<std::string, std::array<std::string, 2>> entries;
  std::vector<std::string> order;  // keys in file order
};
// Errors name the file and the problem (not JSON, an entry that is not {"zh": …, "en": …}).
Result<StringTable> loadStringTable(const std::string& path);
std::string stringTablePath();
const StringTable& strings();  // the table in use (loaded on first call)

const char* tr(Lang l, Str s);
const char* tr(Lang l, std::string_view key);  // computed keys ("eco.iot")
bool hasString(std::string_view key);

namespace S {
inline constexpr Str Title{"Title"};
inline constexpr Str Subtitle{"Subtitle"};
inline constexpr Str Synthetic{"Synthetic"};
inline constexpr Str Layers{"Layers"};
inline constexpr Str Districts{"Districts"};
inline constexpr Str Water{"Water"};
inline constexpr Str Rivers{"Rivers"};
inline constexpr Str Parks{"Parks"};
inline constexpr Str ProjectsL{"ProjectsL"};
inline constexpr Str Labels{"Labels"};
inline constexpr Str Filters{"Filters"};
inline constexpr Str Ecosystem{"Ecosystem"};
inline constexpr Str Chain{"Chain"};
inline constexpr Str AllChains{"AllChains"};
inline constexpr Str Sector{"Sector"};
inline constexpr Str Manufacturing{"Manufacturing"};
inline constexpr Str Service{"Service"};
inline constexpr Str SectorUnknown{"SectorUnknown"};  // a project whose source states no sector
inline constexpr Str MinInvest{"MinInvest"};
inline constexpr Str SizeClass{"SizeClass"};
inline constexpr Str District{"District"};
inline constexpr Str AllDistricts{"AllDistricts"};
inline constexpr Str ParkMode{"ParkMode"};
inline constexpr Str Any{"Any"};
inline constexpr Str InPark{"InPark"};
inline constexpr Str OutPark{"OutPark"};
inline constexpr Str Reset{"Reset"};
inline constexpr Str Legend{"Legend"};
inline constexpr Str Totals{"Totals"};
inline constexpr Str Count{"Count"};
inline constexpr Str TotalInvest{"TotalInvest"};
inline constexpr Str InParks{"InParks"};
inline constexpr Str Time{"Time"};
inline constexpr Str Play{"Play"};
inline constexpr Str Pause{"Pause"};
inline constexpr Str Yi{"Yi"};
inline constexpr Str Investment{"Investment"};
inline constexpr Str SignedDate{"SignedDate"};
inline constexpr Str ParkL{"ParkL"};
inline constexpr Str NoPark{"NoPark"};
// Why a project is (not) in a park (parkStatusText, core/analysis/products.h).
inline constexpr Str ParkShapeCircle{"ParkShapeCircle"};
inline constexpr Str ParkShapeBoundary{"ParkShapeBoundary"};
inline constexpr Str ParkInsideUndeclared{"ParkInsideUndeclared"};
inline constexpr Str ParkDeclaredOutside{"ParkDeclaredOutside"};
inline constexpr Str ParkInsideDeclaresOther{"ParkInsideDeclaresOther"};
inline constexpr Str ParkByLocationDeclares{"ParkByLocationDeclares"};
inline constexpr Str Fit{"Fit"};
inline constexpr Str Language{"Language"};
inline constexpr Str Errors{"Errors"};
inline constexpr Str Dismiss{"Dismiss"};
inline constexpr Str ChainLeader{"ChainLeader"};
inline constexpr Str Foreign{"Foreign"};
inline constexpr Str SizeLegend{"SizeLegend"};
inline constexpr Str TopChains{"TopChains"};
inline constexpr Str TargetsTitle{"TargetsTitle"};
inline constexpr Str TargetsCityWide{"TargetsCityWide"};      // the targets count the whole city, whatever the filter
inline constexpr Str TargetsNotTheFilter{"TargetsNotTheFilter"};  // … said in full beside a filter (%d the year)
inline constexpr Str Through{"Through"};
inline constexpr Str ParkMatch{"ParkMatch"};
inline constexpr Str Aggregation{"Aggregation"};
inline constexpr Str Auto{"Auto"};
inline constexpr Str Off{"Off"};
inline constexpr Str On{"On"};
inline constexpr Str Aggregated{"Aggregated"};
// The bubbles' legend in short lines (render/layers/bubbles_layer.cpp).
inline constexpr Str AggregatedTitle{"AggregatedTitle"};
inline constexpr Str BubbleArea{"BubbleArea"};
inline constexpr Str BubbleNumber{"BubbleNumber"};
inline constexpr Str BubbleZoomIn{"BubbleZoomIn"};
inline constexpr Str BinProjects{"BinProjects"};
inline constexpr Str BubbleRing{"BubbleRing"};
inline constexpr Str RemoteSource{"RemoteSource"};
inline constexpr Str RemoteNoRows{"RemoteNoRows"};
inline constexpr Str ParkMarker{"ParkMarker"};
inline constexpr Str MainIndustry{"MainIndustry"};
inline constexpr Str Catchment{"Catchment"};
inline constexpr Str Only{"Only"};
inline constexpr Str All{"All"};
inline constexpr Str NoTargetFor{"NoTargetFor"};
inline constexpr Str Loading{"Loading"};
inline constexpr Str Saved{"Saved"};
inline constexpr Str Computing{"Computing"};
inline constexpr Str Approximate{"Approximate"};
inline constexpr Str ApproxAtPark{"ApproxAtPark"};
inline constexpr Str ApproxInDistrict{"ApproxInDistrict"};
inline constexpr Str FbOpenTitle{"FbOpenTitle"};
inline constexpr Str FbSaveTitle{"FbSaveTitle"};
inline constexpr Str FbUp{"FbUp"};
inline constexpr Str FbHome{"FbHome"};
inline constexpr Str FbOpen{"FbOpen"};
inline constexpr Str FbSave{"FbSave"};
inline constexpr Str FbCancel{"FbCancel"};
inline constexpr Str FbRecent{"FbRecent"};
inline constexpr Str FbNoRecent{"FbNoRecent"};
inline constexpr Str FbName{"FbName"};
inline constexpr Str FbSize{"FbSize"};
inline constexpr Str FbModified{"FbModified"};
inline constexpr Str FbFolder{"FbFolder"};
inline constexpr Str FbEmpty{"FbEmpty"};
inline constexpr Str FbAllSupported{"FbAllSupported"};
inline constexpr Str FbFileName{"FbFileName"};
inline constexpr Str FbFormat{"FbFormat"};
inline constexpr Str FbNeedName{"FbNeedName"};
inline constexpr Str FbExists{"FbExists"};
inline constexpr Str FbReplace{"FbReplace"};
inline constexpr Str FbGo{"FbGo"};
inline constexpr Str MappingTitle{"MappingTitle"};
inline constexpr Str MappingField{"MappingField"};
inline constexpr Str MappingColumn{"MappingColumn"};
inline constexpr Str MappingWhy{"MappingWhy"};
inline constexpr Str MappingUnit{"MappingUnit"};
inline constexpr Str MappingCoords{"MappingCoords"};
inline constexpr Str MappingSwap{"MappingSwap"};
inline constexpr Str MappingMissing{"MappingMissing"};
inline constexpr Str MappingApply{"MappingApply"};
inline constexpr Str MappingSave{"MappingSave"};
inline constexpr Str OpenFile{"OpenFile"};
inline constexpr Str ExportFile{"ExportFile"};
inline constexpr Str Reload{"Reload"};
inline constexpr Str EditMapping{"EditMapping"};
inline constexpr Str LoadReport{"LoadReport"};
inline constexpr Str ReportCsv{"ReportCsv"};
inline constexpr Str PasswordTitle{"PasswordTitle"};
inline constexpr Str PasswordNote{"PasswordNote"};
inline constexpr Str Connect{"Connect"};
inline constexpr Str Exported{"Exported"};
inline constexpr Str Sheet{"Sheet"};
inline constexpr Str ChosenByHand{"ChosenByHand"};
inline constexpr Str UnitFromValues{"UnitFromValues"};
inline constexpr Str UnitUsd{"UnitUsd"};
inline constexpr Str UnitWanUsd{"UnitWanUsd"};
inline constexpr Str CoordDetect{"CoordDetect"};
inline constexpr Str CoordGcj{"CoordGcj"};
inline constexpr Str CoordBd{"CoordBd"};
inline constexpr Str CoordEpsg{"CoordEpsg"};
inline constexpr Str Km{"Km"};
inline constexpr Str Metres{"Metres"};
inline constexpr Str North{"North"};
inline constexpr Str Furniture{"Furniture"};
inline constexpr Str Credits{"Credits"};
inline constexpr Str SyntheticNote{"SyntheticNote"};
inline constexpr Str Choropleth{"Choropleth"};
inline constexpr Str ChoroplethMetricLabel{"ChoroplethMetricLabel"};
inline constexpr Str ChoroplethNone{"ChoroplethNone"};
inline constexpr Str ChoroplethNotSelected{"ChoroplethNotSelected"};  // a district the district filter leaves out
inline constexpr Str ForeignOnly{"ForeignOnly"};  // the filter: projects with an FDI amount only
inline constexpr Str TourSyntheticTable{"TourSyntheticTable"};  // {table} in a caption when the sample is open
inline constexpr Str ModeCumulative{"ModeCumulative"};
inline constexpr Str ModeWindow{"ModeWindow"};
inline constexpr Str Loop{"Loop"};
inline constexpr Str Speed{"Speed"};
inline constexpr Str StepHint{"StepHint"};
inline constexpr Str Undated{"Undated"};
inline constexpr Str UndatedShort{"UndatedShort"};
inline constexpr Str UndatedIncluded{"UndatedIncluded"};
inline constexpr Str UndatedWholeWindow{"UndatedWholeWindow"};
inline constexpr Str UndatedExcluded{"UndatedExcluded"};
inline constexpr Str UndatedAll{"UndatedAll"};
inline constexpr Str AmountUnknown{"AmountUnknown"};
inline constexpr Str CatTitle{"CatTitle"};
inline constexpr Str CatShowAll{"CatShowAll"};
inline constexpr Str CatValue{"CatValue"};
inline constexpr Str CatRows{"CatRows"};
inline constexpr Str CatWhy{"CatWhy"};
inline constexpr Str CatEcosystem{"CatEcosystem"};
inline constexpr Str CatChain{"CatChain"};
inline constexpr Str CatChainGeneral{"CatChainGeneral"};
inline constexpr Str CatDecided{"CatDecided"};
inline constexpr Str CatDecide{"CatDecide"};
inline constexpr Str KpiProjects{"KpiProjects"};
inline constexpr Str KpiInvestment{"KpiInvestment"};
inline constexpr Str KpiInParks{"KpiInParks"};
inline constexpr Str KpiTarget{"KpiTarget"};
inline constexpr Str KpiBar1{"KpiBar1"};
inline constexpr Str KpiBar10{"KpiBar10"};
inline constexpr Str Tour{"Tour"};
inline constexpr Str TourOpen{"TourOpen"};
inline constexpr Str TourStory{"TourStory"};
inline constexpr Str TourNew{"TourNew"};
inline constexpr Str TourPrev{"TourPrev"};
inline constexpr Str TourNext{"TourNext"};
inline constexpr Str TourAutoplay{"TourAutoplay"};
inline constexpr Str TourStop{"TourStop"};
inline constexpr Str TourAddView{"TourAddView"};
inline constexpr Str TourUpdateView{"TourUpdateView"};
inline constexpr Str TourDelete{"TourDelete"};
inline constexpr Str TourUp{"TourUp"};
inline constexpr Str TourDown{"TourDown"};
inline constexpr Str TourSave{"TourSave"};
inline constexpr Str TourSaveAs{"TourSaveAs"};
inline constexpr Str TourClose{"TourClose"};
inline constexpr Str TourTitleZh{"TourTitleZh"};
inline constexpr Str TourTitleEn{"TourTitleEn"};
inline constexpr Str TourTextZh{"TourTextZh"};
inline constexpr Str TourTextEn{"TourTextEn"};
inline constexpr Str TourNotesZh{"TourNotesZh"};
inline constexpr Str TourNotesEn{"TourNotesEn"};
inline constexpr Str TourUnsaved{"TourUnsaved"};
inline constexpr Str TourSaved{"TourSaved"};
inline constexpr Str TourNewStep{"TourNewStep"};
inline constexpr Str TourStepSeconds{"TourStepSeconds"};
inline constexpr Str TourNoSteps{"TourNoSteps"};
inline constexpr Str LifeSigned{"LifeSigned"};
inline constexpr Str LifeBuilding{"LifeBuilding"};
inline constexpr Str LifeProducing{"LifeProducing"};
inline constexpr Str LifeCycleTitle{"LifeCycleTitle"};
inline constexpr Str LifeCycle{"LifeCycle"};
inline constexpr Str ConsoleTitle{"ConsoleTitle"};
inline constexpr Str ConsoleNow{"ConsoleNow"};
inline constexpr Str ConsoleNext{"ConsoleNext"};
inline constexpr Str ConsoleNotes{"ConsoleNotes"};
inline constexpr Str ConsoleElapsed{"ConsoleElapsed"};
inline constexpr Str ConsoleStepTime{"ConsoleStepTime"};
inline constexpr Str ConsoleNoTour{"ConsoleNoTour"};
inline constexpr Str ConsolePointer{"ConsolePointer"};
inline constexpr Str ConsoleEnd{"ConsoleEnd"};
inline constexpr Str ConsolePresent{"ConsolePresent"};
inline constexpr Str ConsoleAudience{"ConsoleAudience"};
inline constexpr Str ExportImage{"ExportImage"};
inline constexpr Str ExportImageTitle{"ExportImageTitle"};
inline constexpr Str ExportSize{"ExportSize"};
inline constexpr Str ExportSizeWindow{"ExportSizeWindow"};
inline constexpr Str ExportLayout{"ExportLayout"};
inline constexpr Str LayoutFull{"LayoutFull"};
inline constexpr Str LayoutMap{"LayoutMap"};
inline constexpr Str LayoutPoster{"LayoutPoster"};
inline constexpr Str LayoutPresent{"LayoutPresent"};
inline constexpr Str ExportSave{"ExportSave"};
inline constexpr Str ExportedImage{"ExportedImage"};
inline constexpr Str PlayOptions{"PlayOptions"};
inline constexpr Str RailOpen{"RailOpen"};
inline constexpr Str RailFit{"RailFit"};
inline constexpr Str RailPresent{"RailPresent"};
inline constexpr Str RailLang{"RailLang"};
inline constexpr Str ProjectTable{"ProjectTable"};
inline constexpr Str ProjectTableOpen{"ProjectTableOpen"};
inline constexpr Str TableSearch{"TableSearch"};
inline constexpr Str TableRows{"TableRows"};
inline constexpr Str TableDetails{"TableDetails"};
inline constexpr Str TableNoSelection{"TableNoSelection"};
inline constexpr Str ColId{"ColId"};
inline constexpr Str ColName{"ColName"};
inline constexpr Str ColEcosystem{"ColEcosystem"};
inline constexpr Str ColChain{"ColChain"};
inline constexpr Str ColInvest{"ColInvest"};
inline constexpr Str ColSigned{"ColSigned"};
inline constexpr Str ColDistrict{"ColDistrict"};
inline constexpr Str ColPark{"ColPark"};
inline constexpr Str ColStage{"ColStage"};
inline constexpr Str ColForeign{"ColForeign"};
inline constexpr Str Measure{"Measure"};
inline constexpr Str MeasureHint{"MeasureHint"};
inline constexpr Str MeasureTotal{"MeasureTotal"};
inline constexpr Str MeasureArea{"MeasureArea"};
inline constexpr Str MeasureTool{"MeasureTool"};
inline constexpr Str Clusters{"Clusters"};
inline constexpr Str Heatmap{"Heatmap"};
inline constexpr Str OutsideParks{"OutsideParks"};
inline constexpr Str Arcs{"Arcs"};
inline constexpr Str ClustersLegend{"ClustersLegend"};
inline constexpr Str ClustersSummary{"ClustersSummary"};
inline constexpr Str Emerging{"Emerging"};
inline constexpr Str EmergingShort{"EmergingShort"};
inline constexpr Str ParksWithoutCluster{"ParksWithoutCluster"};
inline constexpr Str HeatLegend{"HeatLegend"};
inline constexpr Str HeatLegendInvest{"HeatLegendInvest"};
inline constexpr Str OutsideLegend{"OutsideLegend"};
inline constexpr Str SuggestedPark{"SuggestedPark"};
inline constexpr Str NearestPark{"NearestPark"};
inline constexpr Str RoleUpstream{"RoleUpstream"};
inline constexpr Str RoleMidstream{"RoleMidstream"};
inline constexpr Str RoleDownstream{"RoleDownstream"};
inline constexpr Str RoleUnknown{"RoleUnknown"};
inline constexpr Str ArcsLegend{"ArcsLegend"};
inline constexpr Str ClusterTooltip{"ClusterTooltip"};
inline constexpr Str Analysis{"Analysis"};
inline constexpr Str AnaClusters{"AnaClusters"};
inline constexpr Str AnaEps{"AnaEps"};
inline constexpr Str AnaMinPts{"AnaMinPts"};
inline constexpr Str AnaByEco{"AnaByEco"};
inline constexpr Str AnaConcave{"AnaConcave"};
inline constexpr Str AnaDensity{"AnaDensity"};
inline constexpr Str AnaBandwidth{"AnaBandwidth"};
inline constexpr Str AnaWeight{"AnaWeight"};
inline constexpr Str AnaWeightCount{"AnaWeightCount"};
inline constexpr Str AnaWeightInvest{"AnaWeightInvest"};
inline constexpr Str AnaConformance{"AnaConformance"};
inline constexpr Str AnaOutside{"AnaOutside"};
inline constexpr Str AnaDispersion{"AnaDispersion"};
inline constexpr Str AnaChainView{"AnaChainView"};
inline constexpr Str AnaChainNone{"AnaChainNone"};
inline constexpr Str AnaChainMedians{"AnaChainMedians"};
// The chain view's summary (chainViewSummary, core/analysis/chains.h) and its map legend.
inline constexpr Str ChainViewEmpty{"ChainViewEmpty"};
inline constexpr Str ChainViewCounts{"ChainViewCounts"};
inline constexpr Str ChainViewNoLeader{"ChainViewNoLeader"};
inline constexpr Str ChainViewToLeader{"ChainViewToLeader"};
inline constexpr Str ChainViewNoPark{"ChainViewNoPark"};
inline constexpr Str ChainViewToPark{"ChainViewToPark"};
inline constexpr Str ChainViewMembers{"ChainViewMembers"};
inline constexpr Str AnaComputing{"AnaComputing"};
inline constexpr Str AnaExport{"AnaExport"};
inline constexpr Str AnaBoundaries{"AnaBoundaries"};
inline constexpr Str AnaBoundariesClear{"AnaBoundariesClear"};
inline constexpr Str AnaClusterSummary{"AnaClusterSummary"};
inline constexpr Str ConfTitle{"ConfTitle"};
inline constexpr Str ConfCity{"ConfCity"};
inline constexpr Str ConfParks{"ConfParks"};
inline constexpr Str ConfDistricts{"ConfDistricts"};
inline constexpr Str ConfOutside{"ConfOutside"};
inline constexpr Str ConfMain{"ConfMain"};
inline constexpr Str ConfMatch{"ConfMatch"};
inline constexpr Str ConfTopLq{"ConfTopLq"};
inline constexpr Str ConfMismatched{"ConfMismatched"};
inline constexpr Str ConfRadius{"ConfRadius"};
inline constexpr Str ConfPolygon{"ConfPolygon"};
inline constexpr Str ConfInParks{"ConfInParks"};
inline constexpr Str ConfPerKm2{"ConfPerKm2"};
inline constexpr Str ConfWhatIfNote{"ConfWhatIfNote"};
inline constexpr Str NniTitle{"NniTitle"};
inline constexpr Str NniGroup{"NniGroup"};
inline constexpr Str NniAll{"NniAll"};
inline constexpr Str NniObserved{"NniObserved"};
inline constexpr Str NniExpected{"NniExpected"};
inline constexpr Str NniNote{"NniNote"};
inline constexpr Str AnaExported{"AnaExported"};
inline constexpr Str ParkBoundariesLoaded{"ParkBoundariesLoaded"};
inline constexpr Str TableExport{"TableExport"};
}  // namespace S

// Every string of the table (both languages), for the glyph atlas.
std::string allUiText();

}  // namespace cm
