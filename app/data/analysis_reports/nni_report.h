// `--analyze nni`: the nearest-neighbour index of the filtered projects, all and per ecosystem
// (core/analysis/nni.h, the window's dispersion window).
//   {analysis, area_km2, perimeter_km, groups: [{group ("all" | ecosystem id), n, observed_mean_m,
//    expected_mean_m, se_m, R, z, p, pattern, sentence_en, sentence_zh}]}
#pragma once
#include "data/analysis_reports/analysis_command.h"

namespace cm {

AnalysisCommand nniCommand();

}  // namespace cm
