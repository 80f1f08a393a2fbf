#!/usr/bin/env bash
# Installs the dependencies, builds reprint in Release, and scans the bundled
# corpus, printing the text summary. Extra arguments go to `reprint scan`.
set -euo pipefail
cd "$(dirname "$0")"
bash tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DREPRINT_BUILD_TESTS=OFF -DREPRINT_BUILD_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)" --target reprint_cli
./build/src/reprint scan "$@" corpus/seeds
