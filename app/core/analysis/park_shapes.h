// The shapes of the parks for the spatial statistics and park conformance: a catchment circle
// (by default the park's own radius_km) or a polygon per park. Header of plain data plus one
// predicate; park_shapes.cpp has the predicate.
#pragma once
#include <vector>

#include "core/model.h"

namespace cm {

struct ParkShapes {
  std::vector<double> radius_km;         // per park (Model::parks), <= 0 (or missing) -> park.radius_km
  std::vector<MultiPolygon> polygons;    // per park, display CRS, empty (or missing) -> the catchment circle
};

// Whether the display-CRS point (x, y) lies in park `park`: inside its polygon (even–odd rule over
// every ring, so holes are holes) when it has one, else within the catchment circle, measured as
// the geodesic distance on WGS 84 from the park's lon/lat (the point is taken back to lon/lat
// through PROJ from Model::display_crs; the same rule the loaders use for Projects::in_park).
// False for a park index out of range.
bool insidePark(const Model& m, const ParkShapes& s, int park, double x, double y);

}  // namespace cm
