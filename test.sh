#!/usr/bin/env bash
# Installs the dependencies, then runs every check docs/reliability.md lists:
#   1. Release build (tests and benchmarks) and the whole suite with ctest,
#      then the peak memory each test with a ceiling measured;
#   2. the same suite built with ASan+UBSan (GCC, -DREPRINT_SANITIZE=ON);
#   3. the libFuzzer targets (clang, -DREPRINT_FUZZ=ON), each run for
#      REPRINT_FUZZ_SECONDS (default 60) on its seed corpus.
# Every stage runs even if an earlier one failed; the summary names what
# failed, and the last line is "N passed, N failed" (ctest tests of both
# suites plus one per fuzz target). Exit status 1 if anything failed.
#
# Environment: REPRINT_FUZZ_SECONDS=0 skips the fuzz stage; REPRINT_SANITIZE_SUITE=0
# skips the sanitizer stage (for quick local runs; CI runs everything).
set -uo pipefail
cd "$(dirname "$0")"
JOBS="$(nproc)"
FUZZ_SECONDS="${REPRINT_FUZZ_SECONDS:-60}"
SANITIZE_SUITE="${REPRINT_SANITIZE_SUITE:-1}"
start_all=$(date +%s)
passed=0
failed=0
failures=()

section() { printf '\n========== %s ==========\n' "$*"; }
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }
fail_stage() { failures+=("$1"); failed=$((failed + 1)); }

# Runs ctest in build dir $1 (label $2), adds its counts to the totals.
run_ctest() {
  local dir="$1" label="$2" log
  log="$(mktemp)"
  ctest --test-dir "$dir" --output-on-failure -j"$JOBS" 2>&1 | tee "$log"
  local summary total nfail
  summary=$(grep -oE '[0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
  if [ -z "$summary" ]; then
    fail_stage "$label: ctest printed no summary"
  else
    nfail=$(echo "$summary" | grep -oE '^[0-9]+')
    total=$(echo "$summary" | grep -oE '[0-9]+$')
    passed=$((passed + total - nfail))
    failed=$((failed + nfail))
    if [ "$nfail" -gt 0 ]; then failures+=("$label: $nfail of $total tests failed"); fi
  fi
  rm -f "$log"
}

section "dependencies"
t=$(date +%s)
# chromium: tests/html_browser_test.cc opens the HTML report headless; with
# REPRINT_REQUIRE_BROWSER set it fails (instead of skipping) without one.
bash tools/install-deps.sh chromium || { echo "tools/install-deps.sh failed"; exit 1; }
export REPRINT_REQUIRE_BROWSER=1
echo "dependencies: $(elapsed "$t")"

section "Release build"
t=$(date +%s)
if cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DREPRINT_BUILD_TESTS=ON \
       -DREPRINT_BUILD_BENCH=ON >/dev/null &&
   cmake --build build -j"$JOBS"; then
  echo "Release build: $(elapsed "$t")"
  section "Release test suite (ctest)"
  t=$(date +%s)
  run_ctest build "Release suite"
  echo "Release suite: $(elapsed "$t")"
  section "peak memory of the Release suite (tests with a ceiling)"
  # Each test with a memory ceiling (tests/support/peak_rss.h) prints one
  # "[ peak RSS ]" line; ctest keeps the output of passing tests only in its log.
  if ! grep -h '\[ peak RSS \]' build/Testing/Temporary/LastTest.log 2>/dev/null |
       sed 's/^.*\[ peak RSS \] //' | sort; then
    echo "no [ peak RSS ] lines in build/Testing/Temporary/LastTest.log"
  fi
else
  fail_stage "Release build"
fi

if [ "$SANITIZE_SUITE" != "0" ]; then
  section "sanitizer build (ASan+UBSan, GCC)"
  t=$(date +%s)
  # -O1 with assertions on (no NDEBUG); benchmarks are not needed here.
  if cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
         -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DREPRINT_SANITIZE=ON \
         -DREPRINT_BUILD_TESTS=ON -DREPRINT_BUILD_BENCH=OFF >/dev/null &&
     cmake --build build-asan -j"$JOBS"; then
    echo "sanitizer build: $(elapsed "$t")"
    section "sanitizer test suite (ctest; big blow-up cases skip themselves)"
    t=$(date +%s)
    export ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    run_ctest build-asan "sanitizer suite"
    unset ASAN_OPTIONS UBSAN_OPTIONS
    echo "sanitizer suite: $(elapsed "$t")"
  else
    fail_stage "sanitizer build"
  fi
else
  section "sanitizer suite skipped (REPRINT_SANITIZE_SUITE=0)"
fi

if [ "$FUZZ_SECONDS" != "0" ]; then
  section "fuzz build (clang-14, libFuzzer+ASan+UBSan)"
  t=$(date +%s)
  if CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
         -DREPRINT_FUZZ=ON -DREPRINT_BUILD_TESTS=OFF -DREPRINT_BUILD_BENCH=OFF >/dev/null &&
     cmake --build build-fuzz -j"$JOBS"; then
    echo "fuzz build: $(elapsed "$t")"
    section "fuzzing, ${FUZZ_SECONDS} s per target"
    t=$(date +%s)
    fuzz_log="$(mktemp)"
    REPRINT_FUZZ_SECONDS="$FUZZ_SECONDS" bash tests/fuzz/run.sh build-fuzz | tee "$fuzz_log"
    passed=$((passed + $(grep -cE '^fuzz [a-z_]+: ok' "$fuzz_log")))
    nfail=$(grep -cE '^fuzz [a-z_]+: (FAILED|MISSING)' "$fuzz_log")
    failed=$((failed + nfail))
    if [ "$nfail" -gt 0 ]; then failures+=("fuzzing: $nfail targets failed"); fi
    rm -f "$fuzz_log"
    echo "fuzzing: $(elapsed "$t")"
  else
    fail_stage "fuzz build"
  fi
else
  section "fuzzing skipped (REPRINT_FUZZ_SECONDS=0)"
fi

section "summary"
echo "test.sh took $(elapsed "$start_all")"
if [ "${#failures[@]}" -gt 0 ]; then
  printf 'FAILED: %s\n' "${failures[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
