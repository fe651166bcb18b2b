// The bubbles' multi-resolution aggregation (supercluster's idea with hex bins): the projects that
// pass the filter are gathered into hexagons at a ladder of sizes in the display CRS, each level
// twice the spacing of the one below, built once per filter (core/derived.h runs it on a worker
// for large tables). A frame only picks a level for its zoom (two neighbouring levels while it
// cross-fades between them) and asks for the bins that intersect the screen: O(visible bins),
// whatever the number of projects. Panning never rebuilds; zooming only picks another level.
// Hexagons rather than squares: uniform data does not line up in rows and columns.
//
// Refinement stops where projects are alone (supercluster keeps such points as points): a project
// alone in its hexagon is not a bin but a single of that level; it takes part in no finer level,
// and that level and every finer one show it as itself (settledIn()). Dense places go down to the
// finest level (16 m), so a frame never has more to draw than the screen can hold, while sparse
// places cost nothing below the level where they thinned out (and a single costs 12 bytes, not a
// bin). Each project is thus in exactly one bin of a level, or a single of it or of a coarser one.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "core/filter.h"
#include "core/model.h"

namespace cm {

struct TaskControl;

// Pointy-top hexagons of circumradius `size` (display CRS units), axial coordinates (q, r).
struct HexCoord {
  int32_t q = 0, r = 0;
  bool operator==(const HexCoord&) const = default;
};
HexCoord hexOf(Vec2 p, double size);          // the hexagon containing p (nearest centre)
Vec2 hexCentre(HexCoord h, double size);
// Whether the hexagon and the rectangle share a point (separating axes).
bool hexIntersectsRect(HexCoord h, double size, double minx, double miny, double maxx, double maxy);

struct Bin {
  Vec2 xy;                   // centroid of the members (display CRS)
  double investment_yi = 0;
  HexCoord hex;
  std::array<int, kEcosystemCount> by_ecosystem{};  // the members by ecosystem
  int count() const;           // the members: at least 2
  Ecosystem dominant() const;  // the ecosystem with the most members (lowest index on a tie)
};
static_assert(sizeof(Bin) == 56, "a level's bins are the window's largest allocation at 1M rows");

struct HexLevel {
  double size = 0;             // hexagon circumradius
  double spacing() const;      // distance between neighbouring centres (√3 × size)
  std::vector<Bin> bins;       // hexagons of two or more projects, sorted by (hex.r, hex.q)
  int r0 = 0;                  // row_start[r - r0]: the first bin of hex row r
  std::vector<uint32_t> row_start;
  struct Single {
    HexCoord hex;
    uint32_t row;
  };
  std::vector<Single> singles;  // projects alone in their hexagon here (settled), sorted likewise
  int s_r0 = 0;
  std::vector<uint32_t> s_row_start;
  double max_investment_yi = 0;
  double ref_investment_yi = 0;  // the 90th percentile of the bins' investment (the bubbles' full size)
  // Indices of the bins whose hexagon intersects the rectangle.
  void visible(double minx, double miny, double maxx, double maxy, std::vector<uint32_t>& out) const;
  // Rows of the singles inside the rectangle (appended).
  void singlesIn(const Projects& p, double minx, double miny, double maxx, double maxy, std::vector<uint32_t>& rows) const;
};

// Which levels a zoom shows: `fine` and `coarse` (equal when no cross-fade), drawn with opacity
// 1 − coarse_weight and coarse_weight.
struct LevelBlend {
  int fine = -1, coarse = -1;
  float coarse_weight = 0;
  bool below_finest = false;  // the wanted cells are smaller than the finest level's
  int main() const { return coarse_weight >= 0.5f ? coarse : fine; }  // the level counts and picks use
};

struct HexPyramid {
  std::vector<HexLevel> levels;  // finest first
  int members = 0;               // projects that pass the filter
  double investment_yi = 0;
  std::array<int, kEcosystemCount> by_ecosystem{};
  // Levels for cells of `cell_units` (display CRS units between neighbouring bubbles).
  LevelBlend blendFor(double cell_units) const;
  // The projects inside the rectangle that are singles of `level` or of a coarser level (what
  // `level` shows one by one); level -1: every single.
  void settledIn(int level, const Projects& p, double minx, double miny, double maxx, double maxy, std::vector<uint32_t>& rows) const;
};

// What a view still draws of `p` while the next filter's pyramid is built: the bins of levels
// fine..coarse and the singles those levels show (their own and every coarser level's) inside the
// rectangle; every other level empty. The totals are kept. (The window holds this, not the whole
// pyramid, beside the one being built: at 1M rows the whole one is ~50 MB.)
HexPyramid trimmedPyramid(const HexPyramid& p, int fine, int coarse, double minx, double miny, double maxx, double maxy);

// The ladder: level k has spacing kHexSpacing0 × 2^k (16 m … 262 km).
inline constexpr double kHexSpacing0 = 16.0;
inline constexpr int kHexLevels = 15;

// The rows in a space-filling (Morton) order: the pyramid walks them so that consecutive rows
// mostly fall into the same hexagon. Once per model.
std::vector<uint32_t> spatialOrder(const Projects& p);

// One pass per level over the rows that pass `f` and are not settled yet, in `order` (all rows;
// null: row order); `control` (optional) may cancel it.
HexPyramid buildHexPyramid(const Projects& p, const Filter& f, const std::vector<uint32_t>* order = nullptr,
                           TaskControl* control = nullptr);

}  // namespace cm
