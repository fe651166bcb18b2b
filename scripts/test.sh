#!/usr/bin/env bash
# README command 2: install what is missing, build, run every test with CTest.
#   scripts/test.sh            the quick default: build, then every unit, render, GUI and live test
#                              (the render and GUI tests need no display: EGL surfaceless, Mesa
#                              llvmpipe; only the live-window tests drive a real window, under their
#                              own Xvfb beside the others when there is no display)
#   scripts/test.sh --full     the same, then the fuzz run (scripts/fuzz.sh, CHAINMAP_FUZZ_SECONDS
#                              per harness, default 30) and the sanitizer pass (scripts/sanitize.sh:
#                              the tests again under ASan+UBSan+LSan, with the long run's 50,000
#                              events). CHAINMAP_FULL=1 scripts/test.sh is the same: .ci/run calls it so.
# Other arguments go to CTest (e.g. -R Import). The compiler cache (ccache) is used when present.
set -euo pipefail
cd "$(dirname "$0")/.."
full=0
[ "${CHAINMAP_FULL:-0}" = 1 ] && full=1
args=()
for a in "$@"; do
  if [ "$a" = --full ]; then full=1; else args+=("$a"); fi
done
start=$(date +%s)
# Each phase's seconds, printed with the verdict (the figures the README quotes come from here).
phases=""; mark=$start
lap() { local now; now=$(date +%s); phases+="${phases:+, }$1 $((now - mark)) s"; mark=$now; }
if [ $full = 1 ]; then scripts/deps.sh full; else scripts/deps.sh test; fi
lap packages
# The full run (CI) fails on any compiler warning in chainmap's own code.
if [ $full = 1 ]; then CHAINMAP_WERROR=ON scripts/build.sh; else scripts/build.sh; fi
lap build
export LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1}
# The full run simulates the kiosk's whole twelve-hour day (the quick one six hours).
if [ $full = 1 ]; then export CHAINMAP_KIOSK_HOURS=${CHAINMAP_KIOSK_HOURS:-12}; fi
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
if [ $full = 1 ]; then
  # The short fuzz run: every parser harness for CHAINMAP_FUZZ_SECONDS each (0 skips it).
  if [ "${CHAINMAP_FUZZ_SECONDS:-30}" != 0 ]; then
    FUZZ_JOBS=${FUZZ_JOBS:-$(nproc)} scripts/fuzz.sh "${CHAINMAP_FUZZ_SECONDS:-30}" || rc=$?
    lap "fuzz build and run"
  fi
  # The sanitizer pass (AddressSanitizer + UndefinedBehaviorSanitizer + LeakSanitizer).
  scripts/sanitize.sh ${args[@]+"${args[@]}"} || rc=$?
  lap "sanitizer build and tests"
fi
echo "test.sh: $([ $rc = 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - start )) s$([ $full = 1 ] && echo ' (full)') ($phases)" >&2
exit $rc
