// Geodesic measures on the WGS 84 ellipsoid (PROJ's geodesic routines, Karney's algorithms).
// PROJ is loaded at the first call (geo/proj_api.h); where it cannot be, every measure is NaN
// (the load has said why: no transform can be made either).
#pragma once
#include "geo/types.h"

namespace cm {

double geodesicAreaKm2(const Polygon& ll);       // outer ring minus holes
double geodesicAreaKm2(const MultiPolygon& ll);
double geodesicDistanceM(double lon1, double lat1, double lon2, double lat2);
// The point distance_m from (lon, lat) along the azimuth (degrees clockwise from north), as lon/lat.
Vec2 geodesicDirect(double lon, double lat, double azimuth_deg, double distance_m);
// geodesicDistanceM(...) <= radius_m, the same answer; a point clearly inside or outside (by a
// flat-earth estimate, 3 % of the radius either way) is decided without the geodesic (a CSV's
// in-park test, once per row, spent 10 % of a 1M first open in it).
bool withinGeodesicM(double lon1, double lat1, double lon2, double lat2, double radius_m);
double geodesicLengthKm(const LineString& ll);

}  // namespace cm
