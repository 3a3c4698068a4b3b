#!/usr/bin/env bash
# Installs what the tests need on a bare machine. Safe to run again.
set -euo pipefail
command -v cargo >/dev/null || { echo "cargo is required (https://rustup.rs)" >&2; exit 1; }
rustup component add rustfmt clippy >/dev/null 2>&1 || true

# The browser check of the HTML report (tests/browser/run.sh) needs Debian's
# Chromium (never a downloaded browser) and a font with Arabic glyphs, plus
# node >= 20 and npm for playwright-core.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing chromium for the browser check"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  else
    echo "setup: /usr/bin/chromium is missing; the browser check will be skipped. Install it with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-dejavu-core" >&2
  fi
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: node >= 20 and npm are needed for the browser check (tests/browser); install them from your distribution or nodejs.org" >&2
fi
