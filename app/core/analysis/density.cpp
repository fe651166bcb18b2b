#include "core/analysis/density.h"

#include <algorithm>
#include <cmath>

#include "core/analysis/ground.h"

namespace cm {

namespace {

bool cancelledNow(TaskControl* ctl) { return ctl && ctl->cancel.load(std::memory_order_relaxed); }

// 1 / (the part of the kernel centred on cell i that falls inside 0..n-1): scaling a cell's
// mass by it before a zero-padded convolution keeps that mass inside the grid.
std::vector<float> edgeRenormalisation(int n, const std::vector<float>& k, int r) {
  std::vector<float> inv(n, 1.f);
  for (int i = 0; i < n; ++i) {
    if (i >= r && i < n - r) continue;
    double s = 0;
    for (int t = -r; t <= r; ++t)
      if (i + t >= 0 && i + t < n) s += k[t + r];
    inv[i] = static_cast<float>(1.0 / s);
  }
  return inv;
}

}  // namespace

Extent districtsExtent(const Model& m) {
  Extent e;
  for (const District& d : m.districts)
    for (const Polygon& p : d.xy)
      if (!p.rings.empty())
        for (const Vec2& v : p.rings[0]) e.add(v);
  return e;
}

DensityGrid kernelDensity(const Model& m, const Filter& f, const DensityParams& prm, const Extent& area_in,
                          TaskControl* ctl) {
  DensityGrid g;
  const Projects& P = m.projects;
  g.ground_scale = groundScale(m);
  const double scale = g.ground_scale;
  const RowFilter pass(f);

  Extent area = area_in;
  if (!area.valid()) area = districtsExtent(m);
  if (!area.valid()) {
    for (size_t i = 0; i < P.size(); ++i)
      if (pass(P, i)) area.add({P.x[i], P.y[i]});
    if (!(area.maxx > area.minx)) { area.minx -= 1; area.maxx += 1; }
    if (!(area.maxy > area.miny)) { area.miny -= 1; area.maxy += 1; }
  }
  if (!area.valid()) return g;  // no points and no map

  const double sigma = std::max(prm.bandwidth_m, 1e-3) / scale;  // display units
  double cell = (prm.cell_m > 0 ? prm.cell_m : prm.bandwidth_m / 4) / scale;
  if (!(cell > 0)) cell = sigma / 4;
  const double margin = 3 * sigma;
  const double W = area.maxx - area.minx + 2 * margin, H = area.maxy - area.miny + 2 * margin;
  // At most ~1000 cells a side with the automatic size, 4096 with an explicit one.
  const double max_cells = prm.cell_m > 0 ? 4096 : 1000;
  cell = std::max({cell, W / max_cells, H / max_cells});
  g.cell_m = cell;
  g.w = std::max(1, static_cast<int>(std::ceil(W / cell)) + 2);  // +1 cell of slack each side
  g.h = std::max(1, static_cast<int>(std::ceil(H / cell)) + 2);
  g.x0 = area.minx - margin - cell;
  g.y0 = area.miny - margin - cell;
  const int w = g.w, h = g.h;

  // 1. Bilinear binning onto the cell centres (double, so a million small weights add exactly
  //    enough); targets beyond the outermost centres are clamped to them (mass stays).
  std::vector<double> bins(static_cast<size_t>(w) * h, 0.0);
  const double inv_cell = 1.0 / cell;
  const double gx1 = g.x0 + w * cell, gy1 = g.y0 + h * cell;
  const size_t n = P.size();
  for (size_t i = 0; i < n; ++i) {
    if ((i & 65535) == 0) {
      if (cancelledNow(ctl)) { DensityGrid c; c.cancelled = true; return c; }
      if (ctl) ctl->progress.store(0.5f * static_cast<float>(i) / static_cast<float>(n));
    }
    if (!pass(P, i)) continue;
    const double wgt = prm.weight_investment ? static_cast<double>(P.investment_yi[i]) : 1.0;
    const double x = P.x[i], y = P.y[i];
    if (!(x >= g.x0 && x < gx1 && y >= g.y0 && y < gy1)) {  // also NaN
      g.outside_weight += wgt;
      continue;
    }
    const double fx = (x - g.x0) * inv_cell - 0.5, fy = (y - g.y0) * inv_cell - 0.5;
    const double flx = std::floor(fx), fly = std::floor(fy);
    const double tx = fx - flx, ty = fy - fly;
    const int ix = static_cast<int>(flx), iy = static_cast<int>(fly);
    const int c0 = std::max(ix, 0), c1 = std::min(ix + 1, w - 1), r0 = std::max(iy, 0), r1 = std::min(iy + 1, h - 1);
    double* row0 = &bins[static_cast<size_t>(r0) * w];
    double* row1 = &bins[static_cast<size_t>(r1) * w];
    row0[c0] += wgt * (1 - tx) * (1 - ty);
    row0[c1] += wgt * tx * (1 - ty);
    row1[c0] += wgt * (1 - tx) * ty;
    row1[c1] += wgt * tx * ty;
    g.total_weight += wgt;
    ++g.points;
  }

  // 2. Separable Gaussian, σ in cells, truncated at 3σ, normalised to sum 1.
  const double s = sigma / cell;
  const int r = std::max(1, static_cast<int>(std::ceil(3 * s)));
  std::vector<float> k(2 * r + 1);
  double ksum = 0;
  for (int t = -r; t <= r; ++t) ksum += std::exp(-0.5 * t * t / (s * s));
  for (int t = -r; t <= r; ++t) k[t + r] = static_cast<float>(std::exp(-0.5 * t * t / (s * s)) / ksum);
  const std::vector<float> inv_x = edgeRenormalisation(w, k, r), inv_y = edgeRenormalisation(h, k, r);
  const float to_density = static_cast<float>(1.0 / g.cellAreaKm2());

  // Rows: a zero-padded copy of the row (scaled by the edge renormalisation), convolved.
  std::vector<float> tmp(static_cast<size_t>(w) * h, 0.f);
  std::vector<float> padded(w + 2 * r, 0.f);
  for (int y = 0; y < h; ++y) {
    if ((y & 31) == 0 && cancelledNow(ctl)) { DensityGrid c; c.cancelled = true; return c; }
    const double* in = &bins[static_cast<size_t>(y) * w];
    bool any = false;
    for (int x = 0; x < w; ++x) {
      padded[x + r] = static_cast<float>(in[x]) * inv_x[x];
      any |= in[x] != 0;
    }
    if (!any) continue;
    float* out = &tmp[static_cast<size_t>(y) * w];
    for (int t = 0; t <= 2 * r; ++t) {
      const float kt = k[t];
      const float* src = &padded[t];
      for (int x = 0; x < w; ++x) out[x] += kt * src[x];
    }
  }
  if (ctl) ctl->progress.store(0.75f);
  // Columns: each output row gathers the rows around it (whole rows at a time: contiguous).
  for (int y = 0; y < h; ++y) {
    const float sy = inv_y[y];
    if (sy != 1.f) {
      float* row = &tmp[static_cast<size_t>(y) * w];
      for (int x = 0; x < w; ++x) row[x] *= sy;
    }
  }
  g.value.assign(static_cast<size_t>(w) * h, 0.f);
  for (int y = 0; y < h; ++y) {
    if ((y & 31) == 0 && cancelledNow(ctl)) { DensityGrid c; c.cancelled = true; return c; }
    float* out = &g.value[static_cast<size_t>(y) * w];
    const int t0 = std::max(-r, -y), t1 = std::min(r, h - 1 - y);
    for (int t = t0; t <= t1; ++t) {
      const float kt = k[t + r] * to_density;
      const float* src = &tmp[static_cast<size_t>(y + t) * w];
      for (int x = 0; x < w; ++x) out[x] += kt * src[x];
    }
  }
  float mx = 0;
  for (float v : g.value) mx = std::max(mx, v);
  g.max_value = mx;
  if (ctl) ctl->progress.store(1.f);
  return g;
}

std::vector<float> densityBreaks(const DensityGrid& g, int classes, float floor_share) {
  std::vector<float> out;
  if (classes < 1 || !(g.max_value > 0)) return out;
  const float floor = g.max_value * std::max(0.f, floor_share);
  std::vector<float> v;
  v.reserve(g.value.size());
  for (float x : g.value)
    if (x > floor) v.push_back(x);
  if (v.empty()) return out;
  std::sort(v.begin(), v.end());
  for (int c = 1; c < classes; ++c) {
    const float q = v[std::min(v.size() - 1, static_cast<size_t>(double(c) / classes * v.size()))];
    if (out.empty() || q > out.back()) out.push_back(q);
  }
  if (out.empty() || g.max_value > out.back()) out.push_back(g.max_value);
  return out;
}

}  // namespace cm
