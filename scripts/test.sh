#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: installs the Debian
# packages (as root), builds, and runs every test with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $(id -u) -eq 0 ]]; then bash scripts/install-deps.sh; else sudo bash scripts/install-deps.sh; fi
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j2
