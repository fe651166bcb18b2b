#include "core/strings.h"

#include "core/catalog.h"
#include "core/ecosystem.h"

namespace cm {

std::string allUiText() {
  std::string t;
  for (const Str& s : {S::Title, S::Subtitle, S::Synthetic, S::Layers, S::Districts, S::Water, S::Rivers, S::Parks,
                       S::ProjectsL, S::Labels, S::Filters, S::Ecosystem, S::Chain, S::AllChains, S::Sector,
                       S::Manufacturing, S::Service, S::MinInvest, S::SizeClass, S::District, S::AllDistricts,
                       S::ParkMode, S::Any, S::InPark, S::OutPark, S::Reset, S::Legend, S::Totals, S::Count,
                       S::TotalInvest, S::InParks, S::Time, S::Play, S::Pause, S::Yi, S::Investment, S::SignedDate,
                       S::ParkL, S::NoPark, S::Fit, S::Language, S::Errors, S::Dismiss, S::ChainLeader,
                       S::Foreign, S::SizeLegend, S::ParkMarker, S::TopChains, S::TargetsTitle, S::Through, S::ParkMatch, S::Aggregation, S::Auto, S::Off, S::On, S::Aggregated, S::BinProjects, S::MainIndustry, S::Catchment, S::Only, S::All, S::NoTargetFor, S::Loading, S::Saved, S::Computing,
                       S::FbOpenTitle, S::FbSaveTitle, S::FbUp, S::FbHome, S::FbOpen, S::FbSave, S::FbCancel,
                       S::FbRecent, S::FbNoRecent, S::FbName, S::FbSize, S::FbModified, S::FbFolder, S::FbEmpty,
                       S::FbAllSupported, S::FbFileName, S::FbFormat, S::FbNeedName, S::FbExists, S::FbReplace,
                       S::FbGo,
                       S::MappingTitle, S::MappingField, S::MappingColumn, S::MappingWhy, S::MappingUnit, S::MappingCoords,
                       S::MappingSwap, S::MappingMissing, S::MappingApply, S::MappingSave, S::OpenFile, S::ExportFile,
                       S::Reload, S::EditMapping, S::LoadReport, S::ReportCsv, S::PasswordTitle, S::PasswordNote,
                       S::Connect, S::Exported, S::Approximate, S::ApproxAtPark, S::ApproxInDistrict,
                       S::Sheet, S::ChosenByHand, S::UnitFromValues, S::UnitUsd, S::UnitWanUsd, S::CoordDetect, S::CoordGcj, S::CoordBd, S::CoordEpsg}) {
    t += s.zh;
    t += s.en;
  }
  for (const auto& e : kEcosystems) {
    t += e.zh;
    t += e.en;
  }
  for (const auto& c : kChains) {
    t += c.zh;
    t += c.en;
  }
  t += "0123456789●◇≥≤∝·—…–→％%，。：（）亿万元";
  return t;
}

}  // namespace cm
