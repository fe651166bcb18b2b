#!/usr/bin/env bash
# Installs the Debian bookworm packages chainmap needs for one purpose, only those that are missing.
# Runs as root, or through sudo when available.
#   scripts/deps.sh run     build and run the viewer and its tools (scripts/run.sh)
#   scripts/deps.sh test    + the test toolchain: GoogleTest, Xvfb, xdotool and xwd (live-window tests), cs2cs,
#                           PostgreSQL 15 + PostGIS (tests start a throwaway server), ffmpeg
#                           (video tests), ccache (faster rebuilds)          (scripts/test.sh)
#   scripts/deps.sh full    + clang-14 and its runtimes: libFuzzer and the sanitizers (.ci/run)
#   scripts/deps.sh bench   + the benchmark's peers (geopandas, PostGIS) and its charts (bench/run.sh, docs/PERFORMANCE.md)
set -euo pipefail
PURPOSE=${1:-run}
RUN=(cmake g++ make pkg-config python3-glad
     libglfw3-dev libimgui-dev libgl-dev libegl-dev libegl-mesa0 libgl1-mesa-dri libfreetype-dev libfontconfig-dev fonts-noto-cjk
     libgdal-dev libproj-dev libgeos-dev libstb-dev libpng-dev libcurl4-openssl-dev libpq-dev
     nlohmann-json3-dev libcli11-dev libnanoflann-dev)
TEST=(libgtest-dev xvfb xauth xdotool x11-apps proj-bin gdal-bin postgresql-15 postgresql-15-postgis-3 ffmpeg ccache)
FULL=(clang-14 libclang-rt-14-dev)
BENCH=(python3-geopandas python3-matplotlib postgresql-15 postgresql-15-postgis-3 ccache)
case "$PURPOSE" in
  run) PKGS=("${RUN[@]}") ;;
  test) PKGS=("${RUN[@]}" "${TEST[@]}") ;;
  full) PKGS=("${RUN[@]}" "${TEST[@]}" "${FULL[@]}") ;;
  bench) PKGS=("${RUN[@]}" "${BENCH[@]}") ;;
  *) echo "scripts/deps.sh: unknown purpose '$PURPOSE' (run, test, full or bench)" >&2; exit 2 ;;
esac
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "chainmap: installing missing Debian packages ($PURPOSE): ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
