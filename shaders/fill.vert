#version 330 core
// Polygon fills (districts, water). Positions are relative to the model origin, in metres.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec4 a_color;
uniform vec2 u_offset;  // (origin - view centre), metres
uniform vec2 u_scale;   // clip units per metre
out vec4 v_color;
void main() {
  gl_Position = vec4((a_pos + u_offset) * u_scale, 0.0, 1.0);
  v_color = a_color;
}
