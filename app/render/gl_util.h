// RAII wrappers for the few GL objects chainmap uses, and shader loading from shaders/ at run time.
#pragma once
#include <glad/gl.h>

#include <string>
#include <utility>

#include "platform/result.h"

namespace cm::gl {

template <void (*Del)(GLuint)>
class Handle {
 public:
  Handle() = default;
  explicit Handle(GLuint id) : id_(id) {}
  Handle(Handle&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
  Handle& operator=(Handle&& o) noexcept { reset(); id_ = std::exchange(o.id_, 0); return *this; }
  ~Handle() { reset(); }
  void reset() { if (id_) Del(id_); id_ = 0; }
  GLuint id() const { return id_; }
  explicit operator bool() const { return id_ != 0; }

 private:
  GLuint id_ = 0;
};

void deleteBuffer(GLuint id);
void deleteVertexArray(GLuint id);
void deleteTexture(GLuint id);
void deleteFramebuffer(GLuint id);
void deleteRenderbuffer(GLuint id);
void deleteProgram(GLuint id);

using Buffer = Handle<deleteBuffer>;
using VertexArray = Handle<deleteVertexArray>;
using Texture = Handle<deleteTexture>;
using Framebuffer = Handle<deleteFramebuffer>;
using Renderbuffer = Handle<deleteRenderbuffer>;

Buffer makeBuffer(GLenum target, size_t bytes, const void* data, GLenum usage = GL_STATIC_DRAW);
VertexArray makeVertexArray();

class Program {
 public:
  // Loads NAME.vert and NAME.frag from the shader folder. Compile and link errors come back as
  // "FILE:LINE: message" so the user sees which shader broke. `defines` ("#define X 1\n"...) are
  // inserted after each file's #version line.
  static Result<Program> load(const std::string& dir, const std::string& name, const std::string& defines = "");
  GLuint id() const { return prog_.id(); }
  GLint uniform(const char* name) const { return glGetUniformLocation(prog_.id(), name); }
  void use() const { glUseProgram(prog_.id()); }

 private:
  Handle<deleteProgram> prog_;
};

// A colour render target (RGBA8) with optional multisampling, resolved into a plain texture.
class RenderTarget {
 public:
  bool resize(int w, int h, int samples);
  void bind() const;         // bind for drawing (the multisampled buffer if any)
  void resolve() const;      // multisample → texture
  GLuint texture() const { return tex_.id(); }
  GLuint resolvedFbo() const { return fbo_.id(); }
  int width() const { return w_; }
  int height() const { return h_; }

 private:
  int w_ = 0, h_ = 0, samples_ = 0;
  Framebuffer fbo_, msaa_fbo_;
  Texture tex_;
  Renderbuffer msaa_rb_;
};

}  // namespace cm::gl
