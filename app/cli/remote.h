// chainmap --projects "PG:…" --layer [SCHEMA.]TABLE --remote --stats: the statistics of a registry
// left in PostGIS, asked of the database (data/postgis_source.h), printed as --stats prints them.
// Only the map (districts, parks) is loaded; the filter flags apply as usual.
#pragma once
#include "cli/options.h"

namespace cm {

// Exit status: 0, 1 (the map or the database failed; the message says which), 2 (a bad filter flag).
int runRemoteStats(const Options& opt);

}  // namespace cm
