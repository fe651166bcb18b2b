// Geodesic measures on the WGS 84 ellipsoid (PROJ's geodesic routines, Karney's algorithms).
#pragma once
#include "geo/types.h"

namespace cm {

double geodesicAreaKm2(const Polygon& ll);       // outer ring minus holes
double geodesicAreaKm2(const MultiPolygon& ll);
double geodesicDistanceM(double lon1, double lat1, double lon2, double lat2);
// geodesicDistanceM(...) <= radius_m, the same answer; a point clearly inside or outside (by a
// flat-earth estimate, 3 % of the radius either way) is decided without the geodesic (a CSV's
// in-park test, once per row, spent 10 % of a 1M first open in it).
bool withinGeodesicM(double lon1, double lat1, double lon2, double lat2, double radius_m);
double geodesicLengthKm(const LineString& ll);

}  // namespace cm
