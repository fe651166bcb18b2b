// Park distance: how far each project lies from the centre of the park it names, as a column of
// the project table (computed while the table is open) and as `--analyze park_distance`
// (core/analysis/park_distance.h). A feature made of new files and its line in the registry.
#include "core/analysis/park_distance.h"
#include "data/analysis_reports/park_distance_report.h"
#include "ui/features/features.h"

namespace cm {

UiFeature makeParkDistanceFeature() {
  UiFeature f;
  f.id = ids::kParkDistance;
  f.products = [](Derived& d) { d.addProduct(ids::kParkDistance, std::make_unique<ParkDistanceProduct>()); };
  f.demands = [](const AppState& st, std::set<std::string>& out) {
    if (st.features.get<TableSettings>(ids::kTable).open) out.insert(ids::kParkDistance);
  };
  TableColumn c;
  c.id = "to_park_centre_km";
  c.head = "col.to_park_centre";
  c.width = 120;
  c.scale = 0.001;
  c.format = "%.2f km";
  c.values = [](const UiContext& ui) -> std::shared_ptr<const std::vector<float>> {
    const auto* p = ui.derived.product<ParkDistanceProduct>(ids::kParkDistance);
    return p ? p->get() : nullptr;
  };
  f.table_columns = {c};
  f.analyses = {parkDistanceCommand()};
  return f;
}

}  // namespace cm
