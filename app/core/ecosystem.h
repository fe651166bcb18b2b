// The five industrial ecosystems of FACTS.md plus "other"; ids, names and palette in one place.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cm {

enum class Ecosystem : uint8_t { Iot = 0, Bio, Equip, Mat, Energy, Other };
inline constexpr int kEcosystemCount = 6;       // the five chains' ecosystems and "other"
inline constexpr int kChainEcosystemCount = 5;  // the five ecosystems, without "other"
inline constexpr uint32_t kAllEcosystems = (1u << kEcosystemCount) - 1;

struct EcosystemInfo {
  std::string_view id, zh, en;
  uint32_t rgb;  // 0xRRGGBB
};

// Okabe–Ito colour-blind-safe palette; the legend and the shaders read these same values.
inline constexpr std::array<EcosystemInfo, kEcosystemCount> kEcosystems{{
    {"iot", "智能物联", "Smart IoT", 0x0072B2},
    {"bio", "生物医药", "Biomedicine", 0x009E73},
    {"equip", "高端装备", "High-end Equipment", 0xD55E00},
    {"mat", "新材料", "New Materials", 0xCC79A7},
    {"energy", "绿色能源", "Green Energy", 0xE69F00},
    {"other", "其他", "Other", 0x7F7F7F},
}};

inline const EcosystemInfo& info(Ecosystem e) { return kEcosystems[static_cast<int>(e)]; }

inline std::optional<Ecosystem> ecosystemFromId(std::string_view id) {
  for (int i = 0; i < kEcosystemCount; ++i)
    if (kEcosystems[i].id == id) return static_cast<Ecosystem>(i);
  return std::nullopt;
}

}  // namespace cm
