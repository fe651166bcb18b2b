#include "media/png_encode.h"

#include <png.h>

#include <csetjmp>
#include <vector>

namespace cm {

namespace {

void append(png_structp p, png_bytep data, png_size_t n) {
  static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<const char*>(data), n);
}
void flush(png_structp) {}
void quiet(png_structp, png_const_charp) {}  // errors come back as the Result, warnings go

}  // namespace

Result<std::string> encodePng(const unsigned char* rgba, int w, int h, const std::string& what) {
  using R = Result<std::string>;
  if (w <= 0 || h <= 0 || !rgba) return R::fail(fileError(what, "cannot encode an empty image as PNG"));
  // Everything with a destructor is made before setjmp: libpng's errors longjmp back here.
  std::string out;
  std::vector<png_bytep> rows(static_cast<size_t>(h));
  for (int y = 0; y < h; ++y) rows[y] = const_cast<png_bytep>(rgba + static_cast<size_t>(y) * w * 4);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, quiet);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_write_struct(&png, &info);
    return R::fail(fileError(what, "cannot encode the PNG (libpng: out of memory)"));
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return R::fail(fileError(what, "cannot encode the PNG (libpng failed)"));
  }
  png_set_write_fn(png, &out, append, flush);
  png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, 3);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info(png, info);
  png_set_filler(png, 0, PNG_FILLER_AFTER);  // the rows are RGBA; the fourth byte is skipped
  png_write_image(png, rows.data());
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return out;
}

}  // namespace cm
