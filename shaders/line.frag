#version 330 core
in float v_dist;
uniform vec4 u_color;
uniform float u_width;
out vec4 frag;
void main() {
  float a = clamp(u_width * 0.5 + 0.5 - abs(v_dist), 0.0, 1.0);
  frag = vec4(u_color.rgb, u_color.a * a);
}
