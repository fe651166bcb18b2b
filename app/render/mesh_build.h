// CPU-side vertex building for the map layers (no GL calls): triangulated fills and
// screen-space-extruded line quads. Positions are floats relative to a double-precision origin.
#pragma once
#include <cstdint>
#include <vector>

#include "core/model.h"

namespace cm {

struct FillVertex {
  float x, y;
  uint32_t rgba;  // packed R,G,B,A bytes (little-endian: R in the low byte)
};

// Each vertex of a line quad: the point on the line, the unit normal and which side (-1/+1).
struct LineVertex {
  float x, y, nx, ny, side;
};

void appendFill(std::vector<FillVertex>& out, const MultiPolygon& xy, Vec2 origin, uint32_t rgba);
// The same from the triangles made at load (District::fill, WaterBody::fill); `xy` is triangulated
// only when there are none (a model built in code).
void appendFill(std::vector<FillVertex>& out, const MultiPolygon& xy, const std::vector<Vec2>& made, Vec2 origin, uint32_t rgba);
void appendLine(std::vector<LineVertex>& out, const std::vector<Vec2>& pts, Vec2 origin, bool closed);
void appendOutlines(std::vector<LineVertex>& out, const MultiPolygon& xy, Vec2 origin);

inline uint32_t packRgba(uint32_t rgb, uint8_t a = 255) {
  return ((rgb >> 16) & 0xFF) | (((rgb >> 8) & 0xFF) << 8) | ((rgb & 0xFF) << 16) | (uint32_t(a) << 24);
}

}  // namespace cm
