#!/usr/bin/env bash
# Runs every libFuzzer target built in BUILD_DIR (default build-fuzz) for
# REPRINT_FUZZ_SECONDS (default 60) each, on a working copy of its seed corpus
# tests/fuzz/corpus/<name>/ (the committed seeds are never modified).
# Prints one line per target with executions and exec/s; exits 1 if any
# target crashed, leaked, timed out or broke an invariant, naming the saved
# input (BUILD_DIR/fuzz-artifacts/<name>/crash-*). Replay one with
#   BUILD_DIR/tests/fuzz/fuzz_<name> BUILD_DIR/fuzz-artifacts/<name>/crash-...
# and turn it into a regression (tests/fuzz/regressions/<name>/ and a TEST in
# tests/fuzz_regression_test.cc).
#
# Usage: tests/fuzz/run.sh [BUILD_DIR] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/../.."
BUILD_DIR="${1:-build-fuzz}"
shift || true
SECONDS_EACH="${REPRINT_FUZZ_SECONDS:-60}"
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  for d in tests/fuzz/corpus/*/; do targets+=("$(basename "$d")"); done
fi
failed=0
for t in "${targets[@]}"; do
  bin="$BUILD_DIR/tests/fuzz/fuzz_$t"
  if [ ! -x "$bin" ]; then
    echo "fuzz $t: MISSING binary $bin"
    failed=1
    continue
  fi
  work="$BUILD_DIR/fuzz-corpus/$t"
  art="$BUILD_DIR/fuzz-artifacts/$t"
  log="$BUILD_DIR/fuzz-logs/$t.log"
  mkdir -p "$work" "$art" "$(dirname "$log")"
  # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: 2 GB is a
  # blow-up for inputs of at most 4 KB; -max_len keeps inputs small enough
  # that the scan target's brute-force reference stays cheap.
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" "$bin" "$work" "tests/fuzz/corpus/$t" -max_total_time="$SECONDS_EACH" -timeout=10 \
      -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
      -artifact_prefix="$art/" >"$log" 2>&1
  rc=$?
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  secs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE 'in [0-9]+' | grep -oE '[0-9]+' | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1)
  rate="?"
  if [ -n "${runs:-}" ] && [ -n "${secs:-}" ] && [ "$secs" -gt 0 ]; then rate=$((runs / secs)); fi
  if [ "$rc" -ne 0 ]; then
    echo "fuzz $t: FAILED (exit $rc) after ${runs:-?} runs; log $log"
    grep -E 'ERROR|SUMMARY|invariant|Test unit written|what\(\)' "$log" | head -20 | sed 's/^/    /'
    failed=1
  else
    echo "fuzz $t: ok, ${runs:-?} runs in ${secs:-?} s (${rate} exec/s), ${cov:-cov ?}"
  fi
done
exit "$failed"
