// `--analyze chains`: chain leaders and their followers (core/analysis/chains.h, the window's
// chain arcs and chain view).
//   {analysis, leader (when --leader: {id, name_zh, name_en, chain, chain_leader, followers}),
//    arcs: [{leader, follower, chain, role, distance_m}], arcs_by_role {upstream, midstream,
//    downstream, unknown}, chains: [{chain, main_park (null), count, leaders, followers,
//    median_to_leader_m, median_to_main_park_m, members (when the chain was asked for by --chain
//    or --leader): [{id, role, chain_leader, leader (null), to_leader_m, to_main_park_m}]}]}
#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "core/analysis/chains.h"
#include "data/analysis_reports/analysis_command.h"

namespace cm {

AnalysisCommand chainsCommand();
nlohmann::json chainsJson(const Model& m, const std::vector<ChainArc>& arcs, const std::vector<ChainView>& views, bool members,
                          int leader_row);

}  // namespace cm
