// How things look, GL-free: the map's colours, the projects' radius rule and the aggregation
// switch. The shaders, the legend and the hit tests all read these same values.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>

namespace cm {

namespace style {
inline constexpr uint32_t kBackground = 0xE3E9EF;
inline constexpr uint32_t kDistrictTones[3] = {0xFBF8F1, 0xF5F1E6, 0xF8F4EC};
inline constexpr uint32_t kWater = 0xAFCFE6;
inline constexpr uint32_t kRiver = 0x86B4D8;
inline constexpr uint32_t kOutline = 0x8A8F98;
inline constexpr uint32_t kCityOutline = 0x5B6270;
inline constexpr uint32_t kAccent = 0x3465A4;  // selection, timeline window, progress
}  // namespace style

// Projects: dot area ∝ investment, clamped to a legible range.
struct PointStyle {
  float radius_k = 1.9f;  // px per sqrt(亿元)
  float radius_min = 2.5f;
  float radius_max = 19.0f;
  bool operator==(const PointStyle&) const = default;
};

// Radius in pixels of a project of `invest_yi` (the shader applies the same rule).
inline float pointRadiusPx(const PointStyle& s, float invest_yi) {
  return std::clamp(s.radius_k * std::sqrt(std::max(invest_yi, 0.f)), s.radius_min, s.radius_max);
}

// Whether projects are drawn one by one or gathered into bubbles (core/hex_pyramid.h). Auto
// aggregates when points would pile up: many projects, more than two a cell on average.
enum class Aggregate { Auto, Off, On };
inline constexpr double kBinCellPx = 36;

}  // namespace cm
