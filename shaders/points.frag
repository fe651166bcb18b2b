#version 330 core
in vec2 v_uv;
in vec3 v_color;
in float v_radius;
flat in int v_approx;
flat in int v_stage;
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
  if (v_stage == 1) {
    // Signed, not yet started: a ring (3 px in the ecosystem's colour) around a white centre.
    float rim = clamp(d - (v_radius - 3.0), 0.0, 1.0);
    c = mix(vec3(1.0), mix(v_color, v_color * 0.7, ring), rim);
  } else if (v_stage == 2) {
    // Under construction: the lower half filled, the upper half white, inside the rim.
    float rim = clamp(d - (v_radius - 2.0), 0.0, 1.0);
    float lower = clamp(0.5 - v_uv.y, 0.0, 1.0);  // v_uv.y grows upwards on screen
    c = mix(mix(vec3(1.0), v_color, lower), mix(v_color, v_color * 0.7, ring), rim);
  }
  frag = vec4(c, alpha * 0.92);
}
