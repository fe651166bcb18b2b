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
                       S::Foreign, S::SizeLegend, S::ParkMarker, S::TopChains, S::TargetsTitle, S::Through, S::ParkMatch, S::Aggregation, S::Auto, S::Off, S::On, S::Aggregated, S::BinProjects, S::MainIndustry, S::Catchment, S::Only, S::All, S::NoTargetFor, S::Loading, S::Saved, S::Computing}) {
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
  t += "0123456789●◇≥≤∝·—…–→％%，。：（）";
  return t;
}

}  // namespace cm
