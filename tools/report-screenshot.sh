#!/usr/bin/env bash
# Regenerates docs/report.png: the HTML report of corpus/seeds opened, in
# headless Chromium, on the paragraph cluster of 000's "By this act" pull
# quote, at its pair with 001 (an aligned passage with one edited word).
#   bash tools/report-screenshot.sh [BUILD_DIR]     (default: build)
# Needs chromium (bash tools/install-deps.sh chromium) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$BUILD/src/reprint" scan -q --format json corpus/seeds -o "$tmp/report.json"
"$BUILD/src/reprint" scan -q --format html corpus/seeds -o "$tmp/report.html"
hash=$(python3 - "$tmp/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for c in r["clusters"]:
    if c["kind"] != "repeated-passage":
        continue
    for i, p in enumerate(c["pairs"]):
        a, b = c["members"][p["a"]]["text"], c["members"][p["b"]]["text"]
        if "By this act, the American" in a and "Yahya Rasool" in b:
            print(f"cluster={c['id']}&pair={i}")
            sys.exit(0)
sys.exit("no such pair")
PY
)
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --disable-quic \
  --user-data-dir="$tmp/profile" --hide-scrollbars --virtual-time-budget=5000 \
  --window-size=1400,1000 --screenshot="$PWD/docs/report.png" \
  "file://$tmp/report.html#$hash" 2>/dev/null
echo "docs/report.png: report.html#$hash"
