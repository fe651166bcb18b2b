// The planner's analyses as features (ui/features/*.cpp register them): for each, its settings
// (part of the document, AppState::features), the one function that computes its figures — used
// by the window's derived product, the command line's --analyze, the analysis export and the
// benchmark alike — and its derived product (core/derived_product.h): computed from (model
// revision, filter, settings) only while something demands it, on a worker above
// kAsyncProductRows projects (the last result stays on screen meanwhile). GL-free.
#pragma once
#include <memory>
#include <optional>
#include <tuple>

#include "core/analysis/conformance.h"
#include "core/analysis/dbscan.h"
#include "core/analysis/density.h"
#include "core/analysis/hulls.h"
#include "core/analysis/nni.h"
#include "core/analysis/park_shapes.h"
#include "core/cached.h"
#include "core/derived_product.h"
#include "core/ids.h"
#include "core/strings.h"

namespace cm {

// ---- parks: what-if radii, a boundary layer, the conformance window ---------------------------

struct ParkSettings {
  bool window_open = false;            // the park conformance window
  std::vector<double> radius_km;       // what-if radius per park (empty or <= 0: the park's own)
  std::shared_ptr<const std::vector<MultiPolygon>> polygons;  // a loaded park boundary layer
  std::string polygons_file;
  bool operator==(const ParkSettings&) const = default;  // the polygons by identity: a new load is a change
};
ParkShapes parkShapes(const ParkSettings& s);
// The parks as loaded decide membership until a shape is changed (a what-if radius, a boundary
// layer): then location does. The one rule for the window, the command line and the export.
ParkMembership membershipFor(const ParkShapes& s);
Conformance conformanceAnalysis(const Model& m, const Filter& f, const ParkShapes& s, std::optional<ParkMembership> membership = {});

// One project's park under that rule, and why it is (not) in a park: the park it names in the
// ledger (Projects::park_index), the park whose shape holds its point (the nearest when several),
// and the park it counts for (declared: the named park when the point lies in its shape; location:
// the shape that holds it). parkStatusText says it in a card: "园区：X", or why not — "在 X 圈内，
// 但台账未登记园区" / "inside X's circle, but the ledger names no park", "台账登记 Y …".
struct ProjectParkStatus {
  ParkMembership rule = ParkMembership::Declared;
  int counted = -1;     // the park it counts for, -1 none
  int declared = -1;    // the ledger's park, -1 none
  int containing = -1;  // the nearest park whose shape holds the point, -1 none
  bool polygon = false; // `containing` (or else `declared`) has a drawn boundary, not a circle
};
ProjectParkStatus projectParkStatus(const Model& m, const ParkShapes& s, int row);
std::string parkStatusText(const Model& m, Lang L, const ProjectParkStatus& st);

class ParkShapesProduct final : public DerivedProduct {
 public:
  void update(const ProductInputs& in) override;
  const ParkShapes& shapes() const { return *shapes_; }
  uint64_t revision() const { return revision_; }  // changes with every new set of shapes
 private:
  std::optional<ParkSettings> key_;
  std::shared_ptr<const ParkShapes> shapes_ = std::make_shared<ParkShapes>();
  uint64_t revision_ = 0;
};

class ConformanceProduct final : public DerivedProduct {
 public:
  void update(const ProductInputs& in) override;
  const Conformance* get() const { return wanted_ && value_.has() ? &value_.get() : nullptr; }
  uint64_t revision() const { return value_.revision(); }
 private:
  bool wanted_ = false;
  Cached<std::tuple<uint64_t, Filter, uint64_t>, Conformance> value_;
};

// ---- clusters ---------------------------------------------------------------------------------

struct ClusterSettings {
  DbscanParams dbscan{1500, 4, true};  // eps metres, minPts, per ecosystem
  bool concave = false;                // concave hulls (else convex)
  bool operator==(const ClusterSettings& o) const {
    return dbscan.eps_m == o.dbscan.eps_m && dbscan.min_pts == o.dbscan.min_pts && dbscan.by_ecosystem == o.dbscan.by_ecosystem &&
           concave == o.concave;
  }
};
struct ClusterResult {
  DbscanResult result;
  std::vector<MultiPolygon> hulls;         // per cluster, display CRS
  std::vector<ClusterPark> parks;          // per cluster: the park it sits in (-1: emerging)
  std::vector<int> parks_without_cluster;  // parks with no cluster of their main industry
};
ClusterResult clusterAnalysis(const Model& m, const Filter& f, const ClusterSettings& s, const ParkShapes& shapes,
                              TaskControl* control = nullptr);

class ClusterProduct final : public DerivedProduct {
 public:
  void update(const ProductInputs& in) override;
  bool pending() const override { return value_.pending(); }
  float progress() const override { return value_.progress(); }
  void wait() override { value_.wait(); }
  const ClusterResult* get() const { return wanted_ && value_.key() ? &value_.get() : nullptr; }
  uint64_t revision() const { return value_.revision(); }
 private:
  bool wanted_ = false;
  AsyncCached<std::tuple<uint64_t, Filter, ClusterSettings, uint64_t>, ClusterResult> value_;
};

// ---- density (the heatmap) --------------------------------------------------------------------

struct DensitySettings {
  DensityParams params;
  bool operator==(const DensitySettings& o) const {
    return params.bandwidth_m == o.params.bandwidth_m && params.weight_investment == o.params.weight_investment &&
           params.cell_m == o.params.cell_m;
  }
};
struct DensityResult {
  DensityGrid grid;
  std::vector<float> breaks;  // colour classes (per km²)
  bool weight_investment = false;
};
// Over the districts' extent (or the filtered projects' when there are no districts); an invalid
// grid (w = 0) when there is no area at all.
DensityResult densityAnalysis(const Model& m, const Filter& f, const DensityParams& p, TaskControl* control = nullptr);

class DensityProduct final : public DerivedProduct {
 public:
  void update(const ProductInputs& in) override;
  bool pending() const override { return value_.pending(); }
  float progress() const override { return value_.progress(); }
  void wait() override { value_.wait(); }
  const DensityResult* get() const { return wanted_ && value_.key() ? &value_.get() : nullptr; }
  uint64_t revision() const { return value_.revision(); }
 private:
  bool wanted_ = false;
  AsyncCached<std::tuple<uint64_t, Filter, double, bool, double>, DensityResult> value_;
};

// ---- dispersion (the nearest-neighbour index) -------------------------------------------------

struct NniSettings {
  bool window_open = false;
  bool operator==(const NniSettings&) const = default;
};

class NniProduct final : public DerivedProduct {
 public:
  void update(const ProductInputs& in) override;
  bool pending() const override { return value_.pending(); }
  float progress() const override { return value_.progress(); }
  void wait() override { value_.wait(); }
  const NniResult* get() const { return wanted_ && value_.key() ? &value_.get() : nullptr; }
 private:
  bool wanted_ = false;
  AsyncCached<std::tuple<uint64_t, Filter>, NniResult> value_;
};

// ---- one chain across the city ----------------------------------------------------------------

struct ChainSettings {
  int chain_view = -1;  // Projects::chain_names index, -1 none
  bool operator==(const ChainSettings&) const = default;
};

}  // namespace cm
