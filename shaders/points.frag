#version 330 core
in vec2 v_uv;
in vec3 v_color;
in float v_radius;
flat in int v_approx;
out vec4 frag;
void main() {
  float d = length(v_uv);
  float alpha = clamp(v_radius + 0.5 - d, 0.0, 1.0);   // anti-aliased disc edge
  if (alpha <= 0.0) discard;
  float ring = clamp(d - (v_radius - 1.2), 0.0, 1.0);   // 1 px darker outline
  vec3 c = mix(v_color, v_color * 0.55, ring);
  if (v_approx == 1) {
    // Approximate location (at its park, or somewhere in its district): a hollow disc, a 2 px
    // ring in the ecosystem's colour around a pale centre.
    float rim = clamp(d - (v_radius - 2.5), 0.0, 1.0);
    c = mix(mix(vec3(1.0), v_color, 0.25), v_color, rim);
  }
  frag = vec4(c, alpha * 0.92);
}
