#!/usr/bin/env bash
# Opening large project tables, whole process, from the command line: first open (empty cache),
# reopen (the columnar cache beside the user's data), a headless screenshot with no X server, and
# the peak resident memory of each, for the 20k / 100k / 1M scale sets (bench/run.sh makes them).
# Beside them, in the same run, the peer: pandas.read_csv of the same file (every column).
#   bench/scale.sh [BUILD_DIR]    RUNS=3 by default; prints a Markdown table of medians.
#   COLD=1 bench/scale.sh         the page cache dropped before every run (root: what a fresh
#                                 machine's first run of each meets; the warm figures are the default)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
runs="${RUNS:-3}"
size="${SIZE:-1600x1000}"
data="${CHAINMAP_DATA:-$root/../shared/data/hangzhou}"
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT
export CHAINMAP_CACHE_DIR="$cache/projects" LIBGL_ALWAYS_SOFTWARE=1
app="$build/app/chainmap"

# one CMD...: "seconds peak_MB" of one run
cold() { if [ "${COLD:-0}" = 1 ]; then sync; echo 3 >/proc/sys/vm/drop_caches; fi; }
one() { cold; /usr/bin/time -f "%e %M" -o "$cache/time.txt" "$@" >/dev/null 2>&1 || true; awk '{printf "%.2f %.0f\n", $1, $2/1024}' "$cache/time.txt"; }
median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }

echo "| projects | first open s (peak MB) | reopen s (peak MB) | screenshot, no X server, s (peak MB) | pandas.read_csv s (peak MB) | reopen / pandas | first open / pandas |"
echo "|---|---|---|---|---|---|---|"
for set in 20k 100k 1m; do
  csv="$build/bench-data/projects_$set.csv"
  [[ -f $csv ]] || continue
  stats=("$app" --data "$data" --projects "$csv" --stats)
  first=$(for _ in $(seq "$runs"); do rm -rf "${cache:?}"/projects; one "${stats[@]}"; done | median)
  one "${stats[@]}" >/dev/null  # the cache is written
  again=$(for _ in $(seq "$runs"); do one "${stats[@]}"; done | median)
  shot=$(for _ in $(seq "$runs"); do one env -u DISPLAY -u WAYLAND_DISPLAY "$app" --data "$data" --projects "$csv" \
    --size "$size" --screenshot "$cache/shot.png"; done | median)
  pandas=$(for _ in $(seq "$runs"); do one /usr/bin/python3 -c 'import sys, pandas; pandas.read_csv(sys.argv[1])' "$csv"; done | median)
  f() { echo "${1% *} (${1#* })"; }
  ratio() { awk -v a="${1% *}" -v b="${2% *}" 'BEGIN {printf "%.3f", a / b}'; }
  echo "| $set | $(f "$first") | $(f "$again") | $(f "$shot") | $(f "$pandas") | $(ratio "$again" "$pandas") | $(ratio "$first" "$pandas") |"
done
