// The known industrial chains (each under one ecosystem) and the 12 project life-cycle stages.
// Chain ids are what the projects CSV stores; the loader keeps this order for chain indices so a
// chain keeps its index (and its filter bit) whatever file is loaded.
#pragma once
#include <array>
#include <optional>
#include <string_view>

#include "core/ecosystem.h"

namespace cm {

struct ChainInfo {
  std::string_view id, zh, en;
  Ecosystem ecosystem;
};

inline constexpr std::array<ChainInfo, 25> kChains{{
    {"visual_intelligence", "视觉智能", "Visual intelligence", Ecosystem::Iot},
    {"integrated_circuits", "集成电路", "Integrated circuits", Ecosystem::Iot},
    {"network_communication", "网络通信", "Network communication", Ecosystem::Iot},
    {"smart_computing", "智能计算", "Smart computing", Ecosystem::Iot},
    {"smart_sensors", "智能传感", "Smart sensors", Ecosystem::Iot},
    {"software_services", "软件与信息服务", "Software and IT services", Ecosystem::Iot},
    {"synthetic_biology", "合成生物", "Synthetic biology", Ecosystem::Bio},
    {"chemical_drugs", "化学药", "Chemical drugs", Ecosystem::Bio},
    {"biologics", "生物药", "Biologics", Ecosystem::Bio},
    {"medical_devices", "医疗器械", "Medical devices", Ecosystem::Bio},
    {"modern_chinese_medicine", "现代中药", "Modern Chinese medicine", Ecosystem::Bio},
    {"intelligent_robotics", "智能机器人", "Intelligent robotics", Ecosystem::Equip},
    {"new_energy_vehicles", "新能源汽车", "New-energy vehicles", Ecosystem::Equip},
    {"aerospace", "航空航天", "Aerospace", Ecosystem::Equip},
    {"intelligent_equipment", "智能装备", "Intelligent equipment", Ecosystem::Equip},
    {"semiconductor_materials", "半导体材料", "Semiconductor materials", Ecosystem::Mat},
    {"advanced_fibres", "高性能纤维及复合材料", "High-performance fibres and composites", Ecosystem::Mat},
    {"fine_chemicals", "精细化工新材料", "Fine-chemical materials", Ecosystem::Mat},
    {"photovoltaics", "光伏", "Photovoltaics", Ecosystem::Energy},
    {"energy_storage", "新型储能", "Energy storage", Ecosystem::Energy},
    {"hydrogen", "氢能", "Hydrogen", Ecosystem::Energy},
    {"smart_grid", "智能电网", "Smart grid", Ecosystem::Energy},
    {"water_beverages", "水饮料", "Water beverages", Ecosystem::Other},
    {"modern_textiles", "现代纺织", "Modern textiles", Ecosystem::Other},
    {"modern_logistics", "现代物流", "Modern logistics", Ecosystem::Other},
}};

inline std::optional<int> chainFromId(std::string_view id) {
  for (size_t i = 0; i < kChains.size(); ++i)
    if (kChains[i].id == id) return static_cast<int>(i);
  return std::nullopt;
}

// The 12 life-cycle stages. FACTS.md: the report does not list them; this is the usual sequence,
// an assumption labelled as such.
struct StageInfo {
  std::string_view id, zh, en;
};
inline constexpr int kStageCount = 12;
inline constexpr int kStageSigned = 2;
inline constexpr int kStageConstructionStarted = 8;
inline constexpr int kStageInOperation = 10;  // 投产: production / operation has begun
inline constexpr std::array<StageInfo, kStageCount> kStages{{
    {"planning", "谋划", "Planning"},
    {"negotiation", "洽谈", "Negotiation"},
    {"signed", "签约", "Signed"},
    {"registered", "注册", "Registered"},
    {"land_supplied", "供地", "Land supplied"},
    {"approved", "立项", "Approved"},
    {"planning_permit", "规划许可", "Planning permit"},
    {"construction_permit", "施工许可", "Construction permit"},
    {"construction_started", "开工", "Construction started"},
    {"completed", "竣工", "Completed"},
    {"in_operation", "投产", "In operation"},
    {"full_production", "达产", "Full production"},
}};

inline std::optional<int> stageFromId(std::string_view id) {
  for (int i = 0; i < kStageCount; ++i)
    if (kStages[i].id == id) return i;
  return std::nullopt;
}

}  // namespace cm
