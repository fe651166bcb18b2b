#version 330 core
// Bubbles (render/layers/bubbles_layer.cpp): one hex bin a sprite, four vertices sharing its
// attributes, the corner from gl_VertexID & 3. Built each time the view changes from the bins on
// screen only, already filtered (the pyramid is built from the filtered projects).
layout(location = 1) in vec2 a_pos;      // centroid, metres relative to the model origin
layout(location = 2) in vec2 a_size;     // radius in px, opacity (the level's cross-fade weight)
layout(location = 3) in vec4 a_cum;      // cumulative shares of ecosystems 0..3 (by count)
layout(location = 5) in vec2 a_cum2;     // cumulative share of ecosystem 4; dominant ecosystem

uniform vec2 u_offset;
uniform vec2 u_scale;
uniform vec2 u_viewport;
uniform vec3 u_palette[6];
uniform float u_ring_min;  // px: smaller bubbles have no ring

out vec2 v_uv;
out float v_radius;
out float v_alpha;
out vec3 v_color;
flat out vec4 v_cum;
flat out float v_cum4;
flat out int v_ring;

void main() {
  float r = a_size.x;
  float extent = r + 0.5;
  int k = gl_VertexID & 3;
  vec2 corner = vec2((k & 1) == 0 ? -1.0 : 1.0, (k & 2) == 0 ? -1.0 : 1.0);
  gl_Position = vec4((a_pos + u_offset) * u_scale + corner * extent * 2.0 / u_viewport, 0.0, 1.0);
  v_uv = corner * extent;
  v_radius = r;
  v_alpha = a_size.y;
  v_color = u_palette[int(a_cum2.y + 0.5)];
  v_cum = a_cum;
  v_cum4 = a_cum2.x;
  // A ring only when it says something: big enough, and more than one ecosystem inside.
  float share = max(max(a_cum.x, a_cum.y - a_cum.x), max(a_cum.z - a_cum.y, a_cum.w - a_cum.z));
  share = max(share, max(a_cum2.x - a_cum.w, 1.0 - a_cum2.x));
  v_ring = (r >= u_ring_min && share < 0.999) ? 1 : 0;
}
