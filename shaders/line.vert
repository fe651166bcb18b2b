#version 330 core
// Anti-aliased lines: each segment is a quad extruded along its normal in screen space.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_normal;
layout(location = 2) in float a_side;
uniform vec2 u_offset;
uniform vec2 u_scale;
uniform vec2 u_viewport;   // pixels
uniform float u_width;     // pixels, the visible core
out float v_dist;          // signed distance from the centre line, pixels
void main() {
  vec2 clip = (a_pos + u_offset) * u_scale;
  float half_w = u_width * 0.5 + 1.0;  // one extra pixel for the fade
  vec2 n = normalize(a_normal * u_scale * u_viewport);  // the normal as it appears on screen
  clip += n * a_side * half_w * 2.0 / u_viewport;
  gl_Position = vec4(clip, 0.0, 1.0);
  v_dist = a_side * half_w;
}
