#!/usr/bin/env bash
# Fuzz chainmap's own parsers with libFuzzer (tests/fuzz/): builds the harnesses in build-fuzz/
# with clang-14 (ASan + UBSan + libFuzzer; the core library instrumented, nothing else built), then
# runs each for SECONDS (default 60; `scripts/fuzz.sh 3600` for the hour-long run) from its seed
# corpus, on half the cores at a time (FUZZ_JOBS). Fails on any crash, hang (-timeout),
# leak or sanitizer report; the reproducer is left in build-fuzz/findings/NAME/.
#   scripts/fuzz.sh [SECONDS] [NAME...]     e.g. scripts/fuzz.sh 300 tour values
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
shift || true
B=build-fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B $B -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHAINMAP_FUZZ=ON -DCHAINMAP_TESTS=OFF >/dev/null
cmake --build $B -j"${FUZZ_BUILD_JOBS:-$(nproc)}" --target chainmap_fuzzers
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.cpp; do n=$(basename "$f" .cpp); names+=("${n#fuzz_}"); done
fi
dict_for() {
  case "$1" in
    tour|fetch|field_mapping) echo tests/fuzz/json.dict ;;
    csv_chunks|projects_csv|table) echo tests/fuzz/csv.dict ;;
    values) echo tests/fuzz/values.dict ;;
  esac
}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
run_one() {
  local n=$1 work=$B/fuzz-corpus/$1 out=$B/findings/$1
  rm -rf "$out"; mkdir -p "$work" "$out"
  local dict; dict=$(dict_for "$n")
  # New inputs go to the scratch corpus (build-fuzz/fuzz-corpus/NAME); the seeds are read only.
  if "$B/tests/fuzz/fuzz_$n" "$work" "tests/fuzz/corpus/$n" -max_total_time="$SECONDS_EACH" \
      -timeout=10 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$out/" ${dict:+-dict=$dict} >"$out/log.txt" 2>&1; then
    echo "fuzz $n: ok ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/log.txt" | grep -o '[0-9]*$') runs in ${SECONDS_EACH}s)"
  else
    echo "fuzz $n: FAILED — see $out/log.txt and the reproducer in $out/"; tail -40 "$out/log.txt"; return 1
  fi
}
rc=0
jobs_max=${FUZZ_JOBS:-$(( $(nproc) / 2 > 0 ? $(nproc) / 2 : 1 ))}
pids=()
for n in "${names[@]}"; do
  run_one "$n" & pids+=($!)
  if [ ${#pids[@]} -ge "$jobs_max" ]; then wait "${pids[0]}" || rc=1; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p" || rc=1; done
exit $rc
