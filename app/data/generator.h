// The synthetic project generator behind `chainmap-gen`. Deterministic for a given seed on any
// platform: its own PRNG (splitmix64), its own shuffles and picks, no std::*_distribution.
//   count == 0: the calibrated sample (assets/hangzhou/projects_sample.csv), whose statistics
//               reproduce every figure of the report (see generator_sample.cpp);
//   count  > 0: a scale set of `count` rows with the same fields and realistic clustering.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/model.h"
#include "platform/result.h"

namespace cm {

inline constexpr uint64_t kSampleSeed = 20240731;

struct GeneratorOptions {
  uint64_t seed = kSampleSeed;
  size_t count = 0;
};

// The CSV header the generator writes and the loader reads.
inline constexpr const char* kProjectsCsvHeader =
    "id,name_zh,name_en,ecosystem,chain,sector,investment_yi,signed_date,started_date,producing_date,stage,district,"
    "park_id,lon,lat,foreign,fdi_musd,chain_leader,leader_id,channel,synthetic,chain_role";

// Writes the CSV to out_path; returns the number of rows written. Parks need main_ecosystem and
// radius_km; districts give the polygons points are drawn in (District::ll).
Result<size_t> generateProjects(const std::string& out_path, const GeneratorOptions& opt,
                                const std::vector<District>& districts, const std::vector<Park>& parks);

}  // namespace cm
