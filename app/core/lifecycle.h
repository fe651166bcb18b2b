// Where a project stands in its life cycle on a given day, from its three dates — for "life-cycle
// playback": at time t the viewer draws each project by its stage then (signed: a ring, under
// construction: half, producing: full). GL-free.
//
// The three dates (core/model.h, days since 1970-01-01; started and producing may be kNoDay):
//   signed_day     签约  the signing date (always set)
//   started_day    开工  start of construction
//   producing_day  投产  start of production / operation
// Rules, in this order, for a day d:
//   d < signed                                  → NotYetSigned
//   no start date, or d < start                 → Signed
//   no producing date, or d < producing         → UnderConstruction
//   otherwise                                   → Producing
// A producing date without a start date counts as started at production (the project goes from
// Signed straight to Producing on that day). Dates out of order in a source are taken as they
// are: a producing date before the start date makes the project Producing from its start.
// The `stage` column (0..11, the current stage as of the data) is not consulted: it says where a
// project is now, the dates say when it got there.
#pragma once
#include <cstddef>
#include <cstdint>

#include "core/filter.h"
#include "core/model.h"

namespace cm {

enum class LifeStage : uint8_t { NotYetSigned, Signed, UnderConstruction, Producing };

// The stage of project `row` on `day` by the rules above. Rows beyond a (partially built)
// started_day / producing_day column read as having no such date.
LifeStage lifeStageAt(const Projects& p, size_t row, int32_t day);

struct LifeStageCounts {
  int64_t signed_only = 0, under_construction = 0, producing = 0;
  double investment_yi[3] = {};  // 亿元: [0] signed only, [1] under construction, [2] producing
  int64_t total() const { return signed_only + under_construction + producing; }
};

// The projects that pass the filter's attributes AND were signed within its month window
// (f.month_from..f.month_to, month index year*12+month-1, inclusive), counted by their stage on
// `day`. Projects of the window not yet signed on `day` are not counted. O(rows).
LifeStageCounts lifeStageCounts(const Model& m, const Filter& f, int32_t day);

}  // namespace cm
