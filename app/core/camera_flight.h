// Smooth zoom-and-pan between two map views: the optimal path of J. J. van Wijk and W. A. A. Nuij,
// "Smooth and efficient zooming and panning" (IEEE InfoVis 2003). The path zooms out while it
// travels when the two views are far apart (relative to their widths) and simply glides when they
// are close; a flight between two views with the same centre is a pure zoom (the paper's special
// case). Pure math, no GL: the viewer turns a pose into its View (centre, units per pixel).
#pragma once

namespace cm {

// A map view: its centre and the visible width, in display-CRS metres.
struct CameraPose {
  double cx = 0, cy = 0;
  double width = 1;
};

class CameraFlight {
 public:
  // rho trades zooming against panning: sqrt(2) is the value the paper's user study preferred.
  // Widths are clamped to a tiny positive value; a non-positive or non-finite rho means sqrt(2).
  CameraFlight(CameraPose from, CameraPose to, double rho = 1.41421356237);

  // The pose at t in [0,1] (clamped), t proportional to the path length: `from` exactly at 0,
  // `to` exactly at 1. Drive t with easeInOut(elapsed / duration) for a gentle start and stop.
  CameraPose at(double t) const;

  // The path length S of the paper (in units of "screen widths"; 0 for identical poses). A
  // flight's duration can be taken proportional to it (the paper: V = S / duration).
  double length() const { return S_; }

 private:
  CameraPose from_, to_;
  double rho_;
  double u1_ = 0;          // distance between the centres
  double dx_ = 0, dy_ = 0; // unit direction from `from` to `to` (0,0 when the centres coincide)
  double r0_ = 0;          // the paper's r0 (general case)
  double S_ = 0;           // the path length
  bool pure_zoom_ = false; // centres (practically) coincide: w(s) = w0 exp(k rho s)
};

// Smoothstep easing 3t² − 2t³ on t clamped to [0,1]: 0 → 0, 1 → 1, zero speed at both ends,
// symmetric (easeInOut(1 − t) = 1 − easeInOut(t)), monotonic.
double easeInOut(double t);

}  // namespace cm
