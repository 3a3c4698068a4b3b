#!/usr/bin/env bash
# The project's test command (README: "run the tests"). Installs what the
# tests need (scripts/setup.sh), runs every Rust test, then the browser check
# of the HTML report. Tests that need ../shared/data skip with a printed
# reason when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo test --workspace
if [ -x tests/browser/run.sh ]; then
  bash tests/browser/run.sh
fi
