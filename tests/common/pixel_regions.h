// Pixel-probing helpers for tests that read back a whole frame (a PNG the binary wrote, a frame a
// video writer produced, an in-process capture): regions of pixels that pass a predicate (e.g. the
// near-white panels of the interface) with a bounding box that ignores thin attachments, rows of
// text ink inside a box, and difference statistics between two frames of the same size.
// Everything works on plain RGBA buffers (top row first), so render, GUI and live tests can share it.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace cm::test {

// A view of an RGBA image, top row first.
struct Pixels {
  int w = 0, h = 0;
  const unsigned char* rgba = nullptr;
  const unsigned char* at(int x, int y) const { return rgba + (static_cast<size_t>(y) * w + x) * 4; }
  int luma(int x, int y) const {
    const unsigned char* p = at(x, y);
    return (p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000;
  }
  int minChannel(int x, int y) const {
    const unsigned char* p = at(x, y);
    return std::min({p[0], p[1], p[2]});
  }
};

// A pixel rectangle [x0, x1) × [y0, y1).
struct Box {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int width() const { return x1 - x0; }
  int height() const { return y1 - y0; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  bool contains(int x, int y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
  Box grown(int d) const { return {x0 - d, y0 - d, x1 + d, y1 + d}; }
  // True when the two rectangles share a pixel (or come closer than `gap` pixels).
  bool touches(const Box& o, int gap = 0) const {
    return x0 < o.x1 + gap && o.x0 < x1 + gap && y0 < o.y1 + gap && o.y0 < y1 + gap;
  }
  Box clipped(int w, int h) const { return {std::max(0, x0), std::max(0, y0), std::min(w, x1), std::min(h, y1)}; }
  std::string str() const {
    return "[" + std::to_string(x0) + "," + std::to_string(y0) + " – " + std::to_string(x1) + "," + std::to_string(y1) + " (" +
           std::to_string(width()) + "x" + std::to_string(height()) + ")]";
  }
};

struct Region {
  Box box;       // the region's core: rows and columns holding at least `core_share` of its widest row/column
  Box full;      // every pixel of it
  long pixels = 0;
};

// The 4-connected regions of pixels where pred(x, y) holds, with at least `min_pixels` pixels.
// `box` ignores thin attachments (a white label halo touching a panel): it spans the rows whose
// pixel count is at least core_share × the largest row count, and likewise the columns — a
// rectangle with text on it keeps its full extent (its padding rows and columns are whole).
template <class Pred>
std::vector<Region> regionsWhere(const Pixels& img, Pred pred, long min_pixels, double core_share = 0.5) {
  const int W = img.w, H = img.h;
  std::vector<int32_t> label(static_cast<size_t>(W) * H, -1);
  std::vector<Region> out;
  std::vector<int32_t> stack;
  std::vector<int> members;  // pixel indices of the current region
  int32_t next = 0;
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) {
      const size_t i0 = static_cast<size_t>(y) * W + x;
      if (label[i0] >= 0 || !pred(x, y)) continue;
      const int32_t id = next++;
      members.clear();
      stack.assign(1, static_cast<int32_t>(i0));
      label[i0] = id;
      while (!stack.empty()) {
        const int32_t i = stack.back();
        stack.pop_back();
        members.push_back(i);
        const int px = i % W, py = i / W;
        auto visit = [&](int nx, int ny) {
          if (nx < 0 || ny < 0 || nx >= W || ny >= H) return;
          const size_t j = static_cast<size_t>(ny) * W + nx;
          if (label[j] >= 0 || !pred(nx, ny)) return;
          label[j] = id;
          stack.push_back(static_cast<int32_t>(j));
        };
        visit(px + 1, py);
        visit(px - 1, py);
        visit(px, py + 1);
        visit(px, py - 1);
      }
      if (static_cast<long>(members.size()) < min_pixels) continue;
      Region r;
      r.pixels = static_cast<long>(members.size());
      r.full = {W, H, 0, 0};
      for (int i : members) {
        const int px = i % W, py = i / W;
        r.full.x0 = std::min(r.full.x0, px);
        r.full.y0 = std::min(r.full.y0, py);
        r.full.x1 = std::max(r.full.x1, px + 1);
        r.full.y1 = std::max(r.full.y1, py + 1);
      }
      std::vector<int> rows(r.full.height(), 0), cols(r.full.width(), 0);
      for (int i : members) {
        ++rows[i / W - r.full.y0];
        ++cols[i % W - r.full.x0];
      }
      auto core = [&](const std::vector<int>& c, int offset, int& lo, int& hi) {
        const int top = *std::max_element(c.begin(), c.end());
        const double need = core_share * top;
        lo = 0;
        while (lo < static_cast<int>(c.size()) && c[lo] < need) ++lo;
        hi = static_cast<int>(c.size()) - 1;
        while (hi > lo && c[hi] < need) --hi;
        lo += offset;
        hi += offset + 1;
      };
      core(rows, r.full.y0, r.box.y0, r.box.y1);
      core(cols, r.full.x0, r.box.x0, r.box.x1);
      out.push_back(r);
    }
  return out;
}

// Rows of ink inside `box`: runs of rows that hold at least one pixel with luma below `luma_below`;
// runs closer than `merge_gap` empty rows are one (an i's dot and its stem). Top first.
struct Run {
  int start = 0, length = 0;
  int end() const { return start + length; }
};
inline std::vector<Run> inkRows(const Pixels& img, Box box, int luma_below, int merge_gap = 0) {
  box = box.clipped(img.w, img.h);
  std::vector<Run> runs;
  for (int y = box.y0; y < box.y1; ++y) {
    bool ink = false;
    for (int x = box.x0; x < box.x1 && !ink; ++x) ink = img.luma(x, y) < luma_below;
    if (!ink) continue;
    if (!runs.empty() && y - runs.back().end() <= merge_gap) runs.back().length = y + 1 - runs.back().start;
    else runs.push_back({y, 1});
  }
  return runs;
}

// How two frames of the same size differ, per channel value |a − b|.
struct DiffStats {
  double mean = 0;         // mean |Δ| over every channel of every pixel
  double p99 = 0, p999 = 0;  // percentiles of |Δ| over channel values
  double share_over_40 = 0;  // share of pixels whose largest channel |Δ| exceeds 40
  int bias[3] = {0, 0, 0};   // the signed per-channel offset removed before measuring (see diffStats)
};

// `remove_bias`: first subtract each channel's median signed difference (clamped to ±4): the
// constant offset a video's YUV round trip adds to every pixel, which is not a difference of content.
inline DiffStats diffStats(const Pixels& a, const Pixels& b, bool remove_bias = false, const Box* only_outside = nullptr) {
  DiffStats s;
  if (a.w != b.w || a.h != b.h || !a.w) {
    s.mean = s.p99 = s.p999 = 1e9;
    s.share_over_40 = 1;
    return s;
  }
  const size_t n = static_cast<size_t>(a.w) * a.h;
  if (remove_bias) {
    for (int c = 0; c < 3; ++c) {
      std::vector<int> hist(511, 0);
      for (size_t i = 0; i < n; ++i) ++hist[a.rgba[i * 4 + c] - b.rgba[i * 4 + c] + 255];
      size_t acc = 0;
      int median = 0;
      for (int v = 0; v < 511; ++v)
        if ((acc += hist[v]) * 2 >= n) {
          median = v - 255;
          break;
        }
      s.bias[c] = std::clamp(median, -4, 4);
    }
  }
  std::vector<long> hist(256, 0);
  long over = 0, counted = 0;
  double sum = 0;
  for (int y = 0; y < a.h; ++y)
    for (int x = 0; x < a.w; ++x) {
      if (only_outside && only_outside->contains(x, y)) continue;
      const unsigned char *p = a.at(x, y), *q = b.at(x, y);
      int worst = 0;
      for (int c = 0; c < 3; ++c) {
        const int d = std::min(255, std::abs(p[c] - q[c] - s.bias[c]));
        ++hist[d];
        sum += d;
        worst = std::max(worst, d);
      }
      over += worst > 40;
      ++counted;
    }
  const long values = counted * 3;
  s.mean = values ? sum / values : 0;
  s.share_over_40 = counted ? static_cast<double>(over) / counted : 0;
  auto pct = [&](double q) {
    long acc = 0;
    for (int v = 0; v < 256; ++v)
      if ((acc += hist[v]) >= q * values) return static_cast<double>(v);
    return 255.0;
  };
  s.p99 = pct(0.99);
  s.p999 = pct(0.999);
  return s;
}

inline std::string str(const DiffStats& s) {
  char b[160];
  std::snprintf(b, sizeof b, "mean |Δ| %.3f, p99 %.0f, p99.9 %.0f, %.3f%% of pixels off by > 40 (bias %d,%d,%d removed)", s.mean, s.p99,
                s.p999, 100 * s.share_over_40, s.bias[0], s.bias[1], s.bias[2]);
  return b;
}

}  // namespace cm::test
