#include "data/analysis_reports/park_distance_report.h"

#include <cmath>
#include <cstdio>

#include "core/analysis/ground.h"
#include "core/analysis/park_distance.h"
#include "data/analysis_reports/report_json.h"

namespace cm {

using nlohmann::json;
using namespace report;

AnalysisCommand parkDistanceCommand() {
  AnalysisCommand c;
  c.id = "park_distance";
  c.help = "park_distance (projects to their park's centre)";
  c.run = [](const AnalysisRequest& r) {
    const Model& m = r.model;
    const Projects& p = m.projects;
    const std::vector<float> d = parkCentreDistances(m);
    const std::vector<ParkDistanceFigures> figs = parkDistanceFigures(m, r.filter, d);
    AnalysisReport out;
    json parks = json::array();
    int64_t named = 0, beyond = 0;
    for (const ParkDistanceFigures& f : figs) {
      if (!f.count) continue;
      const Park& park = m.parks[static_cast<size_t>(f.park)];
      named += f.count;
      beyond += f.beyond_radius;
      parks.push_back({{"id", park.id},
                       {"name_zh", park.name_zh},
                       {"name_en", park.name_en},
                       {"radius_km", park.radius_km},
                       {"count", f.count},
                       {"median_m", num(f.median_m, 1)},
                       {"p90_m", num(f.p90_m, 1)},
                       {"max_m", num(f.max_m, 1)},
                       {"beyond_radius", f.beyond_radius},
                       {"farthest", f.farthest_row >= 0 ? json(p.id[static_cast<size_t>(f.farthest_row)]) : json(nullptr)}});
      char buf[256];
      std::snprintf(buf, sizeof buf, "  %-22s %4lld projects, median %s, 90 %% within %s, farthest %s; %lld beyond its %.1f km radius",
                    park.id.c_str(), static_cast<long long>(f.count), km(f.median_m).c_str(), km(f.p90_m).c_str(), km(f.max_m).c_str(),
                    static_cast<long long>(f.beyond_radius), park.radius_km);
      out.summary.push_back(buf);
    }
    out.summary.insert(out.summary.begin(), std::to_string(named) + " filtered projects name a park; " + std::to_string(beyond) +
                                                " of them lie beyond its catchment radius");
    json projects = json::array();
    const RowFilter pass(r.filter);
    for (size_t i = 0; i < p.size(); ++i)
      if (!std::isnan(d[i]) && pass(p, i))
        projects.push_back({{"id", p.id[i]}, {"park", parkRef(m, p.park_index[i])}, {"distance_m", num(d[i], 1)}});
    out.json = synthetic(m, {{"analysis", "park_distance"}, {"parks", parks}, {"projects", projects}});
    return out;
  };
  return c;
}

}  // namespace cm
