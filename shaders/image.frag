#version 330 core
in vec2 v_uv;
uniform sampler2D u_image;  // RGBA, premultiplied by nothing: straight alpha
uniform float u_opacity;
out vec4 frag;
void main() {
  vec4 c = texture(u_image, v_uv);
  frag = vec4(c.rgb, c.a * u_opacity);
}
