#!/usr/bin/env bash
# README command 1: install what is missing, build, make sure district boundaries exist, start
# the viewer on the Hangzhou data. Extra arguments go to chainmap (e.g. --lang en).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh run
scripts/build.sh --target chainmap chainmap-data >&2  # stdout stays chainmap's own (run.sh --stats > f.json)
if ! build/app/chainmap-data where >/dev/null 2>&1; then
  echo "chainmap: no district boundaries found; fetching them once (needs internet)…" >&2
  build/app/chainmap-data fetch >&2
fi
exec build/app/chainmap "$@"
