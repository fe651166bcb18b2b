#!/usr/bin/env bash
# README command 2: install what is missing, build everything, run every test with CTest.
# The render and GUI tests need no display (EGL surfaceless, Mesa llvmpipe). Only the live-window
# tests (label "live") drive a real window: without a display, those run under Xvfb.
# Then scripts/sanitize.sh: the unit, render and GUI tests again under ASan+UBSan+LSan (build-asan/);
# CHAINMAP_SANITIZE=0 skips that second pass (a quick local run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh
export LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1}
CTEST=(ctest --test-dir build --output-on-failure -j"$(nproc)")
rc=0
if [ -n "${DISPLAY:-}" ]; then
  "${CTEST[@]}" "$@" || rc=$?
else
  "${CTEST[@]}" -LE live "$@" || rc=$?
  xvfb-run -a -s "-screen 0 1920x1200x24" "${CTEST[@]}" -L live "$@" || rc=$?
fi
# The short fuzz run: every parser harness for CHAINMAP_FUZZ_SECONDS each (60; 0 skips it).
if [ "${CHAINMAP_FUZZ_SECONDS:-60}" != 0 ]; then
  scripts/fuzz.sh "${CHAINMAP_FUZZ_SECONDS:-60}" || rc=$?
fi
# The sanitizer pass (AddressSanitizer + UndefinedBehaviorSanitizer + LeakSanitizer; 0 skips it).
if [ "${CHAINMAP_SANITIZE:-1}" != 0 ]; then
  scripts/sanitize.sh "$@" || rc=$?
fi
exit $rc
