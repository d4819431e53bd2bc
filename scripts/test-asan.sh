#!/usr/bin/env bash
# The whole test suite again under AddressSanitizer and UndefinedBehaviorSanitizer:
# a clang build with the asan preset in build-asan/ (which also holds the fuzz
# targets of scripts/fuzz.sh). The valgrind test is left out: valgrind cannot
# run a sanitized binary. Leaks count as failures, except the library caches
# listed in tests/asan/lsan.supp.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $(id -u) -eq 0 ]]; then bash scripts/install-deps.sh; else sudo bash scripts/install-deps.sh; fi
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan
