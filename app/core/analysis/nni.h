// Clark–Evans nearest-neighbour index (Clark & Evans 1954) with Donnelly's (1978) edge
// correction, for all filtered projects and per ecosystem.
//
//   observed  d̄  = mean distance from each project to its nearest other project of the group
//                   (ground metres: ECEF chords from lon/lat, core/analysis/ground.h);
//   expected  E   = 0.5·√(A/n) + (0.0514 + 0.041/√n)·P/n             (Donnelly 1978)
//   std. error SE = √(0.0703·A/n² + 0.037·P·√(A/n⁵))                  (Donnelly 1978)
//   R = d̄ / E,  z = (d̄ − E) / SE,  p = two-sided normal tail, erfc(|z|/√2).
// A and P are the area and perimeter of the study area: the union of the districts the filter
// admits (all of Model::districts when the district filter is "all"), measured on the WGS 84
// ellipsoid from the districts' lon/lat outlines — A as the sum of the districts' geodesic areas
// (District::area_km2; they tile the city), P as the geodesic length of the union's outline
// (shared borders do not count; GEOS union, geo/geos_ops.h unionOutline). A model without
// districts falls back to the box around the filtered projects (display CRS × groundScale).
//
// Pattern, from R and p (documented thresholds, kNniAlpha = 0.05):
//   p ≥ 0.05            → random
//   p < 0.05 and R < 1  → clustered, strongly clustered when R < 0.5
//   p < 0.05 and R > 1  → dispersed, strongly dispersed when R > 1.5
//   n < 3               → too few (no index), and no study area → no area.
#pragma once
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/cached.h"
#include "core/ecosystem.h"
#include "core/filter.h"
#include "core/model.h"

namespace cm {

inline constexpr double kNniAlpha = 0.05;
inline constexpr double kNniStrongClustered = 0.5;   // R below: strongly clustered
inline constexpr double kNniStrongDispersed = 1.5;   // R above: strongly dispersed

enum class NniPattern : uint8_t { TooFew, NoArea, StronglyClustered, Clustered, Random, Dispersed, StronglyDispersed };

struct StudyArea {
  double area_m2 = 0;
  double perimeter_m = 0;
};

// The union of the districts the filter admits, on the ellipsoid (see above).
StudyArea studyArea(const Model& m, const Filter& f);

struct NniGroup {
  bool all = false;                        // all filtered projects (any ecosystem)
  Ecosystem ecosystem = Ecosystem::Other;  // when !all
  int64_t n = 0;
  double observed_mean_m = NAN, expected_mean_m = NAN, se_m = NAN;
  double R = NAN, z = NAN, p = NAN;
  NniPattern pattern = NniPattern::TooFew;
  // e.g. "Biomedicine is strongly clustered: R = 0.42, z = −11.3" /
  //      "生物医药高度集聚：R = 0.42，z = −11.3"
  std::string sentence_en, sentence_zh;
};

struct NniResult {
  StudyArea area;
  // groups[0]: all filtered projects; then one per ecosystem the filter admits, in Ecosystem
  // order (also those with fewer than 3 projects, which say so).
  std::vector<NniGroup> groups;
  bool cancelled = false;  // groups are empty then
};

NniResult nearestNeighbourIndex(const Model& m, const Filter& f, TaskControl* ctl = nullptr);
// The same over an explicit study area (e.g. a rectangle, or a park's catchment).
NniResult nearestNeighbourIndex(const Model& m, const Filter& f, const StudyArea& area, TaskControl* ctl = nullptr);

// The statistics of one group from its n and mean nearest-neighbour distance (for tests and
// for callers with their own distances): fills expected/SE/R/z/p/pattern, not the sentences.
void donnellyStatistics(NniGroup& g, const StudyArea& area);
NniPattern classifyNni(double R, double p);

}  // namespace cm
