#version 330 core
// Projects as sprites: four vertices a project with the same attributes, the corner taken from
// gl_VertexID & 3. Attributes are uploaded once; the filter and the time window are uniforms (and
// one small buffer of chain/district set bits), so a filter change uploads almost nothing. A
// filtered-out project is moved off screen. The bit layout of a_bits comes from
// core/filter_bits.h as #defines (ECO_WORD, ECO_SHIFT, ECO_MASK, ...), inserted after #version.
layout(location = 1) in vec2 a_pos;         // metres relative to the model origin
layout(location = 2) in float a_invest;     // 亿元 (bubbles: r² in px²)
layout(location = 4) in uvec3 a_bits;       // core/filter_bits.h

uniform vec2 u_offset;
uniform vec2 u_scale;
uniform vec2 u_viewport;
uniform uint u_eco_mask;
uniform uint u_sector_mask;   // Filter::sectors: a bit per SECTOR value (0 manufacturing, 1 service, 2 not stated)
uniform float u_min_invest;
uniform ivec2 u_months;      // inclusive window, clamped to -1..MONTH_MASK+1
uniform int u_undated;       // 1: undated projects (MONTH == NO_MONTH) pass the time window
uniform int u_park_mode;     // 0 any, 1 in park, 2 outside
uniform int u_foreign_only;  // 1: foreign-invested projects only (FOREIGN bit)
uniform float u_radius_k;    // px per sqrt(亿元)
uniform vec2 u_radius_range; // min, max px
uniform vec3 u_palette[6];
uniform int u_stage_month;   // life-cycle drawing at the end of this month; -1: off

out vec2 v_uv;
out vec3 v_color;
out float v_radius;
flat out int v_approx;      // 1: approximate location (drawn hollow)
flat out int v_stage;       // life cycle at u_stage_month: 0 off, 1 signed (ring), 2 building (half), 3 producing (full)

#ifdef NARROW_SETS
// Built with NARROW_SETS only for draws where the chain or district set is narrowed.
uniform usamplerBuffer u_sets;  // district set words, then chain set words (32 ids a word)
uniform ivec2 u_district_set;   // (first word, words); first word -1: every district
uniform ivec2 u_chain_set;      // likewise for chains
bool inSet(uint id, ivec2 set) {
  if (set.x < 0) return true;
  int w = int(id >> 5u);
  if (id == NO_ID || w >= set.y) return false;
  return ((texelFetch(u_sets, set.x + w).r >> (id & 31u)) & 1u) != 0u;
}
#define IN_DISTRICTS(id) inSet(id, u_district_set)
#define IN_CHAINS(id) inSet(id, u_chain_set)
#else
#define IN_DISTRICTS(id) true
#define IN_CHAINS(id) true
#endif

// core/filter.h passesAttributes() and the time window, branch for branch.
bool passes() {
  uint eco = (a_bits[ECO_WORD] >> ECO_SHIFT) & ECO_MASK;
  uint sector = (a_bits[SECTOR_WORD] >> SECTOR_SHIFT) & SECTOR_MASK;
  uint inpark = (a_bits[INPARK_WORD] >> INPARK_SHIFT) & INPARK_MASK;
  uint district = (a_bits[DISTRICT_WORD] >> DISTRICT_SHIFT) & DISTRICT_MASK;
  uint chain = (a_bits[CHAIN_WORD] >> CHAIN_SHIFT) & CHAIN_MASK;
  int month = int((a_bits[MONTH_WORD] >> MONTH_SHIFT) & MONTH_MASK);
  if (((u_eco_mask >> eco) & 1u) == 0u) return false;
  if (!IN_CHAINS(chain)) return false;
  if (((u_sector_mask >> sector) & 1u) == 0u) return false;
  if (a_invest < u_min_invest) return false;
  if (!IN_DISTRICTS(district)) return false;
  if (u_park_mode == 1 && inpark == 0u) return false;
  if (u_park_mode == 2 && inpark == 1u) return false;
  if (u_foreign_only == 1 && ((a_bits[FOREIGN_WORD] >> FOREIGN_SHIFT) & FOREIGN_MASK) == 0u) return false;
  if (uint(month) == NO_MONTH) return u_undated != 0;  // core/filter.h passesTime()
  if (month < u_months.x || month > u_months.y) return false;
  return true;
}

void main() {
  if (!passes()) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: culled
    return;
  }
  // Area proportional to investment, clamped to a legible range.
  float r = clamp(u_radius_k * sqrt(max(a_invest, 0.0)), u_radius_range.x, u_radius_range.y);
  // Half-size of the quad: the fragment shader's alpha is 0 from r + 0.5 px out, so every pixel
  // centre it can colour lies inside r + 0.5 (a larger quad only adds discarded fragments).
  float extent = r + 0.5;
  int k = gl_VertexID & 3;
  vec2 a_corner = vec2((k & 1) == 0 ? -1.0 : 1.0, (k & 2) == 0 ? -1.0 : 1.0);
  vec2 clip = (a_pos + u_offset) * u_scale + a_corner * extent * 2.0 / u_viewport;
  gl_Position = vec4(clip, 0.0, 1.0);
  v_uv = a_corner * extent;
  v_radius = r;
  v_color = u_palette[(a_bits[ECO_WORD] >> ECO_SHIFT) & ECO_MASK];
  v_approx = int((a_bits[APPROX_WORD] >> APPROX_SHIFT) & APPROX_MASK);
  // core/lifecycle.h lifeStageAt() at month granularity (core/filter.cpp packs the months).
  v_stage = 0;
  if (u_stage_month >= 0) {
    uint started = (a_bits[STARTED_WORD] >> STARTED_SHIFT) & STARTED_MASK;
    uint producing = (a_bits[PRODUCING_WORD] >> PRODUCING_SHIFT) & PRODUCING_MASK;
    uint m = uint(u_stage_month);
    v_stage = (started == NO_MONTH || m < started) ? 1 : (producing == NO_MONTH || m < producing) ? 2 : 3;
  }
}
