#include "data/analysis_reports/nni_report.h"

#include "core/analysis/nni.h"
#include "data/analysis_reports/report_json.h"

namespace cm {

using nlohmann::json;
using namespace report;

namespace {
const char* patternId(NniPattern p) {
  switch (p) {
    case NniPattern::TooFew: return "too_few";
    case NniPattern::NoArea: return "no_area";
    case NniPattern::StronglyClustered: return "strongly_clustered";
    case NniPattern::Clustered: return "clustered";
    case NniPattern::Random: return "random";
    case NniPattern::Dispersed: return "dispersed";
    case NniPattern::StronglyDispersed: return "strongly_dispersed";
  }
  return "";
}
}  // namespace

AnalysisCommand nniCommand() {
  AnalysisCommand c;
  c.id = "nni";
  c.help = "nni (nearest-neighbour index)";
  c.run = [](const AnalysisRequest& r) {
    const NniResult n = nearestNeighbourIndex(r.model, r.filter);
    json groups = json::array();
    AnalysisReport out;
    for (const NniGroup& g : n.groups) {
      groups.push_back({{"group", g.all ? std::string("all") : ecoId(g.ecosystem)},
                        {"n", g.n},
                        {"observed_mean_m", num(g.observed_mean_m, 1)},
                        {"expected_mean_m", num(g.expected_mean_m, 1)},
                        {"se_m", num(g.se_m, 2)},
                        {"R", num(g.R, 4)},
                        {"z", num(g.z, 3)},
                        {"p", num(g.p, 6)},
                        {"pattern", patternId(g.pattern)},
                        {"sentence_en", g.sentence_en},
                        {"sentence_zh", g.sentence_zh}});
      out.summary.push_back((g.all ? std::string("all") : ecoId(g.ecosystem)) + ": " + (r.lang == Lang::En ? g.sentence_en : g.sentence_zh));
    }
    out.json = synthetic(r.model, {{"analysis", "nni"},
                                   {"area_km2", num(n.area.area_m2 / 1e6, 2)},
                                   {"perimeter_km", num(n.area.perimeter_m / 1e3, 2)},
                                   {"groups", groups}});
    return out;
  };
  return c;
}

}  // namespace cm
