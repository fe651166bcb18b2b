#include "render/gl_util.h"

#include <fstream>
#include <regex>
#include <sstream>

namespace cm::gl {

void deleteBuffer(GLuint id) { glDeleteBuffers(1, &id); }
void deleteVertexArray(GLuint id) { glDeleteVertexArrays(1, &id); }
void deleteTexture(GLuint id) { glDeleteTextures(1, &id); }
void deleteFramebuffer(GLuint id) { glDeleteFramebuffers(1, &id); }
void deleteRenderbuffer(GLuint id) { glDeleteRenderbuffers(1, &id); }
void deleteProgram(GLuint id) { glDeleteProgram(id); }

Buffer makeBuffer(GLenum target, size_t bytes, const void* data, GLenum usage) {
  GLuint id = 0;
  glGenBuffers(1, &id);
  glBindBuffer(target, id);
  glBufferData(target, static_cast<GLsizeiptr>(bytes), data, usage);
  return Buffer(id);
}

VertexArray makeVertexArray() {
  GLuint id = 0;
  glGenVertexArrays(1, &id);
  return VertexArray(id);
}

static Result<std::string> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<std::string>::fail(fileError(path, "shader file not found"));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Mesa/NVIDIA logs look like "0:12(5): error: ..." or "0(12) : error ...": rewrite each line
// as "FILE:12: error ...".
static std::string withFileAndLine(const std::string& file, const std::string& log) {
  static const std::regex re(R"(^\s*\d+[:(](\d+)[):]?\(?\d*\)?\s*:?\s*(.*)$)");
  std::istringstream in(log);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::smatch m;
    if (std::regex_match(line, m, re)) out += file + ":" + m[1].str() + ": " + m[2].str() + "\n";
    else out += file + ": " + line + "\n";
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// `defines` go right after the #version line; a #line directive keeps the file's own line numbers
// in compile errors.
static Result<GLuint> compile(GLenum type, const std::string& path, const std::string& defines) {
  auto src = readFile(path);
  if (!src) return Result<GLuint>::fail(src.error());
  if (!defines.empty() && src->rfind("#version", 0) == 0) {
    const size_t eol = src->find('\n');
    if (eol != std::string::npos) src->insert(eol + 1, defines + "#line 2\n");
  }
  GLuint sh = glCreateShader(type);
  const char* p = src->c_str();
  glShaderSource(sh, 1, &p, nullptr);
  glCompileShader(sh);
  GLint ok = 0;
  glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[4096];
    glGetShaderInfoLog(sh, sizeof log, nullptr, log);
    glDeleteShader(sh);
    return Result<GLuint>::fail(withFileAndLine(path, log));
  }
  return sh;
}

Result<Program> Program::load(const std::string& dir, const std::string& name, const std::string& defines) {
  const std::string vpath = dir + "/" + name + ".vert", fpath = dir + "/" + name + ".frag";
  auto vs = compile(GL_VERTEX_SHADER, vpath, defines);
  if (!vs) return Result<Program>::fail(vs.error());
  auto fs = compile(GL_FRAGMENT_SHADER, fpath, defines);
  if (!fs) { glDeleteShader(*vs); return Result<Program>::fail(fs.error()); }
  Program prog;
  prog.prog_ = Handle<deleteProgram>(glCreateProgram());
  glAttachShader(prog.id(), *vs);
  glAttachShader(prog.id(), *fs);
  glLinkProgram(prog.id());
  glDeleteShader(*vs);
  glDeleteShader(*fs);
  GLint ok = 0;
  glGetProgramiv(prog.id(), GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[4096];
    glGetProgramInfoLog(prog.id(), sizeof log, nullptr, log);
    return Result<Program>::fail(fileError(vpath + " + " + name + ".frag", std::string("link failed: ") + log));
  }
  return prog;
}

bool RenderTarget::resize(int w, int h, int samples) {
  if (w == w_ && h == h_ && samples == samples_ && fbo_) return true;
  w_ = w; h_ = h; samples_ = samples;
  GLuint id;
  glGenTextures(1, &id);
  tex_ = Texture(id);
  glBindTexture(GL_TEXTURE_2D, id);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glGenFramebuffers(1, &id);
  fbo_ = Framebuffer(id);
  glBindFramebuffer(GL_FRAMEBUFFER, id);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex_.id(), 0);
  bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  msaa_fbo_.reset();
  msaa_rb_.reset();
  if (samples > 1) {
    glGenRenderbuffers(1, &id);
    msaa_rb_ = Renderbuffer(id);
    glBindRenderbuffer(GL_RENDERBUFFER, id);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, w, h);
    glGenFramebuffers(1, &id);
    msaa_fbo_ = Framebuffer(id);
    glBindFramebuffer(GL_FRAMEBUFFER, id);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msaa_rb_.id());
    ok = ok && glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return ok;
}

void RenderTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_ ? msaa_fbo_.id() : fbo_.id());
  glViewport(0, 0, w_, h_);
}

void RenderTarget::resolve() const {
  if (!msaa_fbo_) return;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo_.id());
  glBlitFramebuffer(0, 0, w_, h_, 0, 0, w_, h_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace cm::gl
