#!/usr/bin/env bash
# Sets everything up and runs the default pipeline (full-report) on the
# bundled sample workshop, writing the report, plan and record to out/sample/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $(id -u) -eq 0 ]]; then bash scripts/install-deps.sh; else sudo bash scripts/install-deps.sh; fi
bash scripts/build.sh
rm -rf out/sample
build/bin/sdiag run samples/castlebrook/diagnostic.json -o out/sample
echo
echo "The outputs are in $(pwd)/out/sample:"
ls -1 out/sample
