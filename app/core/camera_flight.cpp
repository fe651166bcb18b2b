#include "core/camera_flight.h"

#include <algorithm>
#include <cmath>

namespace cm {

namespace {

constexpr double kMinWidth = 1e-9;  // metres; keeps logarithms and divisions finite

double sanitizeWidth(double w) { return std::isfinite(w) && w > kMinWidth ? w : (std::isinf(w) && w > 0 ? 1e300 : kMinWidth); }

// cosh(a) / cosh(b) without overflow for large |a|, |b|.
double coshRatio(double a, double b) {
  a = std::fabs(a);
  b = std::fabs(b);
  return std::exp(a - b) * (1 + std::exp(-2 * a)) / (1 + std::exp(-2 * b));
}

// sinh(p) / cosh(q) for p >= 0, without overflow.
double sinhOverCosh(double p, double q) {
  q = std::fabs(q);
  return std::exp(p - q) * (-std::expm1(-2 * p)) / (1 + std::exp(-2 * q));
}

}  // namespace

CameraFlight::CameraFlight(CameraPose from, CameraPose to, double rho)
    : from_(from), to_(to), rho_(std::isfinite(rho) && rho > 0 ? rho : std::sqrt(2.0)) {
  from_.width = sanitizeWidth(from_.width);
  to_.width = sanitizeWidth(to_.width);
  const double w0 = from_.width, w1 = to_.width;
  const double ddx = to_.cx - from_.cx, ddy = to_.cy - from_.cy;
  u1_ = std::hypot(ddx, ddy);
  if (!std::isfinite(u1_)) u1_ = 0;  // non-finite centres: nothing sensible to fly; jump at the end
  if (u1_ > 0) {
    dx_ = ddx / u1_;
    dy_ = ddy / u1_;
  }
  const double rho2 = rho_ * rho_;
  // The centres coincide, or nearly so relative to the views: the general formulas lose all
  // precision (b → ∞), and the path is the pure zoom of the paper's special case.
  if (u1_ <= 1e-9 * std::max(w0, w1)) {
    pure_zoom_ = true;
    S_ = std::fabs(std::log(w1 / w0)) / rho_;
    return;
  }
  // b_i = (w1² − w0² ± rho⁴ u1²) / (2 w_i rho² u1), r_i = ln(−b_i + sqrt(b_i² + 1)) = −asinh(b_i).
  // Written with ratios so that nothing overflows for huge distances or tiny widths.
  const double a = rho2 * u1_;  // rho² u1
  const double b0 = (w1 / a) * (w1 / (2 * w0)) - (w0 / a) * 0.5 + (a / w0) * 0.5;
  const double b1 = (w1 / a) * 0.5 - (w0 / a) * (w0 / (2 * w1)) - (a / w1) * 0.5;
  r0_ = -std::asinh(b0);
  const double r1 = -std::asinh(b1);
  S_ = (r1 - r0_) / rho_;
  if (!(S_ > 0) || !std::isfinite(S_)) {  // cannot happen for finite input; be safe
    pure_zoom_ = true;
    S_ = std::fabs(std::log(w1 / w0)) / rho_;
  }
}

CameraPose CameraFlight::at(double t) const {
  if (!(t > 0)) return from_;  // also NaN
  if (t >= 1) return to_;
  CameraPose p;
  const double s = t * S_;
  if (pure_zoom_) {
    // w(s) = w0 exp(k rho s), k = ±1; the (tiny or zero) centre offset follows the same fraction
    // of the log-zoom, so the flight still ends exactly on `to`.
    if (S_ > 0) {
      const double k = to_.width >= from_.width ? 1.0 : -1.0;
      p.width = from_.width * std::exp(k * rho_ * s);
    } else {
      p.width = from_.width;
    }
    p.cx = from_.cx + (to_.cx - from_.cx) * t;
    p.cy = from_.cy + (to_.cy - from_.cy) * t;
    return p;
  }
  const double rho2 = rho_ * rho_;
  const double q = rho_ * s + r0_;
  // u(s) = w0/rho² (cosh r0 tanh(rho s + r0) − sinh r0) = w0/rho² · sinh(rho s) / cosh(rho s + r0)
  // w(s) = w0 cosh r0 / cosh(rho s + r0)
  double u = from_.width / rho2 * sinhOverCosh(rho_ * s, q);
  u = std::clamp(u, 0.0, u1_);
  p.width = from_.width * coshRatio(r0_, q);
  p.cx = from_.cx + dx_ * u;
  p.cy = from_.cy + dy_ * u;
  return p;
}

double easeInOut(double t) {
  if (!(t > 0)) return 0;
  if (t >= 1) return 1;
  return t * t * (3 - 2 * t);
}

}  // namespace cm
