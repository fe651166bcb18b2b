// CameraFlight (van Wijk & Nuij 2003): exact ends, monotonic progress, the pure-zoom case, zooming
// out on long flights only, the path length, and finite poses for tiny and huge distances.
#include <gtest/gtest.h>

#include <cmath>

#include "core/camera_flight.h"

using namespace cm;

namespace {

bool finitePose(const CameraPose& p) {
  return std::isfinite(p.cx) && std::isfinite(p.cy) && std::isfinite(p.width) && p.width > 0;
}

double dist(const CameraPose& a, const CameraPose& b) { return std::hypot(b.cx - a.cx, b.cy - a.cy); }

}  // namespace

TEST(CameraFlight, EndsAreExact) {
  const CameraPose a{13'300'000.5, 3'500'000.25, 230'000}, b{13'340'000.75, 3'540'000.125, 30'000};
  const CameraFlight f(a, b);
  for (double t : {0.0, -1.0, -1e300}) {
    const CameraPose p = f.at(t);
    EXPECT_EQ(p.cx, a.cx);
    EXPECT_EQ(p.cy, a.cy);
    EXPECT_EQ(p.width, a.width);
  }
  for (double t : {1.0, 1.5, 1e300}) {
    const CameraPose p = f.at(t);
    EXPECT_EQ(p.cx, b.cx);
    EXPECT_EQ(p.cy, b.cy);
    EXPECT_EQ(p.width, b.width);
  }
  // NaN counts as the start, never as a NaN pose.
  EXPECT_EQ(f.at(std::nan("")).cx, a.cx);
  // And the path arrives where it should: just before the end it is already next to `to`.
  const CameraPose near_end = f.at(1 - 1e-9);
  EXPECT_NEAR(near_end.cx, b.cx, 1.0);
  EXPECT_NEAR(near_end.cy, b.cy, 1.0);
  EXPECT_NEAR(near_end.width, b.width, 1.0);
  const CameraPose near_start = f.at(1e-9);
  EXPECT_NEAR(near_start.cx, a.cx, 1.0);
  EXPECT_NEAR(near_start.width, a.width, 1.0);
}

TEST(CameraFlight, ProgressIsMonotonicAndOnTheLine) {
  const CameraPose a{0, 0, 20'000}, b{120'000, -50'000, 5'000};
  const CameraFlight f(a, b);
  const double total = dist(a, b);
  double last = -1;
  for (int i = 0; i <= 1000; ++i) {
    const CameraPose p = f.at(i / 1000.0);
    ASSERT_TRUE(finitePose(p)) << i;
    const double d = dist(a, p);
    EXPECT_GE(d, last - 1e-6) << "step " << i;  // never moves back
    last = d;
    // The centre stays on the segment from a to b.
    const double cross = (b.cx - a.cx) * (p.cy - a.cy) - (b.cy - a.cy) * (p.cx - a.cx);
    EXPECT_NEAR(cross / total, 0, 1e-6) << i;
    EXPECT_LE(d, total + 1e-6);
  }
  EXPECT_GT(f.length(), 0);
}

TEST(CameraFlight, PureZoomWhenCentresCoincide) {
  const CameraPose a{500'000, 3'300'000, 200'000}, b{500'000, 3'300'000, 2'000};
  const double rho = std::sqrt(2.0);
  const CameraFlight f(a, b, rho);
  // The paper's special case: S = |ln(w1/w0)| / rho, w(s) = w0 exp(k rho s).
  EXPECT_NEAR(f.length(), std::log(100.0) / rho, 1e-12);
  double last = a.width;
  for (int i = 1; i <= 100; ++i) {
    const double t = i / 100.0;
    const CameraPose p = f.at(t);
    EXPECT_EQ(p.cx, a.cx);
    EXPECT_EQ(p.cy, a.cy);
    EXPECT_LT(p.width, last);  // zooms in all the way, never out
    last = p.width;
    EXPECT_NEAR(p.width, a.width * std::pow(b.width / a.width, t), 1e-6 * a.width) << t;  // geometric
  }
  // Zooming out is the mirror image.
  const CameraFlight back(b, a, rho);
  EXPECT_NEAR(back.length(), f.length(), 1e-12);
  EXPECT_NEAR(back.at(0.5).width, f.at(0.5).width, 1e-6);
  EXPECT_NEAR(f.at(0.5).width, 20'000, 1e-6);  // the geometric mean
}

TEST(CameraFlight, IdenticalPosesStayPut) {
  const CameraPose a{1, 2, 3};
  const CameraFlight f(a, a);
  EXPECT_EQ(f.length(), 0);
  for (double t : {0.0, 0.25, 0.5, 1.0}) {
    const CameraPose p = f.at(t);
    EXPECT_EQ(p.cx, 1);
    EXPECT_EQ(p.cy, 2);
    EXPECT_EQ(p.width, 3);
  }
}

TEST(CameraFlight, LongFlightZoomsOutShortOneNeedNot) {
  // Across the city between two close-ups (30 km wide views, 150 km apart): out, then in.
  const CameraFlight long_flight({0, 0, 30'000}, {150'000, 0, 30'000});
  const double mid = long_flight.at(0.5).width;
  EXPECT_GT(mid, 30'000 * 1.5);
  // Symmetric: the widest view is half way.
  EXPECT_NEAR(long_flight.at(0.4).width, long_flight.at(0.6).width, 1e-6 * mid);
  EXPECT_GT(mid, long_flight.at(0.4).width);

  // From the whole city to a county a few km off-centre: the path only zooms in.
  const CameraPose city{0, 0, 230'000}, county{8'000, -5'000, 30'000};
  const CameraFlight short_flight(city, county);
  double last = city.width;
  for (int i = 1; i <= 100; ++i) {
    const double w = short_flight.at(i / 100.0).width;
    EXPECT_LE(w, last * (1 + 1e-12)) << i;
    last = w;
  }
  EXPECT_LT(short_flight.at(0.5).width, city.width);
  EXPECT_GT(short_flight.at(0.5).width, county.width);

  // A long flight is longer than a short one (durations are taken from length()).
  EXPECT_GT(long_flight.length(), CameraFlight({0, 0, 30'000}, {10'000, 0, 30'000}).length());
}

TEST(CameraFlight, MatchesThePaperFormulas) {
  // u(s), w(s) from the paper's closed form, evaluated directly for moderate values.
  const double w0 = 10, w1 = 4, u1 = 50, rho = std::sqrt(2.0);
  const double rho2 = rho * rho, rho4 = rho2 * rho2;
  const double b0 = (w1 * w1 - w0 * w0 + rho4 * u1 * u1) / (2 * w0 * rho2 * u1);
  const double b1 = (w1 * w1 - w0 * w0 - rho4 * u1 * u1) / (2 * w1 * rho2 * u1);
  const double r0 = std::log(-b0 + std::sqrt(b0 * b0 + 1)), r1 = std::log(-b1 + std::sqrt(b1 * b1 + 1));
  const double S = (r1 - r0) / rho;
  const CameraFlight f({0, 0, w0}, {0, u1, w1}, rho);
  EXPECT_NEAR(f.length(), S, 1e-12);
  for (double t : {0.1, 0.3, 0.5, 0.7, 0.9}) {
    const double s = t * S;
    const double u = w0 / rho2 * (std::cosh(r0) * std::tanh(rho * s + r0) - std::sinh(r0));
    const double w = w0 * std::cosh(r0) / std::cosh(rho * s + r0);
    const CameraPose p = f.at(t);
    EXPECT_NEAR(p.cx, 0, 1e-12);
    EXPECT_NEAR(p.cy, u, 1e-9) << t;
    EXPECT_NEAR(p.width, w, 1e-9) << t;
  }
}

TEST(CameraFlight, NoNaNForTinyOrHugeDistances) {
  const CameraPose base{13'000'000, 3'400'000, 50'000};
  for (double d : {0.0, 1e-12, 1e-6, 1e-3, 1.0, 1e3, 1e6, 1e9, 1e15, 1e100}) {
    for (double w1 : {1e-6, 1.0, 50'000.0, 1e9}) {
      const CameraPose to{base.cx + d, base.cy - d / 2, w1};
      const CameraFlight f(base, to);
      ASSERT_TRUE(std::isfinite(f.length())) << d << " " << w1;
      ASSERT_GE(f.length(), 0);
      double last = -1;
      for (int i = 0; i <= 50; ++i) {
        const CameraPose p = f.at(i / 50.0);
        ASSERT_TRUE(finitePose(p)) << "d=" << d << " w1=" << w1 << " i=" << i;
        const double moved = dist(base, p);
        EXPECT_GE(moved, last - 1e-9 * (1 + moved)) << "d=" << d << " w1=" << w1 << " i=" << i;
        last = moved;
      }
      const CameraPose end = f.at(1);
      EXPECT_EQ(end.cx, to.cx);
      EXPECT_EQ(end.width, to.width);
    }
  }
  // Degenerate widths are clamped, never NaN.
  const CameraFlight bad({0, 0, 0}, {100, 0, -5});
  for (double t : {0.0, 0.5, 1.0}) EXPECT_TRUE(finitePose(bad.at(t)));
  const CameraFlight bad_rho({0, 0, 10}, {100, 0, 10}, -1);
  EXPECT_TRUE(finitePose(bad_rho.at(0.5)));
  EXPECT_NEAR(bad_rho.length(), CameraFlight({0, 0, 10}, {100, 0, 10}, std::sqrt(2.0)).length(), 1e-12);
  // The default rho is sqrt(2) to 11 digits.
  EXPECT_NEAR(CameraFlight({0, 0, 10}, {100, 0, 10}).length(), bad_rho.length(), 1e-9);
}

TEST(CameraFlight, EaseInOut) {
  EXPECT_EQ(easeInOut(0), 0);
  EXPECT_EQ(easeInOut(1), 1);
  EXPECT_EQ(easeInOut(-3), 0);
  EXPECT_EQ(easeInOut(7), 1);
  EXPECT_EQ(easeInOut(std::nan("")), 0);
  EXPECT_DOUBLE_EQ(easeInOut(0.5), 0.5);
  double last = 0;
  for (int i = 1; i <= 100; ++i) {
    const double t = i / 100.0, e = easeInOut(t);
    EXPECT_GE(e, last);
    EXPECT_NEAR(easeInOut(1 - t), 1 - e, 1e-12);
    last = e;
  }
  // Gentle start and stop: slower than linear near the ends.
  EXPECT_LT(easeInOut(0.05), 0.05);
  EXPECT_GT(easeInOut(0.95), 0.95);
}
