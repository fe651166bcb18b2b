// District choropleth, GL-free: which number colours each district (investment or projects,
// absolute or per km² of the district's geodesic area), and the classes that number falls into
// (Fisher–Jenks natural breaks: the grouping with the least within-class variance, the usual
// choice for a dozen areas; QGIS's "Natural Breaks (Jenks)").
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/conformance.h"
#include "core/idset.h"
#include "core/model.h"
#include "core/stats.h"

namespace cm {

// The last two are the park conformance figures per district (core/analysis/conformance.h): the
// share of a district's projects inside parks, and of those, the share in a park of their own
// ecosystem (percent).
enum class ChoroplethMetric { Investment, Projects, InvestmentPerKm2, ProjectsPerKm2, InParksShare, ParkMatchShare };
inline constexpr ChoroplethMetric kChoroplethMetrics[] = {ChoroplethMetric::Investment,       ChoroplethMetric::Projects,
                                                          ChoroplethMetric::InvestmentPerKm2, ChoroplethMetric::ProjectsPerKm2,
                                                          ChoroplethMetric::InParksShare,     ChoroplethMetric::ParkMatchShare};

// The tour file's and --choropleth's names: investment, projects, investment_per_km2, projects_per_km2,
// in_parks_share, park_match_share.
std::string_view choroplethId(ChoroplethMetric m);
bool parseChoroplethMetric(std::string_view id, ChoroplethMetric& out);
inline bool perKm2(ChoroplethMetric m) { return m == ChoroplethMetric::InvestmentPerKm2 || m == ChoroplethMetric::ProjectsPerKm2; }
inline bool countsProjects(ChoroplethMetric m) { return m == ChoroplethMetric::Projects || m == ChoroplethMetric::ProjectsPerKm2; }
inline bool fromConformance(ChoroplethMetric m) { return m == ChoroplethMetric::InParksShare || m == ChoroplethMetric::ParkMatchShare; }
// Every metric's id, for messages: "investment, projects, …".
std::string choroplethIds();

// The choropleth feature's settings (ui/features/choropleth.cpp): what the districts are shaded by.
struct ChoroplethSettings {
  ChoroplethMetric metric = ChoroplethMetric::Investment;
  bool operator==(const ChoroplethSettings&) const = default;
};

// One value a district (indexed like Model::districts), from the statistics of the filtered
// projects in the time window. A district without an area has 0 per km².
// The conformance metrics read `c` (all zero without it).
std::vector<double> choroplethValues(const Model& m, const Stats& s, ChoroplethMetric metric, const Conformance* c = nullptr);

// Natural-breaks classes of the positive values: `upper[k]` is class k's largest value, so value v
// is in the first class with v <= upper[k]. At most `classes` classes, fewer when there are fewer
// distinct values; none when no value is positive (zero is drawn as "none").
struct ChoroplethClasses {
  std::vector<double> upper;
  int classOf(double v) const;  // -1 for v <= 0
};
ChoroplethClasses naturalBreaks(const std::vector<double>& values, int classes = 5);

// Each district's class: classes.classOf(value), -1 "no projects", or kChoroplethNotSelected for a
// district the district filter leaves out (it is not a class: drawn in the plain base fill, and
// the legend says "not selected"). `values` is indexed like Model::districts.
inline constexpr int kChoroplethNotSelected = -2;
std::vector<int> choroplethDistrictClasses(const ChoroplethClasses& classes, const std::vector<double>& values,
                                           const IdSet& districts);
// The breaks of the districts the filter selects (the left-out ones do not shift them).
ChoroplethClasses selectedBreaks(const std::vector<double>& values, const IdSet& districts, int classes = 5);

// Five sequential colours (ColorBrewer YlGnBu, light to dark) and the "no projects" grey.
inline constexpr uint32_t kChoroplethRamp[5] = {0xEDF8B1, 0xC7E9B4, 0x7FCDBB, 0x41B6C4, 0x1D91C0};
inline constexpr uint32_t kChoroplethNone = 0xEEEEEA;
// The colour of class k of n (spread over the ramp when n < 5).
uint32_t choroplethColor(int k, int n);

}  // namespace cm
