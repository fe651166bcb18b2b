// Park conformance (一园一主业, "one park, one main industry"): for the filtered projects, how many
// lie in parks, how many of those in a park whose main industry is their own ecosystem, how
// specialised each park is (location quotients, Herfindahl–Hirschman index), the same per district,
// and, for every project outside every park, its nearest park and the nearest park of its own
// industry.
//
// Membership (which park a filtered project counts for):
//   ParkMembership::Declared (default) — the project's own park (Projects::park_index) when its
//     point lies in that park's shape. With default shapes this is exactly Projects::in_park, the
//     rule of the loaders and of the statistics engine (core/stats.h in_parks, park_match, and
//     by_park under --park in), so the figures agree with --stats. A project with no park of its
//     own is outside, even when it lies in some park's circle.
//   ParkMembership::Location — any park whose shape holds the point (for tables without a park
//     column, or boundaries drawn anew); a point inside several parks counts for the NEAREST one
//     (geodesic distance to the park's point; ties: the lower park index).
// A park's shape is ParkShapes: its polygon when one is given (display CRS, even–odd, the rule of
// insidePark), else its catchment circle — ParkShapes::radius_km (a what-if) or Park::radius_km —
// measured as the geodesic distance from the park's lon/lat to the project's lon/lat. A circle
// with the park's own radius reads Projects::in_park; another radius is decided from the ECEF
// chord, and by the exact geodesic (geo/geodesic.h) within a metre of the edge.
//
// Distances (nearest_m, suggested_m) are geodesic metres on WGS 84 from the project to the park's
// point (its marker), computed from the 3-D (ECEF) chord with the arc correction c + c³/24R² (R
// the Euler radius of curvature in the line's direction at the project's latitude): within 1 cm of
// Karney's geodesic (geo/geodesic.h) for any two points of Hangzhou (tested; 6 mm at 270 km).
// The nearest park is the one with the shortest chord (ties: the lower park index). The filter
// (core/filter.h) decides which projects count at all, its park criterion included (that one
// reads Projects::in_park).
//
// Cost: one pass over the rows, no geodesic call per row (a default circle reads in_park; a
// what-if circle needs the exact geodesic only within a metre of its edge) — about 2.5 ms for
// 100,000 projects, 25,000 of them outside every park (one core; tested ≤ 5 ms).
//
// Location quotient of ecosystem e in area a: LQ = (n_ae / n_a) / (N_e / N), N the filtered
// projects city-wide; 0 when n_a = 0 or N_e = 0. Identity (tested): the parks and "outside"
// partition the city, so for every ecosystem with N_e > 0
//     ( Σ_parks n_k · lq_e(k) + n_out · outside_lq_e ) / N = 1.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "core/analysis/park_shapes.h"
#include "core/ecosystem.h"
#include "core/filter.h"
#include "core/model.h"

namespace cm {

enum class ParkMembership : uint8_t { Declared = 0, Location = 1 };

struct ParkFigures {
  int park = -1;                  // Model::parks index
  int64_t count = 0;
  double investment_yi = 0;
  int64_t matching = 0;           // projects whose ecosystem == park.main_ecosystem
  double match_share = 0;         // matching / count (0 when empty)
  std::array<double, kEcosystemCount> lq{};  // location quotient per ecosystem (see above)
  double hhi = 0;                 // Σ share², 0..1 (1 = one ecosystem; 0 when empty)
  std::vector<uint32_t> mismatched;  // rows inside the park whose ecosystem differs from its main industry, ascending
};

struct AreaFigures {  // per district (Model::districts order)
  int district = -1;
  int64_t count = 0;
  double investment_yi = 0;
  int64_t in_parks = 0;
  double match_share = 0;  // of the district's in-park projects, the share in a park of their own ecosystem
  double per_km2_count = 0, per_km2_investment = 0;  // by the district's geodesic area (0 without one)
};

struct OutsideProject {
  uint32_t row = 0;
  int nearest_park = -1;
  double nearest_m = 0;       // geodesic metres to the park's point
  int suggested_park = -1;    // nearest park whose main industry is the project's ecosystem, -1 none
  double suggested_m = 0;     // NaN when suggested_park == -1
};

struct Conformance {
  std::vector<ParkFigures> parks;      // one per Model::parks, in that order
  std::vector<AreaFigures> districts;  // one per Model::districts, in that order
  int64_t total = 0, in_parks = 0;
  double in_parks_share = 0;           // in_parks / total
  int64_t matching = 0;
  double match_share = 0;              // matching / in_parks
  std::vector<OutsideProject> outside;  // every filtered project outside every park, by row
  std::array<double, kEcosystemCount> outside_lq{};  // the LQs of "outside every park" (the identity above)
  std::array<int64_t, kEcosystemCount> city_by_ecosystem{};  // N_e
};

Conformance parkConformance(const Model& m, const Filter& f, const ParkShapes& shapes,
                            ParkMembership membership = ParkMembership::Declared);

// The geodesic distance (metres, WGS 84) between two lon/lat points as parkConformance measures
// it (chord plus arc correction; within 1 cm of geodesicDistanceM across Hangzhou).
double groundDistanceM(double lon1, double lat1, double lon2, double lat2);

}  // namespace cm
