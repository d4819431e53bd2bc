#!/usr/bin/env bash
# Builds the libFuzzer targets (clang; ASan + UBSan + fuzzer coverage) in
# build-asan/ and runs each one on its seed corpus from tests/fuzz/corpus/.
#
#   scripts/fuzz.sh [--ci] [--time SECONDS] [--regress] [TARGET...]
#
#   --ci          15 s per target; exit 1 if any target finds a crash, hang,
#                 leak or sanitizer report (the CI step)
#   --time N      fuzz each target for N seconds (default 60)
#   --regress     only replay the seed corpus (every crash found so far is
#                 kept there), no fuzzing
#   TARGET        e.g. miro csv plan-xlsx (default: every target built)
#
# Long campaigns want an otherwise idle machine: libFuzzer's -timeout counts
# wall time, so a unit starved of CPU (or a paused fuzzer) reports a false
# timeout. Reproduce any timeout with the target alone before believing it.
#
# New inputs go to build-asan/fuzz/corpus/TARGET/, crashes to
# build-asan/fuzz/artifacts/. Copy a crashing input into
# tests/fuzz/corpus/TARGET/ once it is fixed, so it is replayed for ever.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
regress=0
targets=()
while (($#)); do
  case "$1" in
    --ci) seconds=15 ;;
    --time) seconds="$2"; shift ;;
    --regress) regress=1 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) targets+=("$1") ;;
  esac
  shift
done

# The fuzz targets live in the sanitizer build of the asan preset (clang;
# ASan + UBSan + fuzzer coverage, -O1 with line tables), the same build that
# scripts/test-asan.sh runs the test suite in.
build=build-asan
cmake --preset asan >/dev/null
cmake --build --preset asan --target fuzz-all


if ((${#targets[@]} == 0)); then
  for exe in "$build"/fuzz/fuzz-*; do targets+=("${exe##*/fuzz-}"); done
fi

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
mkdir -p "$build/fuzz/artifacts"
failed=()
for t in "${targets[@]}"; do
  exe="$build/fuzz/fuzz-$t"
  seeds="tests/fuzz/corpus/$t"
  [[ -x "$exe" ]] || { echo "fuzz.sh: no target $t (is its plugin built?)" >&2; failed+=("$t"); continue; }
  mkdir -p "$seeds"
  log="$build/fuzz/$t.log"
  if ((regress)); then
    args=(-runs=0 "$seeds")
  else
    mkdir -p "$build/fuzz/corpus/$t"
    args=("$build/fuzz/corpus/$t" "$seeds" -max_total_time="$seconds")
  fi
  echo "== fuzz-$t ${args[*]}"
  if "$exe" "${args[@]}" -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$build/fuzz/artifacts/$t-" >"$log" 2>&1; then
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|cov:" "$log" | tail -n 3 || true
  else
    echo "fuzz.sh: fuzz-$t FAILED (log: $log)" >&2
    grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$log" | head -n 20 >&2 || true
    failed+=("$t")
  fi
done
if ((${#failed[@]})); then
  echo "fuzz.sh: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: ${#targets[@]} targets clean"
