#!/usr/bin/env bash
# Browser check of the HTML report (issue 5): builds the report of the
# fixtures with the isnad binary, opens it in Debian's headless Chromium via
# playwright-core (no browser download: /usr/bin/chromium), checks the DOM and
# takes screenshots (target/browser/report.png, target/browser/report-seeds.png;
# ISNAD_UPDATE_DOCS=1 copies the latter to docs/report-seeds.png).
#
# Outside CI, a missing node or Chromium skips the check with the reason
# (exit 0); with CI=true it is a failure. `bash scripts/setup.sh` as root
# installs Chromium. Override the browser with CHROMIUM=/path, the binary
# with ISNAD_BIN=/path.
set -euo pipefail
cd "$(dirname "$0")/../.."

chromium=${CHROMIUM:-/usr/bin/chromium}
skip() {
  if [ "${CI:-}" = "true" ]; then
    echo "browser check: FAILED: $1 (CI=true, so this is not skipped)" >&2
    exit 1
  fi
  echo "browser check: skipped: $1"
  exit 0
}
command -v node >/dev/null || skip "node is not installed (Debian: apt-get install nodejs npm)"
command -v npm >/dev/null || skip "npm is not installed (Debian: apt-get install npm)"
[ -x "$chromium" ] || skip "$chromium not found (as root: bash scripts/setup.sh, or apt-get install chromium)"

if [ -z "${ISNAD_BIN:-}" ]; then
  cargo build --quiet --bin isnad
  ISNAD_BIN=target/debug/isnad
fi

out=target/browser
mkdir -p "$out"
# The report of the fixtures: the five seed articles, the SaudiNewsNet sample
# (real wire copy across outlets) and the hostile articles.
inputs=(fixtures/seeds fixtures/inputs/saudinewsnet-sample.jsonl fixtures/html/hostile.jsonl)
"$ISNAD_BIN" --quiet compare "${inputs[@]}" --format html --output "$out/report.html"
"$ISNAD_BIN" --quiet compare "${inputs[@]}" --format json --output "$out/report.json"
"$ISNAD_BIN" --quiet compare fixtures/seeds --format html --output "$out/seeds.html"
"$ISNAD_BIN" --quiet compare fixtures/seeds --format json --output "$out/seeds.json"
# Two outlets carrying the same table dumped on one line: cut pieces in statements.
"$ISNAD_BIN" --quiet compare fixtures/report/cut.jsonl --format html --output "$out/cut.html"
"$ISNAD_BIN" --quiet compare fixtures/report/cut.jsonl --format json --output "$out/cut.json"

if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi

export CHROMIUM="$chromium" ISNAD_REPORT_DIR="$PWD/$out"
node --test tests/browser/report.test.mjs
# The screenshot in the docs changes only on request, so a test run leaves
# the work tree clean.
if [ "${ISNAD_UPDATE_DOCS:-}" = 1 ]; then
  cp "$out/report-seeds.png" docs/report-seeds.png
  echo "browser check: updated docs/report-seeds.png"
fi
