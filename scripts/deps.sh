#!/usr/bin/env bash
# Installs the Debian bookworm packages chainmap needs, only those that are missing.
# Runs as root, or through sudo when available.
set -euo pipefail
PKGS=(cmake g++ make pkg-config python3-glad
      libglfw3-dev libimgui-dev libgl-dev libegl-dev libegl-mesa0 libgl1-mesa-dri libfreetype-dev libfontconfig-dev fonts-noto-cjk
      libgdal-dev gdal-bin libproj-dev proj-bin libgeos-dev libstb-dev libpng-dev libcurl4-openssl-dev
      nlohmann-json3-dev libcli11-dev libnanoflann-dev libgtest-dev xvfb xauth xdotool x11-apps
      postgresql-15 postgresql-15-postgis-3 libpq-dev ffmpeg python3-geopandas python3-matplotlib)
PKGS+=(clang-14 libclang-rt-14-dev)  # scripts/fuzz.sh: libFuzzer harnesses (tests/fuzz/)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "chainmap: installing missing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
