// chainmap --projects "PG:…" --layer [SCHEMA.]TABLE --remote --stats: the statistics of a registry
// left in PostGIS, asked of the database (data/postgis_source.h), printed as --stats prints them.
// Only the map (districts, parks) is loaded; the filter flags apply as usual.
// The window (--remote without --stats) starts in main.cpp with the base map alone and this
// source; App::setRemote (ui/app_remote.cpp) hands it to the view.
#pragma once
#include <memory>

#include "cli/options.h"
#include "platform/result.h"
#include "data/postgis_source.h"

namespace cm {

// Connects to --projects "PG:…" for --layer [SCHEMA.]TABLE with the map `m` (districts, parks),
// and gives `m` the table's chain names (what the filters index). The message names the source
// (without its password).
Result<std::shared_ptr<PostgisSource>> openRemote(const Options& opt, Model& m);

// Exit status: 0, 1 (the map or the database failed; the message says which), 2 (a bad filter flag).
int runRemoteStats(const Options& opt);

}  // namespace cm
