#!/usr/bin/env bash
# Configures and builds chainmap (Release) into build/. Extra arguments go to `cmake --build`
# (e.g. --target chainmap). CHAINMAP_WERROR=ON makes a compiler warning an error (CI, .ci/run,
# sets it). ccache is used when installed (CMakeLists.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-$(nproc)}
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCHAINMAP_WERROR="${CHAINMAP_WERROR:-OFF}" >/dev/null
cmake --build build -j"$JOBS" "$@"
