// How a project's filter attributes travel to the GPU: three 32-bit words a project (with its
// position and value, 24 bytes a sprite vertex), laid out by one table. The CPU packs with packFilterWords(); the points shader receives the same table as
// #defines (shaderDefines(), prepended when the shader is compiled), so CPU and GPU cannot drift.
#pragma once
#include <array>
#include <cstdint>
#include <string>

#include "core/model.h"

namespace cm {

struct BitField {
  const char* name;  // the shader sees NAME_WORD, NAME_SHIFT, NAME_MASK
  int word, shift, width;
};

inline constexpr std::array<BitField, 10> kFilterBits{{
    {"ECO", 0, 0, 3},
    {"SECTOR", 0, 3, 2},     // Sector: 0 manufacturing, 1 service, 2 unknown
    {"INPARK", 0, 5, 1},
    {"APPROX", 0, 6, 1},     // the location is approximate (at its park, or inside its district)
    {"MONTH", 0, 16, 16},    // signing month, year*12 + month-1 (years 0..5461); kNoMonth: undated
    {"DISTRICT", 1, 0, 16},  // index into Model::districts; kNoId when unknown
    {"CHAIN", 1, 16, 16},    // index into Projects::chain_names
    {"STARTED", 2, 0, 16},   // month construction started (life-cycle drawing); kNoMonth: not yet
    {"PRODUCING", 2, 16, 16},  // month production started; kNoMonth: not yet
    {"FOREIGN", 0, 7, 1},    // foreign-invested (foreignInvested, core/filter.h)
}};
// The table is checked where it is written: every field inside its word, no two fields sharing a
// bit, and the enums' largest values fit their fields.
inline constexpr bool filterBitsFit() {
  std::array<uint32_t, 3> used{};
  for (const BitField& f : kFilterBits) {
    if (f.word < 0 || f.word >= 3 || f.width < 1 || f.shift < 0 || f.shift + f.width > 32) return false;
    const uint32_t bits = (f.width == 32 ? ~0u : (1u << f.width) - 1) << f.shift;
    if (used[f.word] & bits) return false;
    used[f.word] |= bits;
  }
  return true;
}
static_assert(filterBitsFit(), "core/filter_bits.h: a field overlaps another or leaves its word");
static_assert(kEcosystemCount <= (1 << kFilterBits[0].width) && kSectorCount <= (1 << kFilterBits[1].width),
              "ECO or SECTOR too narrow for its enum");
inline constexpr uint32_t kNoMonth = 0xFFFF;  // a stage date the project does not have
inline constexpr int kMaxMonth = 0xFFFF;  // month windows are clamped to 0..kMaxMonth on the GPU
inline constexpr uint32_t kNoId = 0xFFFF;  // an index that no narrowed set contains
inline constexpr int kMaxIds = 0xFFFF;     // chains and districts the GPU can tell apart

using FilterWords = std::array<uint32_t, 3>;

FilterWords packFilterWords(const Projects& p, size_t i);
// A sprite that is not a project row (a bubble): ecosystem only, month 0, every id unknown.
FilterWords packEcosystemOnly(Ecosystem e);
// The value of `field` in packed words (for tests and debugging).
uint32_t unpackField(const FilterWords& w, const BitField& field);
// "#define ECO_WORD 0\n#define ECO_SHIFT 0u\n#define ECO_MASK 7u\n..." plus NO_ID.
std::string shaderDefines();

}  // namespace cm
