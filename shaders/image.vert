#version 330 core
// A georeferenced image (the density heatmap): one quad from u_lo to u_hi (metres relative to the
// model origin), corners from gl_VertexID (a triangle strip of four), no vertex buffer.
uniform vec2 u_offset;  // (origin - view centre), metres
uniform vec2 u_scale;   // clip units per metre
uniform vec2 u_lo, u_hi;
out vec2 v_uv;
void main() {
  vec2 k = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
  vec2 p = mix(u_lo, u_hi, k);
  gl_Position = vec4((p + u_offset) * u_scale, 0.0, 1.0);
  v_uv = k;  // row 0 of the image is its south edge
}
