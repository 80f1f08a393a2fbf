#!/usr/bin/env bash
# Installs the dependencies, builds everything (Release, with tests and
# benchmarks) and runs the whole test suite with ctest.
set -euo pipefail
cd "$(dirname "$0")"
bash tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DREPRINT_BUILD_TESTS=ON -DREPRINT_BUILD_BENCH=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
