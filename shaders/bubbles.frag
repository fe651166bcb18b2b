#version 330 core
// A bubble: a disc in its dominant ecosystem's colour; around it, when it holds more than one
// ecosystem, a ring of arcs (clockwise from 12 o'clock) whose lengths are the ecosystems' shares
// of its projects, in the palette's colours, parted from the disc by a thin white gap.
in vec2 v_uv;
in float v_radius;
in float v_alpha;
in vec3 v_color;
flat in vec4 v_cum;
flat in float v_cum4;
flat in int v_ring;
uniform vec3 u_palette[6];
uniform float u_ring_px;  // ring width
out vec4 frag;

void main() {
  float d = length(v_uv);
  float alpha = clamp(v_radius + 0.5 - d, 0.0, 1.0);
  if (alpha <= 0.0) discard;
  float edge = clamp(d - (v_radius - 1.2), 0.0, 1.0);  // 1 px darker outline
  vec3 c = v_color;
  float inner = v_radius - u_ring_px;
  if (v_ring == 1 && d > inner - 1.5) {  // the angle only where the ring and its gap are
    float turn = atan(v_uv.x, v_uv.y) / 6.2831853;  // 0 at 12 o'clock, clockwise (v_uv.y is up)
    if (turn < 0.0) turn += 1.0;
    // 0..4 the five ecosystems (kChainEcosystemCount in core/ecosystem.h), 5 other
    int e = turn < v_cum.x ? 0 : turn < v_cum.y ? 1 : turn < v_cum.z ? 2 : turn < v_cum.w ? 3 : turn < v_cum4 ? 4 : 5;
    float in_ring = clamp(d - inner + 0.5, 0.0, 1.0);
    float gap = clamp(1.0 - abs(d - (inner - 0.6)), 0.0, 1.0);  // ~1 px white between disc and ring
    c = mix(v_color, u_palette[e], in_ring);
    c = mix(c, vec3(1.0), gap * 0.9);
  }
  frag = vec4(mix(c, c * 0.55, edge), alpha * (v_ring == 1 ? 1.0 : 0.92) * v_alpha);
}
