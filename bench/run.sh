#!/usr/bin/env bash
# Builds chainmap-bench and chainmap-gen, generates the scale sets (20k, 100k, 1M projects) if
# they are missing, and runs the benchmark offscreen with Mesa's software renderer and no X
# server (EGL surfaceless: ui/gl_context.h).
#   bench/run.sh [BUILD_DIR] [chainmap-bench flags...]
#   BUILD_DIR defaults to build/ (configured Release if it does not exist yet).
#   CHAINMAP_BENCH_1M=0 skips the 1M-row set (it takes a while to generate).
# The scale sets go to BUILD_DIR/bench-data/ (never committed); results to BUILD_DIR/bench.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
[[ $# -gt 0 ]] && shift
case "$build" in /*) ;; *) build="$PWD/$build" ;; esac

"$root/scripts/deps.sh" bench
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" -j2 --target chainmap-bench chainmap-gen

data="$build/bench-data"
mkdir -p "$data"
gen() {  # gen COUNT FILE
  [[ -s "$2" ]] || "$build/app/chainmap-gen" --count "$1" --out "$2"
}
gen 20000 "$data/projects_20k.csv"
gen 100000 "$data/projects_100k.csv"
big=()
if [[ "${CHAINMAP_BENCH_1M:-1}" != 0 ]]; then
  gen 1000000 "$data/projects_1m.csv"
  big=(--projects "$data/projects_1m.csv")
fi

echo "machine: $(nproc) cores, $(uname -srm)"
export LIBGL_ALWAYS_SOFTWARE=1
exec "$build/bench/chainmap-bench" \
  --projects sample --projects "$data/projects_20k.csv" --projects "$data/projects_100k.csv" \
  "${big[@]}" --size 1600x1000 --json "$build/bench.json" "$@"
