#include "data/model_loader.h"

#include "data/data_paths.h"
#include "data/parks_csv.h"
#include "data/projects_csv.h"
#include "data/vector_layers.h"
#include "geo/geos_ops.h"
#include "geo/projection.h"

namespace cm {

Model loadModel(const LoadOptions& opt, LoadReport& report) {
  Model m;
  m.display_crs = opt.crs.empty() ? kDefaultDisplayCrs : opt.crs;
  if (auto ok = validateCrs(m.display_crs); !ok) {
    report.errors.push_back("--crs: " + ok.error());
    return m;
  }
  const DataPaths paths = resolveDataPaths(opt.data_dir);
  m.data_dir = paths.data_dir;

  if (paths.data_dir.empty()) {
    report.errors.push_back(noDistrictsMessage(paths));
  } else if (auto d = loadDistricts(paths.districts, m.display_crs); d) {
    m.districts = d.take();
    for (District& x : m.districts) x.label_xy = labelPoint(x.xy, 100.0);
  } else {
    report.errors.push_back(d.error());
  }
  if (auto w = loadWater(paths.water, m.display_crs); w) m.water = w.take();
  else report.warnings.push_back(w.error());
  if (auto r = loadRivers(paths.rivers, m.display_crs); r) m.rivers = r.take();
  else report.warnings.push_back(r.error());

  auto to_xy = sharedTransform(kWgs84, m.display_crs);
  if (!to_xy) {
    report.errors.push_back(to_xy.error());
    return m;
  }
  if (auto p = loadParksCsv(paths.parks, **to_xy); p) m.parks = p.take();
  else report.errors.push_back(p.error());

  m.projects_file = opt.projects_file.empty() ? defaultProjectsFile() : opt.projects_file;
  if (auto p = loadProjectsCsv(m.projects_file, **to_xy, m.districts, m.parks); p) {
    m.projects = std::move(p->projects);
    m.projects_synthetic = p->synthetic;
    for (std::string& w : p->warnings) report.warnings.push_back(std::move(w));
  } else {
    report.errors.push_back(p.error());
  }
  return m;
}

}  // namespace cm
