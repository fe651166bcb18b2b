// Geodesic measures on the WGS 84 ellipsoid (PROJ's geodesic routines, Karney's algorithms).
#pragma once
#include "geo/types.h"

namespace cm {

double geodesicAreaKm2(const Polygon& ll);       // outer ring minus holes
double geodesicAreaKm2(const MultiPolygon& ll);
double geodesicDistanceM(double lon1, double lat1, double lon2, double lat2);
double geodesicLengthKm(const LineString& ll);

}  // namespace cm
