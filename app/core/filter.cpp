#include "core/filter.h"

#include "core/dates.h"

namespace cm {

int projectMonth(const Projects& p, size_t i) { return monthOfDay(p.signed_day[i]); }

}  // namespace cm
