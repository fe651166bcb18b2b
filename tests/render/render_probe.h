// Helpers for render tests: run the real chainmap binary offscreen (no display needed: EGL
// surfaceless) and read its PNG back.
#pragma once
#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "pixel_regions.h"

namespace cm::test {

struct Image {
  int w = 0, h = 0;
  std::vector<unsigned char> rgba;
  struct Px { int r, g, b; };
  Px at(int x, int y) const {
    const unsigned char* p = &rgba[(static_cast<size_t>(y) * w + x) * 4];
    return {p[0], p[1], p[2]};
  }
  static int luma(Px p) { return (p.r * 299 + p.g * 587 + p.b * 114) / 1000; }
};

// Runs chainmap with `args` plus --screenshot; returns the image (empty on failure).
inline Image renderShot(const std::string& name, const std::string& args) {
  const std::string png = ::testing::TempDir() + "chainmap_" + name + ".png";
  std::remove(png.c_str());
  const std::string cmd = std::string(CHAINMAP_EXE) + " --data " CHAINMAP_TEST_DATA " " + args + " --screenshot " + png +
                          " 2>" + ::testing::TempDir() + "chainmap_" + name + ".log";
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(rc, 0) << cmd;
  Image img;
  int n = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> data(stbi_load(png.c_str(), &img.w, &img.h, &n, 4), stbi_image_free);
  EXPECT_TRUE(data) << "no PNG written: " << png;
  if (data) img.rgba.assign(data.get(), data.get() + static_cast<size_t>(img.w) * img.h * 4);
  return img;
}

// How far two colours are apart (the sum of the channels' differences).
inline int distance(Image::Px a, Image::Px b) { return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b); }

// The image as the region probes (pixel_regions.h) read it.
inline Pixels pixels(const Image& img) { return {img.w, img.h, img.rgba.data()}; }

}  // namespace cm::test
