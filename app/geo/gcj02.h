// Chinese obfuscated coordinate systems that PROJ does not know:
//   GCJ-02 ("Mars coordinates", used by Amap/AutoNavi, Tencent and DataV GeoAtlas) and
//   BD-09 (Baidu, a further shift on top of GCJ-02).
//
// The forward WGS 84 -> GCJ-02 transform is the widely published public formula (Krasovsky
// ellipsoid a = 6378245 m, e^2 = 0.00669342162296594323). Points outside the rough mainland
// China box (lon 72.004..137.8347, lat 0.8293..55.8271) pass through unchanged, as in every
// published implementation. How well the public formula matches the official one is commonly
// reported as about 1 m.
//
// The inverse GCJ-02 -> WGS 84 has no closed form: it is found by fixed-point iteration of the
// forward formula (w <- w - (forward(w) - g)) until the residual is below 1e-9 degrees, at most
// 20 iterations (in practice 3-5). It is exact with respect to the public forward formula, so a
// round trip returns the input to ~1e-9 degrees; this is the conversion SOURCES.md describes for
// the DataV district boundaries.
//
// BD-09 <-> GCJ-02 is Baidu's published formula: gcj02ToBd09 is the forward one; bd09ToGcj02
// starts from the published closed-form approximation and refines it by the same fixed-point
// iteration, so it is the exact inverse of gcj02ToBd09 (the plain approximation is off by up to
// ~1e-5 degrees). All functions take and return (lon, lat) in degrees.
#pragma once
#include "geo/types.h"

namespace cm {

// True when the point is outside the box where the GCJ-02 shift is applied.
bool gcj02OutOfChina(double lon, double lat);

Vec2 wgs84ToGcj02(Vec2 lonlat);
Vec2 gcj02ToWgs84(Vec2 lonlat);  // iterative inversion, residual < 1e-9 degrees

Vec2 gcj02ToBd09(Vec2 lonlat);
Vec2 bd09ToGcj02(Vec2 lonlat);   // iterative inversion of gcj02ToBd09
Vec2 wgs84ToBd09(Vec2 lonlat);
Vec2 bd09ToWgs84(Vec2 lonlat);

}  // namespace cm
