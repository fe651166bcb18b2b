#!/usr/bin/env bash
# README command 2: install what is missing, build everything, run every test with CTest.
# Render tests need a display: without one, the run goes under Xvfb (Mesa llvmpipe).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
export LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1}
CTEST=(ctest --test-dir build --output-on-failure -j"$(nproc)")
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1200x24" "${CTEST[@]}" "$@"
fi
exec "${CTEST[@]}" "$@"
