#!/usr/bin/env bash
# Sets everything up and runs the default pipeline (full-report) on the
# bundled sample workshop (the Miro board of a fictional council), writing
# the report, plan and record to out/sample/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $(id -u) -eq 0 ]]; then bash scripts/install-deps.sh; else sudo bash scripts/install-deps.sh; fi
bash scripts/build.sh
rm -rf out/sample
# The board knows the council; the workshop date and facilitator come from the command line.
build/bin/sdiag run samples/miro/castlebrook-board.json -o out/sample \
  --meta date=2026-02-10 --meta "facilitator=Jo Adams, Data to Insight"
echo
echo "The outputs are in $(pwd)/out/sample:"
ls -1 out/sample
