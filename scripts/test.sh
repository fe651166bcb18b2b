#!/usr/bin/env bash
# README command 2: install what is missing, build, run every test with CTest: every unit, render,
# GUI and live test (the render and GUI tests need no display: EGL surfaceless, Mesa llvmpipe; only
# the live-window tests drive a real window, under their own Xvfb beside the others when there is
# no display). CI (.ci/run) runs this command, then the fuzz run and the sanitizer pass.
# CHAINMAP_WERROR=ON makes a compiler warning in chainmap's own code an error (CI sets it);
# CHAINMAP_KIOSK_HOURS the kiosk's simulated day (6 hours; CI 12).
# Arguments go to CTest (e.g. -R Import). The compiler cache (ccache) is used when present.
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
start=$(date +%s)
# Each phase's seconds, printed with the verdict (the figures the README quotes come from here).
phases=""; mark=$start
lap() { local now; now=$(date +%s); phases+="${phases:+, }$1 $((now - mark)) s"; mark=$now; }
scripts/deps.sh test
lap packages
scripts/build.sh
lap build
export LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1}
CTEST=(ctest --test-dir build --output-on-failure -j"$(nproc)")
rc=0
if [ -n "${DISPLAY:-}" ]; then
  "${CTEST[@]}" ${args[@]+"${args[@]}"} || rc=$?
elif [ ${#args[@]} -gt 0 ]; then
  "${CTEST[@]}" -LE live "${args[@]}" || rc=$?
  xvfb-run -a -s "-screen 0 1920x1200x24" "${CTEST[@]}" -L live "${args[@]}" || rc=$?
else
  # The live-window tests (one after another, in their own Xvfb) run beside the others: they mostly
  # wait for the window, so they cost the headless tests little and save their minute of waiting.
  # Their program runs directly (a second CTest would share build/Testing with the first). The
  # headless tests run at a lower priority (nice 10): a live window starved of CPU for half a second
  # would look settled before it had handled the key it was sent.
  live_log=build/Testing/live-tests.log
  mkdir -p build/Testing
  CHAINMAP_CACHE_DIR="$PWD/build/test-cache" xvfb-run -a -s "-screen 0 1920x1200x24" \
    timeout 900 build/tests/chainmap_live_tests >"$live_log" 2>&1 &
  live_pid=$!
  nice -n 10 "${CTEST[@]}" -LE live || rc=$?
  live_rc=0; wait "$live_pid" || live_rc=$?
  echo "--- the live-window tests (under Xvfb, beside the others; $live_log):"
  if [ $live_rc = 0 ]; then grep -E '^\[ *(OK|PASSED|SKIPPED) ' "$live_log"; else cat "$live_log"; rc=$live_rc; fi
fi
lap tests
echo "test.sh: $([ $rc = 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - start )) s ($phases)" >&2
exit $rc
