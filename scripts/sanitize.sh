#!/usr/bin/env bash
# The sanitizer pass (README "Sanitizers"; scripts/test.sh runs it last, so CI does): a second
# build with AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer on, ASan's default on
# Linux) in build-asan/, then the unit, render and GUI tests under it (not the live-window tests:
# they need an X server), the long run with 50,000 events and the kiosk's six hours among them.
# Every ASan/LSan report, in a test process or in a binary it starts, is written under
# build-asan/sanitizer-reports/ (log_path); UBSan (which ignores log_path next to ASan) aborts the
# process and prints "runtime error:", looked for in the test log. The run fails when any test
# fails or any report was seen.
# Leaks inside third-party libraries are suppressed by tests/sanitize/lsan.supp (reasons there).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${CHAINMAP_ASAN_BUILD:-build-asan}
JOBS=${JOBS:-$(nproc)}
REPORTS=$ROOT/$BUILD/sanitizer-reports
# Which CTest labels run (a regex): the unit, render and GUI tests. The render tests start the
# real chainmap and some unit tests chainmap, chainmap-data and chainmap-gen, all sanitized too
# (the test targets depend on them), whose reports land in the same folder.
LABELS=${CHAINMAP_SANITIZE_LABELS:-unit|render|gui}
# The long run (tests/gui/test_long_run.cpp) gets 50,000 random UI events here (the Release pass
# runs 4,000). Its frames are dear under ASan (Mesa's per-draw buffers each become an mmap), so the
# 100,000 of its issue (1,113 s in the pass, 2026-12-07, the critical path) kept .ci/run over 45 minutes:
#   CHAINMAP_LONG_RUN_EVENTS=100000 scripts/sanitize.sh -R LongRun
export CHAINMAP_LONG_RUN_EVENTS=${CHAINMAP_LONG_RUN_EVENTS:-50000}
# The kiosk simulates six hours here (CI's Release pass, .ci/run, runs the whole
# twelve-hour day; under ASan a frame costs several times as much).
export CHAINMAP_KIOSK_HOURS=6

# intercept_tls_get_addr=0: LSan's tracking of dynamic TLS (__tls_get_addr) records a bogus
# range for a TLS block of Mesa's driver (seen: "DTLS 21 at 0x7b11-0x1800008c13") and its
# stop-the-world tracer then dies reading it ("Tracer caught signal 11", now and then under
# load). Without the tracking, memory reachable only from dynamic TLS would be reported as a
# leak, never hidden: the check gets stricter, not looser.
# malloc_context_size=10 (ASan's default 30): every allocation records 10 frames of its stack, not
# 30 — a report still shows where a block came from; the unwinding of every malloc and free was
# about a tenth of the sanitized long run.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:halt_on_error=1:intercept_tls_get_addr=0:malloc_context_size=10:log_path=$REPORTS/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:abort_on_error=1"
export LSAN_OPTIONS="suppressions=$ROOT/tests/sanitize/lsan.supp:print_suppressions=0"
export LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1}

cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHAINMAP_SANITIZE=ON >/dev/null
rm -rf "$REPORTS"; mkdir -p "$REPORTS"
built_from=$(date +%s)
cmake --build "$BUILD" -j"$JOBS" --target chainmap_unit_tests chainmap_render_tests chainmap_gui_tests
tests_from=$(date +%s)
rm -rf "$REPORTS"; mkdir -p "$REPORTS"   # test discovery at build time is not part of the verdict

rc=0
ctest --test-dir "$BUILD" --output-on-failure -j"$JOBS" -L "$LABELS" "$@" 2>&1 | tee "$BUILD/sanitize-ctest.log" || rc=$?
if grep -qE "runtime error:|ERROR: (Address|Leak|UndefinedBehavior)Sanitizer" "$BUILD/sanitize-ctest.log"; then
  echo "sanitize: a sanitizer report is in $BUILD/sanitize-ctest.log" >&2; rc=1
fi
if grep -q "No tests were found" "$BUILD/sanitize-ctest.log"; then  # a label or -R that matched nothing proves nothing
  echo "sanitize: no test matched (labels '$LABELS'; labels are a regular expression: unit|gui)" >&2; rc=1
fi
if compgen -G "$REPORTS/*" >/dev/null; then
  echo "sanitize: sanitizer reports were written:" >&2
  for f in "$REPORTS"/*; do echo "=== $f" >&2; cat "$f" >&2; done
  rc=1
fi
echo "sanitize: build $((tests_from - built_from)) s, tests $(($(date +%s) - tests_from)) s" >&2
[ $rc -eq 0 ] && echo "sanitize: tests labelled $LABELS pass under ASan+UBSan+LSan, no reports"
exit $rc
