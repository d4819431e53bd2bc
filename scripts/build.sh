#!/usr/bin/env bash
# Configures and builds sdiag in build/ (Release, Ninja). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF
[[ -n "${CI:-}" ]] && werror=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSDIAG_WERROR=$werror "$@"
cmake --build build -j2
