// One function turns command-line options into the state a window opens with: main, the
// benchmark and (later) tours use it, so a flag means the same everywhere.
#pragma once
#include "cli/options.h"
#include "core/model.h"
#include "platform/result.h"
#include "ui/app_state.h"

namespace cm {

// The model's default state (defaultState) with the flags applied: filter and time window,
// language, layers, aggregation, selection, and the view (--size, --extent or Hangzhou fitted).
// Any bad flag fails with its message (main exits 2).
Result<AppState> stateFromOptions(const Options& o, const Model& m);

}  // namespace cm
