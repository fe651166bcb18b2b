#!/usr/bin/env bash
# Remakes the README's screenshot (docs/screenshot.png) from the current build: the viewer as it
# opens (1600x1000, the default window), in English, on the Hangzhou data, rendered offscreen (no
# display needed). Run after a change a user would see:  scripts/screenshot.sh [chainmap flags…]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh --target chainmap >&2
LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1} build/app/chainmap --size 1600x1000 --lang en \
  --screenshot docs/screenshot.png "$@"
echo "docs/screenshot.png: remade" >&2
