#!/usr/bin/env bash
# Side by side: the same map as a PNG of the same size, whole process, from the command line —
#   chainmap --screenshot   (no X server: DISPLAY unset)
#   bench/geopandas_peer.py (geopandas + matplotlib, what an analyst would write)
# for the sample and the 20k/100k scale sets. Prints the median of RUNS runs (default 5) of each,
# and the peak resident memory, as a Markdown table.
#   bench/peer.sh [BUILD_DIR]      (BUILD_DIR defaults to build/; bench/run.sh makes the scale sets)
#   COLD=1 bench/peer.sh           the page cache dropped before every run (root), as bench/scale.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
runs="${RUNS:-5}"
size="${SIZE:-1600x1000}"
data="${CHAINMAP_DATA:-$root/../shared/data/hangzhou}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export LIBGL_ALWAYS_SOFTWARE=1

# median_run NAME CMD...: runs CMD $runs times, prints "median_s peak_MB"
median_run() {
  local times=() mems=() t
  for _ in $(seq "$runs"); do
    if [ "${COLD:-0}" = 1 ]; then sync; echo 3 >/proc/sys/vm/drop_caches; fi
    /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >/dev/null 2>&1 || true
    t=$(cat "$out/time.txt")
    times+=("${t% *}"); mems+=("${t#* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f ", a[int((NR+1)/2)]}'
  printf '%s\n' "${mems[@]}" | sort -n | tail -1 | awk '{printf "%.0f\n", $1/1024}'
}

echo "| projects | chainmap s | chainmap peak MB | geopandas + matplotlib s | peak MB | speed-up |"
echo "|---|---|---|---|---|---|"
for set in sample 20k 100k; do
  if [[ $set == sample ]]; then csv="$root/assets/hangzhou/projects_sample.csv"; else csv="$build/bench-data/projects_$set.csv"; fi
  [[ -f $csv ]] || continue
  read -r cs cm < <(median_run env -u DISPLAY -u WAYLAND_DISPLAY "$build/app/chainmap" --data "$data" --projects "$csv" \
    --size "$size" --screenshot "$out/chainmap.png")
  read -r ps pm < <(median_run /usr/bin/python3 "$root/bench/geopandas_peer.py" --data "$data" --projects "$csv" \
    --size "$size" --out "$out/peer.png")
  echo "| $set | $cs | $cm | $ps | $pm | $(awk -v a="$ps" -v b="$cs" 'BEGIN {printf "%.1f×", a / b}') |"
done
