// Internals shared by generator.cpp (placement, names, writing, scale sets) and
// generator_sample.cpp (the calibrated sample). Not part of the public interface.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/model.h"
#include "geo/geos_ops.h"

namespace cm::gen {

// splitmix64: tiny, fast, and the same sequence on every compiler and standard library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double uniform(double a, double b) { return a + (b - a) * uniform(); }
  int below(int n) { return static_cast<int>(uniform() * n); }  // [0, n)
  bool chance(double p) { return uniform() < p; }
  double normal() {  // Box-Muller
    const double u = 1.0 - uniform(), v = uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
  }
  int weighted(const std::vector<double>& w) {
    double total = 0;
    for (double x : w) total += x;
    double r = uniform() * total;
    for (size_t i = 0; i < w.size(); ++i) {
      if (r < w[i]) return static_cast<int>(i);
      r -= w[i];
    }
    return static_cast<int>(w.size()) - 1;
  }
  template <class T>
  void shuffle(std::vector<T>& v) {  // Fisher-Yates with our own index draws
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[static_cast<size_t>(below(static_cast<int>(i)))]);
  }

 private:
  uint64_t s_;
};

struct Row {
  uint64_t seq = 0;  // creation order; ids follow (signed_day, seq)
  int chain = 0;     // index into kChains
  bool service = false;
  double inv = 1;    // 亿元, two decimals
  int32_t signed_day = 0, started_day = Projects::kNoDay;
  int32_t producing_day = Projects::kNoDay;  // drawn from its own stream (Context::setProducing)
  int stage = kStageSigned;
  int district = 0;  // index into districts
  int park = -1;     // index into parks
  double lon = 0, lat = 0;
  int foreign = -1;  // index into kForeign
  double fdi = 0;    // M USD
  bool leader = false;
  int64_t leader_seq = -1;
  Channel channel = Channel::Other;
  ChainRole role = ChainRole::Unknown;  // drawn from its own stream (Context::setRole)
  uint64_t name_key = 0;
  Ecosystem eco() const { return kChains[chain].ecosystem; }
};

inline constexpr const char* kForeign[] = {"Hong Kong", "Singapore", "Germany", "France", "Italy",
                                           "USA", "Japan", "South Korea", "Greece", "United Kingdom"};
inline constexpr int kForeignCount = 10;

class Context {
 public:
  Context(const std::vector<District>& d, const std::vector<Park>& p, uint64_t seed);
  const std::vector<District>& districts;
  const std::vector<Park>& parks;
  Rng rng;

  int parkIndex(const std::string& id) const;
  int districtIndex(int adcode) const;
  int chainIndex(const char* id) const;

  // Random choices with the sample's weights.
  Ecosystem pickEcosystem(bool allow_other);
  int pickChain(Ecosystem e);                 // never water_beverages (placed by hand)
  int pickPark(int chain, double match_share);  // the park's main ecosystem matches with that share
  int pickDistrict();
  double logUniform(double a, double b);      // rounded to 0.01, in [a, b)
  int32_t pickDay(int month_from, int month_to);
  int pickForeign() { return rng.below(kForeignCount); }

  // Sets lon/lat (and district): inside the park's catchment and its district, or inside the district.
  void placeInPark(Row& r, int park);
  void placeInDistrict(Row& r, int district);
  // Started date and stage from the signing date, as of `as_of`; then the producing date
  // (setProducing).
  void setProgress(Row& r, int32_t as_of);
  // The producing (投产) date, consistent with the stage already drawn: a project in operation or
  // full production as of `as_of` went into production on or before it; one under construction or
  // completed has none yet (the data's as-of date knows no future), nor has one never started.
  // Drawn from a per-row stream seeded by (seed, seq), not from `rng`: no other draw shifts, so
  // every other column of the sample is what it was before this date existed.
  void setProducing(Row& r, int32_t as_of) const;
  // The chain role (上游/中游/下游): a leader is midstream; a follower is upstream or downstream of
  // its leader by where the two chains sit (materials and parts, core products, equipment and
  // systems, applications and services), drawn when they sit level; any other project by its
  // chain's place, with one in ten left unknown. Drawn from a per-row stream seeded by
  // (seed, seq), like setProducing: no other column of the sample moves. `leader_chain` is the
  // followed leader's chain (index into kChains), or -1.
  void setRole(Row& r, int leader_chain) const;

 private:
  Rng rowStream(uint64_t salt, uint64_t seq) const;
  uint64_t seed_;
  std::unique_ptr<PolygonSet> polys_;
  std::vector<int> park_district_;
  std::vector<std::vector<Vec2>> anchors_;  // per district: park points and a label point
};

// Writes one CSV row (no trailing newline handling beyond '\n').
void writeRow(std::string& out, const Row& r, const std::string& id, const std::string& leader_id,
              const std::vector<District>& districts, const std::vector<Park>& parks);
std::string projectId(uint64_t n, int width);

// The calibrated sample (generator_sample.cpp).
std::vector<Row> calibratedSample(Context& ctx);

}  // namespace cm::gen
