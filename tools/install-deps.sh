#!/usr/bin/env bash
# Installs the Debian packages reprint builds and tests with (docs/dependencies.md
# says why each is there). Runs apt-get update first; safe to run again.
set -euo pipefail
PACKAGES=(cmake g++ make pkg-config
          libxxhash-dev libabsl-dev libutf8proc-dev nlohmann-json3-dev libsimdjson-dev libcli11-dev zlib1g-dev
          libgtest-dev libbenchmark-dev
          clang-14 libclang-rt-14-dev)  # libFuzzer and sanitizer runtimes for tests/fuzz
PACKAGES+=("$@")
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ] || [ "${CI:-}" = "true" ]; then
  $SUDO apt-get update -qq
  if [ "${#missing[@]}" -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi
